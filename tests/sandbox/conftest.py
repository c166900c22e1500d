"""Shared helpers for the sandbox tests: a running server and a small JSON client."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import requests

from app.domain import jsonio

# The fixtures other packages' tests use too; imported here so they are tested as such.
from app.sandbox.pytest_plugin import demo_server, sandbox_server  # noqa: F401
from app.sandbox.testing import SandboxServer, running_server

TIMEOUT = 10


class Api:
    """Requests to one running server; bodies written and read with exact decimals."""

    def __init__(self, server: SandboxServer, locale: str = "en") -> None:
        self.server = server
        self.locale = locale
        self.session = requests.Session()
        self.session.headers.update(server.headers)

    def url(self, path: str) -> str:
        return f"{self.server.base_url}/api/{self.locale}/{path}"

    def request(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        data = None if body is None else jsonio.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if data is not None else {}
        return self.session.request(
            method,
            self.url(path),
            data=data,
            headers=headers,
            params=params or None,
            timeout=TIMEOUT,
        )

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, **params)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, body if body is not None else {})

    def put(self, path: str, body: Any) -> Any:
        return self.request("PUT", path, body)

    def ok(self, response: requests.Response) -> Any:
        assert response.status_code in (200, 201), response.text
        return jsonio.loads(response.content)

    # --- the product creation flow of section 7

    def reserve(self) -> dict[str, Any]:
        return dict(self.ok(self.post("goods/id/last")))

    def add_unit(self, guid: str, **fields: Any) -> requests.Response:
        body = {"id_unit": 1, "type_unit": 1, "rate": Decimal(1), "is_default": True}
        body.update(fields)
        return self.post(f"goods/{guid}/units", body)

    def add_base_series(self, guid: str) -> requests.Response:
        return self.post(f"goods/{guid}/series", {"id_series": "-", "name_series": "-"})

    def make_product(
        self, name: str = "Test product", *, type_unit: int = 1, id_unit: int = 1
    ) -> dict[str, Any]:
        reserved = self.reserve()
        guid = reserved["guid"]
        self.ok(self.add_unit(guid, id_unit=id_unit, type_unit=type_unit))
        self.ok(self.add_base_series(guid))
        return dict(self.ok(self.post("goods", {**reserved, "name_goods": name})))

    def close(self) -> None:
        self.session.close()


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """One empty catalog per module; tests make what they need, with fresh names."""
    with running_server() as running:
        yield running


@pytest.fixture(params=["en", "uk"])
def api(request: pytest.FixtureRequest, server: SandboxServer) -> Iterator[Api]:
    """A client in each locale."""
    client = Api(server, request.param)
    yield client
    client.close()


@pytest.fixture
def api_en(server: SandboxServer) -> Iterator[Api]:
    client = Api(server, "en")
    yield client
    client.close()
