"""Settings file and token store: round trips, damage, keyring and no keyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from app.gui.settings import (
    KEYRING_SERVICE,
    ServerMode,
    Settings,
    TokenStore,
    load_settings,
    save_settings,
    settings_file,
)
from tests.gui.fakes import MemoryKeyring

URL = "https://shop.example.test"


class LockedKeyring(MemoryKeyring):
    """Looks usable but every call fails, like a locked Secret Service."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


@pytest.fixture
def global_keyring():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_defaults_when_there_is_no_file() -> None:
    settings = load_settings()

    assert settings.server_mode is ServerMode.SANDBOX
    assert not settings.uses_back_office
    assert settings.locale == "uk"
    assert settings.interface_language == ""


def test_round_trip_keeps_every_field_and_unknown_keys() -> None:
    settings = Settings(
        server_mode=ServerMode.BACK_OFFICE,
        back_office_url=URL,
        locale="en",
        interface_language="uk",
        debug_logging=True,
        scanner={"port": "/dev/ttyACM0", "suffix": "\r"},
        printer={"kind": "zpl", "dpi": 203},
        unknown={"from_a_newer_build": [1, 2]},
    )

    save_settings(settings)
    loaded = load_settings()

    assert loaded == settings
    assert loaded.uses_back_office
    assert settings_file().parent == Path(os.environ["KOMORA_CONFIG_DIR"])


def test_back_office_without_url_is_not_used() -> None:
    settings = Settings(server_mode=ServerMode.BACK_OFFICE, back_office_url=" ")
    assert not settings.uses_back_office


def test_damaged_file_is_set_aside() -> None:
    settings_file().write_text("{not json", encoding="utf-8")

    settings = load_settings()

    assert settings == Settings()
    assert settings_file().with_name("settings.json.damaged").exists()
    assert not settings_file().exists()


def test_wrong_values_fall_back_to_defaults() -> None:
    settings_file().write_text(
        json.dumps({"server_mode": "cloud", "locale": "fr", "debug_logging": "yes"}),
        encoding="utf-8",
    )

    settings = load_settings()

    assert settings.server_mode is ServerMode.SANDBOX
    assert settings.locale == "uk"
    assert settings.debug_logging is False


def test_copy_is_deep() -> None:
    settings = Settings(scanner={"port": "a"})
    edited = settings.copy()
    edited.scanner["port"] = "b"
    assert settings.scanner["port"] == "a"


def test_token_goes_to_the_keyring_and_not_the_file() -> None:
    backend = MemoryKeyring()
    store = TokenStore(backend)

    assert store.set(URL, "s3cret-token")
    save_settings(Settings(server_mode=ServerMode.BACK_OFFICE, back_office_url=URL))

    assert store.persistent
    assert backend.passwords == {(KEYRING_SERVICE, URL): "s3cret-token"}
    assert TokenStore(backend).get(URL) == "s3cret-token"  # survives a restart
    assert "s3cret-token" not in settings_file().read_text(encoding="utf-8")


def test_token_delete() -> None:
    backend = MemoryKeyring()
    store = TokenStore(backend)
    store.set(URL, "abc")

    store.delete(URL)
    store.delete(URL)  # deleting twice is fine

    assert store.get(URL) is None


def test_the_global_keyring_is_used_by_default(global_keyring) -> None:
    backend = MemoryKeyring()
    global_keyring(backend)

    TokenStore().set(URL, "abc")

    assert keyring.get_password(KEYRING_SERVICE, URL) == "abc"


def test_without_a_keyring_the_token_lives_in_memory(global_keyring, app_log) -> None:
    global_keyring(fail.Keyring())

    store = TokenStore()
    stored_for_good = store.set(URL, "abc-memory-only")

    assert not stored_for_good
    assert not store.persistent
    assert "no keyring" in store.unavailable_reason
    assert store.get(URL) == "abc-memory-only"
    assert TokenStore().get(URL) is None  # the next start asks again
    assert "kept in memory only" in app_log.read_text(encoding="utf-8")
    assert "abc-memory-only" not in app_log.read_text(encoding="utf-8")


def test_a_failing_keyring_falls_back_to_memory() -> None:
    store = TokenStore(LockedKeyring())

    assert store.get(URL) is None
    assert not store.persistent
    assert not store.set(URL, "abc")
    assert store.get(URL) == "abc"
