"""The tables of the product detail: units, series, prices, barcodes.

One small read-only table model with a column list, and a builder per table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.models import (
    Barcode,
    Price,
    ProductUnit,
    Series,
    UnitType,
)
from app.gui.products_model import format_money

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


def decimal_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def waiting_look(role: int, tooltip: str) -> Any:
    """How a row waiting in the outbox looks: grey italics, and `tooltip`."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor("#8a8a8a"))
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return tooltip
    return None


# --- a small table model --------------------------------------------------------------


@dataclass(frozen=True)
class Column(Generic[RecordT]):
    title: Callable[[], str]
    value: Callable[[RecordT], str]
    right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[RecordT]):
    """A read-only table of records with a column list; `is_active` greys rows.

    Pending records (made offline, waiting in the outbox) follow the stored ones,
    in grey italics with a tooltip saying they wait to be sent.
    """

    def __init__(
        self,
        columns: Sequence[Column[RecordT]],
        is_active: Callable[[RecordT], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[RecordT] = []
        self._stored = 0  # rows from here on are pending
        self._is_active = is_active

    def set_records(
        self, rows: Sequence[RecordT], pending: Sequence[RecordT] = ()
    ) -> None:
        self.beginResetModel()
        self._rows = [*rows, *pending]
        self._stored = len(rows)
        self.endResetModel()

    def pending_records(self) -> list[RecordT]:
        return self._rows[self._stored :]

    def is_pending(self, row: int) -> bool:
        return self._stored <= row < len(self._rows)

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
        if self.is_pending(index.row()):
            return waiting_look(
                role,
                QCoreApplication.translate(
                    "ProductDetail", "Waiting to be sent to the server"
                ),
            )
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
                lambda u: decimal_text(u.rate),
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
