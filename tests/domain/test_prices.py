"""Price rules: numeric(15,4); minimum >= 0.10; max not above price; min <= max."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import PriceRuleError
from app.domain.prices import PriceSpec, check_money, check_price, parse_money


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.50", "12.50"),
        ("12,50", "12.50"),
        (" 1 234,5 ", "1234.5"),
        ("1\u00a0234.5", "1234.5"),
        ("0", "0"),
        ("12.3456", "12.3456"),
        (Decimal("9.99"), "9.99"),
    ],
)
def test_parse_money(text: str | Decimal, value: str) -> None:
    assert parse_money(text) == Decimal(value)


def test_parse_money_keeps_the_digits_given() -> None:
    assert str(parse_money("12,50")) == "12.50"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "not a number"),
        ("abc", "not a number"),
        ("1.234,50", "not a number"),
        ("NaN", "not a number"),
        ("-1", "negative"),
        ("0.00001", "more than 4 decimals"),
        ("100000000000", "too large"),  # 12 integer digits; numeric(15,4) has 11
    ],
)
def test_parse_money_refusals(text: str, phrase: str) -> None:
    with pytest.raises(PriceRuleError, match=phrase) as caught:
        parse_money(text, field="min_price")
    assert caught.value.field == "min_price"


def test_the_largest_amount_fits() -> None:
    check_money(Decimal("99999999999.9999"))


@settings(database=None, max_examples=200)
@given(st.decimals())
def test_any_decimal_passes_or_gives_a_price_rule_error(value: Decimal) -> None:
    try:
        check_money(value)
    except PriceRuleError:
        return
    assert value >= 0


def spec(price: str, min_price: str, max_price: str) -> PriceSpec:
    return PriceSpec(Decimal(price), Decimal(min_price), Decimal(max_price))


@pytest.mark.parametrize(
    "prices",
    [
        spec("10", "0.10", "10"),
        spec("10", "5", "5"),
        spec("10.5", "1", "9.9999"),
    ],
)
def test_valid_prices(prices: PriceSpec) -> None:
    check_price(prices)


@pytest.mark.parametrize(
    ("prices", "field", "phrase"),
    [
        (spec("10", "0.09", "10"), "min_price", "at least 0.10"),
        (spec("10", "1", "10.01"), "max_price", "above the price"),
        (spec("10", "6", "5"), "min_price", "above the maximum"),
        (spec("-1", "1", "1"), "price", "negative"),
        (spec("10", "1", "1.00001"), "max_price", "decimals"),
    ],
)
def test_invalid_prices(prices: PriceSpec, field: str, phrase: str) -> None:
    with pytest.raises(PriceRuleError, match=phrase) as caught:
        check_price(prices)
    assert caught.value.field == field
