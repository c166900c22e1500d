"""Start-up: the application object, then the session that wires the app together.

`create_application(argv)` makes (or reuses) the QApplication and does what must
happen once: names, icon, logging, translators, the crash handler.
`GuiSession` is the composition root: it builds the task runner, the token store
and the main window, picks the server (the sandbox when none is configured, started
in the background) and reacts to saved settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from app import __version__, logs, paths
from app.gui import i18n
from app.gui.catalog_panel import CatalogPanel, mount_catalog
from app.gui.crash import CrashHandler
from app.gui.main_window import MainWindow, ServerInUse
from app.gui.scan_wiring import Scanning
from app.gui.settings import Settings, TokenStore, load_settings
from app.gui.tasks import TaskFailure, TaskRunner
from app.gui.window_layout import WindowLayout

logger = logging.getLogger(__name__)

ORGANIZATION = "Komora"
APPLICATION = "komora"
SANDBOX_DB_NAME = "sandbox.sqlite3"
# Where the sandbox will be before it has started: port 0 is never listened on, so
# a request made meanwhile fails at once as "cannot reach" and is queued.
SANDBOX_NOT_STARTED = "http://127.0.0.1:0"


def icon_path() -> Path:
    return paths.resources_dir() / "icons" / "komora.svg"


def app_icon() -> QIcon:
    """The SVG for any size, with the rendered PNGs for platforms without SVG."""
    folder = icon_path().parent
    icon = QIcon()
    for name in ("komora.svg", "komora.png", "komora-128.png", "komora-48.png"):
        if (folder / name).exists():
            icon.addFile(str(folder / name))
    return icon


@dataclass
class Application:
    """What `create_application` set up; keep it alive as long as the app runs."""

    qt: QApplication
    settings: Settings
    translations: i18n.Translations
    crash_handler: CrashHandler
    log_path: Path


def create_application(
    argv: Sequence[str], settings: Settings | None = None
) -> Application:
    """The QApplication (reused if one exists, as under pytest-qt), configured."""
    settings = settings if settings is not None else load_settings()
    log_path = logs.configure(debug=settings.debug_logging)

    existing = QApplication.instance()
    qt = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    qt.setOrganizationName(ORGANIZATION)
    qt.setApplicationName(APPLICATION)
    qt.setApplicationDisplayName("Komora")
    qt.setApplicationVersion(__version__)
    qt.setDesktopFileName("komora")  # matches packaging/komora.desktop
    qt.setWindowIcon(app_icon())

    translations = i18n.Translations(qt)
    translations.apply(i18n.resolve_language(settings.interface_language))

    crash_handler = CrashHandler(log_path, qt)
    crash_handler.install()
    logger.info("Komora %s starting, log %s", __version__, log_path)
    return Application(qt, settings, translations, crash_handler, log_path)


# --- the sandbox ---------------------------------------------------------------------


def start_sandbox(db_path: Path) -> Any:
    """Start the in-process sandbox server (blocks until it listens: a worker job)."""
    from app.sandbox.testing import start_in_background

    return start_in_background(db_path, demo=True)


SandboxStarter = Callable[
    [Path], Any
]  # returns an object with base_url, token, close()


def ask_for_token(url: str, parent: QWidget | None = None) -> str | None:
    """Ask for the token of `url` (used when there is no keyring to remember it)."""
    token, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("GuiSession", "Access token"),
        QCoreApplication.translate(
            "GuiSession",
            "This computer cannot store the token, so it is asked for at each start.\n"
            "Access token for %1:",
        ).replace("%1", url),
        QLineEdit.EchoMode.Password,
    )
    return (token.strip() or None) if accepted else None


class GuiSession(QObject):
    """Builds and wires the window for one run of the app.

    `sandbox_starter` and `token_prompt` are for tests (a fake server, no dialog).

    Signals:
        server_ready(ServerInUse): the server to talk to is known (and, for the
            sandbox, listening).
        server_failed(TaskFailure): the sandbox server did not start.
    """

    server_ready = Signal(object)
    server_failed = Signal(object)

    def __init__(
        self,
        application: Application,
        *,
        force_sandbox: bool = False,
        token_store: TokenStore | None = None,
        sandbox_starter: SandboxStarter = start_sandbox,
        token_prompt: Callable[[str, QWidget | None], str | None] = ask_for_token,
    ) -> None:
        super().__init__(application.qt)
        self.application = application
        self.settings = application.settings
        self.force_sandbox = force_sandbox
        self.token_store = token_store or TokenStore()
        self.runner = TaskRunner(self)
        self.window = MainWindow(self.settings, self.token_store, self.runner)
        self.sandbox: Any = None
        self.catalog_panel: CatalogPanel | None = None
        self._sandbox_starter = sandbox_starter
        self._token_prompt = token_prompt
        # Scanners, the scan workflow and the label queue (before the catalog).
        self.scanning = Scanning(self.window, self.runner, self.settings)
        self.scanning.workflow.unknown_code.connect(self.scanning.open_wizard)
        # The docks are in: the person's layout from the last run, or a first one.
        self.layout = WindowLayout(self.window)
        self.layout.restore_geometry()
        self.layout.restore_state()

        self.window.settings_changed.connect(self._on_window_settings_changed)
        self.window.closing.connect(self._on_window_closing)

    def start(self) -> None:
        """Show the window and connect to the chosen server."""
        self.window.show()
        if self.settings.uses_back_office and not self.force_sandbox:
            self._use_back_office()
        else:
            self._start_sandbox()

    def _use_back_office(self) -> None:
        url = self.settings.back_office_url.strip()
        token = self.token_store.get(url)
        if token is None and not self.token_store.persistent:
            token = self._token_prompt(url, self.window)
            if token:
                self.token_store.set(url, token)
        if token is None:
            logger.warning("no token for %s; requests will be refused", url)
        server = ServerInUse(url, self.settings.locale, is_sandbox=False)
        self.window.set_server(server)
        self._mount_catalog(server, token)
        self.server_ready.emit(server)

    def _start_sandbox(self) -> None:
        self.window.set_server_state(self.tr("starting the sandbox…"))
        # The local catalog is shown at once; its client learns the sandbox's port
        # when the server has started (its imports and start take most of a second).
        waiting = ServerInUse(
            SANDBOX_NOT_STARTED, self.settings.locale, is_sandbox=True
        )
        self._mount_catalog(waiting, None, connected=False)
        db_path = paths.data_dir() / SANDBOX_DB_NAME
        self.runner.run(
            self._sandbox_starter,
            db_path,
            on_done=self._on_sandbox_started,
            on_error=self._on_sandbox_failed,
            name="start the sandbox server",
        )

    def _on_sandbox_started(self, server: Any) -> None:
        if not self.window.isVisible():  # closed while it was starting
            server.close()
            return
        self.sandbox = server
        in_use = ServerInUse(server.base_url, self.settings.locale, is_sandbox=True)
        self.window.set_server(in_use, sandbox_token=server.token)
        panel = self.catalog_panel
        if panel is None:
            self._mount_catalog(in_use, server.token)
        else:
            panel.controller.client.connect_to(server.base_url, server.token)
            self._on_connected(panel)
        self.server_ready.emit(in_use)

    def _mount_catalog(
        self, server: ServerInUse, token: str | None, *, connected: bool = True
    ) -> None:
        """The catalog views for `server`, as the window's content; when the server
        is `connected` (listening), starts a sync."""
        self.catalog_panel = mount_catalog(
            self.window,
            self.runner,
            server.base_url,
            token,
            server.locale,
            is_sandbox=server.is_sandbox,
            start_sync=connected,
        )
        self.scanning.attach_catalog(self.catalog_panel)
        self.layout.restore_splitters(self.catalog_panel)
        if connected:
            QTimer.singleShot(0, self.scanning.offer_unfinished_drafts)

    def _on_connected(self, panel: CatalogPanel) -> None:
        """The server the mounted panel waited for listens now: sync, and offer a
        product whose creation was cut short (a crash) to be finished."""
        panel.controller.sync()
        QTimer.singleShot(0, self.scanning.offer_unfinished_drafts)

    def _on_sandbox_failed(self, failure: TaskFailure) -> None:
        self.window.set_server_state(self.tr("the sandbox did not start"))
        self.window.statusBar().showMessage(failure.message)
        self.server_failed.emit(failure)

    @Slot(object)
    def _on_window_settings_changed(self, settings: Settings) -> None:
        previous, self.settings = self.settings, settings
        if settings.debug_logging != previous.debug_logging:
            logs.configure(debug=settings.debug_logging)
            logger.info("debug logging %s", "on" if settings.debug_logging else "off")
        if settings.interface_language != previous.interface_language:
            self.application.translations.apply(
                i18n.resolve_language(settings.interface_language)
            )
        server_fields = ("server_mode", "back_office_url", "locale")
        if any(getattr(settings, f) != getattr(previous, f) for f in server_fields):
            # FIXME(server-switch): switching servers needs the catalog views to
            # reload from the new server; until they exist, the switch applies on
            # the next start.
            self.window.statusBar().showMessage(
                self.tr("The new server is used from the next start.")
            )

    @Slot()
    def _on_window_closing(self) -> None:
        self.layout.save()
        if self.catalog_panel is not None:
            self.catalog_panel.shutdown()  # cancels the sync before the wait
        self.runner.wait_for_done(15_000)
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None
        self.application.crash_handler.uninstall()
        logger.info("Komora closing")
