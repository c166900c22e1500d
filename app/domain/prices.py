"""Price rules (API document, section 5): numeric(15,4); minimum at least 0.10;
maximum not above the price; minimum not above the maximum.

The API keeps four decimals, but staff type hryvnias and kopecks: a typed price has
at most two (`TYPED_MONEY_DECIMALS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.amounts import typed_amount
from app.domain.errors import PriceRuleError

MIN_PRICE_FLOOR = Decimal("0.10")
MONEY_DECIMALS = 4
MONEY_DIGITS = 15
TYPED_MONEY_DECIMALS = 2


@dataclass(frozen=True)
class PriceSpec:
    price: Decimal
    min_price: Decimal
    max_price: Decimal


def parse_money(text: str | Decimal, field: str = "price") -> Decimal:
    """Money as typed: ASCII digits, one optional "," or "." and at most two decimals,
    thousands optionally grouped with spaces ("1 234,50"). Raises `InvalidAmount`
    (saying what was wrong) or `PriceRuleError` (negative, too large)."""
    if isinstance(text, Decimal):
        value = text
    else:
        value = typed_amount(
            text,
            TYPED_MONEY_DECIMALS,
            field=field,
            noun="an amount",
            expected="expected digits with an optional ',' or '.' and at most "
            f"{TYPED_MONEY_DECIMALS} decimals, such as 12,50",
        )
    check_money(value, field)
    return value


def check_money(value: Decimal, field: str = "price") -> None:
    if not value.is_finite():
        raise PriceRuleError(
            f"{field} is not a number", field=field, value=str(value), rule="number"
        )
    if value < 0:
        raise PriceRuleError(
            f"{field} {value} is negative",
            field=field,
            value=str(value),
            rule="negative",
        )
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MONEY_DECIMALS:
        raise PriceRuleError(
            f"{field} {value} has more than {MONEY_DECIMALS} decimals",
            field=field,
            value=str(value),
            rule="decimals",
            max_decimals=MONEY_DECIMALS,
        )
    if value.normalize().adjusted() + 1 > MONEY_DIGITS - MONEY_DECIMALS:
        raise PriceRuleError(
            f"{field} {value} is too large",
            field=field,
            value=str(value),
            rule="too_large",
        )


def check_price(spec: PriceSpec) -> None:
    check_money(spec.price, "price")
    check_money(spec.min_price, "min_price")
    check_money(spec.max_price, "max_price")
    if spec.min_price < MIN_PRICE_FLOOR:
        raise PriceRuleError(
            f"the minimum price must be at least {MIN_PRICE_FLOOR}, "
            f"not {spec.min_price}",
            field="min_price",
            value=str(spec.min_price),
            floor=str(MIN_PRICE_FLOOR),
        )
    if spec.max_price > spec.price:
        raise PriceRuleError(
            f"the maximum price {spec.max_price} is above the price {spec.price}",
            field="max_price",
            value=str(spec.max_price),
            price=str(spec.price),
        )
    if spec.min_price > spec.max_price:
        raise PriceRuleError(
            f"the minimum price {spec.min_price} is above the maximum {spec.max_price}",
            field="min_price",
            value=str(spec.min_price),
            max_price=str(spec.max_price),
        )


FIELD_WORDS = {"price": "price", "min_price": "minimum", "max_price": "maximum"}


def price_spec_from_texts(
    price: str, min_price: str = "", max_price: str = ""
) -> PriceSpec:
    """One price row as typed. An empty maximum is the price and an empty minimum
    the maximum; a rule broken by a value taken from another field names the field
    that was typed (price "0" alone breaks the minimum's floor: the price is named)."""
    value = parse_money(price, "price")
    highest = parse_money(max_price, "max_price") if max_price.strip() else value
    lowest = parse_money(min_price, "min_price") if min_price.strip() else highest
    spec = PriceSpec(value, lowest, highest)
    try:
        check_price(spec)
    except PriceRuleError as error:
        if (
            error.field != "min_price"
            or min_price.strip()
            or "floor" not in error.params
        ):
            raise
        typed = "max_price" if max_price.strip() else "price"
        raise PriceRuleError(
            f"the {FIELD_WORDS[typed]} {lowest} is also the minimum price (none is "
            f"given), which must be at least {MIN_PRICE_FLOOR}",
            field=typed,
            value=str(lowest),
            floor=str(MIN_PRICE_FLOOR),
        ) from None
    return spec
