"""Page 5: the summary, then the creation flow with each step's progress.

Entering the page writes the draft to the creation journal (in the background), so
it survives closing the app. "Create" runs the flow on a worker; a failure names
the step and the server's message, and "Retry" resumes where it stopped. A barcode
the server refuses once the product exists can be corrected or skipped
(`BarcodeFix`), since retrying it as it stands would only fail again.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.api.creation import (
    STEPS,
    CreationProgress,
    CreationResult,
    DraftBarcode,
    JournalEntry,
    ProductCreator,
    ProductDraft,
    Step,
    StepState,
    is_refusal,
)
from app.api.errors import CreationFailed
from app.gui.tasks import TaskFailure, describe_error
from app.gui.wizard.barcode_fix import BarcodeFix
from app.gui.wizard.common import WizardContext, note_label, reason_label

logger = logging.getLogger(__name__)

MAX_LABELS = 999


class ProgressRelay(QObject):
    """Carries the creator's progress from its worker thread to the GUI thread.

    Signals:
        progressed(CreationProgress)
    """

    progressed = Signal(object)


class CreatePage(QWizardPage):
    """Summary, progress per step, Create/Retry, and Print labels at the end.

    Signals:
        created(CreationResult): the product exists on the server.
        print_labels_requested(int, int): id_goods and the number of labels.
        draft_journaled(str): the draft was written to the journal (its id).
        sending_started(): "Create" was pressed; the draft is fixed from now on.
    """

    created = Signal(object)
    print_labels_requested = Signal(int, int)
    draft_journaled = Signal(str)
    sending_started = Signal()

    def __init__(
        self,
        context: WizardContext,
        build_draft: Callable[[], ProductDraft],
        describe_draft: Callable[[ProductDraft], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._build_draft = build_draft
        self._describe_draft = describe_draft
        self.draft_id: str | None = None
        self.draft: ProductDraft | None = None
        self.result: CreationResult | None = None
        self._has_progress = False  # some step was done: the draft is fixed now
        self._running = False
        self._journaling = False
        self._abandoned = False
        self._journal_again = False
        self._refused_key: str | None = None  # the barcode BarcodeFix is about
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._on_relay_progressed)

        self.setTitle(self.tr("Create the product"))
        self.setSubTitle(
            self.tr("Check the summary, then create. Nothing is sent before you do.")
        )
        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )

        steps = QGridLayout()
        for number, step in enumerate(STEPS):
            mark = QLabel("○")
            mark.setObjectName(f"stepMark_{step.value}")
            mark.setMinimumWidth(18)
            title = QLabel(f"{number + 1}. {self.step_title(step)}")
            steps.addWidget(mark, number, 0)
            steps.addWidget(title, number, 1)
        steps.setColumnStretch(1, 1)

        self.status = note_label("statusLabel")
        self.error = reason_label("errorLabel")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.barcode_fix = BarcodeFix()
        self.create_button = QPushButton(self.tr("&Create"))
        self.create_button.setObjectName("createButton")
        self.create_button.setEnabled(False)

        self.quantity = QSpinBox()
        self.quantity.setObjectName("labelQuantity")
        self.quantity.setRange(1, MAX_LABELS)
        self.quantity.setEnabled(False)
        quantity_title = QLabel(self.tr("&Labels:"))
        quantity_title.setBuddy(self.quantity)
        self.print_button = QPushButton(self.tr("&Print labels"))
        self.print_button.setObjectName("printLabelsButton")
        self.print_button.setEnabled(False)
        self.print_button.setAutoDefault(False)

        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addStretch(1)
        actions.addWidget(quantity_title)
        actions.addWidget(self.quantity)
        actions.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(steps)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.barcode_fix)
        layout.addStretch(1)
        layout.addLayout(actions)

        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.barcode_fix.replaced.connect(self._on_barcode_fix_replaced)
        self.barcode_fix.skipped.connect(self._on_barcode_fix_skipped)

    def step_title(self, step: Step) -> str:
        titles = {
            Step.RESERVE: self.tr("Reserve a product id"),
            Step.DEFAULT_UNIT: self.tr("Default unit"),
            Step.BASE_SERIES: self.tr("Base series"),
            Step.PRODUCT: self.tr("The product"),
            Step.PRICES: self.tr("Prices"),
            Step.BARCODES: self.tr("Barcodes"),
            Step.EXTRAS: self.tr("Extra units, series and their barcodes"),
        }
        return titles[step]

    def is_running(self) -> bool:
        return self._running

    def has_progress(self) -> bool:
        """Sending began: part of the product may be on the server."""
        return self._has_progress

    def isComplete(self) -> bool:
        return self.result is not None

    # --- entering: journal the draft -----------------------------------------

    def resume(self, entry: JournalEntry) -> None:
        """Show a journaled draft that has progress; it is run as it stands."""
        self.draft_id = entry.draft_id
        self.draft = entry.draft
        self._has_progress = bool(entry.done)
        # The journal keeps the step it reached; every step before it is done.
        for step in STEPS[: STEPS.index(entry.step)]:
            self._set_mark(step, StepState.DONE)
        if entry.last_error:
            self.error.setText(
                self.tr("The last attempt stopped at: %1").replace(
                    "%1", self.step_title(entry.step)
                )
            )

    def initializePage(self) -> None:
        if self._has_progress and self.draft is not None:
            # Resumed or half-created: what is on the server is not edited here.
            self.summary.setText(self._describe_draft(self.draft))
            self._ready_to_create(retry=True)
            return
        try:
            draft = self._build_draft()
            draft.check()
        except ValueError as error:
            logger.warning("wizard draft refused before sending: %s", error)
            self.summary.setText("")
            self.error.setText(
                self.tr("The product cannot be created as it stands: %1").replace(
                    "%1", str(error)
                )
            )
            self.create_button.setEnabled(False)
            return
        self.draft = draft
        self.summary.setText(self._describe_draft(draft))
        self.error.clear()
        self.create_button.setEnabled(False)
        self.status.setText(self.tr("Saving the draft…"))
        if self._journaling:
            # Back and forth while the first save runs: save again after it, so
            # the journal gets one draft, not two.
            self._journal_again = True
            return
        self._journal()

    def _journal(self) -> None:
        assert self.draft is not None
        self._journaling = True
        self._context.sources.runner.run(
            self._journal_draft,
            self.draft,
            self.draft_id,
            on_done=self._on_draft_journaled,
            on_error=self._on_journal_failed,
            name="wizard journal draft",
        )

    def _journal_draft(self, draft: ProductDraft, draft_id: str | None) -> str:
        # Runs on a worker: SQLite with synchronous=FULL waits for the disk.
        journal = self._context.sources.journal
        if draft_id is None:
            return ProductCreator(self._context.sources.client, journal).start(draft)
        journal.replace_draft(draft_id, draft)
        return draft_id

    def abandon(self) -> None:
        """The user cancelled: a draft of which nothing was sent is forgotten (one
        with progress stays, since part of the product is on the server)."""
        self._abandoned = True
        if self.draft_id is not None and not self._has_progress:
            self._forget(self.draft_id)
        # A draft still being journaled is forgotten when that ends.

    def _forget(self, draft_id: str) -> None:
        logger.info("wizard cancelled: draft %s forgotten", draft_id)
        self._context.sources.runner.run(
            self._context.sources.journal.discard,
            draft_id,
            name="wizard forget draft",
        )

    def _on_draft_journaled(self, draft_id: str) -> None:
        if self._abandoned:
            self._forget(draft_id)
            return
        if not shiboken6.isValid(self):
            return
        self._journaling = False
        self.draft_id = draft_id
        self.draft_journaled.emit(draft_id)
        if self._journal_again:
            self._journal_again = False
            self._journal()
            return
        logger.info("wizard: draft %s saved before creating", draft_id)
        self._ready_to_create(retry=False)

    def _on_journal_failed(self, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        self._journaling = False
        self.status.clear()
        self.error.setText(
            self.tr("The draft could not be saved: %1").replace("%1", failure.message)
        )

    def _ready_to_create(self, *, retry: bool) -> None:
        self.status.setText(
            self.tr("Ready. Press Create to send the product to the server.")
            if not retry
            else self.tr("Press Retry to continue where the creation stopped.")
        )
        self.create_button.setText(self.tr("&Retry") if retry else self.tr("&Create"))
        self.create_button.setEnabled(True)
        self.create_button.setDefault(True)
        self.create_button.setFocus()

    # --- creating -------------------------------------------------------------

    @Slot()
    def _on_create_button_clicked(self) -> None:
        if self.draft_id is None or self._running:
            return
        self._running = True
        self._refused_key = None
        self.barcode_fix.withdraw()
        if not self._has_progress:
            self._has_progress = True  # from now on the draft is not edited
            self.sending_started.emit()
        self.error.clear()
        self.status.setText(self.tr("Creating…"))
        self._lock_navigation(True)
        logger.info("wizard: creating draft %s", self.draft_id)
        creator = ProductCreator(
            self._context.sources.client,
            self._context.sources.journal,
            self._relay.progressed.emit,
        )
        self._context.sources.runner.run(
            creator.run,
            self.draft_id,
            on_done=self._on_creation_done,
            on_error=self._on_creation_failed,
            disable=[self.create_button],
            name="wizard create product",
        )

    @Slot(object)
    def _on_relay_progressed(self, progress: CreationProgress) -> None:
        self._set_mark(progress.step, progress.state)
        if progress.state in (StepState.STARTED, StepState.CHECKING):
            self.status.setText(
                self.tr("Step %1 of %2: %3")
                .replace("%1", str(progress.index))
                .replace("%2", str(progress.total))
                .replace("%3", self.step_title(progress.step))
            )

    def _set_mark(self, step: Step, state: StepState) -> None:
        marks = {
            StepState.STARTED: "…",
            StepState.CHECKING: "?",
            StepState.DONE: "✓",
            StepState.FAILED: "✗",
        }
        self._step_marks_label(step).setText(marks[state])

    def _step_marks_label(self, step: Step) -> QLabel:
        label = self.findChild(QLabel, f"stepMark_{step.value}")
        assert label is not None
        return label

    def step_mark(self, step: Step) -> str:
        return self._step_marks_label(step).text()

    def _on_creation_done(self, result: CreationResult) -> None:
        if not shiboken6.isValid(self):
            return
        self._running = False
        self.result = result
        self._lock_navigation(False)
        # The wizard re-enables Back on completeChanged; disable it after that.
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            finish = wizard.button(QWizard.WizardButton.FinishButton)
            if isinstance(finish, QPushButton):  # Enter now finishes
                finish.setDefault(True)
        self.create_button.hide()
        self.status.setText(
            self.tr("Created: product %1. Print its labels, or press Finish.").replace(
                "%1", str(result.id_goods)
            )
        )
        self.quantity.setEnabled(True)
        self.print_button.setEnabled(True)
        self.quantity.setFocus()
        self.quantity.selectAll()
        self.created.emit(result)

    def _on_creation_failed(self, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        self._running = False
        self._lock_navigation(False)
        wizard = self.wizard()
        if wizard is not None:  # half a product exists; there is no going back
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        error = failure.error
        if isinstance(error, CreationFailed):
            step = Step(error.step)
            self._set_mark(step, StepState.FAILED)
            text = (
                self.tr("Stopped at step %1 of %2 (%3): %4")
                .replace("%1", str(STEPS.index(step) + 1))
                .replace("%2", str(len(STEPS)))
                .replace("%3", self.step_title(step))
                .replace("%4", describe_error(error.cause))
            )
            if error.server_message:
                text += "\n" + self.tr("The server said: %1").replace(
                    "%1", error.server_message
                )
            for field, messages in error.field_errors.items():
                text += f"\n{field}: {' '.join(messages)}"
        else:
            text = failure.message
        self.error.setText(html.unescape(text))
        self.status.setText(
            self.tr("Nothing done is lost: Retry continues from this step.")
        )
        self.create_button.setText(self.tr("&Retry"))
        self.create_button.setDefault(True)
        self.create_button.setFocus()
        refused = self._refused_barcode(error)
        if refused is not None:
            self.create_button.setDefault(False)  # Enter belongs to the fix now
            self.status.clear()  # the fix says why Retry alone will not do
            self.barcode_fix.offer(refused)

    def _refused_barcode(self, error: BaseException) -> DraftBarcode | None:
        """The draft's barcode the server refused outright, if that was the failure.

        FIXME(wizard): a refused price, extra unit or series has no way out yet;
        Retry fails again until it is settled on the server.
        """
        if (
            not isinstance(error, CreationFailed)
            or error.key is None
            or not is_refusal(error.cause)
            or self.draft is None
        ):
            return None
        barcode = self.draft.barcode_for(error.key)
        self._refused_key = error.key if barcode is not None else None
        return barcode

    # --- the way out of a refused barcode -------------------------------------

    @Slot(object)
    def _on_barcode_fix_replaced(self, barcode: DraftBarcode) -> None:
        self._replace_refused(barcode)

    @Slot()
    def _on_barcode_fix_skipped(self) -> None:
        self._replace_refused(None)

    def _replace_refused(self, replacement: DraftBarcode | None) -> None:
        """Journal the draft with the refused barcode replaced or left out, then
        carry on creating (what is done stays done)."""
        if self.draft is None or self.draft_id is None or self._refused_key is None:
            return
        draft = self.draft.replacing_barcode(self._refused_key, replacement)
        try:
            draft.check()
        except ValueError as error:
            self.barcode_fix.reason.setText(str(error))
            return
        self.barcode_fix.set_busy(True)
        self.create_button.setEnabled(False)
        self._context.sources.runner.run(
            self._context.sources.journal.replace_draft,
            self.draft_id,
            draft,
            on_done=lambda _none: self._on_refused_replaced(draft),
            on_error=self._on_refused_replace_failed,
            name="wizard replace refused barcode",
        )

    def _on_refused_replaced(self, draft: ProductDraft) -> None:
        if not shiboken6.isValid(self):
            return
        self.draft = draft
        self.summary.setText(self._describe_draft(draft))
        self.barcode_fix.set_busy(False)
        self.create_button.setEnabled(True)
        self._on_create_button_clicked()

    def _on_refused_replace_failed(self, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        self.barcode_fix.set_busy(False)
        self.create_button.setEnabled(True)
        self.error.setText(
            self.tr("The draft could not be saved: %1").replace("%1", failure.message)
        )

    def _lock_navigation(self, locked: bool) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            wizard.button(which).setEnabled(not locked)

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.result is None:
            return
        quantity = self.quantity.value()
        logger.info(
            "wizard: %d labels asked for product %d", quantity, self.result.id_goods
        )
        self.print_labels_requested.emit(self.result.id_goods, quantity)
        self.status.setText(
            self.tr("%1 labels added to the label queue.").replace("%1", str(quantity))
        )
