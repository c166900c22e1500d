"""Cutting a serial scanner's byte stream into scans (plain Python, no port).

Bytes arrive in chunks of any size; a scan ends at CR or LF (CR LF makes one scan, never
an extra empty one), or, with no terminator configured, after an idle gap. Bytes that
cannot be part of a barcode (usually a wrong baud rate) are dropped with a
`garbled_serial` notice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.hardware.scan import (
    Notice,
    NoticeKind,
    Scan,
    ScanSource,
    SerialSettings,
    SerialTerminator,
    split_aim_identifier,
    strip_affixes,
)

logger = logging.getLogger(__name__)

_LINE_ENDS = frozenset(b"\r\n")
_GS = 0x1D  # GS1-128 and GS1 DataMatrix send FNC1 as ASCII GS between fields
MAX_FRAME_BYTES = 1024  # no barcode is this long; a runaway frame is noise
STALE_MS = 1000.0  # a partial scan this old belongs to nothing that follows


@dataclass
class Framed:
    scans: list[Scan] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def extend(self, other: Framed) -> None:
        self.scans.extend(other.scans)
        self.notices.extend(other.notices)


class SerialFramer:
    """Feed chunks with their arrival time (ms); collect scans and notices."""

    def __init__(self, settings: SerialSettings | None = None, port: str | None = None):
        self.settings = settings or SerialSettings()
        self.port = port
        self._allowed_controls = frozenset(
            ord(ch) for ch in self.settings.prefix + self.settings.suffix if ch < " "
        ) | {_GS}
        self._pending = bytearray()
        self._first_t = 0.0
        self._last_t = 0.0
        self._garbled = False

    @property
    def pending(self) -> bytes:
        return bytes(self._pending)

    def reset(self) -> None:
        """Drop a partial scan (the device went away; nothing joins across)."""
        if self._pending:
            logger.debug("dropping %d bytes of a partial scan", len(self._pending))
        self._pending.clear()
        self._garbled = False

    def deadline(self) -> float | None:
        """When `poll` should next run, if a partial scan is waiting; else None."""
        if not self._pending:
            return None
        if self.settings.terminator is SerialTerminator.NONE or self._garbled:
            return self._last_t + self.settings.idle_ms
        return self._last_t + STALE_MS

    def poll(self, now_ms: float) -> Framed:
        """End a scan by idle gap (no terminator) or drop stale and garbled bytes."""
        result = Framed()
        if not self._pending:
            return result
        quiet = now_ms - self._last_t
        if (self.settings.terminator is SerialTerminator.NONE or self._garbled) and (
            quiet > self.settings.idle_ms
        ):
            result.extend(self._end_frame(self._last_t))
        elif quiet > STALE_MS:
            logger.warning(
                "dropping %d bytes that never got a terminator; is the scanner's "
                "suffix set to %s?",
                len(self._pending),
                self.settings.terminator.value.upper(),
            )
            self.reset()
        return result

    def feed(self, data: bytes, t_ms: float) -> Framed:
        result = self.poll(t_ms)
        for byte in data:
            if byte in _LINE_ENDS:
                result.extend(self._end_frame(t_ms))
                continue
            if not self._pending:
                self._first_t = t_ms
            self._pending.append(byte)
            if not (0x20 <= byte <= 0x7E or byte in self._allowed_controls):
                self._garbled = True
            if len(self._pending) > MAX_FRAME_BYTES:
                self._garbled = True
                result.extend(self._end_frame(t_ms))
        if self._pending:
            self._last_t = t_ms
        return result

    def flush(self) -> Framed:
        """End of stream: an idle-ended scan is complete, a partial line is not."""
        if self.settings.terminator is SerialTerminator.NONE or self._garbled:
            return self._end_frame(self._last_t)
        self.reset()
        return Framed()

    def _end_frame(self, end_t: float) -> Framed:
        result = Framed()
        frame = bytes(self._pending)
        garbled = self._garbled
        first_t = self._first_t
        self.reset()
        if not frame:
            return result
        if garbled:
            logger.warning(
                "dropped %d garbled serial bytes: %s", len(frame), frame[:32].hex()
            )
            result.notices.append(
                Notice(NoticeKind.GARBLED_SERIAL, first_t, f"{len(frame)} bytes")
            )
            return result

        text = frame.decode("ascii")
        stripped = strip_affixes(text, self.settings.prefix, self.settings.suffix)
        if stripped is None:
            logger.warning("serial scan without the configured prefix or suffix")
            stripped = text
        identifier = None
        if self.settings.aim_identifier:
            identifier, stripped = split_aim_identifier(stripped)
        if not stripped:
            return result
        result.scans.append(
            Scan(
                text=stripped,
                source=ScanSource.SERIAL,
                t_ms=first_t,
                duration_ms=end_t - first_t,
                symbology_identifier=identifier,
                port=self.port,
            )
        )
        logger.debug("serial scan of %d characters", len(stripped))
        return result
