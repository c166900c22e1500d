"""The settings page's "scan a test barcode" check (plain Python).

The user scans a barcode shown on screen while the wedge filter records the raw keys
(`WedgeFilter.key_seen`). `check_test_scan` reads those keys and says what is wrong, if
anything: keyboard layout, NumLock, Caps Lock, terminator, speed, or a different code.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum

from app.hardware.key_burst import (
    KEYPAD_NAVIGATION_KEYS,
    MODIFIER_KEYS,
    read_characters,
)
from app.hardware.scan import KeyEvent, WedgeRule, WedgeTerminator

TEST_BAR_CODE = "4006381333931"  # an EAN-13 with a valid check digit

_TERMINATOR_KEYS = {
    "Key_Return": WedgeTerminator.ENTER,
    "Key_Enter": WedgeTerminator.KEYPAD_ENTER,
    "Key_Tab": WedgeTerminator.TAB,
}


class ScanProblem(StrEnum):
    NOTHING_RECEIVED = "nothing_received"
    NUMLOCK_OFF = "numlock_off"  # keypad keys arrived as arrows
    LAYOUT_UNREADABLE = "layout_unreadable"  # keys cannot be read: no scan possible
    LAYOUT_DIFFERS = "layout_differs"  # read by key position; typing would be wrong
    CAPS_LOCK = "caps_lock"
    TERMINATOR_MISSING = "terminator_missing"  # the rule expects one, none came
    TERMINATOR_WRONG = "terminator_wrong"  # another terminator than the rule's
    TOO_SLOW = "too_slow"  # a gap or the whole burst beyond the rule's limits
    TOO_SHORT = "too_short"  # fewer characters than the rule's minimum
    WRONG_CODE = "wrong_code"  # read fine, but not the code on the screen


@dataclass(frozen=True)
class ScanCheck:
    """What the test scan showed; `problems` is empty when all is right."""

    expected: str
    typed: str  # what the active layout made of the keys
    decoded: str | None  # what the scan reads as (None: unreadable)
    terminator: WedgeTerminator | None  # the key that ended it, if any
    max_gap_ms: float
    duration_ms: float
    problems: tuple[ScanProblem, ...]

    @property
    def ok(self) -> bool:
        """Scans will work (a differing layout alone does not stop them)."""
        return all(p is ScanProblem.LAYOUT_DIFFERS for p in self.problems)


def _terminator_accepted(rule: WedgeRule, found: WedgeTerminator | None) -> bool:
    if rule.terminator is WedgeTerminator.ENTER:
        return found in (WedgeTerminator.ENTER, WedgeTerminator.KEYPAD_ENTER)
    return found is rule.terminator


def check_test_scan(
    events: list[KeyEvent],
    platform: str,
    rule: WedgeRule | None = None,
    expected: str = TEST_BAR_CODE,
) -> ScanCheck:
    """Judge one test scan from its raw key events (presses and releases)."""
    rule = rule or WedgeRule()
    presses = [
        e
        for e in events
        if e.pressed and not e.autorepeat and e.key not in MODIFIER_KEYS
    ]
    terminator = _TERMINATOR_KEYS.get(presses[-1].key) if presses else None
    characters = presses[:-1] if terminator is not None else presses
    problems: list[ScanProblem] = []
    if not characters:
        return ScanCheck(
            expected, "", None, terminator, 0, 0, (ScanProblem.NOTHING_RECEIVED,)
        )

    times = [e.t_ms for e in presses]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    max_gap = max(gaps, default=0.0)
    duration = times[-1] - times[0]
    typed = "".join(e.text for e in characters)
    if any(
        "Keypad" in e.modifiers and e.key in KEYPAD_NAVIGATION_KEYS for e in characters
    ):
        problems.append(ScanProblem.NUMLOCK_OFF)
        decoded, caps_lock = None, False
    else:
        decoded, caps_lock = read_characters(
            characters, platform, us_key_positions=rule.us_key_positions
        )
        if decoded is None:
            problems.append(ScanProblem.LAYOUT_UNREADABLE)
        elif decoded != typed and not caps_lock:
            problems.append(ScanProblem.LAYOUT_DIFFERS)
    if caps_lock:
        problems.append(ScanProblem.CAPS_LOCK)
    if rule.terminator is not WedgeTerminator.NONE:
        if terminator is None:
            problems.append(ScanProblem.TERMINATOR_MISSING)
        elif not _terminator_accepted(rule, terminator):
            problems.append(ScanProblem.TERMINATOR_WRONG)
    if max_gap > rule.max_gap_ms or duration > rule.max_burst_ms:
        problems.append(ScanProblem.TOO_SLOW)
    if len(characters) < rule.min_length:
        problems.append(ScanProblem.TOO_SHORT)
    if decoded is not None and decoded != expected:
        problems.append(ScanProblem.WRONG_CODE)
    return ScanCheck(
        expected, typed, decoded, terminator, max_gap, duration, tuple(problems)
    )
