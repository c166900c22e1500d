"""The in-process server helper others test against: start, stop, restart."""

from __future__ import annotations

import pytest
import requests

from app.sandbox.testing import running_server

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
