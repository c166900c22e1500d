"""Write the case recordings in tests/data/scans/ (run by hand when a case changes).

    .venv/bin/python tests/hardware/make_scan_recordings.py

The recordings are committed; test_scanner_replay.py replays them through the CLI.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import scanner_cases as cases

from app.hardware.recording import RecordingWriter
from app.hardware.scan import KeyEvent

SCANS = Path(__file__).resolve().parents[1] / "data" / "scans"


def keys(name: str, platform: str, events: list[KeyEvent]) -> None:
    writer = RecordingWriter.open(SCANS / name, platform)
    for event in events:
        writer.key(event)
    writer.close()


def serial(name: str, entries: list[tuple[float, bytes | tuple[str, str]]]) -> None:
    writer = RecordingWriter.open(SCANS / name, "xcb")
    for t, item in entries:
        if isinstance(item, bytes):
            writer.serial(t, item)
        else:
            writer.device(t, item[0], item[1])
    writer.close()


def main() -> None:
    SCANS.mkdir(parents=True, exist_ok=True)
    for platform in ("xcb", "wayland", "windows"):
        keys(f"k1_azerty_{platform}.jsonl", platform, cases.k1_azerty(platform))
    keys(
        "k1_azerty_no_scan_codes.jsonl",
        "xcb",
        [replace(e, scan_code=0) for e in cases.k1_azerty()],
    )
    keys("k2_german_code128_xcb.jsonl", "xcb", cases.k2_german_code128("xcb"))
    keys(
        "k2_german_code128_windows.jsonl", "windows", cases.k2_german_code128("windows")
    )
    keys("k2_ukrainian_xcb.jsonl", "xcb", cases.ukrainian_code("QWE123", "xcb"))
    k3 = cases.us_digits(cases.EAN, 0, 10) + cases.return_key(130)
    k3.append(KeyEvent(12, True, "Key_4", "4", 13, autorepeat=True))
    keys("k3_autorepeat_xcb.jsonl", "xcb", cases.in_time_order(k3))
    keys("k4_person_then_scanner_xcb.jsonl", "xcb", cases.k4_person_then_scanner()[0])
    slowed = cases.us_digits(cases.EAN, 0, 990) + cases.return_key(13 * 990)
    keys("k4_slowed_scanner_xcb.jsonl", "xcb", slowed)
    keys("k5_keypad_numlock_on_xcb.jsonl", "xcb", cases.k5_keypad(numlock=True))
    keys("k5_keypad_numlock_off_xcb.jsonl", "xcb", cases.k5_keypad(numlock=False))
    keys("k6_two_scans_xcb.jsonl", "xcb", cases.k6_two_scans())

    serial(
        "s1_split_reads.jsonl",
        [(0, b"4006381333931\r"), (500, b"40063"), (503, b"81333931\r")],
    )
    serial(
        "s2_cr_then_crlf.jsonl",
        [
            (0, b"4006381333931\r"),
            (2000, b"5901234123457\r"),
            (4000, b"4006381333931\r\n"),
        ],
    )
    serial("s3_no_terminator.jsonl", [(0, b"40063"), (5, b"81333931")])
    serial(
        "s4_unplug.jsonl",
        [
            (0, b"5901234123457\r"),
            (9990, b"40063"),
            (10_000, ("unplug", "/dev/ttyACM0")),
            (20_000, ("plug", "/dev/ttyACM1")),
            (20_500, b"4006381333931\r"),
        ],
    )
    serial(
        "garbled_wrong_baud.jsonl",
        [(0, b"\xf8\x80\x00\xfe\x1c\x98\xe0\r"), (800, b"4006381333931\r")],
    )


if __name__ == "__main__":
    main()
