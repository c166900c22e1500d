"""The scan journal: every scan, written to disk before the app acts on it.

`record()` commits the scan (time, source, raw text, the reading) with
`synchronous=FULL` and returns its id; the caller acts on the scan and then calls
`set_result()`. A scan whose result is still `pending` after a restart was received
but never finished: the process died while acting on it.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from app import paths
from app.domain import jsonio
from app.domain.barcode import Reading
from app.store.db import ConnectionPerThread, transaction
from app.store.errors import StoreError

logger = logging.getLogger(__name__)

JOURNAL_FILE_NAME = "scans.sqlite3"
JOURNAL_VERSION = 1
JOURNAL_SCHEMA = """
CREATE TABLE scans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scanned_at TEXT NOT NULL,
    source TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    reading TEXT,
    result TEXT NOT NULL,
    detail TEXT,
    id_goods INTEGER,
    finished_at TEXT
);
CREATE INDEX scans_by_result ON scans (result, id)
"""


class ScanResult(StrEnum):
    PENDING = "pending"  # recorded, not yet acted on (or the process died meanwhile)
    FOUND = "found"
    NOT_FOUND = "not-found"
    INVALID = "invalid"  # the text is not a barcode the rules accept
    FAILED = "failed"  # acting on it failed (the detail says why)


@dataclass(frozen=True)
class ScanEntry:
    id: int
    scanned_at: datetime
    source: str  # e.g. "keyboard", "serial:/dev/ttyACM0", "camera", "manual"
    raw_text: str
    reading: dict[str, Any] | None  # the reading as recorded (JSON object)
    result: ScanResult
    detail: str | None
    id_goods: int | None
    finished_at: datetime | None


def reading_to_json(reading: Reading) -> str:
    """A reading as JSON: its fields, decimals exact, the alternative nested."""
    return jsonio.dumps(dataclasses.asdict(reading))


def _now() -> str:
    return datetime.now(UTC).isoformat()


class ScanJournal:
    """The journal in its own SQLite file (by default in the user data folder)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / JOURNAL_FILE_NAME
        self._connections = ConnectionPerThread(
            self.path, JOURNAL_SCHEMA, JOURNAL_VERSION, "FULL"
        )

    def close(self) -> None:
        self._connections.close()

    def record(self, source: str, raw_text: str, reading: Reading | None) -> int:
        """Write a scan durably (committed to disk) and return its id.

        `reading` is None when the text could not be read; record it anyway, then
        `set_result(..., ScanResult.INVALID, message)`.
        """
        with transaction(self._connections.get()) as conn:
            cursor = conn.execute(
                "INSERT INTO scans (scanned_at, source, raw_text, reading, result)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    _now(),
                    source,
                    raw_text,
                    reading_to_json(reading) if reading is not None else None,
                    ScanResult.PENDING.value,
                ),
            )
            scan_id = cursor.lastrowid
        if scan_id is None:
            raise StoreError("the scan journal did not return the new scan's id")
        logger.debug("scan %d recorded from %s", scan_id, source)
        return scan_id

    def set_result(
        self,
        scan_id: int,
        result: ScanResult,
        detail: str | None = None,
        id_goods: int | None = None,
    ) -> None:
        with transaction(self._connections.get()) as conn:
            cursor = conn.execute(
                "UPDATE scans SET result = ?, detail = ?, id_goods = ?,"
                " finished_at = ? WHERE id = ?",
                (result.value, detail, id_goods, _now(), scan_id),
            )
            if cursor.rowcount != 1:
                raise StoreError(f"the scan journal has no scan {scan_id}")

    def recent(self, limit: int = 100) -> list[ScanEntry]:
        """The latest scans, newest first."""
        rows = (
            self._connections.get()
            .execute("SELECT * FROM scans ORDER BY id DESC LIMIT ?", (limit,))
            .fetchall()
        )
        return [self._entry(row) for row in rows]

    def unfinished(self) -> list[ScanEntry]:
        """Scans recorded but never given a result, oldest first."""
        rows = (
            self._connections.get()
            .execute(
                "SELECT * FROM scans WHERE result = ? ORDER BY id",
                (ScanResult.PENDING.value,),
            )
            .fetchall()
        )
        return [self._entry(row) for row in rows]

    @staticmethod
    def _entry(row: sqlite3.Row) -> ScanEntry:
        return ScanEntry(
            id=int(row["id"]),
            scanned_at=datetime.fromisoformat(row["scanned_at"]),
            source=row["source"],
            raw_text=row["raw_text"],
            reading=jsonio.loads(row["reading"]) if row["reading"] else None,
            result=ScanResult(row["result"]),
            detail=row["detail"],
            id_goods=row["id_goods"],
            finished_at=(
                datetime.fromisoformat(row["finished_at"])
                if row["finished_at"]
                else None
            ),
        )
