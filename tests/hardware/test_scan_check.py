"""The "scan a test barcode" check on the keyboard cases."""

from __future__ import annotations

from dataclasses import replace

import scanner_cases as cases

from app.hardware.scan import WedgeRule, WedgeTerminator
from app.hardware.scan_check import ScanProblem, check_test_scan


def test_a_good_scan_has_no_problems() -> None:
    events = cases.us_digits(cases.EAN, 0, 5) + cases.return_key(65)

    check = check_test_scan(events, "xcb")

    assert check.ok and check.problems == ()
    assert (check.decoded, check.terminator) == (cases.EAN, WedgeTerminator.ENTER)
    assert check.max_gap_ms == 5 and check.duration_ms == 65


def test_k1_azerty_works_but_says_the_layout_differs() -> None:
    check = check_test_scan(cases.k1_azerty(), "xcb")

    assert check.problems == (ScanProblem.LAYOUT_DIFFERS,)
    assert check.ok
    assert check.typed == '\'àà-"_&"""ç"&'
    assert check.decoded == cases.EAN


def test_k1_unreadable_layout() -> None:
    events = [replace(e, scan_code=0) for e in cases.k1_azerty()]

    check = check_test_scan(events, "xcb")

    assert not check.ok
    assert check.problems == (ScanProblem.LAYOUT_UNREADABLE,)


def test_k5_numlock_off() -> None:
    check = check_test_scan(cases.k5_keypad(numlock=False), "xcb")

    assert ScanProblem.NUMLOCK_OFF in check.problems
    assert not check.ok


def test_k5_keypad_enter_is_fine_for_the_enter_rule() -> None:
    check = check_test_scan(cases.k5_keypad(numlock=True), "xcb")

    assert check.problems == ()
    assert check.terminator is WedgeTerminator.KEYPAD_ENTER


def test_missing_and_wrong_terminators() -> None:
    digits = cases.us_digits(cases.EAN, 0, 5)
    tab = cases.tap(65, "Key_Tab", "\t", cases.EVDEV["Tab"])

    missing = check_test_scan(digits, "xcb")
    wrong = check_test_scan(digits + tab, "xcb")
    none_rule = check_test_scan(
        digits, "xcb", WedgeRule(terminator=WedgeTerminator.NONE)
    )

    assert missing.problems == (ScanProblem.TERMINATOR_MISSING,)
    assert wrong.problems == (ScanProblem.TERMINATOR_WRONG,)
    assert none_rule.problems == ()


def test_slow_scanner_and_other_code() -> None:
    slow = cases.us_digits(cases.EAN, 0, 50) + cases.return_key(650)
    other = cases.us_digits(cases.EAN_2, 0, 5) + cases.return_key(65)

    assert check_test_scan(slow, "xcb").problems == (ScanProblem.TOO_SLOW,)
    assert check_test_scan(other, "xcb").problems == (ScanProblem.WRONG_CODE,)
    assert check_test_scan([], "xcb").problems == (ScanProblem.NOTHING_RECEIVED,)


def test_caps_lock() -> None:
    events = cases.tap(0, "Key_A", "a", cases.EVDEV_LETTER["a"], modifiers=("Shift",))
    events += cases.us_digits("123456", 5, 5) + cases.return_key(40)

    check = check_test_scan(cases.in_time_order(events), "xcb", expected="A123456")

    assert check.problems == (ScanProblem.CAPS_LOCK,)
