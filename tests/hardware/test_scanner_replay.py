"""`komora scanner replay` on the case recordings in tests/data/scans/."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app.__main__ import main
from app.hardware.errors import RecordingError
from app.hardware.recording import RecordingWriter, parse_recording, read_recording
from app.hardware.scan import KeyEvent

SCANS = Path(__file__).resolve().parents[1] / "data" / "scans"
ROOT = Path(__file__).resolve().parents[2]
EAN = "4006381333931"
EAN_2 = "5901234123457"


def replay(capsys: pytest.CaptureFixture[str], name: str, *options: str) -> list[dict]:
    assert main(["scanner", "replay", str(SCANS / name), *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(
    ("name", "options", "expected"),
    [
        # K1: AZERTY text, decoded from the physical keys on every platform.
        ("k1_azerty_xcb.jsonl", (), [{"scan": EAN, "t_ms": 0}]),
        ("k1_azerty_wayland.jsonl", (), [{"scan": EAN, "t_ms": 0}]),
        ("k1_azerty_windows.jsonl", (), [{"scan": EAN, "t_ms": 0}]),
        ("k1_azerty_no_scan_codes.jsonl", (), [{"notice": "layout_mismatch"}]),
        ("k1_azerty_xcb.jsonl", ("--layout-text",), [{"notice": "layout_mismatch"}]),
        # K2: German Code 128 and Ukrainian letters.
        ("k2_german_code128_xcb.jsonl", (), [{"scan": "A-12/Z", "t_ms": 1}]),
        ("k2_german_code128_windows.jsonl", (), [{"scan": "A-12/Z", "t_ms": 1}]),
        ("k2_ukrainian_xcb.jsonl", (), [{"scan": "QWE123", "t_ms": 0}]),
        # K3: an auto-repeat in the burst is not a key press.
        ("k3_autorepeat_xcb.jsonl", (), [{"scan": EAN, "t_ms": 0}]),
        # K4: only the scanner burst is a scan; a slowed scanner needs the limits.
        ("k4_person_then_scanner_xcb.jsonl", (), [{"scan": EAN, "t_ms": 2000}]),
        ("k4_slowed_scanner_xcb.jsonl", (), []),
        (
            "k4_slowed_scanner_xcb.jsonl",
            ("--max-gap-ms", "1000", "--max-burst-ms", "15000"),
            [{"scan": EAN, "t_ms": 0}],
        ),
        ("k4_person_then_scanner_xcb.jsonl", ("--min-length", "14"), []),
        # K5: keypad digits; NumLock off.
        ("k5_keypad_numlock_on_xcb.jsonl", (), [{"scan": EAN, "t_ms": 0}]),
        ("k5_keypad_numlock_off_xcb.jsonl", (), [{"notice": "numlock_off"}]),
        # K6: two scans 600 ms apart.
        (
            "k6_two_scans_xcb.jsonl",
            (),
            [{"scan": EAN, "t_ms": 0}, {"scan": EAN_2, "t_ms": 665}],
        ),
        ("k6_two_scans_xcb.jsonl", ("--terminator", "tab"), []),
        # S1-S4 and a wrong baud rate.
        (
            "s1_split_reads.jsonl",
            (),
            [{"scan": EAN, "t_ms": 0}, {"scan": EAN, "t_ms": 500}],
        ),
        (
            "s2_cr_then_crlf.jsonl",
            ("--terminator", "cr"),
            [
                {"scan": EAN, "t_ms": 0},
                {"scan": EAN_2, "t_ms": 2000},
                {"scan": EAN, "t_ms": 4000},
            ],
        ),
        ("s3_no_terminator.jsonl", ("--terminator", "cr"), []),
        (
            "s3_no_terminator.jsonl",
            ("--terminator", "none"),
            [{"scan": EAN, "t_ms": 0}],
        ),
        (
            "s4_unplug.jsonl",
            (),
            [{"scan": EAN_2, "t_ms": 0}, {"scan": EAN, "t_ms": 20500}],
        ),
        (
            "garbled_wrong_baud.jsonl",
            (),
            [{"notice": "garbled_serial"}, {"scan": EAN, "t_ms": 800}],
        ),
    ],
)
def test_replay_of_case_recordings(
    capsys: pytest.CaptureFixture[str],
    name: str,
    options: tuple[str, ...],
    expected: list[dict],
) -> None:
    assert replay(capsys, name, *options) == expected


def test_replay_with_prefix_and_suffix_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stx.jsonl"
    writer = RecordingWriter.open(path, "xcb")
    writer.serial(0, b"\x02" + EAN.encode() + b"\x03\r")
    writer.close()

    assert (
        main(["scanner", "replay", str(path), "--prefix", "<STX>", "--suffix", "\\x03"])
        == 0
    )

    assert capsys.readouterr().out == f'{{"scan": "{EAN}", "t_ms": 0}}\n'


def test_recording_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    event = KeyEvent(1.5, True, "Key_4", "4", 13, frozenset({"Keypad", "Shift"}))
    writer = RecordingWriter.open(path, "windows")
    writer.key(event)
    writer.serial(2, b"\x00\xff")
    writer.device(3, "unplug", "COM12")
    writer.close()

    recording = read_recording(path)

    assert recording.platform == "windows"
    assert recording.entries[0] == event
    assert recording.entries[1].data == b"\x00\xff"  # type: ignore[union-attr]
    assert recording.entries[2].port == "COM12"  # type: ignore[union-attr]
    header = json.loads(path.read_text().splitlines()[0])
    assert header == {
        "format": "komora-scan-recording",
        "version": 1,
        "platform": "windows",
    }


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "empty"),
        (['{"format": "other"}'], "header"),
        (['{"format": "komora-scan-recording", "version": 1}', "nope"], "line 2"),
        (
            [
                '{"format": "komora-scan-recording", "version": 1}',
                '{"t": 1, "type": "x"}',
            ],
            "press or release",
        ),
    ],
)
def test_bad_recordings_are_refused_with_the_line(
    lines: list[str], message: str
) -> None:
    with pytest.raises(RecordingError, match=message):
        parse_recording(lines)


def test_bad_file_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "x"}\n')

    assert main(["scanner", "replay", str(path)]) == 2
    assert "not a scan recording" in capsys.readouterr().err


def test_replay_runs_as_a_command_without_loading_qt() -> None:
    code = (
        "import sys; from app.__main__ import main; "
        f"rc = main(['scanner', 'replay', {str(SCANS / 'k1_azerty_xcb.jsonl')!r}]); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == f'{{"scan": "{EAN}", "t_ms": 0}}\n'


def test_live_recorder_puts_keys_and_serial_reads_on_one_time_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import scanner_cases as cases

    from app.hardware.recording import ScanRecorder
    from app.hardware.serial_reader import SerialRead, SerialState, SerialStatus

    now = [50_000.0]  # the monotonic clock, in ms
    path = tmp_path / "live.jsonl"
    recorder = ScanRecorder(RecordingWriter.open(path, "xcb"), clock=lambda: now[0])
    now[0] += 100
    recorder.status(SerialStatus(SerialState.CONNECTED, "/dev/ttyACM0"))
    recorder.serial(SerialRead(50_200, b"40063", "/dev/ttyACM0"))
    now[0] = 50_300
    recorder.status(SerialStatus(SerialState.DISCONNECTED, "/dev/ttyACM0"))
    now[0] = 51_000
    recorder.status(SerialStatus(SerialState.CONNECTED, "/dev/ttyACM1"))
    recorder.serial(SerialRead(51_100, b"4006381333931\r", "/dev/ttyACM1"))
    now[0] = 52_000
    # X server timestamps: a different clock altogether.
    for event in cases.k1_azerty():
        recorder.key(replace(event, t_ms=event.t_ms + 7_000_000))
    recorder.close()

    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line.get("event") for line in lines if "event" in line] == [
        "plug",
        "unplug",
        "plug",
    ]
    assert lines[-1]["t"] == 2000 + 65 + 2  # the last key release, moved
    assert main(["scanner", "replay", str(path)]) == 0
    assert [json.loads(x) for x in capsys.readouterr().out.splitlines()] == [
        {"scan": EAN, "t_ms": 1100},
        {"scan": EAN, "t_ms": 2000},
    ]
