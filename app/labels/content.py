"""What a label says: the product's values and how they are written on the label.

Ukrainian price-tag rules ask for the name, the price for the unit sold, the price per
kilogram, litre or piece for goods sold in packs, and the signature of the person
responsible. Amounts are Decimal and written with a decimal comma ("45,90 грн").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PackContent:
    """A pack holds `amount` of `base_unit` (e.g. 0.5 кг, 1.5 л, 6 шт): taken from the
    product's units, where the pack unit's `rate` is its size in the default unit."""

    amount: Decimal
    base_unit: str


@dataclass(frozen=True)
class LabelProduct:
    """One product as a label shows it. `prices` maps id_price_level to the price of
    `unit`; `price` is used when the template's level is not among them (a CSV row).
    `id_goods` is the catalog product it was read from (None for a CSV row)."""

    bar_code: str
    name: str
    unit: str
    ext_bar_code: str | None = None
    price: Decimal | None = None
    prices: Mapping[int, Decimal] = field(default_factory=lambda: MappingProxyType({}))
    product_code: str = ""
    pack: PackContent | None = None
    id_goods: int | None = None

    def __hash__(self) -> int:
        return hash(
            (self.bar_code, self.ext_bar_code, self.name, self.unit, self.price)
        )

    def price_for(self, price_level: int) -> Decimal | None:
        return self.prices.get(price_level, self.price)


def format_money(amount: Decimal) -> str:
    """`1234.5` -> `1 234,50` (a thin no-break space between thousands)."""
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    whole, _, cents = f"{rounded:,.2f}".partition(".")
    return whole.replace(",", "\u202f") + "," + cents


def per_unit_price(price: Decimal, pack: PackContent) -> Decimal:
    """Price of one base unit of a pack: 45.90 for 0.5 кг is 91.80 per кг."""
    return (price / pack.amount).quantize(CENT, rounding=ROUND_HALF_UP)


def field_values(
    product: LabelProduct, price_level: int, today: dt.date
) -> dict[str, str]:
    """The values a template's `format` strings can use."""
    price = product.price_for(price_level)
    price_text = format_money(price) if price is not None else ""
    unit_price = ""
    per_unit = ""
    if price is not None and product.pack is not None and product.pack.amount > 0:
        unit_price = format_money(per_unit_price(price, product.pack))
        per_unit = product.pack.base_unit
    return {
        "name": product.name,
        "price": price_text,
        "unit": product.unit,
        "unit_price": unit_price,
        "per_unit": per_unit,
        "product_code": product.product_code,
        "date": today.strftime("%d.%m.%Y"),
        "bar_code": product.bar_code,
    }
