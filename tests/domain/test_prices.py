"""Price rules: numeric(15,4); minimum >= 0.10; max not above price; min <= max."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.amounts import AmountProblem
from app.domain.errors import InvalidAmount, PriceRuleError
from app.domain.prices import (
    PriceSpec,
    check_money,
    check_price,
    parse_money,
    price_spec_from_texts,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.50", "12.50"),
        ("12,50", "12.50"),
        (" 1 234,5 ", "1234.5"),
        ("1\u00a0234.5", "1234.5"),
        ("0", "0"),
        ("12,", "12"),
        (",5", "0.5"),
        ("1 234 567,89", "1234567.89"),
        ("1\u202f234,50", "1234.50"),
        (Decimal("9.99"), "9.99"),
        (Decimal("12.3456"), "12.3456"),  # from the API: four decimals
    ],
)
def test_parse_money(text: str | Decimal, value: str) -> None:
    assert parse_money(text) == Decimal(value)


def test_parse_money_keeps_the_digits_given() -> None:
    assert str(parse_money("12,50")) == "12.50"


@pytest.mark.parametrize(
    ("text", "problem", "phrase"),
    [
        ("", AmountProblem.EMPTY, "nothing is typed"),
        ("abc", AmountProblem.CHARACTERS, "characters other than digits"),
        ("NaN", AmountProblem.CHARACTERS, "characters other than digits"),
        ("Infinity", AmountProblem.CHARACTERS, "characters other than digits"),
        ("1_000", AmountProblem.CHARACTERS, "characters other than digits"),
        ("1e3", AmountProblem.EXPONENT, "exponent"),
        ("1,5E2", AmountProblem.EXPONENT, "exponent"),
        ("\u0661\u0662", AmountProblem.FOREIGN_DIGITS, "only the digits 0-9"),
        ("1\u0662", AmountProblem.FOREIGN_DIGITS, "only the digits 0-9"),
        ("12,345", AmountProblem.DECIMALS, "more than 2 decimals"),
        ("0.00001", AmountProblem.DECIMALS, "more than 2 decimals"),
        ("12.3456", AmountProblem.DECIMALS, "more than 2 decimals"),
        ("1.234,50", AmountProblem.SEPARATORS, "more than one decimal separator"),
        ("1 23", AmountProblem.GROUPING, "groups of three"),
        ("-1", AmountProblem.SIGN, "sign"),
        ("-0", AmountProblem.SIGN, "sign"),
        ("+5", AmountProblem.SIGN, "sign"),
    ],
)
def test_parse_money_refuses_what_is_not_a_typed_amount(
    text: str, problem: AmountProblem, phrase: str
) -> None:
    with pytest.raises(InvalidAmount, match=phrase) as caught:
        parse_money(text, field="min_price")

    assert caught.value.field == "min_price"
    assert caught.value.params["problem"] is problem
    assert "expected digits with an optional ',' or '.' and at most 2" in str(
        caught.value
    )


@settings(database=None, max_examples=300)
@given(st.text(alphabet="0123456789 ,.-+eE_\u0661\u00a0", max_size=12))
def test_a_typed_amount_is_only_ascii_digits_and_one_separator(text: str) -> None:
    try:
        value = parse_money(text)
    except PriceRuleError:
        return
    typed = text.strip(" \u00a0")
    assert set(typed) <= set("0123456789 ,.\u00a0")
    assert sum(typed.count(c) for c in ",.") <= 1
    assert value >= 0
    assert value == value.quantize(Decimal("0.01"))


def test_parse_money_refuses_too_large() -> None:
    with pytest.raises(PriceRuleError, match="too large") as caught:
        parse_money("100000000000")  # 12 integer digits; numeric(15,4) has 11
    assert caught.value.field == "price"


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


@pytest.mark.parametrize(
    ("texts", "field"),
    [
        (("0", "", ""), "price"),
        (("0,05", "", ""), "price"),
        (("10", "", "0,05"), "max_price"),
        (("10", "0,05", ""), "min_price"),
        (("10", "0,05", "5"), "min_price"),
    ],
)
def test_the_floor_names_the_field_that_was_typed(
    texts: tuple[str, str, str], field: str
) -> None:
    price, min_price, max_price = texts
    with pytest.raises(PriceRuleError, match=r"at least 0\.10") as caught:
        price_spec_from_texts(price, min_price, max_price)

    assert caught.value.field == field
    assert caught.value.params["floor"] == "0.10"


def test_empty_maximum_is_the_price_and_empty_minimum_the_maximum() -> None:
    assert price_spec_from_texts("12,50") == spec("12.50", "12.50", "12.50")
    assert price_spec_from_texts("12,50", "", "11") == spec("12.50", "11", "11")
    assert price_spec_from_texts("12,50", "1", "") == spec("12.50", "1", "12.50")
