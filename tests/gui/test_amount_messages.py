"""Typed prices and rates: refused unless ASCII digits with one optional separator,
and explained by field, problem and the expected form, in the interface language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.models import PriceLevel, Product, ProductUnit, Series, UnitType
from app.gui.detail_editors import PriceDialog
from app.gui.wizard.validators import (
    PriceTexts,
    check_extra_unit_text,
    check_price_texts,
)
from app.store.records import ProductDetails


def _reason(price: str, min_price: str = "", max_price: str = "") -> str:
    checked = check_price_texts(PriceTexts(price, min_price, max_price))
    assert not checked.ok
    return checked.reason


@pytest.mark.parametrize(
    ("price", "phrase"),
    [
        ("1e3", "exponent"),
        ("1_000", "as digits with an optional comma or point"),
        ("\u0661\u0662", "only the digits 0–9"),
        ("12,345", "at most 2 decimals, such as 12.50"),
        ("1.234,50", "only one decimal separator"),
        ("-5", "without a sign"),
        ("-0", "without a sign"),
        ("1 23", "spaces may only separate thousands"),
    ],
)
def test_the_wizard_refuses_what_is_not_a_typed_price(
    qapp: Any, price: str, phrase: str
) -> None:
    reason = _reason(price)

    assert reason.startswith("The price: ")
    assert phrase in reason


def test_the_wizard_takes_a_grouped_price_with_a_comma(qapp: Any) -> None:
    checked = check_price_texts(PriceTexts("1 234,50", "", ""))

    assert checked.ok and checked.value is not None
    assert checked.value.price == Decimal("1234.50")


def test_a_zero_price_names_the_price_and_the_floor_in_ukrainian(
    ukrainian: None,
) -> None:
    reason = _reason("0")

    assert reason.startswith("Ціна має бути не меншою за 0,10")
    assert "0.10" not in reason
    assert not reason.startswith("Мінімум")


def test_a_low_typed_minimum_names_the_minimum(ukrainian: None) -> None:
    assert _reason("10", "0,05") == "Мінімальна ціна має бути не меншою за 0,10."


def test_a_sign_is_explained_in_ukrainian(ukrainian: None) -> None:
    reason = _reason("-0")

    assert reason.startswith("Ціна: введіть без знака")
    assert "12,50" in reason


def test_the_wizard_rate_refuses_an_exponent(qapp: Any) -> None:
    checked = check_extra_unit_text(UnitType.FRACTIONAL, UnitType.FRACTIONAL, "1e3")

    assert not checked.ok
    assert checked.reason.startswith("The rate: ")
    assert "exponent" in checked.reason


class _Controller:
    """PriceDialog only submits through its controller; nothing is sent here."""

    def __init__(self) -> None:
        self.submitted: list[object] = []

    def submit(self, write: object, *_callbacks: object) -> None:
        self.submitted.append(write)


def _price_dialog(qtbot: Any) -> tuple[PriceDialog, _Controller]:
    controller = _Controller()
    details = ProductDetails(
        units=[
            ProductUnit(id_unit=1, name_unit="шт", type_unit=1, rate=1, is_default=True)
        ],
        series=[Series(id_series="-", name_series="-")],
    )
    levels = [PriceLevel(id_price_level=1, name_price_level="Роздріб", guid="l-1")]
    product = Product(id_goods=7, guid="g-7", name_goods="Цукор")
    dialog = PriceDialog(controller, product, details, levels)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog, controller


@pytest.mark.parametrize(
    ("texts", "field", "phrase"),
    [
        (("1e3", "", ""), "price", "The price: an exponent"),
        (("12", "1_000", ""), "min_price", "The minimum price: type an amount"),
        (("12", "", "12,345"), "max_price", "The maximum price: at most 2 decimals"),
        (("0", "", ""), "price", "The price must be at least 0.10"),
        (("10", "", "0"), "max_price", "The maximum price must be at least 0.10"),
    ],
)
def test_the_price_dialog_explains_under_the_field_typed(
    qtbot: Any, texts: tuple[str, str, str], field: str, phrase: str
) -> None:
    dialog, controller = _price_dialog(qtbot)
    dialog.price.setText(texts[0])
    dialog.min_price.setText(texts[1])
    dialog.max_price.setText(texts[2])

    dialog.accept()

    assert dialog.field_error(field).startswith(phrase)
    assert controller.submitted == []


def test_the_price_dialog_sends_a_typed_price(qtbot: Any) -> None:
    dialog, controller = _price_dialog(qtbot)
    dialog.price.setText("1 234,50")

    dialog.accept()

    assert len(controller.submitted) == 1
    body = controller.submitted[0].body  # type: ignore[attr-defined]
    assert (body.price, body.min_price, body.max_price) == (Decimal("1234.50"),) * 3
