"""The products table: a lazy table model over the local catalog.

The model never holds the whole catalog. It asks the store how many products match
the filter, and fetches the rows of a page (`PAGE_SIZE` products) the first time a
view asks for one of them; a bounded number of pages is kept. Search as you type is
the store's search (name, code, barcode, ranked), not a proxy filter, so 100,000
products cost what one page costs.

Reads are local SQLite queries on the GUI thread (milliseconds, the store's
connection per thread never waits for a sync writing on a worker); nothing here
talks to the server.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.models import PURCHASE_LEVEL_ID, PriceLevel
from app.store.records import ProductSummary
from app.store.search import ProductFilter

logger = logging.getLogger(__name__)

# A page is read when a view first shows one of its rows: about two screens of the
# table, so a new filter reads little more than it paints.
PAGE_SIZE = 50
MAX_CACHED_PAGES = 40
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRODUCT_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class ProductColumn(IntEnum):
    CODE = 0
    NAME = 1
    GROUP = 2
    DEFAULT_UNIT = 3
    RETAIL_PRICE = 4
    BAR_CODE = 5
    ACTIVE = 6


_COLUMNS = tuple(ProductColumn)
_ROLES_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        PRODUCT_ID_ROLE,
        PRODUCT_ROW_ROLE,
    }
)


def column_title(column: ProductColumn) -> str:
    titles = {
        ProductColumn.CODE: QCoreApplication.translate("ProductsModel", "Code"),
        ProductColumn.NAME: QCoreApplication.translate("ProductsModel", "Name"),
        ProductColumn.GROUP: QCoreApplication.translate("ProductsModel", "Group"),
        ProductColumn.DEFAULT_UNIT: QCoreApplication.translate("ProductsModel", "Unit"),
        ProductColumn.RETAIL_PRICE: QCoreApplication.translate(
            "ProductsModel", "Retail price"
        ),
        ProductColumn.BAR_CODE: QCoreApplication.translate("ProductsModel", "Barcode"),
        ProductColumn.ACTIVE: QCoreApplication.translate("ProductsModel", "Active"),
    }
    return titles[column]


class ProductSource(Protocol):
    """What the model reads from `app.store.catalog.Catalog`."""

    def count(self, flt: ProductFilter) -> int: ...
    def product_ids_page(
        self, flt: ProductFilter, offset: int, limit: int
    ) -> list[int]: ...
    def summaries(
        self, ids: Sequence[int], price_level: int | None = None
    ) -> list[ProductSummary]: ...
    def price_levels(self) -> list[PriceLevel]: ...


@dataclass(frozen=True)
class ProductRow:
    """One line of the table."""

    summary: ProductSummary
    default_unit: str | None
    retail_price: Decimal | None
    bar_code: str | None  # the one shown: the default unit's, if it has one

    @property
    def id_goods(self) -> int:
        return self.summary.id_goods


def retail_level_id(levels: Sequence[PriceLevel]) -> int | None:
    """The level whose price the table shows: the first active retail level."""
    retail = [lv for lv in levels if lv.id_price_level != PURCHASE_LEVEL_ID]
    active = [lv for lv in retail if lv.active] or retail
    return min((lv.id_price_level for lv in active), default=None)


def format_money(value: Decimal | None, locale: QLocale | None = None) -> str:
    """At least two decimals, more only when the price has them; the locale's point."""
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    decimals = max(2, -exponent if isinstance(exponent, int) else 2)
    text = f"{value:.{decimals}f}"
    point = (locale or QLocale()).decimalPoint()
    return text.replace(".", point)


def row_of_summary(summary: ProductSummary) -> ProductRow:
    """A table line from a summary read at the table's price level."""
    # The default unit's own barcode says more than the first code in digit order
    # (which is often a box's GTIN-14).
    return ProductRow(
        summary,
        summary.default_unit_name,
        summary.price,
        summary.default_unit_bar_code or summary.bar_code,
    )


class ProductsModel(QAbstractTableModel):
    """Products matching a `ProductFilter`, fetched from the store a page at a time.

    Signals:
        filter_applied(int): the filter changed; the argument is the row count.
    """

    filter_applied = Signal(int)

    def __init__(self, source: ProductSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = ProductFilter()
        self._count = 0
        self._pages: OrderedDict[int, list[ProductRow]] = OrderedDict()
        self._level: int | None = None
        self.pages_fetched = 0  # for the tests and the log: how lazy we are
        self._recount()

    # --- the filter -----------------------------------------------------------------

    @property
    def product_filter(self) -> ProductFilter:
        return self._filter

    def set_filter(self, flt: ProductFilter) -> None:
        if flt == self._filter:
            return
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Forget every cached page and count again (after a sync or a write)."""
        self.beginResetModel()
        self._pages.clear()
        self._recount()
        self.endResetModel()
        self.filter_applied.emit(self._count)

    def _recount(self) -> None:
        self._level = retail_level_id(self._source.price_levels())
        self._count = self._source.count(self._filter)

    # --- lookups --------------------------------------------------------------------

    def row_of(self, row: int) -> ProductRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_of_product(self, id_goods: int, limit: int = 2000) -> int | None:
        """The row showing `id_goods`, searching only the first `limit` rows."""
        for page_number in range(0, min(self._count, limit) // PAGE_SIZE + 1):
            for offset, item in enumerate(self._page(page_number)):
                if item.id_goods == id_goods:
                    return page_number * PAGE_SIZE + offset
        return None

    def _page(self, number: int) -> list[ProductRow]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        ids = self._source.product_ids_page(self._filter, number * PAGE_SIZE, PAGE_SIZE)
        # One query for the page: the summaries carry the default unit, its barcode
        # and its price at the table's level.
        rows = [
            row_of_summary(summary)
            for summary in self._source.summaries(ids, price_level=self._level)
        ]
        self._pages[number] = rows
        self.pages_fetched += 1
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    # --- Qt's model interface -------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProductColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section not in range(
            len(ProductColumn)
        ):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(ProductColumn(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each visible cell for seven or eight roles on every paint:
        # the roles answered never are turned away before any lookup.
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        number = index.column()
        if not 0 <= number < len(_COLUMNS):
            return None
        item = self.row_of(index.row())
        if item is None:
            return None
        column = _COLUMNS[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == PRODUCT_ID_ROLE:
            return item.id_goods
        if role == PRODUCT_ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            ProductColumn.CODE,
            ProductColumn.RETAIL_PRICE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not item.summary.active:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and item.summary.deleted:
            font = QFont()
            font.setStrikeOut(True)
            return font
        count = item.summary.bar_code_count
        if role == Qt.ItemDataRole.ToolTipRole and count > 1:
            return QCoreApplication.translate("ProductsModel", "Barcodes: %1").replace(
                "%1", str(count)
            )
        return None

    @staticmethod
    def _display(item: ProductRow, column: ProductColumn) -> str:
        summary = item.summary
        if column == ProductColumn.CODE:
            return str(summary.id_goods)
        if column == ProductColumn.NAME:
            return summary.name_goods
        if column == ProductColumn.GROUP:
            return summary.group_name or ""
        if column == ProductColumn.DEFAULT_UNIT:
            return item.default_unit or ""
        if column == ProductColumn.RETAIL_PRICE:
            return format_money(item.retail_price)
        if column == ProductColumn.BAR_CODE:
            code = item.bar_code or ""
            extra = summary.bar_code_count - 1
            return f"{code} (+{extra})" if code and extra > 0 else code
        if summary.active:
            return QCoreApplication.translate("ProductsModel", "yes")
        return QCoreApplication.translate("ProductsModel", "no")
