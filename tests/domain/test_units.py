"""Unit rules: one default unit with rate 1; extra units compatible with its type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import InvalidAmount, UnitRuleError
from app.domain.models import UnitType
from app.domain.units import (
    UnitSpec,
    check_default_unit,
    check_extra_unit,
    check_rate,
    check_units,
    parse_rate,
)

INTEGER, QUARTER, FRACTIONAL = UnitType.INTEGER, UnitType.QUARTER, UnitType.FRACTIONAL


def unit(
    id_unit: int, type_unit: UnitType, rate: str, *, default: bool = False
) -> UnitSpec:
    return UnitSpec(id_unit, type_unit, Decimal(rate), default)


# --- parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", "12"),
        (" 0.25 ", "0.25"),
        ("1,5", "1.5"),
        ("1,125", "1.125"),
        (Decimal("2.125"), "2.125"),
    ],
)
def test_parse_rate(text: str | Decimal, value: str) -> None:
    assert parse_rate(text) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["", "twelve", "1.2.3", "NaN", "Infinity", "-inf", "1e3", "1_000", "\u0661\u0662"],
)
def test_parse_rate_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(UnitRuleError, match="not a number") as caught:
        parse_rate(text)
    assert caught.value.field == "rate"


def test_parse_rate_refuses_more_than_3_decimals() -> None:
    with pytest.raises(InvalidAmount, match="more than 3 decimals"):
        parse_rate("0,0005")


# --- one rate -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit_type", "rate"),
    [
        (INTEGER, "12"),
        (INTEGER, "12.000"),
        (QUARTER, "0.25"),
        (QUARTER, "2.75"),
        (QUARTER, "3"),
        (FRACTIONAL, "0.001"),
        (FRACTIONAL, "1.333"),
        (FRACTIONAL, "999999999999"),  # 12 integer digits: numeric(15,3)
    ],
)
def test_rates_that_fit(unit_type: UnitType, rate: str) -> None:
    check_rate(unit_type, Decimal(rate))


@pytest.mark.parametrize(
    ("unit_type", "rate", "phrase"),
    [
        (INTEGER, "0", "greater than 0"),
        (FRACTIONAL, "-1", "greater than 0"),
        (INTEGER, "1.5", "whole number"),
        (QUARTER, "0.3", "multiple of 0.25"),
        (QUARTER, "0.125", "multiple of 0.25"),
        (FRACTIONAL, "0.0005", "more than 3 decimals"),
        (FRACTIONAL, "1000000000000", "too large"),
        (FRACTIONAL, "NaN", "not a number"),
        (INTEGER, "Infinity", "not a number"),
    ],
)
def test_rates_that_do_not_fit(unit_type: UnitType, rate: str, phrase: str) -> None:
    with pytest.raises(UnitRuleError, match=phrase):
        check_rate(unit_type, Decimal(rate))


@settings(database=None, max_examples=200)
@given(st.sampled_from(list(UnitType)), st.decimals())
def test_any_decimal_rate_passes_or_gives_a_unit_rule_error(
    unit_type: UnitType, rate: Decimal
) -> None:
    try:
        check_rate(unit_type, rate)
    except UnitRuleError:
        return
    assert rate > 0


# --- compatibility ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("default_type", "extra"),
    [
        (INTEGER, unit(2, INTEGER, "12")),
        (QUARTER, unit(2, QUARTER, "0.5")),
        (FRACTIONAL, unit(2, INTEGER, "6")),
        (FRACTIONAL, unit(2, QUARTER, "0.75")),
        (FRACTIONAL, unit(2, FRACTIONAL, "0.125")),
    ],
)
def test_compatible_extra_units(default_type: UnitType, extra: UnitSpec) -> None:
    check_extra_unit(default_type, extra)


@pytest.mark.parametrize(
    ("default_type", "extra", "phrase"),
    [
        (INTEGER, unit(2, QUARTER, "0.5"), "allowed: integer"),
        (INTEGER, unit(2, FRACTIONAL, "2"), "allowed: integer"),
        (QUARTER, unit(2, INTEGER, "2"), "allowed: quarter"),
        (QUARTER, unit(2, FRACTIONAL, "0.5"), "allowed: quarter"),
        (INTEGER, unit(2, INTEGER, "2.5"), "whole number"),
    ],
)
def test_incompatible_extra_units(
    default_type: UnitType, extra: UnitSpec, phrase: str
) -> None:
    with pytest.raises(UnitRuleError, match=phrase):
        check_extra_unit(default_type, extra)


def test_default_unit_rate_must_be_exactly_one() -> None:
    check_default_unit(unit(1, INTEGER, "1.000", default=True))
    with pytest.raises(UnitRuleError, match="exactly 1, not 12"):
        check_default_unit(unit(1, INTEGER, "12", default=True))


# --- the whole set ------------------------------------------------------------------


def test_a_valid_unit_set() -> None:
    check_units(
        [
            unit(1, FRACTIONAL, "1", default=True),
            unit(2, INTEGER, "12"),
            unit(3, FRACTIONAL, "0.5"),
        ]
    )


@pytest.mark.parametrize(
    ("units", "phrase"),
    [
        ([], "exactly one default unit, found 0"),
        ([unit(1, INTEGER, "12")], "exactly one default unit, found 0"),
        (
            [unit(1, INTEGER, "1", default=True), unit(2, INTEGER, "1", default=True)],
            "exactly one default unit, found 2",
        ),
        (
            [unit(1, INTEGER, "1", default=True), unit(2, INTEGER, "6"),
             unit(2, INTEGER, "12")],
            "listed twice",
        ),
        (
            [unit(1, INTEGER, "1", default=True), unit(1, INTEGER, "6")],
            "listed twice",
        ),
        ([unit(1, INTEGER, "2", default=True)], "exactly 1"),
        (
            [unit(1, INTEGER, "1", default=True), unit(2, FRACTIONAL, "0.5")],
            "cannot be added",
        ),
    ],
)  # fmt: skip
def test_invalid_unit_sets(units: list[UnitSpec], phrase: str) -> None:
    with pytest.raises(UnitRuleError, match=phrase):
        check_units(units)
