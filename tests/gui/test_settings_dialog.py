"""The Settings dialog: pages, validation, saving, the token and Test connection."""

from __future__ import annotations

import json

import pytest
import responses
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.gui.settings import (
    KEYRING_SERVICE,
    ServerMode,
    Settings,
    TokenStore,
    load_settings,
    settings_file,
)
from app.gui.settings_dialog import (
    PAGE_SCANNER,
    PAGE_SERVER,
    SettingsDialog,
)
from app.gui.tasks import TaskRunner
from tests.gui.fakes import MemoryKeyring

URL = "https://shop.example.test"
LEVELS = [
    {"id_price_level": -1, "name_price_level": "Purchase", "active": True, "guid": "p"},
    {"id_price_level": 1, "name_price_level": "Retail", "active": True, "guid": "r"},
]


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(5000)


@pytest.fixture
def make_dialog(qtbot, keyring_backend, runner):
    def make(settings: Settings | None = None, **kwargs) -> SettingsDialog:
        dialog = SettingsDialog(
            settings or Settings(), TokenStore(keyring_backend), runner, **kwargs
        )
        qtbot.addWidget(dialog)
        return dialog

    return make


def back_office(url: str = URL) -> Settings:
    return Settings(server_mode=ServerMode.BACK_OFFICE, back_office_url=url)


def test_pages_and_loaded_values(make_dialog, keyring_backend) -> None:
    keyring_backend.set_password(KEYRING_SERVICE, URL, "tok-1")
    dialog = make_dialog(back_office())

    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert titles == ["Server", "Interface", "Scanner", "Printer"]
    page = dialog.server_page
    assert page.back_office_choice.isChecked()
    assert page.url_edit.text() == URL
    assert page.token_edit.text() == "tok-1"
    assert page.token_edit.echoMode() is QLineEdit.EchoMode.Password


def test_ok_saves_settings_and_puts_the_token_in_the_keyring(
    qtbot, make_dialog, keyring_backend
) -> None:
    dialog = make_dialog()
    page = dialog.server_page
    page.back_office_choice.setChecked(True)
    page.url_edit.setText(URL + "  ")
    page.locale_combo.setCurrentIndex(page.locale_combo.findData("en"))
    page.token_edit.setText("tok-new")
    dialog.interface_page.debug_check.setChecked(True)

    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    settings = load_settings()
    assert settings == saved.args[0]
    assert settings.uses_back_office
    assert settings.back_office_url == URL
    assert settings.locale == "en"
    assert settings.debug_logging
    assert keyring_backend.passwords == {(KEYRING_SERVICE, URL): "tok-new"}
    assert "tok-new" not in settings_file().read_text(encoding="utf-8")
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_bad_address_keeps_the_dialog_open(make_dialog) -> None:
    dialog = make_dialog()
    dialog.show_page("interface")
    page = dialog.server_page
    page.back_office_choice.setChecked(True)
    page.url_edit.setText("shop.example.test")

    dialog.accept()

    assert dialog.result() != dialog.DialogCode.Accepted
    assert not settings_file().exists()
    assert dialog.pages.currentWidget() is page  # taken to the page at fault
    assert "https://" in dialog.error_label.text()
    assert "https://" in page.url_error.text()  # also next to the field


def test_sandbox_needs_no_address(make_dialog) -> None:
    dialog = make_dialog(back_office())
    dialog.server_page.sandbox_choice.setChecked(True)

    dialog.accept()

    assert load_settings().server_mode is ServerMode.SANDBOX
    assert not dialog.server_page.url_edit.parentWidget().isEnabled()


def test_interface_language_is_stored(make_dialog) -> None:
    dialog = make_dialog()
    combo = dialog.interface_page.language_combo
    combo.setCurrentIndex(combo.findData("uk"))

    dialog.accept()

    assert json.loads(settings_file().read_text())["interface_language"] == "uk"


@responses.activate
def test_test_connection_reports_the_price_levels(qtbot, make_dialog) -> None:
    responses.get(f"{URL}/api/uk/price-level", json=LEVELS)
    dialog = make_dialog(back_office())
    page = dialog.server_page
    page.token_edit.setText("tok-2")

    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert not page.test_button.isEnabled()

    qtbot.waitUntil(lambda: "Connected" in page.test_result.text())
    assert "Price levels on the server: 2." in page.test_result.text()
    assert page.test_button.isEnabled()
    assert responses.calls[0].request.headers["Authorization"] == "Bearer tok-2"


@responses.activate
def test_test_connection_shows_a_refused_token(qtbot, make_dialog) -> None:
    responses.get(f"{URL}/api/uk/price-level", status=401, json={"message": "no"})
    dialog = make_dialog(back_office())
    page = dialog.server_page

    page.test_button.click()

    qtbot.waitUntil(lambda: "token" in page.test_result.text())
    assert page.test_result.property("ok") is False


def test_test_connection_in_sandbox_mode_without_a_sandbox(make_dialog) -> None:
    dialog = make_dialog()

    dialog.server_page.test_button.click()

    assert "not running" in dialog.server_page.test_result.text()


def test_a_placeholder_page_can_be_replaced(make_dialog) -> None:
    class ScannerPage(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.loaded: Settings | None = None

        def load(self, settings: Settings) -> None:
            self.loaded = settings

        def store(self, settings: Settings) -> None:
            settings.scanner["port"] = "/dev/ttyACM0"

    dialog = make_dialog(Settings(scanner={"port": "old"}))
    scanner = ScannerPage()

    dialog.set_page(PAGE_SCANNER, scanner, "Scanner!")
    dialog.accept()

    assert dialog.page(PAGE_SCANNER) is scanner
    assert scanner.loaded is not None and scanner.loaded.scanner == {"port": "old"}
    assert dialog.page_list.item(2).text() == "Scanner!"
    assert load_settings().scanner == {"port": "/dev/ttyACM0"}
    with pytest.raises(ValueError, match="exists"):
        dialog.add_page(PAGE_SERVER, QLabel(), "again")


def test_without_a_keyring_the_page_says_the_token_is_asked_each_start(
    qtbot, runner
) -> None:
    dialog = SettingsDialog(back_office(), TokenStore(fail.Keyring()), runner)
    qtbot.addWidget(dialog)
    dialog.server_page.token_edit.setText("tok-mem")

    dialog.accept()

    assert dialog.server_page.keyring_note.isVisibleTo(dialog)
    assert "each start" in dialog.server_page.keyring_note.text()
    assert "tok-mem" not in settings_file().read_text(encoding="utf-8")
