"""Reading a barcode as it arrives from a scanner or a person: the public facade.

Other layers import from here. The rules live in modules by idea: `gtin` (check digits,
UPC-E, the 14-digit key), `addons`, `aim` (symbology identifiers), `prefixes`,
`instore` (variable-measure layouts), `generator` (new in-store codes), `storage` (the
API's limits) and `reader` (putting them together).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from app.domain.addons import ADD_ON_LENGTHS, CONCATENATED_LENGTHS
from app.domain.errors import (
    BarcodeError,
    CodeRangeExhausted,
    EmptyBarcode,
    InvalidAddOn,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidInStoreLayout,
    InvalidLength,
    InvalidSymbologyIdentifier,
    UnsupportedBarcode,
)
from app.domain.generator import (
    DEFAULT_CODE_RANGE,
    InStoreCodeRange,
    next_free_in_store_code,
)
from app.domain.gtin import (
    GTIN_CODE_LENGTHS,
    check_digit,
    has_valid_check_digit,
    upca_to_upce,
    upce_to_upca,
    with_check_digit,
)
from app.domain.instore import (
    DEFAULT_LAYOUTS,
    InStoreLayout,
    ValueKind,
    parse_layout,
    with_layouts,
)
from app.domain.reader import INTERNAL_LENGTHS, read_barcode, read_parts
from app.domain.reading import InStoreValue, PrefixClass, Reading, Symbology
from app.domain.storage import MAX_DIGITS, check_storable

logger = logging.getLogger(__name__)

__all__ = [
    "ADD_ON_LENGTHS",
    "CONCATENATED_LENGTHS",
    "DEFAULT_CODE_RANGE",
    "DEFAULT_LAYOUTS",
    "GTIN_CODE_LENGTHS",
    "INTERNAL_LENGTHS",
    "MAX_DIGITS",
    "BarcodeError",
    "CodeRangeExhausted",
    "EmptyBarcode",
    "InStoreCodeRange",
    "InStoreLayout",
    "InStoreValue",
    "InvalidAddOn",
    "InvalidCharacter",
    "InvalidCheckDigit",
    "InvalidInStoreLayout",
    "InvalidLength",
    "InvalidSymbologyIdentifier",
    "PrefixClass",
    "Reading",
    "Symbology",
    "UnsupportedBarcode",
    "ValueKind",
    "check_digit",
    "check_storable",
    "expand_to_gtin14",
    "has_valid_check_digit",
    "next_free_in_store_code",
    "parse_layout",
    "read_barcode",
    "read_parts",
    "upca_to_upce",
    "upce_to_upca",
    "validate_for_print",
    "with_check_digit",
    "with_layouts",
]


def validate_for_print(
    bar_code: str,
    ext_bar_code: str | None = None,
    *,
    layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS,
) -> Reading:
    """The reading a label is printed from, or a `BarcodeError` saying why not.

    Reads the stored fields as they are (see `read_parts`): a wrong check digit is
    refused with the right one in the message, never corrected. The reading's
    symbology says how to print: EAN-13, EAN-8, UPC-A, UPC-E (with the add-on in
    `ext_bar_code`), GTIN-14 (ITF-14 or GS1-128) or internal (Code 128).
    """
    return read_parts(bar_code, ext_bar_code, layouts=layouts)


def expand_to_gtin14(code: str) -> str:
    """The 14-digit key of a stored EAN-13, UPC-A, UPC-E, EAN-8 or GTIN-14.

    UPC-E is expanded by the UPC rules and EAN-8 padded on the left; an 8-digit code
    valid both as UPC-E and as EAN-8 is taken as UPC-E. Raises `BarcodeError` for a
    wrong check digit and `InvalidLength` for a code that is not a GTIN.
    """
    reading = read_parts(code, None)
    if reading.gtin14 is None:
        raise InvalidLength(
            f"{code} has {len(code)} digits and is a shop's own code, not a GTIN; "
            "a GTIN has 8, 12, 13 or 14 digits",
            length=len(code),
            accepted=sorted(GTIN_CODE_LENGTHS),
        )
    return reading.gtin14
