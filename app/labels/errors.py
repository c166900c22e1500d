"""The label layer's exceptions: one base, a subclass per failure a caller can act on.

Messages are English and say what was wrong and how to fix it; the GUI maps the types
to translated text. `params` keeps the values the message was built from.
"""

from __future__ import annotations

from typing import Any


class LabelError(Exception):
    code = "label_error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class TemplateError(LabelError):
    """A template file that cannot be used: bad syntax, a missing field, or a layout
    that cannot hold its barcode with the clear space GS1 asks for."""

    code = "label_template"


class UnknownTemplate(TemplateError):  # noqa: N818
    code = "label_unknown_template"


class UnprintableBarcode(LabelError):  # noqa: N818
    """A code the label printer must not print (wrong check digit, GTIN-14, ...)."""

    code = "label_unprintable_barcode"


class UnprintableSymbology(UnprintableBarcode):
    """A valid code of a kind labels do not carry (a GTIN-14 case code).

    `params`: bar_code, symbology.
    """

    code = "label_unprintable_symbology"


class BarcodeDoesNotFit(LabelError):  # noqa: N818
    """Even the smallest allowed module is too wide.

    `params`: needed_mm, available_mm, needed_label_mm.
    """

    code = "label_barcode_does_not_fit"


class EncodingMismatch(LabelError):  # noqa: N818
    """The bar pattern does not decode to what was asked (a library bug guard)."""

    code = "label_encoding_mismatch"


class PrinterError(LabelError):
    code = "label_printer"


class PrinterPageMismatch(PrinterError):  # noqa: N818
    """The driver would print on another page size or resolution than the label's."""

    code = "label_printer_page_mismatch"


class OutputError(LabelError):
    """Writing a PDF/PNG/ZPL file or sending to a network printer failed."""

    code = "label_output"
