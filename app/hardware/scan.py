"""What the scanner layer produces and the settings that steer it (plain Python).

`Scan` and `Notice` are the payloads of the `scan_received` and `notice_raised` signals;
`KeyEvent` is one key as the decoder sees it; `WedgeRule` and `SerialSettings` are the
user's scanner settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar


class ScanSource(StrEnum):
    KEYBOARD = "keyboard"
    SERIAL = "serial"


class NoticeKind(StrEnum):
    LAYOUT_MISMATCH = "layout_mismatch"
    NUMLOCK_OFF = "numlock_off"
    CAPS_LOCK = "caps_lock"
    GARBLED_SERIAL = "garbled_serial"


# English wording; the GUI translates by `kind` and may fall back to these.
NOTICE_MESSAGES: dict[NoticeKind, str] = {
    NoticeKind.LAYOUT_MISMATCH: (
        "The scanner's keys could not be read with the active keyboard layout. Set "
        "the scanner to the same keyboard layout as the computer, or switch the "
        "computer's layout to the scanner's (usually US English)."
    ),
    NoticeKind.NUMLOCK_OFF: (
        "The scanner sent keypad keys while NumLock is off, so the code arrived as "
        "arrow keys. Turn NumLock on, or set the scanner to send normal number keys "
        "instead of keypad keys."
    ),
    NoticeKind.CAPS_LOCK: (
        "Caps Lock is on: letters from the scanner arrive in the wrong case. The code "
        "was read from the keys the scanner pressed; turn Caps Lock off to be sure."
    ),
    NoticeKind.GARBLED_SERIAL: (
        "The serial scanner sent data that cannot be a barcode. Check that the baud "
        "rate, data bits, parity and stop bits match the scanner's settings (often "
        "9600 8N1 or 115200 8N1)."
    ),
}


@dataclass(frozen=True)
class Scan:
    """One barcode as the scanner delivered it (prefix, suffix and AIM id removed)."""

    text: str
    source: ScanSource
    t_ms: float  # time of the first key or byte
    duration_ms: float  # first key or byte to terminator (or last byte)
    symbology_identifier: str | None = None  # AIM identifier such as "]E0"
    port: str | None = None  # the serial port it came through


@dataclass(frozen=True)
class Notice:
    """Something the user should fix about the scanner set-up."""

    kind: NoticeKind
    t_ms: float
    detail: str = ""  # for the log and the diagnostics panel, not for the user

    @property
    def message(self) -> str:
        return NOTICE_MESSAGES[self.kind]


@dataclass(frozen=True)
class KeyEvent:
    """One key press or release, as recorded and as fed to the decoder.

    `key` is Qt's key name ("Key_4", "Key_Return"), `scan_code` the platform's native
    scan code (0 when unknown), `modifiers` names among Shift, Control, Alt, Meta,
    Keypad. `token` carries whatever the caller needs to re-deliver the event.
    """

    t_ms: float
    pressed: bool
    key: str
    text: str = ""
    scan_code: int = 0
    modifiers: frozenset[str] = frozenset()
    autorepeat: bool = False
    token: object = field(default=None, compare=False, repr=False)


class WedgeTerminator(StrEnum):
    ENTER = "enter"  # Return or keypad Enter
    KEYPAD_ENTER = "keypad_enter"
    TAB = "tab"
    NONE = "none"  # the burst ends after an idle gap


class SerialTerminator(StrEnum):
    CR = "cr"
    LF = "lf"
    CRLF = "crlf"
    NONE = "none"  # the scan ends after an idle gap


@dataclass(frozen=True)
class WedgeRule:
    """When a burst of keys is a scan rather than typing."""

    min_length: int = 6
    max_gap_ms: float = (
        35.0  # scanners can be slowed to 990 ms per key; raise this then
    )
    max_burst_ms: float = 1500.0
    # With NONE a burst ends at the first gap longer than max_gap_ms.
    terminator: WedgeTerminator = WedgeTerminator.ENTER
    prefix: str = ""  # may hold control characters such as STX (\x02)
    suffix: str = ""  # may hold control characters such as ETX (\x03)
    aim_identifier: bool = False  # scans start with an AIM identifier (]E0 ...)
    # True: the scanner presses US key positions (HID scanners' default), so a key's
    # position wins over a layout's text that disagrees. False: the scanner is set to
    # the computer's own layout and its text is taken as it comes.
    us_key_positions: bool = True
    enabled: bool = True


class Parity(StrEnum):
    NONE = "N"
    EVEN = "E"
    ODD = "O"
    MARK = "M"
    SPACE = "S"


@dataclass(frozen=True)
class SerialSettings:
    """A serial scanner: the port as a pyserial URL and its line settings."""

    port: str = ""  # COM12, /dev/ttyACM0, /dev/serial/by-id/..., loop://, socket://h:p
    baud_rate: int = 9600
    data_bits: int = 8
    parity: Parity = Parity.NONE
    stop_bits: float = 1
    terminator: SerialTerminator = SerialTerminator.CR
    idle_ms: float = 100.0  # with terminator NONE: quiet time that ends a scan
    prefix: str = ""
    suffix: str = ""
    aim_identifier: bool = False


def split_aim_identifier(text: str) -> tuple[str | None, str]:
    """Split a leading AIM symbology identifier (`]` + code letter + modifier)."""
    if len(text) >= 3 and text[0] == "]" and text[1].isalpha() and text[2].isalnum():
        return text[:3], text[3:]
    return None, text


def strip_affixes(text: str, prefix: str, suffix: str) -> str | None:
    """The text without prefix and suffix (ignoring case); None if one is missing."""
    if prefix:
        if text[: len(prefix)].casefold() != prefix.casefold():
            return None
        text = text[len(prefix) :]
    if suffix:
        if (
            len(text) < len(suffix)
            or text[-len(suffix) :].casefold() != suffix.casefold()
        ):
            return None
        text = text[: -len(suffix)]
    return text


# --- settings as JSON-ready dicts (for the settings file) ---------------------------


def settings_to_dict(settings: WedgeRule | SerialSettings) -> dict[str, object]:
    """Plain values only: enums as their values, ready for json.dumps."""
    result: dict[str, object] = {}
    for name in settings.__dataclass_fields__:
        value = getattr(settings, name)
        result[name] = value.value if isinstance(value, StrEnum) else value
    return result


_Settings = TypeVar("_Settings", WedgeRule, SerialSettings)


def _from_dict(cls: type[_Settings], data: dict[str, object]) -> _Settings:
    defaults = cls()
    values: dict[str, object] = {}
    for name in cls.__dataclass_fields__:
        if name not in data:
            continue  # older settings files lack newer fields
        default = getattr(defaults, name)
        raw = data[name]
        try:
            if isinstance(default, StrEnum):
                values[name] = type(default)(str(raw))
            elif isinstance(default, bool):
                if not isinstance(raw, bool):
                    raise TypeError(f"expected true or false, got {raw!r}")
                values[name] = raw
            elif isinstance(default, (int, float)):
                if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                    raise TypeError(f"expected a number, got {raw!r}")
                # The annotation, not the default's type: stop_bits 1 may be 1.5.
                kind = cls.__dataclass_fields__[name].type
                if kind != "float" and raw != int(raw):
                    raise TypeError(f"expected a whole number, got {raw!r}")
                values[name] = float(raw) if kind == "float" else int(raw)
            else:
                values[name] = str(raw)
        except (TypeError, ValueError) as error:
            raise ValueError(f"scanner setting {name!r}: {error}") from error
    return cls(**values)  # type: ignore[arg-type]


def wedge_rule_from_dict(data: dict[str, object]) -> WedgeRule:
    """A WedgeRule from `settings_to_dict` output; missing keys keep their defaults."""
    return _from_dict(WedgeRule, data)


def serial_settings_from_dict(data: dict[str, object]) -> SerialSettings:
    """SerialSettings from `settings_to_dict` output; missing keys keep defaults."""
    return _from_dict(SerialSettings, data)
