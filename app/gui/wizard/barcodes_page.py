"""Page 4: the barcode from page 1 and more, each for a unit and a series."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.api.creation import DraftBarcode, DraftSeries
from app.domain.barcode import (
    DEFAULT_CODE_RANGE,
    BarcodeError,
    InStoreCodeRange,
    Reading,
    next_free_in_store_code,
)
from app.domain.models import BASE_SERIES_ID
from app.gui.scan_routing import mark_for_codes
from app.gui.tasks import TaskFailure
from app.gui.wizard.common import (
    WizardContext,
    display_decimal,
    note_label,
    reason_label,
)
from app.gui.wizard.identify_page import DUPLICATE_CHECK_DELAY_MS, IdentifyPage
from app.gui.wizard.lookups import BarcodeOwner
from app.gui.wizard.units_page import UnitsPage
from app.gui.wizard.validators import check_barcode, describe_reading

logger = logging.getLogger(__name__)


class BarcodeRow:
    """One barcode: its code (with add-on), unit, series, the reason, Remove."""

    def __init__(self, number: int, *, from_first_page: bool) -> None:
        self.from_first_page = from_first_page
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName(f"barcodeCodeEdit{number}")
        mark_for_codes(self.code_edit)
        self.code_edit.setReadOnly(from_first_page)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName(f"barcodeUnitCombo{number}")
        self.series_edit = QLineEdit(BASE_SERIES_ID)
        self.series_edit.setObjectName(f"barcodeSeriesEdit{number}")
        self.reading = note_label(f"barcodeRowReading{number}")
        self.reason = reason_label(f"barcodeRowReason{number}")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"removeBarcodeButton{number}")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setVisible(not from_first_page)

    def widgets(self) -> list[QWidget]:
        return [
            self.code_edit,
            self.unit_combo,
            self.series_edit,
            self.remove_button,
            self.reading,
            self.reason,
        ]


class BarcodesPage(QWizardPage):
    """More barcodes, and "Generate an in-store code" for goods without one."""

    def __init__(
        self,
        context: WizardContext,
        identify: IdentifyPage,
        units: UnitsPage,
        parent: QWidget | None = None,
        *,
        code_range: InStoreCodeRange = DEFAULT_CODE_RANGE,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._identify = identify
        self._units = units
        self._code_range = code_range
        self._rows: list[BarcodeRow] = []
        self._row_numbers = 0
        self._generating = False
        # Owner checks of the codes added here (page 1 checked its own code).
        self._owners: dict[str, BarcodeOwner | None] = {}
        self._asked: set[str] = set()
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)

        self.setTitle(self.tr("Barcodes"))
        self.setSubTitle(
            self.tr(
                "Each barcode names a unit (a box may have its own code) and a series "
                "(“-” is the base series). Type an add-on after the code."
            )
        )
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(2, 1)
        for column, title in enumerate(
            [self.tr("Barcode"), self.tr("Unit"), self.tr("Series")]
        ):
            self._grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)

        self.add_button = QPushButton(self.tr("&Add a barcode"))
        self.add_button.setObjectName("addBarcodeButton")
        self.add_button.setAutoDefault(False)
        self.generate_button = QPushButton(self.tr("&Generate an in-store code"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setAutoDefault(False)
        self.page_note = note_label("barcodesNote")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        layout.addLayout(buttons)
        layout.addWidget(self.page_note)
        layout.addStretch(1)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.generate_button.clicked.connect(self._on_generate_button_clicked)

    # --- values ---------------------------------------------------------------

    def rows(self) -> list[BarcodeRow]:
        return list(self._rows)

    def barcodes(self) -> list[DraftBarcode]:
        default = self._units.default_unit()
        result = []
        for row in self._rows:
            reading = check_barcode(row.code_edit.text(), required=True).value
            if reading is None:
                continue
            id_unit = row.unit_combo.currentData()
            result.append(
                DraftBarcode(
                    bar_code=reading.bar_code,
                    ext_bar_code=reading.ext_bar_code,
                    id_unit=None
                    if default is None or id_unit == default.id_unit
                    else id_unit,
                    id_series=row.series_edit.text().strip() or BASE_SERIES_ID,
                )
            )
        return result

    def extra_series(self) -> list[DraftSeries]:
        names: list[str] = []
        for row in self._rows:
            series = row.series_edit.text().strip()
            if series and series != BASE_SERIES_ID and series not in names:
                names.append(series)
        return [DraftSeries(id_series=name, name_series=name) for name in names]

    def set_barcodes(self, barcodes: Iterable[DraftBarcode]) -> None:
        """Fill the page from a journaled draft (the first page's code excluded)."""
        for barcode in barcodes:
            code = barcode.bar_code + (
                f" {barcode.ext_bar_code}" if barcode.ext_bar_code else ""
            )
            row = self.add_row(code)
            if barcode.id_unit is not None:
                row.unit_combo.setCurrentIndex(
                    max(0, row.unit_combo.findData(barcode.id_unit))
                )
            row.series_edit.setText(barcode.id_series)

    # --- rows -----------------------------------------------------------------

    def initializePage(self) -> None:
        # The first page's code leads the list; it is edited there, not here.
        reading = self._identify.reading()
        first = self._rows[0] if self._rows and self._rows[0].from_first_page else None
        if reading is None and first is not None:
            self._remove_row(first)
        elif reading is not None:
            code = reading.bar_code + (
                f" {reading.ext_bar_code}" if reading.ext_bar_code else ""
            )
            if first is None:
                first = self._new_row(from_first_page=True, at_top=True)
            first.code_edit.setText(code)
        for row in self._rows:
            self._fill_units(row)
        self._on_any_changed()

    def _fill_units(self, row: BarcodeRow) -> None:
        chosen = row.unit_combo.currentData()
        row.unit_combo.clear()
        default = self._units.default_unit()
        if default is not None:
            row.unit_combo.addItem(
                self._units.unit_name(default.id_unit), default.id_unit
            )
        for unit in self._units.extra_units():
            row.unit_combo.addItem(
                self.tr("%1 (%2 each)")
                .replace("%1", self._units.unit_name(unit.id_unit))
                .replace("%2", display_decimal(unit.rate)),
                unit.id_unit,
            )
        if chosen is not None:
            row.unit_combo.setCurrentIndex(max(0, row.unit_combo.findData(chosen)))

    def add_row(self, code: str = "") -> BarcodeRow:
        row = self._new_row(from_first_page=False, at_top=False)
        row.code_edit.setText(code)
        return row

    def _new_row(self, *, from_first_page: bool, at_top: bool) -> BarcodeRow:
        self._row_numbers += 1
        row = BarcodeRow(self._row_numbers, from_first_page=from_first_page)
        row.remove_button.setText(self.tr("Remove"))
        row.code_edit.setPlaceholderText(self.tr("e.g. 4820000000000 12"))
        self._fill_units(row)
        if at_top:
            self._rows.insert(0, row)
        else:
            self._rows.append(row)
        self._lay_out()
        row.code_edit.textChanged.connect(self._on_any_changed)
        row.unit_combo.currentIndexChanged.connect(self._on_any_changed)
        row.series_edit.textChanged.connect(self._on_any_changed)
        row.remove_button.clicked.connect(lambda: self._remove_row(row))
        self._on_any_changed()
        return row

    def _lay_out(self) -> None:
        for number, row in enumerate(self._rows):
            line = number * 3 + 1
            self._grid.addWidget(row.code_edit, line, 0)
            self._grid.addWidget(row.unit_combo, line, 1)
            self._grid.addWidget(row.series_edit, line, 2)
            self._grid.addWidget(row.remove_button, line, 3)
            self._grid.addWidget(row.reading, line + 1, 0, 1, 4)
            self._grid.addWidget(row.reason, line + 2, 0, 1, 4)
        # Tab follows the rows top to bottom.
        previous: QWidget | None = None
        for row in self._rows:
            for widget in (
                row.code_edit,
                row.unit_combo,
                row.series_edit,
                row.remove_button,
            ):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)
            QWidget.setTabOrder(self.add_button, self.generate_button)

    def _remove_row(self, row: BarcodeRow) -> None:
        self._rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()
        self.add_button.setFocus()
        self._on_any_changed()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.add_row().code_edit.setFocus()

    # --- the in-store code ----------------------------------------------------

    @Slot()
    def _on_generate_button_clicked(self) -> None:
        self._generating = True
        self.page_note.setText(self.tr("Looking for a free in-store code…"))
        self.completeChanged.emit()
        self._context.sources.runner.run(
            lambda: list(self._context.sources.codes_in_use()),
            on_done=self._on_codes_in_use_loaded,
            on_error=self._on_codes_in_use_failed,
            disable=[self.generate_button],
            name="wizard codes in use",
        )

    def _on_codes_in_use_loaded(self, codes: list[str]) -> None:
        if not shiboken6.isValid(self):
            return
        self._generating = False
        ours = [reading.bar_code for reading in self._readings()]
        try:
            code = next_free_in_store_code([*codes, *ours], self._code_range)
        except BarcodeError as error:
            logger.warning("no free in-store code: %s", error)
            self.page_note.setText(
                self.tr("Every in-store code of the range is in use.")
            )
            self.completeChanged.emit()
            return
        logger.info("wizard: generated in-store code %s", code)
        self.page_note.setText(
            self.tr("%1 is free; it was added to the list.").replace("%1", code)
        )
        self.add_row(code).unit_combo.setFocus()

    def _on_codes_in_use_failed(self, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        self._generating = False
        self.page_note.setText(
            self.tr("Could not read the codes in use: %1").replace(
                "%1", failure.message
            )
        )
        self.completeChanged.emit()

    # --- checks ---------------------------------------------------------------

    def _readings(self) -> list[Reading]:
        return [
            reading
            for row in self._rows
            if (reading := check_barcode(row.code_edit.text(), required=True).value)
        ]

    def _row_reasons(self) -> list[str]:
        reasons = []
        seen: set[tuple[str, str | None]] = set()
        for row in self._rows:
            checked = check_barcode(row.code_edit.text(), required=True)
            reading = checked.value
            row.reading.setText(describe_reading(reading) if reading else "")
            if reading is None:
                reasons.append(checked.reason)
                continue
            identity = (reading.bar_code, reading.ext_bar_code)
            if identity in seen:
                reasons.append(self.tr("This barcode is listed twice."))
                continue
            seen.add(identity)
            if not row.series_edit.text().strip():
                reasons.append(self.tr("Name a series, or “-” for the base series."))
                continue
            reasons.append(self._owner_reason(reading.bar_code))
        return reasons

    # --- whether the codes added here are in use ----------------------------

    def _first_page_code(self) -> str | None:
        reading = self._identify.reading()
        return None if reading is None else reading.bar_code

    def _unchecked_codes(self) -> list[str]:
        codes = []
        for reading in self._readings():
            code = reading.bar_code
            if code == self._first_page_code() or code in self._owners:
                continue
            if code not in self._asked and code not in codes:
                codes.append(code)
        return codes

    def _owner_reason(self, bar_code: str) -> str:
        if bar_code == self._first_page_code():
            return ""
        if bar_code not in self._owners:
            return self.tr("Checking whether the code is in use…")
        owner = self._owners[bar_code]
        if owner is None:
            return ""
        return (
            self.tr("This code already belongs to “%1” (product %2).")
            .replace("%1", owner.name_goods)
            .replace("%2", str(owner.id_goods))
        )

    def stop_checking(self) -> None:
        self._check_timer.stop()

    @Slot()
    def _on_check_timer_timeout(self) -> None:
        for code in self._unchecked_codes():
            self._asked.add(code)
            self._ask_owner(code)

    def _ask_owner(self, bar_code: str) -> None:
        def found(owner: BarcodeOwner | None) -> None:
            self._on_owner_found(bar_code, owner)

        def failed(failure: TaskFailure) -> None:
            self._on_owner_check_failed(bar_code, failure)

        self._context.sources.runner.run(
            self._context.sources.find_barcode_owner,
            bar_code,
            on_done=found,
            on_error=failed,
            name="wizard duplicate barcode check",
        )

    def _on_owner_found(self, bar_code: str, owner: BarcodeOwner | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._asked.discard(bar_code)
        self._owners[bar_code] = owner
        self._on_any_changed()

    def _on_owner_check_failed(self, bar_code: str, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        # As on page 1: not knowing does not block; the server has the last word.
        self._asked.discard(bar_code)
        self._owners[bar_code] = None
        self.page_note.setText(
            self.tr("Could not check whether %1 is in use: %2")
            .replace("%1", bar_code)
            .replace("%2", failure.message)
        )
        self._on_any_changed()

    @Slot()
    def _on_any_changed(self) -> None:
        for row, reason in zip(self._rows, self._row_reasons(), strict=True):
            row.reason.setText(reason)
        if self._unchecked_codes():
            self._check_timer.start()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._generating and not any(self._row_reasons())
