"""Price rules (API document, section 5): numeric(15,4); minimum at least 0.10;
maximum not above the price; minimum not above the maximum."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.errors import PriceRuleError

MIN_PRICE_FLOOR = Decimal("0.10")
MONEY_DECIMALS = 4
MONEY_DIGITS = 15


@dataclass(frozen=True)
class PriceSpec:
    price: Decimal
    min_price: Decimal
    max_price: Decimal


def parse_money(text: str | Decimal, field: str = "price") -> Decimal:
    """Money as typed (a comma is taken as the decimal point, as staff type it)."""
    if isinstance(text, Decimal):
        value = text
    else:
        cleaned = str(text).strip().replace(" ", "").replace("\u00a0", "")
        cleaned = cleaned.replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise PriceRuleError(
                f"{field} {text!r} is not a number; expected an amount such as 12.50",
                field=field,
                value=str(text),
            ) from None
    check_money(value, field)
    return value


def check_money(value: Decimal, field: str = "price") -> None:
    if not value.is_finite():
        raise PriceRuleError(f"{field} is not a number", field=field, value=str(value))
    if value < 0:
        raise PriceRuleError(
            f"{field} {value} is negative", field=field, value=str(value)
        )
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MONEY_DECIMALS:
        raise PriceRuleError(
            f"{field} {value} has more than {MONEY_DECIMALS} decimals",
            field=field,
            value=str(value),
        )
    if value.normalize().adjusted() + 1 > MONEY_DIGITS - MONEY_DECIMALS:
        raise PriceRuleError(
            f"{field} {value} is too large", field=field, value=str(value)
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
