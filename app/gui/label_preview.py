"""The print preview: pages rendered at the printer's DPI, shown one at a time.

The pages are rendered off the GUI thread (`render_preview`, run by the task runner)
as the same grey images the PNG output writes, so the preview shows every printer dot
as it will print, bars and all; the dialog only scales them for the screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.labels.geometry import LabelNote, NoteKind
from app.labels.queue import PrintJob, build_layouts, build_pages

logger = logging.getLogger(__name__)

PREVIEW_PAGE_LIMIT = 20  # pages rendered for a preview; the rest are only counted


@dataclass(frozen=True)
class PreviewPage:
    image: QImage
    template_name: str
    width_mm: float
    height_mm: float
    number: int  # 1-based within its job
    of: int


@dataclass(frozen=True)
class PreviewSet:
    pages: tuple[PreviewPage, ...]
    total_pages: int
    label_count: int
    notes: tuple[LabelNote, ...]  # from the label layer (truncated bars, ...)


def render_preview(jobs: list[PrintJob], limit: int = PREVIEW_PAGE_LIMIT) -> PreviewSet:
    """Worker thread: lay out and render the first `limit` pages of the jobs."""
    from app.labels import render

    pages: list[PreviewPage] = []
    notes: list[LabelNote] = []
    total = 0
    labels = 0
    for job in jobs:
        job_pages = build_pages(job)
        total += len(job_pages)
        labels += job.label_count
        for layout in build_layouts(job):
            for note in layout.label_notes:
                if note not in notes:
                    notes.append(note)
        room = max(0, limit - len(pages))
        for number, image in enumerate(render.render_images(job_pages[:room]), 1):
            pages.append(
                PreviewPage(
                    image,
                    job.template.name,
                    job.template.page_width_mm,
                    job.template.page_height_mm,
                    number,
                    len(job_pages),
                )
            )
    return PreviewSet(tuple(pages), total, labels, tuple(notes))


class LabelPreviewDialog(QDialog):
    """Shows a `PreviewSet` page by page, fitted to the window."""

    def __init__(self, preview: PreviewSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPreview")
        self.setWindowTitle(self.tr("Label preview"))
        self.preview = preview
        self.index = 0

        self.info = QLabel()
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("previewNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #7a4b00;")
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setStyleSheet("background: #8a8a8a; padding: 12px;")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page_label)

        self.previous_button = QPushButton(self.tr("◀ &Previous page"))
        self.next_button = QPushButton(self.tr("&Next page ▶"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.notes)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.notes.setText(self._notes_text())
        self.notes.setVisible(bool(preview.notes))
        self.resize(760, 720)
        self.show_page(0)

    def _notes_text(self) -> str:
        return "\n".join(f"• {note_text(note)}" for note in self.preview.notes)

    def show_page(self, index: int) -> None:
        pages = self.preview.pages
        if not pages:
            self.info.setText(self.tr("Nothing to preview."))
            return
        self.index = max(0, min(index, len(pages) - 1))
        page = pages[self.index]
        self.info.setText(
            QCoreApplication.translate(
                "LabelPreviewDialog",
                "%1 — page %2 of %3, %4 × %5 mm at %6 dpi; %7 labels on %8 pages "
                "in all",
            )
            .replace("%1", page.template_name)
            .replace("%2", str(page.number))
            .replace("%3", str(page.of))
            .replace("%4", f"{page.width_mm:g}")
            .replace("%5", f"{page.height_mm:g}")
            .replace("%6", _dpi_text(page.image))
            .replace("%7", str(self.preview.label_count))
            .replace("%8", str(self.preview.total_pages))
        )
        self._show_image(page.image)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(pages) - 1)

    def _show_image(self, image: QImage) -> None:
        room_w = max(200, self.width() - 80)
        room_h = max(200, self.height() - 180)
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > room_w or pixmap.height() > room_h:
            # Smooth scaling for the screen only; the print path never scales.
            pixmap = pixmap.scaled(
                room_w,
                room_h,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.page_label.setPixmap(pixmap)

    @Slot()
    def _on_previous_clicked(self) -> None:
        self.show_page(self.index - 1)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.show_page(self.index + 1)


def note_text(note: LabelNote) -> str:
    """A label layer note in the user's words, from its kind and value."""
    if note.kind is NoteKind.MISSING_PRICE:
        return QCoreApplication.translate(
            "LabelPreviewDialog",
            "No price at the template's price level: the price is left blank.",
        )
    if note.kind is NoteKind.TRUNCATED:
        return QCoreApplication.translate(
            "LabelPreviewDialog",
            "Barcode truncated: bars %1 mm high, below the GS1 minimum.",
        ).replace("%1", f"{note.value_mm:.1f}")
    if note.kind is NoteKind.MODULE_75:
        return QCoreApplication.translate(
            "LabelPreviewDialog",
            "75 % module (%1 mm) for a thermal printer, with widened quiet zones.",
        ).replace("%1", f"{note.value_mm:.3f}")
    # FIXME(label-notes): a symbol's own warning (a code also readable as EAN-8, GS1
    # data after the GTIN not used) is the domain reader's English sentence: only
    # its lead is translated until `Reading.warning` gives a kind and values.
    return QCoreApplication.translate(
        "LabelPreviewDialog", "About this barcode: %1"
    ).replace("%1", note.text)


def _dpi_text(image: QImage) -> str:
    x = round(image.dotsPerMeterX() * 0.0254)
    y = round(image.dotsPerMeterY() * 0.0254)
    return str(x) if x == y else f"{x}×{y}"
