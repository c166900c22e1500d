"""L5 and L1: every symbology, with and without add-ons, on every template at 203, 300,
600 and 300×600 dpi, rasterised at the printer's DPI, decodes with zxing-cpp to exactly
the stored code and add-on; the raster shows whole-dot modules and clear quiet zones."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest

from app.labels import symbols
from app.labels.content import LabelProduct
from app.labels.errors import BarcodeDoesNotFit
from app.labels.geometry import MODULE_MAX_MM, MODULE_MIN_80_MM, Dpi, layout_label
from app.labels.render import render_label_image
from app.labels.symbols import Kind
from app.labels.templates import builtin_names, load_template
from tests.labels.raster import decode, expected_text, module_runs, row_ink, runs_of

TODAY = dt.date(2026, 12, 3)
TEMPLATES = [
    "thermal-58x40",
    "thermal-58x30",
    "thermal-40x30",
    "thermal-43x25",
    "a4-3x8-70x37",
    "a4-4x10-48.5x25.4",
]
DPIS = [Dpi(203, 203), Dpi(300, 300), Dpi(600, 600), Dpi(300, 600)]
MAIN_CODES = {
    Kind.EAN13: "4006381333931",
    Kind.EAN8: "96385074",
    Kind.UPCA: "036000291452",
    Kind.UPCE: "04252614",
}
CODES = [(k, c, a) for k, c in MAIN_CODES.items() for a in (None, "12", "24999")]
CODES += [(Kind.CODE128, "100234", None), (Kind.CODE128, "2000123", None)]
ZXING_FORMATS = {
    Kind.EAN13: {"EAN13"},
    Kind.EAN8: {"EAN8"},
    Kind.UPCA: {"UPCA", "EAN13"},
    Kind.UPCE: {"UPCE"},
    Kind.CODE128: {"Code128"},
}


def test_the_matrix_covers_every_builtin_template() -> None:
    assert sorted(TEMPLATES) == builtin_names()


def _product(bar_code: str, add_on: str | None) -> LabelProduct:
    return LabelProduct(
        bar_code=bar_code,
        ext_bar_code=add_on,
        name="Сир твердий «Звенигора» 50 %, ваговий",
        unit="шт",
        price=Decimal("129.90"),
        product_code="4512",
    )


def _smallest_width_dots(total_modules: int, min_module_mm: float, dpi_x: int) -> int:
    per_mm = dpi_x / 25.4
    smallest = math.ceil(min_module_mm * per_mm - 1e-9)
    return max(
        total_modules * smallest, math.ceil(total_modules * MODULE_MIN_80_MM * per_mm)
    )


@pytest.mark.parametrize("dpi", DPIS, ids=str)
@pytest.mark.parametrize("template_name", TEMPLATES)
def test_every_code_scans_back_with_whole_dot_modules(
    qapp: object, template_name: str, dpi: Dpi
) -> None:
    template = load_template(template_name)
    box_dots = dpi.x_dots(template.barcode.box.width_mm)
    refused = []
    for kind, bar_code, add_on in CODES:
        what = f"{kind} {bar_code}+{add_on} on {template_name} at {dpi}"
        try:
            layout = layout_label(template, _product(bar_code, add_on), dpi, TODAY)
        except BarcodeDoesNotFit as error:
            # Refused only when even the smallest allowed module does not fit, and the
            # message says what label width is needed.
            total = symbols.encode_symbol(bar_code, add_on).total_modules
            needed = _smallest_width_dots(total, template.min_module_mm, dpi.x)
            assert needed > box_dots, what
            assert error.params["needed_label_mm"] > template.width_mm, what
            assert "needs a label at least" in str(error), what
            refused.append((kind, add_on))
            continue

        placement = layout.barcode
        symbol = placement.symbol
        assert symbol.kind is kind and symbol.bar_code == bar_code, what
        image = render_label_image(layout)
        assert (image.width(), image.height()) == (layout.width, layout.height)

        # L5: the label scans back to exactly the stored code and add-on.
        found = decode(image, add_on is not None)
        assert [f.text for f in found] == [expected_text(kind, bar_code, add_on)], what
        assert found[0].format in ZXING_FORMATS[kind], what
        if add_on is not None:
            assert found[0].identifier == "]E3", what

        # L1: every module the same whole number of dots, within 75/80-200 %.
        d = placement.module_dots
        module_mm = d * 25.4 / dpi.x
        assert template.min_module_mm - 1e-9 <= module_mm <= MODULE_MAX_MM + 1e-9, what
        y = placement.bar_top + placement.bar_height - 1
        ink = row_ink(image, y)
        x0 = placement.x
        main_runs = runs_of(ink, x0, x0 + len(symbol.main) * d)
        assert main_runs == [(v, n * d) for v, n in module_runs(symbol.main)], what
        end = x0 + len(symbol.main) * d
        if symbol.add_on is not None:
            add_x = x0 + symbol.add_on_start * d
            gap = runs_of(ink, end, add_x)
            assert gap == [(False, add_x - end)], what
            low, high = symbols.ADD_ON_GAP_RANGE[kind]
            assert low * d <= add_x - end <= high * d, what
            end = add_x + len(symbol.add_on) * d
            add_runs = runs_of(ink, add_x, end)
            assert add_runs == [(v, n * d) for v, n in module_runs(symbol.add_on)], what

        # Quiet zones: nothing printed on the bar row for the clear space GS1 asks,
        # and at a 75 % module the clear space keeps the symbol's 80 % width.
        left_clear = next((x0 - 1 - x for x in range(x0 - 1, -1, -1) if ink[x]), x0)
        right_clear = next(
            (x - end for x in range(end, len(ink)) if ink[x]), len(ink) - end
        )
        assert left_clear >= symbol.quiet_left * d, what
        assert right_clear >= symbol.quiet_right * d, what
        width_80 = math.ceil(symbol.total_modules * MODULE_MIN_80_MM * dpi.x / 25.4)
        assert left_clear + (end - x0) + right_clear >= width_80, what
        assert (
            placement.quiet_left_dots + placement.quiet_right_dots + (end - x0)
            >= width_80
        )

    # Labels a shop uses most hold every code at every resolution.
    if template_name in ("thermal-58x40", "thermal-58x30", "a4-3x8-70x37"):
        assert refused == []
    # No small label takes a 5-digit add-on after a 13-digit code.
    if template_name in ("thermal-40x30", "thermal-43x25"):
        assert (Kind.EAN13, "24999") in refused and (Kind.UPCA, "24999") in refused
