"""The key-burst decoder against the keyboard cases K1-K6 (plain Python, no Qt)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import scanner_cases as cases

from app.hardware.key_burst import KeyBurstDecoder, Verdict
from app.hardware.scan import (
    KeyEvent,
    Notice,
    NoticeKind,
    Scan,
    ScanSource,
    WedgeRule,
    WedgeTerminator,
)


class Run:
    """Feeds events as a live filter would and keeps what came out."""

    def __init__(self, rule: WedgeRule | None = None, platform: str = "xcb") -> None:
        self.decoder = KeyBurstDecoder(rule, platform=platform)
        self.scans: list[Scan] = []
        self.notices: list[Notice] = []
        self.delivered: list[KeyEvent] = []  # what the widgets would see, in order
        self.verdicts: list[tuple[KeyEvent, Verdict]] = []

    def feed(self, events: list[KeyEvent]) -> Run:
        for event in events:
            deadline = self.decoder.deadline()
            if deadline is not None and deadline < event.t_ms:
                self._take(self.decoder.poll(deadline + 1))  # the timer firing
            decoded = self.decoder.feed(event)
            self._take(decoded)
            self.verdicts.append((event, decoded.verdict))
            if decoded.verdict is Verdict.PASS:
                self.delivered.append(event)
        self._take(self.decoder.flush())
        return self

    def _take(self, decoded: object) -> None:
        self.delivered.extend(decoded.replay)  # type: ignore[attr-defined]
        self.scans.extend(decoded.scans)  # type: ignore[attr-defined]
        self.notices.extend(decoded.notices)  # type: ignore[attr-defined]

    @property
    def texts(self) -> list[str]:
        return [scan.text for scan in self.scans]

    @property
    def kinds(self) -> list[NoticeKind]:
        return [notice.kind for notice in self.notices]


# --- K1 AZERTY -------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["xcb", "wayland", "windows"])
def test_k1_azerty_text_is_read_from_the_physical_keys(platform: str) -> None:
    events = cases.k1_azerty(platform)
    typed = "".join(e.text for e in events if e.pressed and e.key != "Key_Return")
    assert typed == '\'àà-"_&"""ç"&'  # the case's text(), as Qt gives it

    run = Run(platform=platform).feed(events)

    assert run.texts == ["4006381333931"]
    assert run.scans[0].source is ScanSource.KEYBOARD
    assert run.scans[0].duration_ms == 65
    assert run.delivered == []  # nothing of the scan reaches a widget
    assert run.notices == []


@pytest.mark.parametrize("platform", ["cocoa", "offscreen"])
def test_k1_unreadable_keys_make_no_scan_and_say_the_layout_does_not_match(
    platform: str,
) -> None:
    run = Run(platform=platform).feed(cases.k1_azerty("xcb"))

    assert run.scans == []
    assert run.kinds == [NoticeKind.LAYOUT_MISMATCH]
    assert "keyboard layout" in run.notices[0].message
    assert run.delivered == []  # the garbage does not land in a field either


def test_k1_missing_scan_codes_also_give_layout_mismatch() -> None:
    events = [replace(e, scan_code=0) for e in cases.k1_azerty()]

    run = Run().feed(events)

    assert run.scans == []
    assert run.kinds == [NoticeKind.LAYOUT_MISMATCH]


def test_k1_scanner_set_to_azerty_itself_is_read_from_the_text() -> None:
    # A scanner configured for AZERTY presses Shift + the digit keys; the text is
    # right and the US reading of the keys ("$))^...") is not.
    events: list[KeyEvent] = []
    for i, digit in enumerate(cases.EAN):
        events += cases.tap(
            i * 5, f"Key_{digit}", digit, cases.EVDEV_DIGIT[digit], modifiers=("Shift",)
        )
    events += cases.return_key(len(cases.EAN) * 5)

    assert Run().feed(cases.in_time_order(events)).texts == [cases.EAN]


# --- K2 German, Ukrainian ------------------------------------------------------------


@pytest.mark.parametrize("platform", ["xcb", "wayland", "windows"])
def test_k2_german_code128_is_read_by_physical_key(platform: str) -> None:
    events = cases.k2_german_code128(platform)
    typed = "".join(e.text for e in events if e.pressed and e.key != "Key_Return")
    assert typed == "Aß12-Y"

    run = Run(platform=platform).feed(events)

    assert run.texts == ["A-12/Z"]
    assert run.notices == []


def test_k2_digit_only_codes_are_unaffected_by_the_layout() -> None:
    events = cases.us_digits(cases.EAN, 0, 5) + cases.return_key(65)

    assert Run().feed(events).texts == [cases.EAN]


def test_k2_a_letter_in_a_digit_code_is_kept_not_stripped() -> None:
    # The decoder hands the code on as sent; the barcode reader rejects it.
    code = "400638133393"
    events = cases.us_digits(code, 0, 5)
    events += cases.tap(60, "Key_A", "a", cases.EVDEV_LETTER["a"])
    events += cases.return_key(65)

    run = Run().feed(cases.in_time_order(events))

    assert run.texts == [code + "a"]


def test_k2_non_digit_ean_scan_is_rejected_by_the_barcode_reader() -> None:
    from app.domain import barcode, errors

    events = cases.us_digits("400638133393", 0, 5)
    events += cases.tap(60, "Key_A", "a", cases.EVDEV_LETTER["a"])
    events += cases.return_key(65)
    (scan,) = Run().feed(cases.in_time_order(events)).scans

    with pytest.raises(errors.InvalidCharacter) as rejected:
        barcode.read_barcode(scan.text)

    assert rejected.value.params == {"character": "a", "position": 13}


@pytest.mark.parametrize("platform", ["xcb", "windows"])
def test_k2_ukrainian_layout_letters_come_from_the_physical_keys(platform: str) -> None:
    events = cases.ukrainian_code("QWE123", platform)
    typed = "".join(e.text for e in events if e.pressed and e.key != "Key_Return")
    assert typed == "ЙЦУ123"

    assert Run(platform=platform).feed(events).texts == ["QWE123"]


def test_k2_ukrainian_layout_leaves_digits_alone() -> None:
    assert Run().feed(cases.ukrainian_code(cases.EAN)).texts == [cases.EAN]


def test_prefix_matches_ignoring_case_and_is_removed() -> None:
    rule = WedgeRule(prefix="AB")
    events: list[KeyEvent] = []
    events += cases.tap(0, "Key_A", "a", cases.EVDEV_LETTER["a"])
    events += cases.tap(5, "Key_B", "b", cases.EVDEV_LETTER["b"])
    events += cases.us_digits(cases.EAN, 10, 5)
    events += cases.return_key(10 + 13 * 5)

    assert Run(rule).feed(cases.in_time_order(events)).texts == [cases.EAN]


def test_stx_etx_control_characters_frame_the_scan() -> None:
    rule = WedgeRule(prefix="\x02", suffix="\x03", terminator=WedgeTerminator.NONE)
    ctrl = ("Control",)
    events = cases.tap(0, "Key_B", "\x02", cases.EVDEV_LETTER["b"], modifiers=ctrl)
    events += cases.us_digits(cases.EAN, 5, 5)
    events += cases.tap(70, "Key_C", "\x03", cases.EVDEV_LETTER["c"], modifiers=ctrl)

    run = Run(rule).feed(cases.in_time_order(events))

    assert run.texts == [cases.EAN]
    assert run.delivered == []


def test_missing_prefix_means_typing() -> None:
    events = cases.us_digits(cases.EAN, 0, 5) + cases.return_key(65)

    run = Run(WedgeRule(prefix="\x02")).feed(events)

    assert run.scans == []
    assert run.delivered == events


def test_aim_identifier_is_split_off() -> None:
    events = cases.tap(0, "Key_BracketRight", "]", 27 + 0)
    events = [replace(e, scan_code=27 + 8) for e in events]
    events += cases.tap(
        5, "Key_E", "E", cases.EVDEV_LETTER["e"], modifiers=("Shift",)
    ) + cases.tap(10, "Key_0", "0", cases.EVDEV_DIGIT["0"])
    events += cases.us_digits(cases.EAN, 15, 5) + cases.return_key(15 + 13 * 5)

    run = Run(WedgeRule(aim_identifier=True)).feed(cases.in_time_order(events))

    assert run.texts == [cases.EAN]
    assert run.scans[0].symbology_identifier == "]E0"


def test_caps_lock_is_noticed_and_the_code_still_read_from_the_keys() -> None:
    # With Caps Lock on, Shift+A from the scanner types "a".
    events = cases.tap(0, "Key_A", "a", cases.EVDEV_LETTER["a"], modifiers=("Shift",))
    events += cases.us_digits("123456", 5, 5)
    events += cases.return_key(40)

    run = Run().feed(cases.in_time_order(events))

    assert run.texts == ["A123456"]
    assert run.kinds == [NoticeKind.CAPS_LOCK]


# --- K3 auto-repeat (the Qt part is in test_wedge_filter.py) -----------------------


def test_k3_autorepeat_events_are_ignored_inside_a_burst() -> None:
    events = cases.us_digits(cases.EAN, 0, 10) + cases.return_key(130)
    repeat = KeyEvent(12, True, "Key_4", "4", 13, autorepeat=True)

    run = Run().feed(cases.in_time_order([*events, repeat]))

    assert run.texts == [cases.EAN]
    assert run.delivered == [repeat]  # passed on untouched, not counted


# --- K4 a person typing fast -------------------------------------------------------


def test_k4_person_typing_reaches_the_widget_unchanged_and_scanner_is_a_scan() -> None:
    events, scanner_start = cases.k4_person_then_scanner()
    person = [e for e in events if e.t_ms < scanner_start]

    run = Run().feed(events)

    assert run.texts == [cases.EAN]
    assert run.scans[0].t_ms == scanner_start
    assert run.delivered == person  # every key, in order, unchanged
    typed = "".join(e.text for e in run.delivered if e.pressed)
    assert typed == "secret\r"


def test_k4_a_short_fast_burst_is_typing() -> None:
    events = cases.us_digits("12345", 0, 8) + cases.return_key(40)

    run = Run().feed(events)

    assert run.scans == []
    assert run.delivered == events


def test_k4_one_slow_gap_makes_the_burst_typing() -> None:
    # 8 keys, one 40 ms gap, 5 keys: neither part is a scan on its own.
    events = cases.us_digits("40063813", 0, 8) + cases.us_digits("33931", 56 + 40, 8)
    events += cases.return_key(96 + 5 * 8)

    run = Run().feed(cases.in_time_order(events))

    assert run.scans == []
    assert sorted(run.delivered, key=lambda e: e.t_ms) == cases.in_time_order(events)


@pytest.mark.parametrize(
    ("rule", "is_scan"),
    [
        (WedgeRule(max_gap_ms=1000), False),  # 13 keys at 990 ms take 12 s > 1.5 s
        (WedgeRule(max_gap_ms=1000, max_burst_ms=15_000), True),
    ],
)
def test_k4_slowed_scanner_needs_the_gap_and_burst_limits_raised(
    rule: WedgeRule, is_scan: bool
) -> None:
    events = cases.us_digits(cases.EAN, 0, 990) + cases.return_key(13 * 990)

    run = Run(rule).feed(events)

    assert run.texts == ([cases.EAN] if is_scan else [])
    if not is_scan:
        assert sorted(run.delivered, key=lambda e: e.t_ms) == events


def test_k4_the_burst_must_end_with_the_terminator() -> None:
    events = cases.us_digits(cases.EAN, 0, 8)

    run = Run().feed(events)

    assert run.scans == []
    assert run.delivered == events


def test_terminator_none_ends_the_scan_at_the_idle_gap() -> None:
    events = cases.us_digits(cases.EAN, 0, 8)

    run = Run(WedgeRule(terminator=WedgeTerminator.NONE)).feed(events)

    assert run.texts == [cases.EAN]
    assert run.delivered == []


def test_tab_terminator() -> None:
    events = cases.us_digits(cases.EAN, 0, 8)
    events += cases.tap(104, "Key_Tab", "\t", cases.EVDEV["Tab"])

    assert Run(WedgeRule(terminator=WedgeTerminator.TAB)).feed(events).texts == [
        cases.EAN
    ]
    run = Run().feed(events)  # Enter expected: the Tab makes it typing
    assert run.scans == []
    assert run.delivered == events


def test_a_navigation_key_in_the_middle_makes_it_typing() -> None:
    events = cases.us_digits("40063813", 0, 5)
    events += cases.tap(40, "Key_Backspace", "\x08", cases.EVDEV["BackSpace"])
    events += cases.us_digits("33931", 45, 5) + cases.return_key(70)

    run = Run().feed(cases.in_time_order(events))

    assert run.scans == []
    assert sorted(run.delivered, key=lambda e: e.t_ms) == cases.in_time_order(events)


# --- K5 keypad -------------------------------------------------------------------


def test_k5_keypad_digits_with_numlock_on_end_with_keypad_enter() -> None:
    events = cases.k5_keypad(numlock=True)
    assert events[-2].key == "Key_Enter"  # keypad Enter, not Return

    run = Run().feed(events)

    assert run.texts == [cases.EAN]
    assert run.delivered == []


def test_k5_keypad_with_numlock_off_gives_no_scan_moves_no_caret_and_says_so() -> None:
    events = cases.k5_keypad(numlock=False)
    names = [e.key[4:] for e in events if e.pressed]
    assert " ".join(names) == (
        "Left Insert Insert Right PageDown Up End PageDown PageDown PageDown "
        "PageUp PageDown End Enter"
    )

    run = Run().feed(events)

    assert run.scans == []
    assert run.kinds == [NoticeKind.NUMLOCK_OFF]
    assert "NumLock" in run.notices[0].message
    assert run.delivered == []  # no arrow key reaches a widget


def test_k5_keypad_terminator_setting_accepts_only_keypad_enter() -> None:
    rule = WedgeRule(terminator=WedgeTerminator.KEYPAD_ENTER)

    assert Run(rule).feed(cases.k5_keypad(numlock=True)).texts == [cases.EAN]
    run = Run(rule).feed(cases.us_digits(cases.EAN, 0, 5) + cases.return_key(65))
    assert run.scans == []


# --- K6 the Enter suffix must not act --------------------------------------------


def test_k6_two_scans_and_their_returns_are_swallowed() -> None:
    run = Run().feed(cases.k6_two_scans())

    assert run.texts == [cases.EAN, cases.EAN_2]
    returns = [(e, v) for e, v in run.verdicts if e.key == "Key_Return"]
    assert [v for _e, v in returns] == [Verdict.SWALLOW] * 4  # presses and releases
    assert run.delivered == []


def test_a_scan_the_claim_refuses_is_typing_without_its_terminator() -> None:
    run = Run()
    asked: list[tuple[str, int]] = []

    def claim(scan: Scan, presses: object) -> bool:
        asked.append((scan.text, len(presses)))  # type: ignore[arg-type]
        return scan.text != cases.EAN

    run.decoder.claim = claim
    events = cases.k6_two_scans()
    run.feed(events)

    assert asked == [(cases.EAN, 13), (cases.EAN_2, 13)]
    assert run.texts == [cases.EAN_2]  # the second one was claimed
    first_digits = [e for e in events if e.t_ms < 600 and e.key != "Key_Return"]
    assert run.delivered == first_digits  # presses and releases, in order
    returns = [(e, v) for e, v in run.verdicts if e.key == "Key_Return"]
    assert [v for _e, v in returns] == [Verdict.SWALLOW] * 4


def test_a_refused_scan_is_listed_as_handed_back() -> None:
    decoder = KeyBurstDecoder()
    decoder.claim = lambda _scan, _presses: False
    handed_back: list[Scan] = []
    for event in cases.us_digits(cases.EAN, 0, 5) + cases.return_key(65):
        decoded = decoder.feed(event)
        handed_back += decoded.handed_back
        assert decoded.scans == []

    assert [s.text for s in handed_back] == [cases.EAN]


def test_disabled_rule_passes_everything() -> None:
    events = cases.k6_two_scans()

    run = Run(WedgeRule(enabled=False)).feed(events)

    assert run.scans == []
    assert run.delivered == events


def test_scanner_set_to_the_computers_layout_is_read_from_the_text() -> None:
    # A scanner set to AZERTY sends "QAZWQA" as the AZERTY keys, i.e. the US keys
    # A Q W Z A Q: Qt's text is right and the US positions are not. Both readings are
    # plain letters, so only the setting can tell.
    azerty_key = {"Q": "a", "A": "q", "Z": "w", "W": "z"}
    events: list[KeyEvent] = []
    for i, letter in enumerate("QAZWQA"):
        evdev = cases.EVDEV_LETTER[azerty_key[letter]]
        events += cases.tap(i * 5, f"Key_{letter}", letter, evdev, modifiers=("Shift",))
    events += cases.return_key(30)
    events = cases.in_time_order(events)

    assert Run(WedgeRule(us_key_positions=False)).feed(events).texts == ["QAZWQA"]
    assert Run().feed(events).texts == ["AQWZAQ"]  # read as US positions


def test_layout_text_setting_still_refuses_non_ascii_text() -> None:
    run = Run(WedgeRule(us_key_positions=False)).feed(cases.k1_azerty())

    assert run.scans == []
    assert run.kinds == [NoticeKind.LAYOUT_MISMATCH]


@pytest.mark.parametrize(
    ("platform", "scan_code", "expected"),
    [
        ("xcb", 13, "4"),
        ("wayland", 13, "4"),
        ("wayland-egl", 13, "4"),
        ("windows", 5, "4"),
        ("windows", 13, "="),
        ("cocoa", 13, None),
        ("xcb", 0, None),
    ],
)
def test_scan_code_tables(platform: str, scan_code: int, expected: str | None) -> None:
    from app.hardware.scan_codes import us_character

    assert us_character(platform, scan_code, shift=False, keypad=False) == expected


def test_keypad_scan_codes_on_windows_and_x11() -> None:
    from app.hardware.scan_codes import us_character

    assert us_character("windows", 0x4B, shift=False, keypad=True) == "4"
    assert us_character("windows", 0x135, shift=False, keypad=True) == "/"
    assert us_character("xcb", 83, shift=False, keypad=True) == "4"
    assert us_character("xcb", 106, shift=False, keypad=True) == "/"
