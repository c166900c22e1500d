"""The Printer page of Settings, and the printer settings as the label queue reads them.

`Settings.printer` holds: `template` (the default label template), `dpi` ("203",
"300x600"), `printer_name` (a system printer; empty: ask each time) and `zpl_address`
(`host` or `host:port` of a Zebra-compatible printer on the network, port 9100 by
default).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.gui.label_messages import label_reason
from app.gui.settings import Settings
from app.labels.errors import (
    BarcodeDoesNotFit,
    LabelError,
    OutputError,
    PrinterError,
    PrinterPageMismatch,
    TemplateError,
    UnprintableBarcode,
)
from app.labels.geometry import Dpi, parse_dpi
from app.labels.saved_queue import QueueNotSaved
from app.labels.templates import builtin_names

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "thermal-58x40"
DEFAULT_DPI = Dpi(203, 203)
DPI_CHOICES = ("203", "300", "600", "300x600")
ZPL_PORT = 9100


@dataclass(frozen=True)
class PrinterChoice:
    template: str = DEFAULT_TEMPLATE
    dpi: Dpi = DEFAULT_DPI
    printer_name: str = ""
    zpl_address: str = ""

    def zpl_host_port(self) -> tuple[str, int]:
        return split_address(self.zpl_address)


def split_address(text: str) -> tuple[str, int]:
    """`host` or `host:port` (port 9100 by default); ValueError for a bad port."""
    host, sep, port = text.strip().rpartition(":")
    if not sep:
        return text.strip(), ZPL_PORT
    if not (port.isascii() and port.isdigit()) or not 1 <= int(port) <= 65535:
        raise ValueError(f"port {port!r} is not 1-65535")
    return host, int(port)


def printer_choice(printer: dict[str, Any]) -> PrinterChoice:
    """Tolerant: unknown or bad values fall back to the defaults, with a warning."""
    template = str(printer.get("template") or DEFAULT_TEMPLATE)
    if template not in builtin_names() and not template.endswith(".toml"):
        logger.warning("printer settings: unknown template %r", template)
        template = DEFAULT_TEMPLATE
    try:
        dpi = parse_dpi(str(printer.get("dpi") or DEFAULT_DPI))
    except ValueError:
        logger.warning("printer settings: bad dpi %r", printer.get("dpi"))
        dpi = DEFAULT_DPI
    return PrinterChoice(
        template,
        dpi,
        str(printer.get("printer_name") or ""),
        str(printer.get("zpl_address") or ""),
    )


def label_error_message(error: BaseException) -> str:
    """A translated sentence for a label layer failure: its own wording where the
    failure has one (`label_reason`), else a lead with the English detail after."""
    if isinstance(error, LabelError) and (reason := label_reason(error)):
        return reason
    detail = getattr(error, "message", str(error))
    if isinstance(error, QueueNotSaved):
        lead = QCoreApplication.translate(
            "LabelErrors",
            "The label queue could not be saved: if the app closes now, the labels "
            "queued since are lost.",
        )
    elif isinstance(error, PrinterPageMismatch):
        lead = QCoreApplication.translate(
            "LabelErrors",
            "The printer would not take the label's exact page size, so nothing "
            "was printed. Set its paper to the label size in the printer's settings.",
        )
    elif isinstance(error, PrinterError):
        lead = QCoreApplication.translate("LabelErrors", "Printing failed.")
    elif isinstance(error, BarcodeDoesNotFit):
        lead = QCoreApplication.translate(
            "LabelErrors", "The barcode does not fit this label."
        )
    elif isinstance(error, UnprintableBarcode):
        lead = QCoreApplication.translate(
            "LabelErrors", "This barcode cannot be printed."
        )
    elif isinstance(error, TemplateError):
        lead = QCoreApplication.translate(
            "LabelErrors", "The label template cannot be used."
        )
    elif isinstance(error, OutputError):
        lead = QCoreApplication.translate(
            "LabelErrors", "The labels could not be written or sent."
        )
    elif isinstance(error, LabelError):
        lead = QCoreApplication.translate("LabelErrors", "The label cannot be made.")
    else:
        return str(error)
    return f"{lead} ({detail})"


class PrinterPage(QWidget):
    """Default template and DPI, the system printer, and a ZPL printer's address."""

    def __init__(
        self, parent: QWidget | None = None, *, printer_names: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printerPage")
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("defaultTemplate")
        for name in builtin_names():
            self.template_combo.addItem(name, name)
        self.dpi_combo = QComboBox()
        self.dpi_combo.setObjectName("printerDpi")
        self.dpi_combo.setEditable(True)
        self.dpi_combo.addItems(DPI_CHOICES)
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("systemPrinter")
        self.printer_combo.addItem(self.tr("Ask each time"), "")
        names = (
            printer_names
            if printer_names is not None
            else QPrinterInfo.availablePrinterNames()
        )
        for name in names:
            self.printer_combo.addItem(name, name)
        self.zpl_edit = QLineEdit()
        self.zpl_edit.setObjectName("zplAddress")
        self.zpl_edit.setPlaceholderText(self.tr("e.g. 192.168.1.50 or printer:9100"))
        note = QLabel(
            self.tr(
                "Thermal label printers print best at their own resolution: 203 dpi "
                "for most, 300 dpi for some. A ZPL printer on the network receives "
                "the labels directly on port 9100."
            )
        )
        note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Default &template:"), self.template_combo)
        form.addRow(self.tr("Printer &resolution (dpi):"), self.dpi_combo)
        form.addRow(self.tr("System &printer:"), self.printer_combo)
        form.addRow(self.tr("&ZPL printer address:"), self.zpl_edit)
        form.addRow("", note)

    def load(self, settings: Settings) -> None:
        choice = printer_choice(settings.printer)
        self.template_combo.setCurrentIndex(
            max(0, self.template_combo.findData(choice.template))
        )
        self.dpi_combo.setCurrentText(str(choice.dpi))
        index = self.printer_combo.findData(choice.printer_name)
        if index < 0 and choice.printer_name:
            self.printer_combo.addItem(choice.printer_name, choice.printer_name)
            index = self.printer_combo.count() - 1
        self.printer_combo.setCurrentIndex(max(0, index))
        self.zpl_edit.setText(choice.zpl_address)

    def store(self, settings: Settings) -> None:
        settings.printer = dict(
            settings.printer,
            template=str(self.template_combo.currentData()),
            dpi=str(parse_dpi(self.dpi_combo.currentText().replace("×", "x"))),
            printer_name=str(self.printer_combo.currentData() or ""),
            zpl_address=self.zpl_edit.text().strip(),
        )

    def validate(self) -> str:
        try:
            parse_dpi(self.dpi_combo.currentText().replace("×", "x"))
        except ValueError:
            return self.tr(
                "The resolution must be a number of dots per inch such as 203, or "
                "two for x and y such as 300x600."
            )
        address = self.zpl_edit.text().strip()
        if address:
            try:
                host, _port = split_address(address)
            except ValueError:
                host = ""
            if not host:
                return self.tr(
                    "The ZPL printer's address must be a host name or IP address, "
                    "optionally with :port (9100 by default)."
                )
        return ""
