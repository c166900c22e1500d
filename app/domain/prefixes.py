"""Prefix classes: what the first digits of a GTIN say about the item.

GS1 General Specifications, prefix list: 20-29 restricted circulation (a shop's own
in-store numbers), which UPC number systems 2 and 4 match (EAN-13 forms 02 and 04);
977 serial publications (ISSN); 978 and 979 books and printed music (ISBN, ISMN);
99 coupons. GTIN-8 codes starting with 2 are restricted circulation too.
"""

from __future__ import annotations

import logging

from app.domain.reading import PrefixClass, Symbology

logger = logging.getLogger(__name__)

IN_STORE_TWO_DIGIT = frozenset(f"2{digit}" for digit in range(10))
UPC_IN_STORE_NUMBER_SYSTEMS = frozenset("24")


def classify_ean13(code: str) -> PrefixClass:
    """The class of a 13-digit code (a UPC-A in its EAN-13 form starts with 0)."""
    if code[:2] in IN_STORE_TWO_DIGIT:
        return PrefixClass.IN_STORE
    if code[0] == "0" and code[1] in UPC_IN_STORE_NUMBER_SYSTEMS:
        return PrefixClass.IN_STORE
    if code[:3] == "977":
        return PrefixClass.ISSN
    if code[:3] in ("978", "979"):
        return PrefixClass.ISBN
    if code[:2] == "99":
        return PrefixClass.COUPON
    return PrefixClass.GTIN


def prefix_class(symbology: Symbology, code: str) -> PrefixClass:
    """The prefix class of a valid code of the given symbology."""
    if symbology == Symbology.INTERNAL:
        return PrefixClass.INTERNAL
    if symbology == Symbology.EAN8:
        return PrefixClass.IN_STORE if code[0] == "2" else PrefixClass.GTIN
    if symbology == Symbology.UPCE:
        # UPC-E exists for number systems 0 and 1 only: ordinary trade items.
        return PrefixClass.GTIN
    if symbology == Symbology.UPCA:
        return classify_ean13("0" + code)
    if symbology == Symbology.GTIN14:
        # The indicator digit comes first; the company prefix follows it.
        return classify_ean13(code[1:])
    return classify_ean13(code)
