"""Lists: paging, sorting and filtering (section 8), reservations under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from app.sandbox.testing import SandboxServer, running_server
from tests.sandbox.conftest import Api

NAMES = ["Кава мелена", "Чай зелений", "Какао", "Чай чорний", "Цукор"]


@pytest.fixture(scope="module")
def catalog_api() -> Any:
    """A fresh catalog with five products, named in NAMES order."""
    with running_server() as running:
        client = Api(running, "uk")
        for name in NAMES:
            client.make_product(name)
        yield client
        client.close()


def _names(rows: list[dict[str, Any]]) -> list[str]:
    return [row["name_goods"] for row in rows]


def test_without_new_pagination_the_answer_is_a_bare_array(catalog_api: Api) -> None:
    rows = catalog_api.ok(catalog_api.get("goods"))

    assert _names(rows) == NAMES


def test_pages_count_from_one_and_carry_meta(catalog_api: Api) -> None:
    body = catalog_api.ok(
        catalog_api.get(
            "goods", **{"new_pagination": "true", "page[num]": 2, "page[size]": 2}
        )
    )

    assert _names(body["data"]) == NAMES[2:4]
    assert body["meta"] == {
        "current_page": 2,
        "last_page": 3,
        "per_page": 2,
        "total": 5,
    }


@pytest.mark.parametrize("order", ["ascending", "descending"])
def test_pages_in_id_order_match_the_whole_list(catalog_api: Api, order: str) -> None:
    # Paged in id order, the list is read a page at a time in SQL: the same rows.
    whole = catalog_api.ok(
        catalog_api.get("goods", **{"sort[column]": "id_goods", "sort[order]": order})
    )
    pages = [
        catalog_api.ok(
            catalog_api.get(
                "goods",
                **{
                    "new_pagination": "true",
                    "page[num]": number,
                    "page[size]": 2,
                    "sort[column]": "id_goods",
                    "sort[order]": order,
                },
            )
        )
        for number in (1, 2, 3, 4)
    ]

    assert [row for page in pages for row in page["data"]] == whole
    assert [page["meta"]["total"] for page in pages] == [5] * 4
    assert pages[3]["data"] == [] and pages[3]["meta"]["last_page"] == 3


def test_page_past_the_end_is_empty(catalog_api: Api) -> None:
    body = catalog_api.ok(
        catalog_api.get(
            "goods", **{"new_pagination": "true", "page[num]": 9, "page[size]": 2}
        )
    )

    assert body["data"] == []
    assert body["meta"]["last_page"] == 3


@pytest.mark.parametrize(
    ("order", "expected"),
    [("ascending", sorted(NAMES)), ("descending", sorted(NAMES, reverse=True))],
)
def test_sorting(catalog_api: Api, order: str, expected: list[str]) -> None:
    rows = catalog_api.ok(
        catalog_api.get("goods", **{"sort[column]": "name_goods", "sort[order]": order})
    )

    assert _names(rows) == expected


def test_like_is_a_case_insensitive_substring(catalog_api: Api) -> None:
    rows = catalog_api.ok(
        catalog_api.get(
            "goods",
            **{
                "filters[name_goods][value]": "ЧАЙ",
                "filters[name_goods][term]": "like",
            },
        )
    )

    assert _names(rows) == ["Чай зелений", "Чай чорний"]


def test_not_excludes(catalog_api: Api) -> None:
    rows = catalog_api.ok(
        catalog_api.get(
            "goods",
            **{
                "filters[name_goods][value]": "Какао",
                "filters[name_goods][term]": "not",
            },
        )
    )

    assert "Какао" not in _names(rows)
    assert len(rows) == 4


def test_plain_filter_matches_equal_values(catalog_api: Api) -> None:
    first = catalog_api.ok(catalog_api.get("goods"))[0]

    rows = catalog_api.ok(
        catalog_api.get("goods", **{"filters[id_goods][value]": first["id_goods"]})
    )

    assert rows == [first]


def test_date_range_on_time_change_syncs_incrementally(catalog_api: Api) -> None:
    rows = catalog_api.ok(catalog_api.get("goods"))
    edited = rows[1]
    changed = catalog_api.ok(
        catalog_api.put(f"goods/{edited['guid']}", {"name_goods": "Чай зелений ✓"})
    )
    since = datetime.fromisoformat(changed["time_change"]) - timedelta(microseconds=1)

    later = catalog_api.ok(
        catalog_api.get(
            "goods",
            **{
                "filters[time_change][type]": "date_range",
                "filters[time_change][value][from]": since.isoformat(),
                "filters[time_change][value][to]": (
                    datetime.now(UTC) + timedelta(minutes=1)
                ).isoformat(),
            },
        )
    )
    catalog_api.ok(catalog_api.put(f"goods/{edited['guid']}", {"name_goods": NAMES[1]}))

    assert [row["guid"] for row in later] == [edited["guid"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sort[column]": "colour"}, "sort[column]"),
        ({"sort[order]": "sideways"}, "sort[order]"),
        ({"page[size]": 0}, "page[size]"),
        ({"filters[colour][value]": "red"}, "filters[colour]"),
        (
            {"filters[name_goods][value]": "x", "filters[name_goods][term]": "near"},
            "filters[name_goods]",
        ),
        (
            {
                "filters[time_change][type]": "date_range",
                "filters[time_change][value][from]": "yesterday",
            },
            "filters[time_change]",
        ),
    ],
    ids=[
        "sort-column",
        "sort-order",
        "page-size",
        "filter-field",
        "filter-term",
        "date",
    ],
)
def test_bad_list_parameters_are_422(
    catalog_api: Api, params: dict[str, Any], field: str
) -> None:
    response = catalog_api.get("goods", **params)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_unknown_locale_is_refused(server: SandboxServer) -> None:
    response = requests.get(
        f"{server.base_url}/api/de/goods", headers=server.headers, timeout=5
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["locale"]


def test_sixteen_parallel_reservations_are_distinct(server: SandboxServer) -> None:
    def reserve(_: int) -> tuple[int, str]:
        response = requests.post(
            f"{server.base_url}/api/uk/goods/id/last",
            headers=server.headers,
            timeout=10,
        )
        assert response.status_code == 201
        body = response.json()
        return body["id_goods"], body["guid"]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(reserve, range(16)))

    assert len({id_goods for id_goods, _ in results}) == 16
    assert len({guid for _, guid in results}) == 16


def test_parallel_reservations_on_a_database_file(tmp_path: Any) -> None:
    with running_server(tmp_path / "sandbox.sqlite3") as running:

        def reserve(_: int) -> int:
            response = requests.post(
                f"{running.base_url}/api/uk/goods/id/last",
                headers=running.headers,
                timeout=10,
            )
            return int(response.json()["id_goods"])

        with ThreadPoolExecutor(max_workers=16) as pool:
            ids = list(pool.map(reserve, range(16)))

    assert sorted(ids) == list(range(1, 17))
