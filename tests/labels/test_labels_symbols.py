"""Bar patterns: validation first (L4), add-ons, UPC-E, drawn-versus-asked check."""

from __future__ import annotations

import barcode
import pytest

from app.labels import symbols
from app.labels.errors import EncodingMismatch, UnprintableBarcode
from app.labels.symbols import Kind, decode_add_on, decode_pattern, encode_symbol


def test_l4_wrong_check_digit_is_refused_with_the_right_one() -> None:
    # python-barcode would silently print 1234567891019 instead.
    assert barcode.EAN13("1234567891012").get_fullcode() == "1234567891019"

    with pytest.raises(UnprintableBarcode) as caught:
        encode_symbol("1234567891012")

    assert "9" in str(caught.value)
    assert caught.value.params["expected"] == "9"
    assert "1234567891012" in str(caught.value)


@pytest.mark.parametrize("bad", ["96385075", "036000291453", "04252615"])
def test_wrong_check_digits_of_other_symbologies_are_refused(bad: str) -> None:
    with pytest.raises(UnprintableBarcode, match="check digit"):
        encode_symbol(bad)


def test_gtin14_is_not_printed_as_an_ean() -> None:
    with pytest.raises(UnprintableBarcode, match="GTIN-14"):
        encode_symbol("14006381333938")


def test_an_add_on_after_an_internal_code_is_refused() -> None:
    with pytest.raises(UnprintableBarcode):
        encode_symbol("100234", "12")


def test_drawn_pattern_must_decode_to_what_was_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = str(barcode.EAN13("4006381333948").build()[0])
    monkeypatch.setattr(symbols, "_main_pattern", lambda kind, code: other)

    with pytest.raises(EncodingMismatch, match="4006381333931"):
        encode_symbol("4006381333931")


def test_ean13_pattern_is_python_barcodes_and_reads_back() -> None:
    symbol = encode_symbol("4006381333931")
    assert symbol.kind is Kind.EAN13
    assert len(symbol.main) == 95
    assert decode_pattern(Kind.EAN13, symbol.main) == "4006381333931"
    assert (symbol.quiet_left, symbol.quiet_right) == (11, 7)
    assert symbol.total_modules == 113  # L1: EAN-13 with its quiet zones


@pytest.mark.parametrize(
    ("code", "kind", "length", "quiet"),
    [
        ("96385074", Kind.EAN8, 67, (7, 7)),
        ("036000291452", Kind.UPCA, 95, (9, 9)),
        ("04252614", Kind.UPCE, 51, (9, 7)),
        ("12345670", Kind.UPCE, 51, (9, 7)),
    ],
)
def test_symbologies_and_quiet_zones(
    code: str, kind: Kind, length: int, quiet: tuple[int, int]
) -> None:
    symbol = encode_symbol(code)
    assert symbol.kind is kind
    assert len(symbol.main) == length
    assert (symbol.quiet_left, symbol.quiet_right) == quiet
    assert decode_pattern(kind, symbol.main) == code


def test_upce_known_pattern() -> None:
    # UPC-E 04252614: number system 0, check digit 4 -> parity BABBAA (even/odd).
    pattern = symbols.encode_upce_pattern("04252614")
    expected = (
        "101"
        + symbols.SET_B[4]
        + symbols.SET_A[2]
        + symbols.SET_B[5]
        + symbols.SET_B[2]
        + symbols.SET_A[6]
        + symbols.SET_A[1]
        + "010101"
    )
    assert pattern == expected


def test_ean2_parity_follows_the_value_modulo_4() -> None:
    # 34 % 4 == 2 -> parity B then A.
    assert symbols.encode_add_on_pattern("34") == (
        "1011" + symbols.SET_B[3] + "01" + symbols.SET_A[4]
    )
    for value in range(100):
        digits = f"{value:02d}"
        pattern = symbols.encode_add_on_pattern(digits)
        assert len(pattern) == 20
        assert decode_add_on(pattern) == digits


def test_ean5_known_pattern() -> None:
    # 24999: 3*(2+9+9) + 9*(4+9) = 177 -> check value 7 -> parity A B A B A.
    assert symbols.ean5_check("24999") == 7
    expected = "1011" + "01".join(
        (symbols.SET_A if p == "A" else symbols.SET_B)[int(d)]
        for d, p in zip("24999", "ABABA", strict=True)
    )
    assert symbols.encode_add_on_pattern("24999") == expected


@pytest.mark.parametrize("digits", ["00000", "12345", "24999", "52495", "90000"])
def test_ean5_round_trip(digits: str) -> None:
    pattern = symbols.encode_add_on_pattern(digits)
    assert len(pattern) == 47
    assert decode_add_on(pattern) == digits


def test_add_on_gap_and_clear_space() -> None:
    ean = encode_symbol("4006381333931", "12")
    assert ean.add_on_start - len(ean.main) == symbols.ADD_ON_GAP
    assert ean.quiet_right == 5
    assert ean.total_modules == 11 + 95 + 9 + 20 + 5
    low, high = symbols.ADD_ON_GAP_RANGE[Kind.UPCA]
    assert low <= symbols.ADD_ON_GAP <= high == 12


def test_code128_internal_codes_read_back() -> None:
    for code in ["100234", "2000123", "1", "123456789012345678901"]:
        symbol = encode_symbol(code)
        assert symbol.kind is Kind.CODE128
        assert symbols.decode_code128(symbol.main) == code
        assert (symbol.quiet_left, symbol.quiet_right) == (10, 10)


def test_ean13_text_first_digit_in_the_left_quiet_zone() -> None:
    symbol = encode_symbol("4006381333931")
    first, left, right = symbol.text
    assert first.text == "4"
    assert -symbol.quiet_left <= first.start < first.end <= 0
    assert (left.text, right.text) == ("006381", "333931")


def test_an_ambiguous_8_digit_code_prints_as_the_domain_reads_it_and_says_so() -> None:
    # 01234565 is a valid UPC-E and a valid EAN-8; the domain reads UPC-E.
    symbol = encode_symbol("01234565")
    assert symbol.kind is Kind.UPCE
    assert symbol.warning is not None and "EAN-8" in symbol.warning
