"""In-store variable-measure codes: a shop's own EAN-13 carrying a weight or a price.

A layout splits the 12 data digits of the EAN-13 form into a prefix, an item code and a
value. The common default (GS1 restricted circulation, prefixes 20-29) is a 2-digit
prefix, a 5-digit item code and a 5-digit weight in grams. The item key is the code with
the value digits zeroed and the check digit redone: the same for every pack of an item.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.errors import InvalidInStoreLayout
from app.domain.gtin import check_digit, is_digits
from app.domain.prefixes import classify_ean13
from app.domain.reading import InStoreValue, PrefixClass

logger = logging.getLogger(__name__)

DATA_DIGITS = 12  # an EAN-13 without its check digit


class ValueKind(StrEnum):
    WEIGHT = "weight"  # a quantity in kilograms (grams with 3 decimals)
    COUNT = "count"  # a quantity in pieces
    PRICE = "price"


@dataclass(frozen=True)
class InStoreLayout:
    """How the data digits of an in-store EAN-13 split into prefix, item and value.

    All prefixes have the same length; prefix + item + value digits make 12.
    `decimals` places the decimal point in the value: 3 turns grams into kilograms,
    2 turns cents into a price.
    """

    prefixes: tuple[str, ...]
    item_digits: int = 5
    value_kind: ValueKind = ValueKind.WEIGHT
    value_digits: int = 5
    decimals: int = 3

    def __post_init__(self) -> None:
        if not self.prefixes:
            raise InvalidInStoreLayout("an in-store layout needs at least one prefix")
        lengths = {len(prefix) for prefix in self.prefixes}
        if len(lengths) != 1:
            raise InvalidInStoreLayout(
                "the prefixes of one layout must have the same length; "
                f"got {', '.join(self.prefixes)}",
                prefixes=list(self.prefixes),
            )
        for prefix in self.prefixes:
            if not is_digits(prefix):
                raise InvalidInStoreLayout(
                    f"in-store prefix {prefix!r} must be digits only",
                    prefix=prefix,
                )
            if classify_ean13(prefix.ljust(13, "0")) != PrefixClass.IN_STORE:
                raise InvalidInStoreLayout(
                    f"prefix {prefix} is not an in-store prefix; in-store EAN-13 codes "
                    "start with 20-29, or 02 or 04 (UPC number systems 2 and 4)",
                    prefix=prefix,
                )
        if self.item_digits < 1 or self.value_digits < 1:
            raise InvalidInStoreLayout(
                "an in-store layout needs at least one item digit and one value digit",
                item_digits=self.item_digits,
                value_digits=self.value_digits,
            )
        total = self.prefix_digits + self.item_digits + self.value_digits
        if total != DATA_DIGITS:
            raise InvalidInStoreLayout(
                f"prefix ({self.prefix_digits}), item ({self.item_digits}) and value "
                f"({self.value_digits}) digits add up to {total}; they must make "
                f"{DATA_DIGITS}, the data digits of an EAN-13",
                total=total,
            )
        if not 0 <= self.decimals <= self.value_digits:
            raise InvalidInStoreLayout(
                f"decimals must be between 0 and {self.value_digits} (the value "
                f"digits), not {self.decimals}",
                decimals=self.decimals,
            )

    @property
    def prefix_digits(self) -> int:
        return len(self.prefixes[0])

    def matches(self, ean13: str) -> bool:
        return ean13[: self.prefix_digits] in self.prefixes

    def decode(self, ean13: str) -> InStoreValue:
        """The item and value of a 13-digit code this layout matches."""
        item_start = self.prefix_digits
        value_start = item_start + self.item_digits
        value_end = value_start + self.value_digits
        item_code = ean13[item_start:value_start]
        value = Decimal(ean13[value_start:value_end]).scaleb(-self.decimals)
        key_data = ean13[:value_start] + "0" * self.value_digits
        item_key = key_data + check_digit(key_data)
        if self.value_kind == ValueKind.PRICE:
            return InStoreValue(item_key, item_code, quantity=None, price=value)
        return InStoreValue(item_key, item_code, quantity=value, price=None)


DEFAULT_LAYOUTS: tuple[InStoreLayout, ...] = (
    InStoreLayout(prefixes=tuple(f"2{digit}" for digit in range(10))),
)


def decode_in_store(
    ean13: str, layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS
) -> InStoreValue | None:
    """The in-store value of a valid 13-digit code: the first matching layout wins."""
    for layout in layouts:
        if layout.matches(ean13):
            return layout.decode(ean13)
    return None


def with_layouts(
    custom: Iterable[InStoreLayout], defaults: Sequence[InStoreLayout] = DEFAULT_LAYOUTS
) -> tuple[InStoreLayout, ...]:
    """The shop's own layouts first, then the defaults for the prefixes left over."""
    return (*custom, *defaults)


def _expand_prefixes(text: str) -> tuple[str, ...]:
    prefixes: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            low, _, high = part.partition("-")
            if not (is_digits(low) and is_digits(high)) or len(low) != len(high):
                raise InvalidInStoreLayout(
                    f"prefix range {part!r} must be two numbers of the same length, "
                    "such as 20-29",
                    prefix=part,
                )
            prefixes.extend(
                str(number).zfill(len(low)) for number in range(int(low), int(high) + 1)
            )
        else:
            prefixes.append(part)
    return tuple(prefixes)


def parse_layout(spec: str) -> InStoreLayout:
    """A layout from text `PREFIXES:ITEM:KIND:VALUE:DECIMALS`, e.g. `24:5:price:5:2`.

    PREFIXES is a comma-separated list of prefixes or ranges (`20-23,25`); KIND is
    weight, count or price.
    """
    parts = [part.strip() for part in spec.split(":")]
    if len(parts) != 5:
        raise InvalidInStoreLayout(
            f"layout {spec!r} must have 5 parts PREFIXES:ITEM:KIND:VALUE:DECIMALS, "
            "such as 24:5:price:5:2",
            spec=spec,
        )
    prefixes, item, kind, value, decimals = parts
    kinds = ", ".join(member.value for member in ValueKind)
    if kind not in {member.value for member in ValueKind}:
        raise InvalidInStoreLayout(
            f"layout {spec!r}: value kind {kind!r} is none of {kinds}", spec=spec
        )
    if not (is_digits(item) and is_digits(value) and is_digits(decimals)):
        raise InvalidInStoreLayout(
            f"layout {spec!r}: item digits, value digits and decimals must be numbers",
            spec=spec,
        )
    return InStoreLayout(
        prefixes=_expand_prefixes(prefixes),
        item_digits=int(item),
        value_kind=ValueKind(kind),
        value_digits=int(value),
        decimals=int(decimals),
    )
