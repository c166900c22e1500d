"""The outbox: every write the app makes, on disk before it is sent.

`Outbox.add()` commits the write (SQLite, `synchronous=FULL`) and returns its id;
`OutboxSender.replay()` sends what waits, oldest first. An entry is

- `waiting`: not sent yet (or the server was out of reach);
- `sending`: marked, and committed, just before its request. Found in this state
  later, the request may or may not have reached the server: a create is looked up
  on the server (`writes.find_written`) before it is sent again, and an update (a
  PUT, the same every time) is simply sent again. So a killed process loses nothing
  and sends nothing twice;
- `refused`: the server said no (422, 409, 404); kept with the server's message and
  field errors for the user to fix (`edit`) or give up (`drop`). Before that, a refused
  create is read back (`writes.reconcile_refused`): if the server already has exactly
  what it asked for (sent before and the answer lost, e.g. a timeout while the server
  was frozen; or the same record on the same product), it is marked sent instead;
- `sent`, `dropped`: history, kept for a while and then pruned.

Order and refusals: while the server is out of reach the replay stops, so writes keep
their order. A refused write holds back the later writes of its chain only (the same
product, or the same group or price level being edited; see `OutboxWrite.chain`);
writes in other chains go on. A chain waits until its refused write is edited or
dropped: sending a product's barcode after the unit it names was refused would only
be refused in turn.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from app import paths
from app.api.errors import (
    ApiError,
    Conflict,
    NotFound,
    RequestTimedOut,
    ServerUnavailable,
    ValidationFailed,
)
from app.domain import jsonio
from app.store.catalog import Catalog
from app.store.db import ConnectionPerThread, transaction
from app.store.errors import OutboxEntryBusy, OutboxEntryNotFound, StoreError
from app.store.writes import (
    CREATES,
    WRITE_BODIES,
    OutboxWrite,
    WriteClient,
    WriteKind,
    apply_answer,
    existing_matches,
    find_written,
    reconcile_refused,
    send_write,
)

logger = logging.getLogger(__name__)

OUTBOX_FILE_NAME = "outbox.sqlite3"
OUTBOX_VERSION = 1
KEEP_HISTORY = timedelta(days=30)

OUTBOX_SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    chain TEXT NOT NULL,
    product_guid TEXT,
    id_goods INTEGER,
    target_guid TEXT,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    known_ids TEXT,
    error_message TEXT,
    field_errors TEXT,
    error_status INTEGER,
    answer TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX entries_by_state ON entries (state, id)
"""

OFFLINE_ERRORS = (ServerUnavailable, RequestTimedOut)
REFUSALS = (ValidationFailed, Conflict, NotFound)


class EntryState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    REFUSED = "refused"
    SENT = "sent"
    DROPPED = "dropped"


OPEN_STATES = (EntryState.WAITING, EntryState.SENDING, EntryState.REFUSED)


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    created_at: datetime
    write: OutboxWrite
    state: EntryState
    attempts: int
    error_message: str | None = None
    field_errors: dict[str, list[str]] = field(default_factory=dict)
    error_status: int | None = None

    @property
    def chain(self) -> str:
        return self.write.chain or f"entry:{self.id}"


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Outbox:
    """The outbox in its own SQLite file (by default in the user data folder).

    Thread-safe: each thread uses its own connection.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / OUTBOX_FILE_NAME
        self._connections = ConnectionPerThread(
            self.path, OUTBOX_SCHEMA, OUTBOX_VERSION, "FULL"
        )
        self._prune()

    def close(self) -> None:
        self._connections.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._connections.get()

    # --- adding and reading ------------------------------------------------------

    def add(self, write: OutboxWrite) -> int:
        """Write `write` to disk (committed) and return its entry id."""
        now = _now()
        with transaction(self._conn) as conn:
            cursor = conn.execute(
                "INSERT INTO entries (created_at, kind, chain, product_guid, id_goods,"
                " target_guid, body, state, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    write.kind.value,
                    write.chain,
                    write.product_guid,
                    write.id_goods,
                    write.target_guid,
                    _body_json(write.body),
                    EntryState.WAITING.value,
                    now,
                ),
            )
            entry_id = cursor.lastrowid
        if entry_id is None:
            raise StoreError("the outbox did not return the new entry's id")
        logger.info("outbox entry %d queued: %s", entry_id, write.describe())
        return entry_id

    def get(self, entry_id: int) -> OutboxEntry:
        row = self._conn.execute(
            "SELECT * FROM entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise OutboxEntryNotFound(f"the outbox has no entry {entry_id}")
        return _entry(row)

    def entries(
        self, states: tuple[EntryState, ...] = OPEN_STATES
    ) -> list[OutboxEntry]:
        """Entries in the given states, oldest first (by default: not yet done)."""
        marks = ",".join("?" * len(states))
        rows = self._conn.execute(
            f"SELECT * FROM entries WHERE state IN ({marks}) ORDER BY id",
            [s.value for s in states],
        ).fetchall()
        return [_entry(row) for row in rows]

    def count(self) -> int:
        """Writes waiting to be sent (for the status bar)."""
        return self._count((EntryState.WAITING, EntryState.SENDING))

    def refused_count(self) -> int:
        return self._count((EntryState.REFUSED,))

    def _count(self, states: tuple[EntryState, ...]) -> int:
        marks = ",".join("?" * len(states))
        row = self._conn.execute(
            f"SELECT count(*) FROM entries WHERE state IN ({marks})",
            [s.value for s in states],
        ).fetchone()
        return int(row[0])

    # --- the user's decisions on refused writes ----------------------------------

    def edit(self, entry_id: int, body: BaseModel) -> None:
        """Replace a waiting or refused entry's body; it waits to be sent again in
        its old place in the order."""
        entry = self.get(entry_id)
        expected = WRITE_BODIES[entry.write.kind]
        if not isinstance(body, expected):
            raise TypeError(
                f"entry {entry_id} takes a {expected.__name__}, "
                f"not {type(body).__name__}"
            )
        self._change_open(
            entry_id,
            "body = ?, state = ?, error_message = NULL, field_errors = NULL,"
            " error_status = NULL, known_ids = NULL",
            (_body_json(body), EntryState.WAITING.value),
        )
        logger.info("outbox entry %d edited", entry_id)

    def retry(self, entry_id: int) -> None:
        """Send a refused entry again as it is (the cause was fixed elsewhere)."""
        self._change_open(
            entry_id,
            "state = ?, error_message = NULL, field_errors = NULL, error_status = NULL",
            (EntryState.WAITING.value,),
        )

    def drop(self, entry_id: int) -> None:
        """Give up a waiting or refused entry; it is never sent."""
        self._change_open(entry_id, "state = ?", (EntryState.DROPPED.value,))
        logger.info("outbox entry %d dropped", entry_id)

    def _change_open(
        self, entry_id: int, assignments: str, values: tuple[Any, ...]
    ) -> None:
        with transaction(self._conn) as conn:
            row = conn.execute(
                "SELECT state FROM entries WHERE id = ?", (entry_id,)
            ).fetchone()
            if row is None:
                raise OutboxEntryNotFound(f"the outbox has no entry {entry_id}")
            state = EntryState(row[0])
            if state is EntryState.SENDING:
                raise OutboxEntryBusy(
                    f"entry {entry_id} is being sent; wait for the server's answer"
                )
            if state not in (EntryState.WAITING, EntryState.REFUSED):
                raise OutboxEntryNotFound(f"entry {entry_id} is already {state.value}")
            conn.execute(
                f"UPDATE entries SET {assignments}, updated_at = ? WHERE id = ?",
                (*values, _now(), entry_id),
            )

    # --- state changes made by the sender ----------------------------------------

    def mark_sending(self, entry_id: int, known_ids: list[int] | None) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "UPDATE entries SET state = ?, attempts = attempts + 1,"
                " known_ids = coalesce(known_ids, ?), updated_at = ? WHERE id = ?",
                (
                    EntryState.SENDING.value,
                    jsonio.dumps(known_ids) if known_ids is not None else None,
                    _now(),
                    entry_id,
                ),
            )

    def known_ids(self, entry_id: int) -> list[int] | None:
        row = self._conn.execute(
            "SELECT known_ids FROM entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return [int(i) for i in jsonio.loads(row[0])]

    def mark_sent(self, entry_id: int, answer: BaseModel | None) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "UPDATE entries SET state = ?, answer = ?, error_message = NULL,"
                " updated_at = ? WHERE id = ?",
                (
                    EntryState.SENT.value,
                    _body_json(answer) if answer is not None else None,
                    _now(),
                    entry_id,
                ),
            )

    def mark_refused(self, entry_id: int, error: ApiError) -> None:
        field_errors = getattr(error, "field_errors", None) or {}
        with transaction(self._conn) as conn:
            conn.execute(
                "UPDATE entries SET state = ?, error_message = ?, field_errors = ?,"
                " error_status = ?, updated_at = ? WHERE id = ?",
                (
                    EntryState.REFUSED.value,
                    error.server_message or error.message,
                    jsonio.dumps(field_errors),
                    error.status,
                    _now(),
                    entry_id,
                ),
            )

    def _prune(self) -> None:
        cutoff = (datetime.now(UTC) - KEEP_HISTORY).isoformat()
        with transaction(self._conn) as conn:
            conn.execute(
                "DELETE FROM entries WHERE state IN (?, ?) AND updated_at < ?",
                (EntryState.SENT.value, EntryState.DROPPED.value, cutoff),
            )


def _body_json(body: BaseModel) -> str:
    return jsonio.dumps(body.model_dump(mode="python"))


def _entry(row: sqlite3.Row) -> OutboxEntry:
    kind = WriteKind(row["kind"])
    body = WRITE_BODIES[kind].model_validate(jsonio.loads(row["body"]))
    write = OutboxWrite(
        kind=kind,
        body=body,
        product_guid=row["product_guid"],
        id_goods=row["id_goods"],
        target_guid=row["target_guid"],
    )
    return OutboxEntry(
        id=int(row["id"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        write=write,
        state=EntryState(row["state"]),
        attempts=int(row["attempts"]),
        error_message=row["error_message"],
        field_errors=jsonio.loads(row["field_errors"]) if row["field_errors"] else {},
        error_status=row["error_status"],
    )


# --- sending --------------------------------------------------------------------------


@dataclass(frozen=True)
class SentWrite:
    entry_id: int
    write: OutboxWrite
    answer: BaseModel | None
    verified: bool  # found on the server by reading back, not sent again


@dataclass(frozen=True)
class RefusedWrite:
    entry_id: int
    write: OutboxWrite
    error: ApiError


@dataclass(frozen=True)
class ReplayReport:
    sent: list[SentWrite] = field(default_factory=list)
    refused: list[RefusedWrite] = field(default_factory=list)
    held: int = 0  # waiting behind a refused write of their chain
    offline: bool = False  # stopped: the server is out of reach
    stopped_by: ApiError | None = None  # what stopped the replay, if anything
    seconds: float = 0.0

    def state_of(self, entry_id: int) -> EntryState:
        """What this replay did with an entry: SENT, REFUSED, or WAITING (it was not
        sent: the server is out of reach, its chain is held back, or the replay
        stopped before it)."""
        if any(s.entry_id == entry_id for s in self.sent):
            return EntryState.SENT
        if any(r.entry_id == entry_id for r in self.refused):
            return EntryState.REFUSED
        return EntryState.WAITING


EntryHook = Callable[[OutboxEntry], None]


class OutboxSender:
    """Replays the outbox against the server, one replay at a time.

    `before_send(entry)` runs after the entry is marked sending and before its
    request; `after_send(entry)` after the request was sent and its status line came
    back, before the answer is read. The crash tests end the process in them.
    """

    def __init__(
        self,
        outbox: Outbox,
        client: WriteClient,
        catalog: Catalog,
        *,
        before_send: EntryHook | None = None,
        after_send: EntryHook | None = None,
    ) -> None:
        self._outbox = outbox
        self._client = client
        self._catalog = catalog
        self._before_send = before_send
        self._after_send = after_send
        self._lock = threading.Lock()

    def replay(self) -> ReplayReport:
        """Send every entry that may go, oldest first. Never raises for a refusal
        or for an unreachable server: the report says what happened."""
        started = time.monotonic()
        sent: list[SentWrite] = []
        refused: list[RefusedWrite] = []
        held_chains: set[str] = set()
        held = 0
        with self._lock:
            for entry in self._outbox.entries():
                if entry.state is EntryState.REFUSED or entry.chain in held_chains:
                    held_chains.add(entry.chain)
                    held += entry.state is not EntryState.REFUSED
                    continue
                try:
                    done = self._send(entry)
                except OFFLINE_ERRORS as error:
                    logger.info("server out of reach; outbox replay stops: %s", error)
                    return self._report(sent, refused, held, started, True, error)
                except REFUSALS as error:
                    try:
                        done_already = self._reconcile(entry, error)
                    except OFFLINE_ERRORS as offline:
                        logger.info(
                            "server out of reach; outbox replay stops: %s", offline
                        )
                        return self._report(sent, refused, held, started, True, offline)
                    if done_already is not None:
                        sent.append(done_already)
                        continue
                    logger.warning(
                        "server refused outbox entry %d (%s): %s",
                        entry.id,
                        entry.write.describe(),
                        error,
                    )
                    self._outbox.mark_refused(entry.id, error)
                    refused.append(RefusedWrite(entry.id, entry.write, error))
                    held_chains.add(entry.chain)
                    continue
                except ApiError as error:
                    # Not authorised, or an answer that did not parse: the entry stays
                    # as it is (a sending one is read back next time) and the user
                    # fixes the cause (the token, the server).
                    logger.warning(
                        "outbox replay stops at entry %d: %s", entry.id, error
                    )
                    return self._report(sent, refused, held, started, False, error)
                sent.append(done)
        return self._report(sent, refused, held, started, False, None)

    def _report(
        self,
        sent: list[SentWrite],
        refused: list[RefusedWrite],
        held: int,
        started: float,
        offline: bool,
        error: ApiError | None,
    ) -> ReplayReport:
        report = ReplayReport(
            sent, refused, held, offline, error, time.monotonic() - started
        )
        if sent or refused or error:
            logger.info(
                "outbox replay: %d sent, %d refused, %d held back%s",
                len(sent),
                len(refused),
                held,
                ", server out of reach" if offline else "",
            )
        return report

    def _reconcile(self, entry: OutboxEntry, error: ApiError) -> SentWrite | None:
        """A refused create may have been done already: by an earlier send whose
        answer was lost, or by someone else exactly as asked. If the server has
        exactly what the write asked for, it is done (marked sent); else None and
        the refusal stands. A read that fails otherwise than offline leaves it
        refused."""
        write = entry.write
        if write.kind not in CREATES:
            return None
        try:
            found = reconcile_refused(
                self._client,
                write,
                self._outbox.known_ids(entry.id) or [],
                attempted=entry.attempts > 0,
            )
        except OFFLINE_ERRORS:
            raise
        except ApiError as read_error:
            logger.warning(
                "could not read back refused outbox entry %d: %s", entry.id, read_error
            )
            return None
        if found is None:
            return None
        logger.info(
            "outbox entry %d refused (%s) but the server already has it as asked;"
            " taken as sent",
            entry.id,
            error,
        )
        apply_answer(self._catalog, write, found)
        self._outbox.mark_sent(entry.id, found)
        return SentWrite(entry.id, write, found, verified=True)

    def _send(self, entry: OutboxEntry) -> SentWrite:
        write = entry.write
        if entry.state is EntryState.SENDING and write.kind in CREATES:
            # The last try may have reached the server: look before sending again.
            known = self._outbox.known_ids(entry.id) or []
            found = find_written(self._client, write, known)
            if found is not None:
                logger.info(
                    "outbox entry %d was already on the server; not sent again",
                    entry.id,
                )
                apply_answer(self._catalog, write, found)
                self._outbox.mark_sent(entry.id, found)
                return SentWrite(entry.id, write, found, verified=True)

        known_ids = None
        if write.kind in (WriteKind.CREATE_GROUP, WriteKind.CREATE_PRICE_LEVEL):
            known_ids = existing_matches(self._client, write)
        self._outbox.mark_sending(entry.id, known_ids)
        if self._before_send is not None:
            self._before_send(entry)

        after = self._after_send
        hook = getattr(self._client, "after_send_hook", None)
        if after is not None and hook is not None:
            with hook(lambda: after(entry)):
                answer = send_write(self._client, write)
        else:
            answer = send_write(self._client, write)

        apply_answer(self._catalog, write, answer)
        self._outbox.mark_sent(entry.id, answer)
        logger.info("outbox entry %d sent: %s", entry.id, write.describe())
        return SentWrite(entry.id, write, answer, verified=False)
