"""Which local catalog file belongs to the server the settings choose.

One catalog file per server, in the user data folder: the sandbox keeps one file
whatever its port (its data does not change with it); a back office gets a file named
by a digest of its URL and API locale, so switching servers never mixes catalogs.
The desktop app and `komora labels` both ask here, so a command reads the catalog
the app synced.

The settings file is the desktop app's (`app.gui.settings` owns its format); this
module reads only the three keys that choose the server, as plain JSON, so commands
need neither Qt nor the GUI package.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from app import paths

logger = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"
SANDBOX_CATALOG_NAME = "catalog-sandbox.sqlite3"
API_LOCALES: tuple[str, ...] = ("uk", "en")
DEFAULT_LOCALE = "uk"
BACK_OFFICE_MODE = "back_office"  # app.gui.settings.ServerMode.BACK_OFFICE


def settings_file() -> Path:
    return paths.config_dir() / SETTINGS_FILE_NAME


def catalog_path(base_url: str, locale: str, is_sandbox: bool) -> Path:
    """The local catalog of one server."""
    if is_sandbox:
        return paths.data_dir() / SANDBOX_CATALOG_NAME
    digest = hashlib.sha256(f"{base_url}|{locale}".encode()).hexdigest()[:12]
    return paths.data_dir() / f"catalog-{digest}.sqlite3"


def catalog_path_from_settings(settings: Path | None = None) -> Path:
    """The local catalog of the server the settings file chooses, as the app picks it:
    a back office when one is chosen and its URL filled in, else the sandbox. A
    missing or unreadable settings file means the defaults (the sandbox)."""
    settings = settings or settings_file()
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as error:
        logger.warning(
            "settings file %s unreadable (%s); using the sandbox", settings, error
        )
        data = {}
    if not isinstance(data, dict):
        data = {}

    url = data.get("back_office_url")
    url = url.strip() if isinstance(url, str) else ""
    locale = data.get("locale")
    locale = locale if locale in API_LOCALES else DEFAULT_LOCALE
    if data.get("server_mode") == BACK_OFFICE_MODE and url:
        return catalog_path(url, locale, is_sandbox=False)
    return catalog_path("", locale, is_sandbox=True)
