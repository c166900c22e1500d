"""Fixtures for the label tests."""

from __future__ import annotations

import pytest

from app.labels import geometry, symbols


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Layouts and symbols are cached per process; a test that patches must not leak."""
    symbols.encode_symbol.cache_clear()
    geometry.layout_label.cache_clear()
