"""Lookup by scanned code in the local catalog (no network)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.barcode import read_barcode
from app.domain.errors import BarcodeError
from app.store.catalog import Catalog
from app.store.records import MatchKind
from tests.benchmarks.catalog_gen import ean8, ean13, upca
from tests.store.builders import add_product, barcode

UPC = "075678164125"  # a UPC-A; its EAN-13 form is 0075678164125
PERIODICAL = ean13("977123456700")
BOOK = ean13("978030640615")
WEIGHED_KEY = ean13("201234500000")  # in-store item 12345, value digits zeroed


def test_upc_a_scan_finds_product_stored_as_ean13(catalog: Catalog) -> None:
    add_product(catalog, 1, "Cola", [barcode("0" + UPC)])

    found = catalog.lookup_text(UPC)

    assert found is not None
    assert found.product.id_goods == 1
    assert found.barcode.bar_code == "0" + UPC
    assert found.match is MatchKind.BARCODE


def test_ean13_scan_finds_product_stored_as_upc_a(catalog: Catalog) -> None:
    add_product(catalog, 2, "Cola", [barcode(UPC)])

    found = catalog.lookup_text("0" + UPC)

    assert found is not None and found.product.id_goods == 2


def test_ean8_found_by_itself_and_by_its_gtin14_form(catalog: Catalog) -> None:
    short = ean8("9638507")
    add_product(catalog, 3, "Gum", [barcode(short)])

    found = catalog.lookup_text(short)
    padded = catalog.lookup_text("00000" + short)  # GS1: the GTIN-8 as an EAN-13

    assert found is not None and found.product.id_goods == 3
    assert padded is not None and padded.product.id_goods == 3


def test_eight_digits_valid_as_upc_e_and_ean8_are_found_either_way(
    catalog: Catalog,
) -> None:
    add_product(catalog, 20, "Tiny pack", [barcode("00000147")])

    as_upc_e = catalog.lookup_text("]E000000147")  # the scanner says UPC-E
    as_ean8 = catalog.lookup_text("]E400000147")  # the scanner says EAN-8
    as_upc_a = catalog.lookup_text("000000000017")  # the UPC-E written out

    assert as_upc_e is not None and as_upc_e.product.id_goods == 20
    assert as_ean8 is not None and as_ean8.product.id_goods == 20
    assert as_upc_a is not None and as_upc_a.product.id_goods == 20


def test_result_carries_unit_and_series_of_the_barcode(catalog: Catalog) -> None:
    add_product(catalog, 4, "Water", [barcode(ean13("482000000001"))])

    found = catalog.lookup_text(ean13("482000000001"))

    assert found is not None
    assert found.unit is not None and found.unit.name_unit == "шт"
    assert found.series is not None and found.series.id_series == "-"
    assert found.product.details_fetched


def test_add_on_selects_the_series_row(catalog: Catalog) -> None:
    from app.domain.models import Series

    add_product(
        catalog,
        5,
        "Newspaper",
        [
            barcode(PERIODICAL, "05", id_series="5"),
            barcode(PERIODICAL, "06", id_series="6"),
        ],
        series=[
            Series(id_series="5", name_series="Issue 5"),
            Series(id_series="6", name_series="Issue 6"),
        ],
    )

    found = catalog.lookup_text(f"{PERIODICAL} 06")

    assert found is not None
    assert found.barcode.ext_bar_code == "06"
    assert found.series is not None and found.series.name_series == "Issue 6"
    assert found.match is MatchKind.BARCODE


def test_add_on_not_stored_falls_back_to_main_code(catalog: Catalog) -> None:
    add_product(catalog, 6, "Book", [barcode(BOOK)])

    found = catalog.lookup_text(f"{BOOK}+51599")

    assert found is not None and found.product.id_goods == 6
    assert found.match is MatchKind.MAIN_CODE_ONLY


def test_main_code_alone_does_not_match_a_code_stored_only_with_add_on(
    catalog: Catalog,
) -> None:
    add_product(catalog, 7, "Magazine", [barcode(PERIODICAL, "12")])

    assert catalog.lookup_text(PERIODICAL) is None


def test_every_add_on_of_a_main_code_is_listed_for_duplicate_checks(
    catalog: Catalog,
) -> None:
    add_product(catalog, 17, "Magazine", [barcode(PERIODICAL, "12")])
    add_product(catalog, 18, "Magazine special", [barcode(PERIODICAL, "13")])
    add_product(catalog, 19, "Other", [barcode(BOOK)])

    found = catalog.lookup_main_code(read_barcode(PERIODICAL))

    assert sorted(r.barcode.ext_bar_code or "" for r in found) == ["12", "13"]
    assert {r.product.id_goods for r in found} == {17, 18}


def test_internal_code_matches_exactly_and_is_never_padded(catalog: Catalog) -> None:
    add_product(catalog, 8, "Bulk nuts", [barcode("12345")])

    found = catalog.lookup_text("12345")

    assert found is not None and found.product.id_goods == 8
    assert catalog.lookup_text("0012345") is None


def test_in_store_weight_code_found_by_item_key_with_quantity(catalog: Catalog) -> None:
    add_product(catalog, 9, "Cheese by weight", [barcode(WEIGHED_KEY)])
    scanned = ean13("201234501250")  # item 12345, 1.250 kg

    found = catalog.lookup_text(scanned)

    assert found is not None and found.product.id_goods == 9
    assert found.match is MatchKind.IN_STORE_ITEM
    assert found.quantity == Decimal("1.250")


def test_in_store_code_found_by_item_code_stored_as_internal(catalog: Catalog) -> None:
    add_product(catalog, 10, "Ham by weight", [barcode("12345")])

    found = catalog.lookup_text(ean13("201234500750"))

    assert found is not None and found.product.id_goods == 10
    assert found.quantity == Decimal("0.750")


def test_active_barcode_wins_over_inactive_duplicate_key(catalog: Catalog) -> None:
    add_product(catalog, 11, "Old", [barcode(UPC, active=False)])
    add_product(catalog, 12, "New", [barcode("0" + UPC)])

    found = catalog.lookup_text(UPC)

    assert found is not None and found.product.id_goods == 12


def test_deleted_and_inactive_products_are_found_but_marked(catalog: Catalog) -> None:
    add_product(catalog, 13, "Gone", [barcode(ean13("482000000013"))])
    add_product(catalog, 14, "Off", [barcode(ean13("482000000014"))], active=False)
    catalog.mark_deleted([13])

    gone = catalog.lookup_text(ean13("482000000013"))
    off = catalog.lookup_text(ean13("482000000014"))

    assert gone is not None and gone.product.deleted and not gone.product.usable
    assert off is not None and not off.product.deleted and not off.product.usable


def test_unknown_code_is_none_and_bad_check_digit_raises(catalog: Catalog) -> None:
    add_product(catalog, 15, "Tea", [barcode(ean13("482000000015"))])

    assert catalog.lookup_text(ean13("482000000099")) is None
    with pytest.raises(BarcodeError):
        catalog.lookup_text("4820000000150")  # wrong check digit


def test_edited_barcode_replaces_old_digits(catalog: Catalog) -> None:
    add_product(catalog, 16, "Juice", [barcode(ean13("482000000016"))])
    edited = barcode(ean13("482000000017")).model_copy(
        update={"guid": f"bc-{ean13('482000000016')}-None"}
    )

    catalog.upsert_barcode(16, edited)

    assert catalog.lookup_text(ean13("482000000016")) is None
    assert catalog.lookup(read_barcode(ean13("482000000017"))) is not None


def test_upc_generated_codes_are_valid() -> None:
    assert upca("07567816412") == UPC
