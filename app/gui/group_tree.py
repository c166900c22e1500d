"""The group tree: "All products" above the main groups, subgroups below them.

Dragging a group onto another asks to move it there (onto "All products": make it a
main group). The model does not move anything itself: it checks the move (a group
may not become its own ancestor) and emits `move_requested`; the tree changes when
the server has taken the move and the model is reloaded. A refused move is reported
with `move_refused` and a sentence saying why.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from app.domain.models import Group
from app.gui.detail_tables import waiting_look

logger = logging.getLogger(__name__)

GROUP_MIME_TYPE = "application/x-komora-group-id"
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_ALL_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GroupMove:
    """Make `id_group` a subgroup of `new_owner` (None: a main group)."""

    group: Group
    new_owner: int | None


@dataclass(eq=False)
class _Node:
    group: Group | None  # None for the root and for "All products"
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    is_all: bool = False

    def row(self) -> int:
        if self.parent is None:
            return 0
        return self.parent.children.index(self)


class GroupTreeModel(QAbstractItemModel):
    """The group tree of the local catalog.

    Signals:
        move_requested(GroupMove): a group was dropped onto another (or onto "All
            products") and may move there.
        move_refused(str): a drop that would make a group its own ancestor; the
            argument says so in the user's language.
    """

    move_requested = Signal(object)
    move_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None)
        self._by_id: dict[int, _Node] = {}
        self._pending: dict[int, Group] = {}
        self._build([])

    # --- content --------------------------------------------------------------------

    def set_groups(
        self, groups: Sequence[Group], pending: Mapping[int, Group] | None = None
    ) -> None:
        """Show `groups`; `pending` (by id) are edits waiting in the outbox, shown
        in their place in grey italics until they are sent."""
        self.beginResetModel()
        self._pending = dict(pending or {})
        self._build([self._pending.get(g.id_group, g) for g in groups])
        self.endResetModel()

    def pending(self) -> dict[int, Group]:
        return dict(self._pending)

    def _build(self, groups: Sequence[Group]) -> None:
        root = _Node(None, None)
        root.children.append(_Node(None, root, is_all=True))
        nodes = {g.id_group: _Node(g, None) for g in groups}
        ordered = sorted(groups, key=lambda g: (g.name_group.casefold(), g.id_group))
        for group in ordered:
            node = nodes[group.id_group]
            owner = nodes.get(group.id_owner_group) if group.id_owner_group else None
            # A parent missing from the list, or a loop in bad data: show it on top.
            if owner is None or self._would_loop(nodes, group):
                owner = root
            node.parent = owner
            owner.children.append(node)
        self._root = root
        self._by_id = {i: n for i, n in nodes.items() if n.parent is not None}

    @staticmethod
    def _would_loop(nodes: dict[int, _Node], group: Group) -> bool:
        seen = {group.id_group}
        current = group.id_owner_group
        while current is not None and current in nodes:
            if current in seen:
                return True
            seen.add(current)
            parent_group = nodes[current].group
            current = parent_group.id_owner_group if parent_group else None
        return False

    def group(self, id_group: int) -> Group | None:
        node = self._by_id.get(id_group)
        return node.group if node is not None else None

    def groups(self) -> list[Group]:
        return [n.group for n in self._by_id.values() if n.group is not None]

    def all_products_index(self) -> QModelIndex:
        return self.index(0, 0)

    def index_of_group(self, id_group: int | None) -> QModelIndex:
        if id_group is None:
            return self.all_products_index()
        node = self._by_id.get(id_group)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def group_at(self, index: AnyIndex) -> Group | None:
        node = self._node(index)
        return node.group if node is not None else None

    def is_descendant_or_self(self, id_group: int, other: int) -> bool:
        """True when `other` is `id_group` or lies below it."""
        node = self._by_id.get(other)
        while node is not None and node.group is not None:
            if node.group.id_group == id_group:
                return True
            node = node.parent
        return False

    def descendants(self, id_group: int) -> set[int]:
        """`id_group` and every group below it."""
        return {g for g in self._by_id if self.is_descendant_or_self(id_group, g)}

    def move_problem(self, id_group: int, new_owner: int | None) -> str | None:
        """Why `id_group` may not move under `new_owner`, or None when it may."""
        if new_owner is not None and self.is_descendant_or_self(id_group, new_owner):
            return QCoreApplication.translate(
                "GroupTree",
                "A group cannot be moved into itself or into one of its subgroups.",
            )
        return None

    # --- Qt's model interface -------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index(
        self,
        row: int,
        column: int,
        parent: AnyIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        owner = self._node(parent) if parent.isValid() else self._root
        if owner is None or column != 0 or not 0 <= row < len(owner.children):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return 0
            node = self._node(parent)
            return len(node.children) if node is not None else 0
        return len(self._root.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            section == 0
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("GroupTree", "Groups")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.is_all:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("GroupTree", "All products")
            if role == IS_ALL_ROLE:
                return True
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        group = node.group
        assert group is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return group.name_group
        if role == GROUP_ID_ROLE:
            return group.id_group
        if role == IS_ALL_ROLE:
            return False
        if group.id_group in self._pending:
            return waiting_look(
                role,
                QCoreApplication.translate(
                    "GroupTree", "Changed here; waiting to be sent to the server"
                ),
            )
        if role == Qt.ItemDataRole.ForegroundRole and not group.active:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and not group.active:
            return QCoreApplication.translate("GroupTree", "Inactive group")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.is_all:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    # --- drag and drop --------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [GROUP_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        groups = [self.group_at(i) for i in indexes]
        ids = [str(g.id_group) for g in groups if g is not None]
        data.setData(GROUP_MIME_TYPE, QByteArray(",".join(ids[:1]).encode("ascii")))
        return data

    @staticmethod
    def _dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(GROUP_MIME_TYPE):
            return None
        text = bytes(data.data(GROUP_MIME_TYPE).data()).decode("ascii", "replace")
        return int(text) if text.isdigit() else None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        # Refused drops are still accepted here so that `dropMimeData` can say why.
        return action == Qt.DropAction.MoveAction and self._dragged_id(data) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        id_group = self._dragged_id(data)
        if action != Qt.DropAction.MoveAction or id_group is None:
            return False
        group = self.group(id_group)
        if group is None:
            return False
        target = self._node(parent)
        new_owner = (
            target.group.id_group
            if target is not None and target.group is not None
            else None
        )
        self.request_move(group, new_owner)
        # The view must not remove the dragged row: the move happens on reload.
        return False

    def request_move(self, group: Group, new_owner: int | None) -> bool:
        """Check a move and emit `move_requested` or `move_refused`."""
        if new_owner == group.id_owner_group:
            return False
        problem = self.move_problem(group.id_group, new_owner)
        if problem is not None:
            logger.info("refused moving group %d under %s", group.id_group, new_owner)
            self.move_refused.emit(problem)
            return False
        self.move_requested.emit(GroupMove(group, new_owner))
        return True


class GroupTreeView(QTreeView):
    """The tree with drag and drop of groups, one click per selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupTree")
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
