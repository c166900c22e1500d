"""Label quantities, typed on the command line or in a delivery CSV, are whole
numbers in ASCII digits; anything else is refused with the line or the argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.labels.catalog_source import parse_code_request, requests_from_csv
from app.labels.errors import LabelError


@pytest.mark.parametrize("text", ["4006381333931x\u0663", "4006381333931x\u00b2", "x3"])
def test_a_code_quantity_in_other_digits_is_refused(text: str) -> None:
    with pytest.raises(LabelError, match="is not CODE or CODExQUANTITY"):
        parse_code_request(text)


def test_a_code_quantity_in_ascii_digits_is_taken() -> None:
    assert parse_code_request("4006381333931x12") == ("4006381333931", 12)


@pytest.mark.parametrize("quantity", ["1e1", "1_0", "\u0663", "2.5", "0", "-1"])
def test_a_csv_quantity_must_be_a_whole_number(tmp_path: Path, quantity: str) -> None:
    path = tmp_path / "delivery.csv"
    path.write_text(
        "bar_code,ext_bar_code,name,price,unit,quantity\n"
        f'4006381333931,,Молоко,"38,40",шт,{quantity}\n',
        encoding="utf-8",
    )

    with pytest.raises(LabelError, match=r"line 2: quantity .* must be a whole number"):
        requests_from_csv(path)


@pytest.mark.parametrize("price", ["1e3", "1_000", "\u0663\u0668", "38,405"])
def test_a_csv_price_must_be_a_typed_amount(tmp_path: Path, price: str) -> None:
    path = tmp_path / "delivery.csv"
    path.write_text(
        "bar_code,ext_bar_code,name,price,unit,quantity\n"
        f'4006381333931,,Молоко,"{price}",шт,1\n',
        encoding="utf-8",
    )

    with pytest.raises(LabelError, match=r"line 2: price .* is not an amount"):
        requests_from_csv(path)
