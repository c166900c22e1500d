"""A dialog that edits one catalog record and sends it through the controller.

Each field has an error line under it. A dialog that calls `check_as_typed` is
checked by the domain rules on every change, like the add-product wizard: each
field's reason shows under it at once, OK stays disabled while any value is wrong
or a required one is still empty, and the lines of the typed fields keep their room
when empty, so the fields do not move under the cursor. Other dialogs check on OK
(an error shows under its field and nothing is sent). Then the write is submitted;
the dialog waits with its fields read-only, and closes when the server took it, when
a request finds the server out of reach, or when the server has not answered
within `ANSWER_WAIT_MS` of the write being on disk (it is queued and sent on: the
outbox keeps it). A refusal shows the server's words under the field it
names (a duplicate barcode names the product that owns it), or above the buttons;
it stays until that field is changed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import errors as domain_errors
from app.domain.errors import DomainError
from app.gui import amount_messages
from app.gui.services import (
    CatalogController,
    Submission,
    WriteOutcome,
    WriteStatus,
)
from app.gui.tasks import TaskFailure
from app.store.writes import OutboxWrite

logger = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
MIN_WIDTH = 440  # wide enough for the server's sentence about a duplicate barcode
# Checked as typed: most reasons ("Хибна контрольна цифра 9; для цього коду потрібна
# 7.") fit on the one line kept for them, so the fields below stay where they are.
TYPED_MIN_WIDTH = 580
# How long a dialog waits for the server's answer once its write is safely on disk.
# Online, the server answers a write in well under a second, so a refusal (a taken
# barcode) still shows under its field; a server that takes longer is frozen or
# gone (the client waits up to 30 s), and the person at the counter should not wait
# for it: the write is in the outbox and is sent when the server answers. A server
# that refuses the connection closes the dialog at once, without this wait.
ANSWER_WAIT_MS = 2000


class FieldError(ValueError):
    """A value the dialog itself refuses; `field` names the API field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class FieldChecks:
    """The values as they stand: the reason each wrong field is wrong, and whether a
    required field is still empty (OK waits for it; nothing is said about it)."""

    reasons: Mapping[str, str] = dataclasses.field(default_factory=dict)
    incomplete: bool = False

    @property
    def ok(self) -> bool:
        return not self.incomplete and not any(self.reasons.values())


def reason_for(
    check: Callable[..., object], *args: object
) -> tuple[str | None, str] | None:
    """Run `check(*args)`; what it refused, as (field, message), or None when it
    passed."""
    try:
        check(*args)
    except FieldError as problem:
        return problem.field, problem.message
    except DomainError as error:
        return error.field, domain_message(error)
    return None


def domain_message(error: DomainError) -> str:
    """A domain rule's refusal in the user's language (the domain speaks English)."""
    params = error.params
    if isinstance(error, domain_errors.EmptyBarcode):
        return QCoreApplication.translate("DomainErrors", "Type the barcode's digits.")
    if isinstance(error, domain_errors.InvalidCharacter):
        return (
            QCoreApplication.translate(
                "DomainErrors", "Only digits are allowed; “%1” at position %2 is not."
            )
            .replace("%1", str(params.get("character", "")))
            .replace("%2", str(params.get("position", "")))
        )
    if isinstance(error, domain_errors.InvalidCheckDigit):
        return (
            QCoreApplication.translate(
                "DomainErrors", "Wrong check digit %1; this code needs %2."
            )
            .replace("%1", str(params.get("given", "")))
            .replace("%2", str(params.get("expected", "")))
        )
    if isinstance(error, domain_errors.InvalidLength):
        accepted = ", ".join(str(n) for n in params.get("accepted", []))
        return (
            QCoreApplication.translate(
                "DomainErrors", "%1 digits is not a barcode length; accepted: %2."
            )
            .replace("%1", str(params.get("length", "")))
            .replace("%2", accepted)
        )
    if isinstance(error, domain_errors.InvalidAddOn):
        return QCoreApplication.translate(
            "DomainErrors", "The add-on must be 2 or 5 digits."
        )
    # Before the unit rules: a rate that is not a number is an InvalidAmount, which
    # is a PriceRuleError whatever its field.
    amount = amount_messages.explain(error)
    if amount is not None:
        return amount
    if isinstance(error, domain_errors.UnitRuleError):
        if "default_type" in params:
            return QCoreApplication.translate(
                "DomainErrors",
                "This unit type cannot be added: the default unit's type does not "
                "allow it.",
            )
        return _unit_rule_message(error)
    return error.message


def _unit_rule_message(error: DomainError) -> str:
    # The domain gives every unit rule one code ("unit_rule"), so the rule is told
    # apart by its English message; an unknown one is shown as it is.
    value = str(error.params.get("value", ""))
    known = (
        (
            "not a number",
            QCoreApplication.translate(
                "DomainErrors", "The rate must be a number, e.g. 12."
            ),
        ),
        (
            "greater than 0",
            QCoreApplication.translate(
                "DomainErrors", "The rate must be greater than 0."
            ),
        ),
        (
            "decimals",
            QCoreApplication.translate(
                "DomainErrors", "The rate may have at most 3 decimals."
            ),
        ),
        (
            "too large",
            QCoreApplication.translate("DomainErrors", "The rate is too large."),
        ),
        (
            "whole number",
            QCoreApplication.translate(
                "DomainErrors", "A whole-number unit needs a whole-number rate."
            ),
        ),
        (
            "multiple of 0.25",
            QCoreApplication.translate(
                "DomainErrors", "This unit's rate must be a multiple of 0.25."
            ),
        ),
        (
            "exactly 1",
            QCoreApplication.translate(
                "DomainErrors", "The default unit's rate must be 1."
            ),
        ),
        (
            "listed twice",
            QCoreApplication.translate(
                "DomainErrors", "The product already has this unit."
            ),
        ),
        (
            "exactly one default",
            QCoreApplication.translate(
                "DomainErrors", "A product needs exactly one default unit."
            ),
        ),
    )
    for fragment, message in known:
        if fragment in error.message:
            return message.replace("%1", value)
    return QCoreApplication.translate("DomainErrors", "Invalid value: %1").replace(
        "%1", error.message
    )


class WriteDialog(QDialog):
    """Base of the record editors; subclasses add fields and build the write.

    Signals:
        write_finished(WriteOutcome): the write was sent or queued (not on refusal).
    """

    write_finished = Signal(object)

    def __init__(
        self, controller: CatalogController, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(MIN_WIDTH)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self._field_errors: dict[str, QLabel] = {}
        self._reserved: set[str] = set()  # error lines that keep their room
        self._refusals: dict[str, str] = {}  # stand until their field changes
        self._as_typed = False
        self._checks = FieldChecks()
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.outcome: WriteOutcome | None = None
        self._sending = False
        self._fields: list[QWidget] = []
        self._was_enabled: dict[int, bool] = {}
        self._submission: Submission | None = None
        self._pending_write: OutboxWrite | None = None
        self._answer_wait = QTimer(self)
        self._answer_wait.setSingleShot(True)
        self._answer_wait.setInterval(ANSWER_WAIT_MS)
        self._answer_wait.timeout.connect(self._stop_waiting)

    # --- fields ---------------------------------------------------------------------

    def add_field(
        self, name: str, label: str, widget: QWidget, *, typed: bool = False
    ) -> QWidget:
        """A labelled field with its error line under it; returns `widget`.

        `typed`: a field checked as it is typed, whose error line keeps one line of
        room even when empty, so nothing below it moves while typing.
        """
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if typed:
            error.setMinimumHeight(error.fontMetrics().lineSpacing())
            self._reserved.add(name)
        else:
            error.hide()
        column.addWidget(error)
        self._field_errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        self._fields.append(widget)
        self._watch(name, widget)
        return widget

    def _watch(self, name: str, widget: QWidget) -> None:
        def changed(*_args: object) -> None:
            self._refusals.pop(name, None)
            self.general_error.clear()
            self.general_error.hide()
            self.recheck()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(changed)

    def field_error(self, name: str) -> str:
        label = self._field_errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_error(self, field: str | None, message: str) -> None:
        label = self._field_errors.get(field or "")
        if label is None:
            label = self.general_error
        elif self._as_typed:
            self._refusals[field or ""] = message
            self._update_ok()
        label.setText(message)
        label.show()
        QTimer.singleShot(0, self, self._fit_reasons)  # room for a wrapped message

    def clear_errors(self) -> None:
        self._refusals.clear()
        for name, label in self._field_errors.items():
            label.clear()
            label.setHidden(name not in self._reserved)
        self.general_error.clear()
        self.general_error.hide()

    # --- checking as typed ----------------------------------------------------------

    def check_fields(self) -> FieldChecks:
        """The values as they stand, by the rules (a dialog checked as typed
        overrides this; `build_write` then only builds)."""
        return FieldChecks()

    def check_as_typed(self) -> None:
        """From now on every change is checked (call at the end of `__init__`)."""
        self._as_typed = True
        self.setMinimumWidth(max(self.minimumWidth(), TYPED_MIN_WIDTH))
        self.recheck()

    def recheck(self) -> FieldChecks:
        """Show every field's reason for the values as they stand; OK follows."""
        checks = self.check_fields()
        if not self._as_typed:
            return checks
        grew = False
        for name, label in self._field_errors.items():
            text = checks.reasons.get(name) or self._refusals.get(name, "")
            grew |= bool(text) and label.text() != text
            label.setText(text)
            label.setHidden(not text and name not in self._reserved)
        self._checks = checks
        self._update_ok()
        if grew:
            QTimer.singleShot(0, self, self._fit_reasons)
        return checks

    def _fit_reasons(self) -> None:
        """Grow to show a reason that wrapped onto a second line (its height for
        the width is known once the layout has run, so this waits for that)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def _update_ok(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(
            self._checks.ok and not self._refusals and not self._sending
        )

    # --- sending --------------------------------------------------------------------

    def build_write(self) -> OutboxWrite:
        """The write for the values as they stand; raises `DomainError` or
        `FieldError` for a value the rules refuse."""
        raise NotImplementedError

    def accept(self) -> None:
        if self._sending:
            return
        if self._as_typed:
            if not self.recheck().ok or self._refusals:
                return  # OK is disabled; Enter or a test may still get here
        else:
            self.clear_errors()
        try:
            write = self.build_write()
        except FieldError as problem:
            self.show_error(problem.field, problem.message)
            return
        except DomainError as error:
            self.show_error(error.field, domain_message(error))
            return
        self._sending = True
        self._pending_write = write
        self.buttons.setEnabled(False)
        self._set_fields_editable(False)
        self.controller.submit(
            write, self._on_write_outcome, self._on_write_failed, self._on_queued
        )

    def _set_fields_editable(self, editable: bool) -> None:
        """Read-only while the write is on its way: what is sent stays what shows."""
        for widget in self._fields:
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(not editable)
            elif editable:
                widget.setEnabled(self._was_enabled.pop(id(widget), True))
            else:
                self._was_enabled[id(widget)] = widget.isEnabled()
                widget.setEnabled(False)

    def _on_queued(self, submission: Submission) -> None:
        """The write is on disk; wait a short while for the server's answer."""
        self._submission = submission
        self.controller.unreachable.connect(self._stop_waiting)
        self._answer_wait.start()

    def _stop_waiting(self) -> None:
        """No answer in time, or the server is out of reach: close; the write
        waits in the outbox and is sent when the server answers."""
        submission, write = self._submission, self._pending_write
        if not self._sending or submission is None or write is None:
            return
        if not submission.detach():
            return  # the answer is decided and on its way
        self._end_wait()
        logger.info("write dialog closed before the answer: %s", write.describe())
        self.outcome = WriteOutcome(WriteStatus.WAITING, write)
        self.write_finished.emit(self.outcome)
        super().accept()

    def _end_wait(self) -> None:
        self._answer_wait.stop()
        if self._submission is not None:
            self.controller.unreachable.disconnect(self._stop_waiting)
            self._submission = None
        self._sending = False

    def _on_write_outcome(self, outcome: WriteOutcome) -> None:
        self._end_wait()
        self._set_fields_editable(True)
        self.buttons.setEnabled(True)
        if outcome.status == WriteStatus.REFUSED:
            self._show_refusal(outcome)
            return
        self.outcome = outcome
        self.write_finished.emit(outcome)
        super().accept()

    def _show_refusal(self, outcome: WriteOutcome) -> None:
        shown = False
        for field, messages in outcome.field_errors.items():
            if field in self._field_errors:
                self.show_error(field, " ".join(messages))
                shown = True
        error = outcome.error
        if not shown and error is not None:
            said = error.server_message or error.message
            if outcome.field_errors:
                said = "; ".join(" ".join(m) for m in outcome.field_errors.values())
            self.show_error(
                None,
                QCoreApplication.translate(
                    "WriteDialog", "The server refused the change: %1"
                ).replace("%1", said),
            )

    def _on_write_failed(self, failure: TaskFailure) -> None:
        self._end_wait()
        self._set_fields_editable(True)
        self.buttons.setEnabled(True)
        self.show_error(None, failure.message)
