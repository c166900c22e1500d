"""`python -m app barcode [--json] CODE...`: read barcodes as a scanner gives them.

The only module of `app.domain` that does I/O (it prints); the rules stay pure.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from app.domain.barcode import (
    DEFAULT_LAYOUTS,
    InStoreLayout,
    Reading,
    parse_layout,
    read_barcode,
    with_layouts,
)
from app.domain.errors import DomainError

logger = logging.getLogger(__name__)

SAMPLE_CODES = (
    "4006381333931",
    "07838604",
    "978187367100954499",
    "9638507400019",
    "2100001027506",
    "100234",
    "4006381333932",
)

JSON_KEYS = (
    "input",
    "valid",
    "symbology",
    "bar_code",
    "ext_bar_code",
    "gtin14",
    "prefix_class",
    "alternative",
    "in_store",
    "error",
    "warning",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per code instead of a readable line",
    )
    parser.add_argument(
        "--layout",
        action="append",
        default=[],
        metavar="PREFIXES:ITEM:KIND:VALUE:DECIMALS",
        help=(
            "an in-store variable-measure layout tried before the default "
            "(20-29:5:weight:5:3), such as 24:5:price:5:2; may be repeated"
        ),
    )
    parser.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help="barcodes as scanned or typed; with none, a few sample codes are read",
    )


def reading_to_json(
    text: str, reading: Reading | None, error: str | None
) -> dict[str, Any]:
    """The JSON object for one input: a reading, or the error that refused it."""
    if reading is None:
        return {
            "input": text,
            "valid": False,
            "symbology": None,
            "bar_code": None,
            "ext_bar_code": None,
            "gtin14": None,
            "prefix_class": None,
            "alternative": None,
            "in_store": None,
            "error": error,
            "warning": None,
        }
    main = reading.as_dict()
    return {
        "input": text,
        "valid": True,
        "symbology": main["symbology"],
        "bar_code": main["bar_code"],
        "ext_bar_code": main["ext_bar_code"],
        "gtin14": main["gtin14"],
        "prefix_class": main["prefix_class"],
        "alternative": main["alternative"],
        "in_store": main["in_store"],
        "error": None,
        "warning": reading.warning,
    }


def describe_line(text: str, reading: Reading | None, error: str | None) -> str:
    """One readable line for one input."""
    if reading is None:
        return f"{text!r}: invalid: {error}"
    line = f"{text!r}: {reading.describe()}, {reading.prefix_class}"
    if reading.gtin14 is not None:
        line += f", key {reading.gtin14}"
    if reading.in_store is not None:
        value = reading.in_store
        line += f", item {value.item_key}"
        if value.quantity is not None:
            line += f" quantity {value.quantity}"
        if value.price is not None:
            line += f" price {value.price}"
    if reading.warning is not None:
        line += f" (warning: {reading.warning})"
    return line


def read_all(
    codes: Sequence[str],
    *,
    as_json: bool,
    layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS,
    out: TextIO | None = None,
) -> int:
    """Print a reading per code; 0 when every code is valid, 1 otherwise."""
    stream = sys.stdout if out is None else out
    all_valid = True
    for text in codes:
        reading: Reading | None = None
        error: str | None = None
        try:
            reading = read_barcode(text, layouts=layouts)
        except DomainError as exc:
            error = exc.message
            all_valid = False
        if as_json:
            stream.write(json.dumps(reading_to_json(text, reading, error)) + "\n")
        else:
            stream.write(describe_line(text, reading, error) + "\n")
    return 0 if all_valid else 1


def run(args: argparse.Namespace) -> int:
    try:
        custom = [parse_layout(spec) for spec in args.layout]
    except DomainError as exc:
        sys.stderr.write(f"komora barcode: {exc.message}\n")
        return 2
    layouts = with_layouts(custom)
    if not args.codes:
        return main_sample(layouts=layouts, as_json=args.json)
    return read_all(args.codes, as_json=args.json, layouts=layouts)


def main_sample(
    *, layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS, as_json: bool = False
) -> int:
    """Print the readings of a few sample codes (one has a wrong check digit on
    purpose, to show the message); returns 0."""
    if not as_json:
        sys.stdout.write("Sample barcodes (the last one has a wrong check digit):\n")
    read_all(SAMPLE_CODES, as_json=as_json, layouts=layouts)
    return 0
