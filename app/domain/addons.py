"""EAN add-ons: the 2- or 5-digit supplement printed to the right of a main code.

Scanners send an add-on after the main code with a space or `+` between them, or run
the digits together; the lengths then tell the possible splits. The add-on has no check
digit of its own in the data (its parity pattern checks it in the symbol), and the main
code's check digit covers the main code only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.domain.errors import InvalidAddOn, InvalidCharacter
from app.domain.gtin import DIGITS, describe_char, is_digits

logger = logging.getLogger(__name__)

ADD_ON_LENGTHS = (2, 5)
MAIN_LENGTHS_WITH_ADD_ON = (8, 12, 13)  # EAN-8 or UPC-E, UPC-A, EAN-13
SEPARATORS = frozenset(" +")

# A run-together string's length -> (main code length, add-on length).
CONCATENATED_LENGTHS: dict[int, tuple[int, int]] = {
    10: (8, 2),
    13: (8, 5),
    14: (12, 2),
    15: (13, 2),
    17: (12, 5),
    18: (13, 5),
}


@dataclass(frozen=True)
class Parts:
    """The digits before a separator and, when there was one, the digits after it."""

    main: str
    add_on: str | None
    separator_position: int | None = None  # 1-based, in the whole input


def split_parts(body: str, *, offset: int = 0) -> Parts:
    """Split `body` at a space or `+` (one run of them), checking every character.

    `offset` is the number of input characters before `body`, so errors name the
    position in the whole input.
    """
    run_start: int | None = None
    run_end: int | None = None
    for index, char in enumerate(body):
        if char in DIGITS:
            continue
        position = offset + index + 1
        if char not in SEPARATORS:
            raise InvalidCharacter(
                f"barcode has {describe_char(char)} at position {position}; only the "
                "digits 0-9 are allowed, with a space or '+' before an add-on",
                character=char,
                position=position,
            )
        if run_start is None:
            run_start, run_end = index, index + 1
        elif run_end == index and not (char == "+" and "+" in body[run_start:index]):
            run_end = index + 1
        else:
            raise InvalidCharacter(
                f"barcode has a second separator ({describe_char(char)}) at position "
                f"{position}; a code has one space or '+', only before its add-on",
                character=char,
                position=position,
            )
    if run_start is None or run_end is None:
        return Parts(body, None)

    main, add_on = body[:run_start], body[run_end:]
    if not main:
        raise InvalidAddOn(
            "there is no main code before the add-on separator; "
            "scan the main code together with its add-on",
        )
    if not add_on:
        raise InvalidAddOn(
            f"nothing follows the separator after {main}; an add-on has 2 or 5 digits",
            main=main,
        )
    return Parts(main, add_on, separator_position=offset + run_start + 1)


def check_add_on(add_on: str) -> None:
    """An add-on is 2 or 5 digits (the API's `ext_bar_code`)."""
    if not is_digits(add_on) or len(add_on) not in ADD_ON_LENGTHS:
        raise InvalidAddOn(
            f"add-on {add_on!r} has {len(add_on)} characters; an add-on has 2 or 5 "
            "digits",
            add_on=add_on,
            length=len(add_on),
            accepted=list(ADD_ON_LENGTHS),
        )


def split_concatenated(digits: str) -> tuple[str, str] | None:
    """The main code and add-on of a run-together string, by its length."""
    lengths = CONCATENATED_LENGTHS.get(len(digits))
    if lengths is None:
        return None
    main_length, _ = lengths
    return digits[:main_length], digits[main_length:]
