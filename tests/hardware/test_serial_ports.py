"""Port listing (S5) and open errors that say how to fix them (S6)."""

from __future__ import annotations

import errno
from types import SimpleNamespace

import serial

from app.hardware.errors import (
    ScannerPermissionDenied,
    ScannerPortBusy,
    ScannerPortNotFound,
)
from app.hardware.ports import PortInfo, describe_open_error, port_infos, sort_ports


def comport(device: str, vid: int | None = None, pid: int | None = None) -> object:
    return SimpleNamespace(
        device=device,
        description=f"USB Serial Device ({device})",
        vid=vid,
        pid=pid,
        serial_number="S1" if vid else None,
    )


def test_s5_windows_ports_are_sorted_numerically() -> None:
    ports = port_infos(
        [comport("COM2"), comport("COM12", 0x0483, 0x5740), comport("COM3")]
    )

    assert [p.device for p in ports] == ["COM2", "COM3", "COM12"]
    assert ports[2].label == "COM12 USB Serial Device (COM12) [0483:5740]"
    assert ports[2].usb_id == "0483:5740"


def test_linux_ports_are_sorted_numerically_too() -> None:
    names = ["/dev/ttyACM10", "/dev/ttyUSB0", "/dev/ttyACM2", "/dev/ttyACM1"]

    ports = sort_ports([PortInfo(n) for n in names])

    assert [p.device for p in ports] == [
        "/dev/ttyACM1",
        "/dev/ttyACM2",
        "/dev/ttyACM10",
        "/dev/ttyUSB0",
    ]


def test_same_device_is_found_by_vid_pid_and_serial_number() -> None:
    before = PortInfo("/dev/ttyACM0", vid=0x0483, pid=0x5740, serial_number="A1")

    assert before.same_device(
        PortInfo("/dev/ttyACM1", vid=0x0483, pid=0x5740, serial_number="A1")
    )
    assert not before.same_device(
        PortInfo("/dev/ttyACM1", vid=0x0483, pid=0x5740, serial_number="B2")
    )
    assert not before.same_device(PortInfo("/dev/ttyACM1", vid=0x0483, pid=0x5741))
    assert not PortInfo("/dev/ttyS0").same_device(PortInfo("/dev/ttyS0"))


def test_s6_permission_denied_says_dialout_uucp_and_log_in_again() -> None:
    # What pyserial raises for `crw-rw---- root dialout` when the user is not in it.
    error = serial.SerialException(
        errno.EACCES,
        "could not open port /dev/ttyACM0: [Errno 13] Permission denied: "
        "'/dev/ttyACM0'",
    )

    problem = describe_open_error(error, "/dev/ttyACM0")

    assert isinstance(problem, ScannerPermissionDenied)
    assert problem.port == "/dev/ttyACM0"
    for expected in (
        "dialout",
        "Debian",
        "Ubuntu",
        "Fedora",
        "uucp",
        "Arch",
        "log in again",
    ):
        assert expected in problem.message
    assert "as root" not in problem.message


def test_missing_and_busy_ports_have_their_own_errors() -> None:
    missing = serial.SerialException(
        errno.ENOENT, "could not open port /dev/ttyACM3: [Errno 2] No such file"
    )
    busy = serial.SerialException(errno.EBUSY, "Device or resource busy")

    assert isinstance(describe_open_error(missing, "/dev/ttyACM3"), ScannerPortNotFound)
    assert isinstance(describe_open_error(busy, "/dev/ttyACM0"), ScannerPortBusy)
