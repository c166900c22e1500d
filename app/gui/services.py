"""The catalog views' services: the client, the local catalog, the outbox, the runner.

`CatalogController` is what the catalog panel talks to. It syncs the local catalog
from the server, and sends every edit as a `CatalogWrite` through the outbox: the
write is queued first, then the queue is sent in order. While the server cannot be
reached the writes wait, the connection state says how many, and a timer tries again;
once the server answers, the queue is sent and the views are told what changed.

Every request runs on the `TaskRunner`'s workers; the controller's signals and the
callbacks it is given arrive on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from app.api.client import CatalogClient
from app.api.errors import ApiError, RequestTimedOut, ServerUnavailable
from app.domain.models import (
    Barcode,
    BarcodeWrite,
    Group,
    GroupWrite,
    Price,
    PriceLevel,
    PriceLevelWrite,
    PriceWrite,
    ProductUnit,
    ProductUnitWrite,
    Series,
    SeriesWrite,
)
from app.gui.tasks import TaskFailure, TaskRunner
from app.store.catalog import Catalog
from app.store.sync import CatalogSync, SyncReport

logger = logging.getLogger(__name__)

RETRY_INTERVAL_MS = 5000
OFFLINE_ERRORS = (ServerUnavailable, RequestTimedOut)


# --- writes ---------------------------------------------------------------------------


class WriteKind(StrEnum):
    CREATE_GROUP = "create_group"
    UPDATE_GROUP = "update_group"
    CREATE_PRICE_LEVEL = "create_price_level"
    UPDATE_PRICE_LEVEL = "update_price_level"
    CREATE_UNIT = "create_unit"
    UPDATE_UNIT = "update_unit"
    CREATE_SERIES = "create_series"
    CREATE_PRICE = "create_price"
    CREATE_BARCODE = "create_barcode"
    UPDATE_BARCODE = "update_barcode"


@dataclass(frozen=True)
class CatalogWrite:
    """One change to send: its kind, its body, and the guids of its path.

    `product_guid`/`id_goods` name the product for a unit, series, price or barcode;
    `target_guid` the entity an update changes.
    """

    kind: WriteKind
    body: BaseModel
    product_guid: str | None = None
    id_goods: int | None = None
    target_guid: str | None = None

    def describe(self) -> str:
        """For the log: kind and ids, never the body."""
        parts = [self.kind.value]
        if self.id_goods is not None:
            parts.append(f"product {self.id_goods}")
        if self.target_guid:
            parts.append(self.target_guid)
        return " ".join(parts)


def send_write(client: CatalogClient, write: CatalogWrite) -> BaseModel:
    """Send one write; the server's answer. Raises the client's `ApiError`s."""
    body: Any = write.body
    product = write.product_guid or ""
    target = write.target_guid or ""
    if write.kind == WriteKind.CREATE_GROUP:
        return client.create_group(body)
    if write.kind == WriteKind.UPDATE_GROUP:
        return client.update_group(target, body)
    if write.kind == WriteKind.CREATE_PRICE_LEVEL:
        return client.create_price_level(body)
    if write.kind == WriteKind.UPDATE_PRICE_LEVEL:
        return client.update_price_level(target, body)
    if write.kind == WriteKind.CREATE_UNIT:
        return client.create_unit(product, body)
    if write.kind == WriteKind.UPDATE_UNIT:
        return client.update_unit(product, target, body)
    if write.kind == WriteKind.CREATE_SERIES:
        return client.create_series(product, body)
    if write.kind == WriteKind.CREATE_PRICE:
        return client.create_price(product, body)
    if write.kind == WriteKind.CREATE_BARCODE:
        return client.create_barcode(product, body)
    if write.kind == WriteKind.UPDATE_BARCODE:
        return client.update_barcode(product, target, body)
    raise ValueError(f"unknown write kind {write.kind!r}")


def apply_answer(catalog: Catalog, write: CatalogWrite, answer: BaseModel) -> None:
    """Store the server's answer to a write in the local catalog."""
    id_goods = write.id_goods
    if isinstance(answer, Group):
        catalog.upsert_group(answer)
    elif isinstance(answer, PriceLevel):
        catalog.upsert_price_level(answer)
    elif isinstance(answer, ProductUnit) and id_goods is not None:
        catalog.upsert_unit(id_goods, answer)
    elif isinstance(answer, Series) and id_goods is not None:
        catalog.upsert_series(id_goods, answer)
    elif isinstance(answer, Price):
        catalog.upsert_price(answer)
    elif isinstance(answer, Barcode) and id_goods is not None:
        catalog.upsert_barcode(id_goods, answer)
    else:
        logger.warning("no local copy kept of the answer to %s", write.describe())


# Write bodies by kind, for whoever stores writes as JSON.
WRITE_BODIES: dict[WriteKind, type[BaseModel]] = {
    WriteKind.CREATE_GROUP: GroupWrite,
    WriteKind.UPDATE_GROUP: GroupWrite,
    WriteKind.CREATE_PRICE_LEVEL: PriceLevelWrite,
    WriteKind.UPDATE_PRICE_LEVEL: PriceLevelWrite,
    WriteKind.CREATE_UNIT: ProductUnitWrite,
    WriteKind.UPDATE_UNIT: ProductUnitWrite,
    WriteKind.CREATE_SERIES: SeriesWrite,
    WriteKind.CREATE_PRICE: PriceWrite,
    WriteKind.CREATE_BARCODE: BarcodeWrite,
    WriteKind.UPDATE_BARCODE: BarcodeWrite,
}


# --- the queue --------------------------------------------------------------------


@dataclass
class QueuedWrite:
    entry_id: int
    write: CatalogWrite
    refused: str | None = None  # the server's message when it refused it


class WriteQueue(Protocol):
    """What the controller needs of an outbox (thread-safe)."""

    def add(self, write: CatalogWrite) -> int: ...
    def pending(self) -> list[QueuedWrite]: ...
    def remove(self, entry_id: int) -> None: ...
    def mark_refused(self, entry_id: int, message: str) -> None: ...
    def count(self) -> int: ...
    def refused_count(self) -> int: ...


class MemoryOutbox:
    """The writes waiting for the server, in order, kept in memory.

    FIXME(outbox): the store's durable outbox (issue 5) has not landed; until it
    does, writes queued while offline are lost if the app is killed. Swap this for
    the store's outbox behind the `WriteQueue` protocol.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._entries: list[QueuedWrite] = []

    def add(self, write: CatalogWrite) -> int:
        with self._lock:
            entry = QueuedWrite(next(self._ids), write)
            self._entries.append(entry)
            return entry.entry_id

    def pending(self) -> list[QueuedWrite]:
        with self._lock:
            return [e for e in self._entries if e.refused is None]

    def remove(self, entry_id: int) -> None:
        with self._lock:
            self._entries = [e for e in self._entries if e.entry_id != entry_id]

    def mark_refused(self, entry_id: int, message: str) -> None:
        with self._lock:
            for entry in self._entries:
                if entry.entry_id == entry_id:
                    entry.refused = message

    def count(self) -> int:
        with self._lock:
            return sum(1 for e in self._entries if e.refused is None)

    def refused_count(self) -> int:
        with self._lock:
            return sum(1 for e in self._entries if e.refused is not None)


# --- outcomes and state -------------------------------------------------------------


class WriteStatus(StrEnum):
    SENT = "sent"
    QUEUED = "queued"  # the server is out of reach; sent when it is back
    REFUSED = "refused"  # the server said no; `error` says why


@dataclass(frozen=True)
class WriteOutcome:
    status: WriteStatus
    write: CatalogWrite
    answer: BaseModel | None = None
    error: ApiError | None = None

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return dict(getattr(self.error, "field_errors", None) or {})


@dataclass(frozen=True)
class ConnectionState:
    """What the status bar shows about the server."""

    online: bool | None  # None until the first request has answered
    queued: int
    refused: int
    is_sandbox: bool


@dataclass(frozen=True)
class DrainReport:
    """What one pass over the queue did (worker → GUI thread)."""

    sent: list[CatalogWrite] = field(default_factory=list)
    offline: bool = False
    own: WriteOutcome | None = None


@dataclass(frozen=True)
class CatalogChange:
    """What a write or a sync changed, so the views reload only that."""

    groups: bool = False
    price_levels: bool = False
    products: frozenset[int] = frozenset()
    everything: bool = False


def change_of(writes: list[CatalogWrite]) -> CatalogChange:
    groups = any(
        w.kind in (WriteKind.CREATE_GROUP, WriteKind.UPDATE_GROUP) for w in writes
    )
    levels = any(
        w.kind in (WriteKind.CREATE_PRICE_LEVEL, WriteKind.UPDATE_PRICE_LEVEL)
        for w in writes
    )
    products = frozenset(w.id_goods for w in writes if w.id_goods is not None)
    return CatalogChange(groups=groups, price_levels=levels, products=products)


# --- the controller -----------------------------------------------------------------


class CatalogController(QObject):
    """Owns the client, the local catalog, the outbox and the task runner.

    Signals:
        sync_started(): a sync pass began.
        sync_progress(SyncProgress): progress of the running pass.
        sync_finished(SyncReport): the pass completed.
        sync_failed(TaskFailure): the pass failed (the message is for the user).
        catalog_changed(CatalogChange): the local catalog changed.
        connection_changed(ConnectionState): online/offline or the queue changed.
    """

    sync_started = Signal()
    sync_progress = Signal(object)
    sync_finished = Signal(object)
    sync_failed = Signal(object)
    catalog_changed = Signal(object)
    connection_changed = Signal(object)

    def __init__(
        self,
        client: CatalogClient,
        catalog: Catalog,
        runner: TaskRunner,
        *,
        outbox: WriteQueue | None = None,
        sync: CatalogSync | None = None,
        is_sandbox: bool = False,
        retry_interval_ms: int = RETRY_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.catalog = catalog
        self.runner = runner
        self.outbox: WriteQueue = outbox if outbox is not None else MemoryOutbox()
        self.sync_engine = sync or CatalogSync(catalog, client)
        self.is_sandbox = is_sandbox
        self._online: bool | None = None
        self._syncing = False
        self._send_lock = threading.Lock()
        self._retry = QTimer(self)
        self._retry.setInterval(retry_interval_ms)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._retrying = False
        self._cancel_sync = threading.Event()

    # --- state ----------------------------------------------------------------------

    @property
    def online(self) -> bool | None:
        return self._online

    @property
    def syncing(self) -> bool:
        return self._syncing

    def state(self) -> ConnectionState:
        return ConnectionState(
            self._online,
            self.outbox.count(),
            self.outbox.refused_count(),
            self.is_sandbox,
        )

    def _set_online(self, online: bool) -> None:
        changed = online != self._online
        self._online = online
        if online:
            self._retry.stop()
        elif not self._retry.isActive():
            self._retry.start()
        if changed:
            logger.info("server %s", "reachable" if online else "out of reach")
        self.connection_changed.emit(self.state())

    def set_retry_interval(self, msecs: int) -> None:
        self._retry.setInterval(msecs)

    def stop(self) -> None:
        """Stop retrying and cancel a running sync (the window is closing)."""
        self._retry.stop()
        self._cancel_sync.set()

    # --- sync -----------------------------------------------------------------------

    def sync(self, *, full: bool = False) -> bool:
        """Start a sync pass; False when one is already running."""
        if self._syncing:
            return False
        self._syncing = True
        self.sync_started.emit()
        logger.info("sync requested (%s)", "full" if full else "incremental")
        self.runner.run(
            self._sync_job,
            full,
            on_done=self._on_sync_done,
            on_error=self._on_sync_failed,
            name="sync the catalog",
        )
        return True

    def _sync_job(self, full: bool) -> SyncReport:
        # Send what waits first, so the pass reads the server with our edits in it.
        self._drain(None)
        return self.sync_engine.run(
            full=full, progress=self.sync_progress.emit, cancel=self._cancel_sync
        )

    def _on_sync_done(self, report: SyncReport) -> None:
        self._syncing = False
        self._set_online(True)
        self.sync_finished.emit(report)
        self.catalog_changed.emit(CatalogChange(everything=True))

    def _on_sync_failed(self, failure: TaskFailure) -> None:
        self._syncing = False
        if isinstance(failure.error, OFFLINE_ERRORS):
            self._set_online(False)
        self.sync_failed.emit(failure)

    # --- writes ---------------------------------------------------------------------

    def submit(
        self,
        write: CatalogWrite,
        on_outcome: Callable[[WriteOutcome], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
    ) -> None:
        """Queue `write` and send the queue; `on_outcome` says what became of it."""
        logger.info("write requested: %s", write.describe())

        def job() -> DrainReport:
            entry_id = self.outbox.add(write)
            return self._drain(entry_id)

        def done(report: DrainReport) -> None:
            self._on_drained(report)
            outcome = report.own or WriteOutcome(WriteStatus.QUEUED, write)
            if on_outcome is not None:
                on_outcome(outcome)

        self.runner.run(job, on_done=done, on_error=on_error, name=write.describe())

    def send_queued(self) -> None:
        """Try to send what waits in the queue (also run by the retry timer)."""
        if self._retrying:
            return
        self._retrying = True

        def job() -> DrainReport:
            if self.outbox.count() == 0:
                # Nothing to send: a cheap request tells whether the server is back.
                self.client.list_price_levels()
                return DrainReport()
            return self._drain(None)

        def done(report: DrainReport) -> None:
            self._retrying = False
            self._on_drained(report)

        def failed(failure: TaskFailure) -> None:
            self._retrying = False
            if isinstance(failure.error, OFFLINE_ERRORS):
                self._set_online(False)
            else:
                logger.warning("sending the queue failed: %s", failure.message)

        self.runner.run(job, on_done=done, on_error=failed, name="send queued writes")

    def _drain(self, own_id: int | None) -> DrainReport:
        """Send queued writes in order (worker thread). Stops at the first write the
        server could not be reached for; a refused write is kept with the server's
        message, except the caller's own (`own_id`), which goes back to the caller
        to be fixed."""
        sent: list[CatalogWrite] = []
        own: WriteOutcome | None = None
        with self._send_lock:
            for entry in self.outbox.pending():
                try:
                    answer = send_write(self.client, entry.write)
                except OFFLINE_ERRORS as error:
                    logger.info("server out of reach; %s stays queued", error.path)
                    if entry.entry_id == own_id:
                        own = WriteOutcome(WriteStatus.QUEUED, entry.write)
                    return DrainReport(sent, offline=True, own=own)
                except ApiError as error:
                    logger.warning(
                        "server refused %s: %s", entry.write.describe(), error
                    )
                    if entry.entry_id == own_id:
                        self.outbox.remove(entry.entry_id)
                        own = WriteOutcome(
                            WriteStatus.REFUSED, entry.write, error=error
                        )
                    else:
                        self.outbox.mark_refused(
                            entry.entry_id, error.server_message or error.message
                        )
                    continue
                apply_answer(self.catalog, entry.write, answer)
                self.outbox.remove(entry.entry_id)
                sent.append(entry.write)
                if entry.entry_id == own_id:
                    own = WriteOutcome(WriteStatus.SENT, entry.write, answer=answer)
        return DrainReport(sent, offline=False, own=own)

    def _on_drained(self, report: DrainReport) -> None:
        if report.sent:
            logger.info("%d queued write(s) sent", len(report.sent))
            self.catalog_changed.emit(change_of(report.sent))
        self._set_online(not report.offline)

    @Slot()
    def _on_retry_timeout(self) -> None:
        self.send_queued()


def connection_text(state: ConnectionState) -> str:
    """The status bar's server text: "sandbox, offline, 2 writes queued"."""
    parts: list[str] = []
    if state.is_sandbox:
        parts.append(QCoreApplication.translate("CatalogController", "sandbox"))
    if state.online is None:
        parts.append(QCoreApplication.translate("CatalogController", "connecting…"))
    elif state.online:
        parts.append(QCoreApplication.translate("CatalogController", "connected"))
    else:
        parts.append(QCoreApplication.translate("CatalogController", "offline"))
    if state.queued:
        parts.append(
            QCoreApplication.translate(
                "CatalogController", "%n write(s) queued", "", state.queued
            )
        )
    if state.refused:
        parts.append(
            QCoreApplication.translate(
                "CatalogController", "%n write(s) refused", "", state.refused
            )
        )
    return ", ".join(parts)
