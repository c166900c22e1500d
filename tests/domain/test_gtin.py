"""Check digits, UPC-E expansion and compression, the 14-digit key, prefix classes."""

from __future__ import annotations

import pytest

from app.domain.barcode import (
    PrefixClass,
    Symbology,
    check_digit,
    expand_to_gtin14,
    has_valid_check_digit,
    upca_to_upce,
    upce_to_upca,
    with_check_digit,
)
from app.domain.errors import (
    EmptyBarcode,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
)
from app.domain.prefixes import prefix_class


@pytest.mark.parametrize(
    ("data", "digit"),
    [
        ("9638507", "4"),  # GTIN-8
        ("07567816412", "5"),  # GTIN-12
        ("400638133393", "1"),  # GTIN-13
        ("590123412345", "7"),
        ("0693216935829", "3"),  # GTIN-14
        ("0360002914521", "7"),
        ("210000100000", "4"),
        ("000000000000", "0"),
    ],
)
def test_check_digit(data: str, digit: str) -> None:
    assert check_digit(data) == digit
    assert has_valid_check_digit(data + digit)


def test_check_digit_weights_start_from_the_rightmost_data_digit() -> None:
    # GS1: 3 for the rightmost data digit, then 1, 3, ...; a single 1 gives 3 -> 7.
    assert check_digit("1") == "7"
    assert check_digit("10") == "9"


def test_check_digit_refuses_what_is_not_data() -> None:
    with pytest.raises(EmptyBarcode):
        check_digit("")
    with pytest.raises(InvalidCharacter) as caught:
        check_digit("12a4")
    assert caught.value.params == {"character": "a", "position": 3}
    with pytest.raises(InvalidLength):
        check_digit("1" * 18)


def test_with_check_digit_and_has_valid_check_digit() -> None:
    assert with_check_digit("400638133393") == "4006381333931"
    assert not has_valid_check_digit("4006381333932")
    assert not has_valid_check_digit("4")
    assert not has_valid_check_digit("40063813339x1")


@pytest.mark.parametrize(
    ("upce", "upca"),
    [
        # last digit 0-2: manufacturer XX d 00, product 00 XXX
        ("07838604", "078000003864"),
        ("01008029", "010200000809"),
        ("01234505", "012000003455"),
        ("01234514", "012100003454"),
        ("01234523", "012200003453"),
        ("04252614", "042100005264"),
        # last digit 3: manufacturer XXX 00, product 000 XX
        ("06541238", "065400000128"),
        ("01234531", "012300000451"),
        # last digit 4: manufacturer XXXX 0, product 0000 X
        ("01234543", "012340000053"),
        # last digit 5-9: manufacturer XXXXX, product 0000 d
        ("01234558", "012345000058"),
        ("01234596", "012345000096"),
        ("19876559", "198765000059"),  # number system 1
    ],
)
def test_upce_expands_by_the_last_digit_rule(upce: str, upca: str) -> None:
    assert upce_to_upca(upce) == upca
    assert upca_to_upce(upca) == upce
    assert expand_to_gtin14(upce) == "00" + upca


def test_upce_is_never_zero_padded() -> None:
    assert expand_to_gtin14("07838604") == "00078000003864"
    assert expand_to_gtin14("07838604") != "00000007838604"


def test_upce_without_check_digit_or_number_system() -> None:
    assert upce_to_upca("0783860") == "078000003864"
    assert upce_to_upca("783860") == "078000003864"


def test_upce_with_a_wrong_check_digit_names_the_right_one() -> None:
    with pytest.raises(InvalidCheckDigit) as caught:
        upce_to_upca("07838605")
    assert caught.value.params["expected"] == "4"
    assert "right one is 4" in str(caught.value)


def test_upce_refuses_other_number_systems_and_lengths() -> None:
    with pytest.raises(InvalidLength, match="number system"):
        upce_to_upca("27838604")
    with pytest.raises(InvalidLength, match="6, 7 or 8"):
        upce_to_upca("12345")


def test_upca_to_upce_refuses_a_wrong_check_digit() -> None:
    with pytest.raises(InvalidCheckDigit, match="right one is 4"):
        upca_to_upce("078000003865")


def test_upca_without_a_upce_form() -> None:
    assert upca_to_upce("075678164125") is None
    assert upca_to_upce("278000003868") is None  # number system 2
    assert upca_to_upce("07800000386") is None  # 11 digits


@pytest.mark.parametrize(
    ("code", "gtin14"),
    [
        ("96385074", "00000096385074"),
        ("60573421", "00000060573421"),
        ("075678164125", "00075678164125"),
        ("0075678164125", "00075678164125"),
        ("4006381333931", "04006381333931"),
        ("06932169358293", "06932169358293"),
    ],
)
def test_expand_to_gtin14(code: str, gtin14: str) -> None:
    assert expand_to_gtin14(code) == gtin14


def test_expand_to_gtin14_refuses_internal_codes() -> None:
    with pytest.raises(InvalidLength, match="not a GTIN"):
        expand_to_gtin14("100234")


@pytest.mark.parametrize(
    ("symbology", "code", "klass"),
    [
        (Symbology.EAN13, "2000000000008", PrefixClass.IN_STORE),
        (Symbology.EAN13, "2912345000005", PrefixClass.IN_STORE),
        (Symbology.EAN13, "0231566199093", PrefixClass.IN_STORE),  # UPC system 2
        (Symbology.EAN13, "0412345678903", PrefixClass.IN_STORE),  # UPC system 4
        (Symbology.EAN13, "0312345678906", PrefixClass.GTIN),
        (Symbology.UPCA, "231566199093", PrefixClass.IN_STORE),
        (Symbology.UPCA, "412345678903", PrefixClass.IN_STORE),
        (Symbology.UPCA, "075678164125", PrefixClass.GTIN),
        (Symbology.EAN13, "9771234567003", PrefixClass.ISSN),
        (Symbology.EAN13, "9781873671009", PrefixClass.ISBN),
        (Symbology.EAN13, "9790123456785", PrefixClass.ISBN),
        (Symbology.EAN13, "9912345678907", PrefixClass.COUPON),
        (Symbology.EAN13, "9801234567891", PrefixClass.GTIN),
        (Symbology.EAN8, "21234567", PrefixClass.IN_STORE),
        (Symbology.EAN8, "96385074", PrefixClass.GTIN),
        (Symbology.UPCE, "07838604", PrefixClass.GTIN),
        (Symbology.GTIN14, "19781873671006", PrefixClass.ISBN),
        (Symbology.GTIN14, "03600029145217", PrefixClass.GTIN),
        (Symbology.INTERNAL, "100234", PrefixClass.INTERNAL),
    ],
)
def test_prefix_classes(symbology: Symbology, code: str, klass: PrefixClass) -> None:
    assert prefix_class(symbology, code) == klass
