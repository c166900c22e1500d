"""Every row of the shared barcode cases (copied into tests/domain/data/barcodes.csv),
through `read_barcode` and through `python -m app barcode --json`."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.barcode import (
    DEFAULT_LAYOUTS,
    InStoreValue,
    parse_layout,
    read_barcode,
    with_layouts,
)
from app.domain.errors import (
    BarcodeError,
    EmptyBarcode,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
)

CASES_FILE = Path(__file__).parent / "data" / "barcodes.csv"
REPO = Path(__file__).resolve().parents[2]


def _load_cases() -> list[dict[str, str]]:
    with CASES_FILE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CASES = _load_cases()
VALID = [row for row in CASES if row["valid"] == "true"]
INVALID = [row for row in CASES if row["valid"] == "false"]

# What each invalid row must say, beyond its error type.
INVALID_EXPECTED: dict[str, tuple[type[BarcodeError], dict[str, Any], str]] = {
    "4006381333932": (
        InvalidCheckDigit,
        {"expected": "1", "given": "2"},
        "right one is 1",
    ),
    "1234567891012": (
        InvalidCheckDigit,
        {"expected": "9", "given": "2"},
        "right one is 9",
    ),
    "1234567890120": (
        InvalidCheckDigit,
        {"expected": "8", "given": "0"},
        "right one is 8",
    ),
    "4006381333931A": (
        InvalidCharacter,
        {"character": "A", "position": 14},
        "position 14",
    ),
    "12345678901234567890123": (InvalidLength, {"length": 23}, "23 digits"),
    "": (EmptyBarcode, {}, "empty"),
}

# The in-store rows with the default layout (2 prefix, 5 item, 5 grams, check).
IN_STORE_EXPECTED = {
    "2100001027506": InStoreValue("2100001000004", "00001", Decimal("2.750"), None),
    "2400412025505": InStoreValue("2400412000007", "00412", Decimal("2.550"), None),
}


def _optional(value: str) -> str | None:
    return value or None


def _ids(rows: list[dict[str, str]]) -> list[str]:
    return [repr(row["input"]) for row in rows]


def test_the_copied_table_has_every_row() -> None:
    # The shared table had 32 rows when copied; the split is what the issue lists.
    assert len(CASES) == 32
    assert len(INVALID) == 6
    assert {row["input"] for row in INVALID} == set(INVALID_EXPECTED)


@pytest.mark.parametrize("row", VALID, ids=_ids(VALID))
def test_valid_row_reads_as_listed(row: dict[str, str]) -> None:
    reading = read_barcode(row["input"])

    assert reading.input == row["input"]
    assert reading.symbology == row["symbology"]
    assert reading.bar_code == row["bar_code"]
    assert reading.ext_bar_code == _optional(row["ext_bar_code"])
    assert reading.gtin14 == _optional(row["gtin14"])
    assert reading.prefix_class == row["prefix_class"]
    assert reading.key == (row["gtin14"] or row["bar_code"])
    assert reading.in_store == IN_STORE_EXPECTED.get(row["input"])


@pytest.mark.parametrize("row", INVALID, ids=_ids(INVALID))
def test_invalid_row_names_what_is_wrong(row: dict[str, str]) -> None:
    error_type, params, phrase = INVALID_EXPECTED[row["input"]]

    with pytest.raises(error_type) as caught:
        read_barcode(row["input"])

    assert phrase in str(caught.value)
    for name, value in params.items():
        assert caught.value.params[name] == value


def test_wrong_check_digit_is_never_replaced_silently() -> None:
    with pytest.raises(InvalidCheckDigit, match=r"expected 1234567891019"):
        read_barcode("1234567891012")


def test_ambiguous_rows_report_the_other_reading() -> None:
    plain = read_barcode("9638507400019")
    assert plain.alternative is not None
    assert plain.alternative.describe() == "EAN-8 96385074 + add-on 00019"
    assert plain.warning is not None and "96385074" in plain.warning

    gtin14 = read_barcode("03600029145217")
    assert gtin14.alternative is not None
    assert gtin14.alternative.describe() == "UPC-A 036000291452 + add-on 17"


def test_upc_a_and_its_ean13_form_are_the_same_item() -> None:
    assert read_barcode("075678164125").key == read_barcode("0075678164125").key


def test_in_store_row_with_a_price_layout_for_prefix_24() -> None:
    layouts = with_layouts([parse_layout("24:5:price:5:2")])

    reading = read_barcode("2400412025505", layouts=layouts)

    assert reading.in_store == InStoreValue(
        "2400412000007", "00412", quantity=None, price=Decimal("25.50")
    )
    # Other prefixes keep the default weight layout.
    other = read_barcode("2100001027506", layouts=layouts)
    assert other.in_store is not None and other.in_store.quantity == Decimal("2.750")
    assert (
        read_barcode("2400412025505", layouts=DEFAULT_LAYOUTS).in_store
        == (IN_STORE_EXPECTED["2400412025505"])
    )


# --- the same rows through the command line ----------------------------------------


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "barcode", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def cli_objects() -> dict[str, dict[str, Any]]:
    """One `--json` run over every input of the table, keyed by input."""
    result = _run_cli("--json", *(row["input"] for row in CASES))
    assert result.returncode == 1, result.stderr  # the table has invalid rows
    lines = result.stdout.splitlines()
    assert len(lines) == len(CASES)
    objects = [json.loads(line) for line in lines]
    return {obj["input"]: obj for obj in objects}


@pytest.mark.parametrize("row", CASES, ids=_ids(CASES))
def test_cli_json_prints_the_row(
    row: dict[str, str], cli_objects: dict[str, dict[str, Any]]
) -> None:
    obj = cli_objects[row["input"]]

    assert list(obj) == [
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
    ]
    assert obj["valid"] is (row["valid"] == "true")
    assert obj["symbology"] == _optional(row["symbology"])
    assert obj["bar_code"] == _optional(row["bar_code"])
    assert obj["ext_bar_code"] == _optional(row["ext_bar_code"])
    assert obj["gtin14"] == _optional(row["gtin14"])
    assert obj["prefix_class"] == _optional(row["prefix_class"])
    if row["valid"] == "true":
        assert obj["error"] is None
        reading = read_barcode(row["input"])
        expected_alternative = (
            None if reading.alternative is None else reading.alternative.as_dict()
        )
        assert obj["alternative"] == expected_alternative
        assert obj["warning"] == reading.warning
    else:
        assert obj["alternative"] is None and obj["in_store"] is None
        assert INVALID_EXPECTED[row["input"]][2] in obj["error"]


def test_cli_json_in_store_values_are_strings(
    cli_objects: dict[str, dict[str, Any]],
) -> None:
    assert cli_objects["2100001027506"]["in_store"] == {
        "item_key": "2100001000004",
        "item_code": "00001",
        "quantity": "2.750",
        "price": None,
    }
    assert cli_objects["4006381333931"]["in_store"] is None


def test_cli_json_with_a_price_layout() -> None:
    result = _run_cli("--json", "--layout", "24:5:price:5:2", "2400412025505")

    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["in_store"]["price"] == "25.50"
    assert obj["in_store"]["quantity"] is None


def test_cli_exit_status_is_zero_only_when_all_are_valid() -> None:
    valid_inputs = [row["input"] for row in VALID]

    assert _run_cli("--json", *valid_inputs).returncode == 0
    assert _run_cli(*valid_inputs, "4006381333932").returncode == 1
