"""Reading a serial scanner: the read loop (plain Python) run by a worker thread.

`SerialReader.run()` opens the port by pyserial URL, frames what it reads into scans
and reports to a `SerialListener`. When the device is unplugged it reports
`DISCONNECTED`, drops the partial scan, and looks every second for the same USB device
(VID:PID and serial number) under whatever name it now has. A permission error is
reported once with how to fix it and ends the loop: retrying cannot help.

`stop()` may be called from any thread: it sets a flag and cancels a pending read.
The Qt side (`serial_scanner.SerialScanner`) runs this in a QThread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import serial

from app.hardware.errors import ScannerError, ScannerPermissionDenied
from app.hardware.ports import PortInfo, PortLister, describe_open_error, system_ports
from app.hardware.scan import Notice, Scan, SerialSettings
from app.hardware.serial_framer import Framed, SerialFramer

logger = logging.getLogger(__name__)

READ_TIMEOUT_S = 0.02  # how often an idle read returns to check idle gaps and stop
RESCAN_INTERVAL_S = 1.0
# A device that was open before gets this many tries when it comes back and refuses
# access: udev sets the group on a new device node a moment after creating it.
PERMISSION_RETRIES_AFTER_UNPLUG = 3


class SerialState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # unplugged or not there yet; looking for it
    FAILED = "failed"  # cannot be fixed by waiting (permission, bad settings)
    STOPPED = "stopped"


@dataclass(frozen=True)
class SerialStatus:
    state: SerialState
    port: str
    message: str = ""  # English; the GUI words it by state and error type
    error: ScannerError | None = None


@dataclass(frozen=True)
class SerialRead:
    """Raw bytes for the diagnostics panel."""

    t_ms: float
    data: bytes
    port: str


class SerialListener(Protocol):
    def scan(self, scan: Scan) -> None: ...
    def notice(self, notice: Notice) -> None: ...
    def status(self, status: SerialStatus) -> None: ...
    def raw(self, read: SerialRead) -> None: ...


class SerialPort(Protocol):
    """What the reader needs of a pyserial port."""

    @property
    def in_waiting(self) -> int: ...
    def read(self, size: int = 1) -> bytes: ...
    def cancel_read(self) -> None: ...
    def close(self) -> None: ...


PortOpener = Callable[[str, SerialSettings], SerialPort]


def open_port(device: str, settings: SerialSettings) -> SerialPort:
    """Open `device` (a pyserial URL) with the line settings; raises SerialException."""
    port: SerialPort = serial.serial_for_url(
        device,
        baudrate=settings.baud_rate,
        bytesize=settings.data_bits,
        parity=settings.parity.value,
        stopbits=settings.stop_bits,
        timeout=READ_TIMEOUT_S,
        exclusive=True,
    )
    return port


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class SerialReader:
    """The read loop of one serial scanner; `run()` blocks until `stop()`."""

    def __init__(
        self,
        settings: SerialSettings,
        listener: SerialListener,
        *,
        port_lister: PortLister = system_ports,
        opener: PortOpener = open_port,
        rescan_interval_s: float = RESCAN_INTERVAL_S,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        self.settings = settings
        self._listener = listener
        self._port_lister = port_lister
        self._opener = opener
        self._rescan_interval_s = rescan_interval_s
        self._clock = clock
        self._stop = threading.Event()
        self._port: SerialPort | None = None
        self._port_lock = threading.Lock()
        self._device = settings.port
        self._identity: PortInfo | None = None
        self._framer = SerialFramer(settings, port=settings.port)
        self._failed = False  # a failure waiting cannot fix: no retry loop
        self._permission_retries = 0  # only after an unplug, see _connect
        self._last_status: SerialStatus | None = None
        self._open_failure_logged = False  # a missing port: WARNING once, then DEBUG

    @property
    def device(self) -> str:
        """The name the port has now (it can change after an unplug)."""
        return self._device

    def stop(self) -> None:
        self._stop.set()
        with self._port_lock:
            port = self._port
        if port is not None:
            try:
                port.cancel_read()
            except (serial.SerialException, OSError, AttributeError):
                logger.debug("cancel_read not possible on %s", self._device)

    def run(self) -> None:
        self._status(SerialState.CONNECTING)
        try:
            while not self._stop.is_set():
                if self._port is None and not self._connect():
                    if self._stop.is_set() or self._failed:
                        break
                    self._stop.wait(self._rescan_interval_s)
                    continue
                self._read_once()
        finally:
            self._close()
            if not self._failed:
                self._status(SerialState.STOPPED)

    # --- steps --------------------------------------------------------------------

    def _status(
        self, state: SerialState, message: str = "", error: ScannerError | None = None
    ) -> None:
        status = SerialStatus(state, self._device, message, error)
        last = self._last_status
        if last is not None and (last.state, last.port, last.message) == (
            state,
            self._device,
            message,
        ):
            return  # the same news again (a missing port, every second)
        self._last_status = status
        self._listener.status(status)

    def _find_device(self) -> str | None:
        """The current name of our USB device, or the configured name if it has none."""
        if self._identity is None:
            return self._device
        try:
            ports = self._port_lister()
        except Exception:  # a port lister failing must not end the reader
            logger.exception("listing serial ports failed")
            return None
        for info in ports:
            if self._identity.same_device(info):
                return info.device
        return None

    def _remember_identity(self) -> None:
        if self._identity is not None:
            return
        try:
            ports = self._port_lister()
        except Exception:
            logger.exception("listing serial ports failed")
            return
        # A /dev/serial/by-id/... link is listed under the name it points to.
        names = {self._device, os.path.realpath(self._device)}
        for info in ports:
            if info.device in names and info.vid is not None:
                self._identity = info
                logger.info("serial scanner %s is USB %s", info.device, info.usb_id)

    def _connect(self) -> bool:
        device = self._find_device()
        if device is None:
            return False
        try:
            port = self._opener(device, self.settings)
        except ValueError as error:
            # pyserial refuses impossible line settings (5 data bits with 2 stop bits,
            # a bad URL); waiting will not change them.
            logger.error("cannot open %s: %s", device, error)
            self._failed = True
            problem = ScannerError(
                f"The serial settings for {device} are not valid: {error}. Check the "
                "port name, baud rate, data bits, parity and stop bits.",
                port=device,
            )
            self._status(SerialState.FAILED, problem.message, problem)
            return False
        except (serial.SerialException, OSError) as error:
            problem = describe_open_error(error, device)
            denied = isinstance(problem, ScannerPermissionDenied)
            if denied and self._permission_retries > 0:
                # Just plugged back in: udev may not have set the group yet.
                self._permission_retries -= 1
                logger.warning("cannot open %s yet: %s", device, error)
            elif denied:
                logger.error("cannot open %s: %s", device, error)
                self._failed = True
                self._status(SerialState.FAILED, problem.message, problem)
            else:
                # Tried every second while unplugged: one WARNING, the rest at DEBUG
                # until the port opens again.
                level = logging.DEBUG if self._open_failure_logged else logging.WARNING
                logger.log(level, "cannot open %s: %s", device, error)
                self._open_failure_logged = True
                self._status(SerialState.DISCONNECTED, problem.message, problem)
            return False

        self._device = device
        self._permission_retries = PERMISSION_RETRIES_AFTER_UNPLUG
        self._framer = SerialFramer(self.settings, port=device)
        with self._port_lock:
            self._port = port
        if self._stop.is_set():
            return False
        self._remember_identity()
        if self._open_failure_logged:
            logger.info("serial scanner back on %s", device)
        else:
            logger.info("serial scanner open on %s", device)
        self._open_failure_logged = False
        self._status(SerialState.CONNECTED)
        return True

    def _read_once(self) -> None:
        port = self._port
        assert port is not None
        try:
            data = port.read(max(1, port.in_waiting))
        except (serial.SerialException, OSError) as error:
            if self._stop.is_set():
                return
            logger.warning("serial scanner %s went away: %s", self._device, error)
            self._close()
            self._framer.reset()
            self._status(
                SerialState.DISCONNECTED,
                f"The scanner on {self._device} was disconnected. Plug it in again; "
                "it is picked up automatically.",
            )
            return

        now = self._clock()
        if data:
            logger.debug("%s: %s", self._device, data.hex())
            self._listener.raw(SerialRead(now, data, self._device))
            self._deliver(self._framer.feed(data, now))
        else:
            self._deliver(self._framer.poll(now))

    def _deliver(self, framed: Framed) -> None:
        for notice in framed.notices:
            self._listener.notice(notice)
        for scan in framed.scans:
            self._listener.scan(scan)

    def _close(self) -> None:
        with self._port_lock:
            port = self._port
            self._port = None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                logger.debug("closing %s failed", self._device, exc_info=True)
