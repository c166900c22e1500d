"""Printing through the system's printer driver (QtPrintSupport's QPrinter).

The page is set explicitly: a custom size matched exactly, full page, zero margins,
and the printer's resolution set to the label's DPI. Then the page layout is read
back; if the driver reports another size or resolution (a driver default form of
4 × 2 in, say) nothing is printed and `PrinterPageMismatch` says what it reported.
Nothing here scales to fit. A QPrinter is a paint device, not a widget: printing may
run on a worker thread.

`print_runs` prints runs of pages of different sizes (a queue's templates) in one
job: each run's page is set just before its first page. Only a printer writing a PDF
file takes that (Windows drivers refuse a page change while printing, and a PDF file
opened once per template would keep only the last).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.labels.errors import PrinterError, PrinterPageMismatch
from app.labels.geometry import Dpi, Page
from app.labels.render import (
    LabelPainter,
    exact_page_boxes,
    page_layout,
    prepare_painter,
)

logger = logging.getLogger(__name__)

SIZE_TOLERANCE_MM = 0.1


def configure_printer(
    printer: QPrinter, width_mm: float, height_mm: float, dpi: Dpi, name: str = "label"
) -> None:
    """Set the page on the printer and check what it took; raises PrinterError."""
    if dpi.x != dpi.y:
        raise PrinterError(
            f"the system printer path takes one resolution, not {dpi}; print to PDF, "
            "PNG or ZPL for a printer with different x and y resolutions",
            dpi=str(dpi),
        )
    printer.setResolution(dpi.x)
    set_page(printer, width_mm, height_mm, dpi, name)


def set_page(
    printer: QPrinter, width_mm: float, height_mm: float, dpi: Dpi, name: str
) -> None:
    """The page for the next page printed (also while a job is open, where the
    resolution can no longer change); raises PrinterPageMismatch."""
    accepted = printer.setPageLayout(page_layout(width_mm, height_mm, name))
    # Full page after the layout: setting a layout turns it off again.
    printer.setFullPage(True)
    check_printer_page(printer, width_mm, height_mm, dpi, accepted)


def check_printer_page(
    printer: QPrinter,
    width_mm: float,
    height_mm: float,
    dpi: Dpi,
    accepted: bool = True,
) -> None:
    """Read the page layout back and stop on any difference from the label."""
    layout = printer.pageLayout()
    full = layout.fullRect(QPageLayout.Unit.Millimeter)  # oriented page
    got_w, got_h = full.width(), full.height()
    margins = layout.margins(QPageLayout.Unit.Millimeter)
    resolution = printer.resolution()
    problems = []
    if not accepted:
        problems.append("the driver refused the page layout")
    if abs(got_w - width_mm) > SIZE_TOLERANCE_MM or abs(got_h - height_mm) > (
        SIZE_TOLERANCE_MM
    ):
        problems.append(f"page {got_w:.1f} × {got_h:.1f} mm")
    if max(margins.left(), margins.top(), margins.right(), margins.bottom()) > 0.01:
        problems.append("non-zero margins")
    if not printer.fullPage():
        problems.append("no full-page printing")
    if resolution != dpi.x:
        problems.append(f"{resolution} dpi")
    if problems:
        raise PrinterPageMismatch(
            f"the printer {printer.printerName() or '(unnamed)'} reports "
            + ", ".join(problems)
            + f" instead of a {width_mm:g} × {height_mm:g} mm page at {dpi.x} dpi; "
            "nothing was printed. Set the printer's paper to the label size in its "
            "driver settings, or choose a template that matches its paper",
            width_mm=round(got_w, 2),
            height_mm=round(got_h, 2),
            resolution=resolution,
            wanted_width_mm=width_mm,
            wanted_height_mm=height_mm,
            wanted_dpi=dpi.x,
        )


@dataclass(frozen=True)
class PageRun:
    """Pages of one size (one template's job), `page_mm` as (width, height)."""

    pages: Sequence[Page]
    page_mm: tuple[float, float]
    name: str = "label"


def print_pages(
    printer: QPrinter,
    pages: Sequence[Page],
    page_mm: tuple[float, float],
    name: str = "label",
) -> None:
    """Configure `printer` for the pages and print them, unscaled."""
    print_runs(printer, [PageRun(pages, page_mm, name)])


def print_runs(printer: QPrinter, runs: Sequence[PageRun]) -> None:
    """Print the runs one after another in one job, each on its own page size.

    The first page is checked before anything is painted; a later run's page size
    is checked before its first page (a printer writing a PDF file takes any).
    """
    runs = [run for run in runs if run.pages]
    if not runs:
        raise PrinterError("nothing to print: no labels")
    dpi = runs[0].pages[0].dpi
    if any(run.pages[0].dpi != dpi for run in runs):
        raise PrinterError(
            "one print job is printed at one resolution; print the templates "
            "one at a time",
            dpi=str(dpi),
        )
    if len(runs) > 1 and printer.outputFormat() != QPrinter.OutputFormat.PdfFormat:
        raise PrinterError(
            "the printer cannot change the page size within a job; print one "
            "template at a time",
            printer=printer.printerName(),
        )
    first = runs[0]
    configure_printer(printer, first.page_mm[0], first.page_mm[1], dpi, first.name)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(
            f"the printer {printer.printerName() or '(unnamed)'} cannot start a job",
        )
    label_painter = LabelPainter()
    try:
        prepare_painter(painter, printer, dpi)
        for number, run in enumerate(runs):
            if number:
                set_page(printer, run.page_mm[0], run.page_mm[1], dpi, run.name)
            for index, page in enumerate(run.pages):
                if (number or index) and not printer.newPage():
                    raise PrinterError("the printer refused a new page")
                label_painter.paint_page(painter, page)
    finally:
        painter.end()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        # Printing to a PDF file: same whole-point rounding as QPdfWriter.
        path = Path(printer.outputFileName())
        sizes = [run.page_mm for run in runs]
        path.write_bytes(exact_page_boxes(path.read_bytes(), sizes))
    logger.info(
        "printed %d page(s) on %s",
        sum(len(run.pages) for run in runs),
        printer.printerName() or "(unnamed)",
    )


def pdf_printer(path: str) -> QPrinter:
    """A QPrinter writing PDF to `path` (tests, and 'print to file')."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return printer


def full_rect_mm(printer: QPrinter) -> QRectF:
    return printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
