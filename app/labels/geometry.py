"""Label layout as plain geometry in printer dots: no Qt here.

A layout is computed for one printer resolution (x and y taken separately): every bar
is a whole-dot rectangle, every module the same whole number of dots. The Qt adapter
(`render.py`) and the ZPL writer only draw what this module decides.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from app.labels import symbols
from app.labels.content import LabelProduct, field_values
from app.labels.errors import BarcodeDoesNotFit, LabelError

if TYPE_CHECKING:
    from app.labels.templates import Template

MM_PER_INCH = 25.4
# GS1: nominal EAN/UPC module 0.330 mm; retail range 80-200 %; 75 % for labels printed
# on demand by thermal printers, with the quiet zones widened to the 80 % width.
MODULE_NOMINAL_MM = 0.330
MODULE_MIN_80_MM = 0.264
MODULE_MIN_75_MM = 0.250
MODULE_MAX_MM = 0.660
# GS1: minimum bar heights at the 80 % module (EAN-8 is shorter).
MIN_BAR_MM: dict[symbols.Kind, float] = {
    symbols.Kind.EAN13: 18.28,
    symbols.Kind.UPCA: 18.28,
    symbols.Kind.UPCE: 18.28,
    symbols.Kind.EAN8: 14.58,
}
MAIN_MODULES = {"EAN-13": 95, "UPC-A": 95, "EAN-8": 67, "UPC-E": 51}
ADD_ON_MODULES = {2: 20, 5: 47}
TEXT_GAP_MM = 0.3  # between the bar bottoms and the digits
GUARD_EXTENSION_MODULES = 5  # GS1: guard bars reach 5 modules below the other bars


@dataclass(frozen=True)
class Dpi:
    x: int
    y: int

    def __str__(self) -> str:
        return str(self.x) if self.x == self.y else f"{self.x}x{self.y}"

    def x_dots(self, mm: float) -> int:
        return round(mm * self.x / MM_PER_INCH)

    def y_dots(self, mm: float) -> int:
        return round(mm * self.y / MM_PER_INCH)

    def x_mm(self, dots: float) -> float:
        return dots * MM_PER_INCH / self.x

    def y_mm(self, dots: float) -> float:
        return dots * MM_PER_INCH / self.y


def parse_dpi(text: str) -> Dpi:
    """`203`, `300x600` (x by y)."""
    match = re.fullmatch(r"\s*([0-9]+)\s*(?:[xX×]\s*([0-9]+))?\s*", text)
    if not match:
        raise ValueError(f"resolution {text!r} is not N or NxM dots per inch, e.g. 203")
    x = int(match.group(1))
    y = int(match.group(2) or x)
    if not (72 <= x <= 2400 and 72 <= y <= 2400):
        raise ValueError(f"resolution {text!r} is outside 72-2400 dpi")
    return Dpi(x, y)


def retail_size(size: str) -> tuple[int, float]:
    """`EAN-13+5` -> (modules with quiet zones, minimum bar height in mm)."""
    main, _, add_on = size.partition("+")
    kind = {k.value: k for k in symbols.Kind}.get(main)
    if kind is None or kind is symbols.Kind.CODE128 or add_on not in ("", "2", "5"):
        raise ValueError(
            f"unknown barcode size {size!r}; use EAN-13, EAN-8, UPC-A or UPC-E, "
            "optionally with +2 or +5"
        )
    q_left, q_right = symbols.QUIET_ZONES[kind]
    modules = q_left + MAIN_MODULES[main]
    if add_on:
        modules += symbols.ADD_ON_GAP + ADD_ON_MODULES[int(add_on)]
        modules += symbols.ADD_ON_RIGHT_CLEAR
    else:
        modules += q_right
    return modules, MIN_BAR_MM[kind]


def bar_height_mm(box_height_mm: float, digits_mm: float) -> float:
    """Height of the ordinary bars in a barcode box whose bottom holds the digits."""
    return box_height_mm - digits_mm - TEXT_GAP_MM


# --- layout items -------------------------------------------------------------------


class Rect(NamedTuple):
    """A whole-dot rectangle. A named tuple, not a dataclass: a label has dozens of
    bars, and a tuple is made several times faster (and unpacks straight into
    `QPainter.fillRect`)."""

    x: int
    y: int
    width: int
    height: int


class TextItem(NamedTuple):
    """Text to draw in a box. With `fit` the adapter shrinks the font (never below
    60 %) to the width; text is wrapped to `max_lines` and ends with an ellipsis.
    (A named tuple for speed, like `Rect`: a label has about ten.)"""

    rect: Rect
    text: str
    font_px: int  # pixel size in y dots
    bold: bool = False
    align: str = "left"
    max_lines: int = 1
    fit: bool = False


@dataclass(frozen=True)
class BarcodePlacement:
    symbol: symbols.Symbol
    module_dots: int  # x dots per module
    module_mm: float
    quiet_left_dots: int
    quiet_right_dots: int
    x: int  # first module of the main symbol, label dots
    bar_top: int
    bar_height: int  # ordinary bars, y dots
    bar_height_mm: float
    truncated: bool  # below GS1's minimum bar height
    widened_quiet_zones: bool  # 75 % module: quiet zones widened to the 80 % width


class NoteKind(StrEnum):
    MISSING_PRICE = "missing_price"  # no price at the template's level: left blank
    READING = "reading"  # the symbol's own warning (a code readable two ways, ...)
    TRUNCATED = "truncated"  # bars below GS1's minimum height; value_mm: their height
    MODULE_75 = "module_75"  # 75 % module, quiet zones widened; value_mm: the module


@dataclass(frozen=True)
class LabelNote:
    """One thing the preview tells the user: a kind and its value for the GUI to
    word, and `text`, the English sentence."""

    kind: NoteKind
    text: str
    value_mm: float | None = None


@dataclass(frozen=True)
class LabelLayout:
    width: int
    height: int
    dpi: Dpi
    bars: tuple[Rect, ...]
    rules: tuple[Rect, ...]  # lines: signature, frame
    texts: tuple[TextItem, ...]
    barcode: BarcodePlacement
    missing_price: bool = False  # no price at the template's price level

    @property
    def label_notes(self) -> list[LabelNote]:
        """What the preview should tell the user about this label, typed."""
        out = []
        if self.missing_price:
            out.append(
                LabelNote(
                    NoteKind.MISSING_PRICE,
                    "no price at the template's price level: the price is blank",
                )
            )
        if self.barcode.symbol.warning:
            out.append(LabelNote(NoteKind.READING, self.barcode.symbol.warning))
        if self.barcode.truncated:
            mm = round(self.barcode.bar_height_mm, 1)
            out.append(
                LabelNote(
                    NoteKind.TRUNCATED,
                    f"barcode truncated: bars {mm:.1f} mm high, below the GS1 minimum",
                    mm,
                )
            )
        if self.barcode.widened_quiet_zones:
            mm = round(self.barcode.module_mm, 3)
            out.append(
                LabelNote(
                    NoteKind.MODULE_75,
                    f"75 % module ({mm:.3f} mm), quiet zones widened",
                    mm,
                )
            )
        return out

    @property
    def notes(self) -> list[str]:
        """The notes as English sentences (the CLI, the log)."""
        return [note.text for note in self.label_notes]


_BAR = re.compile("1+")


def runs(modules: str) -> list[tuple[int, int]]:
    """(start, length) of each bar in a module string."""
    return [(m.start(), m.end() - m.start()) for m in _BAR.finditer(modules)]


def choose_module_dots(
    total_modules: int, available_dots: int, dpi_x: int, min_module_mm: float
) -> tuple[int, int]:
    """(dots per module, symbol width in dots with quiet zones): the largest module that
    fits, never under `min_module_mm`; a module under 80 % keeps the 80 % width.
    Raises BarcodeDoesNotFit with the width needed."""
    dots_per_mm = dpi_x / MM_PER_INCH
    smallest = math.ceil(min_module_mm * dots_per_mm - 1e-9)
    largest = max(smallest, math.floor(MODULE_MAX_MM * dots_per_mm + 1e-9))
    width_80 = math.ceil(total_modules * MODULE_MIN_80_MM * dots_per_mm - 1e-9)
    for dots in range(largest, smallest - 1, -1):
        width = total_modules * dots
        if dots / dots_per_mm < MODULE_MIN_80_MM - 1e-9:
            width = max(width, width_80)
        if width <= available_dots:
            return dots, width
    width = max(total_modules * smallest, width_80)
    raise BarcodeDoesNotFit(
        f"the barcode needs {width / dots_per_mm:.1f} mm with its quiet zones at "
        f"{dpi_x} dpi ({total_modules} modules of {smallest} dots), but only "
        f"{available_dots / dots_per_mm:.1f} mm is free",
        needed_mm=round(width / dots_per_mm, 1),
        available_mm=round(available_dots / dots_per_mm, 1),
        module_dots=smallest,
    )


@dataclass(frozen=True)
class _SymbolFrame:
    """Where a symbol of one size goes on a template at one resolution (cached)."""

    dots: int
    x0: int
    q_left: int
    q_right: int
    extra: int
    box_y: int
    bar_h: int
    guard_h: int
    digits_px: int
    gap: int
    bar_mm: float
    truncated: bool


@lru_cache(maxsize=1024)
def _symbol_frame(
    template: Template,
    dpi: Dpi,
    kind: symbols.Kind,
    width_modules: int,
    quiet_left: int,
    quiet_right: int,
) -> _SymbolFrame:
    """Module size, clear space and bar heights for every code of this size; raises
    BarcodeDoesNotFit (without the code's digits: the caller adds them)."""
    spec = template.barcode
    total_modules = quiet_left + width_modules + quiet_right
    box_x, box_w = dpi.x_dots(spec.box.x_mm), dpi.x_dots(spec.box.width_mm)
    box_y, box_h = dpi.y_dots(spec.box.y_mm), dpi.y_dots(spec.box.height_mm)
    dots, width = choose_module_dots(
        total_modules, box_w, dpi.x, template.min_module_mm
    )

    # Widened quiet zones (75 % module) share the extra dots in proportion.
    extra = width - total_modules * dots
    extra_left = extra * quiet_left // (quiet_left + quiet_right)
    q_left = quiet_left * dots + extra_left
    q_right = quiet_right * dots + extra - extra_left
    # Centre the symbol in its box: the slack only widens the clear space.
    x0 = box_x + (box_w - width) // 2 + q_left

    digits_px = dpi.y_dots(spec.digits_mm)
    gap = dpi.y_dots(TEXT_GAP_MM)
    bar_h = box_h - digits_px - gap
    if bar_h <= 0:
        raise LabelError(f"template {template.name}: the barcode box is too low")
    module_y = max(1, dpi.y_dots(dots * MM_PER_INCH / dpi.x))
    guard_h = bar_h + min(GUARD_EXTENSION_MODULES * module_y, (digits_px + gap) // 2)

    bar_mm = dpi.y_mm(bar_h)
    min_mm = MIN_BAR_MM.get(kind)
    if min_mm is None:
        # ISO/IEC 15417 suggests Code 128 bars at least 15 % of the symbol's length.
        min_mm = 0.15 * dpi.x_mm(width_modules * dots)
    return _SymbolFrame(
        dots=dots,
        x0=x0,
        q_left=q_left,
        q_right=q_right,
        extra=extra,
        box_y=box_y,
        bar_h=bar_h,
        guard_h=guard_h,
        digits_px=digits_px,
        gap=gap,
        bar_mm=bar_mm,
        truncated=bar_mm + 1e-9 < min_mm,
    )


def _place_barcode(
    template: Template, symbol: symbols.Symbol, dpi: Dpi
) -> tuple[BarcodePlacement, list[Rect], list[TextItem]]:
    try:
        frame = _symbol_frame(
            template,
            dpi,
            symbol.kind,
            symbol.width_modules,
            symbol.quiet_left,
            symbol.quiet_right,
        )
    except BarcodeDoesNotFit as error:
        margin = template.width_mm - template.barcode.box.width_mm
        needed_label = error.params["needed_mm"] + margin
        raise BarcodeDoesNotFit(
            f"{symbol.kind} {symbol.bar_code}"
            + (f" + {symbol.ext_bar_code}" if symbol.ext_bar_code else "")
            + f" does not fit template {template.name} at {dpi} dpi: "
            + error.message
            + f"; it needs a label at least {needed_label:.1f} mm wide",
            **error.params,
            needed_label_mm=round(needed_label, 1),
        ) from None

    dots, x0, box_y = frame.dots, frame.x0, frame.box_y
    guards = symbol.guard_bars
    bars = [
        Rect(
            x0 + start * dots,
            box_y,
            length * dots,
            frame.guard_h if start in guards else frame.bar_h,
        )
        for start, length in runs(symbol.main)
    ]
    texts: list[TextItem] = []
    text_top = box_y + frame.bar_h + frame.gap
    digits_px = frame.digits_px
    for span in symbol.text:
        texts.append(
            TextItem(
                Rect(
                    x0 + span.start * dots,
                    text_top,
                    (span.end - span.start) * dots,
                    digits_px,
                ),
                span.text,
                round(digits_px * (0.75 if span.small else 1)),
                align="centre",
                fit=True,
            )
        )
    if symbol.add_on is not None:
        # GS1: add-on digits above its bars, which stop level with the guard bars.
        add_x = x0 + symbol.add_on_start * dots
        add_top = box_y + digits_px + frame.gap
        add_h = frame.guard_h - digits_px - frame.gap
        bars += [
            Rect(add_x + start * dots, add_top, length * dots, add_h)
            for start, length in runs(symbol.add_on)
        ]
        texts.append(
            TextItem(
                Rect(add_x, box_y, len(symbol.add_on) * dots, digits_px),
                symbol.ext_bar_code or "",
                digits_px,
                align="centre",
                fit=True,
            )
        )

    placement = BarcodePlacement(
        symbol=symbol,
        module_dots=dots,
        module_mm=dots * MM_PER_INCH / dpi.x,
        quiet_left_dots=frame.q_left,
        quiet_right_dots=frame.q_right,
        x=x0,
        bar_top=box_y,
        bar_height=frame.bar_h,
        bar_height_mm=frame.bar_mm,
        truncated=frame.truncated,
        widened_quiet_zones=frame.extra > 0,
    )
    return placement, bars, texts


@dataclass(frozen=True)
class _FieldFrame:
    name: str
    format: str
    rect: Rect
    font_px: int
    rule: Rect | None
    bold: bool
    align: str
    max_lines: int


@lru_cache(maxsize=256)
def _template_frame(
    template: Template, dpi: Dpi
) -> tuple[int, int, tuple[_FieldFrame, ...], tuple[Rect, ...]]:
    """The template's boxes in dots at one resolution: (width, height, fields, frame
    rules). Worked out once per template and resolution."""
    fields = []
    for spec in template.fields:
        rect = Rect(
            dpi.x_dots(spec.box.x_mm),
            dpi.y_dots(spec.box.y_mm),
            dpi.x_dots(spec.box.width_mm),
            dpi.y_dots(spec.box.height_mm),
        )
        rule = None
        if spec.line:
            thickness = max(1, dpi.y_dots(0.2))
            rule = Rect(rect.x, rect.y + rect.height - thickness, rect.width, thickness)
        fields.append(
            _FieldFrame(
                spec.name,
                spec.format,
                rect,
                max(1, dpi.y_dots(spec.font_mm)),
                rule,
                spec.bold,
                spec.align,
                spec.max_lines,
            )
        )
    width, height = dpi.x_dots(template.width_mm), dpi.y_dots(template.height_mm)
    frame_rules: tuple[Rect, ...] = ()
    if template.frame:
        t = max(1, dpi.x_dots(0.2))
        frame_rules = (
            Rect(0, 0, width, t),
            Rect(0, height - t, width, t),
            Rect(0, 0, t, height),
            Rect(width - t, 0, t, height),
        )
    return width, height, tuple(fields), frame_rules


@lru_cache(maxsize=8192)
def layout_label(
    template: Template, product: LabelProduct, dpi: Dpi, today: dt.date
) -> LabelLayout:
    """The label for one product at one printer resolution. Raises UnprintableBarcode,
    BarcodeDoesNotFit or EncodingMismatch (all LabelError)."""
    symbol = symbols.encode_symbol(product.bar_code, product.ext_bar_code)
    placement, bars, texts = _place_barcode(template, symbol, dpi)
    width, height, fields, frame_rules = _template_frame(template, dpi)

    values = field_values(product, template.price_level, today)
    rules: list[Rect] = []
    for spec in fields:
        if spec.name in ("price", "unit_price") and not values[spec.name]:
            continue
        if spec.rule is not None:
            rules.append(spec.rule)
        text = spec.format.format(**values)
        if text:
            texts.append(
                TextItem(
                    spec.rect,
                    text,
                    spec.font_px,
                    bold=spec.bold,
                    align=spec.align,
                    max_lines=spec.max_lines,
                    fit=spec.max_lines == 1,
                )
            )
    return LabelLayout(
        width=width,
        height=height,
        dpi=dpi,
        bars=tuple(bars),
        rules=(*rules, *frame_rules),
        texts=tuple(texts),
        barcode=placement,
        missing_price=not values["price"],
    )


# --- text ---------------------------------------------------------------------------


def wrap_text(
    text: str, max_width: float, max_lines: int, measure: Callable[[str], float]
) -> list[str]:
    """Break at spaces into at most `max_lines` lines no wider than `max_width`; the
    last line ends with an ellipsis when text is left over. A word wider than a line is
    cut."""
    if measure(text) <= max_width and "\n" not in text:
        return [text]
    words = text.split()
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words):
        candidate = f"{current} {words[i]}" if current else words[i]
        if measure(candidate) <= max_width:
            current = candidate
            i += 1
            continue
        if not current:  # one word wider than the line: cut it
            current = _cut(words[i], max_width, measure)
            words[i] = words[i][len(current) :]
            if not words[i]:
                i += 1
        lines.append(current)
        current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    if i < len(words) or current:
        lines[-1] = _with_ellipsis(lines[-1], max_width, measure)
    return lines


def _cut(word: str, max_width: float, measure: Callable[[str], float]) -> str:
    end = len(word)
    while end > 1 and measure(word[:end]) > max_width:
        end -= 1
    return word[:end]


def _with_ellipsis(line: str, max_width: float, measure: Callable[[str], float]) -> str:
    while line and measure(line.rstrip() + "…") > max_width:
        line = line[:-1]
    return line.rstrip() + "…"


# --- pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    x: int
    y: int
    layout: LabelLayout


@dataclass(frozen=True)
class Page:
    width: int
    height: int
    dpi: Dpi
    labels: tuple[Placed, ...]


def label_origin_dots(template: Template, slot: int, dpi: Dpi) -> tuple[int, int]:
    if template.sheet is None:
        return 0, 0
    x_mm, y_mm = template.sheet.label_origin_mm(slot)
    return dpi.x_dots(x_mm), dpi.y_dots(y_mm)


def paginate(
    template: Template, layouts: Sequence[LabelLayout], dpi: Dpi, start_at: int = 1
) -> list[Page]:
    """Labels onto pages: one label a page on a roll; on sheets, row by row from label
    `start_at` (1-based) of the first sheet, for a sheet partly used before."""
    per_page = template.labels_per_page
    if not 1 <= start_at <= per_page:
        raise LabelError(
            f"start at label {start_at}: template {template.name} has {per_page} "
            "labels a sheet",
            start_at=start_at,
        )
    page_w = dpi.x_dots(template.page_width_mm)
    page_h = dpi.y_dots(template.page_height_mm)
    pages: list[Page] = []
    current: list[Placed] = []
    slot = start_at - 1
    for layout in layouts:
        x, y = label_origin_dots(template, slot, dpi)
        current.append(Placed(x, y, layout))
        slot += 1
        if slot == per_page:
            pages.append(Page(page_w, page_h, dpi, tuple(current)))
            current, slot = [], 0
    if current:
        pages.append(Page(page_w, page_h, dpi, tuple(current)))
    return pages


def clear_caches() -> None:
    """Forget cached symbols, layouts and template frames (after a template file or
    the catalog changed under the same names)."""
    symbols.encode_symbol.cache_clear()
    layout_label.cache_clear()
    _symbol_frame.cache_clear()
    _template_frame.cache_clear()
