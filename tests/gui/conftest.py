"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logs


@pytest.fixture
def app_log() -> Iterator[Path]:
    """The app's logging configured into the test's log folder; undone afterwards."""
    path = logs.configure()
    yield path
    root = logging.getLogger("app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
