"""AIM symbology identifiers: the `]Xm` a scanner may put before the data.

ISO/IEC 15424: a `]`, a letter naming the symbology and one modifier character. For
EAN/UPC (ISO/IEC 15420) the modifiers are 0 (EAN-13, UPC-A or UPC-E alone), 1 (a 2-digit
add-on alone), 2 (a 5-digit add-on alone), 3 (main code and add-on in one packet) and
4 (EAN-8). Other symbologies are read as plain digits; the GS1 ones (GS1-128, GS1
DataBar, GS1 DataMatrix, GS1 QR) as element strings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from app.domain.errors import InvalidSymbologyIdentifier

logger = logging.getLogger(__name__)

IDENTIFIER_LENGTH = 3
_MODIFIERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# Identifiers whose data is a GS1 element string (AI 01 carries the GTIN-14).
GS1_IDENTIFIERS = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})


class Family(Enum):
    """What an identifier tells the reader to expect."""

    EAN_PLAIN = "ean-plain"  # ]E0
    EAN_ADD_ON_ONLY = "ean-add-on-only"  # ]E1, ]E2
    EAN_WITH_ADD_ON = "ean-with-add-on"  # ]E3
    EAN8 = "ean-8"  # ]E4
    GS1 = "gs1"  # element strings
    OTHER = "other"  # Code 128, Code 39, ITF, ...: plain digits, no add-ons


@dataclass(frozen=True)
class Identifier:
    text: str  # such as "]E0"
    family: Family


def _family(text: str) -> Family:
    if text in GS1_IDENTIFIERS:
        return Family.GS1
    if text[1] != "E":
        return Family.OTHER
    modifier = text[2]
    if modifier == "0":
        return Family.EAN_PLAIN
    if modifier in "12":
        return Family.EAN_ADD_ON_ONLY
    if modifier == "3":
        return Family.EAN_WITH_ADD_ON
    if modifier == "4":
        return Family.EAN8
    raise InvalidSymbologyIdentifier(
        f"{text} is not an EAN/UPC symbology identifier; "
        "expected ]E0, ]E1, ]E2, ]E3 or ]E4",
        identifier=text,
    )


def split_identifier(text: str) -> tuple[Identifier | None, str]:
    """The identifier at the start of trimmed text (or None) and the data after it."""
    if not text.startswith("]"):
        return None, text
    head = text[:IDENTIFIER_LENGTH]
    if (
        len(head) < IDENTIFIER_LENGTH
        or head[1] not in _ASCII_LETTERS
        or head[2] not in _MODIFIERS
    ):
        raise InvalidSymbologyIdentifier(
            f"{head!r} at the start is not a symbology identifier; one is ']' followed "
            "by a letter and a modifier, such as ]E0",
            identifier=head,
        )
    return Identifier(head, _family(head)), text[IDENTIFIER_LENGTH:]
