"""The Qt serial scanner: the reader in a QThread, signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot
from serial_fakes import FakePortLister, PtyScanner

from app.hardware.ports import PortInfo
from app.hardware.scan import Scan, SerialSettings
from app.hardware.serial_reader import SerialState, SerialStatus
from app.hardware.serial_scanner import SerialScanner

EAN = "4006381333931"


def test_scans_arrive_as_signals_on_the_gui_thread(qtbot: QtBot) -> None:
    device = PtyScanner()
    scanner = SerialScanner()
    statuses: list[SerialStatus] = []
    threads: list[QThread] = []
    scanner.status_changed.connect(statuses.append)

    def on_scan(scan: Scan) -> None:
        threads.append(QThread.currentThread())

    scanner.scan_received.connect(on_scan)
    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: s.state is SerialState.CONNECTED,
    ):
        scanner.start(SerialSettings(port=device.path))

    with qtbot.waitSignal(scanner.scan_received) as blocker:
        device.send(b"40063")
        device.send(b"81333931\r")

    assert blocker.args[0].text == EAN
    assert threads == [QThread.currentThread()]
    assert scanner.running

    scanner.stop()
    assert not scanner.running
    qtbot.waitUntil(lambda: statuses[-1].state is SerialState.STOPPED)
    device.unplug()


def test_unplug_shows_disconnected_then_connected_again(qtbot: QtBot) -> None:
    first = PtyScanner()
    identity = {"vid": 0x1EAB, "pid": 0x0D22, "serial_number": None}
    lister = FakePortLister([PortInfo(first.path, **identity)])  # type: ignore[arg-type]
    scanner = SerialScanner(port_lister=lister, rescan_interval_s=0.05)
    states: list[SerialState] = []
    scanner.status_changed.connect(lambda s: states.append(s.state))
    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: s.state is SerialState.CONNECTED,
    ):
        scanner.start(SerialSettings(port=first.path))

    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: s.state is SerialState.DISCONNECTED,
    ):
        lister.set([])
        first.unplug()
    second = PtyScanner()
    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: (
            s.state is SerialState.CONNECTED and s.port == second.path
        ),
    ):
        lister.set([PortInfo(second.path, **identity)])  # type: ignore[arg-type]

    with qtbot.waitSignal(scanner.scan_received) as blocker:
        second.send(b"4006381333931\r")
    assert blocker.args[0].port == second.path

    scanner.stop()
    second.unplug()
    assert states[:4] == [
        SerialState.CONNECTING,
        SerialState.CONNECTED,
        SerialState.DISCONNECTED,
        SerialState.CONNECTED,
    ]


def test_an_unexpected_reader_failure_is_reported_not_swallowed(qtbot: QtBot) -> None:
    def opener(device: str, settings: SerialSettings) -> object:
        raise RuntimeError("driver bug")

    scanner = SerialScanner(opener=opener)  # type: ignore[arg-type]
    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: s.state is SerialState.FAILED,
    ) as blocker:
        scanner.start(SerialSettings(port="/dev/ttyACM0"))

    assert "driver bug" in blocker.args[0].message
    qtbot.waitUntil(lambda: not scanner.running)
    scanner.stop()
