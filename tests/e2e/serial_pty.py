"""A serial scanner on a pseudo-terminal: the app opens the slave, the test writes.

A pty behaves like a serial port to pyserial (termios works on it; the baud rate is
accepted and ignored), so the app's real `SerialScanner` reads it as it would read
/dev/ttyACM0. The master end is put in raw mode so the bytes reach the slave
unchanged (no echo, no CR to LF translation).
"""

from __future__ import annotations

import contextlib
import os
import tty
from types import TracebackType


class SerialPty:
    """`path` is the device the app opens; `send(text)` is one scan, CR-terminated."""

    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self.master)
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)

    def send(self, text: str, terminator: bytes = b"\r") -> None:
        data = text.encode("ascii") + terminator
        written = 0
        while written < len(data):
            written += os.write(self.master, data[written:])

    def drain(self) -> bytes:
        """Whatever the app wrote back (scanners get no commands; kept for checks)."""
        os.set_blocking(self.master, False)
        try:
            return os.read(self.master, 4096)
        except BlockingIOError:
            return b""
        finally:
            os.set_blocking(self.master, True)

    def close(self) -> None:
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> SerialPty:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
