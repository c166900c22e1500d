"""Page 5's way out of a barcode the server refused after the product was made.

Retrying a refusal (a code someone else took meanwhile, say) only fails again, and
the product already exists, so going back to page 4 is no longer possible. This box
offers to finish the product without that barcode, or with a corrected code.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.creation import DraftBarcode
from app.gui.scan_routing import mark_for_codes
from app.gui.wizard.common import reason_label
from app.gui.wizard.validators import check_barcode

logger = logging.getLogger(__name__)


class BarcodeFix(QWidget):
    """The refused barcode, an edit to correct it, "Use this code" and "Skip".

    Signals:
        replaced(object): the corrected `DraftBarcode` (same unit and series).
        skipped(): finish the product without the refused barcode.
    """

    replaced = Signal(object)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barcodeFix")
        self._refused: DraftBarcode | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("fixBarcodeEdit")
        mark_for_codes(self.code_edit)
        self.reason = reason_label("fixBarcodeReason")
        self.use_button = QPushButton(self.tr("&Use this code"))
        self.use_button.setObjectName("useCodeButton")
        self.use_button.setAutoDefault(False)
        self.skip_button = QPushButton(self.tr("&Skip this barcode"))
        self.skip_button.setObjectName("skipBarcodeButton")
        self.skip_button.setAutoDefault(False)

        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.use_button)
        row.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        self.hide()

        self.code_edit.textChanged.connect(self._on_code_edit_text_changed)
        self.code_edit.returnPressed.connect(self._on_use_button_clicked)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.skip_button.clicked.connect(self._on_skip_button_clicked)

    def offer(self, refused: DraftBarcode) -> None:
        """Show the box for `refused`, with its code ready to be corrected."""
        self._refused = refused
        code = refused.bar_code + (
            f" {refused.ext_bar_code}" if refused.ext_bar_code else ""
        )
        self.intro.setText(
            self.tr(
                "The product exists, but the server refused barcode %1, so Retry "
                "would fail again. Correct the code, or finish the product without "
                "it (it can be added later)."
            ).replace("%1", code)
        )
        self.code_edit.setText(code)
        self.show()
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    def withdraw(self) -> None:
        self._refused = None
        self.hide()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.code_edit, self.use_button, self.skip_button):
            widget.setEnabled(not busy)
        if not busy:
            self._on_code_edit_text_changed(self.code_edit.text())

    def _corrected(self) -> DraftBarcode | None:
        refused = self._refused
        reading = check_barcode(self.code_edit.text(), required=True).value
        if refused is None or reading is None:
            return None
        if (reading.bar_code, reading.ext_bar_code) == (
            refused.bar_code,
            refused.ext_bar_code,
        ):
            return None  # the same code would be refused the same way
        return refused.model_copy(
            update={"bar_code": reading.bar_code, "ext_bar_code": reading.ext_bar_code}
        )

    @Slot(str)
    def _on_code_edit_text_changed(self, text: str) -> None:
        checked = check_barcode(text, required=True)
        reason = checked.reason
        if not reason and self._corrected() is None:
            reason = self.tr("This is the code the server refused.")
        self.reason.setText(reason)
        self.use_button.setEnabled(not reason)

    @Slot()
    def _on_use_button_clicked(self) -> None:
        corrected = self._corrected()
        if corrected is None:
            return
        logger.info(
            "wizard: refused barcode %s corrected to %s",
            self._refused.bar_code if self._refused else "?",
            corrected.bar_code,
        )
        self.replaced.emit(corrected)

    @Slot()
    def _on_skip_button_clicked(self) -> None:
        if self._refused is None:
            return
        logger.info("wizard: refused barcode %s skipped", self._refused.bar_code)
        self.skipped.emit()
