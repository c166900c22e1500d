"""Price levels: the list, and an editor for one level.

Purchase (`id_price_level = -1`) is fixed by the API: it is shown, marked locked,
and cannot be edited. Retail levels can be added, renamed and switched off.
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
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import PRICE_LEVEL_NAME_MAX, PriceLevel, PriceLevelWrite
from app.gui.services import CatalogChange, CatalogController
from app.gui.write_dialog import FieldError, WriteDialog
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1


class LevelColumn(IntEnum):
    ID = 0
    NAME = 1
    ACTIVE = 2


class PriceLevelsModel(QAbstractTableModel):
    """The price levels, Purchase first and marked locked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._levels: list[PriceLevel] = []

    def set_levels(self, levels: Sequence[PriceLevel]) -> None:
        self.beginResetModel()
        self._levels = sorted(levels, key=lambda lv: lv.id_price_level)
        self.endResetModel()

    def level(self, row: int) -> PriceLevel | None:
        return self._levels[row] if 0 <= row < len(self._levels) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._levels)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LevelColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != (
            Qt.ItemDataRole.DisplayRole
        ):
            return None
        titles = {
            LevelColumn.ID: QCoreApplication.translate("LevelEditor", "Id"),
            LevelColumn.NAME: QCoreApplication.translate("LevelEditor", "Name"),
            LevelColumn.ACTIVE: QCoreApplication.translate("LevelEditor", "Active"),
        }
        return titles.get(LevelColumn(section)) if section in range(3) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        level = self.level(index.row())
        if level is None or index.column() not in range(len(LevelColumn)):
            return None
        column = LevelColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LevelColumn.ID:
                return str(level.id_price_level)
            if column == LevelColumn.NAME:
                if level.is_purchase:
                    return QCoreApplication.translate(
                        "LevelEditor", "%1 (fixed)"
                    ).replace("%1", level.name_price_level)
                return level.name_price_level
            return (
                QCoreApplication.translate("LevelEditor", "yes")
                if level.active
                else QCoreApplication.translate("LevelEditor", "no")
            )
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.ToolTipRole and level.is_purchase:
            return QCoreApplication.translate(
                "LevelEditor", "The Purchase level is fixed by the back office."
            )
        if role == Qt.ItemDataRole.ForegroundRole and (
            level.is_purchase or not level.active
        ):
            return QBrush(QColor("#8a8a8a"))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LevelDialog(WriteDialog):
    """Add a retail level, or rename or switch off one."""

    def __init__(
        self,
        controller: CatalogController,
        levels: Sequence[PriceLevel],
        level: PriceLevel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("LevelEditor", "Edit price level")
            if level
            else QCoreApplication.translate("LevelEditor", "New price level")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("levelDialog")
        self.level = level
        self.other_names = {
            lv.name_price_level.casefold()
            for lv in levels
            if level is None or lv.id_price_level != level.id_price_level
        }
        self.name = QLineEdit(level.name_price_level if level else "")
        self.name.setMaxLength(PRICE_LEVEL_NAME_MAX)
        self.add_field(
            "name_price_level",
            QCoreApplication.translate("LevelEditor", "&Name:"),
            self.name,
        )
        self.active = QCheckBox(QCoreApplication.translate("LevelEditor", "&Active"))
        self.active.setChecked(level.active if level else True)
        self.add_field("active", "", self.active)

    def build_write(self) -> OutboxWrite:
        name = " ".join(self.name.text().split())
        if not name:
            raise FieldError(
                "name_price_level",
                QCoreApplication.translate("LevelEditor", "Type the level's name."),
            )
        if name.casefold() in self.other_names:
            raise FieldError(
                "name_price_level",
                QCoreApplication.translate(
                    "LevelEditor", "Another price level has this name."
                ),
            )
        body = PriceLevelWrite(name_price_level=name, active=self.active.isChecked())
        if self.level is None:
            return OutboxWrite(WriteKind.CREATE_PRICE_LEVEL, body)
        return OutboxWrite(
            WriteKind.UPDATE_PRICE_LEVEL, body, target_guid=self.level.guid
        )


class LevelEditor(QDialog):
    """The list of price levels with Add and Edit.

    Signals:
        dialog_opened(LevelDialog): an editor for one level opened.
    """

    dialog_opened = Signal(object)

    def __init__(
        self, controller: CatalogController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("levelEditor")
        self.setWindowTitle(QCoreApplication.translate("LevelEditor", "Price levels"))
        self.controller = controller
        self.model = PriceLevelsModel(self)
        self.view = QTableView()
        self.view.setObjectName("levelsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(
            QCoreApplication.translate("LevelEditor", "&Add…")
        )
        self.edit_button = QPushButton(
            QCoreApplication.translate("LevelEditor", "&Edit…")
        )
        self.add_button.clicked.connect(self.add_level)
        self.edit_button.clicked.connect(self.edit_level)
        self.view.doubleClicked.connect(lambda _index: self.edit_level())
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_level)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_level)
        note = QLabel(
            QCoreApplication.translate(
                "LevelEditor",
                "Purchase is the back office's fixed level; it cannot be changed.",
            )
        )
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(close)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        controller.catalog_changed.connect(self._on_catalog_changed)
        self.reload()
        self.resize(440, 320)

    def reload(self) -> None:
        self.model.set_levels(self.controller.catalog.price_levels())
        self._update_buttons()

    def current_level(self) -> PriceLevel | None:
        return self.model.level(self.view.currentIndex().row())

    def _update_buttons(self) -> None:
        level = self.current_level()
        self.edit_button.setEnabled(level is not None and not level.is_purchase)

    @Slot(object)
    def _on_catalog_changed(self, change: CatalogChange) -> None:
        if change.everything or change.price_levels:
            self.reload()

    @Slot()
    def add_level(self) -> LevelDialog:
        dialog = LevelDialog(
            self.controller, self.controller.catalog.price_levels(), parent=self
        )
        return self._open(dialog)

    @Slot()
    def edit_level(self) -> LevelDialog | None:
        level = self.current_level()
        if level is None or level.is_purchase:
            return None
        dialog = LevelDialog(
            self.controller, self.controller.catalog.price_levels(), level, self
        )
        return self._open(dialog)

    def _open(self, dialog: LevelDialog) -> LevelDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog
