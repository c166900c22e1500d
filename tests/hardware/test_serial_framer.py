"""The serial framer against the serial cases S1-S3 and garbled input (no port)."""

from __future__ import annotations

import pytest

from app.hardware.scan import NoticeKind, ScanSource, SerialSettings, SerialTerminator
from app.hardware.serial_framer import STALE_MS, SerialFramer

EAN = "4006381333931"
EAN_2 = "5901234123457"


def texts(framer: SerialFramer, reads: list[tuple[float, bytes]]) -> list[str]:
    out: list[str] = []
    for t, data in reads:
        out += [scan.text for scan in framer.feed(data, t).scans]
    return out


def test_s1_a_whole_scan_in_one_read() -> None:
    framer = SerialFramer(port="/dev/ttyACM0")

    framed = framer.feed(b"4006381333931\r", 0)

    assert [s.text for s in framed.scans] == [EAN]
    assert framed.scans[0].source is ScanSource.SERIAL
    assert framed.scans[0].port == "/dev/ttyACM0"


def test_s1_a_scan_split_across_reads_is_joined_and_a_part_is_never_a_scan() -> None:
    framer = SerialFramer()

    first = framer.feed(b"40063", 0)
    assert first.scans == []
    assert framer.poll(2).scans == []  # still waiting, 3 ms apart
    second = framer.feed(b"81333931\r", 3)

    assert [s.text for s in second.scans] == [EAN]
    assert second.scans[0].t_ms == 0
    assert second.scans[0].duration_ms == 3


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n"])
def test_s2_cr_lf_and_crlf_all_end_a_scan_without_an_empty_one(
    terminator: bytes,
) -> None:
    framer = SerialFramer(SerialSettings(terminator=SerialTerminator.CR))

    reads = [(0.0, EAN.encode() + terminator), (2000.0, EAN_2.encode() + terminator)]

    assert texts(framer, reads) == [EAN, EAN_2]


def test_s2_crlf_split_between_reads_makes_no_empty_scan() -> None:
    framer = SerialFramer()

    reads = [
        (0.0, EAN.encode() + b"\r"),
        (1.0, b"\n"),
        (2000.0, EAN_2.encode() + b"\r\n"),
    ]

    assert texts(framer, reads) == [EAN, EAN_2]


def test_s2_the_scan_is_passed_on_at_its_cr_not_later() -> None:
    # No waiting for LF or for a timer: the read that holds CR gives the scan.
    framer = SerialFramer()

    assert [s.text for s in framer.feed(b"4006381333931\r", 5).scans] == [EAN]
    assert framer.deadline() is None


def test_s3_no_terminator_ends_the_scan_after_the_idle_gap() -> None:
    framer = SerialFramer(SerialSettings(terminator=SerialTerminator.NONE))

    assert framer.feed(b"4006381333931", 0).scans == []
    assert framer.deadline() == 100
    assert framer.poll(99).scans == []

    assert [s.text for s in framer.poll(101).scans] == [EAN]
    assert framer.poll(500).scans == []  # once only


def test_s3_idle_gap_is_a_setting() -> None:
    framer = SerialFramer(SerialSettings(terminator=SerialTerminator.NONE, idle_ms=30))
    framer.feed(b"40063", 0)
    framer.feed(b"81333931", 10)

    assert [s.text for s in framer.poll(41).scans] == [EAN]


def test_s3_next_read_after_the_gap_starts_a_new_scan() -> None:
    framer = SerialFramer(SerialSettings(terminator=SerialTerminator.NONE))

    reads = [(0.0, EAN.encode()), (500.0, EAN_2.encode())]
    out = texts(framer, reads)
    out += [s.text for s in framer.flush().scans]

    assert out == [EAN, EAN_2]


def test_wrong_baud_rate_garbage_is_dropped_with_a_notice() -> None:
    framer = SerialFramer()

    framed = framer.feed(b"\xf8\x80\x00\xfe\x1c\x98\r", 0)

    assert framed.scans == []
    assert [n.kind for n in framed.notices] == [NoticeKind.GARBLED_SERIAL]
    assert "baud rate" in framed.notices[0].message


def test_garbage_without_a_terminator_is_dropped_after_the_idle_gap() -> None:
    framer = SerialFramer()
    framer.feed(b"\xf8\x80\xe0", 0)

    framed = framer.poll(150)

    assert [n.kind for n in framed.notices] == [NoticeKind.GARBLED_SERIAL]
    assert framer.feed(b"4006381333931\r", 200).scans[0].text == EAN


def test_a_partial_scan_that_never_ends_is_dropped_not_joined() -> None:
    framer = SerialFramer()
    framer.feed(b"40063", 0)

    framed = framer.feed(b"5901234123457\r", STALE_MS + 10)

    assert [s.text for s in framed.scans] == [EAN_2]


def test_reset_drops_the_partial_scan() -> None:
    framer = SerialFramer()
    framer.feed(b"40063", 0)

    framer.reset()

    assert [s.text for s in framer.feed(b"5901234123457\r", 5).scans] == [EAN_2]


def test_stx_etx_and_aim_identifier_are_removed() -> None:
    settings = SerialSettings(prefix="\x02", suffix="\x03", aim_identifier=True)
    framer = SerialFramer(settings)

    framed = framer.feed(b"\x02]E04006381333931\x03\r", 0)

    assert [(s.text, s.symbology_identifier) for s in framed.scans] == [(EAN, "]E0")]


def test_gs1_group_separator_is_kept() -> None:
    framed = SerialFramer().feed(b"0104006381333931\x1d10ABC\r", 0)

    assert [s.text for s in framed.scans] == ["0104006381333931\x1d10ABC"]
