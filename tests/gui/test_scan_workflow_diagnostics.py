"""The scanner diagnostics window: raw traffic with timing, decoded scans, recording."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.scan_diagnostics import ScanDiagnostics, serial_failure_text
from app.hardware.errors import ScannerPermissionDenied
from app.hardware.recording import read_recording, replay
from app.hardware.scan import KeyEvent, Notice, NoticeKind, Scan, ScanSource
from app.hardware.serial_reader import SerialRead, SerialState, SerialStatus
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter

EVDEV_DIGIT = {d: (11 if d == "0" else int(d) + 1) for d in "0123456789"}


def keys(code: str, t0: float = 1000, gap: float = 7) -> list[KeyEvent]:
    events: list[KeyEvent] = []
    for i, digit in enumerate(code + "\r"):
        name = "Key_Return" if digit == "\r" else f"Key_{digit}"
        code_ = 36 if digit == "\r" else EVDEV_DIGIT[digit] + 8
        t = t0 + i * gap
        events.append(KeyEvent(t, True, name, digit, code_))
        events.append(KeyEvent(t + 2, False, name, digit, code_))
    return events


def make(
    qtbot: QtBot, tmp_path: Path
) -> tuple[ScanDiagnostics, WedgeFilter, SerialScanner]:
    wedge = WedgeFilter(platform="xcb")
    serial = SerialScanner()
    target = tmp_path / "recording.jsonl"
    window = ScanDiagnostics(wedge, serial, ask_path=lambda: target)
    qtbot.addWidget(window)
    window.show()
    return window, wedge, serial


def test_keys_reads_scans_and_notices_are_listed_with_timing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, wedge, serial = make(qtbot, tmp_path)

    for event in keys("40")[:4]:
        wedge.key_seen.emit(event)
    serial.bytes_received.emit(SerialRead(5.0, b"4006\r", "/dev/ttyACM0"))
    wedge.scan_received.emit(Scan("4006381333931", ScanSource.KEYBOARD, 0, 96))
    wedge.notice_raised.emit(Notice(NoticeKind.NUMLOCK_OFF, 0))

    lines = window.log.toPlainText().splitlines()
    assert lines[0].split()[:4] == ["+0.0", "ms", "key", "↓"]
    assert "Key_4" in lines[0] and "sc=13" in lines[0]
    assert lines[1].split()[0] == "+2.0"  # the release, 2 ms later
    assert lines[2].split()[0] == "+5.0"  # the next press, 5 ms after that
    assert "34 30 30 36 0d" in lines[4] and "|4006·|" in lines[4]
    assert "SCAN 4006381333931 (keyboard, 13 characters in 96 ms)" in lines[5]
    assert "NOTICE numlock_off: " in lines[6] and "NumLock" in lines[6]


def test_a_scan_typed_into_a_dialog_or_ignored_is_listed_as_not_looked_up(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, wedge, _serial = make(qtbot, tmp_path)

    wedge.scan_typed.emit(Scan("4006381333931", ScanSource.KEYBOARD, 0, 96))
    wedge.scan_ignored.emit(Scan("5901234123457", ScanSource.KEYBOARD, 0, 90))

    lines = window.log.toPlainText().splitlines()
    assert "SCAN 4006381333931" in lines[0] and "SCAN 5901234123457" in lines[2]
    assert "not looked up" in lines[1] and "not looked up" in lines[3]


def test_nothing_is_listed_while_the_window_is_closed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, wedge, _serial = make(qtbot, tmp_path)
    window.close()

    wedge.key_seen.emit(keys("4")[0])

    assert window.log.toPlainText() == ""


def test_a_recording_replays_to_the_same_scan(qtbot: QtBot, tmp_path: Path) -> None:
    window, wedge, _serial = make(qtbot, tmp_path)

    window.record_button.click()
    assert window.recorder is not None
    for event in keys("4006381333931"):
        wedge.key_seen.emit(event)
    window.record_button.click()  # stop

    assert window.recorder is None
    recording = read_recording(tmp_path / "recording.jsonl")
    assert recording.platform == "xcb"
    assert len(recording.entries) == 28
    scans = [item for item in replay(recording) if isinstance(item, Scan)]
    assert [scan.text for scan in scans] == ["4006381333931"]
    assert "recording.jsonl" in window.recording_label.text()


def test_a_permission_failure_says_how_to_fix_it() -> None:
    status = SerialStatus(
        SerialState.FAILED,
        "/dev/ttyACM0",
        "denied",
        ScannerPermissionDenied("denied", port="/dev/ttyACM0"),
    )
    text = serial_failure_text(status)
    assert "dialout" in text and "uucp" in text and "/dev/ttyACM0" in text
