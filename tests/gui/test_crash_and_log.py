"""The crash dialog, the log file's place and rotation, and no token in the log."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from app import logs, paths
from app.gui.about import AboutDialog, library_versions
from app.gui.crash import CrashHandler
from app.gui.log_folder import LogFolderDialog

logger = logging.getLogger("app.tests.crash")


@pytest.fixture
def handler(qtbot, app_log: Path):
    handler = CrashHandler(app_log)
    handler.install()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()
        handler.dialog.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_opens_the_dialog_and_the_app_goes_on(
    qtbot, handler: CrashHandler, app_log: Path
) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    clicks: list[int] = []

    def broken() -> None:
        clicks.append(1)
        raise ZeroDivisionError("shelf width is zero")

    button.clicked.connect(broken)

    with qtbot.waitSignal(handler.exception_shown):
        button.click()

    dialog = handler.dialog
    assert dialog is not None and dialog.isVisible()
    assert "ZeroDivisionError: shelf width is zero" in dialog.details_text()
    assert "Traceback" in dialog.details_text()
    assert str(app_log) in dialog.log_label.text()
    assert "shelf width is zero" in app_log.read_text(encoding="utf-8")

    button.click()  # still alive: the slot runs again, details pile up in one dialog
    qtbot.waitUntil(lambda: dialog.details_text().count("ZeroDivisionError:") == 2)
    assert handler.dialog is dialog
    assert clicks == [1, 1]


@pytest.mark.qt_no_exception_capture
def test_copy_puts_the_details_on_the_clipboard(qtbot, handler: CrashHandler) -> None:
    try:
        raise LookupError("no such group")
    except LookupError as error:
        handler.handle(type(error), error, error.__traceback__)

    handler.dialog.copy_button.click()

    copied = QGuiApplication.clipboard().text()
    assert "LookupError: no such group" in copied
    assert copied == handler.dialog.details_text()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_dialog(
    qtbot, handler: CrashHandler
) -> None:
    def worker() -> None:
        raise OSError("serial port vanished")

    with qtbot.waitSignal(handler.exception_shown) as shown:
        thread = threading.Thread(target=worker, name="scanner-reader")
        thread.start()
        thread.join()

    assert "OSError: serial port vanished" in shown.args[0]
    assert handler.dialog is not None and handler.dialog.isVisible()


@pytest.mark.qt_no_exception_capture
def test_a_token_in_an_exception_is_scrubbed(
    qtbot, handler: CrashHandler, app_log: Path
) -> None:
    try:
        raise RuntimeError("GET /api/uk/goods sent Authorization: Bearer abc123xyz")
    except RuntimeError as error:
        handler.handle(type(error), error, error.__traceback__)

    assert "abc123xyz" not in handler.dialog.details_text()
    assert "abc123xyz" not in app_log.read_text(encoding="utf-8")
    assert "Bearer ***" in app_log.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_open_log_folder_without_a_file_manager_shows_the_path(
    qtbot, handler: CrashHandler, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As with no file manager: Qt says "Unable to detect a launcher", returns False.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    try:
        raise LookupError("no such group")
    except LookupError as error:
        handler.handle(type(error), error, error.__traceback__)

    handler.dialog.open_log_button.click()

    shown = handler.dialog.findChild(LogFolderDialog)
    assert shown is not None and shown.isVisible()
    assert shown.path_label.text() == str(logs.log_file().parent)


def test_the_log_file_is_in_the_platform_log_folder(app_log: Path) -> None:
    assert app_log == paths.log_dir() / "komora.log"
    assert app_log.parent == Path(os.environ["KOMORA_LOG_DIR"])

    logger.info("user pressed Sync")

    assert "INFO app.tests.crash" in app_log.read_text(encoding="utf-8")
    assert "user pressed Sync" in app_log.read_text(encoding="utf-8")


def test_debug_lines_only_with_the_debug_setting(app_log: Path) -> None:
    logger.debug("scanner bytes 1")
    logs.configure(debug=True)
    logger.debug("scanner bytes 2")

    text = app_log.read_text(encoding="utf-8")
    assert "scanner bytes 1" not in text
    assert "scanner bytes 2" in text


def test_the_log_rotates(monkeypatch: pytest.MonkeyPatch, app_log: Path) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure()
    line = "x" * 200

    for number in range(200):
        logger.info("%d %s", number, line)

    rotated = sorted(p.name for p in app_log.parent.iterdir())
    assert rotated == [
        "komora.log",
        *(f"komora.log.{n}" for n in range(1, logs.BACKUP_COUNT + 1)),
    ]
    assert all(p.stat().st_size <= 2_400 for p in app_log.parent.iterdir())
    assert "199 x" in app_log.read_text(encoding="utf-8")


def test_a_token_never_reaches_the_log(app_log: Path) -> None:
    logger.info("GET https://shop.test/api/uk/goods Authorization: Bearer abc")
    logger.info("request headers %s", {"Authorization": "Bearer abc"})
    logger.info("login %s", {"token": "abc", "password": "abc"})
    logger.info("sent %s", "Bearer abc")

    text = app_log.read_text(encoding="utf-8")
    assert "abc" not in text.replace("app.tests", "")
    assert text.count("***") == 5


def test_library_versions_and_about(qtbot) -> None:
    names = [name for name, _ in library_versions()]
    assert names == [
        "Python",
        "PySide6",
        "Qt",
        "requests",
        "pydantic",
        "pyserial",
        "python-barcode",
    ]
    dialog = AboutDialog("Sandbox at http://127.0.0.1:1234")
    qtbot.addWidget(dialog)

    dialog.copy_button.click()

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Komora 0.1.0")
    assert "Sandbox at http://127.0.0.1:1234" in copied
    assert "PySide6 6.11" in copied


def test_a_token_in_a_logged_traceback_is_scrubbed(app_log: Path) -> None:
    try:
        raise ValueError("server refused Authorization: Bearer tok987")
    except ValueError:
        logger.exception("sync failed")

    text = app_log.read_text(encoding="utf-8")
    assert "ValueError: server refused Authorization: Bearer ***" in text
    assert "tok987" not in text
