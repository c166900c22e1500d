"""Test-wide set-up: Qt offscreen, user folders inside the test's temporary folder."""

from __future__ import annotations

import os

# Qt must never try to reach a real display in the default run; tests that need X
# (marked xvfb or e2e) start their own Xvfb and set DISPLAY for their subprocesses.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test's data, config and log folders out of the real home."""
    root = tmp_path_factory.mktemp("komora-home")
    monkeypatch.setenv("KOMORA_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("KOMORA_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("KOMORA_LOG_DIR", str(root / "log"))
