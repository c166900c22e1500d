"""What a scan does: Find, Labels or Check, with visible and audible feedback.

Every scan, from the keyboard wedge or a serial scanner, goes through one
`ScanWorkflow`. It is written to the scan journal *before* anything is done with it
(on a one-thread pool, so scans keep their order and the disk write never blocks the
window), read as a barcode and looked up in the local catalog; then, back on the GUI
thread, the mode decides:

- Find: select the product in the catalog panel; an unknown code emits
  `unknown_code(str)` (the composition root opens the add-product wizard with it).
- Labels: one label for the product per scan, into the label queue; an unknown code
  also emits `unknown_code` (a delivery's new product: the wizard creates it and
  asks for its labels). A case's GTIN-14 queues the shelf label of the piece it
  holds (the default unit's code), and the banner says so.
- Check: show the reading only (symbology, add-on, prefix class, in-store value).

The result goes back to the journal, the `ScanBanner` flashes green, amber or red with
the product or the reason, and `ScanBeeper` beeps a pattern per result (one beep found,
two unknown, three invalid). PySide6-Essentials has no QtMultimedia, so no WAV: the
beeps are `QApplication.beep()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.domain.barcode import BarcodeError, Reading, Symbology, read_barcode
from app.gui.printer_page import label_error_message
from app.gui.tasks import TaskFailure, TaskRunner
from app.gui.wizard.validators import (
    describe_reading,
    explain_barcode_error,
)
from app.hardware.scan import Scan, ScanSource
from app.labels.catalog_source import (
    consumer_unit_barcode,
    label_product_from_catalog,
)
from app.labels.content import LabelProduct, format_money
from app.labels.errors import LabelError
from app.store.catalog import Catalog
from app.store.records import LookupResult
from app.store.scan_journal import ScanJournal, ScanResult

logger = logging.getLogger(__name__)

BANNER_MS = 4000
BEEP_GAP_MS = 140


class ScanMode(StrEnum):
    FIND = "find"
    LABELS = "labels"
    CHECK = "check"


class OutcomeKind(StrEnum):
    FOUND = "found"  # Find: the product is selected
    QUEUED = "queued"  # Labels: a label was added
    UNKNOWN = "unknown"  # a valid code the local catalog does not have
    INVALID = "invalid"  # not a barcode the rules accept
    READING = "reading"  # Check: shown, nothing done
    FAILED = "failed"  # acting on it failed (no catalog yet, label refused, ...)


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan came to; `message` is translated, for the banner."""

    kind: OutcomeKind
    mode: ScanMode
    code: str
    message: str
    journal_id: int
    reading: Reading | None = None
    id_goods: int | None = None


class ProductFinder(Protocol):
    """The catalog panel, as the workflow uses it."""

    def show_product_for_scan(self, result: LookupResult) -> bool: ...


class LabelSink(Protocol):
    """The label queue dock, as the workflow uses it; raises LabelError."""

    def add_label(self, product: LabelProduct, quantity: int = 1) -> int: ...


@dataclass(frozen=True)
class _Looked:
    """The worker's half: journaled, read and looked up."""

    scan: Scan
    mode: ScanMode
    journal_id: int
    reading: Reading | None
    error: BarcodeError | None
    result: LookupResult | None
    label: LabelProduct | None
    label_error: LabelError | None
    piece_code: str | None = None  # a case was scanned: the piece's code labelled


def scan_source(scan: Scan) -> str:
    """The journal's source: `keyboard` or `serial:<port>`."""
    if scan.source is ScanSource.SERIAL:
        return f"serial:{scan.port or '?'}"
    return str(scan.source)


def describe_in_store(reading: Reading) -> str:
    value = reading.in_store
    if value is None:
        return ""
    parts = [
        QCoreApplication.translate("ScanWorkflow", "item %1").replace(
            "%1", value.item_code
        )
    ]
    if value.quantity is not None:
        parts.append(
            QCoreApplication.translate("ScanWorkflow", "quantity %1").replace(
                "%1", str(value.quantity)
            )
        )
    if value.price is not None:
        parts.append(
            QCoreApplication.translate("ScanWorkflow", "price %1").replace(
                "%1", format_money(value.price)
            )
        )
    return ", ".join(parts)


def describe_check(reading: Reading) -> str:
    """Check mode's line: symbology, code, add-on, prefix class, in-store value."""
    text = describe_reading(reading)
    in_store = describe_in_store(reading)
    if in_store:
        text += " · " + QCoreApplication.translate(
            "ScanWorkflow", "in-store value: %1"
        ).replace("%1", in_store)
    if reading.identifier:
        text += " · " + QCoreApplication.translate(
            "ScanWorkflow", "scanner identifier %1"
        ).replace("%1", reading.identifier)
    return text


def mode_name(mode: ScanMode) -> str:
    names = {
        ScanMode.FIND: QCoreApplication.translate("ScanWorkflow", "Find"),
        ScanMode.LABELS: QCoreApplication.translate("ScanWorkflow", "Labels"),
        ScanMode.CHECK: QCoreApplication.translate("ScanWorkflow", "Check"),
    }
    return names[mode]


MODE_SHORTCUTS = {ScanMode.FIND: "F6", ScanMode.LABELS: "F7", ScanMode.CHECK: "F8"}


class ScanWorkflow(QObject):
    """Turns scans into actions by mode; see the module docstring.

    `pool` runs the journal writes and lookups (one thread keeps scans in order).

    Signals:
        mode_changed(ScanMode): the mode was switched.
        scan_handled(ScanOutcome): a scan was acted on (its result is journaled).
        unknown_code(str): Find or Labels mode read a valid code the catalog does
            not have.
    """

    mode_changed = Signal(object)
    scan_handled = Signal(object)
    unknown_code = Signal(str)

    def __init__(
        self,
        journal: ScanJournal,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # scans are journaled and answered in order
        self._runner = TaskRunner(self, pool=pool)
        self._mode = ScanMode.FIND
        self.catalog: Catalog | None = None
        self.finder: ProductFinder | None = None
        self.labels: LabelSink | None = None
        self.suspended = False  # the settings page's test scan is running
        self.actions: dict[ScanMode, QAction] = {}

    # --- set-up ---------------------------------------------------------------------

    @property
    def mode(self) -> ScanMode:
        return self._mode

    def set_mode(self, mode: ScanMode) -> None:
        if mode is self._mode:
            return
        self._mode = mode
        if mode in self.actions:
            self.actions[mode].setChecked(True)
        logger.info("scan mode: %s", mode.value)
        self.mode_changed.emit(mode)

    def set_catalog(
        self, catalog: Catalog | None, finder: ProductFinder | None
    ) -> None:
        self.catalog = catalog
        self.finder = finder

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until the journal writes queued so far are done (shutdown, tests)."""
        return self._runner.wait_for_done(msecs)

    def set_suspended(self, suspended: bool) -> None:
        self.suspended = suspended

    def build_actions(self, parent: QObject) -> QActionGroup:
        """Three checkable actions (F6, F7, F8) for the toolbar and a menu."""
        group = QActionGroup(parent)
        group.setExclusive(True)
        tips = {
            ScanMode.FIND: self.tr("Scans select the product (F6)"),
            ScanMode.LABELS: self.tr("Each scan adds one label to the queue (F7)"),
            ScanMode.CHECK: self.tr("Scans only show what the barcode says (F8)"),
        }
        for mode in ScanMode:
            action = QAction(mode_name(mode), parent)
            action.setObjectName(f"scanMode_{mode.value}")
            action.setCheckable(True)
            action.setChecked(mode is self._mode)
            action.setShortcut(QKeySequence(MODE_SHORTCUTS[mode]))
            action.setToolTip(tips[mode])
            action.setStatusTip(tips[mode])
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            group.addAction(action)
            self.actions[mode] = action
        return group

    # --- a scan ---------------------------------------------------------------------

    @Slot(object)
    def handle_scan(self, scan: Scan) -> None:
        """Journal the scan, then act on it by the mode it arrived in."""
        if self.suspended:
            logger.debug("scan ignored during the scanner test")
            return
        logger.info("scan (%s) in %s mode", scan_source(scan), self._mode.value)
        self._runner.run(
            self._journal_and_look_up,
            scan,
            self._mode,
            self.catalog,
            on_done=self._on_looked_up,
            on_error=self._on_lookup_failed,
            name="journal and look up a scan",
        )

    def _journal_and_look_up(
        self, scan: Scan, mode: ScanMode, catalog: Catalog | None
    ) -> _Looked:
        # Worker thread: no widgets. The journal write comes first, whatever follows.
        text = scan.text
        if scan.symbology_identifier:
            text = scan.symbology_identifier + text
        try:
            reading, error = read_barcode(text), None
        except BarcodeError as failure:
            reading, error = None, failure
        journal_id = self.journal.record(scan_source(scan), scan.text, reading)

        result = label = label_error = piece_code = None
        if reading is not None and mode is not ScanMode.CHECK and catalog is not None:
            result = catalog.lookup(reading)
        if result is not None and mode is ScanMode.LABELS and catalog is not None:
            product = result.product.product
            details = catalog.details(product.id_goods)
            barcode = result.barcode
            if result.reading.symbology is Symbology.GTIN14:
                # A case's code (GS1: not for the till) gets the shelf label of
                # the piece it holds.
                piece = consumer_unit_barcode(barcode, details)
                if piece is not None:
                    barcode, piece_code = piece, piece.bar_code
            try:
                label = label_product_from_catalog(
                    product.name_goods, product.id_goods, barcode, details
                )
            except LabelError as failure:
                label_error = failure
        return _Looked(
            scan,
            mode,
            journal_id,
            reading,
            error,
            result,
            label,
            label_error,
            piece_code,
        )

    def _on_lookup_failed(self, failure: TaskFailure) -> None:
        logger.error("a scan could not be journaled or looked up: %s", failure.name)
        text = self.tr("The scan could not be handled: %1").replace(
            "%1", failure.message
        )
        self.scan_handled.emit(
            ScanOutcome(OutcomeKind.FAILED, self._mode, "", text, journal_id=0)
        )

    def _on_looked_up(self, looked: _Looked) -> None:
        outcome = self._act(looked)
        logger.info("scan %d: %s", looked.journal_id, outcome.kind.value)
        self._runner.run(
            self.journal.set_result,
            looked.journal_id,
            _JOURNAL_RESULTS[outcome.kind],
            outcome.message,
            outcome.id_goods,
            name="journal a scan's result",
        )
        self.scan_handled.emit(outcome)
        if outcome.kind is OutcomeKind.UNKNOWN and looked.mode is not ScanMode.CHECK:
            self.unknown_code.emit(outcome.code)

    def _act(self, looked: _Looked) -> ScanOutcome:
        code = looked.scan.text
        mode = looked.mode

        def outcome(
            kind: OutcomeKind, message: str, id_goods: int | None = None
        ) -> ScanOutcome:
            return ScanOutcome(
                kind, mode, code, message, looked.journal_id, looked.reading, id_goods
            )

        if looked.reading is None:
            assert looked.error is not None
            return outcome(
                OutcomeKind.INVALID,
                self.tr("%1 is not a usable barcode: %2")
                .replace("%1", code)
                .replace("%2", explain_barcode_error(looked.error)),
            )
        if mode is ScanMode.CHECK:
            return outcome(OutcomeKind.READING, describe_check(looked.reading))
        if self.catalog is None:
            return outcome(
                OutcomeKind.FAILED,
                self.tr(
                    "The catalog is not loaded yet; scan %1 again in a moment."
                ).replace("%1", code),
            )
        result = looked.result
        if result is None:
            return outcome(
                OutcomeKind.UNKNOWN,
                self.tr("%1 is not in the catalog.").replace("%1", code),
            )
        product = result.product.product
        name = product.name_goods
        if mode is ScanMode.FIND:
            shown = self.finder.show_product_for_scan(result) if self.finder else False
            if not shown:
                return outcome(
                    OutcomeKind.FAILED,
                    self.tr("%1 is in the catalog but could not be shown.").replace(
                        "%1", name
                    ),
                    product.id_goods,
                )
            return outcome(OutcomeKind.FOUND, name, product.id_goods)
        return self._queue_label(looked, outcome, name, product.id_goods)

    def _queue_label(
        self,
        looked: _Looked,
        outcome: Callable[..., ScanOutcome],
        name: str,
        id_goods: int,
    ) -> ScanOutcome:
        error = looked.label_error
        if self.labels is None:
            return outcome(
                OutcomeKind.FAILED, self.tr("There is no label queue."), id_goods
            )
        if looked.label is not None:
            try:
                self.labels.add_label(looked.label, 1)
            except LabelError as failure:
                error = failure
            else:
                if looked.piece_code is not None:
                    name = (
                        self.tr(
                            "%1 — case code: the label is for the piece's barcode %2"
                        )
                        .replace("%1", name)
                        .replace("%2", looked.piece_code)
                    )
                return outcome(OutcomeKind.QUEUED, name, id_goods)
        reason = label_error_message(error) if error is not None else ""
        return outcome(
            OutcomeKind.FAILED,
            self.tr("No label for %1: %2").replace("%1", name).replace("%2", reason),
            id_goods,
        )


_JOURNAL_RESULTS = {
    OutcomeKind.FOUND: ScanResult.FOUND,
    OutcomeKind.QUEUED: ScanResult.FOUND,
    OutcomeKind.READING: ScanResult.FOUND,
    OutcomeKind.UNKNOWN: ScanResult.NOT_FOUND,
    OutcomeKind.INVALID: ScanResult.INVALID,
    OutcomeKind.FAILED: ScanResult.FAILED,
}


# --- feedback -------------------------------------------------------------------------

_STYLES = {
    "good": "background: #d7f5dd; color: #0b4d1c; border: 1px solid #7cc68d;",
    "warn": "background: #fff1c7; color: #5a4300; border: 1px solid #e1c063;",
    "bad": "background: #fde0e0; color: #7a0c0c; border: 1px solid #e08a8a;",
    "info": "background: #e2edfb; color: #10335e; border: 1px solid #8fb1de;",
}
_TONES = {
    OutcomeKind.FOUND: "good",
    OutcomeKind.QUEUED: "good",
    OutcomeKind.READING: "info",
    OutcomeKind.UNKNOWN: "warn",
    OutcomeKind.INVALID: "bad",
    OutcomeKind.FAILED: "bad",
}
BEEPS = {
    OutcomeKind.FOUND: 1,
    OutcomeKind.QUEUED: 1,
    OutcomeKind.READING: 1,
    OutcomeKind.UNKNOWN: 2,
    OutcomeKind.INVALID: 3,
    OutcomeKind.FAILED: 3,
}


class ScanBanner(QLabel):
    """A coloured strip with the last scan's result; hides itself after a while."""

    def __init__(self, parent: QWidget | None = None, hide_after_ms: int = BANNER_MS):
        super().__init__(parent)
        self.setObjectName("scanBanner")
        self.setWordWrap(True)
        self.tone = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hide_after_ms)
        self._timer.timeout.connect(self.hide)
        self.hide()

    @Slot(object)
    def show_outcome(self, outcome: ScanOutcome) -> None:
        self.tone = _TONES[outcome.kind]
        self.setStyleSheet(
            f"QLabel#scanBanner {{ {_STYLES[self.tone]} padding: 8px 12px;"
            " font-size: 15px; font-weight: bold; }"
        )
        prefix = {
            OutcomeKind.FOUND: self.tr("Found"),
            OutcomeKind.QUEUED: self.tr("+1 label"),
            OutcomeKind.READING: self.tr("Reading"),
            OutcomeKind.UNKNOWN: self.tr("Unknown"),
            OutcomeKind.INVALID: self.tr("Invalid"),
            OutcomeKind.FAILED: self.tr("Not done"),
        }[outcome.kind]
        code = f" {outcome.code}" if outcome.code else ""
        self.setText(f"{prefix}{code}: {outcome.message}")
        self.show()
        self._timer.start()


class ScanBeeper(QObject):
    """Beeps a count per result, spaced by a timer (never a blocking sleep)."""

    def __init__(
        self,
        parent: QObject | None = None,
        beep: Callable[[], None] = QApplication.beep,
    ) -> None:
        super().__init__(parent)
        self._beep = beep
        self._left = 0
        self.enabled = True
        self._timer = QTimer(self)
        self._timer.setInterval(BEEP_GAP_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @Slot(object)
    def play(self, outcome: ScanOutcome) -> None:
        if not self.enabled:
            return
        self._left = BEEPS[outcome.kind]
        self._on_timer_timeout()
        if self._left:
            self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._left <= 0:
            self._timer.stop()
            return
        self._beep()
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()
