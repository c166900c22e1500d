"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import logs
from app.gui import i18n
from app.gui.tasks import TaskRunner

RUNNER_WAIT_MS = 15_000


@pytest.fixture
def ukrainian(qapp: Any) -> Iterator[None]:
    """The interface in Ukrainian for the test; English again after."""
    translations = i18n.Translations(qapp)
    translations.apply(i18n.UKRAINIAN)
    yield
    translations.apply(i18n.ENGLISH)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A task runner whose workers are waited for after the test (modules that
    need another wait define their own)."""
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(RUNNER_WAIT_MS)


@pytest.fixture
def app_log() -> Iterator[Path]:
    """The app's logging configured into the test's log folder; undone afterwards."""
    path = logs.configure()
    yield path
    root = logging.getLogger("app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def application(qapp, app_log) -> Iterator[Any]:
    """The app's `Application` (names, icon, log, translations); its crash
    handler and language undone afterwards."""
    from app.gui.app import create_application  # the whole app: only when asked

    application = create_application([])
    yield application
    application.crash_handler.uninstall()
    application.translations.apply("en")
