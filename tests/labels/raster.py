"""Reading rendered labels back: pixel rows, runs of dots, and zxing-cpp decoding."""

from __future__ import annotations

from dataclasses import dataclass

import zxingcpp
from PySide6.QtGui import QImage

from app.domain.gtin import upce_to_upca
from app.labels.symbols import Kind

INK = 128  # grey below this is a printed dot


def grey_rows(image: QImage) -> tuple[bytes, int]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return bytes(grey.constBits()), grey.bytesPerLine()


def row_ink(image: QImage, y: int) -> list[bool]:
    data, stride = grey_rows(image)
    row = data[y * stride : y * stride + image.width()]
    return [value < INK for value in row]


def runs_of(ink: list[bool], start: int, end: int) -> list[tuple[bool, int]]:
    """(is_ink, length) runs of ink[start:end]."""
    out: list[tuple[bool, int]] = []
    for value in ink[start:end]:
        if out and out[-1][0] == value:
            out[-1] = (value, out[-1][1] + 1)
        else:
            out.append((value, 1))
    return out


def module_runs(modules: str) -> list[tuple[bool, int]]:
    return runs_of([m == "1" for m in modules], 0, len(modules))


@dataclass(frozen=True)
class Decoded:
    text: str
    format: str
    identifier: str


def decode(image: QImage, add_on: bool) -> list[Decoded]:
    mode = zxingcpp.EanAddOnSymbol.Require if add_on else zxingcpp.EanAddOnSymbol.Ignore
    # Read at the printer's resolution only: zxing-cpp's own downscaled passes average
    # 14-dot modules (600 dpi) onto fractional pixels and once read a "12" add-on as
    # "42" beside the right reading; a scanner sees the printed dots, not that.
    found = zxingcpp.read_barcodes(
        image.convertToFormat(QImage.Format.Format_Grayscale8),
        try_downscale=False,
        ean_add_on_symbol=mode,
        text_mode=zxingcpp.TextMode.Plain,
    )
    return [Decoded(b.text, b.format.name, b.symbology_identifier) for b in found]


def expected_text(kind: Kind, bar_code: str, add_on: str | None) -> str:
    """What zxing-cpp 3 reports: UPC-A and UPC-E as their 13-digit EAN form (UPC-E
    expanded), the add-on's digits appended."""
    if kind is Kind.UPCA:
        main = "0" + bar_code
    elif kind is Kind.UPCE:
        main = "0" + upce_to_upca(bar_code)
    else:
        main = bar_code
    return main + (add_on or "")
