"""Amounts as staff type them: prices, rates and quantities.

Only ASCII digits, with at most one decimal separator ("," as Ukrainian staff type it,
or ".") and a limited number of decimals. Thousands may be grouped with spaces
("1 234,50"), in groups of three. Everything `decimal.Decimal` would also take is
refused: exponents ("1e3"), underscores ("1_000"), other scripts' digits ("١٢"),
signs, "NaN" and "Infinity". A refusal says which of these it was (`AmountProblem`),
so each caller can word it for its own field.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

# Spaces staff type or paste between groups of thousands: space, no-break space,
# narrow no-break space (what Ukrainian number formatting puts there).
GROUP_SPACES = " \u00a0\u202f"

_NUMBER = re.compile(
    rf"(?P<whole>[0-9]+|[0-9]{{1,3}}(?:[{GROUP_SPACES}][0-9]{{3}})+)"
    r"(?:[.,](?P<fraction>[0-9]*))?"
)


class AmountProblem(StrEnum):
    """Why a typed amount was refused; `describe` gives the English words."""

    EMPTY = "empty"
    SIGN = "sign"
    EXPONENT = "exponent"
    FOREIGN_DIGITS = "foreign_digits"
    SEPARATORS = "separators"
    GROUPING = "grouping"
    DECIMALS = "decimals"
    CHARACTERS = "characters"

    def describe(self, max_decimals: int) -> str:
        return {
            AmountProblem.EMPTY: "nothing is typed",
            AmountProblem.SIGN: "a sign (+ or -) is not allowed",
            AmountProblem.EXPONENT: "an exponent (such as e3) is not allowed",
            AmountProblem.FOREIGN_DIGITS: "only the digits 0-9 are allowed",
            AmountProblem.SEPARATORS: "it has more than one decimal separator",
            AmountProblem.GROUPING: "spaces may only separate groups of three digits",
            AmountProblem.DECIMALS: f"it has more than {max_decimals} decimals",
            AmountProblem.CHARACTERS: "it holds characters other than digits",
        }[self]


def read_amount(text: str, max_decimals: int) -> Decimal | AmountProblem:
    """The amount typed in `text`, or why it is not one."""
    typed = text.strip(GROUP_SPACES + "\t")
    if typed[:1] in (".", ","):
        typed = "0" + typed  # ",5" is half
    match = _NUMBER.fullmatch(typed)
    if match is None:
        return _problem(typed)
    fraction = match.group("fraction") or ""
    if len(fraction) > max_decimals:
        return AmountProblem.DECIMALS
    whole = re.sub(f"[{GROUP_SPACES}]", "", match.group("whole"))
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def typed_amount(
    text: str, max_decimals: int, *, field: str, noun: str, expected: str
) -> Decimal:
    """The amount typed in `text`; raises `InvalidAmount` naming `field`, saying
    what was wrong and what is `expected` (e.g. "expected ..., such as 12,50")."""
    from app.domain.errors import InvalidAmount

    read = read_amount(text, max_decimals)
    if isinstance(read, AmountProblem):
        raise InvalidAmount(
            f"{field} {text!r} is not {noun}: {read.describe(max_decimals)}; "
            f"{expected}",
            field=field,
            value=text,
            problem=read,
            max_decimals=max_decimals,
        )
    return read


def _problem(typed: str) -> AmountProblem:
    if not typed:
        return AmountProblem.EMPTY
    if any(c.isdigit() and not "0" <= c <= "9" for c in typed):
        return AmountProblem.FOREIGN_DIGITS
    if typed[0] in "+-\u2212":
        return AmountProblem.SIGN
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+", typed):
        return AmountProblem.EXPONENT
    if re.fullmatch(rf"[0-9{GROUP_SPACES}]*(?:[.,][0-9]*){{2,}}", typed):
        return AmountProblem.SEPARATORS
    if re.fullmatch(rf"[0-9{GROUP_SPACES}]+(?:[.,][0-9]*)?", typed):
        return AmountProblem.GROUPING
    return AmountProblem.CHARACTERS
