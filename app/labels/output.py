"""Where a print job goes: a PDF, PNG images, a ZPL file or printer, the system printer.

Each function is blocking and touches no widget: run it on a worker thread (the GUI's
task helper) and report the result back on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.labels.content import LabelProduct
from app.labels.errors import OutputError
from app.labels.geometry import Dpi, layout_label
from app.labels.queue import PrintJob, build_layouts, build_pages
from app.labels.templates import load_template

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

logger = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".png", ".zpl")


@dataclass(frozen=True)
class Preview:
    """One label as it will print (at the printer's DPI), and what to tell the user:
    a truncated barcode, a 75 % module, an 8-digit code also readable as EAN-8."""

    image: QImage
    notes: tuple[str, ...]
    module_mm: float


def preview_label(
    template_name: str, product: LabelProduct, dpi: Dpi, today: dt.date | None = None
) -> Preview:
    """Raises LabelError (TemplateError, UnprintableBarcode, BarcodeDoesNotFit, ...)."""
    from app.labels import render

    template = load_template(template_name)
    layout = layout_label(template, product, dpi, today or dt.date.today())
    return Preview(
        render.render_label_image(layout),
        tuple(layout.notes),
        layout.barcode.module_mm,
    )


_gc_lock = threading.Lock()
_gc_pausers = 0
_gc_was_enabled = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Keep Python's cycle collector off while a job is laid out and drawn.

    A job allocates a few hundred thousand small objects (bars, text items, plans)
    that are freed by reference counting; each allocation burst otherwise sets off
    collections that walk every object in the process, which cost about a quarter
    of the time of a 1,000-label PDF (tests/benchmarks/bench_labels.py). Counted, so
    jobs on two threads at once leave the collector as they found it.
    """
    global _gc_pausers, _gc_was_enabled
    with _gc_lock:
        if _gc_pausers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0 and _gc_was_enabled:
                gc.enable()


def page_mm(job: PrintJob) -> tuple[float, float]:
    return job.template.page_width_mm, job.template.page_height_mm


def write_job(job: PrintJob, path: Path) -> list[Path]:
    """Write a job as PDF, PNG (one file per page) or ZPL, chosen by the suffix.
    Returns the files written."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(
            f"cannot tell the output format of {path.name}; use a name ending in "
            + ", ".join(SUFFIXES),
            path=str(path),
        )
    if suffix == ".zpl":
        from app.labels import zpl

        zpl.write_zpl(zpl_labels(job), path)
        return [path]

    from app.labels import render

    with cyclic_gc_paused():
        pages = build_pages(job)
        if suffix == ".pdf":
            render.write_pdf(pages, path, page_mm(job), job.template.name)
            return [path]
        return render.write_png(pages, path)


def zpl_labels(job: PrintJob) -> list[str]:
    """One ZPL label per distinct label, with `^PQ` for its copies. A sheet template
    makes no sense on a roll printer, so only single-label templates are accepted."""
    from app.labels import render, zpl

    if job.template.sheet is not None:
        raise OutputError(
            f"template {job.template.name} is a sheet for office printers; ZPL is for "
            "thermal roll printers: choose a thermal template",
            template=job.template.name,
        )
    out = []
    layouts = build_layouts(job)
    index = 0
    for item in job.items:
        image = render.render_label_image(layouts[index])
        out.append(zpl.image_to_zpl(image, copies=item.quantity))
        index += item.quantity
    return out


def send_job_zpl(
    job: PrintJob, host: str, port: int = 9100, timeout: float = 10.0
) -> None:
    from app.labels import zpl

    zpl.send_zpl(zpl_labels(job), host, port, timeout)


def print_job(job: PrintJob, printer: QPrinter) -> None:
    """Print on a configured QPrinter; raises PrinterPageMismatch before printing
    anything when the driver will not take the label's exact page."""
    from app.labels import printing

    printing.print_pages(printer, build_pages(job), page_mm(job), job.template.name)


def print_jobs(jobs: Sequence[PrintJob], printer: QPrinter) -> None:
    """Print a queue's jobs (one per template). A printer writing a PDF file gets
    them all in that one file, each page at its template's size; a real printer gets
    one print job per template, each checked for its page size before it prints."""
    from PySide6.QtPrintSupport import QPrinter

    from app.labels import printing

    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat:
        for job in jobs:
            print_job(job, printer)
        return
    with cyclic_gc_paused():
        runs = [
            printing.PageRun(build_pages(job), page_mm(job), job.template.name)
            for job in jobs
        ]
        printing.print_runs(printer, runs)
