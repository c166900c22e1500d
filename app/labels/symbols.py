"""Bar patterns of the codes a label carries, as module strings ('1' bar, '0' space).

python-barcode's symbology classes give the EAN-13, EAN-8, UPC-A and Code 128 patterns;
UPC-E and the EAN-2/EAN-5 add-ons are encoded here from the GS1 parity tables. Every
code is validated by the domain first (python-barcode silently replaces a wrong check
digit) and every pattern is decoded back here and compared with what was asked.

No Qt, no I/O. `encode_symbol` is cached: a shop prints the same codes many times.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from app.domain import barcode as domain_barcode
from app.domain.errors import BarcodeError
from app.labels.errors import (
    EncodingMismatch,
    UnprintableBarcode,
    UnprintableSymbology,
)

logger = logging.getLogger(__name__)


class Kind(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"
    UPCE = "UPC-E"
    CODE128 = "Code 128"


# GS1 General Specifications, EAN/UPC number sets. A: odd parity ("L"); B: even ("G",
# A reversed and inverted); C: right half ("R", A inverted).
SET_A = (
    "0001101",
    "0011001",
    "0010011",
    "0111101",
    "0100011",
    "0110001",
    "0101111",
    "0111011",
    "0110111",
    "0001011",
)
SET_C = tuple("".join("1" if m == "0" else "0" for m in code) for code in SET_A)
SET_B = tuple(code[::-1] for code in SET_C)

# EAN-13: the leading digit is carried by the parity of the left six digits.
EAN13_PARITY = (
    "AAAAAA",
    "AABABB",
    "AABBAB",
    "AABBBA",
    "ABAABB",
    "ABBAAB",
    "ABBBAA",
    "ABABAB",
    "ABABBA",
    "ABBABA",
)
# UPC-E number system 0: parity of the six digits by the check digit (system 1 inverts).
UPCE_PARITY_NS0 = (
    "BBBAAA",
    "BBABAA",
    "BBAABA",
    "BBAAAB",
    "BABBAA",
    "BAABBA",
    "BAAABB",
    "BABABA",
    "BABAAB",
    "BAABAB",
)
# EAN-2: parity by the value modulo 4.
EAN2_PARITY = ("AA", "AB", "BA", "BB")
# GS1: the EAN-5 parities are the last five of the UPC-E number system 0 parities.
EAN5_PARITY = tuple(pattern[1:] for pattern in UPCE_PARITY_NS0)
ADD_ON_START = "1011"
ADD_ON_SEPARATOR = "01"
NORMAL_GUARD = "101"
CENTRE_GUARD = "01010"
UPCE_END_GUARD = "010101"

# GS1: clear space (left, right) in modules around the main symbol.
QUIET_ZONES: dict[Kind, tuple[int, int]] = {
    Kind.EAN13: (11, 7),
    Kind.UPCA: (9, 9),
    Kind.EAN8: (7, 7),
    Kind.UPCE: (9, 7),
    Kind.CODE128: (10, 10),  # ISO/IEC 15417: ten modules each side
}
# GS1: the add-on starts 7-12 modules after an EAN symbol, 9-12 after UPC-A and UPC-E,
# and keeps 5 modules clear on its right. 9 suits both ranges.
ADD_ON_GAP = 9
ADD_ON_GAP_RANGE: dict[Kind, tuple[int, int]] = {
    Kind.EAN13: (7, 12),
    Kind.EAN8: (7, 12),
    Kind.UPCA: (9, 12),
    Kind.UPCE: (9, 12),
}
ADD_ON_RIGHT_CLEAR = 5


@dataclass(frozen=True)
class TextSpan:
    """Human-readable digits to print centred over modules [start, end) of the main
    symbol (negative or past-the-end positions lie in a quiet zone)."""

    text: str
    start: int
    end: int
    small: bool = False  # UPC-A/UPC-E number system and check digits are smaller


@dataclass(frozen=True)
class Symbol:
    """A validated code as modules, with its quiet zones and human-readable text.

    Module positions are relative to the first module of the main symbol.
    """

    kind: Kind
    bar_code: str
    ext_bar_code: str | None
    main: str
    add_on: str | None
    quiet_left: int
    quiet_right: int  # after the add-on's clear space when there is an add-on
    guard_bars: frozenset[int]  # main-symbol modules that extend below the text line
    text: tuple[TextSpan, ...]
    warning: str | None = None  # e.g. an 8-digit code also readable as EAN-8

    @property
    def add_on_start(self) -> int:
        return len(self.main) + ADD_ON_GAP

    @property
    def width_modules(self) -> int:
        """Main symbol plus add-on, without the outer quiet zones."""
        if self.add_on is None:
            return len(self.main)
        return self.add_on_start + len(self.add_on)

    @property
    def total_modules(self) -> int:
        """Width with the quiet zones: what the label must hold."""
        return self.quiet_left + self.width_modules + self.quiet_right

    @property
    def retail(self) -> bool:
        return self.kind is not Kind.CODE128


def _ean_digits(digits: str, parity: str) -> str:
    out = []
    for digit, which in zip(digits, parity, strict=True):
        table = SET_A if which == "A" else SET_B
        out.append(table[int(digit)])
    return "".join(out)


def _right_digits(digits: str) -> str:
    return "".join(SET_C[int(d)] for d in digits)


def encode_ean13_pattern(code: str) -> str:
    """The 95 modules of a 13-digit code (no check of the check digit here)."""
    left = _ean_digits(code[1:7], EAN13_PARITY[int(code[0])])
    return NORMAL_GUARD + left + CENTRE_GUARD + _right_digits(code[7:]) + NORMAL_GUARD


def encode_upce_pattern(code: str) -> str:
    """The 51 modules of an 8-digit UPC-E code: number system, six digits, check."""
    parity = UPCE_PARITY_NS0[int(code[7])]
    if code[0] == "1":
        parity = "".join("A" if p == "B" else "B" for p in parity)
    return NORMAL_GUARD + _ean_digits(code[1:7], parity) + UPCE_END_GUARD


def ean5_check(digits: str) -> int:
    """GS1: weights 3 and 9 alternate from the left, modulo 10."""
    odd = sum(int(d) for d in digits[0::2])
    even = sum(int(d) for d in digits[1::2])
    return (odd * 3 + even * 9) % 10


def encode_add_on_pattern(digits: str) -> str:
    """EAN-2 (20 modules) or EAN-5 (47 modules)."""
    if len(digits) == 2:
        parity = EAN2_PARITY[int(digits) % 4]
    elif len(digits) == 5:
        parity = EAN5_PARITY[ean5_check(digits)]
    else:
        raise UnprintableBarcode(
            f"add-on {digits!r} must have 2 or 5 digits", ext_bar_code=digits
        )
    parts = []
    for digit, which in zip(digits, parity, strict=True):
        table = SET_A if which == "A" else SET_B
        parts.append(table[int(digit)])
    return ADD_ON_START + ADD_ON_SEPARATOR.join(parts)


# --- decoding the patterns back (the "what was drawn is what was asked" check) --------

_LOOKUP_LEFT = {code: (str(i), "A") for i, code in enumerate(SET_A)} | {
    code: (str(i), "B") for i, code in enumerate(SET_B)
}
_LOOKUP_RIGHT = {code: str(i) for i, code in enumerate(SET_C)}


def _chunks(modules: str, size: int) -> list[str]:
    return [modules[i : i + size] for i in range(0, len(modules), size)]


def _decode_left(modules: str) -> tuple[str, str]:
    digits, parity = [], []
    for chunk in _chunks(modules, 7):
        digit, which = _LOOKUP_LEFT[chunk]
        digits.append(digit)
        parity.append(which)
    return "".join(digits), "".join(parity)


def decode_pattern(kind: Kind, modules: str) -> str:
    """The digits an EAN/UPC main pattern carries; raises KeyError/ValueError if it is
    not a well-formed pattern of that kind."""
    if kind in (Kind.EAN13, Kind.UPCA):
        if len(modules) != 95 or modules[:3] != NORMAL_GUARD:
            raise ValueError("not a 95-module EAN-13/UPC-A pattern")
        if modules[45:50] != CENTRE_GUARD or modules[92:] != NORMAL_GUARD:
            raise ValueError("guards out of place")
        left, parity = _decode_left(modules[3:45])
        right = "".join(_LOOKUP_RIGHT[c] for c in _chunks(modules[50:92], 7))
        first = str(EAN13_PARITY.index(parity))
        digits = first + left + right
        return digits[1:] if kind is Kind.UPCA else digits
    if kind is Kind.EAN8:
        if len(modules) != 67 or modules[31:36] != CENTRE_GUARD:
            raise ValueError("not a 67-module EAN-8 pattern")
        left, parity = _decode_left(modules[3:31])
        if parity != "AAAA":
            raise ValueError("EAN-8 left half must be set A")
        right = "".join(_LOOKUP_RIGHT[c] for c in _chunks(modules[36:64], 7))
        return left + right
    if kind is Kind.UPCE:
        if len(modules) != 51 or modules[45:] != UPCE_END_GUARD:
            raise ValueError("not a 51-module UPC-E pattern")
        digits, parity = _decode_left(modules[3:45])
        if parity in UPCE_PARITY_NS0:
            return "0" + digits + str(UPCE_PARITY_NS0.index(parity))
        inverted = "".join("A" if p == "B" else "B" for p in parity)
        return "1" + digits + str(UPCE_PARITY_NS0.index(inverted))
    raise ValueError(f"no EAN/UPC decoder for {kind}")


def decode_add_on(modules: str) -> str:
    if not modules.startswith(ADD_ON_START):
        raise ValueError("add-on start pattern missing")
    body = modules[len(ADD_ON_START) :]
    chunks = [body[i : i + 7] for i in range(0, len(body), 9)]
    digits, parity = _decode_left("".join(chunks))
    if len(digits) == 2 and EAN2_PARITY[int(digits) % 4] != parity:
        raise ValueError("EAN-2 parity does not match its value")
    if len(digits) == 5 and EAN5_PARITY[ean5_check(digits)] != parity:
        raise ValueError("EAN-5 parity does not match its check value")
    return digits


def decode_code128(modules: str) -> str:
    """Text of a Code 128 pattern built from sets B and C (what internal codes use)."""
    from barcode.charsets import code128 as tables

    values = {code: value for value, code in enumerate(tables.CODES)}
    if not modules.endswith(tables.STOP + "11"):
        raise ValueError("Code 128 stop pattern missing")
    symbols = [values[c] for c in _chunks(modules[: -len(tables.STOP) - 2], 11)]
    start, *data, check = symbols
    weighted = start + sum(i * v for i, v in enumerate(data, start=1))
    if weighted % 103 != check:
        raise ValueError("Code 128 check value does not match")
    by_value_b = {v: ch for ch, v in tables.B.items() if len(ch) == 1}
    charset = {104: "B", 105: "C"}.get(start)
    if charset is None:
        raise ValueError(f"unexpected Code 128 start value {start}")
    text = []
    for value in data:
        if value == 99:
            charset = "C"
        elif value == 100:
            charset = "B"
        elif charset == "C":
            text.append(f"{value:02d}")
        else:
            text.append(by_value_b[value])
    return "".join(text)


# --- the symbol --------------------------------------------------------------------


def _validated(bar_code: str, ext_bar_code: str | None) -> domain_barcode.Reading:
    try:
        return domain_barcode.validate_for_print(bar_code, ext_bar_code)
    except BarcodeError as error:
        raise UnprintableBarcode(
            f"{bar_code!r} cannot be printed: {error.message}",
            bar_code=bar_code,
            ext_bar_code=ext_bar_code,
            **error.params,
        ) from error


def _main_pattern(kind: Kind, code: str) -> str:
    import barcode

    if kind is Kind.EAN13:
        return str(barcode.EAN13(code).build()[0])
    if kind is Kind.EAN8:
        return str(barcode.EAN8(code).build()[0])
    if kind is Kind.UPCA:
        return str(barcode.UPCA(code).build()[0])
    if kind is Kind.UPCE:
        return encode_upce_pattern(code)
    return str(barcode.Code128(code).build()[0])


_KIND_BY_SYMBOLOGY = {
    domain_barcode.Symbology.EAN13: Kind.EAN13,
    domain_barcode.Symbology.EAN8: Kind.EAN8,
    domain_barcode.Symbology.UPCA: Kind.UPCA,
    domain_barcode.Symbology.UPCE: Kind.UPCE,
    domain_barcode.Symbology.INTERNAL: Kind.CODE128,
}


def _text_spans(kind: Kind, code: str, main_len: int) -> tuple[TextSpan, ...]:
    q_left, q_right = QUIET_ZONES[kind]
    if kind is Kind.EAN13:
        # GS1: the leading digit stands in the left quiet zone, left of the start guard.
        return (
            TextSpan(code[0], -q_left + 2, -1),
            TextSpan(code[1:7], 3, 45),
            TextSpan(code[7:], 50, 92),
        )
    if kind is Kind.EAN8:
        return (TextSpan(code[:4], 3, 31), TextSpan(code[4:], 36, 64))
    if kind is Kind.UPCA:
        return (
            TextSpan(code[0], -q_left + 2, -1, small=True),
            TextSpan(code[1:6], 10, 45),
            TextSpan(code[6:11], 50, 85),
            TextSpan(code[11], main_len + 1, main_len + q_right - 1, small=True),
        )
    if kind is Kind.UPCE:
        return (
            TextSpan(code[0], -q_left + 2, -1, small=True),
            TextSpan(code[1:7], 3, 45),
            TextSpan(code[7], main_len + 1, main_len + q_right, small=True),
        )
    return (TextSpan(code, 0, main_len),)


def _guard_bars(kind: Kind, main_len: int) -> frozenset[int]:
    if kind in (Kind.EAN13, Kind.UPCA):
        guards = [*range(0, 3), *range(45, 50), *range(92, 95)]
        if kind is Kind.UPCA:
            # UPC-A: the bars of the first and last digits extend like the guards.
            guards += [*range(3, 10), *range(85, 92)]
        return frozenset(guards)
    if kind is Kind.EAN8:
        return frozenset([*range(0, 3), *range(31, 36), *range(64, 67)])
    if kind is Kind.UPCE:
        return frozenset([*range(0, 3), *range(45, 51)])
    return frozenset()


@lru_cache(maxsize=4096)
def encode_symbol(bar_code: str, ext_bar_code: str | None = None) -> Symbol:
    """Validate a stored code and build its symbol; raises `UnprintableBarcode` for a
    code that must not be printed, `EncodingMismatch` if a pattern does not decode back
    to the code asked for."""
    reading = _validated(bar_code, ext_bar_code or None)
    kind = _KIND_BY_SYMBOLOGY.get(reading.symbology)
    if kind is None:
        raise UnprintableSymbology(
            f"{bar_code!r} is a {reading.symbology}; labels print EAN-13, EAN-8, "
            "UPC-A, UPC-E and internal codes (Code 128)",
            bar_code=bar_code,
            symbology=str(reading.symbology),
        )
    code = reading.bar_code
    add_on_digits = reading.ext_bar_code
    if kind is Kind.CODE128 and add_on_digits:
        raise UnprintableBarcode(
            f"an add-on ({add_on_digits}) can only follow an EAN or UPC code, "
            f"not the internal code {code}",
            bar_code=code,
            ext_bar_code=add_on_digits,
        )

    main = _main_pattern(kind, code)
    add_on = encode_add_on_pattern(add_on_digits) if add_on_digits else None
    _check_drawn(kind, code, main, add_on_digits, add_on)

    q_left, q_right = QUIET_ZONES[kind]
    if add_on is not None:
        q_right = ADD_ON_RIGHT_CLEAR
    logger.debug("encoded %s %s+%s", kind, code, add_on_digits)
    return Symbol(
        kind=kind,
        bar_code=code,
        ext_bar_code=add_on_digits,
        main=main,
        add_on=add_on,
        quiet_left=q_left,
        quiet_right=q_right,
        guard_bars=_guard_bars(kind, len(main)),
        text=_text_spans(kind, code, len(main)),
        warning=reading.warning,
    )


def _check_drawn(
    kind: Kind, code: str, main: str, add_on_digits: str | None, add_on: str | None
) -> None:
    try:
        if kind is Kind.CODE128:
            drawn = decode_code128(main)
        else:
            drawn = decode_pattern(kind, main)
        drawn_add_on = decode_add_on(add_on) if add_on is not None else None
    except (KeyError, ValueError) as error:
        raise EncodingMismatch(
            f"the bar pattern for {code} is malformed ({error}); nothing was printed",
            bar_code=code,
        ) from error
    if drawn != code or drawn_add_on != add_on_digits:
        raise EncodingMismatch(
            f"asked to print {code} {add_on_digits or ''} but the bars would read "
            f"{drawn} {drawn_add_on or ''}; nothing was printed",
            bar_code=code,
            drawn=drawn,
        )
