"""Storage limits (`check_storable`) and reading stored fields for labels."""

from __future__ import annotations

import pytest

from app.domain.barcode import (
    MAX_DIGITS,
    Symbology,
    check_storable,
    read_parts,
    validate_for_print,
)
from app.domain.errors import (
    BarcodeError,
    EmptyBarcode,
    InvalidAddOn,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
)


@pytest.mark.parametrize(
    ("bar_code", "ext_bar_code"),
    [
        ("4006381333931", None),
        ("4006381333931", ""),
        ("4006381333931", "12"),
        ("9781873671009", "54499"),
        ("1", None),
        ("9" * MAX_DIGITS, None),
        ("4006381333932", None),  # check digits are not a storage limit
    ],
)
def test_storable(bar_code: str, ext_bar_code: str | None) -> None:
    check_storable(bar_code, ext_bar_code)


@pytest.mark.parametrize(
    ("bar_code", "ext_bar_code", "error", "field"),
    [
        ("", None, EmptyBarcode, "bar_code"),
        ("9" * (MAX_DIGITS + 1), None, InvalidLength, "bar_code"),
        ("40063813 3931", None, InvalidCharacter, "bar_code"),
        (" 4006381333931", None, InvalidCharacter, "bar_code"),  # stored, not trimmed
        ("4006381333931", "123", InvalidAddOn, "ext_bar_code"),
        ("4006381333931", "1", InvalidAddOn, "ext_bar_code"),
        ("4006381333931", "1a", InvalidCharacter, "ext_bar_code"),
    ],
)
def test_not_storable_names_the_field(
    bar_code: str, ext_bar_code: str | None, error: type[BarcodeError], field: str
) -> None:
    with pytest.raises(error) as caught:
        check_storable(bar_code, ext_bar_code)
    assert caught.value.field == field


def test_not_storable_character_position() -> None:
    with pytest.raises(InvalidCharacter) as caught:
        check_storable("40063813 3931")
    assert caught.value.params["position"] == 9
    assert "position 9" in str(caught.value)


def test_too_long_says_the_limit() -> None:
    with pytest.raises(InvalidLength, match="at most 21"):
        check_storable("1" * 22)


@pytest.mark.parametrize(
    ("bar_code", "ext_bar_code", "symbology"),
    [
        ("4006381333931", None, Symbology.EAN13),
        ("9781873671009", "54499", Symbology.EAN13),
        ("075678164125", "12", Symbology.UPCA),
        ("07838604", None, Symbology.UPCE),
        ("96385074", None, Symbology.EAN8),
        ("06932169358293", None, Symbology.GTIN14),
        ("100234", None, Symbology.INTERNAL),
        ("1234567890123456", "", Symbology.INTERNAL),
    ],
)
def test_validate_for_print_gives_the_symbology_to_print(
    bar_code: str, ext_bar_code: str | None, symbology: Symbology
) -> None:
    reading = validate_for_print(bar_code, ext_bar_code)

    assert reading.symbology == symbology
    assert reading.bar_code == bar_code
    assert reading.ext_bar_code == (ext_bar_code or None)


def test_validate_for_print_refuses_a_wrong_check_digit_naming_the_right_one() -> None:
    with pytest.raises(InvalidCheckDigit) as caught:
        validate_for_print("1234567891012", None)

    assert caught.value.params["expected"] == "9"
    assert "right one is 9" in str(caught.value)


@pytest.mark.parametrize(
    ("bar_code", "ext_bar_code", "error", "phrase"),
    [
        ("400638133393112", None, InvalidLength, "store the add-on in ext_bar_code"),
        ("9638507412", None, InvalidLength, "run together"),
        ("06932169358293", "12", InvalidAddOn, "GTIN-14"),
        ("100234", "12", InvalidAddOn, "shop's own code"),
        ("4006381333931", "123", InvalidAddOn, "2 or 5"),
    ],
)
def test_validate_for_print_refusals(
    bar_code: str, ext_bar_code: str | None, error: type[BarcodeError], phrase: str
) -> None:
    with pytest.raises(error, match=phrase):
        validate_for_print(bar_code, ext_bar_code)


def test_read_parts_keeps_the_ambiguity_of_eight_digits() -> None:
    reading = read_parts("01008029", None)

    assert reading.symbology == Symbology.UPCE
    assert reading.alternative is not None
    assert reading.alternative.symbology == Symbology.EAN8
    assert reading.input == "01008029"
    assert read_parts("4006381333931", "12").input == "4006381333931 12"
