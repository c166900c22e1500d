"""What a barcode reads as: the symbology, the stored fields and the lookup key.

These types are re-exported by `app.domain.barcode`, which other layers import.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

logger = logging.getLogger(__name__)


class Symbology(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"
    UPCE = "UPC-E"
    GTIN14 = "GTIN-14"
    INTERNAL = "internal"


class PrefixClass(StrEnum):
    GTIN = "gtin"
    IN_STORE = "in-store"
    ISBN = "isbn"
    ISSN = "issn"
    COUPON = "coupon"
    INTERNAL = "internal"


@dataclass(frozen=True)
class InStoreValue:
    """A variable-measure in-store code: the item it names and the value it carries."""

    item_key: str  # the code with the value digits zeroed and the check digit redone
    item_code: str
    quantity: Decimal | None  # weight in kg (or count), when the layout carries weight
    price: Decimal | None  # when the layout carries a price

    def as_dict(self) -> dict[str, str | None]:
        """Plain values for JSON: decimals as strings, digit for digit."""
        return {
            "item_key": self.item_key,
            "item_code": self.item_code,
            "quantity": None if self.quantity is None else str(self.quantity),
            "price": None if self.price is None else str(self.price),
        }


@dataclass(frozen=True)
class Reading:
    input: str
    symbology: Symbology
    bar_code: str  # the main code as stored in the API's `bar_code`
    ext_bar_code: str | None  # the 2- or 5-digit add-on
    gtin14: str | None  # None for internal codes
    prefix_class: PrefixClass
    alternative: Reading | None = None
    in_store: InStoreValue | None = None
    warning: str | None = None
    # The AIM symbology identifier the input carried (such as "]E0"), if any.
    identifier: str | None = None

    @property
    def key(self) -> str:
        """The lookup key of the main code: gtin14, or the internal code as it is."""
        return self.gtin14 if self.gtin14 is not None else self.bar_code

    @property
    def is_internal(self) -> bool:
        return self.symbology == Symbology.INTERNAL

    def describe(self) -> str:
        """A short English description: `EAN-8 96385074 + add-on 00019`."""
        text = f"{self.symbology} {self.bar_code}"
        if self.ext_bar_code is not None:
            text += f" + add-on {self.ext_bar_code}"
        return text

    def as_dict(self) -> dict[str, Any]:
        """The reading's main keys as plain JSON values (the alternative nested)."""
        return {
            "symbology": str(self.symbology),
            "bar_code": self.bar_code,
            "ext_bar_code": self.ext_bar_code,
            "gtin14": self.gtin14,
            "prefix_class": str(self.prefix_class),
            "alternative": None
            if self.alternative is None
            else self.alternative.as_dict(),
            "in_store": None if self.in_store is None else self.in_store.as_dict(),
        }
