"""The scan recording format and its replay (plain Python).

A recording is JSON lines: a header
`{"format": "komora-scan-recording", "version": 1, "platform": "xcb"}`, then key events
`{"t", "type", "key", "text", "scan_code", "modifiers", "autorepeat"}`, serial reads
`{"t", "bytes": hex}` and device events `{"t", "event": "unplug"|"plug", "port"}`.
Times are milliseconds. The diagnostics panel writes them; `komora scanner replay`
reads them back through the same decoders the app uses.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.hardware.errors import RecordingError
from app.hardware.key_burst import KeyBurstDecoder
from app.hardware.scan import KeyEvent, Notice, Scan, SerialSettings, WedgeRule
from app.hardware.serial_framer import SerialFramer
from app.hardware.serial_reader import SerialRead, SerialState, SerialStatus

logger = logging.getLogger(__name__)

FORMAT = "komora-scan-recording"
VERSION = 1
PLATFORMS = ("xcb", "wayland", "windows")
MODIFIER_NAMES = ("Shift", "Control", "Alt", "Meta", "Keypad")


@dataclass(frozen=True)
class RecordedRead:
    t_ms: float
    data: bytes


@dataclass(frozen=True)
class RecordedDeviceEvent:
    t_ms: float
    event: str  # "unplug" | "plug"
    port: str


Entry = KeyEvent | RecordedRead | RecordedDeviceEvent


@dataclass(frozen=True)
class Recording:
    platform: str
    entries: tuple[Entry, ...]


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


class RecordingWriter:
    """Writes one recording; each entry is flushed so a crash keeps what came before."""

    def __init__(self, stream: IO[str], platform: str) -> None:
        self._stream = stream
        self._write({"format": FORMAT, "version": VERSION, "platform": platform})

    @classmethod
    def open(cls, path: Path, platform: str) -> RecordingWriter:
        return cls(path.open("w", encoding="utf-8"), platform)

    def key(self, event: KeyEvent) -> None:
        self._write(
            {
                "t": _number(event.t_ms),
                "type": "press" if event.pressed else "release",
                "key": event.key,
                "text": event.text,
                "scan_code": event.scan_code,
                "modifiers": [m for m in MODIFIER_NAMES if m in event.modifiers],
                "autorepeat": event.autorepeat,
            }
        )

    def serial(self, t_ms: float, data: bytes) -> None:
        self._write({"t": _number(t_ms), "bytes": data.hex()})

    def device(self, t_ms: float, event: str, port: str) -> None:
        self._write({"t": _number(t_ms), "event": event, "port": port})

    def close(self) -> None:
        self._stream.close()

    def _write(self, obj: dict[str, Any]) -> None:
        self._stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self._stream.flush()


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class ScanRecorder:
    """Records what the live scanners see, on one time line starting at 0.

    Connect `WedgeFilter.key_seen` to `key`, `SerialScanner.bytes_received` to
    `serial` and `SerialScanner.status_changed` to `status`. Key events carry the
    window system's timestamps and serial reads the monotonic clock, so key times are
    moved onto the recorder's clock once, at the first key, keeping their spacing.
    """

    def __init__(
        self, writer: RecordingWriter, clock: Callable[[], float] = _monotonic_ms
    ) -> None:
        self._writer = writer
        self._clock = clock
        self._start = clock()
        self._key_offset: float | None = None
        self._connected_port: str | None = None

    def key(self, event: KeyEvent) -> None:
        if self._key_offset is None:
            self._key_offset = self._clock() - self._start - event.t_ms
        moved = event.t_ms + self._key_offset
        self._writer.key(
            KeyEvent(
                moved,
                event.pressed,
                event.key,
                event.text,
                event.scan_code,
                event.modifiers,
                event.autorepeat,
            )
        )

    def serial(self, read: SerialRead) -> None:
        self._writer.serial(read.t_ms - self._start, read.data)

    def status(self, status: SerialStatus) -> None:
        now = self._clock() - self._start
        if status.state is SerialState.CONNECTED:
            self._connected_port = status.port
            self._writer.device(now, "plug", status.port)
        elif status.state is SerialState.DISCONNECTED and self._connected_port:
            self._writer.device(now, "unplug", self._connected_port)
            self._connected_port = None

    def close(self) -> None:
        self._writer.close()


def _entry(obj: dict[str, Any], line_no: int) -> Entry:
    try:
        t = float(obj["t"])
        if "type" in obj:
            if obj["type"] not in ("press", "release"):
                raise ValueError(f"type {obj['type']!r} is not press or release")
            return KeyEvent(
                t_ms=t,
                pressed=obj["type"] == "press",
                key=str(obj["key"]),
                text=str(obj.get("text", "")),
                scan_code=int(obj.get("scan_code", 0)),
                modifiers=frozenset(obj.get("modifiers", ())),
                autorepeat=bool(obj.get("autorepeat", False)),
            )
        if "bytes" in obj:
            return RecordedRead(t, bytes.fromhex(obj["bytes"]))
        if "event" in obj:
            if obj["event"] not in ("unplug", "plug"):
                raise ValueError(f"device event {obj['event']!r} is not unplug or plug")
            return RecordedDeviceEvent(t, obj["event"], str(obj.get("port", "")))
    except (KeyError, TypeError, ValueError) as error:
        raise RecordingError(f"line {line_no}: {error}") from error
    raise RecordingError(
        f"line {line_no}: not a key event, serial read or device event"
    )


def parse_recording(lines: Iterable[str]) -> Recording:
    header: dict[str, Any] | None = None
    entries: list[Entry] = []
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise RecordingError(f"line {line_no} is not JSON: {error.msg}") from error
        if not isinstance(obj, dict):
            raise RecordingError(f"line {line_no} is not a JSON object")
        if header is None:
            if obj.get("format") != FORMAT or obj.get("version") != VERSION:
                raise RecordingError(
                    f"not a scan recording: the first line must be a header with "
                    f'"format": "{FORMAT}" and "version": {VERSION}'
                )
            header = obj
            continue
        entries.append(_entry(obj, line_no))
    if header is None:
        raise RecordingError("the recording is empty")
    return Recording(str(header.get("platform", "xcb")), tuple(entries))


def read_recording(path: Path) -> Recording:
    with path.open(encoding="utf-8") as stream:
        return parse_recording(stream)


def replay(
    recording: Recording,
    rule: WedgeRule | None = None,
    serial: SerialSettings | None = None,
) -> Iterator[Scan | Notice]:
    """Decode a recording as the app would have, yielding scans and notices in order."""
    keys = KeyBurstDecoder(rule, platform=recording.platform)
    framer = SerialFramer(serial)

    for entry in recording.entries:
        # Idle gaps end scans before the next entry arrives, as timers would live.
        framed = framer.poll(entry.t_ms)
        yield from framed.notices
        yield from framed.scans
        decoded = keys.poll(entry.t_ms)
        yield from decoded.notices
        yield from decoded.scans

        if isinstance(entry, KeyEvent):
            decoded = keys.feed(entry)
            yield from decoded.notices
            yield from decoded.scans
        elif isinstance(entry, RecordedRead):
            framed = framer.feed(entry.data, entry.t_ms)
            yield from framed.notices
            yield from framed.scans
        else:
            logger.debug("device %s %s at %.0f ms", entry.port, entry.event, entry.t_ms)
            framer.reset()

    framed = framer.flush()
    yield from framed.notices
    yield from framed.scans
    decoded = keys.flush()
    yield from decoded.notices
    yield from decoded.scans
