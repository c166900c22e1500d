"""One-shot background jobs: run off the GUI thread, report back on it.

Everything that can block (HTTP, file export, a connection test) goes through
`TaskRunner.run`. The function runs on a `QThreadPool` worker; its result or its
exception comes back as a queued signal, so `on_done` and `on_error` run on the GUI
thread and may touch widgets. The function itself must never touch widgets.

Failures are turned into one translated sentence per kind of error by
`describe_error`; the detail goes to the log. Other layers' exception types are
registered with `register_error_message` by whoever wires the app together.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import requests
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from app import logs
from app.api.errors import (
    ApiError,
    InvalidResponse,
    NotAuthorized,
    NotFound,
    RequestTimedOut,
    ServerUnavailable,
)
from app.domain.errors import DomainError

logger = logging.getLogger(__name__)

DEFAULT_MAX_THREADS = 4


@dataclass(frozen=True)
class TaskFailure:
    """What a failed task hands to `on_error` and to `TaskRunner.task_failed`."""

    name: str
    error: BaseException
    message: str  # one translated sentence for the user
    details: str  # the traceback, secrets scrubbed, for a "Details" box


@dataclass(frozen=True)
class _Outcome:
    task_id: int
    result: Any = None
    error: BaseException | None = None
    details: str = ""


@dataclass
class _Pending:
    name: str
    on_done: Callable[[Any], None] | None
    on_error: Callable[[TaskFailure], None] | None
    disabled: list[QWidget] = field(default_factory=list)


# --- error messages -----------------------------------------------------------


# Each message is a literal `QCoreApplication.translate("TaskErrors", "...")` call so
# that lupdate finds it; a helper taking the text as a variable would hide it.


def _domain_message(error: BaseException) -> str:
    # The domain's messages are English; the GUI pages that know the error codes
    # word them in the user's language. Here the English text is better than nothing.
    return str(error)


def _connection_message(error: BaseException) -> str:
    return QCoreApplication.translate(
        "TaskErrors",
        "Cannot reach the server. "
        "Check the network and the server address in Settings.",
    )


def _timeout_message(error: BaseException) -> str:
    return QCoreApplication.translate(
        "TaskErrors", "The server did not answer in time. Try again in a moment."
    )


def _http_message(error: BaseException) -> str:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if isinstance(error, NotAuthorized) or status in (401, 403):
        return QCoreApplication.translate(
            "TaskErrors",
            "The server refused the access token. Check the token in Settings.",
        )
    if status is None:
        return QCoreApplication.translate(
            "TaskErrors", "The server answered with an error."
        )
    return QCoreApplication.translate(
        "TaskErrors", "The server answered with error %1."
    ).replace("%1", str(status))


def _permission_message(error: BaseException) -> str:
    filename = getattr(error, "filename", None) or ""
    return QCoreApplication.translate("TaskErrors", "Permission denied: %1").replace(
        "%1", str(filename)
    )


def _file_missing_message(error: BaseException) -> str:
    filename = getattr(error, "filename", None) or ""
    return QCoreApplication.translate("TaskErrors", "File not found: %1").replace(
        "%1", str(filename)
    )


def _os_message(error: BaseException) -> str:
    return QCoreApplication.translate(
        "TaskErrors", "A system error stopped the work: %1"
    ).replace("%1", getattr(error, "strerror", None) or str(error))


def _api_message(error: BaseException) -> str:
    status = getattr(error, "status", None)
    said = getattr(error, "server_message", None) or ""
    if status is None:
        return QCoreApplication.translate(
            "TaskErrors", "The request failed: %1"
        ).replace("%1", said or str(error))
    return (
        QCoreApplication.translate(
            "TaskErrors", "The server answered with error %1: %2"
        )
        .replace("%1", str(status))
        .replace("%2", said or str(error))
    )


def _not_found_message(error: BaseException) -> str:
    return QCoreApplication.translate(
        "TaskErrors",
        "The server does not know this address (404). "
        "Check the server address in Settings.",
    )


def _invalid_response_message(error: BaseException) -> str:
    return QCoreApplication.translate(
        "TaskErrors",
        "The server's answer could not be read. Is the address that of a catalog API?",
    )


# Looked up along the exception's MRO, so the most specific registered type wins.
_MESSAGES: dict[type[BaseException], Callable[[BaseException], str]] = {
    DomainError: _domain_message,
    ApiError: _api_message,
    ServerUnavailable: _connection_message,
    RequestTimedOut: _timeout_message,
    NotAuthorized: _http_message,
    NotFound: _not_found_message,
    InvalidResponse: _invalid_response_message,
    requests.exceptions.ConnectionError: _connection_message,
    requests.exceptions.Timeout: _timeout_message,
    requests.exceptions.HTTPError: _http_message,
    TimeoutError: _timeout_message,
    PermissionError: _permission_message,
    FileNotFoundError: _file_missing_message,
    OSError: _os_message,
}


def register_error_message(
    error_type: type[BaseException], describe: Callable[[BaseException], str]
) -> None:
    """Teach `describe_error` a message for `error_type` (and its subclasses).

    `describe` runs on the GUI thread and returns one translated sentence.
    """
    _MESSAGES[error_type] = describe


def describe_error(error: BaseException) -> str:
    """One translated sentence for the user; unknown types get a generic one."""
    for klass in type(error).__mro__:
        describe = _MESSAGES.get(klass)
        if describe is not None:
            return describe(error)
    return QCoreApplication.translate(
        "TaskErrors", "Something went wrong: %1. The details are in the log."
    ).replace("%1", type(error).__name__)


# --- the runner -----------------------------------------------------------------


class TaskRunner(QObject):
    """Runs callables on a thread pool and reports back on the GUI thread.

    Signals:
        busy_changed(bool): True when the first task starts, False when the last ends.
        task_failed(TaskFailure): a task failed and had no `on_error` handler.
    """

    busy_changed = Signal(bool)
    task_failed = Signal(object)

    _settled = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
        max_threads: int = DEFAULT_MAX_THREADS,
    ) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max_threads)
        self._pool = pool
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._settled.connect(self._on_task_settled)

    @property
    def busy_count(self) -> int:
        return len(self._pending)

    def is_busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        disable: Iterable[QWidget] = (),
        name: str | None = None,
        **kwargs: Any,
    ) -> int:
        """Start `fn(*args, **kwargs)` on a worker thread; returns the task's id.

        `on_done(result)` or `on_error(TaskFailure)` is called on the GUI thread.
        The widgets in `disable` are disabled now and re-enabled when the task ends,
        whatever happens in the callbacks.
        """
        task_id = next(self._ids)
        task_name = name or getattr(fn, "__qualname__", None) or repr(fn)
        pending = _Pending(task_name, on_done, on_error, list(disable))
        for widget in pending.disabled:
            widget.setEnabled(False)
        was_busy = self.is_busy()
        self._pending[task_id] = pending
        if not was_busy:
            self.busy_changed.emit(True)

        logger.debug("task %d (%s) started", task_id, task_name)
        self._pool.start(lambda: self._execute(task_id, fn, args, kwargs))
        return task_id

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (for shutdown); callbacks still queue."""
        return bool(self._pool.waitForDone(msecs))

    def _execute(
        self,
        task_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        # Runs on a worker thread: no widgets here, only the queued signal.
        try:
            outcome = _Outcome(task_id, result=fn(*args, **kwargs))
        except BaseException as error:
            outcome = _Outcome(task_id, error=error, details=traceback.format_exc())
        self._settled.emit(outcome)

    @Slot(object)
    def _on_task_settled(self, outcome: _Outcome) -> None:
        pending = self._pending.get(outcome.task_id)
        if pending is None:
            return
        try:
            if outcome.error is None:
                logger.debug("task %d (%s) done", outcome.task_id, pending.name)
                if pending.on_done is not None:
                    pending.on_done(outcome.result)
            else:
                self._report_failure(pending, outcome)
        finally:
            del self._pending[outcome.task_id]
            for widget in pending.disabled:
                if shiboken6.isValid(widget):  # the dialog may have closed meanwhile
                    widget.setEnabled(True)
            if not self._pending:
                self.busy_changed.emit(False)

    def _report_failure(self, pending: _Pending, outcome: _Outcome) -> None:
        assert outcome.error is not None
        logger.warning(
            "task %d (%s) failed: %s: %s\n%s",
            outcome.task_id,
            pending.name,
            type(outcome.error).__name__,
            outcome.error,
            outcome.details,
        )
        failure = TaskFailure(
            name=pending.name,
            error=outcome.error,
            message=describe_error(outcome.error),
            details=logs.scrub(outcome.details),
        )
        if pending.on_error is not None:
            pending.on_error(failure)
        else:
            self.task_failed.emit(failure)
