"""TaskRunner: work off the GUI thread, callbacks on it, busy state, re-enabling."""

from __future__ import annotations

import threading

import pytest
import requests
from PySide6.QtWidgets import QPushButton

from app.api.errors import Conflict, NotAuthorized, NotFound, ServerUnavailable
from app.domain.errors import InvalidCheckDigit
from app.gui.tasks import (
    TaskFailure,
    TaskRunner,
    describe_error,
    register_error_message,
)


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(5000)


def test_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: dict[str, object] = {}
    worker_thread: list[threading.Thread] = []

    def work(a: int, b: int) -> int:
        worker_thread.append(threading.current_thread())
        return a + b

    def done(result: int) -> None:
        seen["result"] = result
        seen["thread"] = threading.current_thread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(work, 2, 3, on_done=done)

    assert seen["result"] == 5
    assert seen["thread"] is threading.main_thread()
    assert worker_thread[0] is not threading.main_thread()


def test_busy_signal_goes_up_once_and_down_once(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()
    states: list[bool] = []
    runner.busy_changed.connect(states.append)

    runner.run(gate.wait, 5)
    runner.run(gate.wait, 5)
    assert runner.busy_count == 2
    assert runner.is_busy()

    with qtbot.waitSignal(runner.busy_changed, timeout=5000):
        gate.set()

    assert states == [True, False]
    assert runner.busy_count == 0


def test_error_is_mapped_and_reported(qtbot, runner: TaskRunner) -> None:
    failures: list[TaskFailure] = []

    def work() -> None:
        raise requests.exceptions.ConnectionError("refused")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(work, on_error=failures.append, name="load groups")

    [failure] = failures
    assert failure.name == "load groups"
    assert isinstance(failure.error, requests.exceptions.ConnectionError)
    assert "Cannot reach the server" in failure.message
    assert "refused" in failure.details  # the traceback text


def test_unhandled_failure_goes_to_task_failed(qtbot, runner: TaskRunner) -> None:
    def work() -> None:
        raise KeyError("x")

    with qtbot.waitSignal(runner.task_failed) as blocker:
        runner.run(work)

    failure = blocker.args[0]
    assert isinstance(failure, TaskFailure)
    assert "KeyError" in failure.message


def test_widgets_are_re_enabled_even_when_the_callback_raises(
    qtbot, runner: TaskRunner
) -> None:
    button = QPushButton()
    qtbot.addWidget(button)

    def broken_callback(result: object) -> None:
        raise RuntimeError("callback bug")

    # PySide reports exceptions from slots through sys.excepthook; the crash dialog
    # does that in the app, here we only want the button back
    with (
        qtbot.captureExceptions() as exceptions,
        qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda b: not b),
    ):
        runner.run(lambda: 1, on_done=broken_callback, disable=[button])
        assert not button.isEnabled()

    assert button.isEnabled()
    assert any("callback bug" in str(e[1]) for e in exceptions)


def test_describe_error_uses_the_most_specific_type() -> None:
    class ServerDownError(ConnectionError):
        pass

    register_error_message(ServerDownError, lambda error: "server is down")

    assert describe_error(ServerDownError()) == "server is down"
    assert "system error" in describe_error(ConnectionRefusedError(111, "refused"))
    domain = InvalidCheckDigit("Check digit 3 is wrong; expected 7.")
    assert describe_error(domain) == "Check digit 3 is wrong; expected 7."


def test_http_error_names_the_status() -> None:
    response = requests.Response()
    response.status_code = 503
    assert "503" in describe_error(requests.exceptions.HTTPError(response=response))
    response.status_code = 401
    assert "token" in describe_error(requests.exceptions.HTTPError(response=response))


def test_api_errors_get_their_own_messages() -> None:
    where = {"method": "GET", "path": "/api/uk/price-level"}

    assert "Cannot reach the server" in describe_error(
        ServerUnavailable("connection refused", **where)
    )
    assert "token" in describe_error(NotAuthorized("401", status=401, **where))
    assert "404" in describe_error(NotFound("no such path", status=404, **where))
    said = describe_error(Conflict("taken", status=409, server_message="Used", **where))
    assert said == "The server answered with error 409: Used"


def test_a_token_in_a_failed_task_stays_out_of_log_and_details(
    qtbot, runner: TaskRunner, app_log
) -> None:
    failures: list[TaskFailure] = []

    def work() -> None:
        raise RuntimeError("sent Authorization: Bearer tok555")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(work, on_error=failures.append)

    assert "tok555" not in failures[0].details
    assert "tok555" not in app_log.read_text(encoding="utf-8")
    assert "RuntimeError" in app_log.read_text(encoding="utf-8")
