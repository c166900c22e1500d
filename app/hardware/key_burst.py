"""Telling a scanner's key burst from a person's typing (plain Python, no Qt).

A wedge scanner types a whole code in a few tens of milliseconds and ends it with a
terminator key; a person is slower and uneven. `KeyBurstDecoder` is fed every key event
with its time. While a burst might still be a scan it holds the keys back; once it
knows, it either makes a `Scan` (and the held keys are dropped) or hands the held keys
back, unchanged and in order, to be delivered as ordinary typing.

A burst that reads as a scan is first offered to `claim` (when set), which sees its
key presses (and may note where they were going): if it says no, the burst is handed
back as typing too, only its terminator dropped, and listed in `Decoded.handed_back`.
(Komora's `WedgeFilter` claims every scan and types a dialog's scans itself.)

The text of a key depends on the active keyboard layout, its position does not; so the
characters of a burst are read from the native scan codes when the text does not fit
(see `scan_codes`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from app.hardware import scan_codes
from app.hardware.scan import (
    KeyEvent,
    Notice,
    NoticeKind,
    Scan,
    ScanSource,
    WedgeRule,
    WedgeTerminator,
    split_aim_identifier,
    strip_affixes,
)

logger = logging.getLogger(__name__)

MODIFIER_KEYS = frozenset(
    {
        "Key_Shift",
        "Key_Control",
        "Key_Alt",
        "Key_AltGr",
        "Key_Meta",
        "Key_Super_L",
        "Key_Super_R",
        "Key_Hyper_L",
        "Key_Hyper_R",
        "Key_CapsLock",
        "Key_NumLock",
        "Key_ScrollLock",
        "Key_Mode_switch",
    }
)

# What the keypad's digit keys send with NumLock off (Qt key names, Keypad modifier).
KEYPAD_NAVIGATION_KEYS = frozenset(
    {
        "Key_Insert",
        "Key_End",
        "Key_Down",
        "Key_PageDown",
        "Key_Left",
        "Key_Clear",
        "Key_Right",
        "Key_Home",
        "Key_Up",
        "Key_PageUp",
        "Key_Delete",
    }
)

_NO_CHARACTER_MODIFIERS = frozenset({"Control", "Alt", "Meta"})


class Verdict(Enum):
    """What to do with the event just fed."""

    PASS = "pass"  # deliver it now (after any replayed events)
    HOLD = "hold"  # keep it back; it comes out later in `replay` or is dropped
    SWALLOW = "swallow"  # drop it: it belongs to a scan


@dataclass
class Decoded:
    """The outcome of one `feed` or `poll`."""

    verdict: Verdict = Verdict.PASS
    replay: list[KeyEvent] = field(default_factory=list)  # deliver before this event
    scans: list[Scan] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # Scans `claim` refused: their keys are in `replay`, their terminator dropped.
    handed_back: list[Scan] = field(default_factory=list)

    def extend(self, other: Decoded) -> None:
        self.replay.extend(other.replay)
        self.scans.extend(other.scans)
        self.notices.extend(other.notices)
        self.handed_back.extend(other.handed_back)


class _Kind(Enum):
    CHARACTER = "character"
    KEYPAD_NAVIGATION = "keypad_navigation"


def _key_id(event: KeyEvent) -> tuple[str, int] | int:
    # The key name of a release can differ from its press (Shift let go first).
    return event.scan_code if event.scan_code else (event.key, 0)


def _is_printable_ascii(text: str) -> bool:
    return all(" " <= ch <= "~" for ch in text)


def _alnum_count(text: str) -> int:
    return sum(1 for ch in text if ch.isascii() and ch.isalnum())


class KeyBurstDecoder:
    """Feed key events in time order; collect scans, notices and keys to replay.

    `platform` is Qt's platform name ("xcb", "wayland", "windows", ...): it says how to
    read native scan codes. Times are milliseconds on any steady clock. `claim`, if
    set, is asked about each burst that reads as a scan, with its key presses; False
    hands the burst back as typing (see the module docstring).
    """

    def __init__(self, rule: WedgeRule | None = None, platform: str = "xcb") -> None:
        self.rule = rule or WedgeRule()
        self.platform = platform
        self.claim: Callable[[Scan, Sequence[KeyEvent]], bool] | None = None
        self._held: list[KeyEvent] = []  # presses and releases of the open burst
        self._presses: list[tuple[KeyEvent, _Kind]] = []
        self._held_keys: set[tuple[str, int] | int] = set()
        self._swallow_release: set[tuple[str, int] | int] = set()
        self._typing_last_t: float | None = None  # inside a too-long fast run

    # --- public -------------------------------------------------------------------

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def deadline(self) -> float | None:
        """When `poll` should next be called, if keys are held; else None."""
        if self._presses:
            return self._presses[-1][0].t_ms + self.rule.max_gap_ms
        return None

    def poll(self, now_ms: float) -> Decoded:
        """Close a burst whose keys stopped coming; call at `deadline()` or later."""
        result = Decoded()
        if self._typing_last_t is not None and now_ms - self._typing_last_t > (
            self.rule.max_gap_ms
        ):
            self._typing_last_t = None
        if self._presses and now_ms - self._presses[-1][0].t_ms > self.rule.max_gap_ms:
            result.extend(self._close(terminator=None))
        return result

    def flush(self) -> Decoded:
        """Close whatever is open as if the keys had stopped (end of a recording)."""
        result = Decoded()
        if self._presses:
            result.extend(self._close(terminator=None))
        elif self._held:
            result.replay.extend(self._drop_held())
        self._typing_last_t = None
        return result

    def reset(self) -> list[KeyEvent]:
        """Forget the open burst; returns the held keys so they can be delivered."""
        held = self._drop_held()
        self._swallow_release.clear()
        self._typing_last_t = None
        return held

    def feed(self, event: KeyEvent) -> Decoded:
        result = self.poll(event.t_ms)
        if not self.rule.enabled or event.autorepeat:
            result.verdict = Verdict.PASS
            return result
        if not event.pressed:
            result.verdict = self._on_release(event)
            return result
        if event.key in MODIFIER_KEYS:
            result.verdict = Verdict.PASS
            return result
        if self._typing_last_t is not None:
            # Still inside a fast run already judged to be typing.
            self._typing_last_t = event.t_ms
            result.verdict = Verdict.PASS
            return result

        if self._is_terminator(event):
            if self._presses:
                closed = self._close(terminator=event)
                result.extend(closed)
                result.verdict = closed.verdict
            else:
                result.verdict = Verdict.PASS
            return result

        kind = self._kind(event)
        if kind is None or (self._presses and self._presses[0][1] is not kind):
            # A key no scanner sends in a burst (arrows, Backspace, Ctrl+C ...).
            result.replay.extend(self._drop_held())
            result.verdict = Verdict.PASS
            return result
        if (
            self._presses
            and event.t_ms - self._presses[0][0].t_ms > self.rule.max_burst_ms
        ):
            result.replay.extend(self._drop_held())
            self._typing_last_t = event.t_ms
            result.verdict = Verdict.PASS
            return result

        self._held.append(event)
        self._presses.append((event, kind))
        self._held_keys.add(_key_id(event))
        result.verdict = Verdict.HOLD
        return result

    # --- steps --------------------------------------------------------------------

    def _on_release(self, event: KeyEvent) -> Verdict:
        key_id = _key_id(event)
        if key_id in self._swallow_release:
            self._swallow_release.discard(key_id)
            return Verdict.SWALLOW
        if self._held and key_id in self._held_keys:
            self._held.append(event)
            return Verdict.HOLD
        return Verdict.PASS

    def _is_terminator(self, event: KeyEvent) -> bool:
        terminator = self.rule.terminator
        if terminator is WedgeTerminator.ENTER:
            return event.key in ("Key_Return", "Key_Enter")
        if terminator is WedgeTerminator.KEYPAD_ENTER:
            return event.key == "Key_Enter"
        if terminator is WedgeTerminator.TAB:
            return event.key == "Key_Tab"
        return False

    def _kind(self, event: KeyEvent) -> _Kind | None:
        if "Keypad" in event.modifiers and not event.text:
            if event.key in KEYPAD_NAVIGATION_KEYS:
                return _Kind.KEYPAD_NAVIGATION
            return None
        if len(event.text) != 1:
            return None
        if event.text >= " " and event.text != "\x7f":
            if _NO_CHARACTER_MODIFIERS & event.modifiers:
                return None
            return _Kind.CHARACTER
        # A control character counts only if the scanner is set to send one (STX/ETX).
        if event.text in self.rule.prefix or event.text in self.rule.suffix:
            return _Kind.CHARACTER
        return None

    def _drop_held(self) -> list[KeyEvent]:
        held = self._held
        self._held = []
        self._presses = []
        self._held_keys = set()
        return held

    def _swallow(self, terminator: KeyEvent | None) -> None:
        """Drop the held keys for good; their late releases are dropped too."""
        released = {_key_id(e) for e in self._held if not e.pressed}
        for event, _kind in self._presses:
            key_id = _key_id(event)
            if key_id not in released:
                self._swallow_release.add(key_id)
        if terminator is not None:
            self._swallow_release.add(_key_id(terminator))
        self._drop_held()

    def _close(self, terminator: KeyEvent | None) -> Decoded:
        """Decide the open burst: a scan, a notice, or typing to hand back."""
        result = Decoded(verdict=Verdict.SWALLOW if terminator else Verdict.PASS)
        presses = [event for event, _kind in self._presses]
        kind = self._presses[0][1]
        first_t = presses[0].t_ms
        end_t = terminator.t_ms if terminator is not None else presses[-1].t_ms
        duration = end_t - first_t
        complete = (
            terminator is not None or self.rule.terminator is WedgeTerminator.NONE
        )
        if terminator is not None and end_t - presses[-1].t_ms > self.rule.max_gap_ms:
            complete = False
        fits = complete and duration <= self.rule.max_burst_ms

        if (
            fits
            and kind is _Kind.KEYPAD_NAVIGATION
            and len(presses) >= self.rule.min_length
        ):
            logger.info(
                "keypad navigation burst of %d keys: NumLock is off", len(presses)
            )
            result.notices.append(
                Notice(NoticeKind.NUMLOCK_OFF, first_t, f"{len(presses)} keypad keys")
            )
            self._swallow(terminator)
            return result

        text, caps_lock = (
            read_characters(
                presses, self.platform, us_key_positions=self.rule.us_key_positions
            )
            if kind is _Kind.CHARACTER
            else (None, False)
        )
        payload = (
            None
            if text is None
            else strip_affixes(text, self.rule.prefix, self.rule.suffix)
        )
        identifier = None
        if payload is not None and self.rule.aim_identifier:
            identifier, payload = split_aim_identifier(payload)
        if (
            fits
            and kind is _Kind.CHARACTER
            and text is None
            and len(presses) >= self.rule.min_length
        ):
            logger.warning("scanner burst of %d keys cannot be read", len(presses))
            result.notices.append(
                Notice(
                    NoticeKind.LAYOUT_MISMATCH,
                    first_t,
                    "text " + "".join(e.text for e in presses),
                )
            )
            self._swallow(terminator)
            return result
        if not fits or payload is None or len(payload) < self.rule.min_length:
            result.replay.extend(self._drop_held())
            result.verdict = Verdict.PASS
            return result

        scan = Scan(
            text=payload,
            source=ScanSource.KEYBOARD,
            t_ms=first_t,
            duration_ms=duration,
            symbology_identifier=identifier,
        )
        if self.claim is not None and not self.claim(scan, presses):
            # Typing after all, as the keys came; a scanner's terminator is its
            # framing, not a key the person pressed, so it is still dropped.
            logger.debug("a scan-like burst of %d keys handed back", len(presses))
            result.replay.extend(self._drop_held())
            result.handed_back.append(scan)
            if terminator is not None:
                self._swallow_release.add(_key_id(terminator))
            return result
        if caps_lock:
            result.notices.append(
                Notice(NoticeKind.CAPS_LOCK, first_t, "letters inverted")
            )
        result.scans.append(scan)
        logger.debug(
            "keyboard scan of %d characters in %.0f ms", len(payload), duration
        )
        self._swallow(terminator)
        return result


def read_characters(
    presses: list[KeyEvent], platform: str, *, us_key_positions: bool = True
) -> tuple[str | None, bool]:
    """A burst's characters, by text or by physical key, and whether Caps Lock is on.

    The characters are None when the keys cannot be read.

    The text wins when it agrees with the keys, or when it is plain ASCII with more
    letters and digits than the US reading of the keys (a scanner set up for the
    computer's own layout, which presses Shift for digits on AZERTY).
    """
    texts: list[str] = []
    physical: list[str | None] = []
    caps_lock = False
    for event in presses:
        texts.append(event.text)
        if event.text < " ":
            physical.append(event.text)  # a control character: no layout involved
            continue
        us = scan_codes.us_character(
            platform,
            event.scan_code,
            shift="Shift" in event.modifiers,
            keypad="Keypad" in event.modifiers,
        )
        physical.append(us)
        if (
            us is not None
            and us.isalpha()
            and event.text.isalpha()
            and event.text != us
            and event.text.casefold() == us.casefold()
        ):
            caps_lock = True
    text = "".join(texts)

    if not us_key_positions:
        return (text, False) if _is_printable_ascii(text) else (None, False)
    if all(ch is not None for ch in physical):
        by_key = "".join(ch for ch in physical if ch is not None)
        if caps_lock or text == by_key:
            return by_key, caps_lock
        if _is_printable_ascii(text) and _alnum_count(text) > _alnum_count(by_key):
            return text, False
        return by_key, False

    mixed: list[str] = []
    for typed, us in zip(texts, physical, strict=True):
        if us is not None:
            mixed.append(us)
        elif _is_printable_ascii(typed):
            mixed.append(typed)
        else:
            return None, False
    return "".join(mixed), False
