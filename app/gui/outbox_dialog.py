"""Unsent changes: the outbox's open entries, with the server's word on refused ones.

A write the server refused while sending the outbox stays there, holding back the
later writes of the same product; here the user sends it again (after fixing the
cause elsewhere) or drops it. Waiting writes are shown too, and can be dropped.
Everything read here is the local outbox file; sending goes through the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.services import CatalogController, ConnectionState
from app.store.errors import StoreError
from app.store.outbox import EntryState, OutboxEntry
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


class OutboxColumn(IntEnum):
    WHEN = 0
    CHANGE = 1
    STATE = 2
    MESSAGE = 3


def kind_text(kind: WriteKind) -> str:
    texts = {
        WriteKind.CREATE_GROUP: QCoreApplication.translate("Outbox", "New group"),
        WriteKind.UPDATE_GROUP: QCoreApplication.translate("Outbox", "Group changed"),
        WriteKind.CREATE_PRICE_LEVEL: QCoreApplication.translate(
            "Outbox", "New price level"
        ),
        WriteKind.UPDATE_PRICE_LEVEL: QCoreApplication.translate(
            "Outbox", "Price level changed"
        ),
        WriteKind.CREATE_UNIT: QCoreApplication.translate("Outbox", "New unit"),
        WriteKind.UPDATE_UNIT: QCoreApplication.translate("Outbox", "Unit changed"),
        WriteKind.CREATE_SERIES: QCoreApplication.translate("Outbox", "New series"),
        WriteKind.CREATE_PRICE: QCoreApplication.translate("Outbox", "New price"),
        WriteKind.CREATE_BARCODE: QCoreApplication.translate("Outbox", "New barcode"),
        WriteKind.UPDATE_BARCODE: QCoreApplication.translate(
            "Outbox", "Barcode changed"
        ),
        WriteKind.UPDATE_PRODUCT: QCoreApplication.translate(
            "Outbox", "Product changed"
        ),
    }
    return texts.get(kind, kind.value)


def describe_write(write: OutboxWrite) -> str:
    """ "New barcode 4820017000024 · product 12" in the user's language."""
    body: Any = write.body
    parts = [kind_text(write.kind)]
    for name in ("bar_code", "name_group", "name_price_level", "name_series"):
        value = getattr(body, name, None)
        if value:
            parts[0] += f" {value}"
            break
    if write.id_goods is not None:
        parts.append(
            QCoreApplication.translate("Outbox", "product %1").replace(
                "%1", str(write.id_goods)
            )
        )
    return " · ".join(parts)


def state_text(state: EntryState) -> str:
    if state == EntryState.REFUSED:
        return QCoreApplication.translate("Outbox", "refused")
    if state == EntryState.SENDING:
        return QCoreApplication.translate("Outbox", "being sent")
    return QCoreApplication.translate("Outbox", "waiting")


class OutboxModel(QAbstractTableModel):
    """The open outbox entries, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[OutboxEntry] = []

    def set_entries(self, entries: Sequence[OutboxEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> OutboxEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutboxColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or section not in range(len(OutboxColumn))
        ):
            return None
        titles = {
            OutboxColumn.WHEN: QCoreApplication.translate("Outbox", "When"),
            OutboxColumn.CHANGE: QCoreApplication.translate("Outbox", "Change"),
            OutboxColumn.STATE: QCoreApplication.translate("Outbox", "State"),
            OutboxColumn.MESSAGE: QCoreApplication.translate(
                "Outbox", "The server said"
            ),
        }
        return titles[OutboxColumn(section)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None or index.column() not in range(len(OutboxColumn)):
            return None
        column = OutboxColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OutboxColumn.WHEN:
                return entry.created_at.astimezone().strftime("%d.%m %H:%M:%S")
            if column == OutboxColumn.CHANGE:
                return describe_write(entry.write)
            if column == OutboxColumn.STATE:
                return state_text(entry.state)
            message = entry.error_message or ""
            details = "; ".join(" ".join(m) for m in entry.field_errors.values())
            return details or message
        if role == Qt.ItemDataRole.ForegroundRole and entry.state == (
            EntryState.REFUSED
        ):
            return QBrush(QColor("#b00020"))
        return None


class OutboxDialog(QDialog):
    """The unsent changes, with Send again and Drop."""

    def __init__(
        self, controller: CatalogController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.setWindowTitle(QCoreApplication.translate("Outbox", "Unsent changes"))
        self.controller = controller
        self.model = OutboxModel(self)
        self.view = QTableView()
        self.view.setObjectName("outboxTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.retry_button = QPushButton(
            QCoreApplication.translate("Outbox", "&Send again")
        )
        self.drop_button = QPushButton(QCoreApplication.translate("Outbox", "&Drop"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.drop_button.clicked.connect(self.drop_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        controller.connection_changed.connect(self._on_connection_changed)
        self.reload()
        self.resize(760, 360)

    def reload(self) -> None:
        self.model.set_entries(self.controller.outbox.entries())
        state = self.controller.state()
        self.summary.setText(
            QCoreApplication.translate(
                "Outbox",
                "%1 waiting, %2 refused. A refused change holds back the later "
                "changes of the same product until it is sent again or dropped.",
            )
            .replace("%1", str(state.queued))
            .replace("%2", str(state.refused))
        )
        self._update_buttons()

    def selected_entry(self) -> OutboxEntry | None:
        return self.model.entry(self.view.currentIndex().row())

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.retry_button.setEnabled(
            entry is not None and entry.state == EntryState.REFUSED
        )
        self.drop_button.setEnabled(
            entry is not None and entry.state != EntryState.SENDING
        )

    @Slot(object)
    def _on_connection_changed(self, _state: ConnectionState) -> None:
        self.reload()

    @Slot()
    def retry_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            self.controller.outbox.retry(entry.id)
        except StoreError as error:
            logger.warning("could not retry outbox entry %d: %s", entry.id, error)
        self.reload()
        self.controller.send_queued()

    @Slot()
    def drop_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            self.controller.outbox.drop(entry.id)
        except StoreError as error:
            logger.warning("could not drop outbox entry %d: %s", entry.id, error)
        self.reload()
        self.controller.refresh_state()
        self.controller.send_queued()  # its chain may go on now
