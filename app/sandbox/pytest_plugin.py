"""Pytest fixtures for a running sandbox server (real HTTP on loopback).

Use them from a test module or a conftest by importing them:

    from app.sandbox.pytest_plugin import demo_server, sandbox_server  # noqa: F401

    def test_lists_groups(demo_server):
        response = requests.get(f"{demo_server.base_url}/api/uk/groupGoods",
                                headers=demo_server.headers, timeout=5)

Each fixture gives a started `app.sandbox.testing.SandboxServer` over an in-memory
database with the token "test-token"; it is closed after the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.sandbox.testing import SandboxServer, running_server


@pytest.fixture
def sandbox_server() -> Iterator[SandboxServer]:
    """An empty catalog (only the Purchase level and the unit dictionary)."""
    with running_server() as server:
        yield server


@pytest.fixture
def demo_server() -> Iterator[SandboxServer]:
    """The demo catalog (see `app.sandbox.demo.summary()` for what it holds)."""
    with running_server(demo=True) as server:
        yield server
