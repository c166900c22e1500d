"""At start-up: offer the drafts the creation journal still holds."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.creation import CreationJournal, JournalEntry

logger = logging.getLogger(__name__)

DRAFT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class UnfinishedDraftsDialog(QDialog):
    """Lists unfinished drafts; Resume picks one, Discard forgets it, Later closes.

    After `exec()`, `chosen_draft_id` is the draft to resume, or None.
    """

    def __init__(
        self,
        entries: Sequence[JournalEntry],
        journal: CreationJournal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self.chosen_draft_id: str | None = None
        self.setWindowTitle(self.tr("Unfinished products"))

        intro = QLabel(
            self.tr(
                "These products were not finished when the app last closed. Resume "
                "one to continue where it stopped; nothing done is lost."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("draftList")
        for entry in entries:
            item = QListWidgetItem(self._describe(entry))
            item.setData(DRAFT_ID_ROLE, entry.draft_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

        buttons = QDialogButtonBox()
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setObjectName("resumeButton")
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setObjectName("discardButton")
        self.later_button = QPushButton(self.tr("&Later"))
        self.later_button.setObjectName("laterButton")
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(
            self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole
        )
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.resume_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.later_button.clicked.connect(self.reject)
        self.list.itemActivated.connect(self._on_resume_button_clicked)

    def _describe(self, entry: JournalEntry) -> str:
        started = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if not entry.done:
            state = self.tr("not sent yet")
        elif entry.last_error:
            state = self.tr("stopped with an error")
        else:
            state = self.tr("interrupted")
        return (
            self.tr("%1 — started %2, %3")
            .replace("%1", entry.draft.name_goods)
            .replace("%2", started)
            .replace("%3", state)
        )

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(DRAFT_ID_ROLE))

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        self.chosen_draft_id = self._current_id()
        if self.chosen_draft_id is not None:
            logger.info("draft %s chosen to resume", self.chosen_draft_id)
            self.accept()

    @Slot()
    def _on_discard_button_clicked(self) -> None:
        draft_id = self._current_id()
        if draft_id is None:
            return
        # FIXME(creation): a draft with a reserved id leaves that id unused on the
        # server; the API has no way to release a reservation.
        self._journal.discard(draft_id)
        logger.info("draft %s discarded by the user", draft_id)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()


def offer_unfinished_drafts(
    parent: QWidget | None, journal: CreationJournal
) -> str | None:
    """Asks whether to resume an unfinished draft; returns its id, or None.

    Reads the journal (a small local SQLite file) on the calling thread; call it
    once at start-up. Returns at once with None when nothing is unfinished.
    """
    entries = journal.unfinished()
    if not entries:
        return None
    dialog = UnfinishedDraftsDialog(entries, journal, parent)
    dialog.exec()
    return dialog.chosen_draft_id
