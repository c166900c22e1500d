"""CatalogClient against recorded answers (`responses`): endpoints, body shapes,
errors, retries and logging. No network, no real sleeping."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email.utils import format_datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from app.api.client import CatalogClient, RetryPolicy, parse_retry_after
from app.api.errors import (
    ApiError,
    Conflict,
    InvalidResponse,
    NotAuthorized,
    NotFound,
    RequestTimedOut,
    ServerUnavailable,
    ValidationFailed,
)
from app.domain.models import (
    BarcodeWrite,
    GroupWrite,
    PriceLevelWrite,
    PriceWrite,
    ProductUnitWrite,
    ProductWrite,
    SeriesWrite,
    UnitType,
)

BASE = "http://catalog.test"
API = f"{BASE}/api/uk"
TOKEN = "s3cret-token-value"
GUID = "0f3c2a9e-1111-4222-8333-944455556666"

GROUP = {"id_group": 7, "name_group": "Drinks", "guid": "g-7", "hasChildren": False}
LEVEL = {"id_price_level": -1, "name_price_level": "Purchase", "guid": "pl-1"}
SAMPLE = {"id_unit": 1, "name_unit": "pc", "full_name": "piece"}
PRODUCT = {"id_goods": 42, "guid": GUID, "name_goods": "Tea", "vendor_field": "kept"}
UNIT = {"id_unit": 1, "id_goods": 42, "type_unit": 1, "rate": 1.0, "is_default": True}
SERIES = {"id_series": "-", "name_series": "-", "guid": "s-1"}
PRICE = {
    "id_goods": 42,
    "id_unit": 1,
    "id_series": "-",
    "id_price_level": 1,
    "price": 12.3456,
    "min_price": 0.10,
    "max_price": 12.3456,
}
BARCODE = {"bar_code": "4820000000015", "id_unit": 1, "id_series": "-", "guid": "b-1"}


class FakeSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def client(sleep: FakeSleep) -> CatalogClient:
    return CatalogClient(
        requests.Session(), BASE + "/", TOKEN, locale="uk", sleep=sleep
    )


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        yield rsps


def query(call: responses.Call) -> dict[str, list[str]]:
    return parse_qs(urlsplit(str(call.request.url)).query)


def sent_json(call: responses.Call) -> dict[str, object]:
    body = call.request.body
    assert body is not None
    loaded: dict[str, object] = json.loads(body, parse_float=Decimal)
    return loaded


# --- requests as sent ---------------------------------------------------------------


def test_request_carries_token_timeout_and_locale(
    mocked: responses.RequestsMock,
) -> None:
    mocked.get(f"{BASE}/api/en/groupGoods", json=[GROUP])
    session = requests.Session()
    seen: dict[str, object] = {}
    original = session.request

    def spy(*args: object, **kwargs: object) -> requests.Response:
        seen.update(kwargs)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    session.request = spy  # type: ignore[method-assign]
    client = CatalogClient(session, BASE, TOKEN, locale="en")

    client.list_groups()

    assert seen["timeout"] == (5.0, 30.0)
    request = mocked.calls[0].request
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert "Content-Type" not in request.headers


def test_body_is_json_with_exact_decimals(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(f"{API}/goods/{GUID}/goodsPrice", json=PRICE, status=201)
    write = PriceWrite(
        id_goods=42,
        id_unit=1,
        id_series="-",
        id_price_level=1,
        price=Decimal("12.3456"),
        min_price=Decimal("0.10"),
        max_price=Decimal("12.3456"),
    )

    price = client.create_price(GUID, write)

    request = mocked.calls[0].request
    assert request.headers["Content-Type"] == "application/json"
    assert isinstance(request.body, bytes)
    assert b'"price":12.3456' in request.body
    assert b'"min_price":0.10' in request.body
    assert price.price == Decimal("12.3456")
    assert isinstance(price.min_price, Decimal)


# --- every endpoint -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "method", "path", "answer", "expect_body"),
    [
        (lambda c: c.list_groups(), "GET", "groupGoods", [GROUP], None),
        (
            lambda c: c.create_group(GroupWrite(name_group="Drinks")),
            "POST",
            "groupGoods",
            GROUP,
            {"name_group": "Drinks", "active": True},
        ),
        (
            lambda c: c.update_group(
                "g-7", GroupWrite(name_group="Soft", active=False)
            ),
            "PUT",
            "groupGoods/g-7",
            GROUP,
            {"name_group": "Soft", "active": False},
        ),
        (lambda c: c.list_price_levels(), "GET", "price-level", [LEVEL], None),
        (
            lambda c: c.create_price_level(PriceLevelWrite(name_price_level="Retail")),
            "POST",
            "price-level",
            LEVEL,
            {"name_price_level": "Retail"},
        ),
        (
            lambda c: c.update_price_level(
                "pl-1", PriceLevelWrite(name_price_level="Shop", active=True)
            ),
            "PUT",
            "price-level/pl-1",
            LEVEL,
            {"name_price_level": "Shop"},
        ),
        (lambda c: c.list_unit_samples(), "GET", "units", [SAMPLE], None),
        (lambda c: c.list_products(), "GET", "goods", [PRODUCT], None),
        (lambda c: c.get_product(GUID), "GET", f"goods/{GUID}", PRODUCT, None),
        (
            lambda c: c.update_product(
                GUID, ProductWrite(id_goods=42, guid=GUID, name_goods="Green tea")
            ),
            "PUT",
            f"goods/{GUID}",
            PRODUCT,
            {"name_goods": "Green tea", "id_goods": 42},
        ),
        (
            lambda c: c.reserve_product_id(),
            "POST",
            "goods/id/last",
            {"id_goods": 42, "guid": GUID},
            None,
        ),
        (
            lambda c: c.create_product(
                ProductWrite(id_goods=42, guid=GUID, name_goods="Tea")
            ),
            "POST",
            "goods",
            PRODUCT,
            {"id_goods": 42, "guid": GUID, "name_goods": "Tea", "free_price": False},
        ),
        (lambda c: c.list_units(GUID), "GET", f"goods/{GUID}/units", [UNIT], None),
        (
            lambda c: c.create_unit(
                GUID,
                ProductUnitWrite(
                    id_unit=1,
                    type_unit=UnitType.INTEGER,
                    rate=Decimal(1),
                    is_default=True,
                ),
            ),
            "POST",
            f"goods/{GUID}/units",
            UNIT,
            {"id_unit": 1, "type_unit": 1, "rate": 1, "is_default": True},
        ),
        (
            lambda c: c.update_unit(
                GUID,
                "u-1",
                ProductUnitWrite(
                    id_unit=1, type_unit=UnitType.QUARTER, rate=Decimal(1)
                ),
            ),
            "PUT",
            f"goods/{GUID}/units/u-1",
            UNIT,
            {"type_unit": 2},
        ),
        (lambda c: c.list_series(GUID), "GET", f"goods/{GUID}/series", [SERIES], None),
        (
            lambda c: c.create_series(
                GUID, SeriesWrite(id_series="-", name_series="-")
            ),
            "POST",
            f"goods/{GUID}/series",
            SERIES,
            {"id_series": "-", "name_series": "-"},
        ),
        (
            lambda c: c.list_prices(GUID),
            "GET",
            f"goods/{GUID}/goodsPrice/prices",
            [PRICE],
            None,
        ),
        (
            lambda c: c.list_barcodes(GUID),
            "GET",
            f"goods/{GUID}/barcodes",
            [BARCODE],
            None,
        ),
        (
            lambda c: c.create_barcode(
                GUID, BarcodeWrite(bar_code="4820000000015", id_unit=1, id_series="-")
            ),
            "POST",
            f"goods/{GUID}/barcodes",
            BARCODE,
            {"bar_code": "4820000000015", "ext_bar_code": None},
        ),
        (
            lambda c: c.update_barcode(
                GUID,
                "b-1",
                BarcodeWrite(
                    bar_code="4820000000015", id_unit=1, id_series="-", active=False
                ),
            ),
            "PUT",
            f"goods/{GUID}/barcodes/b-1",
            BARCODE,
            {"active": False},
        ),
    ],
)
def test_every_endpoint(
    client: CatalogClient,
    mocked: responses.RequestsMock,
    call: object,
    method: str,
    path: str,
    answer: object,
    expect_body: dict[str, object] | None,
) -> None:
    mocked.add(method, f"{API}/{path}", json=answer)

    result = call(client)  # type: ignore[operator]

    request = mocked.calls[0].request
    assert request.method == method
    assert urlsplit(request.url).path == f"/api/uk/{path}"
    if expect_body is None:
        assert request.body is None
    else:
        body = sent_json(mocked.calls[0])
        for key, value in expect_body.items():
            assert body[key] == value, key
    if method == "GET" and isinstance(answer, list):
        assert isinstance(result, list) and len(result) == 1
        assert query(mocked.calls[0])["new_pagination"] == ["true"]
    if path.startswith(f"goods/{GUID}/units/"):
        assert "id_unit" not in sent_json(mocked.calls[0])


def test_read_models_keep_unknown_fields(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{API}/goods/{GUID}", json={"data": PRODUCT})
    mocked.put(f"{API}/goods/{GUID}", json=PRODUCT)

    product = client.get_product(GUID)
    client.update_product(GUID, product)

    assert sent_json(mocked.calls[1])["vendor_field"] == "kept"


# --- body shapes and paging ---------------------------------------------------------


def _page(items: list[dict[str, object]], **paging: object) -> dict[str, object]:
    return {"data": items, **paging}


def _groups(start: int, count: int) -> list[dict[str, object]]:
    return [
        {"id_group": n, "name_group": f"G{n}", "guid": f"g-{n}"}
        for n in range(start, start + count)
    ]


@pytest.mark.parametrize(
    "pages",
    [
        pytest.param([_groups(1, 2), _groups(3, 2), _groups(5, 1)], id="bare-array"),
        pytest.param(
            [_page(_groups(1, 2)), _page(_groups(3, 2)), _page(_groups(5, 1))],
            id="data-without-paging",
        ),
        pytest.param(
            [
                _page(_groups(1, 2), current_page=1, last_page=3, total=5),
                _page(_groups(3, 2), current_page=2, last_page=3, total=5),
                _page(_groups(5, 1), current_page=3, last_page=3, total=5),
            ],
            id="top-level-paging",
        ),
        pytest.param(
            [
                _page(_groups(1, 2), meta={"current_page": 1, "last_page": 3}),
                _page(_groups(3, 2), meta={"current_page": 2, "last_page": 3}),
                _page(_groups(5, 1), meta={"current_page": 3, "last_page": 3}),
            ],
            id="meta",
        ),
        pytest.param(
            [
                _page(_groups(1, 2), links={"next": "x?page=2"}, total=5),
                _page(_groups(3, 2), links={"next": "x?page=3"}, total=5),
                _page(_groups(5, 1), links={"next": None}, total=5),
            ],
            id="links",
        ),
        pytest.param(
            [
                _page(_groups(1, 2), total=5),
                _page(_groups(3, 2), total=5),
                _page(_groups(5, 1), total=5),
            ],
            id="total-only",
        ),
    ],
)
def test_lists_walk_all_pages_of_every_shape(
    mocked: responses.RequestsMock, sleep: FakeSleep, pages: list[object]
) -> None:
    for page in pages:
        mocked.get(f"{API}/groupGoods", json=page)
    client = CatalogClient(requests.Session(), BASE, TOKEN, sleep=sleep, page_size=2)

    groups = client.list_groups()

    assert [g.id_group for g in groups] == [1, 2, 3, 4, 5]
    assert [query(c)["page[num]"] for c in mocked.calls] == [["1"], ["2"], ["3"]]
    assert all(query(c)["page[size]"] == ["2"] for c in mocked.calls)


def test_list_stops_when_last_page_is_exactly_full(
    mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.get(f"{API}/groupGoods", json=_groups(1, 2))
    mocked.get(f"{API}/groupGoods", json=[])
    client = CatalogClient(requests.Session(), BASE, TOKEN, sleep=sleep, page_size=2)

    assert [g.id_group for g in client.list_groups()] == [1, 2]


def test_list_of_server_that_ignores_paging_is_read_once(
    mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    everything = _groups(1, 3)
    mocked.get(f"{API}/groupGoods", json=everything)
    mocked.get(f"{API}/groupGoods", json=everything)
    client = CatalogClient(requests.Session(), BASE, TOKEN, sleep=sleep, page_size=3)

    assert [g.id_group for g in client.list_groups()] == [1, 2, 3]


def test_product_pages_report_total_and_send_filters(
    mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    products = [dict(PRODUCT, id_goods=n, guid=f"p-{n}") for n in range(1, 4)]
    mocked.get(f"{API}/goods", json={"data": products[:2], "meta": {"total": 3}})
    mocked.get(f"{API}/goods", json={"data": products[2:], "meta": {"total": 3}})
    client = CatalogClient(requests.Session(), BASE, TOKEN, sleep=sleep)
    since = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)

    pages = list(
        client.iter_product_pages(
            changed_since=since,
            page_size=2,
            sort=("name_goods", "descending"),
            filters={"name_goods": {"value": "tea", "term": "like"}, "active": True},
        )
    )

    assert [([p.id_goods for p in items], total) for items, total in pages] == [
        ([1, 2], 3),
        ([3], 3),
    ]
    sent = query(mocked.calls[0])
    assert sent["filters[time_change][value][from]"] == ["2026-12-01T10:30:00Z"]
    assert sent["filters[time_change][type]"] == ["date_range"]
    assert sent["sort[column]"] == ["name_goods"]
    assert sent["sort[order]"] == ["descending"]
    assert sent["filters[name_goods][value]"] == ["tea"]
    assert sent["filters[name_goods][term]"] == ["like"]
    assert sent["filters[active][value]"] == ["true"]


def test_list_products_gathers_pages(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{API}/goods", json={"data": [PRODUCT], "last_page": 1})

    assert [p.guid for p in client.list_products()] == [GUID]


# --- errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, ValidationFailed),
        (401, NotAuthorized),
        (403, NotAuthorized),
        (404, NotFound),
        (408, RequestTimedOut),
        (409, Conflict),
        (418, ApiError),
        (422, ValidationFailed),
        (500, ServerUnavailable),
        (502, ServerUnavailable),
        (503, ServerUnavailable),
        (504, RequestTimedOut),
        (429, ServerUnavailable),
    ],
)
def test_status_becomes_error_class(
    client: CatalogClient,
    mocked: responses.RequestsMock,
    status: int,
    error_class: type[ApiError],
) -> None:
    mocked.post(f"{API}/groupGoods", json={"message": "nope"}, status=status)

    with pytest.raises(error_class) as caught:
        client.create_group(GroupWrite(name_group="X"))

    error = caught.value
    assert type(error) is error_class
    assert (error.method, error.path, error.status) == (
        "POST",
        "/api/uk/groupGoods",
        status,
    )
    assert error.server_message == "nope"
    assert "nope" in str(error) and "POST /api/uk/groupGoods" in str(error)
    assert len(mocked.calls) == 1  # a POST is never retried


def test_validation_failed_carries_field_errors(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(
        f"{API}/goods",
        status=422,
        json={
            "message": "The given data was invalid.",
            "errors": {"name_goods": ["The name may not be longer than 255."]},
        },
    )

    with pytest.raises(ValidationFailed) as caught:
        client.create_product(ProductWrite(id_goods=1, guid=GUID, name_goods="x"))

    assert caught.value.field_errors == {
        "name_goods": ["The name may not be longer than 255."]
    }
    assert caught.value.server_message == "The given data was invalid."
    assert "name_goods: The name may not be longer than 255." in str(caught.value)


def test_non_json_error_body_gives_its_first_line(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{API}/units", body="<h1>Forbidden by proxy</h1>\nmore", status=403)

    with pytest.raises(NotAuthorized) as caught:
        client.list_unit_samples()

    assert caught.value.server_message == "<h1>Forbidden by proxy</h1>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("<html>", "not JSON", id="not-json"),
        pytest.param('{"items": []}', "'data' array", id="wrong-list-shape"),
        pytest.param('[{"id_group": "x"}]', "item 0 is not a Group", id="bad-item"),
        pytest.param("", "empty answer", id="empty"),
    ],
)
def test_invalid_list_answer(
    client: CatalogClient, mocked: responses.RequestsMock, body: str, expected: str
) -> None:
    mocked.get(f"{API}/groupGoods", body=body)

    with pytest.raises(InvalidResponse, match=expected) as caught:
        client.list_groups()

    assert caught.value.path == "/api/uk/groupGoods"


def test_invalid_entity_answer_names_the_field(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.post(f"{API}/goods/id/last", json={"id_goods": "forty-two"})

    with pytest.raises(InvalidResponse, match="id_goods") as caught:
        client.reserve_product_id()

    assert isinstance(caught.value.__cause__, Exception)


def test_connection_error_becomes_server_unavailable(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.post(f"{API}/goods", body=requests.ConnectionError("refused"))

    with pytest.raises(ServerUnavailable, match="cannot reach") as caught:
        client.create_product(ProductWrite(id_goods=1, guid=GUID, name_goods="x"))

    assert isinstance(caught.value.__cause__, requests.ConnectionError)
    assert caught.value.status is None
    assert sleep.waits == []


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (requests.ReadTimeout("slow"), "no answer within 30 s"),
        (requests.ConnectTimeout("slow"), "connecting took longer than 5 s"),
    ],
)
def test_timeouts_become_request_timed_out(
    client: CatalogClient,
    mocked: responses.RequestsMock,
    failure: Exception,
    expected: str,
) -> None:
    mocked.post(f"{API}/goods/{GUID}/units", body=failure)

    with pytest.raises(RequestTimedOut, match=expected) as caught:
        client.create_unit(
            GUID, ProductUnitWrite(id_unit=1, type_unit=UnitType.INTEGER, rate=1)
        )

    assert caught.value.__cause__ is failure


# --- retries ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_get_is_retried_on_busy_statuses_with_backoff(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep, status: int
) -> None:
    mocked.get(f"{API}/units", status=status)
    mocked.get(f"{API}/units", status=status)
    mocked.get(f"{API}/units", json=[SAMPLE])

    assert [s.id_unit for s in client.list_unit_samples()] == [1]
    assert sleep.waits == [0.5, 1.0]


def test_put_is_retried_after_connection_error(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.put(f"{API}/groupGoods/g-7", body=requests.ConnectionError("reset"))
    mocked.put(f"{API}/groupGoods/g-7", json=GROUP)

    assert client.update_group("g-7", GroupWrite(name_group="Drinks")).id_group == 7
    assert sleep.waits == [0.5]


def test_retries_give_up_after_the_policy_limit(
    mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    client = CatalogClient(
        requests.Session(), BASE, TOKEN, sleep=sleep, retry=RetryPolicy(max_retries=2)
    )
    for _ in range(3):
        mocked.get(f"{API}/units", status=503, json={"message": "maintenance"})

    with pytest.raises(ServerUnavailable) as caught:
        client.list_unit_samples()

    assert caught.value.server_message == "maintenance"
    assert len(mocked.calls) == 3
    assert sleep.waits == [0.5, 1.0]


def test_get_is_not_retried_on_other_errors(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.get(f"{API}/units", status=500)
    mocked.get(f"{API}/price-level", body=requests.ReadTimeout("slow"))

    with pytest.raises(ServerUnavailable):
        client.list_unit_samples()
    with pytest.raises(RequestTimedOut):
        client.list_price_levels()

    assert len(mocked.calls) == 2
    assert sleep.waits == []


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_post_is_never_retried(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep, status: int
) -> None:
    mocked.post(f"{API}/goods/id/last", status=status, headers={"Retry-After": "1"})

    with pytest.raises(ApiError):
        client.reserve_product_id()

    assert len(mocked.calls) == 1
    assert sleep.waits == []


def test_retry_after_seconds_is_honoured(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.get(f"{API}/units", status=429, headers={"Retry-After": "7"})
    mocked.get(f"{API}/units", json=[SAMPLE])

    client.list_unit_samples()

    assert sleep.waits == [7.0]


def test_retry_after_http_date_is_honoured(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    when = datetime.now(UTC) + timedelta(seconds=20)
    mocked.get(
        f"{API}/units", status=503, headers={"Retry-After": format_datetime(when, True)}
    )
    mocked.get(f"{API}/units", json=[SAMPLE])

    client.list_unit_samples()

    assert len(sleep.waits) == 1
    assert 17.0 <= sleep.waits[0] <= 20.0


def test_retry_after_beyond_the_limit_fails_at_once(
    client: CatalogClient, mocked: responses.RequestsMock, sleep: FakeSleep
) -> None:
    mocked.get(f"{API}/units", status=503, headers={"Retry-After": "3600"})

    with pytest.raises(ServerUnavailable) as caught:
        client.list_unit_samples()

    assert caught.value.retry_after == 3600.0
    assert sleep.waits == []


def test_parse_retry_after() -> None:
    now = datetime(2026, 12, 3, 12, 0, 0, tzinfo=UTC)

    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Thu, 03 Dec 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Thu, 03 Dec 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


# --- logging ------------------------------------------------------------------------


def test_one_info_line_per_request_without_token_or_body(
    client: CatalogClient,
    mocked: responses.RequestsMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="app.api")
    mocked.post(f"{API}/groupGoods", json=GROUP, status=201)
    mocked.get(f"{API}/units", status=503)
    mocked.get(f"{API}/units", json=[SAMPLE])

    client.create_group(GroupWrite(name_group="SecretGroupName"))
    client.list_unit_samples()

    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(info) == 3
    assert info[0].startswith("POST /api/uk/groupGoods -> 201 in ")
    assert info[0].endswith(" ms")
    assert info[1].startswith("GET /api/uk/units -> 503 in ")
    assert len(debug) == 1
    assert "HTTP 503" in debug[0] and "retry 1 of 3" in debug[0]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert TOKEN not in everything
    assert "SecretGroupName" not in everything
    assert TOKEN not in repr(client)


def test_retry_reason_for_connection_error_is_logged(
    client: CatalogClient,
    mocked: responses.RequestsMock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="app.api")
    mocked.get(f"{API}/units", body=requests.ConnectionError("reset"))
    mocked.get(f"{API}/units", json=[SAMPLE])

    client.list_unit_samples()

    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any("connection error (ConnectionError)" in line for line in debug)


def test_after_send_hook_runs_only_inside_its_block(
    client: CatalogClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{API}/units", json=[SAMPLE])
    mocked.get(f"{API}/units", json=[SAMPLE])
    fired: list[str] = []

    with client.after_send_hook(lambda: fired.append("sent")):
        client.list_unit_samples()
    client.list_unit_samples()

    assert fired == ["sent"]
