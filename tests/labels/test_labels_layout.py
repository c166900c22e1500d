"""Templates refused at load (L2), module choice in whole dots (L1), text wrapping,
sheet positions within 0.2 mm, the price per kilogram of packs."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from decimal import Decimal
from typing import Any

import pytest

from app.labels.content import LabelProduct, PackContent, field_values, format_money
from app.labels.errors import BarcodeDoesNotFit, LabelError, TemplateError
from app.labels.geometry import (
    Dpi,
    choose_module_dots,
    label_origin_dots,
    layout_label,
    paginate,
    parse_dpi,
    wrap_text,
)
from app.labels.templates import (
    builtin_names,
    load_template,
    parse_template,
    templates_dir,
)

TODAY = dt.date(2026, 12, 3)
EAN = "4006381333931"


def _product(**overrides: Any) -> LabelProduct:
    values: dict[str, Any] = {
        "bar_code": EAN,
        "name": "Олія соняшникова рафінована",
        "unit": "шт",
        "price": Decimal("72.50"),
    }
    values.update(overrides)
    return LabelProduct(**values)


def _raw(name: str) -> dict[str, Any]:
    return tomllib.loads((templates_dir() / f"{name}.toml").read_text("utf-8"))


# --- L1: whole printer dots ---------------------------------------------------


def test_l1_smallest_module_at_203_dpi_is_3_dots_and_339_dots_wide() -> None:
    # 42.4 mm free: only the smallest allowed (80 %) module fits.
    dots, width = choose_module_dots(113, Dpi(203, 203).x_dots(42.4), 203, 0.264)
    assert (dots, width) == (3, 339)
    assert round(width * 25.4 / 203, 1) == 42.4


def test_l1_two_dots_at_203_dpi_only_with_75_percent_and_widened_quiet_zones() -> None:
    free = Dpi(203, 203).x_dots(35)
    with pytest.raises(BarcodeDoesNotFit) as caught:
        choose_module_dots(113, free, 203, 0.264)
    assert caught.value.params["needed_mm"] == pytest.approx(42.4, abs=0.05)

    dots, width = choose_module_dots(113, free, 203, 0.250)
    assert dots == 2
    # As wide as the 80 % symbol: 113 modules of 0.264 mm.
    assert width * 25.4 / 203 >= 113 * 0.264
    assert width > 113 * 2


def test_l1_smallest_module_at_300_dpi_is_4_dots() -> None:
    dots, _ = choose_module_dots(113, Dpi(300, 300).x_dots(38.4), 300, 0.264)
    assert dots == 4
    assert round(4 * 25.4 / 300, 3) == 0.339


def test_l1_largest_module_that_fits_never_above_200_percent() -> None:
    dots, _ = choose_module_dots(113, 10_000, 203, 0.264)
    assert dots == 5  # 0.625 mm; 6 dots would be 0.751 mm, above 0.660


def test_l1_refusal_names_the_label_width_needed() -> None:
    # A 40 mm sheet-like template without the 75 % allowance cannot take EAN-13 at
    # 203 dpi: 339 dots = 42.4 mm of symbol.
    data = _raw("thermal-40x30")
    data["flags"]["allow_75_percent_module"] = False
    data["barcode"]["holds"] = ["EAN-13"]
    template = parse_template(data, "narrow.toml")

    with pytest.raises(BarcodeDoesNotFit) as caught:
        layout_label(template, _product(), Dpi(203, 203), TODAY)

    message = str(caught.value)
    assert "42.4 mm" in message
    assert "needs a label at least 44.0 mm wide" in message
    assert caught.value.params["needed_label_mm"] == pytest.approx(44.0, abs=0.05)


def test_thermal_40x30_uses_two_dot_modules_with_widened_quiet_zones() -> None:
    layout = layout_label(
        load_template("thermal-40x30"), _product(), Dpi(203, 203), TODAY
    )
    placement = layout.barcode
    assert placement.module_dots == 2
    assert placement.widened_quiet_zones
    assert placement.quiet_left_dots > 11 * 2 and placement.quiet_right_dots > 7 * 2
    assert any("75 %" in note for note in layout.notes)


def test_truncated_bars_are_reported() -> None:
    layout = layout_label(
        load_template("thermal-43x25"), _product(), Dpi(203, 203), TODAY
    )
    assert layout.barcode.truncated
    assert layout.barcode.bar_height_mm < 18.28
    assert any("truncated" in note for note in layout.notes)

    full = layout_label(load_template("a4-3x8-70x37"), _product(), Dpi(300, 300), TODAY)
    assert not full.barcode.truncated
    assert full.barcode.bar_height_mm >= 18.28


def test_y_dots_are_counted_separately() -> None:
    square = layout_label(
        load_template("thermal-58x40"), _product(), Dpi(300, 300), TODAY
    )
    tall = layout_label(
        load_template("thermal-58x40"), _product(), Dpi(300, 600), TODAY
    )
    assert tall.barcode.module_dots == square.barcode.module_dots
    assert (square.height, tall.height) == (
        round(40 * 300 / 25.4),
        round(40 * 600 / 25.4),
    )
    assert tall.barcode.bar_height_mm == pytest.approx(
        square.barcode.bar_height_mm, abs=0.1
    )


# --- templates and L2 ---------------------------------------------------------


def test_builtin_templates_load() -> None:
    assert builtin_names() == [
        "a4-3x8-70x37",
        "a4-4x10-48.5x25.4",
        "thermal-40x30",
        "thermal-43x25",
        "thermal-58x30",
        "thermal-58x40",
    ]
    for name in builtin_names():
        template = load_template(name)
        assert template.name == name
        assert template.field("name") is not None
        assert template.field("signature") is not None
    assert load_template("a4-3x8-70x37").sheet is not None
    assert load_template("thermal-58x40").sheet is None


def _l2_template(frame_x_mm: float) -> dict[str, Any]:
    """A 40 × 25 mm label, EAN-13 1 mm from the left edge, a rule at `frame_x_mm`."""
    data = copy.deepcopy(_raw("thermal-43x25"))
    data["name"] = "l2"
    data["label"]["width_mm"] = 40
    data["barcode"].update({"x_mm": 1, "width_mm": 38, "holds": ["EAN-13"]})
    for spec in data["fields"].values():
        spec["width_mm"] = min(spec["width_mm"], 39 - spec["x_mm"])
    data["fields"]["signature"].update(
        {"x_mm": frame_x_mm, "y_mm": 11, "width_mm": 0.3, "height_mm": 11.8}
    )
    return data


def test_l2_a_line_two_modules_after_the_end_guard_is_refused() -> None:
    # Bars from 1 + 11 modules; end guard ends at 1 + (11 + 95) × 0.264 mm.
    end_guard_mm = 1 + (11 + 95) * 0.264
    with pytest.raises(TemplateError, match="quiet zones") as caught:
        parse_template(_l2_template(end_guard_mm + 2 * 0.264), "l2.toml")
    assert "signature" in str(caught.value)


def test_l2_the_same_label_with_the_line_outside_the_clear_space_loads() -> None:
    template = parse_template(_l2_template(39.2), "l2.toml")
    layout = layout_label(template, _product(), Dpi(203, 203), TODAY)
    # The first digit of the EAN-13 stands in the left quiet zone, on the label.
    first = next(t for t in layout.texts if t.text == "4")
    assert first.rect.x >= 0
    assert first.rect.x + first.rect.width <= layout.barcode.x
    assert first.rect.x >= layout.barcode.x - layout.barcode.quiet_left_dots


def test_a_box_too_narrow_for_its_codes_is_refused_with_the_width_needed() -> None:
    data = _raw("thermal-58x40")
    data["barcode"]["width_mm"] = 40
    with pytest.raises(TemplateError) as caught:
        parse_template(data, "narrow.toml")
    message = str(caught.value)
    # 11 + 95 + 9 (gap) + 47 + 5 modules of 0.264 mm
    assert "167 modules" in message
    assert "44.1 mm" in message


def test_short_bars_are_refused_unless_the_template_allows_them() -> None:
    data = _raw("thermal-43x25")
    data["flags"]["allow_truncated_bars"] = False
    with pytest.raises(TemplateError, match=r"18\.28 mm"):
        parse_template(data, "short.toml")


def test_75_percent_module_is_for_thermal_labels_only() -> None:
    data = _raw("a4-3x8-70x37")
    data["flags"]["allow_75_percent_module"] = True
    with pytest.raises(TemplateError, match="thermal"):
        parse_template(data, "sheet.toml")


def test_unknown_template_lists_the_builtin_ones() -> None:
    with pytest.raises(TemplateError, match="thermal-58x40"):
        load_template("thermal-99x99")


def test_sheet_that_overflows_its_page_is_refused() -> None:
    data = _raw("a4-3x8-70x37")
    data["sheet"]["rows"] = 9
    with pytest.raises(TemplateError, match="do not fit"):
        parse_template(data, "sheet.toml")


# --- sheets and pages ---------------------------------------------------------


@pytest.mark.parametrize(
    "dpi", [Dpi(203, 203), Dpi(300, 300), Dpi(600, 600), Dpi(300, 600)], ids=str
)
@pytest.mark.parametrize("name", ["a4-3x8-70x37", "a4-4x10-48.5x25.4"])
def test_every_sheet_label_within_0_2_mm_of_its_nominal_place(
    name: str, dpi: Dpi
) -> None:
    template = load_template(name)
    sheet = template.sheet
    assert sheet is not None
    for slot in range(sheet.labels_per_page):
        x, y = label_origin_dots(template, slot, dpi)
        row, column = divmod(slot, sheet.columns)
        nominal_x = sheet.margin_left_mm + column * sheet.pitch_x_mm
        nominal_y = sheet.margin_top_mm + row * sheet.pitch_y_mm
        assert abs(x * 25.4 / dpi.x - nominal_x) <= 0.2
        assert abs(y * 25.4 / dpi.y - nominal_y) <= 0.2


def test_start_at_label_n_on_a_partly_used_sheet() -> None:
    template = load_template("a4-3x8-70x37")
    dpi = Dpi(300, 300)
    layout = layout_label(template, _product(), dpi, TODAY)

    pages = paginate(template, [layout] * 30, dpi, start_at=5)

    assert [len(p.labels) for p in pages] == [20, 10]
    first = pages[0].labels[0]
    assert (first.x, first.y) == label_origin_dots(template, 4, dpi)  # row 2, column 2
    assert (pages[1].labels[0].x, pages[1].labels[0].y) == label_origin_dots(
        template, 0, dpi
    )
    assert pages[0].width == dpi.x_dots(210) and pages[0].height == dpi.y_dots(297)
    with pytest.raises(LabelError, match="24 labels a sheet"):
        paginate(template, [layout], dpi, start_at=25)


def test_roll_labels_are_one_a_page() -> None:
    template = load_template("thermal-58x40")
    dpi = Dpi(203, 203)
    layout = layout_label(template, _product(), dpi, TODAY)
    pages = paginate(template, [layout] * 3, dpi)
    assert len(pages) == 3
    assert (pages[0].width, pages[0].height) == (464, 320)  # 58 × 40 mm


# --- text, prices -------------------------------------------------------------


def test_name_wraps_to_two_lines_then_ellipsis() -> None:
    lines = wrap_text("Сир твердий Звенигора витриманий 12 місяців", 16, 2, len)
    assert lines == ["Сир твердий", "Звенигора…"]
    assert wrap_text("Хліб", 16, 2, len) == ["Хліб"]
    assert wrap_text("Надзвичайнодовгеслово", 8, 2, len) == ["Надзвича", "йнодовг…"]


def test_price_per_kilogram_for_a_pack() -> None:
    product = _product(
        price=Decimal("45.90"), unit="уп", pack=PackContent(Decimal("0.4"), "кг")
    )
    values = field_values(product, 1, TODAY)
    assert values["price"] == "45,90"
    assert values["unit_price"] == "114,75"
    assert values["per_unit"] == "кг"
    assert values["date"] == "03.12.2026"


def test_template_price_level_chooses_the_price() -> None:
    product = _product(price=None, prices={1: Decimal("10"), 2: Decimal("9.5")})
    assert field_values(product, 2, TODAY)["price"] == "9,50"
    assert field_values(product, 1, TODAY)["price"] == "10,00"
    assert field_values(product, 3, TODAY)["price"] == ""


def test_money_format() -> None:
    assert format_money(Decimal("1234.5")) == "1\u202f234,50"
    assert format_money(Decimal("0.005")) == "0,01"


def test_unit_price_line_is_left_out_when_not_a_pack() -> None:
    layout = layout_label(
        load_template("thermal-58x40"), _product(), Dpi(203, 203), TODAY
    )
    texts = [t.text for t in layout.texts]
    assert "72,50 грн" in texts
    assert "за шт" in texts
    assert not any("за 1" in t for t in texts)


def test_parse_dpi() -> None:
    assert parse_dpi("203") == Dpi(203, 203)
    assert parse_dpi("300x600") == Dpi(300, 600)
    with pytest.raises(ValueError, match="dots per inch"):
        parse_dpi("300dpi")


def test_field_settings_are_checked() -> None:
    data = _raw("thermal-58x40")
    data["fields"]["price"]["align"] = "middle"
    with pytest.raises(TemplateError, match="align"):
        parse_template(data, "bad.toml")
    data = _raw("thermal-58x40")
    data["fields"]["colour"] = data["fields"].pop("price")
    with pytest.raises(TemplateError, match="unknown field"):
        parse_template(data, "bad.toml")
    data = _raw("thermal-58x40")
    del data["barcode"]["width_mm"]
    with pytest.raises(TemplateError, match="width_mm must be a number"):
        parse_template(data, "bad.toml")


def test_a_shop_copy_of_a_template_loads_from_its_path(tmp_path: Any) -> None:
    text = (templates_dir() / "thermal-58x40.toml").read_text("utf-8")
    copy_path = tmp_path / "my-shop.toml"
    copy_path.write_text(text.replace('"thermal-58x40"', '"my-shop"'), "utf-8")
    assert load_template(str(copy_path)).name == "my-shop"
    copy_path.write_text("name = [", "utf-8")
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template.__wrapped__(str(copy_path))


def test_a_missing_price_leaves_the_price_blank_and_says_so() -> None:
    product = _product(price=None, prices={2: Decimal("9.5")})
    layout = layout_label(load_template("thermal-58x40"), product, Dpi(203, 203), TODAY)
    assert not any("грн" in t.text for t in layout.texts)
    assert any("no price" in note for note in layout.notes)
