"""The real app (`python -m app gui`) as a subprocess, steered through tests/e2e/driver.

Events are the driver's JSON lines on the app's stdout (other output is kept for the
failure report); commands go to its stdin. A reader thread queues the events, and
`expect()` waits on a condition with a timeout, never a fixed sleep.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.protocol import PREFIX

ROOT = Path(__file__).resolve().parents[2]
DRIVER_MODULE = "tests.e2e.driver"
WAIT_S = 90.0  # a loaded 2-core machine fills the demo catalog slowly

Event = dict[str, Any]


class AppFailedError(AssertionError):
    """The app did not do what the test waited for; the message has its output."""


class AppProcess:
    """One run of the app, from start to exit (or SIGKILL)."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        env = dict(env, KOMORA_TEST_DRIVER=DRIVER_MODULE, PYTHONPATH=str(ROOT))
        env["PYTHONUNBUFFERED"] = "1"
        self.log_path = log_path
        self._log = log_path.open("a", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app", "gui"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            encoding="utf-8",
        )
        self.events: list[Event] = []
        self.other_output: list[str] = []
        self._queue: queue.Queue[Event | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(PREFIX):
                self._queue.put(json.loads(line[len(PREFIX) :]))
            else:
                self.other_output.append(line)
        self._queue.put(None)

    # --- waiting ----------------------------------------------------------------

    def _pump(self, timeout: float) -> Event | None:
        """The next event, or None when none came in `timeout` or the app ended."""
        try:
            event = self._queue.get(timeout=max(timeout, 0.001))
        except queue.Empty:
            return None
        if event is None:
            self._queue.put(None)  # keep reporting the end
            return None
        self.events.append(event)
        return event

    def expect(
        self,
        predicate: Callable[[Event], bool],
        what: str,
        timeout: float = WAIT_S,
        since: int = 0,
    ) -> Event:
        """The first event from index `since` on matching `predicate`."""
        for seen in self.events[since:]:
            if predicate(seen):
                return seen
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = self._pump(deadline - time.monotonic())
            if event is not None and predicate(event):
                return event
            if event is None and self.process.poll() is not None:
                break
        raise AppFailedError(f"the app never reported {what}\n{self.report()}")

    def mark(self) -> int:
        """An index for `expect(since=...)`: only events after this call."""
        while (event := self._pump(0)) is not None:
            del event
        return len(self.events)

    def command(self, cmd: str, timeout: float = WAIT_S, **arguments: Any) -> Event:
        """Run a driver command and return its `done` event (raise on `failed`)."""
        command_id = next(self._ids)
        since = self.mark()
        assert self.process.stdin is not None
        self.process.stdin.write(
            json.dumps({"cmd": cmd, "id": command_id, **arguments}, ensure_ascii=False)
            + "\n"
        )
        self.process.stdin.flush()
        answer = self.expect(
            lambda e: e.get("id") == command_id and e["event"] in ("done", "failed"),
            f"the end of {cmd}",
            timeout,
            since,
        )
        if answer["event"] == "failed":
            raise AppFailedError(f"{cmd} failed in the app:\n{answer['message']}")
        return answer

    # --- ending -----------------------------------------------------------------

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed or closed."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        self._close()

    def stop(self) -> int:
        """Ask the app to quit (the window closes); kill it if it will not."""
        if self.process.poll() is None:
            with contextlib.suppress(AppFailedError, OSError):
                self.command("quit", timeout=30)
        try:
            code = self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(30)
        self._close()
        return code

    def _close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self._reader.join(30)  # the app has exited: its stdout reaches end of file
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._log.close()

    def report(self) -> str:
        """What the app said, for a failure message."""
        if not self._log.closed:
            self._log.flush()
        stderr = self.log_path.read_text(encoding="utf-8", errors="replace")
        events = "\n".join(json.dumps(e, ensure_ascii=False) for e in self.events[-40:])
        state = (
            f"exit code {self.process.returncode}"
            if self.process.poll() is not None
            else "still running"
        )
        return (
            f"app {state}; last events:\n{events}\n"
            f"other stdout:\n{''.join(self.other_output[-20:])}\n"
            f"stderr ({self.log_path}):\n{stderr[-6000:]}"
        )


def app_env(base: dict[str, str], home: Path) -> dict[str, str]:
    """Komora's folders inside `home`: a fresh data, config and log folder."""
    env = dict(base)
    for name in ("data", "config", "log"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env["KOMORA_DATA_DIR"] = str(home / "data")
    env["KOMORA_CONFIG_DIR"] = str(home / "config")
    env["KOMORA_LOG_DIR"] = str(home / "log")
    env.pop("KOMORA_TEST_DRIVER", None)
    return env


def env_without_session_bus(env: dict[str, str]) -> dict[str, str]:
    """No desktop keyring or session bus from the developer's machine."""
    env = dict(env)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env
