"""Serial ports: listing them for the user and explaining why one will not open.

Port discovery is a plain callable returning `PortInfo` records, so tests pass a fake
one and the reader finds an unplugged scanner again by USB identity.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.hardware.errors import (
    ScannerError,
    ScannerPermissionDenied,
    ScannerPortBusy,
    ScannerPortNotFound,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PortInfo:
    """One serial port as the system lists it."""

    device: str  # what pyserial opens: COM12, /dev/ttyACM0
    description: str = ""
    vid: int | None = None  # USB vendor id
    pid: int | None = None  # USB product id
    serial_number: str | None = None

    @property
    def usb_id(self) -> str | None:
        """`VID:PID` in hex, as lsusb and Device Manager show it."""
        if self.vid is None or self.pid is None:
            return None
        return f"{self.vid:04X}:{self.pid:04X}"

    @property
    def label(self) -> str:
        """What a port list shows: device, description and VID:PID."""
        parts = [self.device]
        if self.description and self.description not in ("n/a", self.device):
            parts.append(self.description)
        if self.usb_id:
            parts.append(f"[{self.usb_id}]")
        return " ".join(parts)

    def same_device(self, other: PortInfo) -> bool:
        """The same USB device, whatever name the system gave it this time."""
        if self.vid is None or self.pid is None:
            return False
        if (self.vid, self.pid) != (other.vid, other.pid):
            return False
        return self.serial_number is None or self.serial_number == other.serial_number


PortLister = Callable[[], list[PortInfo]]


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders COM2, COM3, COM12 and ttyACM2 before ttyACM10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )


def sort_ports(ports: list[PortInfo]) -> list[PortInfo]:
    return sorted(ports, key=lambda port: natural_key(port.device))


def port_infos(comports: Iterable[Any]) -> list[PortInfo]:
    """pyserial's ListPortInfo records as `PortInfo`, sorted numerically."""
    found = [
        PortInfo(
            device=info.device,
            description=info.description or "",
            vid=info.vid,
            pid=info.pid,
            serial_number=info.serial_number,
        )
        for info in comports
    ]
    return sort_ports(found)


def system_ports() -> list[PortInfo]:
    """The system's serial ports, sorted numerically."""
    from serial.tools import list_ports

    return port_infos(list_ports.comports())


def _owning_group(device: str) -> str | None:
    try:
        import grp  # POSIX only

        return grp.getgrgid(os.stat(device).st_gid).gr_name
    except (ImportError, OSError, KeyError):
        return None


def permission_message(device: str) -> str:
    group = _owning_group(device)
    owner = f" (it belongs to the group '{group}')" if group and group != "root" else ""
    return (
        f"You are not allowed to open the serial port {device}{owner}. Add your "
        "user to the group that owns serial ports: 'sudo usermod -aG dialout $USER' "
        "on Debian, Ubuntu and Fedora, or 'sudo usermod -aG uucp $USER' on Arch "
        "Linux. Then log out and log in again so the new group takes effect."
    )


def describe_open_error(error: BaseException, device: str) -> ScannerError:
    """Turn pyserial's open failure into the error the user can act on."""
    code = getattr(error, "errno", None)
    text = str(error)
    if sys.platform == "win32" and ("Access is denied" in text or code == errno.EACCES):
        # Windows says "access denied" when another program has the port open.
        return ScannerPortBusy(
            f"The serial port {device} is in use by another program. Close that "
            "program (or its other window) and try again.",
            port=device,
        )
    if code in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
        return ScannerPermissionDenied(permission_message(device), port=device)
    if code == errno.EBUSY or "busy" in text.casefold():
        return ScannerPortBusy(
            f"The serial port {device} is in use by another program. Close it and "
            "try again.",
            port=device,
        )
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or "FileNotFoundError" in text:
        return ScannerPortNotFound(
            f"There is no serial port {device}. Check that the scanner is plugged in "
            "and pick its port from the list.",
            port=device,
        )
    return ScannerError(
        f"The serial port {device} could not be opened: {text}", port=device
    )
