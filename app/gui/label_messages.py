"""The label layer's failures in the user's words.

The label layer raises typed errors (`app.labels.errors`) with the values they were
built from in `params`; their `message` is English, for the log. Here each kind the
user meets is worded with Qt translation from its type and values; a kind without a
wording of its own gets `None`, and the caller falls back to a translated lead with
the English detail after it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.barcode import BarcodeError
from app.gui.wizard.validators import explain_barcode_error
from app.labels.errors import (
    BarcodeDoesNotFit,
    LabelError,
    UnprintableBarcode,
    UnprintableSymbology,
)


def label_reason(error: LabelError) -> str | None:
    """A translated sentence for `error`, or None when its kind has none."""
    params = error.params
    if isinstance(error, UnprintableSymbology):
        return (
            QCoreApplication.translate(
                "LabelErrors",
                "%1 is a %2 code; labels print EAN-13, EAN-8, UPC-A, UPC-E and "
                "internal codes (Code 128).",
            )
            .replace("%1", str(params.get("bar_code", "")))
            .replace("%2", str(params.get("symbology", "")))
        )
    if isinstance(error, UnprintableBarcode) and isinstance(
        error.__cause__, BarcodeError
    ):
        return (
            QCoreApplication.translate("LabelErrors", "%1 cannot be printed: %2")
            .replace("%1", str(params.get("bar_code", "")))
            .replace("%2", explain_barcode_error(error.__cause__))
        )
    if isinstance(error, BarcodeDoesNotFit) and "needed_mm" in params:
        text = QCoreApplication.translate(
            "LabelErrors",
            "The barcode needs %1 mm with its clear space, but the label has %2 mm.",
        )
        text = text.replace("%1", f"{params['needed_mm']:g}").replace(
            "%2", f"{params.get('available_mm', 0):g}"
        )
        if "needed_label_mm" in params:
            text += " " + QCoreApplication.translate(
                "LabelErrors", "Use a label at least %1 mm wide."
            ).replace("%1", f"{params['needed_label_mm']:g}")
        return text
    return None
