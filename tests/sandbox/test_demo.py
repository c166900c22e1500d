"""The demo catalog: what `summary()` promises is what the server serves."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from app.sandbox import demo
from app.sandbox.db import Database
from app.sandbox.testing import running_server
from tests.sandbox.conftest import Api

UNITS = {"шт", "кг", "г", "л", "мл", "м", "упак", "ящ"}


@pytest.fixture(scope="module")
def demo_api() -> Iterator[Api]:
    with running_server(demo=True) as running:
        client = Api(running, "uk")
        yield client
        client.close()


def _product_by_code(api: Api, bar_code: str) -> tuple[dict[str, Any], list[Any]]:
    """The product that carries `bar_code`, found as a client would: by name."""
    item = demo.summary().by_bar_code(bar_code)
    rows = api.ok(
        api.get(
            "goods",
            **{"filters[name_goods][value]": item.name_goods},
        )
    )
    assert len(rows) == 1, rows
    barcodes = api.ok(api.get(f"goods/{rows[0]['guid']}/barcodes"))
    return rows[0], barcodes


def test_groups_form_the_tree_of_the_csv_paths(demo_api: Api) -> None:
    groups = demo_api.ok(demo_api.get("groupGoods"))
    by_id = {group["id_group"]: group for group in groups}

    def path(group: dict[str, Any]) -> str:
        owner = group["id_owner_group"]
        return (
            group["name_group"]
            if owner is None
            else f"{path(by_id[owner])}/" + (group["name_group"])
        )

    assert {path(group) for group in groups} == set(demo.summary().group_paths)
    drinks = next(g for g in groups if g["name_group"] == "Напої")
    assert drinks["id_owner_group"] is None and drinks["hasChildren"] is True


def test_every_product_of_the_summary_is_served(demo_api: Api) -> None:
    served = demo_api.ok(demo_api.get("goods"))

    assert sorted(p["name_goods"] for p in served) == sorted(
        p.name_goods for p in demo.summary().products
    )
    assert len(served) >= 80


def test_unit_dictionary_has_the_shop_units(demo_api: Api) -> None:
    names = {unit["name_unit"] for unit in demo_api.ok(demo_api.get("units"))}

    assert names == UNITS


def test_purchase_and_retail_levels_with_prices(demo_api: Api) -> None:
    levels = demo_api.ok(demo_api.get("price-level"))
    water, _ = _product_by_code(demo_api, "4820017000024")
    prices = demo_api.ok(demo_api.get(f"goods/{water['guid']}/goodsPrice/prices"))

    assert [(lv["id_price_level"], lv["name_price_level"]) for lv in levels] == [
        (-1, "Закупівельна"),
        (1, "Роздрібна"),
    ]
    by_level = {price["id_price_level"]: price for price in prices}
    assert set(by_level) == {-1, 1}
    assert by_level[-1]["price"] < by_level[1]["price"]
    assert isinstance(by_level[1]["price"], Decimal)
    assert Decimal("0.10") <= by_level[1]["min_price"] <= by_level[1]["max_price"]


def test_drinks_come_in_boxes_of_twelve(demo_api: Api) -> None:
    item = demo.summary().by_bar_code("4820017000024")
    water, barcodes = _product_by_code(demo_api, "4820017000024")
    units = demo_api.ok(demo_api.get(f"goods/{water['guid']}/units"))

    box = next(unit for unit in units if unit["name_unit"] == "ящ")
    assert box["rate"] == 12 and box["is_default"] is False
    assert item.box_bar_code is not None
    assert {(b["bar_code"], b["id_unit"]) for b in barcodes} == {
        ("4820017000024", 1),
        (item.box_bar_code, box["id_unit"]),
    }


def test_periodical_issues_carry_two_digit_add_ons(demo_api: Api) -> None:
    magazine, barcodes = _product_by_code(demo_api, "9770013061206")
    series = demo_api.ok(demo_api.get(f"goods/{magazine['guid']}/series"))

    issue_ids = {s["id_series"] for s in series} - {"-"}
    assert len(issue_ids) >= 2
    assert {(b["id_series"], b["ext_bar_code"]) for b in barcodes} == {
        (s, s[-2:]) for s in issue_ids
    }
    assert {b["bar_code"] for b in barcodes} == {"9770013061206"}


def test_the_goal_has_its_five_digit_price_add_on(demo_api: Api) -> None:
    _, barcodes = _product_by_code(demo_api, "9780884271789")

    assert [(b["bar_code"], b["ext_bar_code"]) for b in barcodes] == [
        ("9780884271789", "52495")
    ]


def test_weighed_goods_have_in_store_item_keys(demo_api: Api) -> None:
    weighed = [p for p in demo.summary().products if p.bar_code[:2] in ("21", "22")]

    assert len(weighed) >= 3
    for item in weighed:
        assert item.bar_code == demo.with_check_digit(item.bar_code[:12])
        assert item.bar_code[7:12] == "00000"  # the weight digits of the item key
        product, barcodes = _product_by_code(demo_api, item.bar_code)
        units = demo_api.ok(demo_api.get(f"goods/{product['guid']}/units"))
        default = next(unit for unit in units if unit["is_default"])
        assert (default["name_unit"], default["type_unit"]) == ("кг", 3)
        assert [b["bar_code"] for b in barcodes] == [item.bar_code]


def test_check_digits_are_gs1() -> None:
    # Known codes from the demo list: their last digit is the GS1 check digit.
    assert demo.with_check_digit("482001700002") == "4820017000024"
    assert demo.with_check_digit("978088427178") == "9780884271789"
    assert demo.box_gtin("4820017000024") == "14820017000021"


def test_fill_runs_only_on_an_empty_database() -> None:
    database = Database()

    first = demo.fill(database)
    second = demo.fill(database)

    assert (first, second) == (True, False)
    database.dispose()


def test_copied_demo_matches_a_built_one() -> None:
    built, copied = Database(), Database()
    demo.fill(built)

    first = demo.fill_copy(copied)
    second = demo.fill_copy(copied)

    def contents(database: Database) -> list[Any]:
        with database.engine.connect() as connection:
            return [
                sorted(map(tuple, connection.exec_driver_sql(query).all()))
                for query in (
                    "SELECT bar_code, ext_bar_code, id_series FROM goods_barcode",
                    "SELECT name_goods, id_group FROM goods",
                    "SELECT id_goods, id_price_level, price FROM goods_price",
                )
            ]

    assert (first, second) == (True, False)
    assert contents(copied) == contents(built)
    built.dispose()
    copied.dispose()
