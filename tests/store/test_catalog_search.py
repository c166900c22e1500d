"""Search as you type, paging for the product table, and the group tree."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.models import Group
from app.store import search
from app.store.catalog import Catalog
from app.store.search import ProductFilter
from tests.benchmarks.catalog_gen import ean13
from tests.store.builders import T0, add_product, barcode


def _names(catalog: Catalog, text: str) -> list[str]:
    return [row.name_goods for row in catalog.search(text)]


def test_name_prefix_comes_before_names_containing_the_text(catalog: Catalog) -> None:
    add_product(catalog, 1, "Chocolate milk")
    add_product(catalog, 2, "Milky Way")
    add_product(catalog, 3, "Milk 2.5%")
    add_product(catalog, 4, "Bread")

    assert _names(catalog, "milk") == ["Milk 2.5%", "Milky Way", "Chocolate milk"]


def test_search_folds_case_of_cyrillic_names(catalog: Catalog) -> None:
    add_product(catalog, 1, "Молоко Галичина 2,5%")
    add_product(catalog, 2, "Каша з молоком")

    assert _names(catalog, "МОЛОК") == ["Молоко Галичина 2,5%", "Каша з молоком"]


def test_exact_code_first_then_barcodes_starting_with_it(catalog: Catalog) -> None:
    add_product(catalog, 482, "Zucchini", [barcode(ean13("590000009999"))])
    add_product(catalog, 7, "Apples", [barcode(ean13("482000001234"))])
    add_product(catalog, 8, "Pears", [barcode(ean13("100482000000"))])

    found = catalog.search("482")

    assert [row.id_goods for row in found] == [482, 7]


def test_digit_prefix_matches_are_capped(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(1, 6):
        code = ean13(f"48200000000{index}")
        add_product(catalog, index, f"P{index}", [barcode(code)])
    monkeypatch.setattr(search, "DIGIT_PREFIX_CAP", 3)

    assert catalog.count(ProductFilter(text="482")) == 3


def test_exact_barcode_first_including_upc_a_typed_for_ean13(catalog: Catalog) -> None:
    add_product(catalog, 1, "Aaa cola 0075678164125 copy")
    add_product(catalog, 2, "Cola", [barcode("0075678164125")])

    assert catalog.search("075678164125")[0].id_goods == 2
    assert catalog.search("0075678164125")[0].id_goods == 2


def test_one_letter_lists_names_starting_with_it(catalog: Catalog) -> None:
    add_product(catalog, 1, "Mango")
    add_product(catalog, 2, "Apple")
    add_product(catalog, 3, "melon")
    add_product(catalog, 4, "Mint")
    catalog.mark_deleted([4])

    assert _names(catalog, "M") == ["Mango", "melon"]
    assert catalog.count(ProductFilter(text="m", show_deleted=True)) == 3


def test_every_word_must_match(catalog: Catalog) -> None:
    add_product(catalog, 1, "Milk Galychyna 2.5%")
    add_product(catalog, 2, "Milk Ferma 3.2%")

    assert _names(catalog, "milk ferma") == ["Milk Ferma 3.2%"]


def test_text_with_fts_syntax_is_taken_literally(catalog: Catalog) -> None:
    add_product(catalog, 1, 'Vodka "Khortytsia" 0.5 l')

    assert _names(catalog, '"khort') == ['Vodka "Khortytsia" 0.5 l']
    assert catalog.search("AND OR NOT *") == []


def test_summary_shows_group_and_first_active_barcode(catalog: Catalog) -> None:
    catalog.replace_groups([Group(id_group=3, name_group="Dairy", guid="g3")])
    add_product(
        catalog,
        1,
        "Kefir",
        [barcode(ean13("482000000002"), active=False), barcode(ean13("482000000003"))],
        id_group=3,
    )

    (row,) = catalog.search("kefir")

    assert row.group_name == "Dairy"
    assert row.bar_code == ean13("482000000003")
    assert row.bar_code_count == 2


def test_summary_keeps_the_main_barcode_when_a_lower_one_is_added(
    catalog: Catalog,
) -> None:
    main = barcode("5000159461122").model_copy(update={"time_create": T0})
    add_product(catalog, 1, "Twix", [main])
    added = barcode("4829990000014").model_copy(
        update={"time_create": T0 + timedelta(days=1)}
    )
    catalog.upsert_barcode(1, added)

    (row,) = catalog.summaries([1])

    assert row.bar_code == "5000159461122"
    assert row.default_unit_bar_code == "5000159461122"
    assert row.bar_code_count == 2


def test_count_and_pages_cover_every_product_once_in_name_order(
    catalog: Catalog,
) -> None:
    for index in range(1, 251):
        add_product(catalog, index, f"Item {index:04d}")
    flt = ProductFilter()

    pages = [catalog.product_ids_page(flt, offset, 100) for offset in (0, 100, 200)]

    assert catalog.count(flt) == 250
    assert [len(p) for p in pages] == [100, 100, 50]
    assert [i for page in pages for i in page] == list(range(1, 251))


def test_filter_by_group_includes_subgroups_and_hides_deleted(
    catalog: Catalog,
) -> None:
    catalog.replace_groups(
        [
            Group(id_group=1, name_group="Food", guid="g1"),
            Group(id_group=2, name_group="Dairy", guid="g2", id_owner_group=1),
            Group(id_group=3, name_group="Tools", guid="g3"),
        ]
    )
    add_product(catalog, 10, "Bread", id_group=1)
    add_product(catalog, 11, "Milk", id_group=2)
    add_product(catalog, 12, "Hammer", id_group=3)
    add_product(catalog, 13, "Old milk", id_group=2)
    catalog.mark_deleted([13])

    food = ProductFilter(id_group=1)
    only_food = ProductFilter(id_group=1, include_subgroups=False)
    with_deleted = ProductFilter(id_group=2, show_deleted=True)

    assert catalog.product_ids_page(food, 0, 10) == [10, 11]
    assert catalog.count(food) == 2
    assert catalog.product_ids_page(only_food, 0, 10) == [10]
    assert catalog.product_ids_page(with_deleted, 0, 10) == [11, 13]
    assert catalog.count(ProductFilter(text="milk", id_group=2)) == 1


def test_filter_hides_inactive_on_request(catalog: Catalog) -> None:
    add_product(catalog, 1, "On")
    add_product(catalog, 2, "Off", active=False)

    assert catalog.product_ids_page(ProductFilter(show_inactive=False), 0, 10) == [1]
    assert catalog.count(ProductFilter()) == 2


def test_group_tree_children_and_ancestors(catalog: Catalog) -> None:
    catalog.replace_groups(
        [
            Group(id_group=1, name_group="Food", guid="g1"),
            Group(id_group=2, name_group="Dairy", guid="g2", id_owner_group=1),
            Group(id_group=4, name_group="Cheese", guid="g4", id_owner_group=2),
            Group(id_group=3, name_group="Bakery", guid="g3", id_owner_group=1),
        ]
    )

    assert [g.name_group for g in catalog.child_groups(None)] == ["Food"]
    assert [g.name_group for g in catalog.child_groups(1)] == ["Bakery", "Dairy"]
    assert catalog.group_ancestors(4) == [2, 1]
    assert catalog.is_ancestor(1, 4)
    assert catalog.is_ancestor(4, 4)
    assert not catalog.is_ancestor(3, 4)


def test_replacing_groups_drops_groups_gone_from_the_server(catalog: Catalog) -> None:
    catalog.replace_groups([Group(id_group=1, name_group="A", guid="g1")])
    catalog.replace_groups([Group(id_group=2, name_group="B", guid="g2")])

    assert [g.id_group for g in catalog.groups()] == [2]


def test_cached_page_is_refreshed_by_a_write(catalog: Catalog) -> None:
    add_product(catalog, 1, "Beta")
    flt = ProductFilter(text="")
    before = catalog.product_ids_page(flt, 0, 10)

    add_product(catalog, 2, "Alpha")

    assert before == [1]
    assert catalog.product_ids_page(flt, 0, 10) == [2, 1]
    assert catalog.count(flt) == 2


def test_older_catalog_file_is_emptied_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE products (id_goods INTEGER PRIMARY KEY, name TEXT)")
    old.execute("CREATE VIRTUAL TABLE product_text USING fts5 (name, codes)")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    catalog = Catalog(path)
    add_product(catalog, 1, "Fresh")

    assert catalog.count(ProductFilter()) == 1
    catalog.close()
