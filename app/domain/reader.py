"""Reading scanned or typed text as a barcode: the rules of issue 2 put together.

The order of the checks: trim; an AIM identifier, if any, says what to expect; the
characters; then the lengths decide between a plain GTIN, a main code with an add-on
and a shop's own (internal) code. Where a string reads two ways, the plain code wins
and the other reading is kept as `alternative`, unless the identifier decided.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from app.domain.addons import (
    CONCATENATED_LENGTHS,
    MAIN_LENGTHS_WITH_ADD_ON,
    Parts,
    check_add_on,
    split_concatenated,
    split_parts,
)
from app.domain.aim import Family, Identifier, split_identifier
from app.domain.errors import (
    EmptyBarcode,
    InvalidAddOn,
    InvalidCheckDigit,
    InvalidLength,
    UnsupportedBarcode,
)
from app.domain.gtin import (
    GTIN_CODE_LENGTHS,
    check_digit,
    check_digit_error,
    is_digits,
    to_gtin14,
    upce_to_upca,
)
from app.domain.instore import DEFAULT_LAYOUTS, InStoreLayout, decode_in_store
from app.domain.prefixes import prefix_class
from app.domain.reading import PrefixClass, Reading, Symbology
from app.domain.storage import MAX_DIGITS, check_storable

logger = logging.getLogger(__name__)

# Lengths a shop's own code cannot have: they read as GTINs or GTIN + add-on.
RESERVED_LENGTHS = frozenset(GTIN_CODE_LENGTHS | set(CONCATENATED_LENGTHS))
INTERNAL_LENGTHS = tuple(
    length for length in range(1, MAX_DIGITS + 1) if length not in RESERVED_LENGTHS
)

_ALL_MAIN = frozenset(
    {Symbology.EAN8, Symbology.UPCE, Symbology.UPCA, Symbology.EAN13, Symbology.GTIN14}
)


@dataclass(frozen=True)
class _Candidate:
    symbology: Symbology
    code: str
    add_on: str | None = None

    def describe(self) -> str:
        text = f"{self.symbology} {self.code}"
        if self.add_on is not None:
            text += f" + add-on {self.add_on}"
        return text


@dataclass(frozen=True)
class _Context:
    input: str
    identifier: Identifier | None
    layouts: Sequence[InStoreLayout]


# --- building readings ----------------------------------------------------------


def _reading(context: _Context, candidate: _Candidate) -> Reading:
    symbology, code = candidate.symbology, candidate.code
    gtin14 = None if symbology == Symbology.INTERNAL else to_gtin14(symbology, code)
    klass = prefix_class(symbology, code)

    in_store = None
    if klass == PrefixClass.IN_STORE and symbology in (Symbology.EAN13, Symbology.UPCA):
        ean13 = code if symbology == Symbology.EAN13 else "0" + code
        in_store = decode_in_store(ean13, context.layouts)
        if in_store is not None and symbology == Symbology.UPCA:
            # Give the key in the code's own form: a UPC-A without the EAN-13 zero.
            in_store = replace(in_store, item_key=in_store.item_key[1:])

    return Reading(
        input=context.input,
        symbology=symbology,
        bar_code=code,
        ext_bar_code=candidate.add_on,
        gtin14=gtin14,
        prefix_class=klass,
        in_store=in_store,
        identifier=None if context.identifier is None else context.identifier.text,
    )


def _build(
    context: _Context, candidates: Sequence[_Candidate], warning: str | None = None
) -> Reading:
    """The first candidate as the reading, the others chained as its alternatives."""
    alternative: Reading | None = None
    for candidate in reversed(candidates[1:]):
        alternative = replace(_reading(context, candidate), alternative=alternative)
    if warning is None and len(candidates) > 1:
        others = " or ".join(candidate.describe() for candidate in candidates[1:])
        warning = (
            f"also readable as {others}; read as {candidates[0].describe()}. "
            "A scanner that sends AIM symbology identifiers (]E0, ]E3, ]E4) decides"
        )
    return replace(
        _reading(context, candidates[0]), alternative=alternative, warning=warning
    )


# --- GTIN main codes ------------------------------------------------------------


def _eight_digit_error(code: str, expected: dict[Symbology, str]) -> InvalidCheckDigit:
    if len(expected) == 1:
        ((symbology, digit),) = expected.items()
        return check_digit_error(symbology, code, digit)
    ean8, upce = expected[Symbology.EAN8], expected[Symbology.UPCE]
    if ean8 == upce:
        right = f"the right one is {ean8} (as EAN-8 and as UPC-E)"
    else:
        right = f"the right one is {ean8} for EAN-8 or {upce} for UPC-E"
    return InvalidCheckDigit(
        f"wrong check digit in 8-digit code {code}: the last digit is {code[-1]}, "
        f"but {right}; check the digits for a typo or scan the code again",
        symbology=str(Symbology.EAN8),
        given=code[-1],
        expected=ean8,
        expected_upce=upce,
        barcode=code,
    )


def _main_symbologies(code: str, allowed: Collection[Symbology]) -> list[Symbology]:
    """What a GTIN-length code is valid as, best first; raises InvalidCheckDigit."""
    if len(code) == 8:
        found: list[Symbology] = []
        expected: dict[Symbology, str] = {}
        # UPC-E first: an EAN-8 starting with 0 is a GS1 restricted "velocity" code,
        # while 8 digits starting with 0 or 1 from a North American item are UPC-E.
        if Symbology.UPCE in allowed and code[0] in "01":
            digit = upce_to_upca(code[:7])[-1]
            if digit == code[-1]:
                found.append(Symbology.UPCE)
            expected[Symbology.UPCE] = digit
        if Symbology.EAN8 in allowed:
            digit = check_digit(code[:7])
            if digit == code[-1]:
                found.append(Symbology.EAN8)
            expected[Symbology.EAN8] = digit
        if found:
            return found
        if not expected:
            raise UnsupportedBarcode(
                f"{code} is not a UPC-E: UPC-E starts with 0 or 1 "
                "(an EAN-8 comes with the identifier ]E4)",
                barcode=code,
            )
        raise _eight_digit_error(code, expected)

    symbology = {12: Symbology.UPCA, 13: Symbology.EAN13, 14: Symbology.GTIN14}[
        len(code)
    ]
    digit = check_digit(code[:-1])
    if digit != code[-1]:
        raise check_digit_error(symbology, code, digit)
    return [symbology]


def _main_with_add_on(
    main: str, add_on: str, allowed: Collection[Symbology] = _ALL_MAIN
) -> list[_Candidate]:
    if len(main) not in MAIN_LENGTHS_WITH_ADD_ON:
        raise InvalidLength(
            f"the code before the add-on has {len(main)} digits; a main code with an "
            "add-on has 8 (EAN-8, UPC-E), 12 (UPC-A) or 13 (EAN-13) digits",
            length=len(main),
            accepted=list(MAIN_LENGTHS_WITH_ADD_ON),
        )
    check_add_on(add_on)
    return [
        _Candidate(symbology, main, add_on)
        for symbology in _main_symbologies(main, allowed)
    ]


def _concatenated(digits: str) -> list[_Candidate]:
    """The readings of a run-together main code + add-on; errors name both parts."""
    split = split_concatenated(digits)
    assert split is not None  # callers pass only CONCATENATED_LENGTHS
    main, add_on = split
    try:
        return _main_with_add_on(main, add_on)
    except InvalidCheckDigit as error:
        raise InvalidCheckDigit(
            f"{len(digits)} digits read as main code {main} + add-on {add_on}: "
            f"{error.message}",
            **error.params,
        ) from None


def _accepted_lengths_text() -> str:
    return (
        "8, 12, 13 or 14 digits for a GTIN, 10, 13, 14, 15, 17 or 18 for a code run "
        f"together with its add-on, or up to {MAX_DIGITS} for a shop's own code"
    )


def _too_long(length: int) -> InvalidLength:
    return InvalidLength(
        f"the barcode has {length} digits, more than the {MAX_DIGITS} a barcode may "
        f"have; accepted: {_accepted_lengths_text()}",
        length=length,
        accepted=list(range(1, MAX_DIGITS + 1)),
    )


def _read_digits(context: _Context, digits: str, *, add_ons: bool) -> Reading:
    """Digits only, no identifier (or one that allows anything): by length."""
    length = len(digits)
    if length > MAX_DIGITS:
        raise _too_long(length)

    if length in (8, 12):
        return _build(
            context,
            [_Candidate(s, digits) for s in _main_symbologies(digits, _ALL_MAIN)],
        )

    if length in (13, 14):
        # Plain EAN-13 / GTIN-14 first; the split into main + add-on is the other
        # reading, or the only one when the plain check digit fails.
        plain: list[_Candidate] = []
        plain_error: InvalidCheckDigit | None = None
        try:
            symbologies = _main_symbologies(digits, _ALL_MAIN)
            plain = [_Candidate(s, digits) for s in symbologies]
        except InvalidCheckDigit as error:
            plain_error = error
        split: list[_Candidate] = []
        if add_ons:
            try:
                split = _concatenated(digits)
            except InvalidCheckDigit:
                split = []
        if plain_error is None:
            return _build(context, plain + split)
        if not split:
            raise plain_error
        return _build(
            context,
            split,
            warning=(
                f"{digits} is not a valid {plain_error.params['symbology']} (its check "
                f"digit would be {plain_error.params['expected']}); read as "
                f"{split[0].describe()}. If that is not the item, check the digits"
            ),
        )

    if length in CONCATENATED_LENGTHS:
        if not add_ons:
            raise InvalidLength(
                f"{length} digits read as a main code with an add-on, which this "
                f"symbology ({context.identifier.text if context.identifier else ''}) "
                "cannot carry; a shop's own code has "
                f"{', '.join(str(n) for n in INTERNAL_LENGTHS)} digits",
                length=length,
                accepted=sorted({*INTERNAL_LENGTHS, *GTIN_CODE_LENGTHS}),
            )
        return _build(context, _concatenated(digits))

    # None of the GTIN lengths: a shop's own code, printed as Code 128. Kept as it is:
    # never padded or "repaired" into a GTIN.
    return _build(context, [_Candidate(Symbology.INTERNAL, digits)])


# --- identifiers ---------------------------------------------------------------


def _read_gs1(context: _Context, body: str) -> Reading:
    # GS1 General Specifications: AI (01) is followed by the 14 digits of a GTIN.
    data = body.lstrip("\x1d")  # a leading FNC1 some scanners pass on as GS
    gtin = data[2:16]
    if not data.startswith("01") or len(gtin) != 14 or not is_digits(gtin):
        raise UnsupportedBarcode(
            f"the GS1 data {body!r} does not start with a GTIN (AI 01 and 14 digits); "
            "only the GTIN of GS1 codes is read here",
            identifier=context.identifier.text if context.identifier else None,
        )
    candidates = [_Candidate(s, gtin) for s in _main_symbologies(gtin, _ALL_MAIN)]
    rest = data[16:]
    warning = None
    if rest:
        warning = f"the GS1 data after the GTIN ({rest!r}) is not used"
    return _build(context, candidates, warning=warning)


def _read_identified(context: _Context, family: Family, parts: Parts) -> Reading:
    identifier = context.identifier.text if context.identifier else ""
    main, add_on = parts.main, parts.add_on

    if family == Family.EAN_WITH_ADD_ON:
        if add_on is not None:
            return _build(context, _main_with_add_on(main, add_on))
        if len(main) not in CONCATENATED_LENGTHS:
            raise InvalidLength(
                f"{identifier} announces a main code with an add-on, but {len(main)} "
                "digits cannot be one; accepted: "
                f"{', '.join(str(n) for n in CONCATENATED_LENGTHS)} digits",
                length=len(main),
                accepted=list(CONCATENATED_LENGTHS),
            )
        return _build(context, _concatenated(main))

    if add_on is not None:
        raise InvalidAddOn(
            f"{identifier} symbols carry no add-on, but a separator follows {main} "
            f"at position {parts.separator_position}",
            identifier=identifier,
            position=parts.separator_position,
        )

    if family == Family.EAN_PLAIN:
        allowed = {8: Symbology.UPCE, 12: Symbology.UPCA, 13: Symbology.EAN13}
        if len(main) not in allowed:
            raise InvalidLength(
                f"{identifier} announces an EAN-13, UPC-A or UPC-E; {len(main)} digits "
                "is none of them; accepted: 8 (UPC-E), 12 (UPC-A) or 13 (EAN-13) "
                "digits",
                length=len(main),
                accepted=sorted(allowed),
            )
        symbologies = _main_symbologies(main, {allowed[len(main)]})
        return _build(context, [_Candidate(s, main) for s in symbologies])

    if family == Family.EAN8:
        if len(main) != 8:
            raise InvalidLength(
                f"{identifier} announces an EAN-8, but the code has {len(main)} "
                "digits; accepted: 8",
                length=len(main),
                accepted=[8],
            )
        symbologies = _main_symbologies(main, {Symbology.EAN8})
        return _build(context, [_Candidate(s, main) for s in symbologies])

    # Code 128, Code 39, ITF and the rest: digits read by length, without add-ons.
    return _read_digits(context, main, add_ons=False)


# --- the entry points -------------------------------------------------------------


def read_barcode(
    text: str, *, layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS
) -> Reading:
    """Read text as a scanner or a person gives it; raises a `BarcodeError` subclass.

    The text may start with an AIM symbology identifier (`]E0` and the like) and may
    carry an add-on after a space or `+`. `layouts` decode in-store variable-measure
    codes; the first layout whose prefix matches wins.
    """
    trimmed = text.strip()
    if not trimmed:
        raise EmptyBarcode("the barcode is empty; scan the code or type its digits")

    identifier, rest = split_identifier(trimmed)
    body = rest.lstrip()
    offset = len(trimmed) - len(body)
    context = _Context(input=text, identifier=identifier, layouts=layouts)
    if identifier is not None and not body:
        raise EmptyBarcode(
            f"the symbology identifier {identifier.text} is followed by no code",
            identifier=identifier.text,
        )

    family = None if identifier is None else identifier.family
    if family == Family.GS1:
        return _read_gs1(context, body)
    if family == Family.EAN_ADD_ON_ONLY:
        raise InvalidAddOn(
            f"{trimmed[:3]} is an add-on alone, without its main code; scan the main "
            "code and the add-on together",
            identifier=trimmed[:3],
        )

    parts = split_parts(body, offset=offset)
    if family is not None:
        return _read_identified(context, family, parts)
    if parts.add_on is not None:
        return _build(context, _main_with_add_on(parts.main, parts.add_on))
    return _read_digits(context, parts.main, add_ons=True)


def read_parts(
    bar_code: str,
    ext_bar_code: str | None,
    *,
    layouts: Sequence[InStoreLayout] = DEFAULT_LAYOUTS,
) -> Reading:
    """Read the API's stored fields (`bar_code`, `ext_bar_code`) without trimming.

    The main code is never split: 10, 15, 17 and 18 digits are refused as a code run
    together with its add-on. A GTIN length must have the right check digit.
    """
    check_storable(bar_code, ext_bar_code)
    add_on = ext_bar_code or None
    text = bar_code if add_on is None else f"{bar_code} {add_on}"
    context = _Context(input=text, identifier=None, layouts=layouts)
    length = len(bar_code)

    if length in CONCATENATED_LENGTHS and length not in GTIN_CODE_LENGTHS:
        raise InvalidLength(
            f"bar_code {bar_code} has {length} digits, which reads as a main code run "
            "together with its add-on; store the add-on in ext_bar_code",
            field="bar_code",
            length=length,
            accepted=sorted({*INTERNAL_LENGTHS, *GTIN_CODE_LENGTHS}),
        )
    if length in GTIN_CODE_LENGTHS:
        if add_on is not None and length == 14:
            raise InvalidAddOn(
                f"a GTIN-14 ({bar_code}) takes no add-on; clear ext_bar_code",
                field="ext_bar_code",
            )
        symbologies = _main_symbologies(bar_code, _ALL_MAIN)
        return _build(context, [_Candidate(s, bar_code, add_on) for s in symbologies])
    if add_on is not None:
        raise InvalidAddOn(
            f"{bar_code} is a shop's own code, which takes no add-on; "
            "clear ext_bar_code",
            field="ext_bar_code",
        )
    return _build(context, [_Candidate(Symbology.INTERNAL, bar_code)])
