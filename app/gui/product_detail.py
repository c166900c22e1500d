"""The selected product: its units, series, prices and barcodes, one tab each.

Each tab is a small table with Add and Edit (Ins and F2 act on the tab in front).
Every edit is checked by the domain rules (`app.domain.units`, `prices`, the barcode
rules) before it is sent through the controller. Prices are read-only once created:
the API changes them only through a revaluation document, and the tab says so. The
series API has no update, so series can be added but not edited.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.barcode import BarcodeError, check_storable, validate_for_print
from app.domain.models import (
    BASE_SERIES_ID,
    Barcode,
    BarcodeWrite,
    Price,
    PriceLevel,
    PriceWrite,
    Product,
    ProductUnit,
    ProductUnitWrite,
    Series,
    SeriesWrite,
    UnitSample,
    UnitType,
)
from app.domain.prices import PriceSpec, check_price, parse_money
from app.domain.units import UnitSpec, check_units, parse_rate
from app.gui.products_model import format_money
from app.gui.services import CatalogController, WriteOutcome, WriteStatus
from app.gui.write_dialog import FieldError, WriteDialog
from app.store.records import ProductDetails
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

RecordT = TypeVar("RecordT")
AnyIndex = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def unit_type_name(unit_type: UnitType) -> str:
    names = {
        UnitType.INTEGER: QCoreApplication.translate("ProductDetail", "whole"),
        UnitType.QUARTER: QCoreApplication.translate("ProductDetail", "quarters"),
        UnitType.FRACTIONAL: QCoreApplication.translate("ProductDetail", "fractional"),
    }
    return names[unit_type]


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("ProductDetail", "yes")
    return QCoreApplication.translate("ProductDetail", "no")


def _decimal_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


# --- a small table model --------------------------------------------------------------


@dataclass(frozen=True)
class Column(Generic[RecordT]):
    title: Callable[[], str]
    value: Callable[[RecordT], str]
    right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[RecordT]):
    """A read-only table of records with a column list; `is_active` greys rows."""

    def __init__(
        self,
        columns: Sequence[Column[RecordT]],
        is_active: Callable[[RecordT], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[RecordT] = []
        self._is_active = is_active

    def set_records(self, rows: Sequence[RecordT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def records(self) -> list[RecordT]:
        return list(self._rows)

    def record(self, row: int) -> RecordT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title()
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        record = self.record(index.row())
        if record is None:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self._is_active is not None
            and not self._is_active(record)
        ):
            return QBrush(QColor("#8a8a8a"))
        return None


def units_model(parent: QObject | None = None) -> RecordTableModel[ProductUnit]:
    return RecordTableModel(
        [
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Unit"),
                lambda u: u.name_unit or str(u.id_unit),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Counted in"),
                lambda u: unit_type_name(u.type_unit),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Rate"),
                lambda u: _decimal_text(u.rate),
                right=True,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Default"),
                lambda u: yes_no(u.is_default),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "For orders"),
                lambda u: yes_no(u.for_ordering),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Active"),
                lambda u: yes_no(u.active),
            ),
        ],
        lambda u: u.active,
        parent,
    )


def series_model(parent: QObject | None = None) -> RecordTableModel[Series]:
    return RecordTableModel(
        [
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Series"),
                lambda s: s.id_series,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Name"),
                lambda s: s.name_series,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Active"),
                lambda s: yes_no(s.active),
            ),
        ],
        lambda s: s.active,
        parent,
    )


def prices_model(
    level_name: Callable[[int], str], parent: QObject | None = None
) -> RecordTableModel[Price]:
    return RecordTableModel(
        [
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Price level"),
                lambda p: p.name_price_level or level_name(p.id_price_level),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Unit"),
                lambda p: p.name_unit or str(p.id_unit),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Series"),
                lambda p: p.name_series or p.id_series,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Price"),
                lambda p: format_money(p.price),
                right=True,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Minimum"),
                lambda p: format_money(p.min_price),
                right=True,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Maximum"),
                lambda p: format_money(p.max_price),
                right=True,
            ),
        ],
        lambda p: p.active,
        parent,
    )


def barcodes_model(parent: QObject | None = None) -> RecordTableModel[Barcode]:
    return RecordTableModel(
        [
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Barcode"),
                lambda b: b.bar_code,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Add-on"),
                lambda b: b.ext_bar_code or "",
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Unit"),
                lambda b: b.name_unit or str(b.id_unit),
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Series"),
                lambda b: b.name_series or b.id_series,
            ),
            Column(
                lambda: QCoreApplication.translate("ProductDetail", "Active"),
                lambda b: yes_no(b.active),
            ),
        ],
        lambda b: b.active,
        parent,
    )


# --- editors ----------------------------------------------------------------------


class UnitDialog(WriteDialog):
    """Add a unit to a product, or edit one (the dictionary entry stays)."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        units: Sequence[ProductUnit],
        samples: Sequence[UnitSample],
        unit: ProductUnit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("ProductDetail", "Edit unit")
            if unit
            else QCoreApplication.translate("ProductDetail", "Add unit")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("unitDialog")
        self.product = product
        self.units = list(units)
        self.unit = unit
        default = next((u for u in units if u.is_default), None)

        self.sample = QComboBox()
        taken = {u.id_unit for u in units}
        for sample in samples:
            if unit is not None and sample.id_unit != unit.id_unit:
                continue
            if unit is None and sample.id_unit in taken:
                continue
            label = sample.name_unit
            if sample.full_name and sample.full_name != sample.name_unit:
                label = f"{sample.name_unit} — {sample.full_name}"
            self.sample.addItem(label, sample.id_unit)
        self.sample.setEnabled(unit is None)
        self.add_field(
            "id_unit",
            QCoreApplication.translate("ProductDetail", "&Unit:"),
            self.sample,
        )

        self.type_unit = QComboBox()
        for unit_type in UnitType:
            self.type_unit.addItem(unit_type_name(unit_type), int(unit_type))
        start_type = unit.type_unit if unit else (default.type_unit if default else 1)
        self.type_unit.setCurrentIndex(self.type_unit.findData(int(start_type)))
        self.add_field(
            "type_unit",
            QCoreApplication.translate("ProductDetail", "&Counted in:"),
            self.type_unit,
        )

        self.rate = QLineEdit(_decimal_text(unit.rate) if unit else "")
        self.rate.setPlaceholderText(
            QCoreApplication.translate(
                "ProductDetail", "how many default units, e.g. 12"
            )
        )
        self.rate.setEnabled(not (unit is not None and unit.is_default))
        self.add_field(
            "rate", QCoreApplication.translate("ProductDetail", "&Rate:"), self.rate
        )

        self.for_ordering = QCheckBox(
            QCoreApplication.translate("ProductDetail", "Usable in &orders")
        )
        self.for_ordering.setChecked(unit.for_ordering if unit else False)
        self.add_field("for_ordering", "", self.for_ordering)
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(unit.active if unit else True)
        self.add_field("active", "", self.active)
        if default is not None:
            self.note.setText(
                QCoreApplication.translate(
                    "ProductDetail",
                    "The default unit is %1 (%2); the rate counts default units.",
                )
                .replace("%1", default.name_unit or str(default.id_unit))
                .replace("%2", unit_type_name(default.type_unit))
            )
            self.note.show()

    def build_write(self) -> OutboxWrite:
        id_unit = self.sample.currentData()
        if id_unit is None:
            raise FieldError(
                "id_unit", QCoreApplication.translate("ProductDetail", "Choose a unit.")
            )
        type_unit = UnitType(int(self.type_unit.currentData()))
        is_default = self.unit.is_default if self.unit else False
        if not self.rate.text().strip() and not is_default:
            raise FieldError(
                "rate",
                QCoreApplication.translate("ProductDetail", "Type the rate, e.g. 12."),
            )
        rate = Decimal(1) if is_default else parse_rate(self.rate.text())

        # The whole set as it would be after the change must keep the rules.
        others = [u for u in self.units if u.id_unit != id_unit]
        specs = [UnitSpec(u.id_unit, u.type_unit, u.rate, u.is_default) for u in others]
        specs.append(UnitSpec(int(id_unit), type_unit, rate, is_default))
        check_units(specs)

        old = self.unit
        body = ProductUnitWrite(
            id_unit=int(id_unit),
            type_unit=type_unit,
            rate=rate,
            max_count=old.max_count if old else None,
            brutto_weight=(old.brutto_weight or 0) if old else 0,
            percent_deviation=(old.percent_deviation or Decimal("0.0"))
            if old
            else Decimal("0.0"),
            for_ordering=self.for_ordering.isChecked(),
            is_default=is_default,
            is_storage_residues=old.is_storage_residues if old else False,
            height=old.height if old else None,
            width=old.width if old else None,
            depth=old.depth if old else None,
            active=self.active.isChecked(),
        )
        if old is not None:
            if not old.guid:
                raise FieldError(
                    "id_unit",
                    QCoreApplication.translate(
                        "ProductDetail", "This unit has no guid to edit by."
                    ),
                )
            return OutboxWrite(
                WriteKind.UPDATE_UNIT,
                body,
                self.product.guid,
                self.product.id_goods,
                old.guid,
            )
        return OutboxWrite(
            WriteKind.CREATE_UNIT, body, self.product.guid, self.product.id_goods
        )


class SeriesDialog(WriteDialog):
    """Add a series (an issue, a size) to a product."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        series: Sequence[Series],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            controller,
            QCoreApplication.translate("ProductDetail", "Add series"),
            parent,
        )
        self.setObjectName("seriesDialog")
        self.product = product
        self.existing = {s.id_series for s in series}
        self.id_series = QLineEdit()
        self.id_series.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "e.g. 2026-49")
        )
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series id:"),
            self.id_series,
        )
        self.name_series = QLineEdit()
        self.name_series.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "e.g. No. 49 2026")
        )
        self.add_field(
            "name_series",
            QCoreApplication.translate("ProductDetail", "&Name:"),
            self.name_series,
        )
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(True)
        self.add_field("active", "", self.active)

    def build_write(self) -> OutboxWrite:
        id_series = self.id_series.text().strip()
        name = self.name_series.text().strip()
        if not id_series:
            raise FieldError(
                "id_series",
                QCoreApplication.translate("ProductDetail", "Type the series id."),
            )
        if id_series in self.existing:
            raise FieldError(
                "id_series",
                QCoreApplication.translate(
                    "ProductDetail", "The product already has this series."
                ),
            )
        if not name:
            raise FieldError(
                "name_series",
                QCoreApplication.translate("ProductDetail", "Type the series name."),
            )
        body = SeriesWrite(
            id_series=id_series, name_series=name, active=self.active.isChecked()
        )
        return OutboxWrite(
            WriteKind.CREATE_SERIES, body, self.product.guid, self.product.id_goods
        )


class PriceDialog(WriteDialog):
    """Create a price that does not exist yet (for a level or series without one)."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        details: ProductDetails,
        levels: Sequence[PriceLevel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            controller, QCoreApplication.translate("ProductDetail", "Add price"), parent
        )
        self.setObjectName("priceDialog")
        self.product = product
        self.details = details
        self.level = QComboBox()
        for level in levels:
            self.level.addItem(level.name_price_level, level.id_price_level)
        self.add_field(
            "id_price_level",
            QCoreApplication.translate("ProductDetail", "Price &level:"),
            self.level,
        )
        self.series = QComboBox()
        for series in details.series:
            self.series.addItem(series.name_series, series.id_series)
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series:"),
            self.series,
        )
        self.price = QLineEdit()
        self.add_field(
            "price", QCoreApplication.translate("ProductDetail", "&Price:"), self.price
        )
        self.min_price = QLineEdit()
        self.min_price.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "the price, if empty")
        )
        self.add_field(
            "min_price",
            QCoreApplication.translate("ProductDetail", "M&inimum:"),
            self.min_price,
        )
        self.max_price = QLineEdit()
        self.max_price.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "the price, if empty")
        )
        self.add_field(
            "max_price",
            QCoreApplication.translate("ProductDetail", "M&aximum:"),
            self.max_price,
        )
        self.note.setText(
            QCoreApplication.translate(
                "ProductDetail",
                "A price is set once. Later changes go through a revaluation.",
            )
        )
        self.note.show()

    def build_write(self) -> OutboxWrite:
        default = self.details.default_unit
        if default is None:
            raise FieldError(
                "price",
                QCoreApplication.translate(
                    "ProductDetail", "The product has no default unit yet."
                ),
            )
        level = self.level.currentData()
        series = self.series.currentData() or BASE_SERIES_ID
        if level is None:
            raise FieldError(
                "id_price_level",
                QCoreApplication.translate("ProductDetail", "Choose a price level."),
            )
        for existing in self.details.prices:
            if (
                existing.id_price_level == level
                and existing.id_series == series
                and existing.id_unit == default.id_unit
            ):
                raise FieldError(
                    "id_price_level",
                    QCoreApplication.translate(
                        "ProductDetail",
                        "This level already has a price; change it with a revaluation.",
                    ),
                )
        if not self.price.text().strip():
            raise FieldError(
                "price", QCoreApplication.translate("ProductDetail", "Type the price.")
            )
        price = parse_money(self.price.text(), "price")
        min_price = (
            parse_money(self.min_price.text(), "min_price")
            if self.min_price.text().strip()
            else price
        )
        max_price = (
            parse_money(self.max_price.text(), "max_price")
            if self.max_price.text().strip()
            else price
        )
        check_price(PriceSpec(price, min_price, max_price))
        body = PriceWrite(
            id_goods=self.product.id_goods,
            id_unit=default.id_unit,
            id_series=str(series),
            id_price_level=int(level),
            price=price,
            min_price=min_price,
            max_price=max_price,
        )
        return OutboxWrite(
            WriteKind.CREATE_PRICE, body, self.product.guid, self.product.id_goods
        )


class BarcodeDialog(WriteDialog):
    """Add a barcode to a product, or edit one."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        details: ProductDetails,
        barcode: Barcode | None = None,
        bar_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("ProductDetail", "Edit barcode")
            if barcode
            else QCoreApplication.translate("ProductDetail", "Add barcode")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("barcodeDialog")
        self.product = product
        self.barcode = barcode
        self.bar_code = QLineEdit(barcode.bar_code if barcode else bar_code)
        self.bar_code.setMaxLength(21)
        self.bar_code.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "scan or type the digits")
        )
        self.add_field(
            "bar_code",
            QCoreApplication.translate("ProductDetail", "&Barcode:"),
            self.bar_code,
        )
        self.ext_bar_code = QLineEdit(barcode.ext_bar_code or "" if barcode else "")
        self.ext_bar_code.setMaxLength(5)
        self.ext_bar_code.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "2 or 5 digits, or empty")
        )
        self.add_field(
            "ext_bar_code",
            QCoreApplication.translate("ProductDetail", "A&dd-on:"),
            self.ext_bar_code,
        )
        self.unit = QComboBox()
        for unit in details.units:
            self.unit.addItem(unit.name_unit or str(unit.id_unit), unit.id_unit)
        if barcode is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(barcode.id_unit)))
        self.add_field(
            "id_unit", QCoreApplication.translate("ProductDetail", "&Unit:"), self.unit
        )
        self.series = QComboBox()
        for series in details.series:
            self.series.addItem(series.name_series, series.id_series)
        if barcode is not None:
            self.series.setCurrentIndex(max(0, self.series.findData(barcode.id_series)))
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series:"),
            self.series,
        )
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(barcode.active if barcode else True)
        self.add_field("active", "", self.active)

    def build_write(self) -> OutboxWrite:
        bar_code = self.bar_code.text().strip()
        ext = self.ext_bar_code.text().strip() or None
        try:
            check_storable(bar_code, ext)
            validate_for_print(bar_code, ext)  # the check digit of a GTIN
        except BarcodeError as error:
            # Errors about the whole code are shown under the barcode field.
            error.field = error.field or "bar_code"
            raise
        if self.unit.currentData() is None:
            raise FieldError(
                "id_unit",
                QCoreApplication.translate(
                    "ProductDetail", "The product has no unit yet."
                ),
            )
        if self.controller.online is False:
            # Offline, the server cannot refuse a duplicate now; the local copy can.
            self._check_local_duplicate(bar_code, ext)
        body = BarcodeWrite(
            bar_code=bar_code,
            id_unit=int(self.unit.currentData()),
            id_series=str(self.series.currentData() or BASE_SERIES_ID),
            ext_bar_code=ext,
            active=self.active.isChecked(),
        )
        if self.barcode is not None:
            if not self.barcode.guid:
                raise FieldError(
                    "bar_code",
                    QCoreApplication.translate(
                        "ProductDetail", "This barcode has no guid."
                    ),
                )
            return OutboxWrite(
                WriteKind.UPDATE_BARCODE,
                body,
                self.product.guid,
                self.product.id_goods,
                self.barcode.guid,
            )
        return OutboxWrite(
            WriteKind.CREATE_BARCODE, body, self.product.guid, self.product.id_goods
        )

    def _check_local_duplicate(self, bar_code: str, ext: str | None) -> None:
        catalog = self.controller.catalog
        owner = catalog.barcode_owner(bar_code, ext)
        unchanged = self.barcode is not None and (
            self.barcode.bar_code,
            self.barcode.ext_bar_code,
        ) == (bar_code, ext)
        if owner is None or unchanged:
            return
        stored = catalog.product(owner)
        name = stored.product.name_goods if stored else "?"
        raise FieldError(
            "bar_code",
            QCoreApplication.translate(
                "ProductDetail", "This barcode already belongs to “%1” (code %2)."
            )
            .replace("%1", name)
            .replace("%2", str(owner)),
        )


# --- the widget -----------------------------------------------------------------------


class DetailTab(IntEnum):
    UNITS = 0
    SERIES = 1
    PRICES = 2
    BARCODES = 3


@dataclass(frozen=True)
class LabelRequest:
    """Put a label for this product (and barcode) in the label queue."""

    id_goods: int
    bar_code: str | None
    ext_bar_code: str | None


class _TablePage(QWidget):
    def __init__(self, model: QAbstractTableModel, name: str) -> None:
        super().__init__()
        self.view = QTableView()
        self.view.setObjectName(name)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(
            QCoreApplication.translate("ProductDetail", "&Add…")
        )
        self.edit_button = QPushButton(
            QCoreApplication.translate("ProductDetail", "&Edit…")
        )
        self.add_button.setToolTip(
            QCoreApplication.translate("ProductDetail", "Add (Ins)")
        )
        self.edit_button.setToolTip(
            QCoreApplication.translate("ProductDetail", "Edit the selected row (F2)")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.note, 1)
        buttons.addStretch(1)  # the buttons keep their size when there is no note
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        if index.isValid():
            return index.row()
        return 0 if self.view.model().rowCount() else -1


class ProductDetail(QWidget):
    """The selected product's units, series, prices and barcodes.

    Signals:
        dialog_opened(WriteDialog): an editor opened (tests drive it from here).
        write_queued(WriteOutcome): a write was queued because the server is out
            of reach.
        label_requested(LabelRequest): "Add to label queue" was asked for.
    """

    dialog_opened = Signal(object)
    write_queued = Signal(object)
    label_requested = Signal(object)

    def __init__(
        self, controller: CatalogController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("productDetail")
        self.controller = controller
        self.product: Product | None = None
        self.details = ProductDetails()
        self._levels: dict[int, str] = {}

        self.title = QLabel()
        self.title.setObjectName("productTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label_button = QPushButton(
            QCoreApplication.translate("ProductDetail", "Add to &label queue")
        )
        self.label_button.setObjectName("labelButton")
        self.label_button.setToolTip(
            QCoreApplication.translate("ProductDetail", "Add to label queue (Ctrl+P)")
        )
        self.label_button.clicked.connect(self.request_label)

        self.units = units_model(self)
        self.series = series_model(self)
        self.prices = prices_model(self._level_name, self)
        self.barcodes = barcodes_model(self)
        self.pages = {
            DetailTab.UNITS: _TablePage(self.units, "unitsTable"),
            DetailTab.SERIES: _TablePage(self.series, "seriesTable"),
            DetailTab.PRICES: _TablePage(self.prices, "pricesTable"),
            DetailTab.BARCODES: _TablePage(self.barcodes, "barcodesTable"),
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(
            self.pages[DetailTab.UNITS],
            QCoreApplication.translate("ProductDetail", "&Units"),
        )
        self.tabs.addTab(
            self.pages[DetailTab.SERIES],
            QCoreApplication.translate("ProductDetail", "S&eries"),
        )
        self.tabs.addTab(
            self.pages[DetailTab.PRICES],
            QCoreApplication.translate("ProductDetail", "&Prices"),
        )
        self.tabs.addTab(
            self.pages[DetailTab.BARCODES],
            QCoreApplication.translate("ProductDetail", "&Barcodes"),
        )

        prices = self.pages[DetailTab.PRICES]
        prices.edit_button.setEnabled(False)
        prices.edit_button.setToolTip(
            QCoreApplication.translate(
                "ProductDetail", "Prices change through a revaluation."
            )
        )
        prices.note.setText(
            QCoreApplication.translate(
                "ProductDetail",
                "Prices are read-only after creation; "
                "changes go through a revaluation document.",
            )
        )
        prices.note.show()
        series = self.pages[DetailTab.SERIES]
        series.edit_button.setEnabled(False)
        series.edit_button.setToolTip(
            QCoreApplication.translate(
                "ProductDetail", "The catalog API cannot change a series."
            )
        )

        for tab, page in self.pages.items():
            page.add_button.clicked.connect(
                lambda _checked=False, t=tab: self.add_in_tab(t)
            )
            page.edit_button.clicked.connect(
                lambda _checked=False, t=tab: self.edit_in_tab(t)
            )
            page.view.doubleClicked.connect(lambda _index, t=tab: self.edit_in_tab(t))

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.label_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.set_product(None)

    # --- content --------------------------------------------------------------------

    def _level_name(self, id_price_level: int) -> str:
        return self._levels.get(id_price_level, str(id_price_level))

    def set_product(self, id_goods: int | None) -> None:
        """Show a product from the local catalog (None: nothing selected)."""
        catalog = self.controller.catalog
        stored = catalog.product(id_goods) if id_goods is not None else None
        self.product = stored.product if stored is not None else None
        self.details = (
            catalog.details(id_goods)
            if stored is not None and id_goods is not None
            else ProductDetails()
        )
        self._levels = {
            lv.id_price_level: lv.name_price_level for lv in self._all_levels()
        }
        self.units.set_records(self.details.units)
        self.series.set_records(self.details.series)
        self.prices.set_records(self.details.prices)
        self.barcodes.set_records(self.details.barcodes)
        has_product = self.product is not None
        for tab, page in self.pages.items():
            page.add_button.setEnabled(has_product)
            if tab not in (DetailTab.PRICES, DetailTab.SERIES):
                page.edit_button.setEnabled(has_product)
        self.label_button.setEnabled(has_product)
        if self.product is None:
            self.title.setText(
                QCoreApplication.translate(
                    "ProductDetail", "Select a product to see its details."
                )
            )
            return
        text = (
            f"<b>{_escape(self.product.name_goods)}</b> · "
            + QCoreApplication.translate("ProductDetail", "code %1").replace(
                "%1", str(self.product.id_goods)
            )
        )
        if stored is not None and stored.deleted:
            text += " · " + QCoreApplication.translate(
                "ProductDetail", "deleted on the server"
            )
        elif not self.product.active:
            text += " · " + QCoreApplication.translate("ProductDetail", "inactive")
        if stored is not None and not stored.details_fetched:
            text += " · " + QCoreApplication.translate(
                "ProductDetail", "details not synced yet"
            )
        self.title.setText(text)

    def reload(self) -> None:
        self.set_product(self.product.id_goods if self.product else None)

    def _all_levels(self) -> list[PriceLevel]:
        return self.controller.catalog.price_levels()

    def current_tab(self) -> DetailTab:
        return DetailTab(self.tabs.currentIndex())

    def show_tab(self, tab: DetailTab) -> None:
        self.tabs.setCurrentIndex(int(tab))

    # --- actions --------------------------------------------------------------------

    @Slot()
    def add_in_current_tab(self) -> WriteDialog | None:
        return self.add_in_tab(self.current_tab())

    @Slot()
    def edit_in_current_tab(self) -> WriteDialog | None:
        return self.edit_in_tab(self.current_tab())

    def add_in_tab(self, tab: DetailTab) -> WriteDialog | None:
        if self.product is None:
            return None
        dialog: WriteDialog
        if tab == DetailTab.UNITS:
            dialog = UnitDialog(
                self.controller,
                self.product,
                self.details.units,
                self.controller.catalog.unit_samples(),
                parent=self,
            )
        elif tab == DetailTab.SERIES:
            dialog = SeriesDialog(
                self.controller, self.product, self.details.series, self
            )
        elif tab == DetailTab.PRICES:
            levels = self._all_levels()
            dialog = PriceDialog(
                self.controller, self.product, self.details, levels, self
            )
        else:
            dialog = BarcodeDialog(
                self.controller, self.product, self.details, parent=self
            )
        return self._open(dialog, tab)

    def add_barcode(self, bar_code: str = "") -> WriteDialog | None:
        """The Add barcode editor, optionally filled with a scanned code."""
        if self.product is None:
            return None
        dialog = BarcodeDialog(
            self.controller, self.product, self.details, bar_code=bar_code, parent=self
        )
        return self._open(dialog, DetailTab.BARCODES)

    def edit_in_tab(self, tab: DetailTab) -> WriteDialog | None:
        if self.product is None:
            return None
        page = self.pages[tab]
        row = page.current_row()
        dialog: WriteDialog
        if tab == DetailTab.UNITS:
            unit = self.units.record(row)
            if unit is None:
                return None
            dialog = UnitDialog(
                self.controller,
                self.product,
                self.details.units,
                self.controller.catalog.unit_samples(),
                unit,
                self,
            )
        elif tab == DetailTab.BARCODES:
            barcode = self.barcodes.record(row)
            if barcode is None:
                return None
            dialog = BarcodeDialog(
                self.controller, self.product, self.details, barcode, parent=self
            )
        else:
            return None  # prices go through revaluation; series cannot be changed
        return self._open(dialog, tab)

    def _open(self, dialog: WriteDialog, tab: DetailTab) -> WriteDialog:
        self.show_tab(tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.write_finished.connect(self._on_dialog_write_finished)
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_dialog_write_finished(self, outcome: WriteOutcome) -> None:
        if outcome.status == WriteStatus.QUEUED:
            self.write_queued.emit(outcome)

    @Slot()
    def request_label(self) -> None:
        if self.product is None:
            return
        page = self.pages[DetailTab.BARCODES]
        barcode = self.barcodes.record(page.current_row())
        if barcode is None and self.details.barcodes:
            barcode = self.details.barcodes[0]
        request = LabelRequest(
            self.product.id_goods,
            barcode.bar_code if barcode else None,
            barcode.ext_bar_code if barcode else None,
        )
        logger.info("label requested for product %d", request.id_goods)
        self.label_requested.emit(request)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
