"""The end-to-end test's hands inside the real app process (test-only).

`python -m app gui` imports this module when `KOMORA_TEST_DRIVER=tests.e2e.driver` is
set (see app/gui/cli.py) and calls `attach(session)` before the session starts.

It talks JSON lines: events go to stdout, each line starting with `KOMORA-E2E `;
commands come on stdin, one JSON object per line with a `cmd` and an `id`, and are
answered by `{"event": "done", "id": ..., ...}` or `{"event": "failed", "id": ...,
"message": ...}`. Commands run on the GUI thread as small step functions that wait on
conditions (never by blocking the event loop).

What it does not do: it sends no scans. Scans come from outside, as X key events
(XTEST) and as bytes on a serial pseudo-terminal, and go through the app's real
WedgeFilter and SerialScanner.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Generator
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from tests.e2e.protocol import PREFIX

STEP_MS = 20
WAIT_S = 60.0

Step = Generator[Callable[[], bool] | None, None, dict[str, Any] | None]

_print_lock = threading.Lock()


def emit(message: dict[str, Any]) -> None:
    """One event line on stdout (from any thread)."""
    line = PREFIX + json.dumps(message, ensure_ascii=False, default=str)
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class _Task:
    def __init__(self, command_id: object, steps: Step, name: str) -> None:
        self.command_id = command_id
        self.steps = steps
        self.name = name
        self.waiting_for: Callable[[], bool] | None = None
        self.deadline = time.monotonic() + WAIT_S


class Driver(QObject):
    """Watches the app's windows and runs the test's commands."""

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.session = session
        self._buffer = b""
        self._tasks: list[_Task] = []
        self._commands: dict[str, Callable[[dict[str, Any]], Step]] = {}
        self._notifier = QSocketNotifier(
            sys.stdin.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._on_stdin_activated)
        self._timer = QTimer(self)
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        session.server_ready.connect(self._on_session_server_ready)
        session.server_failed.connect(self._on_session_server_failed)
        QTimer.singleShot(0, self._announce_start)

        from tests.e2e import driver_commands

        driver_commands.register(self)

    def command(
        self, name: str
    ) -> Callable[[Callable[..., Step]], Callable[..., Step]]:
        def register(function: Callable[..., Step]) -> Callable[..., Step]:
            self._commands[name] = function
            return function

        return register

    # --- events ---------------------------------------------------------------

    def _announce_start(self) -> None:
        window = self.session.window
        emit(
            {
                "event": "started",
                "pid": os.getpid(),
                "platform": QApplication.platformName(),
                "window": int(window.winId()),
            }
        )

    @Slot(object)
    def _on_session_server_ready(self, server: Any) -> None:
        emit(
            {
                "event": "server_ready",
                "base_url": server.base_url,
                "locale": server.locale,
                "is_sandbox": server.is_sandbox,
            }
        )

    @Slot(object)
    def _on_session_server_failed(self, failure: Any) -> None:
        emit({"event": "server_failed", "message": str(failure.message)})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.Show, QEvent.Type.Hide)
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not watched.inherits("QMenu")
            and not watched.inherits("QToolTip")
            and type(watched).__name__ not in ("QTipLabel", "QComboBoxPrivateContainer")
        ):
            emit(
                {
                    "event": "shown" if kind == QEvent.Type.Show else "hidden",
                    "class": type(watched).__name__,
                    "title": watched.windowTitle(),
                    "window": int(watched.winId()),
                }
            )
        return False

    # --- commands -------------------------------------------------------------

    @Slot()
    def _on_stdin_activated(self) -> None:
        try:
            data = os.read(sys.stdin.fileno(), 65536)
        except OSError:
            data = b""
        if not data:
            self._notifier.setEnabled(False)  # the test went away
            return
        self._buffer += data
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if line.strip():
                self._start(json.loads(line))

    def _start(self, request: dict[str, Any]) -> None:
        command_id = request.get("id")
        name = str(request.get("cmd"))
        function = self._commands.get(name)
        if function is None:
            emit({"event": "failed", "id": command_id, "message": f"no command {name}"})
            return
        try:
            steps = function(request)
        except Exception:
            emit(
                {"event": "failed", "id": command_id, "message": traceback.format_exc()}
            )
            return
        self._tasks.append(_Task(command_id, steps, name))
        self._advance()
        if self._tasks:
            self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._advance()
        if not self._tasks:
            self._timer.stop()

    def _advance(self) -> None:
        for task in list(self._tasks):
            self._advance_task(task)

    def _advance_task(self, task: _Task) -> None:
        try:
            while True:
                if task.waiting_for is not None:
                    if not task.waiting_for():
                        if time.monotonic() > task.deadline:
                            what = task.waiting_for.__doc__ or repr(task.waiting_for)
                            raise TimeoutError(
                                f"{task.name}: waited {WAIT_S:g} s for {what}"
                            )
                        return
                    task.waiting_for = None
                task.deadline = time.monotonic() + WAIT_S
                task.waiting_for = next(task.steps)
                if task.waiting_for is None:
                    return  # one step per tick: let the event loop run
        except StopIteration as stop:
            self._tasks.remove(task)
            result = dict(stop.value or {})
            emit({"event": "done", "id": task.command_id, **result})
        except Exception:
            self._tasks.remove(task)
            emit(
                {
                    "event": "failed",
                    "id": task.command_id,
                    "message": traceback.format_exc(),
                }
            )


def decimal_text(value: Decimal) -> str:
    """A price as a person types it in Ukraine: a decimal comma."""
    return f"{value:.2f}".replace(".", ",")


_driver: Driver | None = None


def attach(session: Any) -> None:
    """Called by app/gui/cli.py when KOMORA_TEST_DRIVER names this module."""
    global _driver
    _driver = Driver(session)
