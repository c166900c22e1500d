"""The keyboard cases K1-K6 of shared/cases/keyboard.md as key events.

A wedge scanner presses US key positions; these helpers say which keys it presses and
what each layout makes of them, with native scan codes as Qt reports them:
X keycode (evdev + 8) on xcb and wayland, set-1 scan code on Windows.
"""

from __future__ import annotations

from app.hardware.scan import KeyEvent

EAN = "4006381333931"
EAN_2 = "5901234123457"

# evdev codes of the US top row and of the keys used below.
EVDEV_DIGIT = {str(d): 1 + d for d in range(1, 10)} | {"0": 11}
EVDEV = {
    "Return": 28,
    "Tab": 15,
    "Shift": 42,
    "minus": 12,
    "slash": 53,
    "KP_Enter": 96,
    "Left": 105,
    "BackSpace": 14,
}
EVDEV_LETTER = (
    dict(zip("qwertyuiop", range(16, 26), strict=True))
    | dict(zip("asdfghjkl", range(30, 39), strict=True))
    | dict(zip("zxcvbnm", range(44, 51), strict=True))
)
# Keypad keys with NumLock on (digit) and off (the navigation key it becomes).
EVDEV_KEYPAD = {
    "7": (71, "Key_Home"),
    "8": (72, "Key_Up"),
    "9": (73, "Key_PageUp"),
    "4": (75, "Key_Left"),
    "5": (76, "Key_Clear"),
    "6": (77, "Key_Right"),
    "1": (79, "Key_End"),
    "2": (80, "Key_Down"),
    "3": (81, "Key_PageDown"),
    "0": (82, "Key_Insert"),
}

# AZERTY (fr) top row without Shift: US digit -> (text, Qt key name).
AZERTY_TOP_ROW = {
    "1": ("&", "Key_Ampersand"),
    "2": ("é", "Key_Eacute"),
    "3": ('"', "Key_QuoteDbl"),
    "4": ("'", "Key_Apostrophe"),
    "5": ("(", "Key_ParenLeft"),
    "6": ("-", "Key_Minus"),
    "7": ("è", "Key_Egrave"),
    "8": ("_", "Key_Underscore"),
    "9": ("ç", "Key_Ccedilla"),
    "0": ("à", "Key_Agrave"),
}
# Ukrainian letters on the US letter keys.
UKRAINIAN_LETTERS = dict(
    zip("qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзфівапролдячсмить", strict=True)
)


def native_code(evdev: int, platform: str) -> int:
    if platform == "windows":
        return evdev + 0x100 if evdev == EVDEV["KP_Enter"] else evdev
    return evdev + 8


def tap(
    t: float,
    key: str,
    text: str,
    evdev: int,
    platform: str = "xcb",
    modifiers: tuple[str, ...] = (),
    hold_ms: float = 2,
) -> list[KeyEvent]:
    """A press at t and its release hold_ms later."""
    code = native_code(evdev, platform)
    mods = frozenset(modifiers)
    return [
        KeyEvent(t, True, key, text, code, mods),
        KeyEvent(t + hold_ms, False, key, text, code, mods),
    ]


def in_time_order(events: list[KeyEvent]) -> list[KeyEvent]:
    return sorted(events, key=lambda e: e.t_ms)


def us_digits(
    code: str, start: float, gap: float, platform: str = "xcb"
) -> list[KeyEvent]:
    events: list[KeyEvent] = []
    for i, digit in enumerate(code):
        events += tap(
            start + i * gap, f"Key_{digit}", digit, EVDEV_DIGIT[digit], platform
        )
    return events


def return_key(t: float, platform: str = "xcb") -> list[KeyEvent]:
    return tap(t, "Key_Return", "\r", EVDEV["Return"], platform)


def k1_azerty(platform: str = "xcb", gap: float = 5) -> list[KeyEvent]:
    """K1: the US positions of EAN + Enter, 5 ms apart, with AZERTY active."""
    events: list[KeyEvent] = []
    for i, digit in enumerate(EAN):
        text, key = AZERTY_TOP_ROW[digit]
        events += tap(i * gap, key, text, EVDEV_DIGIT[digit], platform)
    events += return_key(len(EAN) * gap, platform)
    return in_time_order(events)


def k2_german_code128(platform: str = "xcb", gap: float = 5) -> list[KeyEvent]:
    """K2: Code 128 `A-12/Z` as US positions; a German layout types `Aß12-Y`."""
    shift = ("Shift",)
    t = 0.0
    events = [KeyEvent(t, True, "Key_Shift", "", native_code(EVDEV["Shift"], platform))]
    events += tap(t + 1, "Key_A", "A", EVDEV_LETTER["a"], platform, shift)
    events.append(
        KeyEvent(t + 4, False, "Key_Shift", "", native_code(EVDEV["Shift"], platform))
    )
    t += gap
    events += tap(t, "Key_ssharp", "ß", EVDEV["minus"], platform)
    t += gap
    events += tap(t, "Key_1", "1", EVDEV_DIGIT["1"], platform)
    t += gap
    events += tap(t, "Key_2", "2", EVDEV_DIGIT["2"], platform)
    t += gap
    events += tap(t, "Key_Minus", "-", EVDEV["slash"], platform)
    t += gap
    events.append(
        KeyEvent(t, True, "Key_Shift", "", native_code(EVDEV["Shift"], platform))
    )
    events += tap(t + 1, "Key_Y", "Y", EVDEV_LETTER["z"], platform, shift)
    events.append(
        KeyEvent(t + 4, False, "Key_Shift", "", native_code(EVDEV["Shift"], platform))
    )
    t += gap
    events += return_key(t, platform)
    return in_time_order(events)


def ukrainian_code(code: str, platform: str = "xcb", gap: float = 5) -> list[KeyEvent]:
    """US positions of `code` (upper-case letters and digits) with Ukrainian active."""
    events: list[KeyEvent] = []
    t = 0.0
    for ch in code:
        if ch.isdigit():
            events += tap(t, f"Key_{ch}", ch, EVDEV_DIGIT[ch], platform)
        else:
            cyrillic = UKRAINIAN_LETTERS[ch.lower()].upper()
            events += tap(
                t,
                "Key_Cyrillic_" + cyrillic,
                cyrillic,
                EVDEV_LETTER[ch.lower()],
                platform,
                ("Shift",),
            )
        t += gap
    events += return_key(t, platform)
    return in_time_order(events)


def k4_person_then_scanner(platform: str = "xcb") -> tuple[list[KeyEvent], float]:
    """K4: a person types `secret` + Enter, then a scanner sends EAN 8 ms apart.

    Returns the events and the time the scanner starts.
    """
    person = [
        ("Key_S", "s", "s", 0),
        ("Key_E", "e", "e", 180),
        ("Key_C", "c", "c", 350),
        ("Key_R", "r", "r", 520),
        ("Key_E", "e", "e", 700),
        ("Key_T", "t", "t", 860),
    ]
    events: list[KeyEvent] = []
    for key, text, letter, t in person:
        events += tap(t, key, text, EVDEV_LETTER[letter], platform, hold_ms=60)
    events += tap(930, "Key_Return", "\r", EVDEV["Return"], platform, hold_ms=60)
    start = 2000.0
    events += us_digits(EAN, start, 8, platform)
    events += return_key(start + len(EAN) * 8, platform)
    return in_time_order(events), start


def k5_keypad(numlock: bool, platform: str = "xcb", gap: float = 5) -> list[KeyEvent]:
    """K5: the scanner sends keypad keys ending with keypad Enter."""
    events: list[KeyEvent] = []
    for i, digit in enumerate(EAN):
        evdev, navigation = EVDEV_KEYPAD[digit]
        if numlock:
            events += tap(i * gap, f"Key_{digit}", digit, evdev, platform, ("Keypad",))
        else:
            events += tap(i * gap, navigation, "", evdev, platform, ("Keypad",))
    events += tap(
        len(EAN) * gap, "Key_Enter", "\r", EVDEV["KP_Enter"], platform, ("Keypad",)
    )
    return in_time_order(events)


def k6_two_scans(platform: str = "xcb") -> list[KeyEvent]:
    """K6: EAN + Return, then 600 ms later EAN_2 + Return, 5 ms apart."""
    events = us_digits(EAN, 0, 5, platform) + return_key(len(EAN) * 5, platform)
    start = len(EAN) * 5 + 600
    events += us_digits(EAN_2, start, 5, platform) + return_key(
        start + len(EAN_2) * 5, platform
    )
    return in_time_order(events)
