"""The user's settings, and the access token kept apart from them.

Settings live in one JSON file, `settings.json` in `app.paths.config_dir()` (see
`app.store.location`, which also reads it to find the local catalog). JSON
rather than QSettings because the file is the same on every platform (QSettings
writes the Windows registry there), a person can read it in a support call, tests
read it without Qt, and the scanner and printer pages keep free-form sections in it.
Unknown keys are kept and written back, so an older build does not erase a newer
build's settings. A damaged file is set aside as `settings.json.damaged` and the
defaults are used.

The token never goes into that file or the log. `TokenStore` keeps it in the OS
keyring (service "komora", user name = the server's URL). Where the machine has no
usable keyring the store keeps the token in memory only, `persistent` is False and
the app asks for it at each start.
"""

from __future__ import annotations

import copy
import json
import logging
import os
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

from app.store.location import API_LOCALES, BACK_OFFICE_MODE, settings_file

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "komora"


class ServerMode(StrEnum):
    SANDBOX = "sandbox"  # the in-process sandbox server with the demo catalog
    BACK_OFFICE = BACK_OFFICE_MODE  # a real back office at `back_office_url`


@dataclass
class Settings:
    server_mode: ServerMode = ServerMode.SANDBOX
    back_office_url: str = ""
    locale: str = "uk"  # the API's {locale}: language of names and messages
    interface_language: str = ""  # "uk", "en", or "" to follow the system
    debug_logging: bool = False
    scanner: dict[str, Any] = field(default_factory=dict)  # owned by the scanner page
    printer: dict[str, Any] = field(default_factory=dict)  # owned by the printer page
    unknown: dict[str, Any] = field(default_factory=dict)  # kept, written back

    @property
    def uses_back_office(self) -> bool:
        """True only when a back office is chosen and its URL is filled in."""
        return self.server_mode is ServerMode.BACK_OFFICE and bool(
            self.back_office_url.strip()
        )

    def copy(self) -> Settings:
        return copy.deepcopy(self)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.unknown)
        data.update(
            server_mode=self.server_mode.value,
            back_office_url=self.back_office_url,
            locale=self.locale,
            interface_language=self.interface_language,
            debug_logging=self.debug_logging,
            scanner=self.scanner,
            printer=self.printer,
        )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        """Tolerant: a wrong value falls back to its default, with a warning."""
        defaults = cls()
        known = {f.name for f in fields(cls)} - {"unknown"}
        result = cls(unknown={k: v for k, v in data.items() if k not in known})

        mode = data.get("server_mode", defaults.server_mode)
        try:
            result.server_mode = ServerMode(mode)
        except ValueError:
            logger.warning("settings: unknown server_mode %r", mode)
        for name, kind in (
            ("back_office_url", str),
            ("locale", str),
            ("interface_language", str),
            ("debug_logging", bool),
            ("scanner", dict),
            ("printer", dict),
        ):
            if name not in data:
                continue
            if isinstance(data[name], kind):
                setattr(result, name, data[name])
            else:
                logger.warning("settings: %s should be %s", name, kind.__name__)
        if result.locale not in API_LOCALES:
            logger.warning("settings: unknown API locale %r, using uk", result.locale)
            result.locale = "uk"
        return result


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        damaged = path.with_name(path.name + ".damaged")
        logger.warning(
            "settings file %s unreadable (%s); moved to %s, using defaults",
            path,
            error,
            damaged,
        )
        os.replace(path, damaged)
        return Settings()
    if not isinstance(data, dict):
        logger.warning("settings file %s holds no object; using defaults", path)
        return Settings()
    return Settings.from_json(data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the previous file whole."""
    path = path or settings_file()
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(
        json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    os.replace(temporary, path)
    logger.info("settings saved to %s", path)


# --- the token --------------------------------------------------------------------


class TokenStore:
    """Access tokens per server URL: in the OS keyring, else in memory only.

    `backend` is for tests; by default the keyring package's chosen backend is used.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend
        self._memory: dict[str, str] = {}
        self.unavailable_reason = ""
        backend = self._keyring()
        if isinstance(backend, fail.Keyring):
            self._give_up("no keyring backend is installed or unlocked")

    @property
    def persistent(self) -> bool:
        """False when tokens live only as long as the app runs."""
        return not self.unavailable_reason

    def get(self, url: str) -> str | None:
        if url in self._memory:
            return self._memory[url]
        if not self.persistent:
            return None
        try:
            return self._keyring().get_password(KEYRING_SERVICE, url)
        except keyring.errors.KeyringError as error:
            self._give_up(f"reading the keyring failed: {type(error).__name__}")
            return None

    def set(self, url: str, token: str) -> bool:
        """Keep `token` for `url`; True when it is stored beyond this run."""
        if not token:
            self.delete(url)
            return self.persistent
        if self.persistent:
            try:
                self._keyring().set_password(KEYRING_SERVICE, url, token)
            except keyring.errors.KeyringError as error:
                self._give_up(f"writing the keyring failed: {type(error).__name__}")
            else:
                self._memory.pop(url, None)
                logger.info("token for %s stored in the keyring", url)
                return True
        self._memory[url] = token
        logger.info("token for %s kept in memory only", url)
        return False

    def delete(self, url: str) -> None:
        self._memory.pop(url, None)
        if not self.persistent:
            return
        try:
            self._keyring().delete_password(KEYRING_SERVICE, url)
        except keyring.errors.PasswordDeleteError:
            pass  # there was none
        except keyring.errors.KeyringError as error:
            logger.warning("could not delete the token for %s: %s", url, type(error))

    def _keyring(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def _give_up(self, reason: str) -> None:
        # the reason names the failure, never the token
        self.unavailable_reason = reason
        logger.warning("tokens will be kept in memory only: %s", reason)
