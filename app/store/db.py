"""Opening the store's SQLite files: WAL, explicit transactions, one schema version.

Each store file (catalog, outbox, scan journal) is opened through `open_database`, which
applies the pragmas and runs the file's schema script once per schema version
(`PRAGMA user_version`). Connections run in autocommit mode; writes group their
statements with `transaction(conn)`, which takes the write lock up front (`BEGIN
IMMEDIATE`) so two writers never deadlock on a lock upgrade.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from app.store.errors import StoreError

logger = logging.getLogger(__name__)

Synchronous = Literal["OFF", "NORMAL", "FULL", "EXTRA"]

# How long a connection waits for another one's write lock before giving up.
BUSY_TIMEOUT_S = 10.0


def open_database(
    path: Path,
    schema: str,
    version: int,
    *,
    synchronous: Synchronous = "NORMAL",
    discard_older: bool = False,
) -> sqlite3.Connection:
    """A connection to `path` with WAL on and the schema of `version` in place.

    `synchronous="FULL"` makes every commit reach the disk before it returns: the
    outbox and the scan journal use it, so a power cut loses nothing committed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise StoreError(f"cannot open the store file {path}: {error}") from error
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.execute("PRAGMA foreign_keys=ON")
    _migrate(conn, path, schema, version, discard_older)
    return conn


def _migrate(
    conn: sqlite3.Connection, path: Path, schema: str, version: int, discard: bool
) -> None:
    with transaction(conn):
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if current == version:
            return
        if current > version:
            raise StoreError(
                f"{path} was written by a newer Komora (schema {current}, this one "
                f"knows {version}); update the app or move the file away"
            )
        if current:
            if not discard:
                raise StoreError(
                    f"{path} has schema {current} and this Komora needs {version}; "
                    "no upgrade is known: move the file away"
                )
            logger.warning("discarding %s (schema %d, now %d)", path, current, version)
            _drop_everything(conn)
        logger.info("creating store schema %d in %s (was %d)", version, path, current)
        for statement in _statements(schema):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={int(version)}")


def _drop_everything(conn: sqlite3.Connection) -> None:
    """Drop every table; virtual (FTS) tables first, which takes their own tables
    with them."""
    for query in (
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND sql LIKE 'CREATE VIRTUAL TABLE%'",
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%'",
    ):
        for (name,) in conn.execute(query).fetchall():
            conn.execute(f'DROP TABLE IF EXISTS "{name}"')


def _statements(script: str) -> list[str]:
    """Split a schema script on `;` at line ends (the scripts hold no triggers)."""
    parts = [part.strip() for part in script.split(";\n")]
    return [part for part in parts if part]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class ConnectionPerThread:
    """One connection per thread to one file, so readers never wait on a writer.

    SQLite connections must not be shared by threads running statements at the same
    time; WAL lets each thread's connection read while another writes.
    """

    def __init__(
        self,
        path: Path,
        schema: str,
        version: int,
        synchronous: Synchronous,
        *,
        discard_older: bool = False,
    ) -> None:
        self.path = path
        self._schema = schema
        self._version = version
        self._synchronous: Synchronous = synchronous
        self._discard_older = discard_older
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []
        self._closed = False
        self.get()  # create the schema now, on the creating thread

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise StoreError(f"the store {self.path} is closed")
        conn = open_database(
            self.path,
            self._schema,
            self._version,
            synchronous=self._synchronous,
            discard_older=self._discard_older,
        )
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    def close(self) -> None:
        """Close every thread's connection (call when no thread uses the store)."""
        with self._lock:
            self._closed = True
            connections, self._all = self._all, []
        for conn in connections:
            conn.close()
        self._local = threading.local()
