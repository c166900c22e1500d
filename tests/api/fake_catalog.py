"""A small in-memory catalog server on `responses` callbacks, for the creation tests.

It keeps what is POSTed, answers reads from it, refuses duplicates with 409 and can be
told to fail a request: answer with a status, or act and then lose the answer (the
connection drops after the server did the work).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import requests
import responses

from app.domain import jsonio

BASE = "http://catalog.test"
API = f"{BASE}/api/uk"

Answer = tuple[int, dict[str, str], str]


@dataclass
class Failure:
    method: str
    pattern: str  # a regex matched against the path after /api/uk/
    status: int | None = None  # answer with this status (without acting)
    body: dict[str, Any] | None = None
    act_then_drop: bool = False  # do the work, then lose the answer
    act_then_garble: bool = False  # do the work, then answer 201 with a broken body
    times: int = 1


@dataclass
class FakeCatalog:
    next_id: int = 100
    reserved: dict[str, int] = field(default_factory=dict)
    products: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    series: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    prices: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    barcodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    # Take duplicates silently, as a lax server might, so that only the client's
    # own care keeps them out.
    allow_duplicates: bool = False
    log: list[tuple[str, str]] = field(default_factory=list)

    def install(self, mock: responses.RequestsMock) -> None:
        for method in ("GET", "POST", "PUT"):
            mock.add_callback(
                method, re.compile(re.escape(API) + r"/.*"), callback=self._handle
            )

    def posts(self, pattern: str = ".*") -> list[str]:
        return [p for m, p in self.log if m == "POST" and re.fullmatch(pattern, p)]

    # --- dispatch -----------------------------------------------------------------

    def _handle(self, request: requests.PreparedRequest) -> Answer:
        assert request.url is not None and request.method is not None
        path = request.url.split("/api/uk/", 1)[1].split("?", 1)[0]
        method = request.method
        self.log.append((method, path))
        body = json.loads(request.body, parse_float=Decimal) if request.body else None

        failure = self._failure_for(method, path)
        acts = failure is None or failure.act_then_drop or failure.act_then_garble
        if failure is not None and not acts:
            return failure.status or 500, {}, json.dumps(failure.body or {})
        answer = self._route(method, path, body)
        if failure is not None and failure.act_then_drop:
            raise requests.ConnectionError("connection reset after the server acted")
        if failure is not None and failure.act_then_garble:
            return 201, {"Content-Type": "application/json"}, '{"id_goods": '
        return answer

    def _failure_for(self, method: str, path: str) -> Failure | None:
        for failure in self.failures:
            if failure.method == method and re.fullmatch(failure.pattern, path):
                failure.times -= 1
                if failure.times <= 0:
                    self.failures.remove(failure)
                return failure
        return None

    def _route(self, method: str, path: str, body: Any) -> Answer:
        parts = path.split("/")
        if method == "POST" and path == "goods/id/last":
            self.next_id += 1
            guid = f"guid-{self.next_id}"
            self.reserved[guid] = self.next_id
            return _json(201, {"id_goods": self.next_id, "guid": guid})
        if method == "POST" and path == "goods":
            return self._create_product(body)
        if parts[0] != "goods" or len(parts) < 2:
            return _json(404, {"message": f"no route {path}"})
        guid = parts[1]
        if guid not in self.reserved:
            return _json(404, {"message": f"no product {guid}"})
        if len(parts) == 2 and method == "GET":
            if guid not in self.products:
                return _json(404, {"message": f"no product {guid}"})
            return _json(200, self.products[guid])
        collection = parts[2]
        handlers: dict[tuple[str, str], Callable[[str, Any], Answer]] = {
            ("GET", "units"): lambda g, _b: _json(200, self.units.get(g, [])),
            ("POST", "units"): self._create_unit,
            ("GET", "series"): lambda g, _b: _json(200, self.series.get(g, [])),
            ("POST", "series"): self._create_series,
            ("GET", "goodsPrice"): lambda g, _b: _json(200, self.prices.get(g, [])),
            ("POST", "goodsPrice"): self._create_price,
            ("GET", "barcodes"): lambda g, _b: _json(200, self.barcodes.get(g, [])),
            ("POST", "barcodes"): self._create_barcode,
        }
        handler = handlers.get((method, collection))
        if handler is None:
            return _json(404, {"message": f"no route {method} {path}"})
        return handler(guid, body)

    # --- the entities -------------------------------------------------------------

    def _create_product(self, body: dict[str, Any]) -> Answer:
        guid = body["guid"]
        if self.reserved.get(guid) != body["id_goods"]:
            return _json(422, {"message": "invalid", "errors": {"guid": ["unknown"]}})
        if len(body["name_goods"]) > 255:
            return _json(
                422,
                {
                    "message": "The given data was invalid.",
                    "errors": {"name_goods": ["at most 255 characters"]},
                },
            )
        if guid in self.products and not self.allow_duplicates:
            return _json(409, {"message": "the product exists"})
        self.products[guid] = dict(body)
        return _json(201, body)

    def _create_unit(self, guid: str, body: dict[str, Any]) -> Answer:
        units = self.units.setdefault(guid, [])
        if not self.allow_duplicates and any(
            u["id_unit"] == body["id_unit"] for u in units
        ):
            return _json(409, {"message": "the unit exists"})
        unit = dict(body, id_goods=self.reserved[guid], guid=f"u-{len(units)}")
        units.append(unit)
        return _json(201, unit)

    def _create_series(self, guid: str, body: dict[str, Any]) -> Answer:
        series = self.series.setdefault(guid, [])
        if not self.allow_duplicates and any(
            s["id_series"] == body["id_series"] for s in series
        ):
            return _json(409, {"message": "the series exists"})
        series.append(dict(body))
        return _json(201, body)

    def _create_price(self, guid: str, body: dict[str, Any]) -> Answer:
        prices = self.prices.setdefault(guid, [])
        if not self.allow_duplicates and any(
            p["id_price_level"] == body["id_price_level"] for p in prices
        ):
            return _json(409, {"message": "use a revaluation document"})
        prices.append(dict(body))
        return _json(201, body)

    def _create_barcode(self, guid: str, body: dict[str, Any]) -> Answer:
        barcodes = self.barcodes.setdefault(guid, [])
        if not self.allow_duplicates and any(
            b["bar_code"] == body["bar_code"] for b in barcodes
        ):
            return _json(409, {"message": "the barcode is used"})
        barcodes.append(dict(body))
        return _json(201, body)


def _json(status: int, body: Any) -> Answer:
    return status, {"Content-Type": "application/json"}, jsonio.dumps(body)
