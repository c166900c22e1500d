"""Page 1: the barcode (read live, checked for duplicates), the name, the group."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.barcode import Reading
from app.gui.scan_routing import mark_for_codes
from app.gui.tasks import TaskFailure
from app.gui.wizard.common import WizardContext, note_label, reason_label
from app.gui.wizard.group_picker import GroupPicker
from app.gui.wizard.lookups import BarcodeOwner, WizardReference
from app.gui.wizard.validators import check_barcode, check_name, describe_reading

logger = logging.getLogger(__name__)

# Wait this long after the last keystroke before asking the server: a scanner
# types a whole code in a few milliseconds, a person pauses between digits.
DUPLICATE_CHECK_DELAY_MS = 250


class IdentifyPage(QWizardPage):
    """Barcode, name, group and free price.

    Signals:
        open_product_requested(int): the user wants the product that has the code.
    """

    open_product_requested = Signal(int)

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._reading: Reading | None = None
        self._owner: BarcodeOwner | None = None
        self._checked_code: str | None = None  # the main code the owner check is for
        self._checking = False
        self._check_generation = 0

        self.setTitle(self.tr("Identify the product"))
        self.setSubTitle(
            self.tr("Scan or type its barcode, then give it a name and a group.")
        )

        self.barcode_edit = QLineEdit()
        self.barcode_edit.setObjectName("barcodeEdit")
        mark_for_codes(self.barcode_edit)
        self.barcode_edit.setPlaceholderText(self.tr("Scan or type; may stay empty"))
        self.barcode_reading = note_label("barcodeReading")
        self.barcode_reason = reason_label("barcodeReason")
        self.duplicate_label = reason_label("duplicateLabel")
        self.open_product_button = QPushButton(self.tr("&Open that product"))
        self.open_product_button.setObjectName("openProductButton")
        self.open_product_button.setAutoDefault(False)
        self.open_product_button.hide()

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_reason = reason_label("nameReason")

        self.group_picker = GroupPicker()
        self.group_picker.setObjectName("groupPicker")
        self.group_note = note_label("groupNote")

        self.free_price_check = QCheckBox(
            self.tr("&Free price: the cashier types the price at the till")
        )
        self.free_price_check.setObjectName("freePriceCheck")

        barcode_box = QVBoxLayout()
        barcode_box.setSpacing(2)
        barcode_box.addWidget(self.barcode_edit)
        barcode_box.addWidget(self.barcode_reading)
        barcode_box.addWidget(self.barcode_reason)
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicate_label, 1)
        duplicate_row.addWidget(self.open_product_button)
        barcode_box.addLayout(duplicate_row)

        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_reason)

        group_box = QVBoxLayout()
        group_box.setSpacing(2)
        group_box.addWidget(self.group_picker)
        group_box.addWidget(self.group_note)

        form = QFormLayout(self)
        barcode_title = QLabel(self.tr("&Barcode:"))
        barcode_title.setBuddy(self.barcode_edit)
        name_title = QLabel(self.tr("&Name:"))
        name_title.setBuddy(self.name_edit)
        group_title = QLabel(self.tr("&Group:"))
        group_title.setBuddy(self.group_picker.search)
        form.addRow(barcode_title, barcode_box)
        form.addRow(name_title, name_box)
        form.addRow(group_title, group_box)
        form.addRow("", self.free_price_check)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)

        self.barcode_edit.textChanged.connect(self._on_barcode_text_changed)
        self.name_edit.textChanged.connect(self._on_name_text_changed)
        self.group_picker.group_changed.connect(self._on_group_picker_group_changed)
        self.open_product_button.clicked.connect(self._on_open_product_clicked)
        context.reference_loaded.connect(self._on_context_reference_loaded)
        self._on_name_text_changed("")
        self._on_group_picker_group_changed(None)

    # --- values ---------------------------------------------------------------

    def reading(self) -> Reading | None:
        return self._reading

    def name(self) -> str:
        return self.name_edit.text().strip()

    def group_id(self) -> int | None:
        return self.group_picker.group_id()

    def free_price(self) -> bool:
        return self.free_price_check.isChecked()

    def owner(self) -> BarcodeOwner | None:
        return self._owner

    def is_checking(self) -> bool:
        return self._checking

    def isComplete(self) -> bool:
        return (
            self._context.reference is not None
            and check_name(self.name_edit.text()).ok
            and check_barcode(self.barcode_edit.text()).ok
            and not self._checking
            and self._owner is None
        )

    # --- the barcode ----------------------------------------------------------

    @Slot(str)
    def _on_barcode_text_changed(self, text: str) -> None:
        checked = check_barcode(text)
        self._reading = checked.value
        self.barcode_reason.setText(checked.reason)
        self.barcode_reading.setText(
            describe_reading(checked.value) if checked.value else ""
        )
        self._check_generation += 1  # answers to earlier checks no longer count
        self._check_timer.stop()
        if checked.value is None:
            self._set_owner(None, checking=False)
        elif checked.value.bar_code != self._checked_code or self._checking:
            self._set_owner(None, checking=True)
            self._check_timer.start()
        self.completeChanged.emit()

    def stop_checking(self) -> None:
        """Forget a pending duplicate check (the wizard is closing or resuming a
        draft whose code may already be on its own half-created product)."""
        self._check_timer.stop()
        self._check_generation += 1
        self._set_owner(None, checking=False)
        self.completeChanged.emit()

    @Slot()
    def _on_check_timer_timeout(self) -> None:
        if self._reading is None:
            return
        bar_code = self._reading.bar_code
        generation = self._check_generation
        logger.info("checking whether barcode %s is in use", bar_code)
        self._context.sources.runner.run(
            self._context.sources.find_barcode_owner,
            bar_code,
            on_done=lambda owner: self._on_owner_found(generation, bar_code, owner),
            on_error=lambda failure: self._on_owner_check_failed(generation, failure),
            name="wizard duplicate barcode check",
        )

    def _on_owner_found(
        self, generation: int, bar_code: str, owner: BarcodeOwner | None
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._check_generation:
            return  # the wizard closed, or the code changed since
        self._checked_code = bar_code
        self._set_owner(owner, checking=False)
        self.completeChanged.emit()

    def _on_owner_check_failed(self, generation: int, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self) or generation != self._check_generation:
            return
        # Not knowing is no reason to stop: the server refuses a used code at the
        # barcodes step anyway, and names its owner then.
        self._checking = False
        self._checked_code = None
        self.duplicate_label.setText(
            self.tr("Could not check whether the code is in use: %1").replace(
                "%1", failure.message
            )
        )
        self.completeChanged.emit()

    def _set_owner(self, owner: BarcodeOwner | None, *, checking: bool) -> None:
        self._owner = owner
        self._checking = checking
        if checking:
            self.duplicate_label.setStyleSheet("color: #555;")
            self.duplicate_label.setText(
                self.tr("Checking whether the code is in use…")
            )
        elif owner is not None:
            self.duplicate_label.setStyleSheet("color: #b3261e;")
            self.duplicate_label.setText(
                self.tr("This code already belongs to “%1” (product %2).")
                .replace("%1", owner.name_goods)
                .replace("%2", str(owner.id_goods))
            )
        else:
            self.duplicate_label.setText("")
        self.open_product_button.setVisible(owner is not None)

    @Slot()
    def _on_open_product_clicked(self) -> None:
        if self._owner is not None:
            logger.info("wizard: open product %d asked", self._owner.id_goods)
            self.open_product_requested.emit(self._owner.id_goods)

    # --- name and group -------------------------------------------------------

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        checked = check_name(text)
        # No scolding before anything was typed; Next stays disabled all the same.
        self.name_reason.setText(checked.reason if text else "")
        self.completeChanged.emit()

    @Slot(object)
    def _on_group_picker_group_changed(self, id_group: int | None) -> None:
        if id_group is None:
            self.group_note.setText(
                self.tr("No group chosen: the product goes to the top.")
            )
        else:
            self.group_note.setText(
                self.tr("Group: %1").replace("%1", self.group_picker.group_path())
            )

    @Slot(object)
    def _on_context_reference_loaded(self, reference: WizardReference) -> None:
        self.group_picker.set_groups(reference.groups)
        self.completeChanged.emit()
