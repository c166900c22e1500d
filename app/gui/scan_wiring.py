"""Scanning and labels in the main window: built once by the composition root.

`Scanning` owns the keyboard wedge filter (installed on the application), the serial
scanner (started from the settings), the scan journal and workflow, the feedback
banner and beeps, and the label queue dock with its saved queue; it adds the mode
switcher (F6/F7/F8) to the toolbar, "Scanner diagnostics" to the Tools menu, the
Scanner and Printer pages to Settings, and keeps the status bar's scanner state and
last scan up to date.

    scanning = Scanning(window, runner, settings)
    scanning.attach_catalog(panel)      # once the catalog panel exists
    scanning.workflow.unknown_code      # -> the add-product wizard with the code

Keyboard scans go to the workflow only while the main window is active; in a dialog
they are typed into its focused field (see `scan_routing`), and a scan nothing there
can take is reported as ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from app.gui.label_queue_dock import LabelQueueDock
from app.gui.printer_page import PrinterPage
from app.gui.scan_diagnostics import (
    ScanDiagnostics,
    notice_text,
    serial_failure_text,
    serial_state_text,
)
from app.gui.scan_routing import ScanRouter
from app.gui.scan_workflow import (
    OutcomeKind,
    ScanBanner,
    ScanBeeper,
    ScanOutcome,
    ScanWorkflow,
)
from app.gui.scanner_page import ScannerConfig, ScannerPage, scanner_config
from app.gui.settings import Settings
from app.gui.settings_dialog import PAGE_PRINTER, PAGE_SCANNER, SettingsDialog
from app.gui.tasks import TaskRunner
from app.hardware.scan import Notice, Scan
from app.hardware.serial_reader import SerialState, SerialStatus
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter
from app.labels.errors import LabelError
from app.labels.saved_queue import SavedQueue
from app.store.scan_journal import ScanJournal

logger = logging.getLogger(__name__)

NOTICE_MS = 15_000


def _was_lost(status: SerialStatus | None) -> bool:
    lost = (SerialState.FAILED, SerialState.DISCONNECTED)
    return status is not None and status.state in lost


class Scanning(QObject):
    """See the module docstring. `journal`, `saved_queue` and `serial` are for
    tests."""

    def __init__(
        self,
        window: Any,  # MainWindow
        runner: TaskRunner,
        settings: Settings,
        *,
        journal: ScanJournal | None = None,
        saved_queue: SavedQueue | None = None,
        serial: SerialScanner | None = None,
        install_wedge: bool = True,
        beep: Callable[[], None] = QApplication.beep,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self._owns_journal = journal is None
        self.journal = journal or ScanJournal()
        self._owns_saved_queue = saved_queue is None
        self.saved_queue = saved_queue or self._open_saved_queue()
        self.config: ScannerConfig = scanner_config(settings.scanner)
        self._install_wedge = install_wedge
        self._serial_state: SerialStatus | None = None
        self.catalog_panel: Any = None
        self.diagnostics: ScanDiagnostics | None = None
        self._wizards: dict[str, Any] = {}  # open add-product wizards by code
        self._open_wizards: list[Any] = []  # every one, to keep their forms at exit

        self.workflow = ScanWorkflow(self.journal, self)
        self.wedge = WedgeFilter(self.config.wedge, self)
        self.router = ScanRouter(window, lambda: self.workflow.suspended)
        self.wedge.set_router(self.router)
        self.serial = serial or SerialScanner(self)
        self.banner = ScanBanner()
        self.beeper = ScanBeeper(self, beep)
        self.dock = LabelQueueDock(
            runner, settings.printer, window, saved=self.saved_queue
        )
        self.workflow.labels = self.dock

        self._build_window()
        self._connect()
        self.apply_settings(settings)

    # --- building -------------------------------------------------------------------

    def _open_saved_queue(self) -> SavedQueue | None:
        try:
            return SavedQueue()
        except LabelError as error:
            logger.error("label queue kept in memory only: %s", error.message)
            text = QCoreApplication.translate(
                "Scanning",
                "The label queue cannot be saved on this computer; labels queued "
                "now are lost when the app closes. (%1)",
            ).replace("%1", error.message)
            # Shown from the event loop: the status bar is wired up by then.
            QTimer.singleShot(0, self, lambda: self._show_message(text, NOTICE_MS))
            return None

    def _build_window(self) -> None:
        window = self.window
        window.add_top_widget(self.banner)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.view_menu.addAction(self.dock.toggleViewAction())

        self.mode_group = self.workflow.build_actions(window)
        window.tool_bar.addSeparator()
        for action in self.mode_group.actions():
            window.add_tool_action(action)
        window.view_menu.addSeparator()
        window.view_menu.addActions(self.mode_group.actions())

        self.diagnostics_action = QAction(
            QCoreApplication.translate("Scanning", "Scanner &diagnostics…"), window
        )
        self.diagnostics_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.diagnostics_action.triggered.connect(
            lambda _checked=False: self.open_diagnostics()
        )
        window.tools_menu.addAction(self.diagnostics_action)
        window.add_settings_page_hook(self._add_settings_pages)

    def _connect(self) -> None:
        self.wedge.scan_received.connect(self.workflow.handle_scan)
        self.serial.scan_received.connect(self._on_serial_scan_received)
        for source in (self.wedge, self.serial):
            source.notice_raised.connect(self._on_scanner_notice_raised)
        self.wedge.disabled.connect(self._on_wedge_disabled)
        self.wedge.scan_ignored.connect(self._on_wedge_scan_ignored)
        self.serial.status_changed.connect(self._on_serial_status_changed)
        self.workflow.scan_handled.connect(self._on_workflow_scan_handled)
        self.workflow.scan_handled.connect(self.banner.show_outcome)
        self.workflow.scan_handled.connect(self.beeper.play)
        self.dock.message.connect(self._show_message)
        self.window.settings_changed.connect(self.apply_settings)
        self.window.closing.connect(self.shutdown)

    def _add_settings_pages(self, dialog: SettingsDialog) -> None:
        scanner_page = ScannerPage(self.wedge, serial=self.serial)
        scanner_page.test_running.connect(self.workflow.set_suspended)
        dialog.set_page(PAGE_SCANNER, scanner_page)
        dialog.set_page(PAGE_PRINTER, PrinterPage())

    # --- public ---------------------------------------------------------------------

    def attach_catalog(self, panel: Any) -> None:
        """The catalog panel: Find mode selects in it; its "add to label queue"
        fills the dock."""
        self.catalog_panel = panel
        self.workflow.set_catalog(panel.catalog, panel)
        self.dock.set_catalog(panel.catalog)
        panel.label_requested.connect(self.dock.add_request)
        panel.new_product_requested.connect(self.open_wizard)  # Ctrl+N

    @Slot(object)
    def apply_settings(self, settings: Settings) -> None:
        config = scanner_config(settings.scanner)
        self.wedge.set_rule(config.wedge)
        if self._install_wedge:
            if config.wedge.enabled:
                self.wedge.install()
            else:
                self.wedge.uninstall()
        if config.serial != self.config.serial or not self.serial.running:
            if config.serial.port:
                self.serial.start(config.serial)
            elif self.serial.running:
                self.serial.stop()
        self.config = config
        self.beeper.enabled = config.beep
        self.dock.apply_printer_settings(settings.printer)
        self._show_scanner_state()

    @Slot(str)
    def open_wizard(self, bar_code: str) -> Any:
        """The add-product wizard with `bar_code` filled in (an unknown scan, or
        Ctrl+N with an empty code or the digits in the search box); its "print
        labels" fills the queue. None while no catalog is mounted."""
        panel = self.catalog_panel
        if panel is None:
            self._show_message(
                QCoreApplication.translate(
                    "Scanning", "The catalog is not loaded yet; try again in a moment."
                )
            )
            return None
        modal = QApplication.activeModalWidget()
        if modal is not None:
            # A wizard opened now would sit behind the modal dialog's input block.
            logger.info("add-product wizard not opened: a modal dialog is open")
            self._show_message(
                QCoreApplication.translate(
                    "Scanning",
                    "The add-product wizard cannot open while “%1” is open; close "
                    "it, then scan %2 again.",
                )
                .replace("%1", modal.windowTitle())
                .replace("%2", bar_code),
                NOTICE_MS,
            )
            return None
        open_one = self._wizards.get(bar_code)
        if open_one is not None and shiboken6.isValid(open_one):
            open_one.raise_()  # the same code scanned twice: one wizard
            open_one.activateWindow()
            return open_one
        wizard = self._show_wizard(panel, bar_code=bar_code)
        self._wizards[bar_code] = wizard
        wizard.destroyed.connect(lambda *_: self._wizards.pop(bar_code, None))
        logger.info("add-product wizard opened (code given: %s)", bool(bar_code))
        return wizard

    @Slot()
    def offer_unfinished_drafts(self) -> Any:
        """Once the catalog is attached (at start-up): the creation journal's
        unfinished drafts, left by a crash or a Cancel after sending began, are
        offered; the chosen one opens in the wizard to be finished. Returns that
        wizard, or None when nothing waits or nothing was chosen."""
        panel = self.catalog_panel
        if panel is None:
            return None
        from app.api.creation import CreationJournal
        from app.gui.wizard import offer_unfinished_drafts

        choice = offer_unfinished_drafts(self.window, CreationJournal())
        if choice is None:
            return None
        logger.info("add-product wizard opened to resume an unfinished product")
        return self._show_wizard(
            panel, draft_id=choice.draft_id, form_id=choice.form_id
        )

    def _show_wizard(self, panel: Any, **kwargs: Any) -> Any:
        from app.gui.wizard import AddProductWizard, WizardSources, ask_to_discard

        sources = WizardSources.for_client(
            panel.controller.client, self.runner, catalog=panel.catalog
        )
        wizard = AddProductWizard(
            sources, parent=self.window, confirm_discard=ask_to_discard, **kwargs
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_wizards.append(wizard)
        wizard.destroyed.connect(lambda *_: self._open_wizards.remove(wizard))
        wizard.print_labels_requested.connect(self._on_wizard_print_labels_requested)
        wizard.open_product_requested.connect(panel.select_product)
        wizard.show()
        return wizard

    @Slot(int, int)
    def _on_wizard_print_labels_requested(self, id_goods: int, quantity: int) -> None:
        """A new product reaches the local catalog with a sync: queue its labels now
        if it is there, else after the next sync that brings it (a sync already
        running may have read the server before the product existed: one more)."""
        panel = self.catalog_panel
        if panel is None or panel.catalog.product(id_goods) is not None:
            self.dock.add_product_id(id_goods, quantity)
            return
        controller = panel.controller
        passes = {"left": 2}

        def after_sync(*_args: object) -> None:
            passes["left"] -= 1
            missing = panel.catalog.product(id_goods) is None
            if missing and passes["left"] > 0 and controller.sync():
                return
            controller.sync_finished.disconnect(after_sync)
            controller.sync_failed.disconnect(after_sync)
            # Tells the user when the product is still missing (sync failed).
            self.dock.add_product_id(id_goods, quantity)

        controller.sync_finished.connect(after_sync)
        controller.sync_failed.connect(after_sync)
        if not controller.sync():
            logger.info("a sync is running; the new product's labels follow it")

    def open_diagnostics(self) -> ScanDiagnostics:
        if self.diagnostics is None:
            self.diagnostics = ScanDiagnostics(self.wedge, self.serial, self.window)
        self.diagnostics.show()
        self.diagnostics.raise_()
        return self.diagnostics

    @Slot()
    def shutdown(self) -> None:
        for wizard in self._open_wizards:
            if shiboken6.isValid(wizard):
                wizard.save_form_now()  # the runner is waited for after this
        if self.diagnostics is not None:
            self.diagnostics.stop_recording()
        self.wedge.uninstall()
        self.serial.stop()
        self.workflow.wait_for_done()
        if self._owns_journal:
            self.journal.close()
            self._owns_journal = False
        if self._owns_saved_queue and self.saved_queue is not None:
            self.saved_queue.close()
            self._owns_saved_queue = False

    # --- slots ----------------------------------------------------------------------

    def _show_message(self, text: str, msecs: int = 10_000) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def _show_scanner_state(self) -> None:
        parts = []
        if self.config.wedge.enabled and not self.wedge.is_disabled:
            parts.append(QCoreApplication.translate("Scanning", "keyboard"))
        if self.config.serial.port:
            parts.append(
                serial_state_text(self._serial_state)
                if self._serial_state is not None
                else self.config.serial.port
            )
        self.window.set_scanner_state(
            ", ".join(parts) or QCoreApplication.translate("Scanning", "off")
        )

    @Slot(object)
    def _on_workflow_scan_handled(self, outcome: ScanOutcome) -> None:
        if outcome.code:
            self.window.set_last_scan(outcome.code)

    @Slot(object)
    def _on_scanner_notice_raised(self, notice: Notice) -> None:
        self._show_message(notice_text(notice), NOTICE_MS)

    def _offer_to_active_window(self, scan: Scan) -> bool:
        """A window that takes scans itself (the wizard: page 1's code, a row on
        the barcodes page) gets a scan made while it is active; True if it took
        it."""
        active = QApplication.activeWindow()
        if active is None or self.router.is_main(active):
            return False
        accept_scan = getattr(active, "accept_scan", None)
        if callable(accept_scan) and accept_scan(scan.text):
            logger.info("a %s scan went to %s", scan.source, type(active).__name__)
            return True
        return False

    @Slot(object)
    def _on_serial_scan_received(self, scan: Scan) -> None:
        # A serial scan types nowhere; elsewhere than in the wizard it is looked
        # up as before (and no wizard opens over a modal dialog: `open_wizard`).
        if not self._offer_to_active_window(scan):
            self.workflow.handle_scan(scan)

    @Slot(object)
    def _on_wedge_scan_ignored(self, scan: Scan) -> None:
        # Its focused widget could not take the scan as text.
        if self._offer_to_active_window(scan):
            return
        text = QCoreApplication.translate(
            "Scanning",
            "Scan ignored because a dialog is open. To scan into the dialog, click "
            "its barcode field first; to look the code up, close the dialog and scan "
            "again.",
        )
        outcome = ScanOutcome(
            OutcomeKind.FAILED, self.workflow.mode, scan.text, text, journal_id=0
        )
        self.banner.show_outcome(outcome)
        self.beeper.play(outcome)
        self._show_message(f"{scan.text}: {text}", NOTICE_MS)

    @Slot(str)
    def _on_wedge_disabled(self, text: str) -> None:
        self._show_message(text, NOTICE_MS)
        self._show_scanner_state()

    @Slot(object)
    def _on_serial_status_changed(self, status: SerialStatus) -> None:
        was = self._serial_state
        self._serial_state = status
        if status.state in (SerialState.FAILED, SerialState.DISCONNECTED):
            self._show_message(serial_failure_text(status), NOTICE_MS)
        elif status.state is SerialState.CONNECTED and _was_lost(was):
            # Replaces "… is not present", which would stay for its full time.
            text = QCoreApplication.translate(
                "Scanning", "The serial scanner is back on %1."
            ).replace("%1", status.port)
            self._show_message(text, NOTICE_MS)
        self._show_scanner_state()
