"""The serial read loop through pseudo-terminals and loop:// (S1, S2, S4, S5, S6)."""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial
from serial_fakes import FakePortLister, PtyScanner, RecordingListener

from app.hardware.errors import ScannerPermissionDenied
from app.hardware.ports import PortInfo
from app.hardware.scan import SerialSettings, SerialTerminator
from app.hardware.serial_reader import SerialReader, SerialState, open_port

EAN = "4006381333931"
EAN_2 = "5901234123457"


class Running:
    """A SerialReader in a thread, stopped at the end of the test."""

    def __init__(self, reader: SerialReader) -> None:
        self.reader = reader
        self.thread = threading.Thread(target=reader.run, name="test-serial-reader")
        self.thread.start()

    def stop(self) -> None:
        self.reader.stop()
        self.thread.join(5)
        assert not self.thread.is_alive(), "the reader did not stop"


@pytest.fixture
def running() -> Iterator[list[Running]]:
    started: list[Running] = []
    yield started
    for item in started:
        item.stop()


def start(running: list[Running], reader: SerialReader) -> Running:
    item = Running(reader)
    running.append(item)
    return item


def test_s1_s2_scans_through_a_pseudo_terminal(running: list[Running]) -> None:
    device = PtyScanner()
    listener = RecordingListener()
    start(running, SerialReader(SerialSettings(port=device.path), listener))
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    device.send(b"4006381333931\r")
    listener.wait_for(lambda: len(listener.scans) == 1)
    device.send(b"40063")
    listener.wait_for(lambda: listener.received().endswith(b"40063"))
    device.send(b"81333931\r")
    listener.wait_for(lambda: len(listener.scans) == 2)
    sent = time.monotonic()
    device.send(b"5901234123457\r\n")
    listener.wait_for(lambda: len(listener.scans) == 3)

    assert [s.text for s in listener.scans] == [EAN, EAN, EAN_2]
    assert listener.scans[0].port == device.path
    assert listener.scan_times[2] - sent < 0.05  # S2: within 50 ms of the CR
    device.unplug()


def test_s3_no_terminator_through_a_pseudo_terminal(running: list[Running]) -> None:
    device = PtyScanner()
    listener = RecordingListener()
    settings = SerialSettings(port=device.path, terminator=SerialTerminator.NONE)
    start(running, SerialReader(settings, listener))
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    sent = time.monotonic()
    device.send(b"4006381333931")
    listener.wait_for(lambda: len(listener.scans) == 1)

    assert listener.scans[0].text == EAN
    assert listener.scan_times[0] - sent >= 0.1  # ended by the idle gap
    device.unplug()


def test_loop_url_is_opened_as_is(running: list[Running]) -> None:
    ports: list[serial.SerialBase] = []

    def opener(device: str, settings: SerialSettings) -> serial.SerialBase:
        port = open_port(device, settings)
        ports.append(port)  # type: ignore[arg-type]
        return port  # type: ignore[return-value]

    listener = RecordingListener()
    start(
        running, SerialReader(SerialSettings(port="loop://"), listener, opener=opener)
    )
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    ports[0].write(b"4006381333931\r")
    listener.wait_for(lambda: len(listener.scans) == 1)

    assert listener.scans[0].text == EAN
    assert listener.statuses[-1].port == "loop://"


def test_s4_unplugged_and_back_under_a_new_name(running: list[Running]) -> None:
    first = PtyScanner()
    identity = {"vid": 0x0483, "pid": 0x5740, "serial_number": "SCN-0001"}
    lister = FakePortLister([PortInfo(first.path, "Scanner", **identity)])  # type: ignore[arg-type]
    listener = RecordingListener()
    start(
        running,
        SerialReader(SerialSettings(port=first.path), listener, port_lister=lister),
    )
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    # A scan cut off by the unplug, at "t = 10 s".
    first.send(b"40063")
    listener.wait_for(lambda: listener.received() == b"40063")
    lister.set([])
    first.unplug()
    listener.wait_for(lambda: SerialState.DISCONNECTED in listener.states())
    assert listener.statuses[-1].port == first.path
    assert "disconnected" in listener.statuses[-1].message

    # Another device with other ids appears: it is not ours.
    stranger = PtyScanner()
    lister.set(
        [PortInfo(stranger.path, "Other", vid=0x0483, pid=0x5740, serial_number="X")]
    )
    calls = lister.calls
    lister.wait_calls(calls + 1)  # it looked and passed it over
    assert listener.count(SerialState.CONNECTED) == 1

    # "t = 20 s": ours comes back under a new name.
    second = PtyScanner()
    assert second.path != first.path
    back = time.monotonic()
    lister.set(
        [
            PortInfo(stranger.path, "Other", vid=0x0483, pid=0x5740, serial_number="X"),
            PortInfo(second.path, "Scanner", **identity),  # type: ignore[arg-type]
        ]
    )
    listener.wait_for(lambda: listener.count(SerialState.CONNECTED) == 2)
    resumed = listener.status_times[listener.states().index(SerialState.CONNECTED, 1)]
    assert resumed - back < 2.0
    assert listener.statuses[-1].port == second.path

    second.send(b"4006381333931\r")
    listener.wait_for(lambda: len(listener.scans) == 1)

    assert [s.text for s in listener.scans] == [EAN]  # not "400634006381333931"
    assert listener.scans[0].port == second.path
    for device in (second, stranger):
        device.unplug()


def test_s5_com12_is_passed_to_pyserial_as_is(running: list[Running]) -> None:
    opened: list[str] = []
    done = threading.Event()

    def opener(device: str, settings: SerialSettings) -> serial.SerialBase:
        opened.append(device)
        done.set()
        raise serial.SerialException(errno.ENOENT, f"could not open port '{device}'")

    listener = RecordingListener()
    start(running, SerialReader(SerialSettings(port="COM12"), listener, opener=opener))
    assert done.wait(5)

    assert opened[0] == "COM12"
    listener.wait_for(lambda: SerialState.DISCONNECTED in listener.states())


def test_s6_no_permission_is_one_message_and_no_retry_loop() -> None:
    opened: list[str] = []

    def opener(device: str, settings: SerialSettings) -> serial.SerialBase:
        opened.append(device)
        raise serial.SerialException(
            errno.EACCES,
            f"could not open port {device}: [Errno 13] Permission denied: '{device}'",
        )

    listener = RecordingListener()
    reader = SerialReader(
        SerialSettings(port="/dev/ttyACM0"),
        listener,
        opener=opener,
        rescan_interval_s=0.01,
    )
    worker = threading.Thread(target=reader.run)
    worker.start()
    worker.join(5)

    assert not worker.is_alive()  # it ended on its own: no retry loop
    assert opened == ["/dev/ttyACM0"]
    assert listener.states() == [SerialState.CONNECTING, SerialState.FAILED]
    failed = listener.statuses[-1]
    assert isinstance(failed.error, ScannerPermissionDenied)
    assert "dialout" in failed.message and "uucp" in failed.message
    assert "log in again" in failed.message


def test_stop_cancels_a_pending_read_promptly(running: list[Running]) -> None:
    device = PtyScanner()
    listener = RecordingListener()
    item = start(running, SerialReader(SerialSettings(port=device.path), listener))
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    began = time.monotonic()
    item.stop()

    assert time.monotonic() - began < 1.0
    assert listener.states()[-1] is SerialState.STOPPED
    device.unplug()


class CountingOpener:
    """Opens for real, after refusing the first `refuse` tries with `errno_code`."""

    def __init__(self, refuse: int = 0, errno_code: int = errno.EACCES) -> None:
        self.refuse = refuse
        self.errno_code = errno_code
        self.calls: list[str] = []
        self._changed = threading.Condition()

    def __call__(self, device: str, settings: SerialSettings) -> serial.SerialBase:
        with self._changed:
            self.calls.append(device)
            self._changed.notify_all()
        if self.refuse > 0:
            self.refuse -= 1
            raise serial.SerialException(
                self.errno_code, f"could not open port {device}"
            )
        return open_port(device, settings)  # type: ignore[return-value]

    def wait_calls(self, count: int) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.calls) >= count, 5)


def test_a_missing_port_is_reported_once_not_every_second(
    running: list[Running],
) -> None:
    opener = CountingOpener(refuse=1000, errno_code=errno.ENOENT)
    listener = RecordingListener()
    start(
        running,
        SerialReader(
            SerialSettings(port="/dev/ttyACM7"),
            listener,
            opener=opener,
            rescan_interval_s=0.01,
        ),
    )

    opener.wait_calls(4)

    assert listener.states() == [SerialState.CONNECTING, SerialState.DISCONNECTED]
    assert "plugged in" in listener.statuses[-1].message


def test_permission_refused_right_after_replug_is_retried(
    running: list[Running],
) -> None:
    first = PtyScanner()
    identity = {"vid": 0x05E0, "pid": 0x1200, "serial_number": "Z9"}
    lister = FakePortLister([PortInfo(first.path, **identity)])  # type: ignore[arg-type]
    opener = CountingOpener()
    listener = RecordingListener()
    start(
        running,
        SerialReader(
            SerialSettings(port=first.path),
            listener,
            port_lister=lister,
            opener=opener,
            rescan_interval_s=0.01,
        ),
    )
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())
    lister.set([])
    first.unplug()
    listener.wait_for(lambda: SerialState.DISCONNECTED in listener.states())

    second = PtyScanner()
    opener.refuse = 2  # udev has not given the new node its group yet
    lister.set([PortInfo(second.path, **identity)])  # type: ignore[arg-type]
    listener.wait_for(lambda: listener.count(SerialState.CONNECTED) == 2)

    assert SerialState.FAILED not in listener.states()
    assert opener.calls[-3:] == [second.path] * 3
    second.unplug()


def test_a_by_id_link_is_found_again_after_an_unplug(
    running: list[Running], tmp_path: Path
) -> None:
    first = PtyScanner()
    link = tmp_path / "usb-Honeywell_Scanner_SCN-0001-if00"
    link.symlink_to(first.path)
    identity = {"vid": 0x0C2E, "pid": 0x0B61, "serial_number": "SCN-0001"}
    lister = FakePortLister([PortInfo(first.path, **identity)])  # type: ignore[arg-type]
    listener = RecordingListener()
    start(
        running,
        SerialReader(
            SerialSettings(port=str(link)),
            listener,
            port_lister=lister,
            rescan_interval_s=0.01,
        ),
    )
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())
    lister.set([])
    link.unlink()
    first.unplug()
    listener.wait_for(lambda: SerialState.DISCONNECTED in listener.states())

    second = PtyScanner()
    lister.set([PortInfo(second.path, **identity)])  # type: ignore[arg-type]
    listener.wait_for(lambda: listener.count(SerialState.CONNECTED) == 2)
    second.send(b"4006381333931\r")
    listener.wait_for(lambda: len(listener.scans) == 1)

    assert listener.scans[0].port == second.path
    second.unplug()


def test_impossible_line_settings_fail_once_without_retrying() -> None:
    settings = SerialSettings(port="loop://", baud_rate=-5)
    listener = RecordingListener()
    reader = SerialReader(settings, listener, rescan_interval_s=0.01)
    worker = threading.Thread(target=reader.run)
    worker.start()
    worker.join(5)

    assert not worker.is_alive()
    assert listener.states() == [SerialState.CONNECTING, SerialState.FAILED]
    assert "baud rate" in listener.statuses[-1].message


def test_a_missing_port_is_logged_once_at_warning_then_at_debug_until_back(
    running: list[Running], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="app.hardware.serial_reader")
    device = PtyScanner()
    opener = CountingOpener(refuse=1000, errno_code=errno.ENOENT)
    listener = RecordingListener()
    start(
        running,
        SerialReader(
            SerialSettings(port=device.path),
            listener,
            opener=opener,
            rescan_interval_s=0.01,
        ),
    )
    opener.wait_calls(5)
    opener.refuse = 0
    listener.wait_for(lambda: SerialState.CONNECTED in listener.states())

    failures = [r for r in caplog.records if r.getMessage().startswith("cannot open")]
    assert len(failures) >= 4
    assert [r.levelno for r in failures] == [logging.WARNING] + [logging.DEBUG] * (
        len(failures) - 1
    )
    back = [r for r in caplog.records if "back on" in r.getMessage()]
    assert [r.levelno for r in back] == [logging.INFO]
    device.unplug()
