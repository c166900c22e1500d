"""The keyboard-wedge scanner in the app: one application-wide key event filter.

`WedgeFilter` is installed on the QGuiApplication. It sees every key event before any
widget, feeds each physical key press once to a `KeyBurstDecoder`, holds keys back while
a burst might be a scan, swallows the keys of a scan (terminator included, so no default
button fires and focus does not move) and re-delivers typing unchanged, in order, to
the object that had focus when each key was pressed. Holding the keys at the window
also means a focus change in the middle of a burst cannot split it.

A burst that reads as a scan is routed by the app (`set_router`), by the object that
had focus when it began: `ScanRoute.SCAN` makes it `scan_received`; `IGNORE` swallows
it and emits `scan_ignored`; `TYPING` swallows its keys too (terminator included) and
types the scan's text into that object instead, then emits `scan_typed`. The text is
the decoded one, read from the keys the scanner pressed, so a scanner pressing US key
positions types digits with AZERTY or Ukrainian active, where the keys themselves
would have typed "&é\"'(" or Cyrillic. It is typed as key events with no key code,
one a character, inserted at the cursor like typing; a field meant for codes carries
the dynamic property `SCAN_REPLACES` ("komoraScanReplaces") and has its content
selected first, so the scan replaces the code it held. Without a router every scan is
`SCAN`.

If its handler raises, it removes itself, delivers what it held, and says so: a broken
filter must never trap the keyboard.

Signals:
- `scan_received(Scan)`
- `scan_typed(Scan)`: routed `TYPING`; its text was typed into the focused object
- `scan_ignored(Scan)`: routed `IGNORE`; nothing was done with it
- `notice_raised(Notice)`
- `disabled(str)`: the filter switched itself off; the text is for the user
- `key_seen(KeyEvent)`: every physical key event, for diagnostics and recording
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent

from app.hardware.key_burst import Decoded, KeyBurstDecoder, Verdict
from app.hardware.scan import KeyEvent, Scan, WedgeRule

logger = logging.getLogger(__name__)


class ScanRoute(Enum):
    """Where a burst that reads as a scan goes; the app's router decides."""

    SCAN = "scan"  # `scan_received`: the app acts on it
    TYPING = "typing"  # its text is typed into the focused field; `scan_typed`
    IGNORE = "ignore"  # swallowed; `scan_ignored` says so


# A field whose dynamic property of this name is true is meant for codes: a scan
# routed `TYPING` replaces what it holds instead of being inserted at the cursor.
SCAN_REPLACES = "komoraScanReplaces"


# Given the object that had focus when the burst began (None: no focus).
ScanRouter = Callable[[QObject | None], ScanRoute]

_MODIFIERS = (
    (Qt.KeyboardModifier.ShiftModifier, "Shift"),
    (Qt.KeyboardModifier.ControlModifier, "Control"),
    (Qt.KeyboardModifier.AltModifier, "Alt"),
    (Qt.KeyboardModifier.MetaModifier, "Meta"),
    (Qt.KeyboardModifier.KeypadModifier, "Keypad"),
)
_KEY_TYPES = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def key_name(key: int) -> str:
    """Qt's name of a key code ("Key_4"), or its hex value when Qt has none."""
    try:
        return Qt.Key(key).name
    except ValueError:
        return f"0x{key:x}"


def modifier_names(modifiers: Qt.KeyboardModifier) -> frozenset[str]:
    return frozenset(name for flag, name in _MODIFIERS if modifiers & flag)


@dataclass(frozen=True)
class _HeldKey:
    """What it takes to send a held key again, and where."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    scan_code: int
    virtual_key: int
    native_modifiers: int
    text: str
    autorepeat: bool
    count: int
    target: QObject | None

    def event(self) -> QKeyEvent:
        return QKeyEvent(
            self.type,
            self.key,
            self.modifiers,
            self.scan_code,
            self.virtual_key,
            self.native_modifiers,
            self.text,
            self.autorepeat,
            self.count,
        )


def _typed_keys(text: str, *, replace: bool) -> list[QKeyEvent]:
    """Key events that type `text` (after selecting all, if `replace`).

    They carry no key code, only text, so no widget reads them as a shortcut or a
    navigation key; line edits, spin boxes, text edits and editable combo boxes
    insert the text at the cursor, a typed selection being replaced.
    """
    keys: list[tuple[Qt.Key, Qt.KeyboardModifier, str]] = []
    if replace:
        # Qt's QKeySequence.SelectAll on every platform (Qt calls macOS's Command
        # key Control).
        keys.append((Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, ""))
    keys += [(Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch) for ch in text]
    return [
        QKeyEvent(kind, key, modifiers, char)
        for key, modifiers, char in keys
        for kind in _KEY_TYPES
    ]


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


# How late a key event may reach the app after its timestamp before a held burst is
# given up as over: on a busy machine the X server or compositor delivers late.
# It delays typed keys by this much more (35 + 40 ms with the default rule).
DELIVERY_ALLOWANCE_MS = 40.0


class WedgeFilter(QObject):
    """Application-wide key filter that turns scanner bursts into `scan_received`.

    Signals: `scan_received(Scan)`, `scan_typed(Scan)` and `scan_ignored(Scan)`
    (routed elsewhere, see the module docstring), `notice_raised(Notice)`,
    `disabled(str)` (it switched itself off after an error; translated text for the
    user) and `key_seen(KeyEvent)` (every physical key event, for diagnostics and
    recording).
    """

    scan_received = Signal(object)
    scan_typed = Signal(object)
    scan_ignored = Signal(object)
    notice_raised = Signal(object)
    disabled = Signal(str)
    key_seen = Signal(object)

    def __init__(
        self,
        rule: WedgeRule | None = None,
        parent: QObject | None = None,
        *,
        platform: str | None = None,
        decoder: KeyBurstDecoder | None = None,
        clock: Callable[[], float] = _monotonic_ms,
        delivery_allowance_ms: float = DELIVERY_ALLOWANCE_MS,
    ) -> None:
        super().__init__(parent)
        self._allowance = delivery_allowance_ms
        if platform is None:
            platform = QGuiApplication.platformName()
        self._decoder = decoder or KeyBurstDecoder(rule, platform=platform)
        self._decoder.claim = self._claim
        self._router: ScanRouter | None = None
        self._ignoring: list[Scan] = []  # claimed to be swallowed, not received
        # Claimed to be typed, with the object the burst began in.
        self._typing: list[tuple[Scan, QObject | None]] = []
        self._clock = clock
        self._clock_offset = 0.0  # local clock minus event timestamps
        self._installed_on: QCoreApplication | None = None
        self._is_disabled = False
        self._replaying = False
        self._last_seen: tuple[object, ...] | None = None
        self._last_verdict = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    # --- public -------------------------------------------------------------------

    @property
    def rule(self) -> WedgeRule:
        return self._decoder.rule

    @property
    def is_disabled(self) -> bool:
        return self._is_disabled

    def set_rule(self, rule: WedgeRule) -> None:
        """Use a new rule from the next key on (held keys are delivered first)."""
        self._deliver(self._decoder.reset())
        self._decoder.rule = rule

    def set_router(self, router: ScanRouter | None) -> None:
        """Who decides where each scan goes (None: every scan is received)."""
        self._router = router

    def install(self, app: QCoreApplication | None = None) -> None:
        app = app or QCoreApplication.instance()
        if app is None:
            raise RuntimeError("WedgeFilter.install() needs a QGuiApplication")
        self._is_disabled = False
        app.installEventFilter(self)
        self._installed_on = app

    def uninstall(self) -> None:
        self._timer.stop()
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None
        self._deliver(self._decoder.reset())

    # --- Qt -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # FIXME(scanner): ShortcutOverride passes untouched, so a single-key shortcut
        # without modifiers (none exist in Komora today) would fire on a scanner's
        # digit before the burst is judged; accept the override for held keys if one
        # is ever added.
        if self._is_disabled or self._replaying or event.type() not in _KEY_TYPES:
            return False  # ShortcutOverride and all else pass untouched
        try:
            return self._on_key(event)  # type: ignore[arg-type]
        except Exception:
            logger.exception("the scanner key filter failed; switching it off")
            self._switch_off()
            return False

    # --- steps --------------------------------------------------------------------

    def _identity(self, event: QKeyEvent) -> tuple[object, ...]:
        pointer = shiboken6.getCppPointer(event)[0]
        return (
            pointer,
            event.type(),
            event.key(),
            event.nativeScanCode(),
            event.timestamp(),
            event.text(),
            event.isAutoRepeat(),
        )

    def _now(self, event: QKeyEvent | None = None) -> float:
        local = self._clock()
        if event is not None and event.timestamp():
            self._clock_offset = local - event.timestamp()
            return float(event.timestamp())
        if event is not None:
            self._clock_offset = 0.0
        return local - self._clock_offset

    def _on_key(self, event: QKeyEvent) -> bool:
        # One QKeyEvent is offered to the window, the focus widget and its parents
        # in turn; count it once and give every offer the same answer.
        identity = self._identity(event)
        if identity == self._last_seen:
            return self._last_verdict

        focus = QGuiApplication.focusObject()
        held = _HeldKey(
            type=event.type(),
            key=event.key(),
            modifiers=event.modifiers(),
            scan_code=event.nativeScanCode(),
            virtual_key=event.nativeVirtualKey(),
            native_modifiers=event.nativeModifiers(),
            text=event.text(),
            autorepeat=event.isAutoRepeat(),
            count=event.count(),
            target=focus,
        )
        key_event = KeyEvent(
            t_ms=self._now(event),
            pressed=event.type() == QEvent.Type.KeyPress,
            key=key_name(event.key()),
            text=event.text(),
            scan_code=event.nativeScanCode(),
            modifiers=modifier_names(event.modifiers()),
            autorepeat=event.isAutoRepeat(),
            token=held,
        )
        self.key_seen.emit(key_event)

        decoded = self._decoder.feed(key_event)
        self._handle(decoded)
        consumed = decoded.verdict is not Verdict.PASS
        self._last_seen, self._last_verdict = identity, consumed
        return consumed

    def _claim(self, scan: Scan, presses: Sequence[KeyEvent]) -> bool:
        """The decoder's question about a scan-like burst: always claimed.

        Every route swallows the keys; the router only says where the scan goes. A
        scan routed `TYPING` is typed from its decoded text in `_handle`, not from
        the keys the layout made of it.
        """
        if self._router is None:
            return True
        held = presses[0].token if presses else None
        target = held.target if isinstance(held, _HeldKey) else None
        if target is not None and not shiboken6.isValid(target):
            target = None
        route = self._router(target)
        if route is ScanRoute.IGNORE:
            self._ignoring.append(scan)
        elif route is ScanRoute.TYPING:
            self._typing.append((scan, target))
        return True

    def _handle(self, decoded: Decoded) -> None:
        self._deliver(decoded.replay)
        for notice in decoded.notices:
            logger.warning("scanner notice: %s (%s)", notice.kind.value, notice.detail)
            self.notice_raised.emit(notice)
        for scan in decoded.scans:
            if any(scan is ignored for ignored in self._ignoring):
                self._ignoring = [s for s in self._ignoring if s is not scan]
                logger.debug("keyboard scan ignored (%d characters)", len(scan.text))
                self.scan_ignored.emit(scan)
                continue
            typed = [target for s, target in self._typing if s is scan]
            if typed:
                self._typing = [(s, t) for s, t in self._typing if s is not scan]
                self._type_scan(scan, typed[0])
                continue
            logger.info("keyboard scan received (%d characters)", len(scan.text))
            self.scan_received.emit(scan)
        self._schedule()

    def _schedule(self) -> None:
        deadline = self._decoder.deadline()
        if deadline is None:
            self._timer.stop()
            return
        wait = deadline - self._now() + self._allowance + 1
        self._timer.start(max(0, int(wait)))

    def _deliver(self, events: list[KeyEvent]) -> None:
        """Send held keys on, in order, to whatever had focus when each was pressed."""
        if not events:
            return
        self._replaying = True
        try:
            for key_event in events:
                held = key_event.token
                if not isinstance(held, _HeldKey):
                    continue
                target = held.target
                if target is None or not shiboken6.isValid(target):
                    target = QGuiApplication.focusObject()
                if target is None:
                    continue
                QCoreApplication.sendEvent(target, held.event())
        finally:
            self._replaying = False

    def _type_scan(self, scan: Scan, target: QObject | None) -> None:
        """Type the scan's text into the object its burst began in."""
        if target is None or not shiboken6.isValid(target):
            target = QGuiApplication.focusObject()
        if target is not None:
            replace = bool(target.property(SCAN_REPLACES))
            logger.debug(
                "keyboard scan typed into the focused field (%d characters, %s)",
                len(scan.text),
                "replacing its text" if replace else "at the cursor",
            )
            self._replaying = True
            try:
                for event in _typed_keys(scan.text, replace=replace):
                    QCoreApplication.sendEvent(target, event)
            finally:
                self._replaying = False
        self.scan_typed.emit(scan)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._is_disabled:
            return
        try:
            # Keys are judged by the window system's timestamps; the next key may
            # be on its way, so "no key came" is only concluded after an allowance.
            self._handle(self._decoder.poll(self._now() - self._allowance))
        except Exception:
            logger.exception("the scanner key filter failed; switching it off")
            self._switch_off()

    def _switch_off(self) -> None:
        self._is_disabled = True
        self._timer.stop()
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None
        try:
            self._deliver(self._decoder.reset())
        except Exception:
            logger.exception("could not deliver the keys held by the scanner filter")
        self.disabled.emit(
            QCoreApplication.translate(
                "WedgeFilter",
                "Keyboard scanner support hit an error and switched itself off; "
                "keys now go straight to the app. Scans still arrive as typed "
                "text. The details are in the log.",
            )
        )
