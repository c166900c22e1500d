"""Unit rules: one default unit with rate 1, extra units compatible with its type.

API document, section 3: integer default units take integer extra units with integer
rates; multiple-of-0.25 defaults take multiple-of-0.25 units; fractional defaults take
any positive rate with at most three decimals (`rate` is numeric(15,3)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.amounts import typed_amount
from app.domain.errors import UnitRuleError
from app.domain.models import UnitType

RATE_MAX_DECIMALS = 3
RATE_MAX_DIGITS = 15
QUARTER = Decimal("0.25")
ONE = Decimal(1)

# Which extra-unit types each default unit type accepts.
COMPATIBLE: dict[UnitType, frozenset[UnitType]] = {
    UnitType.INTEGER: frozenset({UnitType.INTEGER}),
    UnitType.QUARTER: frozenset({UnitType.QUARTER}),
    UnitType.FRACTIONAL: frozenset(
        {UnitType.INTEGER, UnitType.QUARTER, UnitType.FRACTIONAL}
    ),
}


@dataclass(frozen=True)
class UnitSpec:
    """What the rules need to know of one of a product's units."""

    id_unit: int
    type_unit: UnitType
    rate: Decimal
    is_default: bool


def parse_rate(text: str | Decimal) -> Decimal:
    """A rate as typed, by the same rules as prices (`app.domain.amounts`) but with
    up to three decimals; raises `InvalidAmount` for anything else."""
    if isinstance(text, Decimal):
        value = text
    else:
        value = typed_amount(
            text,
            RATE_MAX_DECIMALS,
            field="rate",
            noun="a number",
            expected=f"expected a positive number with at most {RATE_MAX_DECIMALS} "
            "decimals, such as 12 or 0,5",
        )
    if not value.is_finite():
        raise UnitRuleError(
            f"rate {text!r} is not a number", field="rate", value=str(text)
        )
    return value


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def check_rate(unit_type: UnitType, rate: Decimal) -> None:
    """A rate fits the steps of its own unit type and the column's precision."""
    # Ordering a NaN raises decimal.InvalidOperation: refuse it as a rule error first.
    if not rate.is_finite():
        raise UnitRuleError(
            f"rate {rate} is not a number", field="rate", value=str(rate)
        )
    if rate <= 0:
        raise UnitRuleError(
            f"rate {rate} must be greater than 0", field="rate", value=str(rate)
        )
    if _decimals(rate) > RATE_MAX_DECIMALS:
        raise UnitRuleError(
            f"rate {rate} has more than {RATE_MAX_DECIMALS} decimals",
            field="rate",
            value=str(rate),
        )
    if rate.normalize().adjusted() + 1 > RATE_MAX_DIGITS - RATE_MAX_DECIMALS:
        raise UnitRuleError(f"rate {rate} is too large", field="rate", value=str(rate))
    if unit_type == UnitType.INTEGER and rate != rate.to_integral_value():
        raise UnitRuleError(
            f"rate {rate} must be a whole number for an integer unit",
            field="rate",
            value=str(rate),
        )
    if unit_type == UnitType.QUARTER and rate % QUARTER != 0:
        raise UnitRuleError(
            f"rate {rate} must be a multiple of 0.25 for this unit type",
            field="rate",
            value=str(rate),
        )


def check_default_unit(unit: UnitSpec) -> None:
    if unit.rate != ONE:
        raise UnitRuleError(
            f"the default unit's rate must be exactly 1, not {unit.rate}",
            field="rate",
            value=str(unit.rate),
        )


def check_extra_unit(default_type: UnitType, unit: UnitSpec) -> None:
    """An extra unit is compatible with the default unit's type and has a valid rate."""
    if unit.type_unit not in COMPATIBLE[default_type]:
        allowed = ", ".join(t.name.lower() for t in sorted(COMPATIBLE[default_type]))
        raise UnitRuleError(
            f"a {unit.type_unit.name.lower()} unit cannot be added to a product whose "
            f"default unit is {default_type.name.lower()}; allowed: {allowed}",
            field="type_unit",
            default_type=int(default_type),
            type_unit=int(unit.type_unit),
        )
    check_rate(unit.type_unit, unit.rate)


def check_units(units: Sequence[UnitSpec]) -> None:
    """A product's whole unit set: exactly one default, all others compatible."""
    defaults = [u for u in units if u.is_default]
    if len(defaults) != 1:
        raise UnitRuleError(
            f"a product needs exactly one default unit, found {len(defaults)}",
            field="is_default",
            count=len(defaults),
        )
    default = defaults[0]
    check_default_unit(default)
    seen = {default.id_unit}
    for unit in units:
        if unit.is_default:
            continue
        if unit.id_unit in seen:
            raise UnitRuleError(
                f"unit {unit.id_unit} is listed twice for this product",
                field="id_unit",
                id_unit=unit.id_unit,
            )
        seen.add(unit.id_unit)
        check_extra_unit(default.type_unit, unit)
