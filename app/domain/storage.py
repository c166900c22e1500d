"""The API's storage limits for barcodes (catalog API document: `bar_code` string(21),
`ext_bar_code` the 2- or 5-digit add-on). The server and the wizard both call these."""

from __future__ import annotations

import logging

from app.domain.addons import ADD_ON_LENGTHS
from app.domain.errors import (
    EmptyBarcode,
    InvalidAddOn,
    InvalidCharacter,
    InvalidLength,
)
from app.domain.gtin import DIGITS, describe_char

logger = logging.getLogger(__name__)

MAX_DIGITS = 21


def _require_digits(field: str, value: str) -> None:
    for index, char in enumerate(value):
        if char not in DIGITS:
            raise InvalidCharacter(
                f"{field} has {describe_char(char)} at position {index + 1}; "
                "it may hold the digits 0-9 only",
                field=field,
                character=char,
                position=index + 1,
            )


def check_storable(bar_code: str, ext_bar_code: str | None = None) -> None:
    """`bar_code` 1-21 digits, `ext_bar_code` empty, None, or 2 or 5 digits.

    No trimming: a stored value with a space is wrong. Raises a `BarcodeError`
    subclass whose `field` names the offending field. Check digits are not looked at
    here; `read_parts` does that.
    """
    if not bar_code:
        raise EmptyBarcode("bar_code is empty", field="bar_code")
    _require_digits("bar_code", bar_code)
    if len(bar_code) > MAX_DIGITS:
        raise InvalidLength(
            f"bar_code has {len(bar_code)} digits; it may hold at most {MAX_DIGITS}",
            field="bar_code",
            length=len(bar_code),
            accepted=list(range(1, MAX_DIGITS + 1)),
        )
    if ext_bar_code:
        _require_digits("ext_bar_code", ext_bar_code)
        if len(ext_bar_code) not in ADD_ON_LENGTHS:
            raise InvalidAddOn(
                f"ext_bar_code has {len(ext_bar_code)} digits; an add-on has 2 or 5",
                field="ext_bar_code",
                length=len(ext_bar_code),
                accepted=list(ADD_ON_LENGTHS),
            )
