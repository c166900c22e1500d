"""The main window shell and the session that wires it (sandbox, token, settings)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence

from app import paths
from app.gui.about import AboutDialog
from app.gui.app import SANDBOX_DB_NAME, GuiSession
from app.gui.log_folder import LogFolderDialog
from app.gui.main_window import SETTINGS_LINK, MainWindow, ServerInUse
from app.gui.settings import ServerMode, Settings, TokenStore, save_settings
from app.gui.settings_dialog import PAGE_SCANNER, SettingsDialog
from app.gui.tasks import TaskRunner
from tests.gui.fakes import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


class FakeSandbox:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.base_url = "http://127.0.0.1:9"
        self.token = "sandbox-token"
        self.closed = False

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(5000)


@pytest.fixture
def window(qtbot, runner):
    opened: list[QUrl] = []
    window = MainWindow(
        Settings(), TokenStore(MemoryKeyring()), runner, url_opener=opened.append
    )
    window.opened_urls = opened
    qtbot.addWidget(window)
    return window


def test_menus_hold_the_shell_actions_with_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    assert window.quit_action in window.file_menu.actions()
    assert window.settings_action in window.tools_menu.actions()
    assert window.about_action in window.help_menu.actions()
    assert window.open_log_action in window.help_menu.actions()
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()


def test_menu_actions_open_their_dialogs(qtbot, window: MainWindow) -> None:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.pages.currentWidget() is dialog.server_page
    dialog.reject()

    window.about_action.trigger()
    about = window.findChild(AboutDialog)
    assert about is not None
    qtbot.waitUntil(about.isVisible)
    about.reject()

    window.show()
    window.quit_action.trigger()
    assert not window.isVisible()


def test_the_toolbar_appears_with_its_first_action(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    window.show()
    assert not window.tool_bar.isVisible()

    window.add_tool_action(QAction("New product", window))

    assert window.tool_bar.isVisible()
    assert [a.text() for a in window.tool_bar.actions()] == ["New product"]


def test_status_bar_slots(window: MainWindow) -> None:
    assert window.server_status.text() == "Server: not connected"
    assert window.sync_status.text() == "Last sync: never"
    assert window.scanner_status.text() == "Scanner: none"
    assert window.scan_status.text() == "Last scan: —"

    window.set_server_state("offline, 3 writes queued")
    window.set_last_scan("4820000000017")

    assert window.server_status.text() == "Server: offline, 3 writes queued"
    assert window.scan_status.text() == "Last scan: 4820000000017"


def test_sandbox_banner_links_to_settings(qtbot, window: MainWindow) -> None:
    window.show()
    assert not window.banner.isVisible()

    window.set_server(ServerInUse("http://127.0.0.1:9", "uk", is_sandbox=True), "t")
    assert window.banner.isVisible()
    assert SETTINGS_LINK in window.banner.text()

    window.banner.linkActivated.emit(SETTINGS_LINK)

    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.pages.currentWidget() is dialog.server_page
    dialog.reject()

    window.set_server(ServerInUse("https://shop.test", "uk", is_sandbox=False))
    assert not window.banner.isVisible()
    assert window.server_status.text() == "Server: https://shop.test"


def test_settings_page_hooks_and_saved_settings(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    window.add_settings_page_hook(
        lambda dialog: dialog.set_page(PAGE_SCANNER, QLabel("scanner page"))
    )

    dialog = window.open_settings()
    dialog.interface_page.debug_check.setChecked(True)
    with qtbot.waitSignal(window.settings_changed) as changed:
        dialog.accept()

    assert dialog.page(PAGE_SCANNER).text() == "scanner page"
    assert changed.args[0].debug_logging
    assert window.settings.debug_logging


def test_open_log_folder_opens_the_log_directory(window: MainWindow) -> None:
    window.open_log_action.trigger()

    assert window.opened_urls == [QUrl.fromLocalFile(str(paths.log_dir()))]


def test_a_log_folder_no_file_manager_opens_is_shown_with_a_copy_button(
    qtbot, runner
) -> None:
    asked: list[QUrl] = []

    def no_launcher(url: QUrl) -> bool:
        asked.append(url)
        return False  # as QDesktopServices.openUrl without a file manager

    window = MainWindow(
        Settings(), TokenStore(MemoryKeyring()), runner, url_opener=no_launcher
    )
    qtbot.addWidget(window)

    window.open_log_action.trigger()

    dialog = window.findChild(LogFolderDialog)
    assert asked == [QUrl.fromLocalFile(str(paths.log_dir()))]
    assert dialog is not None and dialog.isVisible()
    assert dialog.path_label.text() == str(paths.log_dir())
    flags = dialog.path_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(paths.log_dir())
    assert dialog.isVisible()  # Copy does not close it


def test_about_names_the_server(qtbot, window: MainWindow) -> None:
    window.set_server(ServerInUse("http://127.0.0.1:9", "uk", is_sandbox=True), "t")

    dialog = window.show_about()
    qtbot.addWidget(dialog)

    assert isinstance(dialog, AboutDialog)
    assert "sandbox" in dialog.server_label.text()
    assert "http://127.0.0.1:9" in dialog.server_label.text()


def test_busy_indicator_and_failures(qtbot, window: MainWindow, runner) -> None:
    window.show()
    gate = threading.Event()

    runner.run(gate.wait, 5)
    assert window.busy_indicator.isVisible()
    with qtbot.waitSignal(runner.busy_changed):
        gate.set()
    assert not window.busy_indicator.isVisible()

    def fail_now() -> None:
        raise TimeoutError

    with qtbot.waitSignal(runner.task_failed):
        runner.run(fail_now)
    assert "did not answer in time" in window.statusBar().currentMessage()


def test_create_application_sets_names_icon_and_log(application) -> None:
    qt = application.qt
    assert qt.organizationName() == "Komora"
    assert qt.applicationName() == "komora"
    assert qt.applicationVersion() == "0.1.0"
    assert not qt.windowIcon().isNull()
    assert application.log_path == paths.log_dir() / "komora.log"


def test_no_server_configured_starts_the_sandbox(qtbot, application) -> None:
    started: list[FakeSandbox] = []

    def starter(db_path: Path) -> FakeSandbox:
        started.append(FakeSandbox(db_path))
        return started[-1]

    session = GuiSession(
        application, token_store=TokenStore(MemoryKeyring()), sandbox_starter=starter
    )
    qtbot.addWidget(session.window)
    session.start()

    qtbot.waitUntil(lambda: session.sandbox is not None)
    assert started[0].db_path == paths.data_dir() / SANDBOX_DB_NAME
    assert session.window.banner.isVisible()
    assert session.window.server == ServerInUse("http://127.0.0.1:9", "uk", True)

    session.window.close()
    assert started[0].closed


def test_back_office_without_keyring_asks_for_the_token(qtbot, application) -> None:
    application.settings = Settings(
        server_mode=ServerMode.BACK_OFFICE, back_office_url="https://shop.test"
    )
    asked: list[str] = []

    def prompt(url: str, parent) -> str:
        asked.append(url)
        return "typed-token"

    store = TokenStore(fail.Keyring())
    session = GuiSession(application, token_store=store, token_prompt=prompt)
    qtbot.addWidget(session.window)
    session.start()

    assert asked == ["https://shop.test"]
    assert store.get("https://shop.test") == "typed-token"
    assert not session.window.banner.isVisible()
    assert session.sandbox is None


@pytest.mark.slow
def test_the_real_sandbox_starts_and_stops(qtbot, application) -> None:
    session = GuiSession(application, token_store=TokenStore(MemoryKeyring()))
    qtbot.addWidget(session.window)
    session.start()

    qtbot.waitUntil(lambda: session.sandbox is not None, timeout=30_000)
    server = session.sandbox
    assert server.base_url.startswith("http://127.0.0.1:")
    dialog = session.window.open_settings()
    dialog.server_page.test_button.click()
    qtbot.waitUntil(
        lambda: "Connected" in dialog.server_page.test_result.text(), timeout=10_000
    )

    session.window.close()
    assert session.sandbox is None


@pytest.mark.slow
def test_the_local_catalog_shows_before_the_sandbox_listens(qtbot, application) -> None:
    """The panel is mounted at once over the local catalog; its client is pointed at
    the sandbox and the first sync starts only once the server has started."""
    from app.sandbox.testing import running_server
    from app.store.location import catalog_path

    release = threading.Event()
    with running_server(demo=True) as real:

        class SlowSandbox:
            base_url = real.base_url
            token = real.token

            def close(self) -> None:
                pass

        def starter(_db_path: Path) -> SlowSandbox:
            release.wait(30)
            return SlowSandbox()

        session = GuiSession(
            application,
            token_store=TokenStore(MemoryKeyring()),
            sandbox_starter=starter,
        )
        qtbot.addWidget(session.window)
        session.start()

        panel = session.catalog_panel
        assert panel is not None  # before the server has started
        assert session.sandbox is None
        assert not panel.controller.syncing
        local = catalog_path(real.base_url, "uk", is_sandbox=True)
        assert Path(panel.catalog.path) == local

        with qtbot.waitSignal(panel.controller.sync_finished, timeout=30_000):
            release.set()
        assert session.catalog_panel is panel  # the same views, now connected
        assert panel.controller.client.base_url == real.base_url
        assert panel.products.rowCount() > 0
        session.window.close()


@pytest.mark.slow
def test_komora_gui_quits_after_the_given_time(tmp_path: Path) -> None:
    save_settings(Settings())  # config dir exists, sandbox mode
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    done = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--quit-after", "300"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    log = (paths.log_dir() / "komora.log").read_text(encoding="utf-8")
    assert "Komora 0.1.0 starting" in log
    assert "Komora closing" in log


@pytest.mark.slow
def test_screenshot_script_writes_both_pictures(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshot.py"),
            "--language",
            "uk",
            "--output-dir",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )

    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    shot = QImage(str(tmp_path / "main-window-uk.png"))
    assert (shot.width(), shot.height()) == (1200, 760)
    assert not QImage(str(tmp_path / "settings-uk.png")).isNull()
