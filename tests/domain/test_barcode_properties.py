"""Property tests: any text reads or fails with a domain error; GTINs read back."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.domain.barcode import (
    Reading,
    Symbology,
    check_storable,
    read_barcode,
    read_parts,
    upca_to_upce,
    upce_to_upca,
    with_check_digit,
)
from app.domain.errors import DomainError

# No example database: the tests stay the same from run to run and leave no files.
PROPERTY_SETTINGS = settings(
    max_examples=300, database=None, deadline=None, suppress_health_check=[
        HealthCheck.too_slow
    ]
)  # fmt: skip

DIGIT = st.sampled_from("0123456789")
SCANNER_ALPHABET = st.sampled_from([*"0123456789 +]EC\r\n\t\x1dA-", "\u0663"])


def _digits(length: int) -> st.SearchStrategy[str]:
    return st.text(DIGIT, min_size=length, max_size=length)


def _outcome(text: str) -> Reading | DomainError:
    try:
        return read_barcode(text)
    except DomainError as error:
        return error


@PROPERTY_SETTINGS
@given(st.text())
@example("")
@example("]")
@example("]E3")
@example("]C1\x1d01")
@example("\u0663\u0664")
def test_any_text_gives_a_reading_or_a_domain_error(text: str) -> None:
    outcome = _outcome(text)

    assert isinstance(outcome, Reading | DomainError)
    if isinstance(outcome, DomainError):
        assert outcome.message  # every refusal says why


@PROPERTY_SETTINGS
@given(st.text(SCANNER_ALPHABET, max_size=30))
def test_scanner_like_text_gives_a_reading_or_a_domain_error(text: str) -> None:
    outcome = _outcome(text)

    assert isinstance(outcome, Reading | DomainError)
    if isinstance(outcome, Reading):
        # A reading is always storable as it stands.
        check_storable(outcome.bar_code, outcome.ext_bar_code)


@st.composite
def valid_gtins(draw: st.DrawFn) -> str:
    length = draw(st.sampled_from([8, 12, 13, 14]))
    return with_check_digit(draw(_digits(length - 1)))


def _plain_readings(reading: Reading) -> list[Reading]:
    """The reading and all its alternatives."""
    found = []
    current: Reading | None = reading
    while current is not None:
        found.append(current)
        current = current.alternative
    return found


@PROPERTY_SETTINGS
@given(valid_gtins())
def test_every_valid_gtin_reads_back_to_itself(code: str) -> None:
    reading = read_barcode(code)

    # The plain code is always the reading (an add-on split only an alternative).
    assert reading.bar_code == code
    assert reading.ext_bar_code is None
    assert reading.gtin14 is not None and reading.gtin14.endswith(code[-1])
    if reading.symbology != Symbology.UPCE:
        assert reading.gtin14 == code.rjust(14, "0")
    assert read_parts(code, None).gtin14 == reading.gtin14


@st.composite
def gtins_with_add_ons(draw: st.DrawFn) -> tuple[str, str]:
    length = draw(st.sampled_from([8, 12, 13]))
    main = with_check_digit(draw(_digits(length - 1)))
    add_on = draw(st.one_of(_digits(2), _digits(5)))
    return main, add_on


@PROPERTY_SETTINGS
@given(gtins_with_add_ons(), st.sampled_from([" ", "+", " + ", "]E3", ""]))
def test_every_valid_gtin_with_an_add_on_reads_back_in_each_joining_form(
    parts: tuple[str, str], joint: str
) -> None:
    main, add_on = parts
    text = f"]E3{main}{add_on}" if joint == "]E3" else f"{main}{joint}{add_on}"

    reading = read_barcode(text)

    # Run together, 13 and 14 digits may also be a plain code; either way the
    # main + add-on reading is the reading or one of its alternatives.
    candidates = _plain_readings(reading) if joint == "" else [reading]
    assert any(
        (found.bar_code, found.ext_bar_code) == (main, add_on) for found in candidates
    )
    assert read_parts(main, add_on).bar_code == main


@PROPERTY_SETTINGS
@given(st.sampled_from("01"), _digits(6))
def test_every_valid_upc_e_reads_as_upc_e_and_round_trips(
    number_system: str, body: str
) -> None:
    upca = upce_to_upca(number_system + body)
    upce = number_system + body + upca[-1]

    reading = read_barcode(upce)

    assert reading.symbology == Symbology.UPCE
    assert reading.gtin14 == "00" + upca
    # Some UPC-A codes have several UPC-E forms (00000030 and 00000000 both expand
    # to 000000000000); the compression gives one that expands back.
    compressed = upca_to_upce(upca)
    assert compressed is not None and upce_to_upca(compressed) == upca


@PROPERTY_SETTINGS
@given(st.sampled_from("01"), _digits(10))
def test_a_upc_e_form_always_expands_back(number_system: str, middle: str) -> None:
    upca = with_check_digit(number_system + middle)

    upce = upca_to_upce(upca)

    if upce is not None:
        assert upce_to_upca(upce) == upca


@PROPERTY_SETTINGS
@given(
    st.text(SCANNER_ALPHABET, max_size=24),
    st.one_of(st.none(), st.text(SCANNER_ALPHABET, max_size=6)),
)
def test_stored_fields_give_a_reading_or_a_domain_error(
    bar_code: str, ext_bar_code: str | None
) -> None:
    try:
        reading = read_parts(bar_code, ext_bar_code)
    except DomainError:
        return
    assert reading.bar_code == bar_code
    assert reading.ext_bar_code == (ext_bar_code or None)
