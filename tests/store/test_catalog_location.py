"""The local catalog's file is chosen from the settings the same way by the desktop
app and by the commands (app.store.location reads the app's settings file as JSON)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.gui.settings import ServerMode, Settings, save_settings, settings_file
from app.store.location import catalog_path, catalog_path_from_settings


def _app_choice(settings: Settings) -> Path:
    """What app.gui.app.GuiSession mounts for these settings (without --demo)."""
    if settings.uses_back_office:
        return catalog_path(
            settings.back_office_url.strip(), settings.locale, is_sandbox=False
        )
    return catalog_path("", settings.locale, is_sandbox=True)


@pytest.mark.parametrize(
    "settings",
    [
        Settings(),
        Settings(server_mode=ServerMode.BACK_OFFICE, back_office_url="  "),
        Settings(server_mode=ServerMode.BACK_OFFICE, back_office_url="https://a.b/"),
        Settings(
            server_mode=ServerMode.BACK_OFFICE,
            back_office_url=" https://a.b/ ",
            locale="en",
        ),
        Settings(server_mode=ServerMode.SANDBOX, back_office_url="https://a.b/"),
    ],
)
def test_the_commands_choose_the_apps_catalog(settings: Settings) -> None:
    save_settings(settings)

    assert catalog_path_from_settings() == _app_choice(settings)


def test_no_settings_file_means_the_sandbox_catalog() -> None:
    assert not settings_file().exists()

    chosen = catalog_path_from_settings()

    assert chosen == Path(os.environ["KOMORA_DATA_DIR"]) / "catalog-sandbox.sqlite3"
    assert not chosen.exists()


def test_a_damaged_settings_file_means_the_sandbox_catalog_and_is_left_alone() -> None:
    settings_file().write_text("{not json", encoding="utf-8")

    assert catalog_path_from_settings().name == "catalog-sandbox.sqlite3"
    assert settings_file().read_text(encoding="utf-8") == "{not json"


def test_back_office_catalogs_differ_by_url_and_locale() -> None:
    names = {
        catalog_path("https://a.b/", "uk", is_sandbox=False),
        catalog_path("https://a.b/", "en", is_sandbox=False),
        catalog_path("https://c.d/", "uk", is_sandbox=False),
    }

    assert len(names) == 3
