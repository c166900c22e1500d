"""The scan journal: written before a scan is acted on; survives a killed process."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.barcode import read_barcode
from app.store.errors import StoreError
from app.store.scan_journal import ScanJournal, ScanResult
from tests.benchmarks.catalog_gen import ean13
from tests.store import crash_child

ROOT = Path(__file__).resolve().parents[2]


def _kill_while_scanning(journal_path: Path, raw: str, mode: str) -> None:
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.store.crash_child",
            "scan",
            str(journal_path),
            raw,
            mode,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == crash_child.KILLED, child.stderr


def test_scan_recorded_then_its_result(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    raw = ean13("210010101234")

    scan_id = journal.record("keyboard", raw, read_barcode(raw))
    pending = journal.recent()[0]
    journal.set_result(scan_id, ScanResult.FOUND, "Cheese", id_goods=88)
    done = journal.recent()[0]
    journal.close()

    assert pending.result is ScanResult.PENDING and pending.finished_at is None
    assert done.result is ScanResult.FOUND and done.id_goods == 88
    assert done.detail == "Cheese" and done.finished_at is not None
    assert done.reading is not None
    assert done.reading["in_store"]["quantity"] == Decimal("1.234")
    assert done.reading["symbology"] == "EAN-13"


def test_unreadable_scan_is_recorded_too(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path / "scans.sqlite3")

    scan_id = journal.record("keyboard", "48200000001x", None)
    journal.set_result(scan_id, ScanResult.INVALID, "x is not a digit")

    (entry,) = journal.recent()
    assert entry.reading is None and entry.result is ScanResult.INVALID
    with pytest.raises(StoreError, match="no scan 999"):
        journal.set_result(999, ScanResult.FOUND)
    journal.close()


def test_recent_lists_newest_first_with_a_limit(tmp_path: Path) -> None:
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    for index in range(5):
        journal.record("keyboard", str(index), None)

    assert [e.raw_text for e in journal.recent(limit=3)] == ["4", "3", "2"]
    journal.close()


def test_scan_survives_a_kill_before_it_was_acted_on(tmp_path: Path) -> None:
    path = tmp_path / "scans.sqlite3"
    raw = ean13("482000000015")

    _kill_while_scanning(path, raw, "die")
    journal = ScanJournal(path)

    (entry,) = journal.unfinished()
    assert entry.raw_text == raw
    assert entry.source == "serial:/dev/ttyACM0"
    assert entry.reading is not None and entry.reading["bar_code"] == raw
    journal.close()


def test_result_survives_a_kill_right_after_it_was_set(tmp_path: Path) -> None:
    path = tmp_path / "scans.sqlite3"

    _kill_while_scanning(path, ean13("482000000015"), "finish")
    journal = ScanJournal(path)

    (entry,) = journal.recent()
    assert entry.result is ScanResult.FOUND and entry.id_goods == 7
    assert journal.unfinished() == []
    journal.close()
