"""Page 2: the default unit and its counting type, and extra units with their rates."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.api.creation import DraftDefaultUnit, DraftUnit
from app.domain.models import UnitSample, UnitType
from app.gui.wizard.common import (
    WizardContext,
    display_decimal,
    note_label,
    reason_label,
)
from app.gui.wizard.lookups import WizardReference
from app.gui.wizard.validators import check_extra_unit_text, unit_type_name

logger = logging.getLogger(__name__)


def unit_label(sample: UnitSample) -> str:
    if sample.full_name and sample.full_name != sample.name_unit:
        return f"{sample.name_unit} — {sample.full_name}"
    return sample.name_unit


def fill_unit_combo(combo: QComboBox, samples: list[UnitSample]) -> None:
    chosen = combo.currentData()
    combo.clear()
    for sample in samples:
        combo.addItem(unit_label(sample), sample.id_unit)
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(chosen)))


def fill_type_combo(combo: QComboBox) -> None:
    for unit_type in UnitType:
        combo.addItem(unit_type_name(unit_type), int(unit_type))


class ExtraUnitRow:
    """The widgets of one extra unit: unit, type, rate, the reason, Remove."""

    def __init__(self, number: int) -> None:
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName(f"extraUnitCombo{number}")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName(f"extraTypeCombo{number}")
        fill_type_combo(self.type_combo)
        self.rate_edit = QLineEdit()
        self.rate_edit.setObjectName(f"extraRateEdit{number}")
        self.reason = reason_label(f"extraUnitReason{number}")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"removeUnitButton{number}")
        self.remove_button.setAutoDefault(False)

    def widgets(self) -> list[QWidget]:
        return [
            self.unit_combo,
            self.type_combo,
            self.rate_edit,
            self.remove_button,
            self.reason,
        ]

    def id_unit(self) -> int | None:
        value = self.unit_combo.currentData()
        return None if value is None else int(value)

    def unit_type(self) -> UnitType:
        return UnitType(int(self.type_combo.currentData()))


class UnitsPage(QWizardPage):
    """The default unit (rate 1) and extra units, checked as they are typed."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[ExtraUnitRow] = []
        self._row_numbers = 0

        self.setTitle(self.tr("Units"))
        self.setSubTitle(
            self.tr(
                "The default unit is what stock is counted in. Extra units, such as a "
                "box, hold a number of default units: their rate."
            )
        )
        self.default_unit_combo = QComboBox()
        self.default_unit_combo.setObjectName("defaultUnitCombo")
        self.default_type_combo = QComboBox()
        self.default_type_combo.setObjectName("defaultTypeCombo")
        fill_type_combo(self.default_type_combo)
        self.default_note = note_label("defaultUnitNote")

        self.add_button = QPushButton(self.tr("&Add an extra unit"))
        self.add_button.setObjectName("addUnitButton")
        self.add_button.setAutoDefault(False)

        self._grid = QGridLayout()
        self._grid.setColumnStretch(2, 1)
        for column, title in enumerate(
            [self.tr("Unit"), self.tr("Counted in"), self.tr("Rate")]
        ):
            header = QLabel(f"<b>{title}</b>")
            self._grid.addWidget(header, 0, column)
        self._rows_box = QWidget()
        self._rows_box.setLayout(self._grid)
        self._rows_box.hide()

        form = QFormLayout()
        unit_title = QLabel(self.tr("&Default unit:"))
        unit_title.setBuddy(self.default_unit_combo)
        type_title = QLabel(self.tr("&Counted in:"))
        type_title.setBuddy(self.default_type_combo)
        form.addRow(unit_title, self.default_unit_combo)
        type_box = QVBoxLayout()
        type_box.setSpacing(2)
        type_box.addWidget(self.default_type_combo)
        type_box.addWidget(self.default_note)
        form.addRow(type_title, type_box)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._rows_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        layout.addStretch(1)

        self.default_unit_combo.currentIndexChanged.connect(self._on_any_changed)
        self.default_type_combo.currentIndexChanged.connect(self._on_any_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        context.reference_loaded.connect(self._on_context_reference_loaded)
        self._on_any_changed()

    # --- values ---------------------------------------------------------------

    def default_unit(self) -> DraftDefaultUnit | None:
        value = self.default_unit_combo.currentData()
        if value is None:
            return None
        return DraftDefaultUnit(id_unit=int(value), type_unit=self.default_type())

    def default_type(self) -> UnitType:
        return UnitType(int(self.default_type_combo.currentData()))

    def extra_units(self) -> list[DraftUnit]:
        units = []
        for row in self._rows:
            checked = check_extra_unit_text(
                self.default_type(), row.unit_type(), row.rate_edit.text()
            )
            id_unit = row.id_unit()
            if checked.value is not None and id_unit is not None:
                units.append(
                    DraftUnit(
                        id_unit=id_unit, type_unit=row.unit_type(), rate=checked.value
                    )
                )
        return units

    def unit_name(self, id_unit: int) -> str:
        index = self.default_unit_combo.findData(id_unit)
        return self.default_unit_combo.itemText(index) if index >= 0 else str(id_unit)

    def unit_short_name(self, id_unit: int) -> str:
        """`шт` rather than `шт — штука`, for the summary."""
        reference = self._context.reference
        for sample in reference.unit_samples if reference else []:
            if sample.id_unit == id_unit:
                return sample.name_unit
        return str(id_unit)

    def rows(self) -> list[ExtraUnitRow]:
        return list(self._rows)

    def set_units(self, default: DraftDefaultUnit, extras: list[DraftUnit]) -> None:
        """Fill the page from a journaled draft."""
        self.default_unit_combo.setCurrentIndex(
            max(0, self.default_unit_combo.findData(default.id_unit))
        )
        self.default_type_combo.setCurrentIndex(
            self.default_type_combo.findData(int(default.type_unit))
        )
        for unit in extras:
            row = self.add_row()
            row.unit_combo.setCurrentIndex(
                max(0, row.unit_combo.findData(unit.id_unit))
            )
            row.type_combo.setCurrentIndex(row.type_combo.findData(int(unit.type_unit)))
            row.rate_edit.setText(display_decimal(unit.rate))

    # --- rows -----------------------------------------------------------------

    def add_row(self) -> ExtraUnitRow:
        self._row_numbers += 1
        row = ExtraUnitRow(self._row_numbers)
        row.remove_button.setText(self.tr("Remove"))
        row.rate_edit.setPlaceholderText(self.tr("e.g. 12"))
        reference = self._context.reference
        fill_unit_combo(row.unit_combo, reference.unit_samples if reference else [])
        # Suggest a unit not used yet, and a type the default unit accepts.
        used = {self.default_unit_combo.currentData()} | {
            r.id_unit() for r in self._rows
        }
        for index in range(row.unit_combo.count()):
            if row.unit_combo.itemData(index) not in used:
                row.unit_combo.setCurrentIndex(index)
                break
        suggested = (
            UnitType.INTEGER
            if self.default_type() == UnitType.FRACTIONAL
            else self.default_type()
        )
        row.type_combo.setCurrentIndex(row.type_combo.findData(int(suggested)))

        line = len(self._rows) * 2 + 1
        self._grid.addWidget(row.unit_combo, line, 0)
        self._grid.addWidget(row.type_combo, line, 1)
        self._grid.addWidget(row.rate_edit, line, 2)
        self._grid.addWidget(row.remove_button, line, 3)
        self._grid.addWidget(row.reason, line + 1, 0, 1, 4)
        self._rows.append(row)
        self._rows_box.show()
        self._chain_tab_order()

        row.unit_combo.currentIndexChanged.connect(self._on_any_changed)
        row.type_combo.currentIndexChanged.connect(self._on_any_changed)
        row.rate_edit.textChanged.connect(self._on_any_changed)
        row.remove_button.clicked.connect(lambda: self._remove_row(row))
        self._on_any_changed()
        return row

    def _chain_tab_order(self) -> None:
        # Rows made later would otherwise come after the wizard's buttons.
        previous: QWidget = self.default_type_combo
        for row in self._rows:
            for widget in (
                row.unit_combo,
                row.type_combo,
                row.rate_edit,
                row.remove_button,
            ):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_button)

    def _remove_row(self, row: ExtraUnitRow) -> None:
        self._rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        # Lay the remaining rows out again, without gaps.
        for number, other in enumerate(self._rows):
            line = number * 2 + 1
            self._grid.addWidget(other.unit_combo, line, 0)
            self._grid.addWidget(other.type_combo, line, 1)
            self._grid.addWidget(other.rate_edit, line, 2)
            self._grid.addWidget(other.remove_button, line, 3)
            self._grid.addWidget(other.reason, line + 1, 0, 1, 4)
        self._rows_box.setVisible(bool(self._rows))
        self._chain_tab_order()
        self.add_button.setFocus()
        self._on_any_changed()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        row = self.add_row()
        row.unit_combo.setFocus()

    # --- checks ---------------------------------------------------------------

    def _row_reasons(self) -> list[str]:
        reasons = []
        seen = {self.default_unit_combo.currentData()}
        for row in self._rows:
            if row.id_unit() in seen:
                reasons.append(self.tr("This unit is already on the product."))
                continue
            seen.add(row.id_unit())
            checked = check_extra_unit_text(
                self.default_type(), row.unit_type(), row.rate_edit.text()
            )
            reasons.append(checked.reason)
        return reasons

    @Slot()
    def _on_any_changed(self) -> None:
        for row, reason in zip(self._rows, self._row_reasons(), strict=True):
            row.reason.setText(reason)
        self.default_note.setText(
            self.tr(
                "Rate 1; stock and prices are kept in this unit, counted in %1."
            ).replace("%1", unit_type_name(self.default_type()))
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.default_unit() is not None and not any(self._row_reasons())

    @Slot(object)
    def _on_context_reference_loaded(self, reference: WizardReference) -> None:
        fill_unit_combo(self.default_unit_combo, reference.unit_samples)
        for row in self._rows:
            fill_unit_combo(row.unit_combo, reference.unit_samples)
        self._on_any_changed()
