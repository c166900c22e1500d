"""At start-up: offer the drafts and typed forms the creation journal still holds.

A form kept while typed (see `form_state.py`) stands for the unsent draft it was
turned into, if any, so that draft is not listed twice; a form whose draft began
sending (or is finished or gone) is out of date and forgotten here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

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

from app.api.creation import CreationJournal, JournalEntry, SavedForm
from app.gui.wizard.form_state import parse_form

logger = logging.getLogger(__name__)

DRAFT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FORM_ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ResumeChoice:
    """What to open the wizard with: a journaled draft, or a kept form."""

    draft_id: str | None = None
    form_id: str | None = None


def unfinished_work(
    journal: CreationJournal,
) -> tuple[list[JournalEntry], list[SavedForm]]:
    """The drafts and forms to offer (see the module docstring); forgets the forms
    that are out of date. Small SQLite reads and deletes on the calling thread."""
    entries = journal.unfinished()
    unsent = {entry.draft_id for entry in entries if not entry.done}
    forms = []
    for form in journal.forms():
        if form.draft_id is not None and form.draft_id not in unsent:
            logger.info("kept form %s is out of date; forgotten", form.form_id)
            journal.discard_form(form.form_id)
            continue
        forms.append(form)
    covered = {form.draft_id for form in forms}
    return [entry for entry in entries if entry.draft_id not in covered], forms


class UnfinishedDraftsDialog(QDialog):
    """Lists unfinished drafts and kept forms; Resume picks one, Discard forgets
    it, Later closes.

    After `exec()`, `chosen_draft_id` is the draft to resume, `chosen_form_id` the
    form (at most one of them is set), or both are None.
    """

    def __init__(
        self,
        entries: Sequence[JournalEntry],
        journal: CreationJournal,
        parent: QWidget | None = None,
        *,
        forms: Sequence[SavedForm] = (),
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._forms = {form.form_id: form for form in forms}
        self.chosen_draft_id: str | None = None
        self.chosen_form_id: str | None = None
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
        for form in forms:
            item = QListWidgetItem(self._describe_form(form))
            item.setData(FORM_ID_ROLE, form.form_id)
            self.list.addItem(item)
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

    def _describe_form(self, form: SavedForm) -> str:
        started = form.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (
            self.tr("%1 — started %2, %3")
            .replace("%1", parse_form(form).title() or self.tr("(no name yet)"))
            .replace("%2", started)
            .replace("%3", self.tr("still being filled in"))
        )

    def _current(self) -> ResumeChoice | None:
        item = self.list.currentItem()
        if item is None:
            return None
        form_id = item.data(FORM_ID_ROLE)
        if form_id is not None:
            return ResumeChoice(form_id=str(form_id))
        return ResumeChoice(draft_id=str(item.data(DRAFT_ID_ROLE)))

    def choice(self) -> ResumeChoice | None:
        """What was chosen to resume, after `exec()`."""
        if self.chosen_draft_id is None and self.chosen_form_id is None:
            return None
        return ResumeChoice(self.chosen_draft_id, self.chosen_form_id)

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        current = self._current()
        if current is None:
            return
        self.chosen_draft_id = current.draft_id
        self.chosen_form_id = current.form_id
        logger.info("unfinished product chosen to resume: %s", current)
        self.accept()

    @Slot()
    def _on_discard_button_clicked(self) -> None:
        current = self._current()
        if current is None:
            return
        if current.form_id is not None:
            form = self._forms[current.form_id]
            self._journal.discard_form(form.form_id)
            if form.draft_id is not None:  # unsent, else it would not be listed
                self._journal.discard(form.draft_id)
            logger.info("form %s discarded by the user", form.form_id)
        if current.draft_id is not None:
            # FIXME(creation): a draft with a reserved id leaves that id unused on
            # the server; the API has no way to release a reservation.
            self._journal.discard(current.draft_id)
            logger.info("draft %s discarded by the user", current.draft_id)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()


def offer_unfinished_drafts(
    parent: QWidget | None, journal: CreationJournal
) -> ResumeChoice | None:
    """Asks whether to resume an unfinished draft or form; returns the choice, or
    None.

    Reads the journal (a small local SQLite file) on the calling thread; call it
    once at start-up. Returns at once with None when nothing is unfinished.
    """
    entries, forms = unfinished_work(journal)
    if not entries and not forms:
        return None
    dialog = UnfinishedDraftsDialog(entries, journal, parent, forms=forms)
    dialog.exec()
    return dialog.choice()
