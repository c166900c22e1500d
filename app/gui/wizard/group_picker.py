"""A product group picker: the group tree with a search box that filters as you type."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import Group

logger = logging.getLogger(__name__)

GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def build_group_model(
    groups: Sequence[Group], parent: QObject | None = None
) -> QStandardItemModel:
    """The active groups as a tree, each level sorted by name. A group whose owner
    is missing (or inactive) is shown at the top level rather than lost."""
    model = QStandardItemModel(parent)
    active = [g for g in groups if g.active]
    known = {g.id_group for g in active}
    children: dict[int | None, list[Group]] = {}
    for group in active:
        owner = group.id_owner_group if group.id_owner_group in known else None
        children.setdefault(owner, []).append(group)

    def add(parent_item: QStandardItem, owner: int | None, seen: set[int]) -> None:
        for group in sorted(
            children.get(owner, []), key=lambda g: g.name_group.casefold()
        ):
            if group.id_group in seen:  # a cycle in the server's data
                continue
            item = QStandardItem(group.name_group)
            item.setEditable(False)
            item.setData(group.id_group, GROUP_ID_ROLE)
            parent_item.appendRow(item)
            add(item, group.id_group, seen | {group.id_group})

    add(model.invisibleRootItem(), None, set())
    return model


class GroupPicker(QWidget):
    """Search box over a group tree; the current tree row is the chosen group.

    Signals:
        group_changed(object): the chosen group's id_group, or None for none.
    """

    group_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("groupSearch")
        self.search.setPlaceholderText(self.tr("Type to find a group…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView()
        self.tree.setObjectName("groupTree")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumHeight(120)

        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setRecursiveFilteringEnabled(True)
        self._proxy.setAutoAcceptChildRows(True)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._source = QStandardItemModel(self)
        self._proxy.setSourceModel(self._source)
        self.tree.setModel(self._proxy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.search)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

    def set_groups(self, groups: Sequence[Group]) -> None:
        chosen = self.group_id()
        self._source = build_group_model(groups, self)
        self._proxy.setSourceModel(self._source)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.expandToDepth(0)
        if chosen is not None:
            self.set_group_id(chosen)

    def group_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        value = index.data(GROUP_ID_ROLE)
        return None if value is None else int(value)

    def group_path(self) -> str:
        """`Напої / Вода` for the chosen group, "" for none."""
        names: list[str] = []
        index = self.tree.currentIndex()
        while index.isValid():
            names.append(str(index.data()))
            index = index.parent()
        return " / ".join(reversed(names))

    def set_group_id(self, id_group: int | None) -> None:
        if id_group is None:
            self.tree.setCurrentIndex(QModelIndex())
            return
        matches = self._source.match(
            self._source.index(0, 0),
            GROUP_ID_ROLE,
            id_group,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if matches:
            self.search.clear()
            index = self._proxy.mapFromSource(matches[0])
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self._proxy.setFilterFixedString(text.strip())
        if not text.strip():
            return
        self.tree.expandAll()
        first = self._first_match(QModelIndex(), text.strip().casefold())
        if first is not None:
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)

    def _first_match(self, parent: QModelIndex, needle: str) -> QModelIndex | None:
        """The first row, depth first, whose own name contains the search text."""
        for row in range(self._proxy.rowCount(parent)):
            index = self._proxy.index(row, 0, parent)
            if needle in str(index.data()).casefold():
                return index
            below = self._first_match(index, needle)
            if below is not None:
                return below
        return None

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self.group_changed.emit(self.group_id())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the tree, as in a combo's popup.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.tree.setFocus()
            if not self.tree.currentIndex().isValid() and self._proxy.rowCount() > 0:
                self.tree.setCurrentIndex(self._proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)
