"""GTIN arithmetic: check digits, UPC-E expansion and the 14-digit key.

GS1 General Specifications: the check digit of a GTIN-8, -12, -13 or -14 weights the
data digits 3, 1, 3, ... starting from the rightmost data digit; the check digit is what
brings the weighted sum up to a multiple of 10.
"""

from __future__ import annotations

import logging

from app.domain.errors import (
    EmptyBarcode,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
)
from app.domain.reading import Symbology

logger = logging.getLogger(__name__)

DIGITS = frozenset("0123456789")

# The length of each GTIN symbology's full code (check digit included).
GTIN_LENGTHS: dict[Symbology, int] = {
    Symbology.EAN8: 8,
    Symbology.UPCE: 8,
    Symbology.UPCA: 12,
    Symbology.EAN13: 13,
    Symbology.GTIN14: 14,
}
GTIN_CODE_LENGTHS = frozenset({8, 12, 13, 14})

# The longest data a mod-10 check digit is computed for here (an SSCC has 17).
_MAX_DATA_DIGITS = 17


def is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits only (no other Unicode digits)."""
    return bool(text) and all(char in DIGITS for char in text)


def require_digits(text: str, *, offset: int = 0, what: str = "barcode") -> None:
    """Raise `InvalidCharacter` naming the first non-digit and its 1-based position.

    `offset` is added to the position, so a caller checking part of the input can
    report the position in the whole input.
    """
    for index, char in enumerate(text):
        if char not in DIGITS:
            position = offset + index + 1
            raise InvalidCharacter(
                f"{what} has {describe_char(char)} at position {position}; "
                "only the digits 0-9 are allowed",
                character=char,
                position=position,
            )


def describe_char(char: str) -> str:
    """A character as a person can read it in a message: 'A', a space, U+00A0."""
    if char == " ":
        return "a space"
    if char.isprintable():
        return f"the character {char!r}"
    return f"the invisible character U+{ord(char):04X}"


def check_digit(data: str) -> str:
    """GS1 mod-10 check digit for the data digits of a GTIN-8/12/13/14.

    `data` is the code without its check digit (7, 11, 12 or 13 digits; any length
    from 1 to 17 is computed the same way).
    """
    if not data:
        raise EmptyBarcode("no digits to compute a check digit for")
    require_digits(data)
    if len(data) > _MAX_DATA_DIGITS:
        raise InvalidLength(
            f"{len(data)} data digits are too many for a GS1 check digit; "
            f"at most {_MAX_DATA_DIGITS}",
            length=len(data),
            accepted=f"1-{_MAX_DATA_DIGITS}",
        )
    total = 0
    for index, char in enumerate(reversed(data)):
        total += int(char) * (3 if index % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def with_check_digit(data: str) -> str:
    """The data digits followed by their check digit."""
    return data + check_digit(data)


def has_valid_check_digit(code: str) -> bool:
    """True when the last digit of a 2-18 digit code is its GS1 check digit."""
    return (
        2 <= len(code) <= _MAX_DATA_DIGITS + 1
        and is_digits(code)
        and (check_digit(code[:-1]) == code[-1])
    )


def check_digit_error(
    symbology: Symbology, code: str, expected: str
) -> InvalidCheckDigit:
    """The error for `code` whose last digit is not `expected`."""
    given = code[-1]
    return InvalidCheckDigit(
        f"wrong check digit in {symbology} {code}: the last digit is {given}, "
        f"but the right one is {expected} (expected {code[:-1]}{expected}); "
        "check the digits for a typo or scan the code again",
        symbology=str(symbology),
        given=given,
        expected=expected,
        barcode=code,
    )


# --- UPC-E -----------------------------------------------------------------------


def upce_to_upca(code: str) -> str:
    """Expand a UPC-E code to its 12-digit UPC-A form (check digit included).

    Accepts the 8-digit code (number system, six digits, check digit; the check digit
    is verified), the 7-digit code without the check digit, or the bare six digits
    (number system 0). Expansion follows the UPC rules for the last of the six digits:
    0-2 manufacturer XX d 00, product 00 XXX; 3 manufacturer XXX 00, product 000 XX;
    4 manufacturer XXXX 0, product 0000 X; 5-9 manufacturer XXXXX, product 0000 d.
    """
    require_digits(code, what="UPC-E code")
    if len(code) == 6:
        number_system, body, given = "0", code, None
    elif len(code) in (7, 8):
        number_system, body = code[0], code[1:7]
        given = code[7] if len(code) == 8 else None
    else:
        raise InvalidLength(
            f"a UPC-E code has 6, 7 or 8 digits, not {len(code)}",
            length=len(code),
            accepted="6, 7, 8",
        )
    if number_system not in "01":
        raise InvalidLength(
            f"UPC-E {code} starts with {number_system}; UPC-E uses number system "
            "0 or 1 only",
            length=len(code),
            accepted="8 digits starting with 0 or 1",
        )

    last = body[5]
    if last in "012":
        manufacturer, product = body[0:2] + last + "00", "00" + body[2:5]
    elif last == "3":
        manufacturer, product = body[0:3] + "00", "000" + body[3:5]
    elif last == "4":
        manufacturer, product = body[0:4] + "0", "0000" + body[4]
    else:
        manufacturer, product = body[0:5], "0000" + last
    data = number_system + manufacturer + product
    expected = check_digit(data)

    if given is not None and given != expected:
        raise check_digit_error(Symbology.UPCE, code, expected)
    return data + expected


def upca_to_upce(code: str) -> str | None:
    """The 8-digit UPC-E form of a 12-digit UPC-A, or None when it has none.

    Raises `InvalidCheckDigit` for a UPC-A whose check digit is wrong.
    """
    if len(code) != 12 or not is_digits(code):
        return None
    expected = check_digit(code[:-1])
    if expected != code[-1]:
        raise check_digit_error(Symbology.UPCA, code, expected)
    if code[0] not in "01":
        return None
    number_system, manufacturer, product, check = (
        code[0],
        code[1:6],
        code[6:11],
        code[11],
    )
    if manufacturer[2] in "012" and manufacturer[3:] == "00" and product[:2] == "00":
        body = manufacturer[:2] + product[2:] + manufacturer[2]
    elif manufacturer[3:] == "00" and product[:3] == "000":
        body = manufacturer[:3] + product[3:] + "3"
    elif manufacturer[4] == "0" and product[:4] == "0000":
        body = manufacturer[:4] + product[4] + "4"
    elif product[:4] == "0000" and product[4] in "56789":
        body = manufacturer + product[4]
    else:
        return None
    upce = number_system + body + check
    # Only a compression that expands back to the same UPC-A is a UPC-E form.
    return upce if upce_to_upca(upce) == code else None


# --- the 14-digit key --------------------------------------------------------------


def to_gtin14(symbology: Symbology, code: str) -> str:
    """The 14-digit key of a valid GTIN code: UPC-E expanded, others padded left."""
    if symbology == Symbology.UPCE:
        return "00" + upce_to_upca(code)
    return code.rjust(14, "0")
