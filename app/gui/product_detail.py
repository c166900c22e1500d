"""The selected product: its units, series, prices and barcodes, one tab each.

Each tab is a small table with Add and Edit (Ins and F2 act on the tab in front).
Every edit is checked by the domain rules (`app.domain.units`, `prices`, the barcode
rules) before it is sent through the controller. Prices are read-only once created:
the API changes them only through a revaluation document, and the tab says so. The
series API has no update, so series can be added but not edited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import (
    Barcode,
    Price,
    PriceLevel,
    Product,
    ProductUnit,
    Series,
)
from app.gui.detail_editors import (
    BarcodeDialog,
    PriceDialog,
    SeriesDialog,
    UnitDialog,
)
from app.gui.detail_tables import (
    RecordTableModel,
    barcodes_model,
    prices_model,
    series_model,
    units_model,
)
from app.gui.services import (
    CatalogController,
    ConnectionState,
    WriteOutcome,
    WriteStatus,
)
from app.gui.write_dialog import WriteDialog
from app.store.outbox import EntryState
from app.store.records import ProductDetails
from app.store.writes import WriteKind

logger = logging.getLogger(__name__)

# --- the widget -----------------------------------------------------------------------


class DetailTab(IntEnum):
    UNITS = 0
    SERIES = 1
    PRICES = 2
    BARCODES = 3


@dataclass(frozen=True)
class PendingDetails:
    """A product's creates waiting in the outbox, as the rows they will be."""

    units: list[ProductUnit]
    series: list[Series]
    prices: list[Price]
    barcodes: list[Barcode]


def pending_details(controller: CatalogController, id_goods: int) -> PendingDetails:
    """The product's unit, series, price and barcode creates not sent yet (waiting
    or being sent; a refused one is under Unsent changes instead)."""
    pending = PendingDetails([], [], [], [])
    names = {s.id_unit: s.name_unit for s in controller.catalog.unit_samples()}
    states = (EntryState.WAITING, EntryState.SENDING)
    for entry in controller.outbox.entries(states):
        write = entry.write
        if write.id_goods != id_goods:
            continue
        values = write.body.model_dump()
        match write.kind:
            case WriteKind.CREATE_UNIT:
                name = names.get(values["id_unit"])
                pending.units.append(
                    ProductUnit(**values, id_goods=id_goods, name_unit=name)
                )
            case WriteKind.CREATE_SERIES:
                pending.series.append(Series(**values))
            case WriteKind.CREATE_PRICE:
                pending.prices.append(Price(**values))
            case WriteKind.CREATE_BARCODE:
                pending.barcodes.append(Barcode(**values, id_goods=id_goods))
    return pending


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
        # Numbers stay by their titles; the space left over stays empty.
        self.view.horizontalHeader().setStretchLastSection(False)
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
        controller.connection_changed.connect(self._on_connection_changed)

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
        self._show_records()
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

    def _show_records(self) -> None:
        pending = (
            pending_details(self.controller, self.product.id_goods)
            if self.product is not None
            else PendingDetails([], [], [], [])
        )
        self.units.set_records(self.details.units, pending.units)
        self.series.set_records(self.details.series, pending.series)
        self.prices.set_records(self.details.prices, pending.prices)
        self.barcodes.set_records(self.details.barcodes, pending.barcodes)

    def _model_of(self, tab: DetailTab) -> RecordTableModel[Any]:
        models: dict[DetailTab, RecordTableModel[Any]] = {
            DetailTab.UNITS: self.units,
            DetailTab.SERIES: self.series,
            DetailTab.PRICES: self.prices,
            DetailTab.BARCODES: self.barcodes,
        }
        return models[tab]

    @Slot(object)
    def _on_connection_changed(self, _state: ConnectionState) -> None:
        """The outbox changed (a write queued, sent, refused or dropped): show the
        pending rows again, only if they differ (a reset loses the selection)."""
        if self.product is None:
            return
        pending = pending_details(self.controller, self.product.id_goods)
        if (
            pending.units != self.units.pending_records()
            or pending.series != self.series.pending_records()
            or pending.prices != self.prices.pending_records()
            or pending.barcodes != self.barcodes.pending_records()
        ):
            self._show_records()

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
        if self._model_of(tab).is_pending(row):
            return None  # not on the server yet: nothing to edit there
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
