"""Reading a barcode as it arrives from a scanner or a person.

INTERFACE FIXED FOR OTHER LAYERS; implementation in progress (issue 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


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

    item_key: str  # the EAN-13 with the value digits zeroed and the check digit redone
    item_code: str
    quantity: Decimal | None  # weight in kg (or count), when the layout carries weight
    price: Decimal | None  # when the layout carries a price


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

    @property
    def key(self) -> str:
        """The lookup key of the main code: gtin14, or the internal code as it is."""
        return self.gtin14 if self.gtin14 is not None else self.bar_code


def check_digit(data: str) -> str:
    """GS1 mod-10 check digit for the data digits of a GTIN-8/12/13/14."""
    raise NotImplementedError


def read_barcode(text: str) -> Reading:
    """Read text (possibly with an AIM identifier such as `]E0`); raises BarcodeError."""
    raise NotImplementedError
