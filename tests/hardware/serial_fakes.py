"""Pseudo-terminal scanners and a listener that waits on conditions (no sleeps)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from app.hardware.ports import PortInfo
from app.hardware.scan import Notice, Scan
from app.hardware.serial_reader import SerialRead, SerialState, SerialStatus

T = TypeVar("T")


class PtyScanner:
    """A fake serial scanner: the test writes to the master, the app opens `path`."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)  # pyserial opens the path itself

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        """Closing the master makes reads on the slave fail, as an unplug does."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


class FakePortLister:
    """The injectable port list: tests change `ports` to plug and unplug devices."""

    def __init__(self, ports: list[PortInfo] | None = None) -> None:
        self.ports = list(ports or [])
        self.calls = 0
        self._changed = threading.Condition()

    def set(self, ports: list[PortInfo]) -> None:
        with self._changed:
            self.ports = list(ports)

    def __call__(self) -> list[PortInfo]:
        with self._changed:
            self.calls += 1
            self._changed.notify_all()
            return list(self.ports)

    def wait_calls(self, count: int, timeout: float = 5.0) -> None:
        with self._changed:
            ok = self._changed.wait_for(lambda: self.calls >= count, timeout)
        assert ok, f"the port list was not read {count} times within {timeout} s"


class RecordingListener:
    """A SerialListener that keeps everything and lets tests wait for it."""

    def __init__(self) -> None:
        self.scans: list[Scan] = []
        self.scan_times: list[float] = []
        self.notices: list[Notice] = []
        self.statuses: list[SerialStatus] = []
        self.status_times: list[float] = []
        self.reads: list[SerialRead] = []
        self._changed = threading.Condition()

    def scan(self, scan: Scan) -> None:
        with self._changed:
            self.scans.append(scan)
            self.scan_times.append(time.monotonic())
            self._changed.notify_all()

    def notice(self, notice: Notice) -> None:
        with self._changed:
            self.notices.append(notice)
            self._changed.notify_all()

    def status(self, status: SerialStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self.status_times.append(time.monotonic())
            self._changed.notify_all()

    def raw(self, read: SerialRead) -> None:
        with self._changed:
            self.reads.append(read)
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[], T], timeout: float = 5.0) -> T:
        with self._changed:
            ok = self._changed.wait_for(condition, timeout)
        assert ok, f"condition not met within {timeout} s"
        return ok

    def states(self) -> list[SerialState]:
        with self._changed:
            return [s.state for s in self.statuses]

    def count(self, state: SerialState) -> int:
        return self.states().count(state)

    def received(self) -> bytes:
        with self._changed:
            return b"".join(r.data for r in self.reads)
