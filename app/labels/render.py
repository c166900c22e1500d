"""Qt drawing adapter: paints `geometry` layouts onto QImage, QPdfWriter or QPrinter.

Everything is drawn in printer dots; the painter is scaled from the device's
resolution to the printer's, so a bar that is 3 dots wide at 203 dpi stays 3 dots on
the printer. Bars are filled rectangles with anti-aliasing off. Only QtCore/QtGui are
used (no widgets), so rendering may run on a worker thread; a QGuiApplication must
exist (fonts), see `ensure_gui_application`.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)

from app.labels.errors import OutputError
from app.labels.geometry import (
    MM_PER_INCH,
    Dpi,
    LabelLayout,
    Page,
    Placed,
    Rect,
    TextItem,
    wrap_text,
)

logger = logging.getLogger(__name__)

PLAN_CACHE_SIZE = 4096
FULL_WIDTH = 100  # QFont stretch of unstretched glyphs
ADVANCE_CACHE_SIZE = 65536
MIN_FIT_SCALE = 0.6  # text shrinks to fit its box, never below 60 % of its size
BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a
    display) for command-line use. Call on the main thread."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["komora-labels"])
    return app  # type: ignore[return-value]


_FontKey = tuple[int, bool, int]  # pixel size (y dots), bold, stretch %


class _Face(NamedTuple):
    """A font with the metrics a plan needs, asked of Qt once per font."""

    font: QFont
    metrics: QFontMetrics
    ascent: int
    height: int


@dataclass
class _Plan:
    layout: LabelLayout  # held so that its id() is not reused while cached
    rects: tuple[Rect, ...]
    texts: list[tuple[QFont, QPointF, str]]


class LabelPainter:
    """Draws layouts with a painter; keeps fonts and wrapped lines between labels.

    Text is sized in y dots. On a printer whose x and y resolutions differ the font
    is stretched (`QFont.setStretch`) so glyphs keep their shape on paper while they
    are still rasterised at device pixels, without a transform or smoothing.
    """

    def __init__(self, font_family: str = "DejaVu Sans") -> None:
        self._family = font_family
        self._fonts: dict[_FontKey, _Face] = {}
        self._lines: dict[
            tuple[str, _FontKey, int, bool, int],
            tuple[_FontKey, list[tuple[str, int]]],
        ] = {}
        self._plans: dict[int, _Plan] = {}
        self._advances: dict[tuple[_FontKey, str], int] = {}

    def _font(self, key: _FontKey) -> _Face:
        found = self._fonts.get(key)
        if found is None:
            px, bold, stretch = key
            font = QFont(self._family)
            font.setPixelSize(max(1, px))
            font.setBold(bold)
            if stretch != FULL_WIDTH:
                font.setStretch(stretch)
            font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
            metrics = QFontMetrics(font)
            found = _Face(font, metrics, metrics.ascent(), metrics.height())
            self._fonts[key] = found
        return found

    def _advance(self, key: _FontKey, text: str) -> int:
        found = self._advances.get((key, text))
        if found is None:
            found = self._font(key).metrics.horizontalAdvance(text)
            if len(self._advances) > ADVANCE_CACHE_SIZE:
                self._advances.clear()
            self._advances[(key, text)] = found
        return found

    def _fitted(
        self, item: TextItem, stretch: int
    ) -> tuple[_FontKey, list[tuple[str, int]]]:
        """Font and (line, advance) pairs for a text item in its box."""
        width = item.rect.width
        key: _FontKey = (item.font_px, item.bold, stretch)
        cache_key = (item.text, key, item.max_lines, item.fit, width)
        found = self._lines.get(cache_key)
        if found is not None:
            return found
        advance = self._advance(key, item.text)
        if item.fit and advance > width:
            # Advances grow about linearly with the size: one guess, then steps.
            px, smallest = item.font_px, max(1, int(item.font_px * MIN_FIT_SCALE))
            px = max(smallest, min(px - 1, px * width // advance))
            key = (px, item.bold, stretch)
            while px > smallest and self._advance(key, item.text) > width:
                px -= 1
                key = (px, item.bold, stretch)
            advance = self._advance(key, item.text)
        if advance <= width:
            lines = [(item.text, advance)]
        else:
            wrapped = wrap_text(
                item.text, width, item.max_lines, lambda t: self._advance(key, t)
            )
            lines = [(line, self._advance(key, line)) for line in wrapped]
        found = (key, lines)
        if len(self._lines) > PLAN_CACHE_SIZE:
            self._lines.clear()
        self._lines[cache_key] = found
        return found

    def _plan(self, layout: LabelLayout) -> _Plan:
        """What to draw for a layout, worked out once: fonts chosen, lines wrapped,
        text positions resolved, so copies and repeats cost only the drawing calls."""
        plan = self._plans.get(id(layout))
        if plan is not None and plan.layout is layout:
            return plan
        stretch = round(FULL_WIDTH * layout.dpi.x / layout.dpi.y)
        texts: list[tuple[QFont, QPointF, str]] = []
        for item in layout.texts:
            key, lines = self._fitted(item, stretch)
            face = self._font(key)
            x, top, width = item.rect.x, item.rect.y + face.ascent, item.rect.width
            align = item.align
            for number, (line, advance) in enumerate(lines):
                shift: float = 0
                if align == "right":
                    shift = width - advance
                elif align in ("centre", "center"):
                    shift = (width - advance) / 2
                point = QPointF(x + shift, top + number * face.height)
                texts.append((face.font, point, line))
        if len(self._plans) > PLAN_CACHE_SIZE:
            self._plans.clear()
        plan = _Plan(layout, (*layout.bars, *layout.rules), texts)
        self._plans[id(layout)] = plan
        return plan

    def paint_label(
        self, painter: QPainter, layout: LabelLayout, x: int, y: int
    ) -> None:
        """Paint one label with its top-left corner at (x, y) printer dots."""
        plan = self._plan(layout)
        if x or y:
            painter.translate(x, y)
        for rect in plan.rects:
            painter.fillRect(*rect, BLACK)
        painter.setPen(BLACK)
        current = None
        for font, point, line in plan.texts:
            if font is not current:
                painter.setFont(font)
                current = font
            painter.drawText(point, line)
        if x or y:
            painter.translate(-x, -y)

    def paint_page(self, painter: QPainter, page: Page) -> None:
        for placed in page.labels:
            self.paint_label(painter, placed.layout, placed.x, placed.y)


def prepare_painter(painter: QPainter, device: QPaintDevice, dpi: Dpi) -> None:
    """No anti-aliasing; one unit = one printer dot on any device."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    scale_x = device.logicalDpiX() / dpi.x
    scale_y = device.logicalDpiY() / dpi.y
    if (scale_x, scale_y) != (1, 1):
        painter.scale(scale_x, scale_y)


def render_page_image(page: Page, painter_cache: LabelPainter | None = None) -> QImage:
    """A page as an 8-bit grey image of exactly the page's dots at the printer's DPI."""
    image = QImage(page.width, page.height, QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(round(page.dpi.x / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(page.dpi.y / MM_PER_INCH * 1000))
    image.fill(WHITE)
    label_painter = painter_cache or LabelPainter()
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
        label_painter.paint_page(painter, page)
    finally:
        painter.end()
    return image


def render_label_image(layout: LabelLayout) -> QImage:
    """One label alone, the size of the label (a preview or a thermal raster)."""
    page = Page(layout.width, layout.height, layout.dpi, (Placed(0, 0, layout),))
    return render_page_image(page)


def page_size(width_mm: float, height_mm: float, name: str) -> QPageSize:
    """A custom page size, matched exactly (no rounding to a known paper size)."""
    return QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def page_layout(width_mm: float, height_mm: float, name: str) -> QPageLayout:
    """Full page, zero margins; a landscape label is a portrait size turned."""
    landscape = width_mm > height_mm
    size = (
        page_size(height_mm, width_mm, name)
        if landscape
        else page_size(width_mm, height_mm, name)
    )
    orientation = (
        QPageLayout.Orientation.Landscape
        if landscape
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def write_pdf(
    pages: Sequence[Page], path: Path, page_mm: tuple[float, float], title: str = ""
) -> None:
    """A PDF, one page per `Page`, each exactly `page_mm` (width, height) in size."""
    if not pages:
        raise OutputError("nothing to write: no labels")
    try:
        # Opened first, so a folder that cannot be written fails before any drawing.
        target = path.open("wb")
    except OSError as error:
        raise OutputError(
            f"cannot write the PDF {path}: {error}", path=str(path)
        ) from error
    with target:
        data = _pdf_bytes(pages, page_mm, title)
        try:
            target.write(exact_page_boxes(data, [page_mm]))
        except OSError as error:
            raise OutputError(
                f"cannot write the PDF {path}: {error}", path=str(path)
            ) from error
    logger.info("wrote %d label page(s) to %s", len(pages), path)


def _pdf_bytes(
    pages: Sequence[Page], page_mm: tuple[float, float], title: str
) -> bytes:
    """The PDF as Qt writes it, drawn into memory (the page boxes are fixed before
    the file is written, so it is written once, not written, read and rewritten)."""
    dpi = pages[0].dpi
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(max(dpi.x, dpi.y))
    writer.setTitle(title)
    writer.setCreator("Komora")
    writer.setPageLayout(page_layout(page_mm[0], page_mm[1], title or "label"))
    label_painter = LabelPainter()
    painter = QPainter()
    if not painter.begin(writer):
        raise OutputError("Qt could not start a PDF")
    try:
        prepare_painter(painter, writer, dpi)
        for number, page in enumerate(pages):
            if number:
                writer.newPage()
            label_painter.paint_page(painter, page)
    finally:
        painter.end()
    return bytes(buffer.data().data())


_BOX = re.compile(
    rb"/(MediaBox|CropBox|TrimBox|BleedBox|ArtBox) \[0 0 (\d+)\.0+ (\d+)\.0+\]"
)
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def exact_page_boxes(pdf: bytes, sizes_mm: Sequence[tuple[float, float]]) -> bytes:
    """Give every page of a Qt-written PDF exactly its size in `sizes_mm` (width,
    height): the one whose whole-point page Qt wrote is nearest.

    Qt's PDF engine (6.11) writes the page boxes in whole points: a 58 × 40 mm label
    becomes 57.86 × 39.86 mm, and a driver that fits that page to the label scales
    the bars by 0.3 %, off the printer's dots. Qt draws from the top of its rounded
    page, so the box keeps that top edge and moves its bottom; the cross-reference
    offsets are recomputed for the longer box text.
    """
    sizes_pt = [(w * 72 / MM_PER_INCH, h * 72 / MM_PER_INCH) for w, h in sizes_mm]
    shifts: list[tuple[int, int]] = []  # (position in the old file, bytes added)

    def exact(match: re.Match[bytes]) -> bytes:
        top = int(match.group(3))
        width_pt, height_pt = min(
            sizes_pt,
            key=lambda size: abs(size[0] - int(match.group(2))) + abs(size[1] - top),
        )
        text = (
            f"/{match.group(1).decode()} [0 {top - height_pt:.6f} {width_pt:.6f} {top}]"
        ).encode()
        shifts.append((match.start(), len(text) - len(match.group(0))))
        return text

    fixed = _BOX.sub(exact, pdf)
    if not shifts:
        return pdf

    starts = [at for at, _ in shifts]
    totals = list(itertools.accumulate(added for _, added in shifts))

    def moved(offset: int) -> int:
        before = bisect.bisect_left(starts, offset)
        return offset + (totals[before - 1] if before else 0)

    xref_at = fixed.rfind(b"\nxref\n")
    if xref_at < 0:
        raise OutputError("the PDF has no cross-reference table to update")
    head, table = fixed[:xref_at], fixed[xref_at:]
    table = _XREF_ENTRY.sub(
        lambda m: b"%010d %s n" % (moved(int(m.group(1))), m.group(2)), table
    )
    table = _STARTXREF.sub(lambda m: b"startxref\n%d" % moved(int(m.group(1))), table)
    return head + table


def png_paths(path: Path, count: int) -> list[Path]:
    """`labels.png` -> `labels-001.png`, `labels-002.png`, ..."""
    digits = max(3, len(str(count)))
    return [
        path.with_name(f"{path.stem}-{n:0{digits}d}{path.suffix}")
        for n in range(1, count + 1)
    ]


def write_png(pages: Sequence[Page], path: Path) -> list[Path]:
    """One PNG per page at the printer's DPI, named with the page number."""
    if not pages:
        raise OutputError("nothing to write: no labels")
    label_painter = LabelPainter()
    written = []
    for page, target in zip(pages, png_paths(path, len(pages)), strict=True):
        image = render_page_image(page, label_painter)
        # The stubs want bytes for the format; PySide6 6.11 accepts only str.
        saved = image.save(str(target), "PNG")  # type: ignore[call-overload]
        if not saved:
            raise OutputError(f"cannot write the image {target}", path=str(target))
        written.append(target)
    logger.info("wrote %d label page(s) as PNG next to %s", len(written), path)
    return written


def render_images(pages: Iterable[Page]) -> list[QImage]:
    label_painter = LabelPainter()
    return [render_page_image(page, label_painter) for page in pages]
