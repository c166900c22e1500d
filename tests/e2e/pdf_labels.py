"""Reading printed labels back out of a PDF: barcodes by zxing-cpp, text by poppler.

Each page is rasterised with `pdftoppm` at the resolution the job was printed for
(the printer's DPI), so every module is the whole number of dots the printer would
burn. A sheet page is cut into its label cells with the template's own geometry
(`Sheet.label_origin_mm`); a thermal page is one label. In each cell:

- the barcode is decoded twice: with `EanAddOnSymbol.Require` (finds a symbol only
  together with its add-on) and, when that finds nothing, with `Ignore` (the main
  code). So a label with an add-on reads as code + add-on, one without as the code
  alone, and a missing or extra add-on shows as a difference;
- the words come from `pdftotext -bbox` (the PDF keeps the label's text as text),
  and the price is the number written in the template's price box ("48,90 грн").
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import zxingcpp
from PIL import Image

from app.labels.templates import Box, Template

MM_PER_INCH = 25.4
POINTS_PER_MM = 72 / MM_PER_INCH
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
    r"(.*?)</word>"
)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_AMOUNT = re.compile(r"^\d{1,3}(?:[\u202f\u00a0 ]?\d{3})*,\d{2}$")
_MAIN_LENGTHS = {"EAN13": 13, "EAN8": 8, "UPCA": 13, "UPCE": 13}


class PdfToolMissingError(RuntimeError):
    """poppler-utils (pdftoppm, pdftotext) is not installed."""


@dataclass(frozen=True)
class Word:
    text: str
    x_mm: float  # centre, from the page's top-left corner
    y_mm: float


@dataclass(frozen=True)
class PrintedLabel:
    """One label as read back from the PDF."""

    page: int  # 0-based
    cell: int  # 0-based position on its page (row by row)
    bar_code: str | None  # None: no barcode could be read
    add_on: str | None
    symbology: str | None
    price: Decimal | None  # the amount in the template's price box
    words: tuple[str, ...]

    @property
    def key(self) -> tuple[str | None, str | None, Decimal | None]:
        return (self.bar_code, self.add_on, self.price)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PdfToolMissingError(
            f"{name} is needed: install the Debian package poppler-utils"
        )
    return path


def rasterise(pdf: Path, dpi: int, folder: Path) -> list[Image.Image]:
    """Every page as a greyscale image at `dpi`, in page order."""
    prefix = folder / "page"
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=300,
    )
    files = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    return [Image.open(f).convert("L") for f in files]


def page_words(pdf: Path) -> list[list[Word]]:
    """The words of each page with their centres in millimetres."""
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"],
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    pages = []
    for page in _PAGE.findall(out):
        words = []
        for x0, y0, x1, y1, text in _WORD.findall(page):
            words.append(
                Word(
                    html.unescape(text),
                    (float(x0) + float(x1)) / 2 / POINTS_PER_MM,
                    (float(y0) + float(y1)) / 2 / POINTS_PER_MM,
                )
            )
        pages.append(words)
    return pages


def decode_cell(image: Image.Image) -> tuple[str | None, str | None, str | None]:
    """(main code, add-on, symbology) of the one barcode in `image`."""
    for mode in (zxingcpp.EanAddOnSymbol.Require, zxingcpp.EanAddOnSymbol.Ignore):
        found = zxingcpp.read_barcodes(
            image,
            try_downscale=False,
            ean_add_on_symbol=mode,
            text_mode=zxingcpp.TextMode.Plain,
        )
        if len(found) > 1:
            texts = [b.text for b in found]
            raise AssertionError(f"one label holds more than one barcode: {texts}")
        if found:
            symbol = found[0]
            kind = symbol.format.name
            length = _MAIN_LENGTHS.get(kind, len(symbol.text))
            main, add_on = symbol.text[:length], symbol.text[length:] or None
            if mode is zxingcpp.EanAddOnSymbol.Ignore:
                add_on = None
            return main, add_on, kind
    return None, None, None


def _inside(word: Word, left: float, top: float, box: Box) -> bool:
    return (
        left + box.x_mm <= word.x_mm <= left + box.right_mm
        and top + box.y_mm <= word.y_mm <= top + box.bottom_mm
    )


def price_in(words: list[Word], left: float, top: float, box: Box) -> Decimal | None:
    """The amount written in the price box ("1 234,50" -> Decimal("1234.50"))."""
    texts = [w.text for w in words if _inside(w, left, top, box)]
    joined = " ".join(texts)
    match = re.search(r"(\d{1,3}(?:[\u202f\u00a0 ]\d{3})*|\d+),(\d{2})", joined)
    if match is None:
        return None
    whole = re.sub(r"\D", "", match.group(1))
    return Decimal(f"{whole}.{match.group(2)}")


def read_labels(pdf: Path, template: Template, dpi: int) -> list[PrintedLabel]:
    """Every printed label of `pdf` (blank sheet cells skipped), page by page."""
    price_field = template.field("price")
    price_box = price_field.box if price_field is not None else None
    labels: list[PrintedLabel] = []
    with tempfile.TemporaryDirectory(prefix="komora-pdf-") as folder:
        images = rasterise(pdf, dpi, Path(folder))
        words_by_page = page_words(pdf)
        if len(words_by_page) != len(images):
            raise AssertionError(
                f"pdftotext saw {len(words_by_page)} pages, pdftoppm {len(images)}"
            )
        per_page = template.sheet.labels_per_page if template.sheet else 1
        for number, (image, words) in enumerate(
            zip(images, words_by_page, strict=True)
        ):
            for cell in range(per_page):
                if template.sheet is not None:
                    left, top = template.sheet.label_origin_mm(cell)
                else:
                    left, top = 0.0, 0.0
                box = (
                    round(left * dpi / MM_PER_INCH),
                    round(top * dpi / MM_PER_INCH),
                    round((left + template.width_mm) * dpi / MM_PER_INCH),
                    round((top + template.height_mm) * dpi / MM_PER_INCH),
                )
                cell_words = [
                    w
                    for w in words
                    if left <= w.x_mm < left + template.width_mm
                    and top <= w.y_mm < top + template.height_mm
                ]
                main, add_on, kind = decode_cell(image.crop(box))
                if main is None and not cell_words:
                    continue  # an unused cell of the last sheet
                price = (
                    price_in(cell_words, left, top, price_box) if price_box else None
                )
                labels.append(
                    PrintedLabel(
                        number,
                        cell,
                        main,
                        add_on,
                        kind,
                        price,
                        tuple(w.text for w in cell_words),
                    )
                )
    return labels
