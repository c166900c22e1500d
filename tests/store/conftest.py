"""Store test fixtures: catalog files, the demo sandbox server, a client for it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.api.client import CatalogClient, RetryPolicy
from app.sandbox.testing import SandboxServer, running_server
from app.store.catalog import Catalog
from app.store.sync import CatalogSync, make_session


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    yield store
    store.close()


@dataclass(frozen=True)
class DemoFiles:
    server_db: Path  # the sandbox's demo catalog
    catalog: Path  # a local catalog fully synced from it


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    """Built once per run: each test starts from copies, so the demo is filled and
    synced once, not once per test."""
    root = tmp_path_factory.mktemp("demo")
    files = DemoFiles(root / "server.sqlite3", root / "catalog.sqlite3")
    with running_server(files.server_db, demo=True) as server:
        client = CatalogClient(make_session(4), server.base_url, server.token)
        catalog = Catalog(files.catalog)
        CatalogSync(catalog, client).run()
        catalog.close()
    return files


def _copy_database(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture
def demo_server(demo_files: DemoFiles, tmp_path: Path) -> Iterator[SandboxServer]:
    """The sandbox's demo catalog on loopback, in this test's own database file."""
    db = _copy_database(demo_files.server_db, tmp_path / "server.sqlite3")
    with running_server(db) as server:
        yield server


@pytest.fixture
def synced(
    demo_files: DemoFiles, demo_server: SandboxServer, tmp_path: Path
) -> Iterator[Catalog]:
    """A local catalog already synced from `demo_server`."""
    path = _copy_database(demo_files.catalog, tmp_path / "synced.sqlite3")
    store = Catalog(path)
    yield store
    store.close()


@pytest.fixture
def client(demo_server: SandboxServer) -> CatalogClient:
    return CatalogClient(
        make_session(4),
        demo_server.base_url,
        demo_server.token,
        retry=RetryPolicy(max_retries=0),
        timeout=(2.0, 10.0),
    )
