"""Fixtures for the label tests."""

from __future__ import annotations

import pytest

from app.labels import geometry


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Layouts and symbols are cached per process; a test that patches must not leak."""
    geometry.clear_caches()
