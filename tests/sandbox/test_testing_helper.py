"""The in-process server helper others test against: start, stop, restart."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from app.sandbox import demo
from app.sandbox.security import token_file
from app.sandbox.testing import (
    SandboxServer,
    ServerStartError,
    running_server,
    start_in_background,
)

TIMEOUT = 5


def test_running_server_answers_with_token() -> None:
    with running_server() as server:
        response = requests.get(
            f"{server.base_url}/api/uk/price-level",
            headers=server.headers,
            timeout=TIMEOUT,
        )

    assert response.status_code == 200
    assert [level["id_price_level"] for level in response.json()] == [-1]


def test_stop_then_start_keeps_port_and_data() -> None:
    with running_server() as server:
        url = f"{server.base_url}/api/en/groupGoods"
        created = requests.post(
            url, json={"name_group": "Drinks"}, headers=server.headers, timeout=TIMEOUT
        )
        assert created.status_code == 201
        port = server.port

        server.stop()
        with pytest.raises(requests.ConnectionError):
            requests.get(url, headers=server.headers, timeout=TIMEOUT)

        server.start()
        listed = requests.get(url, headers=server.headers, timeout=TIMEOUT)

    assert server.port == port
    assert [group["name_group"] for group in listed.json()] == ["Drinks"]


def test_start_in_background_keeps_a_file_and_uses_the_token_file(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "gui-sandbox.sqlite3"

    server = start_in_background(db_path, demo=True)
    try:
        groups = requests.get(
            f"{server.base_url}/api/uk/groupGoods",
            headers=server.headers,
            timeout=TIMEOUT,
        )
    finally:
        server.close()
    again = start_in_background(db_path, demo=True)
    try:
        groups_again = requests.get(
            f"{again.base_url}/api/uk/groupGoods",
            headers=again.headers,
            timeout=TIMEOUT,
        )
    finally:
        again.close()

    assert server.token == token_file().read_text(encoding="utf-8").strip()
    assert groups.status_code == 200 and len(groups.json()) > 10
    # The second start found the catalog in the file and did not load it twice.
    assert groups_again.json() == groups.json()


def test_plugin_fixtures(
    sandbox_server: SandboxServer, demo_server: SandboxServer
) -> None:
    empty = requests.get(
        f"{sandbox_server.base_url}/api/en/goods",
        headers=sandbox_server.headers,
        timeout=TIMEOUT,
    )
    full = requests.get(
        f"{demo_server.base_url}/api/en/goods",
        headers=demo_server.headers,
        timeout=TIMEOUT,
    )

    assert empty.json() == []
    assert len(full.json()) == len(demo.summary().products)


def test_a_taken_port_is_reported() -> None:
    with (
        running_server() as first,
        pytest.raises(ServerStartError, match=str(first.port)),
        running_server(port=first.port),
    ):
        pass
