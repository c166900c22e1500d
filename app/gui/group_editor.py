"""The group editor: a group's name, its parent and whether it is active.

The parent list leaves out the group itself and its subgroups, since a group may not
become its own ancestor (the server refuses it too).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.domain.models import GROUP_NAME_MAX, Group, GroupWrite
from app.gui.services import CatalogController
from app.gui.write_dialog import FieldError, WriteDialog
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)


def group_paths(groups: Sequence[Group]) -> dict[int, str]:
    """Each group's path from its main group ("Drinks / Water"), cycle-safe."""
    by_id = {g.id_group: g for g in groups}
    paths: dict[int, str] = {}
    for group in groups:
        names = [group.name_group]
        seen = {group.id_group}
        owner = group.id_owner_group
        while owner is not None and owner in by_id and owner not in seen:
            seen.add(owner)
            names.append(by_id[owner].name_group)
            owner = by_id[owner].id_owner_group
        paths[group.id_group] = " / ".join(reversed(names))
    return paths


class GroupEditor(WriteDialog):
    """Create a group (`group` None) or edit one.

    `excluded` are the ids that may not become the parent (the group and its
    subgroups); `parent_id` preselects the parent of a new group.
    """

    def __init__(
        self,
        controller: CatalogController,
        groups: Sequence[Group],
        group: Group | None = None,
        *,
        excluded: set[int] | None = None,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("GroupEditor", "Edit group")
            if group
            else QCoreApplication.translate("GroupEditor", "New group")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("groupEditor")
        self.group = group
        excluded = excluded or set()

        self.name = QLineEdit(group.name_group if group else "")
        self.name.setMaxLength(GROUP_NAME_MAX)
        self.add_field(
            "name_group", QCoreApplication.translate("GroupEditor", "&Name:"), self.name
        )

        self.owner = QComboBox()
        self.owner.addItem(
            QCoreApplication.translate("GroupEditor", "(main group)"), None
        )
        paths = group_paths(groups)
        for id_group, path in sorted(paths.items(), key=lambda kv: kv[1].casefold()):
            if id_group not in excluded:
                self.owner.addItem(path, id_group)
        wanted = group.id_owner_group if group else parent_id
        self.owner.setCurrentIndex(max(0, self.owner.findData(wanted)))
        self.add_field(
            "id_owner_group",
            QCoreApplication.translate("GroupEditor", "&Parent:"),
            self.owner,
        )

        self.active = QCheckBox(QCoreApplication.translate("GroupEditor", "&Active"))
        self.active.setChecked(group.active if group else True)
        self.add_field("active", "", self.active)
        self.resize(420, self.sizeHint().height())

    def build_write(self) -> OutboxWrite:
        name = " ".join(self.name.text().split())
        if not name:
            raise FieldError(
                "name_group",
                QCoreApplication.translate("GroupEditor", "Type the group's name."),
            )
        owner = self.owner.currentData()
        body = GroupWrite(
            name_group=name,
            id_owner_group=int(owner) if owner is not None else None,
            id_image=self.group.id_image if self.group else None,
            active=self.active.isChecked(),
        )
        if self.group is None:
            return OutboxWrite(WriteKind.CREATE_GROUP, body)
        return OutboxWrite(WriteKind.UPDATE_GROUP, body, target_guid=self.group.guid)
