"""New in-store EAN-13 codes for a shop's own items.

A range is a restricted-circulation prefix (20-29, or 02/04) and a span of item
numbers. Each generated code is prefix + item number + zeros for the value digits +
check digit, so with a variable-measure layout of the same shape the code is the item
key that the scale's labels for that item read back to.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.errors import CodeRangeExhausted, InvalidInStoreLayout
from app.domain.gtin import is_digits, with_check_digit
from app.domain.instore import DATA_DIGITS
from app.domain.prefixes import classify_ean13
from app.domain.reading import PrefixClass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InStoreCodeRange:
    """Item numbers `first`..`last` under `prefix`, each `item_digits` wide.

    The default matches the default variable-measure layout: prefix 20, a 5-digit
    item code, five zero value digits. `last` None means the widest number that fits.
    """

    prefix: str = "20"
    item_digits: int = 5
    first: int = 1
    last: int | None = None

    def __post_init__(self) -> None:
        if not is_digits(self.prefix) or (
            classify_ean13(self.prefix.ljust(13, "0")) != PrefixClass.IN_STORE
        ):
            raise InvalidInStoreLayout(
                f"prefix {self.prefix!r} is not an in-store prefix; use 20-29 "
                "(or 02 or 04, the UPC number systems 2 and 4)",
                prefix=self.prefix,
            )
        if not 1 <= self.item_digits <= DATA_DIGITS - len(self.prefix):
            raise InvalidInStoreLayout(
                f"item digits must be between 1 and {DATA_DIGITS - len(self.prefix)} "
                f"after prefix {self.prefix}, not {self.item_digits}",
                item_digits=self.item_digits,
            )
        if not 0 <= self.first <= self.highest < 10**self.item_digits:
            raise InvalidInStoreLayout(
                f"the range {self.first}..{self.highest} is empty or does not fit "
                f"{self.item_digits} item digits",
                first=self.first,
                last=self.highest,
            )

    @property
    def highest(self) -> int:
        widest = 10**self.item_digits - 1
        return widest if self.last is None else self.last

    @property
    def value_digits(self) -> int:
        return DATA_DIGITS - len(self.prefix) - self.item_digits

    def code_for(self, number: int) -> str:
        """The EAN-13 of item number `number` in this range."""
        if not self.first <= number <= self.highest:
            raise InvalidInStoreLayout(
                f"item number {number} is outside the range "
                f"{self.first}..{self.highest}",
                number=number,
            )
        data = self.prefix + str(number).zfill(self.item_digits)
        return with_check_digit(data + "0" * self.value_digits)

    def number_of(self, code: str) -> int | None:
        """The item number of a code in this range's prefix, or None for others.

        Accepts the EAN-13, its 14-digit key or a UPC-A form; the value digits and the
        check digit are not looked at, so any pack of an item marks its number used.
        """
        code = code.strip()
        if len(code) == 14 and code.startswith("0"):
            code = code[1:]
        elif len(code) == 12:
            code = "0" + code
        if len(code) != 13 or not is_digits(code) or not code.startswith(self.prefix):
            return None
        start = len(self.prefix)
        return int(code[start : start + self.item_digits])


DEFAULT_CODE_RANGE = InStoreCodeRange()


def next_free_in_store_code(
    in_use: Iterable[str], code_range: InStoreCodeRange = DEFAULT_CODE_RANGE
) -> str:
    """The in-store EAN-13 with the lowest free item number in the range.

    `in_use` holds the codes the catalog already has (any form; codes of other
    prefixes are ignored). Raises `CodeRangeExhausted` when every number is taken.
    """
    used: set[int] = set()
    for code in in_use:
        number = code_range.number_of(code)
        if number is not None:
            used.add(number)

    number = code_range.first
    while number in used:
        number += 1
    if number > code_range.highest:
        raise CodeRangeExhausted(
            f"every in-store code from {code_range.code_for(code_range.first)} to "
            f"{code_range.code_for(code_range.highest)} is in use; widen the range or "
            "choose another prefix",
            prefix=code_range.prefix,
            first=code_range.first,
            last=code_range.highest,
        )
    logger.debug("next free in-store item number %s", number)
    return code_range.code_for(number)
