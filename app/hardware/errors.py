"""The hardware layer's exceptions: a base and a subclass per failure a caller can fix.

Messages say what went wrong and how to fix it; the GUI maps the types to translated
text and shows `str(error)` only as detail.
"""

from __future__ import annotations


class HardwareError(Exception):
    """Base of every scanner and device failure."""


class ScannerError(HardwareError):
    """A scanner could not be used; `port` names the device where there is one."""

    def __init__(self, message: str, *, port: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.port = port


class ScannerPermissionDenied(ScannerError):  # noqa: N818 - named like the domain's
    """The serial device exists but this user may not open it."""


class ScannerPortNotFound(ScannerError):  # noqa: N818 - named like the domain's
    """No device answers to the configured port name."""


class ScannerPortBusy(ScannerError):  # noqa: N818 - named like the domain's
    """Another program holds the port."""


class ScannerDisconnected(ScannerError):  # noqa: N818 - named like the domain's
    """The device went away while open (unplugged, cable, USB reset)."""


class RecordingError(HardwareError):
    """A scan recording is not in the komora-scan-recording format."""
