"""The catalog views' services: the client, the local catalog, the outbox, the runner.

`CatalogController` is what the catalog panel talks to. It syncs the local catalog
from the server, and sends every edit as an `OutboxWrite` through the store's
outbox: the write is on disk first, then the outbox is sent in order. While the
server cannot be reached the writes wait, the connection state says how many, and a
timer tries again; once the server answers, the outbox is sent and the views are
told what changed.

Every request runs on the `TaskRunner`'s workers; the controller's signals and the
callbacks it is given arrive on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from app.api.client import CatalogClient
from app.api.errors import ApiError, RequestTimedOut, ServerUnavailable
from app.gui.tasks import TaskFailure, TaskRunner, describe_error
from app.store.catalog import Catalog
from app.store.errors import SyncCancelled
from app.store.outbox import Outbox, OutboxSender, ReplayReport
from app.store.sync import CatalogSync, SyncReport
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

RETRY_INTERVAL_MS = 5000
OFFLINE_ERRORS = (ServerUnavailable, RequestTimedOut)


# --- outcomes and state -------------------------------------------------------------


class WriteStatus(StrEnum):
    SENT = "sent"
    QUEUED = "queued"  # waits in the outbox: the server is out of reach, or an
    # earlier write of the same product was refused and holds it back
    REFUSED = "refused"  # the server said no; `error` says why
    WAITING = "waiting"  # on disk and being sent; its editor stopped waiting for
    # the server's answer (no answer within its short wait)


@dataclass(frozen=True)
class WriteOutcome:
    status: WriteStatus
    write: OutboxWrite
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
class CatalogChange:
    """What a write or a sync changed, so the views reload only that."""

    groups: bool = False
    price_levels: bool = False
    products: frozenset[int] = frozenset()
    everything: bool = False


GROUP_KINDS = frozenset({WriteKind.CREATE_GROUP, WriteKind.UPDATE_GROUP})
LEVEL_KINDS = frozenset({WriteKind.CREATE_PRICE_LEVEL, WriteKind.UPDATE_PRICE_LEVEL})


def change_of(writes: list[OutboxWrite]) -> CatalogChange:
    return CatalogChange(
        groups=any(w.kind in GROUP_KINDS for w in writes),
        price_levels=any(w.kind in LEVEL_KINDS for w in writes),
        products=frozenset(w.id_goods for w in writes if w.id_goods is not None),
    )


def outcome_of(entry_id: int, write: OutboxWrite, report: ReplayReport) -> WriteOutcome:
    """What became of entry `entry_id` in a replay."""
    for sent in report.sent:
        if sent.entry_id == entry_id:
            return WriteOutcome(WriteStatus.SENT, write, answer=sent.answer)
    for refused in report.refused:
        if refused.entry_id == entry_id:
            return WriteOutcome(WriteStatus.REFUSED, write, error=refused.error)
    return WriteOutcome(WriteStatus.QUEUED, write, error=report.stopped_by)


class Submission:
    """One submitted write, between the editor that made it and the worker sending it.

    The editor may stop waiting (`detach`) once the write is on disk: it closes and
    the write goes on in the outbox. The worker `settle`s the outcome; a write the
    server refuses is dropped only while its editor still waits (to fix it there),
    else it stays refused in the outbox, shown under Unsent changes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._detached = False
        self._settled = False

    @property
    def detached(self) -> bool:
        with self._lock:
            return self._detached

    def detach(self) -> bool:
        """Stop waiting; False if the outcome is already decided (it arrives soon:
        wait for it instead)."""
        with self._lock:
            if self._settled:
                return False
            self._detached = True
            return True

    def settle(self) -> bool:
        """The worker decided the outcome; True if the editor still waits."""
        with self._lock:
            self._settled = True
            return not self._detached


# --- the controller -----------------------------------------------------------------


class CatalogController(QObject):
    """Owns the client, the local catalog, the outbox and the task runner.

    Signals:
        sync_started(): a sync pass began.
        sync_progress(SyncProgress): progress of the running pass.
        sync_finished(SyncReport): the pass completed.
        sync_failed(TaskFailure): the pass failed (the message is for the user).
        catalog_changed(CatalogChange): the local catalog changed.
        connection_changed(ConnectionState): online/offline or the outbox changed.
        problem(str): sending the outbox stopped for a reason the user must fix
            (a refused token, an answer that did not parse); one sentence.
        unreachable(): a request (any, on any thread) just found the server out of
            reach; the state is already offline.
    """

    sync_started = Signal()
    sync_progress = Signal(object)
    sync_finished = Signal(object)
    sync_failed = Signal(object)
    catalog_changed = Signal(object)
    connection_changed = Signal(object)
    problem = Signal(str)
    unreachable = Signal()  # a request just found the server out of reach

    _went_unreachable = Signal()  # from any thread: a request found no server

    def __init__(
        self,
        client: CatalogClient,
        catalog: Catalog,
        runner: TaskRunner,
        outbox: Outbox,
        *,
        sync: CatalogSync | None = None,
        is_sandbox: bool = False,
        retry_interval_ms: int = RETRY_INTERVAL_MS,
        stop_event: threading.Event | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.catalog = catalog
        self.runner = runner
        self.outbox = outbox
        self.outbox_sender = OutboxSender(outbox, client, catalog)
        self.sync_engine = sync or CatalogSync(catalog, client)
        self.is_sandbox = is_sandbox
        self._online: bool | None = None
        self._syncing = False
        self._sync_missed = False  # a sync failed for want of the server
        self._retrying = False
        # Set by `stop`: cancels a sync pass and (when the client sleeps on it, see
        # `build_controller`) cuts short the client's retry waits.
        self._cancel_sync = stop_event or threading.Event()
        self._retry = QTimer(self)
        self._retry.setInterval(retry_interval_ms)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._went_unreachable.connect(self._on_unreachable)
        client.on_unreachable = self._report_unreachable

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
        came_back = online and self._online is False
        self._online = online
        if online and self.outbox.count() == 0:
            self._retry.stop()
        elif not self._retry.isActive():
            self._retry.start()
        if changed:
            logger.info("server %s", "reachable" if online else "out of reach")
        self.connection_changed.emit(self.state())
        if came_back and self._sync_missed:
            self.sync()  # the pass the outage stopped

    def refresh_state(self) -> None:
        """Announce the connection state again (after the outbox was edited)."""
        self.connection_changed.emit(self.state())

    def set_retry_interval(self, msecs: int) -> None:
        self._retry.setInterval(msecs)

    def stop(self) -> None:
        """Stop retrying and cancel a running sync (the window is closing)."""
        self._retry.stop()
        self._cancel_sync.set()
        if self.client.on_unreachable == self._report_unreachable:
            self.client.on_unreachable = None

    def _report_unreachable(self, _error: ApiError) -> None:
        # On the requesting thread: the signal takes it to the GUI thread.
        self._went_unreachable.emit()

    @Slot()
    def _on_unreachable(self) -> None:
        """Any request (a write, a sync, a wizard step) that found no server: the
        status bar says offline at once, not when the current task ends."""
        if self._online is not False:
            self._set_online(False)
        self.unreachable.emit()

    # --- sync -----------------------------------------------------------------------

    def sync(self, *, full: bool = False, refetch_details: bool = False) -> bool:
        """Start a sync pass; False when one is already running. `refetch_details`
        (with `full`) reads every product's units, series, prices and barcodes
        again, catching others' edits that left a product's time_change alone."""
        if self._syncing:
            return False
        self._syncing = True
        self.sync_started.emit()
        kind = "full" if full else "incremental"
        logger.info("sync requested (%s%s)", kind, ", details again" * refetch_details)
        self.runner.run(
            self._sync_job,
            full,
            refetch_details,
            on_done=self._on_sync_done,
            on_error=self._on_sync_failed,
            name="sync the catalog",
        )
        return True

    def _sync_job(self, full: bool, refetch_details: bool = False) -> SyncReport | None:
        """One pass; None when it was cancelled (`stop`: the window is closing),
        which is not a failure: what was fetched is kept and the next pass resumes."""
        # Send what waits first, so the pass reads the server with our edits in it.
        report = self.outbox_sender.replay()
        if report.offline and report.stopped_by is not None:
            raise report.stopped_by
        try:
            return self.sync_engine.run(
                full=full,
                refetch_details=refetch_details,
                progress=self.sync_progress.emit,
                cancel=self._cancel_sync,
            )
        except SyncCancelled:
            logger.info("sync cancelled; the next one resumes where it stopped")
            return None

    def _on_sync_done(self, report: SyncReport | None) -> None:
        self._syncing = False
        if report is None:
            return
        self._sync_missed = False
        self._set_online(True)
        # The views reload first, so whoever waits for the sync sees them current.
        self.catalog_changed.emit(CatalogChange(everything=True))
        self.sync_finished.emit(report)

    def _on_sync_failed(self, failure: TaskFailure) -> None:
        self._syncing = False
        if isinstance(failure.error, OFFLINE_ERRORS):
            self._sync_missed = True
            self._set_online(False)
        self.sync_failed.emit(failure)

    # --- writes ---------------------------------------------------------------------

    def submit(
        self,
        write: OutboxWrite,
        on_outcome: Callable[[WriteOutcome], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        on_queued: Callable[[Submission], None] | None = None,
    ) -> Submission:
        """Put `write` in the outbox and send what waits; `on_queued` says it is on
        disk, `on_outcome` what became of it. A write the server refuses is dropped
        from the outbox while its editor still waits (it is open to fix it); after
        the editor stopped waiting (`Submission.detach`) it stays, refused."""
        logger.info("write requested: %s", write.describe())
        submission = Submission()

        def add() -> int:
            return self.outbox.add(write)

        def added(entry_id: int) -> None:
            self.connection_changed.emit(self.state())
            if on_queued is not None:
                on_queued(submission)
            self.runner.run(
                send, entry_id, on_done=done, on_error=failed, name=write.describe()
            )

        def send(entry_id: int) -> tuple[WriteOutcome, ReplayReport]:
            report = self.outbox_sender.replay()
            outcome = outcome_of(entry_id, write, report)
            waited = submission.settle()
            if outcome.status == WriteStatus.REFUSED and waited:
                self.outbox.drop(entry_id)
            return outcome, report

        def done(result: tuple[WriteOutcome, ReplayReport]) -> None:
            outcome, report = result
            self._on_replayed(report)
            if on_outcome is not None and not submission.detached:
                on_outcome(outcome)

        def failed(failure: TaskFailure) -> None:
            if on_error is not None and not submission.detached:
                on_error(failure)
            else:
                logger.warning("sending a write failed: %s", failure.message)

        self.runner.run(add, on_done=added, on_error=failed, name="queue the write")
        return submission

    def send_queued(self) -> None:
        """Send what waits in the outbox (also run by the retry timer)."""
        if self._retrying:
            return
        self._retrying = True

        def job() -> ReplayReport:
            if self.outbox.count() == 0:
                # Nothing to send: a cheap request tells whether the server is back.
                self.client.list_price_levels()
            return self.outbox_sender.replay()

        def done(report: ReplayReport) -> None:
            self._retrying = False
            self._on_replayed(report)

        def failed(failure: TaskFailure) -> None:
            self._retrying = False
            if isinstance(failure.error, OFFLINE_ERRORS):
                self._set_online(False)
            else:
                logger.warning("sending the outbox failed: %s", failure.message)

        self.runner.run(job, on_done=done, on_error=failed, name="send the outbox")

    def _on_replayed(self, report: ReplayReport) -> None:
        if report.sent:
            logger.info("%d outbox write(s) sent", len(report.sent))
            self.catalog_changed.emit(change_of([s.write for s in report.sent]))
        self._set_online(not report.offline)
        if report.stopped_by is not None and not report.offline:
            self.problem.emit(describe_error(report.stopped_by))

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
    # Counts as "%1", not "%n": lupdate marks a translate() as plural only when its
    # count is a literal, so plural forms would never be filled in.
    if state.queued:
        parts.append(
            QCoreApplication.translate(
                "CatalogController", "writes queued: %1"
            ).replace("%1", str(state.queued))
        )
    if state.refused:
        parts.append(
            QCoreApplication.translate(
                "CatalogController", "writes refused: %1"
            ).replace("%1", str(state.refused))
        )
    return ", ".join(parts)
