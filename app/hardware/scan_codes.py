"""Which character a physical key gives on a US keyboard, by native scan code.

A wedge scanner presses key positions (USB HID usages) as if typing on a US keyboard;
the operating system's layout then turns them into text. When the layout is not US the
text is wrong but the position is not, so the decoder reads the position back here.

Qt's `nativeScanCode()` is, per platform:
- xcb (X11) and wayland: the X keycode, which is the Linux evdev code + 8;
- windows: the PC/AT set-1 scan code, with 0x100 added for extended (E0) keys.
For the main block the set-1 codes equal the evdev codes, so one table serves all three.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# evdev code (= set-1 scan code) -> (unshifted, shifted) on a US keyboard.
_US_MAIN_BLOCK: dict[int, tuple[str, str]] = {
    2: ("1", "!"),
    3: ("2", "@"),
    4: ("3", "#"),
    5: ("4", "$"),
    6: ("5", "%"),
    7: ("6", "^"),
    8: ("7", "&"),
    9: ("8", "*"),
    10: ("9", "("),
    11: ("0", ")"),
    12: ("-", "_"),
    13: ("=", "+"),
    26: ("[", "{"),
    27: ("]", "}"),
    39: (";", ":"),
    40: ("'", '"'),
    41: ("`", "~"),
    43: ("\\", "|"),
    51: (",", "<"),
    52: (".", ">"),
    53: ("/", "?"),
    57: (" ", " "),
}
for _code, _letter in zip(range(16, 26), "qwertyuiop", strict=True):
    _US_MAIN_BLOCK[_code] = (_letter, _letter.upper())
for _code, _letter in zip(range(30, 39), "asdfghjkl", strict=True):
    _US_MAIN_BLOCK[_code] = (_letter, _letter.upper())
for _code, _letter in zip(range(44, 51), "zxcvbnm", strict=True):
    _US_MAIN_BLOCK[_code] = (_letter, _letter.upper())

# Keypad with NumLock on: evdev code -> character (the same on every layout).
_KEYPAD: dict[int, str] = {
    71: "7",
    72: "8",
    73: "9",
    74: "-",
    75: "4",
    76: "5",
    77: "6",
    78: "+",
    79: "1",
    80: "2",
    81: "3",
    82: "0",
    83: ".",
    55: "*",
}

# Platforms whose nativeScanCode() we can read, and what to subtract to get evdev.
_EVDEV_OFFSET: dict[str, int] = {"xcb": 8, "wayland": 8, "windows": 0}


def _family(platform: str) -> str:
    # Qt's platform plugin names come in variants: "wayland-egl", "xcb_egl".
    for family in _EVDEV_OFFSET:
        if platform.startswith(family):
            return family
    return platform


def knows_platform(platform: str) -> bool:
    return _family(platform) in _EVDEV_OFFSET


def us_character(
    platform: str, scan_code: int, *, shift: bool, keypad: bool
) -> str | None:
    """The character the key at `scan_code` types on a US layout, or None if unknown."""
    platform = _family(platform)
    offset = _EVDEV_OFFSET.get(platform)
    if offset is None or scan_code <= 0:
        return None
    code = scan_code - offset
    if keypad:
        # Windows marks keypad "/" and keypad Enter as extended keys (0x135, 0x11C).
        if platform == "windows" and code == 0x135:
            return "/"
        if platform != "windows" and code == 98:
            return "/"
        return _KEYPAD.get(code)
    pair = _US_MAIN_BLOCK.get(code)
    if pair is None:
        return None
    return pair[1] if shift else pair[0]
