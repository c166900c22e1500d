"""The main window's shell: menus, status bar, sandbox banner, a slot for content.

The catalog views (group tree, products table, detail tabs) are set into it with
`set_content(widget)`; other features add their actions to the public menus
(`file_menu`, `edit_menu`, `view_menu`, `tools_menu`, `help_menu`) and their pages
to the Settings dialog through `add_settings_page_hook`, and toolbar buttons with
`add_tool_action`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app import logs
from app.gui.about import AboutDialog
from app.gui.log_folder import LogFolderDialog, UrlOpener, open_log_folder
from app.gui.settings import Settings, TokenStore
from app.gui.settings_dialog import PAGE_SERVER, SettingsDialog
from app.gui.tasks import TaskFailure, TaskRunner

logger = logging.getLogger(__name__)

SETTINGS_LINK = "komora:settings"


@dataclass(frozen=True)
class ServerInUse:
    """The server the app talks to now."""

    base_url: str
    locale: str
    is_sandbox: bool


SettingsPageHook = Callable[[SettingsDialog], None]


class MainWindow(QMainWindow):
    """The app's one main window.

    Signals:
        settings_changed(Settings): the Settings dialog saved new settings.
        find_requested(): Edit → Find (Ctrl+F); the catalog view focuses its search.
        closing(): the window is about to close (stop workers, close the sandbox).
    """

    settings_changed = Signal(object)
    find_requested = Signal()
    closing = Signal()

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.settings = settings.copy()
        self.token_store = token_store
        self.runner = runner
        self.server: ServerInUse | None = None
        self._sandbox_token: str | None = None
        self._open_url = url_opener
        self._settings_hooks: list[SettingsPageHook] = []
        self.settings_dialog: SettingsDialog | None = None

        self.setWindowTitle(self.tr("Komora"))
        self._build_banner_and_content()
        self._build_status_bar()
        self._build_menus()
        self.tool_bar = self.addToolBar(self.tr("Main toolbar"))
        self.tool_bar.setObjectName("mainToolBar")
        self.tool_bar.setMovable(False)
        self.tool_bar.hide()  # shown by the first add_tool_action
        self.resize(1100, 700)

        runner.busy_changed.connect(self._on_runner_busy_changed)
        runner.task_failed.connect(self._on_runner_task_failed)

    # --- building ---------------------------------------------------------------

    def _build_banner_and_content(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("sandboxBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#sandboxBanner { background: #fff4ce; color: #4a3b00;"
            " border-bottom: 1px solid #e0c96b; padding: 6px 10px; }"
        )
        self.banner.setText(
            self.tr(
                "You are working in the sandbox: a demo catalog on this computer. "
                "Nothing here reaches a shop. "
                '<a href="%1">Connect a back office in Settings</a>.'
            ).replace("%1", SETTINGS_LINK)
        )
        self.banner.linkActivated.connect(self._on_banner_link_activated)
        self.banner.hide()

        self._placeholder = QLabel(self.tr("The catalog appears here."))
        self._placeholder.setObjectName("contentPlaceholder")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content: QWidget = self._placeholder

        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.banner)
        self._central_layout.addWidget(self.content, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        def slot(name: str) -> QLabel:
            label = QLabel()
            label.setObjectName(name)
            return label

        self.server_status = slot("serverStatus")
        self.sync_status = slot("syncStatus")
        self.scanner_status = slot("scannerStatus")
        self.scan_status = slot("scanStatus")
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setRange(0, 0)  # "busy" animation, no percentage
        self.busy_indicator.setMaximumWidth(90)
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.hide()

        bar = self.statusBar()
        for label in (
            self.server_status,
            self.sync_status,
            self.scanner_status,
            self.scan_status,
        ):
            bar.addPermanentWidget(label)
        bar.addPermanentWidget(self.busy_indicator)

        self.set_server_state(self.tr("not connected"))
        self.set_last_sync(None)
        self.set_scanner_state(self.tr("none"))
        self.set_last_scan(None)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        role: QAction.MenuRole = QAction.MenuRole.NoRole,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setMenuRole(role)
        # triggered(bool) would hand `checked` to a slot with a default argument
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self.file_menu = menus.addMenu(self.tr("&File"))
        self.edit_menu = menus.addMenu(self.tr("&Edit"))
        self.view_menu = menus.addMenu(self.tr("&View"))
        self.tools_menu = menus.addMenu(self.tr("&Tools"))
        self.help_menu = menus.addMenu(self.tr("&Help"))

        self.quit_action = self._action(
            self.tr("&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
            QAction.MenuRole.QuitRole,
        )
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.file_menu.addAction(self.quit_action)

        self.find_action = self._action(
            self.tr("&Find"), self.find_requested.emit, QKeySequence("Ctrl+F")
        )
        self.edit_menu.addAction(self.find_action)

        self.full_screen_action = QAction(self.tr("&Full screen"), self)
        self.full_screen_action.setShortcut(QKeySequence("F11"))
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.toggled.connect(self._on_full_screen_toggled)
        self.view_menu.addAction(self.full_screen_action)

        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.open_settings,
            QKeySequence("Ctrl+,"),
            QAction.MenuRole.PreferencesRole,
        )
        self.tools_menu.addAction(self.settings_action)

        self.open_log_action = self._action(
            self.tr("Open &log folder"), self.open_log_folder
        )
        self.about_action = self._action(
            self.tr("&About Komora"),
            self.show_about,
            role=QAction.MenuRole.AboutRole,
        )
        self.help_menu.addAction(self.open_log_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    # --- the public hooks -----------------------------------------------------------

    def set_content(self, widget: QWidget) -> None:
        """Put the catalog views (or anything) below the banner."""
        self._central_layout.replaceWidget(self.content, widget)
        self.content.deleteLater()
        self.content = widget

    def add_top_widget(self, widget: QWidget) -> None:
        """A strip between the banner and the content (e.g. the scan result)."""
        self._central_layout.insertWidget(
            self._central_layout.indexOf(self.content), widget
        )

    def add_tool_action(self, action: QAction) -> None:
        """Put `action` on the main toolbar (e.g. the wizard's "New product")."""
        self.tool_bar.addAction(action)
        self.tool_bar.show()

    def add_settings_page_hook(self, hook: SettingsPageHook) -> None:
        """`hook(dialog)` runs on every new Settings dialog, e.g. to `set_page`."""
        self._settings_hooks.append(hook)

    def set_server(self, server: ServerInUse, sandbox_token: str | None = None) -> None:
        """Record the server in use; shows the banner when it is the sandbox."""
        self.server = server
        self._sandbox_token = sandbox_token if server.is_sandbox else None
        self.banner.setVisible(server.is_sandbox)
        if server.is_sandbox:
            self.set_server_state(self.tr("sandbox (demo catalog)"))
        else:
            self.set_server_state(server.base_url)

    def server_description(self) -> str:
        if self.server is None:
            return self.tr("none yet")
        if self.server.is_sandbox:
            return self.tr("the sandbox (demo catalog) at %1").replace(
                "%1", self.server.base_url
            )
        return self.tr("back office at %1").replace("%1", self.server.base_url)

    def set_server_state(self, text: str) -> None:
        """E.g. "connected", "offline, 3 writes queued"."""
        self.server_status.setText(self.tr("Server: %1").replace("%1", text))

    def set_last_sync(self, when: datetime | None) -> None:
        shown = when.strftime("%H:%M:%S") if when is not None else self.tr("never")
        self.sync_status.setText(self.tr("Last sync: %1").replace("%1", shown))

    def set_scanner_state(self, text: str) -> None:
        self.scanner_status.setText(self.tr("Scanner: %1").replace("%1", text))

    def set_last_scan(self, code: str | None) -> None:
        shown = code if code else "—"
        self.scan_status.setText(self.tr("Last scan: %1").replace("%1", shown))

    # --- actions --------------------------------------------------------------------

    def open_settings(self, page: str = PAGE_SERVER) -> SettingsDialog:
        """Open the Settings dialog (non-blocking); returns it for tests and hooks."""
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.show_page(page)
            self.settings_dialog.raise_()
            return self.settings_dialog
        sandbox_url = (
            self.server.base_url if self.server and self.server.is_sandbox else None
        )
        dialog = SettingsDialog(
            self.settings,
            self.token_store,
            self.runner,
            self,
            sandbox_url=sandbox_url,
            sandbox_token=self._sandbox_token,
        )
        for hook in self._settings_hooks:
            hook(dialog)
        dialog.show_page(page)
        dialog.settings_saved.connect(self._on_settings_saved)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.server_description(), self)
        dialog.open()
        return dialog

    def open_log_folder(self) -> LogFolderDialog | None:
        """The file manager on the log folder, or a dialog with its path."""
        return open_log_folder(logs.log_file().parent, self, self._open_url)

    # --- slots ----------------------------------------------------------------------

    @Slot(str)
    def _on_banner_link_activated(self, link: str) -> None:
        if link == SETTINGS_LINK:
            self.open_settings(PAGE_SERVER)

    @Slot(object)
    def _on_settings_saved(self, settings: Settings) -> None:
        self.settings = settings.copy()
        self.settings_changed.emit(settings)

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_indicator.setVisible(busy)

    @Slot(object)
    def _on_runner_task_failed(self, failure: TaskFailure) -> None:
        self.statusBar().showMessage(failure.message, 10_000)

    @Slot(bool)
    def _on_full_screen_toggled(self, checked: bool) -> None:
        if checked:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
