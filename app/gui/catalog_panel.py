"""The catalog panel: group tree | search and products table | the product's details.

It is the main window's central widget. Everything it shows comes from the local
catalog; every change goes through the `CatalogController` (and so through the
outbox), and the views reload what the controller says has changed.

Keyboard: F3 (and the window's Ctrl+F) focus the search; Enter in the search goes
to the table; Ctrl+N asks for a new product; Ins adds a unit or barcode (whichever
tab is in front); F2 edits the selected row (the group, when the tree has focus);
Ctrl+G edits the current group; Ctrl+L opens the price levels; F5 syncs; Ctrl+P puts
the product in the label queue.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api.client import CatalogClient
from app.domain.models import Group, GroupWrite
from app.gui.group_editor import GroupEditor
from app.gui.group_tree import GroupMove, GroupTreeModel, GroupTreeView
from app.gui.level_editor import LevelEditor
from app.gui.outbox_dialog import OutboxDialog
from app.gui.product_detail import DetailTab, LabelRequest, ProductDetail
from app.gui.products_model import ProductColumn, ProductsModel
from app.gui.services import (
    CatalogChange,
    CatalogController,
    ConnectionState,
    WriteOutcome,
    WriteStatus,
    connection_text,
)
from app.gui.tasks import TaskFailure, TaskRunner
from app.store.catalog import Catalog
from app.store.location import catalog_path
from app.store.outbox import EntryState, Outbox
from app.store.records import LookupResult
from app.store.search import ProductFilter
from app.store.sync import SyncProgress, SyncReport, SyncStage, make_session
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
MESSAGE_MS = 10_000


class _SearchBox(QLineEdit):
    """Down or Enter moves to the results; Escape clears."""

    leave_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave_requested.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class CatalogPanel(QWidget):
    """Tree | table + search | detail, over one `CatalogController`.

    Signals:
        new_product_requested(str): Ctrl+N; the argument is a bar_code to start
            from (the search text when it is digits, else empty).
        label_requested(LabelRequest): put a product's label in the label queue.
        product_selected(object): the selected product's id_goods, or None.
        message(str): a sentence for the status bar.
    """

    new_product_requested = Signal(str)
    label_requested = Signal(object)
    product_selected = Signal(object)
    message = Signal(str)

    def __init__(
        self, controller: CatalogController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPanel")
        self.controller = controller
        self.catalog = controller.catalog
        self.level_editor: LevelEditor | None = None
        self.group_editor: GroupEditor | None = None
        self.outbox_dialog: OutboxDialog | None = None
        self.status_wiring: StatusWiring | None = None  # set by `mount_catalog`

        self._build_tree()
        self._build_table()
        self.detail = ProductDetail(controller)
        self.detail.label_requested.connect(self.label_requested)
        self.detail.write_queued.connect(self._on_write_queued)

        centre = QSplitter(Qt.Orientation.Vertical)
        centre.setObjectName("centreSplitter")
        centre.addWidget(self._table_box)
        centre.addWidget(self.detail)
        # The table gets most of the height, and most of any height added.
        centre.setStretchFactor(0, 2)
        centre.setStretchFactor(1, 1)
        centre.setSizes([480, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        self.splitter.addWidget(self._tree_box)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([240, 900])
        # The mouse gets the same actions as the keys, on the right button.
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self._build_actions()
        self._add_context_actions()
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.detail.tabs)
        self.setTabOrder(self.detail.tabs, self.tree)

        controller.catalog_changed.connect(self._on_catalog_changed)
        controller.connection_changed.connect(self._on_outbox_maybe_changed)
        self.reload_groups()
        self.select_group(None)

    # --- building ---------------------------------------------------------------------

    def _build_tree(self) -> None:
        self.groups = GroupTreeModel(self)
        self.groups.move_requested.connect(self._on_groups_move_requested)
        self.groups.move_refused.connect(self._on_groups_move_refused)
        self.tree = GroupTreeView()
        self.tree.setModel(self.groups)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree_message = QLabel()
        self.tree_message.setObjectName("treeMessage")
        self.tree_message.setWordWrap(True)
        self.tree_message.setStyleSheet("color: #b00020;")
        self.tree_message.hide()
        self._tree_message_timer = QTimer(self)
        self._tree_message_timer.setSingleShot(True)
        self._tree_message_timer.setInterval(MESSAGE_MS)
        self._tree_message_timer.timeout.connect(self.tree_message.hide)
        self._tree_box = QWidget()
        column = QVBoxLayout(self._tree_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.tree_message)

    def _build_table(self) -> None:
        self.search = _SearchBox()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "CatalogPanel", "Search by name, code or barcode (F3)"
            )
        )
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.leave_requested.connect(self._on_search_leave_requested)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)

        self.products = ProductsModel(self.catalog, self)
        self.products.filter_applied.connect(self._on_products_filter_applied)
        self.table = QTableView()
        self.table.setObjectName("productsTable")
        self.table.setModel(self.products)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ProductColumn.NAME, QHeaderView.ResizeMode.Stretch)
        widths = {
            ProductColumn.CODE: 70,
            ProductColumn.GROUP: 150,
            ProductColumn.DEFAULT_UNIT: 60,
            ProductColumn.RETAIL_PRICE: 90,
            ProductColumn.BAR_CODE: 165,
            ProductColumn.ACTIVE: 60,
        }
        for column, width in widths.items():
            # Never narrower than the title, which is longer in Ukrainian.
            title = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(width, title))
        self.table.selectionModel().currentRowChanged.connect(
            self._on_table_current_row_changed
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("productCount")
        self._table_box = QWidget()
        box = QVBoxLayout(self._table_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.table, 1)
        box.addWidget(self.count_label)

    def _action(
        self, text: str, shortcut: str | QKeySequence, slot: Any, name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action(
            QCoreApplication.translate("CatalogPanel", "Find product"),
            "F3",
            self.focus_search,
            "findProduct",
        )
        self.new_product_action = self._action(
            QCoreApplication.translate("CatalogPanel", "&New product…"),
            "Ctrl+N",
            self.request_new_product,
            "newProduct",
        )
        self.add_action = self._action(
            QCoreApplication.translate("CatalogPanel", "&Add unit or barcode…"),
            "Ins",
            self.add_in_context,
            "addRecord",
        )
        self.edit_action = self._action(
            QCoreApplication.translate("CatalogPanel", "&Edit selected…"),
            "F2",
            self.edit_in_context,
            "editRecord",
        )
        self.group_action = self._action(
            QCoreApplication.translate("CatalogPanel", "Edit &group…"),
            "Ctrl+G",
            self.edit_current_group,
            "editGroup",
        )
        self.new_group_action = self._action(
            QCoreApplication.translate("CatalogPanel", "New gro&up…"),
            "Ctrl+Shift+G",
            self.new_group,
            "newGroup",
        )
        self.levels_action = self._action(
            QCoreApplication.translate("CatalogPanel", "Price &levels…"),
            "Ctrl+L",
            self.open_price_levels,
            "priceLevels",
        )
        self.sync_action = self._action(
            QCoreApplication.translate("CatalogPanel", "&Sync with the server"),
            "F5",
            self.controller.sync,
            "syncNow",
        )
        self.full_sync_action = self._action(
            QCoreApplication.translate("CatalogPanel", "Re-read the &whole catalog"),
            "Shift+F5",
            lambda: self.controller.sync(full=True, refetch_details=True),
            "fullSync",
        )
        self.outbox_action = self._action(
            QCoreApplication.translate("CatalogPanel", "&Unsent changes…"),
            "Ctrl+Shift+O",
            self.open_outbox,
            "unsentChanges",
        )
        self.label_action = self._action(
            QCoreApplication.translate("CatalogPanel", "Add to label &queue"),
            "Ctrl+P",
            self.detail.request_label,
            "addLabel",
        )

    def _add_context_actions(self) -> None:
        self.tree.addActions([self.group_action, self.new_group_action])
        self.table.addActions(
            [self.add_action, self.label_action, self.new_product_action]
        )

    def actions_for_menus(self) -> dict[str, list[QAction]]:
        """The panel's actions by the menu they belong in ("edit", "tools")."""
        return {
            "edit": [
                self.find_action,
                self.new_product_action,
                self.add_action,
                self.edit_action,
                self.label_action,
            ],
            "tools": [
                self.group_action,
                self.new_group_action,
                self.levels_action,
                self.sync_action,
                self.full_sync_action,
                self.outbox_action,
            ],
        }

    @Slot()
    def shutdown(self) -> None:
        """The window is closing: no more searches, retries or syncs."""
        self._search_timer.stop()
        self._tree_message_timer.stop()
        self.controller.stop()

    # --- the tree -------------------------------------------------------------------

    def reload_groups(self) -> None:
        current = self.current_group_id()
        stored = self.catalog.groups()
        self.groups.set_groups(stored, self._pending_groups(stored))
        self.tree.expandToDepth(0)
        self.select_group(current, apply=False)

    def _pending_groups(self, stored: list[Group]) -> dict[int, Group]:
        """Group edits waiting in the outbox, applied to the stored groups."""
        by_guid = {g.guid: g for g in stored}
        pending: dict[int, Group] = {}
        states = (EntryState.WAITING, EntryState.SENDING)
        for entry in self.controller.outbox.entries(states):
            write = entry.write
            group = by_guid.get(write.target_guid or "")
            if write.kind is WriteKind.UPDATE_GROUP and group is not None:
                base = pending.get(group.id_group, group)
                changed = base.model_copy(update=write.body.model_dump())
                pending[group.id_group] = changed
        return pending

    @Slot(object)
    def _on_outbox_maybe_changed(self, _state: ConnectionState) -> None:
        """A write was queued, sent, refused or dropped: show pending group edits
        again, only if they changed (a reset of the tree loses its state)."""
        if self._pending_groups(self.catalog.groups()) != self.groups.pending():
            self.reload_groups()

    def current_group_id(self) -> int | None:
        group = self.groups.group_at(self.tree.currentIndex())
        return group.id_group if group is not None else None

    def select_group(self, id_group: int | None, *, apply: bool = True) -> None:
        index = self.groups.index_of_group(id_group)
        if not index.isValid():
            index = self.groups.all_products_index()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if apply:
            self.apply_search()

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, _current: QModelIndex, _previous: Any) -> None:
        self.apply_search()

    @Slot(object)
    def _on_groups_move_requested(self, move: GroupMove) -> None:
        group = move.group
        body = GroupWrite(
            name_group=group.name_group,
            id_owner_group=move.new_owner,
            id_image=group.id_image,
            active=group.active,
        )
        write = OutboxWrite(WriteKind.UPDATE_GROUP, body, target_guid=group.guid)
        self.controller.submit(write, self._on_group_move_outcome)

    def _on_group_move_outcome(self, outcome: WriteOutcome) -> None:
        if outcome.status == WriteStatus.REFUSED and outcome.error is not None:
            said = outcome.error.server_message or outcome.error.message
            for messages in outcome.field_errors.values():
                said = " ".join(messages)
            self._show_tree_message(
                QCoreApplication.translate(
                    "CatalogPanel", "The group was not moved: %1"
                ).replace("%1", said)
            )
        elif outcome.status == WriteStatus.QUEUED:
            self._on_write_queued(outcome)

    @Slot(str)
    def _on_groups_move_refused(self, text: str) -> None:
        self._show_tree_message(text)

    def _show_tree_message(self, text: str) -> None:
        self.tree_message.setText(text)
        self.tree_message.show()
        self.message.emit(text)
        self._tree_message_timer.start()

    # --- search and the table -------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def apply_search(self) -> None:
        """Filter the table now by the search text and the selected group."""
        self._search_timer.stop()
        flt = ProductFilter(text=self.search.text(), id_group=self.current_group_id())
        self.products.set_filter(flt)

    @Slot()
    def _on_search_leave_requested(self) -> None:
        self.apply_search()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.products.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    @Slot(int)
    def _on_products_filter_applied(self, count: int) -> None:
        self.count_label.setText(
            QCoreApplication.translate("CatalogPanel", "Products: %1").replace(
                "%1", str(count)
            )
        )
        self._show_current_product()

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, _current: Any, _previous: Any) -> None:
        self._show_current_product()

    def _show_current_product(self) -> None:
        id_goods = self.current_product_id()
        shown = self.detail.product.id_goods if self.detail.product else None
        if id_goods != shown:
            self.detail.set_product(id_goods)
            self.product_selected.emit(id_goods)

    def current_product_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.products.row_of(index.row()) if index.isValid() else None
        return row.id_goods if row is not None else None

    def select_product(self, id_goods: int) -> bool:
        """Select `id_goods` in the table, searching for its code if the current
        filter does not show it near the top; False when the catalog lacks it."""
        row = self.products.row_of_product(id_goods, limit=1000)
        if row is None:
            if self.catalog.product(id_goods) is None:
                return False
            self.search.blockSignals(True)
            self.search.setText(str(id_goods))
            self.search.blockSignals(False)
            self.select_group(None, apply=False)
            self.apply_search()
            row = self.products.row_of_product(id_goods, limit=1000)
            if row is None:
                return False
        self.table.selectRow(row)
        self.table.scrollTo(self.products.index(row, 0))
        self._show_current_product()
        return True

    def show_product_for_scan(self, result: LookupResult) -> bool:
        """Select a scanned product and its barcode row in the Barcodes tab."""
        if not self.select_product(result.product.id_goods):
            return False
        self.detail.show_tab(DetailTab.BARCODES)
        for row, barcode in enumerate(self.detail.barcodes.records()):
            if (barcode.bar_code, barcode.ext_bar_code) == (
                result.barcode.bar_code,
                result.barcode.ext_bar_code,
            ):
                self.detail.pages[DetailTab.BARCODES].view.selectRow(row)
                break
        return True

    # --- actions --------------------------------------------------------------------

    @Slot()
    def request_new_product(self) -> None:
        text = self.search.text().strip()
        bar_code = text if text.isdigit() else ""
        logger.info("new product requested")
        self.new_product_requested.emit(bar_code)

    @Slot()
    def add_in_context(self) -> None:
        tab = self.detail.current_tab()
        if tab not in (DetailTab.UNITS, DetailTab.BARCODES, DetailTab.SERIES):
            self.detail.show_tab(DetailTab.BARCODES)
        self.detail.add_in_current_tab()

    @Slot()
    def edit_in_context(self) -> None:
        if self.tree.hasFocus():
            self.edit_current_group()
        else:
            self.detail.edit_in_current_tab()

    @Slot()
    def edit_current_group(self) -> GroupEditor:
        """Ctrl+G: the editor of the selected group (a new group on "All")."""
        id_group = self.current_group_id()
        group = self.groups.group(id_group) if id_group is not None else None
        if group is None:
            return self.new_group()
        editor = GroupEditor(
            self.controller,
            self.groups.groups(),
            group,
            excluded=self.groups.descendants(group.id_group),
            parent=self,
        )
        return self._open_group_editor(editor)

    @Slot()
    def new_group(self) -> GroupEditor:
        editor = GroupEditor(
            self.controller,
            self.groups.groups(),
            parent_id=self.current_group_id(),
            parent=self,
        )
        return self._open_group_editor(editor)

    def _open_group_editor(self, editor: GroupEditor) -> GroupEditor:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.write_finished.connect(self._on_write_finished)
        self.group_editor = editor
        editor.open()
        return editor

    @Slot()
    def open_price_levels(self) -> LevelEditor:
        if self.level_editor is None:
            self.level_editor = LevelEditor(self.controller, self)
            self.level_editor.dialog_opened.connect(
                lambda dialog: dialog.write_finished.connect(self._on_write_finished)
            )
        self.level_editor.reload()
        self.level_editor.open()
        return self.level_editor

    @Slot()
    def open_outbox(self) -> OutboxDialog:
        """The unsent changes (Ctrl+Shift+O)."""
        if self.outbox_dialog is None:
            self.outbox_dialog = OutboxDialog(self.controller, self)
        self.outbox_dialog.reload()
        self.outbox_dialog.open()
        return self.outbox_dialog

    @Slot(object)
    def _on_write_finished(self, outcome: WriteOutcome) -> None:
        if outcome.status == WriteStatus.QUEUED:
            self._on_write_queued(outcome)
        elif outcome.status == WriteStatus.WAITING:
            self.message.emit(
                QCoreApplication.translate(
                    "CatalogPanel",
                    "No answer from the server yet: the change is queued and sent"
                    " when it answers.",
                )
            )

    @Slot(object)
    def _on_write_queued(self, _outcome: WriteOutcome) -> None:
        self.message.emit(
            QCoreApplication.translate(
                "CatalogPanel",
                "The server is out of reach: the change is queued and sent later.",
            )
        )

    # --- reloading ------------------------------------------------------------------

    @Slot(object)
    def _on_catalog_changed(self, change: CatalogChange) -> None:
        selected = self.current_product_id()
        if change.everything or change.groups:
            self.reload_groups()
        if change.everything or change.groups or change.products:
            self.products.refresh()
            if selected is not None:
                row = self.products.row_of_product(selected, limit=1000)
                if row is not None:
                    self.table.selectRow(row)
        shown = self.detail.product.id_goods if self.detail.product else None
        if shown is not None and (change.everything or shown in change.products):
            self.detail.reload()


# --- mounting into the main window -------------------------------------------------


def outbox_path(catalog_file: Path) -> Path:
    """The outbox of a catalog file: `catalog-x.sqlite3` → `catalog-x.outbox.sqlite3`.

    Outbox entries name the server's guids, so each server has its own outbox.
    """
    return catalog_file.with_name(f"{catalog_file.stem}.outbox{catalog_file.suffix}")


def build_controller(
    runner: TaskRunner,
    base_url: str,
    token: str | None,
    locale: str,
    *,
    is_sandbox: bool,
    catalog_file: Path | None = None,
    retry_interval_ms: int | None = None,
) -> CatalogController:
    """The controller for one server: a client, its local catalog and its outbox
    (beside the catalog, see `outbox_path`)."""
    stop_event = threading.Event()

    def sleep(seconds: float) -> None:
        stop_event.wait(seconds)  # closing the window ends a retry wait at once

    client = CatalogClient(make_session(), base_url, token, locale=locale, sleep=sleep)
    path = catalog_file or catalog_path(base_url, locale, is_sandbox)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(path)
    outbox = Outbox(outbox_path(path))
    controller = CatalogController(
        client, catalog, runner, outbox, is_sandbox=is_sandbox, stop_event=stop_event
    )
    if retry_interval_ms is not None:
        controller.set_retry_interval(retry_interval_ms)
    return controller


class StatusWiring:
    """Keeps the main window's status bar in step with a controller."""

    def __init__(self, window: Any, controller: CatalogController) -> None:
        self.window = window
        self.controller = controller
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setFormat(QCoreApplication.translate("CatalogPanel", "Sync %p%"))
        self.progress.hide()
        window.statusBar().addWidget(self.progress)
        controller.connection_changed.connect(self._on_connection_changed)
        controller.sync_started.connect(self._on_sync_started)
        controller.sync_progress.connect(self._on_sync_progress)
        controller.sync_finished.connect(self._on_sync_finished)
        controller.sync_failed.connect(self._on_sync_failed)
        controller.problem.connect(self._on_controller_problem)
        last = controller.catalog.get_state("last_sync")
        if last:
            window.set_last_sync(datetime.fromisoformat(last).astimezone())
        self._on_connection_changed(controller.state())

    @Slot(object)
    def _on_connection_changed(self, state: ConnectionState) -> None:
        self.window.set_server_state(connection_text(state))

    @Slot()
    def _on_sync_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()

    @Slot(object)
    def _on_sync_progress(self, progress: SyncProgress) -> None:
        # The details stage is the long one; earlier stages show as "busy".
        if progress.stage == SyncStage.DETAILS and progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        elif progress.stage != SyncStage.DETAILS:
            self.progress.setRange(0, 0)

    @Slot(object)
    def _on_sync_finished(self, report: SyncReport) -> None:
        self.progress.hide()
        self.window.set_last_sync(datetime.now().astimezone())
        logger.info("sync finished in %.1f s", report.seconds)

    @Slot(str)
    def _on_controller_problem(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    @Slot(object)
    def _on_sync_failed(self, failure: TaskFailure) -> None:
        self.progress.hide()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("CatalogPanel", "Sync failed: %1").replace(
                "%1", failure.message
            ),
            MESSAGE_MS,
        )


def mount_catalog(
    window: Any,
    runner: TaskRunner,
    base_url: str,
    token: str | None,
    locale: str,
    *,
    is_sandbox: bool,
    start_sync: bool = True,
) -> CatalogPanel:
    """Build the panel for a server, put it in `window` (a `MainWindow`), wire the
    status bar and the menus, and start the first sync (unless `start_sync` is
    False: the server is not listening yet)."""
    controller = build_controller(
        runner, base_url, token, locale, is_sandbox=is_sandbox
    )
    panel = CatalogPanel(controller)
    controller.setParent(panel)
    panel.status_wiring = StatusWiring(window, controller)
    window.set_content(panel)
    window.find_requested.connect(panel.focus_search)
    menus = panel.actions_for_menus()
    window.edit_menu.addSeparator()
    window.edit_menu.addActions(menus["edit"])
    window.tools_menu.addSeparator()
    window.tools_menu.addActions(menus["tools"])
    panel.message.connect(lambda text: window.statusBar().showMessage(text, MESSAGE_MS))

    window.closing.connect(panel.shutdown)
    if start_sync:
        controller.sync()
    panel.focus_search()
    return panel


__all__ = [
    "CatalogPanel",
    "LabelRequest",
    "build_controller",
    "mount_catalog",
]
