"""Lookup keys: how a stored barcode and a scanned reading meet in one index.

A barcode is found by its GTIN-14 key plus its add-on, so a UPC-A and its EAN-13 form
with a leading zero meet on one row; an internal code is its own key. A stored code that
reads two ways (an 8-digit code valid as EAN-8 and as UPC-E) is indexed under both keys,
so it is found whichever way the scanner reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.barcode import Reading, read_barcode
from app.domain.errors import BarcodeError

NO_ADD_ON = ""


@dataclass(frozen=True)
class StoredKeys:
    key: str
    add_on: str
    alt_key: str | None
    alt_add_on: str | None


def stored_keys(bar_code: str, ext_bar_code: str | None) -> StoredKeys:
    """The keys under which a barcode as the server stores it is indexed.

    A code the domain rules reject (a wrong check digit kept by the back office) is
    indexed as it is, so an exact scan of the same digits still finds it.
    """
    ext = ext_bar_code or NO_ADD_ON
    try:
        reading = read_barcode(bar_code)
    except BarcodeError:
        return StoredKeys(bar_code, ext, None, None)

    first = _key_of(reading, ext)
    alternative = reading.alternative
    second = _key_of(alternative, ext) if alternative is not None else None
    if second == first:
        second = None
    return StoredKeys(
        first[0],
        first[1],
        second[0] if second else None,
        second[1] if second else None,
    )


def _key_of(reading: Reading, stored_ext: str) -> tuple[str, str]:
    # The server keeps the add-on in ext_bar_code; a bar_code that itself carries one
    # (main code and add-on concatenated) is keyed the same way as the split form.
    return reading.key, stored_ext or reading.ext_bar_code or NO_ADD_ON


def scanned_keys(reading: Reading) -> list[tuple[str, str]]:
    """(key, add_on) pairs to try for a scan, best first: the reading, then its
    alternative."""
    pairs = [(reading.key, reading.ext_bar_code or NO_ADD_ON)]
    if reading.alternative is not None:
        alternative = reading.alternative
        pair = (alternative.key, alternative.ext_bar_code or NO_ADD_ON)
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def gtin14_of_ean13(code: str) -> str:
    """The GTIN-14 key of a valid EAN-13 (an in-store item key is one)."""
    return "0" + code
