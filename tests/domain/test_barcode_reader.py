"""`read_barcode` beyond the shared table: identifiers, add-ons, ambiguity, errors."""

from __future__ import annotations

import pytest

from app.domain.barcode import PrefixClass, Symbology, read_barcode
from app.domain.errors import (
    BarcodeError,
    EmptyBarcode,
    InvalidAddOn,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
    InvalidSymbologyIdentifier,
    UnsupportedBarcode,
)

# --- trimming and characters -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["4006381333931\r\n", "  4006381333931", "\t4006381333931 \n", "\n4006381333931"],
)
def test_surrounding_white_space_and_line_ends_are_trimmed(text: str) -> None:
    reading = read_barcode(text)

    assert reading.bar_code == "4006381333931"
    assert reading.input == text


@pytest.mark.parametrize("text", ["", "   ", "\r\n", "\t"])
def test_empty_input(text: str) -> None:
    with pytest.raises(EmptyBarcode, match="empty"):
        read_barcode(text)


@pytest.mark.parametrize(
    ("text", "character", "position"),
    [
        ("4006381333931A", "A", 14),
        ("A006381333931", "A", 1),
        ("  40063-81333931", "-", 6),  # counted after trimming
        ("4006381333931\u00a012", "\u00a0", 14),
        ("40063813339\u0663", "\u0663", 12),  # an Arabic-Indic digit is no digit here
        ("]E0400638133393x", "x", 16),  # the identifier counts
    ],
)
def test_foreign_character_is_named_with_its_position(
    text: str, character: str, position: int
) -> None:
    with pytest.raises(InvalidCharacter) as caught:
        read_barcode(text)

    assert caught.value.params == {"character": character, "position": position}
    assert f"position {position}" in str(caught.value)


def test_an_invisible_character_is_named_by_its_code_point() -> None:
    with pytest.raises(InvalidCharacter, match="U\\+00A0"):
        read_barcode("4006381333931\u00a012")


# --- lengths and internal codes ----------------------------------------------------


@pytest.mark.parametrize(
    "digits", ["1", "100234", "1234567", "123456789", "12345678901", "1" * 16, "9" * 21]
)
def test_non_gtin_lengths_are_internal_codes_kept_as_they_are(digits: str) -> None:
    reading = read_barcode(digits)

    assert reading.symbology == Symbology.INTERNAL
    assert reading.prefix_class == PrefixClass.INTERNAL
    assert reading.bar_code == digits  # never padded or repaired
    assert reading.gtin14 is None
    assert reading.key == digits


@pytest.mark.parametrize(
    "digits",
    ["12345678", "123456789013", "1234567890123", "12345678901134"],
)
def test_a_gtin_length_with_a_bad_check_digit_is_an_error_not_internal(
    digits: str,
) -> None:
    with pytest.raises(InvalidCheckDigit):
        read_barcode(digits)


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("400638133393212", "1"),  # 13+2, main 4006381333932
        ("76194134919100211", "0"),  # 12+5, main 761941349191
        ("419013670280410018", "3"),  # 13+5, main 4190136702804
    ],
)
def test_a_run_together_code_whose_main_part_fails_is_an_error(
    digits: str, expected: str
) -> None:
    with pytest.raises(InvalidCheckDigit) as caught:
        read_barcode(digits)

    assert caught.value.params["expected"] == expected
    assert "main code" in str(caught.value)


def test_too_long_lists_the_accepted_lengths() -> None:
    with pytest.raises(InvalidLength) as caught:
        read_barcode("1" * 22)

    message = str(caught.value)
    assert "22 digits" in message
    assert "8, 12, 13 or 14" in message and "up to 21" in message


# --- add-ons -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "4006381333931 12",
        "4006381333931+12",
        "4006381333931 + 12",
        "4006381333931  12",
        "400638133393112",
    ],
)
def test_add_on_joining_forms(text: str) -> None:
    reading = read_barcode(text)

    assert (reading.bar_code, reading.ext_bar_code) == ("4006381333931", "12")
    assert reading.gtin14 == "04006381333931"  # the add-on is not part of the key


def test_upc_e_with_an_add_on() -> None:
    reading = read_barcode("07838604 12345")

    assert reading.symbology == Symbology.UPCE
    assert reading.ext_bar_code == "12345"


def test_the_check_digit_covers_the_main_code_only() -> None:
    # The same main code takes any add-on; a wrong main is refused whatever follows.
    assert read_barcode("4006381333931 99").bar_code == "4006381333931"
    with pytest.raises(InvalidCheckDigit):
        read_barcode("4006381333932 12")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("4006381333931 123", InvalidAddOn),
        ("4006381333931 1", InvalidAddOn),
        ("4006381333931+", InvalidAddOn),
        ("+12", InvalidAddOn),
        ("100234 12", InvalidLength),
        ("06932169358293 12", InvalidLength),
        ("4006381333931 12 34", InvalidCharacter),
        ("4006381333931++12", InvalidCharacter),
    ],
)
def test_bad_add_on_forms(text: str, error: type[BarcodeError]) -> None:
    with pytest.raises(error):
        read_barcode(text)


def test_bad_add_on_length_lists_the_accepted_ones() -> None:
    with pytest.raises(InvalidAddOn) as caught:
        read_barcode("4006381333931 123")
    assert caught.value.params["accepted"] == [2, 5]
    assert "2 or 5" in str(caught.value)


# --- ambiguity ---------------------------------------------------------------------


def test_eight_digits_valid_as_ean8_and_upce_report_the_alternative() -> None:
    reading = read_barcode("01008029")

    assert reading.symbology == Symbology.UPCE
    assert reading.alternative is not None
    assert reading.alternative.symbology == Symbology.EAN8
    assert reading.alternative.gtin14 == "00000001008029"
    assert reading.warning is not None and "EAN-8 01008029" in reading.warning


def test_eight_digits_wrong_for_both_names_both_right_digits() -> None:
    with pytest.raises(InvalidCheckDigit) as caught:
        read_barcode("07838605")
    # EAN-8 wants 6, UPC-E wants 4.
    assert "6 for EAN-8 or 4 for UPC-E" in str(caught.value)


def test_thirteen_digits_valid_only_as_main_plus_add_on_read_so_with_a_warning() -> (
    None
):
    # 96385074 + 00018: EAN-13 9638507400018 would need check digit 9.
    reading = read_barcode("9638507400018")

    assert reading.describe() == "EAN-8 96385074 + add-on 00018"
    assert reading.warning is not None
    assert "not a valid EAN-13" in reading.warning and "would be 9" in reading.warning


def test_an_unambiguous_code_has_no_alternative_and_no_warning() -> None:
    reading = read_barcode("4006381333931")
    assert reading.alternative is None
    assert reading.warning is None


# --- AIM symbology identifiers -----------------------------------------------------


def test_e0_decides_the_plain_code() -> None:
    reading = read_barcode("]E09638507400019")

    assert reading.describe() == "EAN-13 9638507400019"
    assert reading.alternative is None
    assert reading.identifier == "]E0"


def test_e3_decides_main_plus_add_on() -> None:
    reading = read_barcode("]E39638507400019")

    assert reading.describe() == "EAN-8 96385074 + add-on 00019"
    assert reading.alternative is None


def test_e3_with_a_gtin14_shaped_string_reads_upc_a_plus_two() -> None:
    assert read_barcode("]E303600029145217").describe() == (
        "UPC-A 036000291452 + add-on 17"
    )


def test_e3_with_a_separator() -> None:
    assert read_barcode("]E3 4006381333931 12").ext_bar_code == "12"


def test_e0_and_e4_decide_eight_digits() -> None:
    assert read_barcode("]E001008029").symbology == Symbology.UPCE
    assert read_barcode("]E401008029").symbology == Symbology.EAN8
    assert read_barcode("]E401008029").alternative is None


def test_e0_refuses_an_ean8_and_e4_refuses_other_lengths() -> None:
    with pytest.raises(UnsupportedBarcode, match="]E4"):
        read_barcode("]E096385074")
    with pytest.raises(InvalidLength) as caught:
        read_barcode("]E44006381333931")
    assert caught.value.params["accepted"] == [8]
    with pytest.raises(InvalidLength) as caught:
        read_barcode("]E0100234")
    assert caught.value.params["accepted"] == [8, 12, 13]


def test_e0_refuses_an_add_on() -> None:
    with pytest.raises(InvalidAddOn, match="position 17"):
        read_barcode("]E04006381333931 12")


def test_e1_and_e2_are_add_ons_alone() -> None:
    with pytest.raises(InvalidAddOn, match="without its main code"):
        read_barcode("]E112")
    with pytest.raises(InvalidAddOn):
        read_barcode("]E254499")


@pytest.mark.parametrize("text", ["]", "]E", "]1E0123", "]E5123", "]E-4006381333931"])
def test_malformed_identifiers(text: str) -> None:
    with pytest.raises(InvalidSymbologyIdentifier):
        read_barcode(text)


def test_an_identifier_without_data() -> None:
    with pytest.raises(EmptyBarcode, match="]E0"):
        read_barcode("]E0")


def test_code_128_reads_an_internal_code() -> None:
    reading = read_barcode("]C0100234")

    assert reading.symbology == Symbology.INTERNAL
    assert reading.bar_code == "100234"
    assert reading.identifier == "]C0"


def test_code_128_with_a_gtin_is_still_checked_and_never_split() -> None:
    assert read_barcode("]C04006381333931").symbology == Symbology.EAN13
    assert read_barcode("]C09638507400019").alternative is None
    with pytest.raises(InvalidCheckDigit):
        read_barcode("]C04006381333932")
    with pytest.raises(InvalidLength, match="cannot carry"):
        read_barcode("]C0400638133393112")
    with pytest.raises(InvalidAddOn, match="carry no add-on"):
        read_barcode("]C0100234 12")


def test_gs1_128_with_ai_01() -> None:
    reading = read_barcode("]C10104006381333931")

    assert reading.symbology == Symbology.GTIN14
    assert reading.gtin14 == "04006381333931"
    assert reading.key == read_barcode("4006381333931").key
    assert reading.warning is None


def test_gs1_128_with_more_element_strings_warns_they_are_unused() -> None:
    reading = read_barcode("]C1010400638133393110ABC\x1d17260101")

    assert reading.gtin14 == "04006381333931"
    assert reading.warning is not None and "not used" in reading.warning


def test_gs1_data_without_a_gtin_is_unsupported() -> None:
    with pytest.raises(UnsupportedBarcode, match="AI 01"):
        read_barcode("]C100012345678901234567")
    with pytest.raises(InvalidCheckDigit):
        read_barcode("]e00104006381333932")


# --- in-store readings -------------------------------------------------------------


def test_upc_a_in_store_code_gives_the_key_in_upc_a_form() -> None:
    from app.domain.barcode import parse_layout, with_layouts

    layouts = with_layouts([parse_layout("02:5:price:5:2")])
    reading = read_barcode("231566199093", layouts=layouts)

    assert reading.symbology == Symbology.UPCA
    assert reading.in_store is not None
    assert reading.in_store.item_code == "31566"
    assert reading.in_store.item_key == "231566000009"
    assert str(reading.in_store.price) == "199.09"


def test_in_store_prefix_without_a_layout_has_no_value() -> None:
    reading = read_barcode("0231566199093")

    assert reading.prefix_class == PrefixClass.IN_STORE
    assert reading.in_store is None
