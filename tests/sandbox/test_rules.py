"""Every rule of the API document, broken once, in both locales.

Each test sends a request that breaks one rule and checks the status, the field the
error is filed under and the wording in the request's locale.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import requests

from tests.sandbox.conftest import Api


def _unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def assert_refused(
    response: requests.Response,
    status: int,
    field: str | None,
    locale: str,
    expected: dict[str, str],
) -> None:
    """The answer has `status`, an error on `field` and the locale's words in it."""
    assert response.status_code == status, response.text
    body = response.json()
    wanted = expected[locale]
    if field is None:
        assert wanted in body["message"], body
        return
    assert list(body["errors"]) == [field], body
    assert any(wanted in text for text in body["errors"][field]), body
    assert isinstance(body["message"], str) and body["message"]


# --- string lengths ---------------------------------------------------------------


def test_group_name_longer_than_128_is_refused(api: Api) -> None:
    response = api.post("groupGoods", {"name_group": "Я" * 129})

    assert_refused(
        response,
        422,
        "name_group",
        api.locale,
        {"en": "at most 128 characters", "uk": "не більше 128 символів"},
    )


def test_group_name_of_128_is_accepted(api: Api) -> None:
    created = api.ok(api.post("groupGoods", {"name_group": "Я" * 128}))

    assert created["name_group"] == "Я" * 128


def test_price_level_name_longer_than_128_is_refused(api: Api) -> None:
    response = api.post("price-level", {"name_price_level": "x" * 129})

    assert_refused(
        response,
        422,
        "name_price_level",
        api.locale,
        {"en": "at most 128 characters", "uk": "не більше 128 символів"},
    )


def test_product_name_longer_than_255_is_refused(api: Api) -> None:
    reserved = api.reserve()
    api.ok(api.add_unit(reserved["guid"]))
    api.ok(api.add_base_series(reserved["guid"]))

    response = api.post("goods", {**reserved, "name_goods": "n" * 256})

    assert_refused(
        response,
        422,
        "name_goods",
        api.locale,
        {"en": "at most 255 characters", "uk": "не більше 255 символів"},
    )


def test_missing_required_field_is_named(api: Api) -> None:
    response = api.post("groupGoods", {"active": True})

    assert_refused(
        response,
        422,
        "name_group",
        api.locale,
        {"en": "The name_group field is required", "uk": "Поле name_group обов'язкове"},
    )


# --- groups -------------------------------------------------------------------------


def test_group_cannot_become_its_own_ancestor(api: Api) -> None:
    parent = api.ok(api.post("groupGoods", {"name_group": _unique("Parent")}))
    child = api.ok(
        api.post(
            "groupGoods",
            {"name_group": _unique("Child"), "id_owner_group": parent["id_group"]},
        )
    )
    grandchild = api.ok(
        api.post(
            "groupGoods",
            {"name_group": _unique("Grandchild"), "id_owner_group": child["id_group"]},
        )
    )

    response = api.put(
        f"groupGoods/{parent['guid']}",
        {"name_group": parent["name_group"], "id_owner_group": grandchild["id_group"]},
    )

    assert_refused(
        response,
        422,
        "id_owner_group",
        api.locale,
        {"en": "cannot be placed inside itself", "uk": "не можна вкласти в неї саму"},
    )


def test_group_cannot_own_itself(api: Api) -> None:
    group = api.ok(api.post("groupGoods", {"name_group": _unique("Solo")}))

    response = api.put(
        f"groupGoods/{group['guid']}",
        {"name_group": group["name_group"], "id_owner_group": group["id_group"]},
    )

    assert_refused(
        response,
        422,
        "id_owner_group",
        api.locale,
        {"en": "cannot be placed inside itself", "uk": "не можна вкласти в неї саму"},
    )


def test_group_owner_must_exist(api: Api) -> None:
    response = api.post("groupGoods", {"name_group": "Orphan", "id_owner_group": 99999})

    assert_refused(
        response,
        422,
        "id_owner_group",
        api.locale,
        {"en": "no group with id_group 99999", "uk": "Групи з id_group 99999 немає"},
    )


def test_moving_a_group_updates_has_children(api_en: Api) -> None:
    api = api_en
    parent = api.ok(api.post("groupGoods", {"name_group": _unique("P")}))
    child = api.ok(api.post("groupGoods", {"name_group": _unique("C")}))

    api.ok(
        api.put(
            f"groupGoods/{child['guid']}",
            {"name_group": child["name_group"], "id_owner_group": parent["id_group"]},
        )
    )
    groups = {g["guid"]: g for g in api.ok(api.get("groupGoods"))}

    assert groups[parent["guid"]]["hasChildren"] is True
    assert groups[child["guid"]]["id_owner_group"] == parent["id_group"]
    assert groups[child["guid"]]["hasChildren"] is False


def test_unknown_group_guid_is_404(api: Api) -> None:
    response = api.put("groupGoods/no-such-guid", {"name_group": "x"})

    assert_refused(
        response,
        404,
        None,
        api.locale,
        {
            "en": "no product group with guid 'no-such-guid'",
            "uk": "Групи товарів з guid",
        },
    )


# --- price levels -------------------------------------------------------------------


def _purchase(api: Api) -> dict[str, Any]:
    levels = api.ok(api.get("price-level"))
    return next(level for level in levels if level["id_price_level"] == -1)


def test_purchase_level_always_exists_with_a_localised_name(api: Api) -> None:
    purchase = _purchase(api)

    assert (
        purchase["name_price_level"]
        == {"en": "Purchase", "uk": "Закупівельна"}[api.locale]
    )
    assert purchase["active"] is True


def test_purchase_level_cannot_be_renamed(api: Api) -> None:
    purchase = _purchase(api)

    response = api.put(
        f"price-level/{purchase['guid']}",
        {"name_price_level": "Роздрібна 2", "active": True},
    )

    assert_refused(
        response,
        422,
        "name_price_level",
        api.locale,
        {"en": "keeps its name", "uk": "зберігає свою назву"},
    )


def test_purchase_level_cannot_be_deactivated(api: Api) -> None:
    purchase = _purchase(api)

    response = api.put(
        f"price-level/{purchase['guid']}",
        {"name_price_level": purchase["name_price_level"], "active": False},
    )

    assert_refused(
        response,
        422,
        "active",
        api.locale,
        {"en": "always exists and stays active", "uk": "існує завжди"},
    )


def test_retail_level_cannot_take_the_purchase_name(api: Api) -> None:
    response = api.post("price-level", {"name_price_level": "Purchase"})

    assert_refused(
        response,
        422,
        "name_price_level",
        api.locale,
        {"en": "is the name of the Purchase level", "uk": "назва закупівельного рівня"},
    )


def test_retail_levels_count_from_one_and_can_be_renamed(api_en: Api) -> None:
    api = api_en
    first = api.ok(api.post("price-level", {"name_price_level": _unique("Retail")}))

    renamed = api.ok(
        api.put(
            f"price-level/{first['guid']}",
            {"name_price_level": "Wholesale", "active": False},
        )
    )

    assert first["id_price_level"] >= 1
    assert renamed["name_price_level"] == "Wholesale"
    assert renamed["active"] is False


# --- units --------------------------------------------------------------------------


def test_second_default_unit_is_refused(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid))

    response = api.add_unit(guid, id_unit=7)

    assert_refused(
        response,
        422,
        "is_default",
        api.locale,
        {"en": "already has a default unit", "uk": "вже має основну одиницю"},
    )


def test_default_unit_rate_must_be_one(api: Api) -> None:
    guid = api.reserve()["guid"]

    response = api.add_unit(guid, rate=Decimal("1.5"), type_unit=3)

    assert_refused(
        response,
        422,
        "rate",
        api.locale,
        {"en": "must be exactly 1.0, not 1.5", "uk": "має бути рівно 1.0, а не 1.5"},
    )


def test_extra_unit_needs_a_default_first(api: Api) -> None:
    guid = api.reserve()["guid"]

    response = api.add_unit(guid, id_unit=8, rate=Decimal(12), is_default=False)

    assert_refused(
        response,
        422,
        "is_default",
        api.locale,
        {"en": "Create the default unit", "uk": "Спершу створіть основну одиницю"},
    )


def test_fractional_unit_is_incompatible_with_an_integer_default(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid))

    response = api.add_unit(
        guid, id_unit=2, type_unit=3, rate=Decimal("0.5"), is_default=False
    )

    assert_refused(
        response,
        422,
        "type_unit",
        api.locale,
        {"en": "allowed types: 1", "uk": "дозволені типи: 1"},
    )


def test_quarter_unit_is_incompatible_with_an_integer_default(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid))

    response = api.add_unit(
        guid, id_unit=7, type_unit=2, rate=Decimal("0.25"), is_default=False
    )

    assert_refused(
        response,
        422,
        "type_unit",
        api.locale,
        {"en": "type 2 cannot be added", "uk": "типу 2 не можна додати"},
    )


def test_integer_unit_needs_a_whole_rate(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid, id_unit=2, type_unit=3))

    response = api.add_unit(
        guid, id_unit=8, type_unit=1, rate=Decimal("2.5"), is_default=False
    )

    assert_refused(
        response,
        422,
        "rate",
        api.locale,
        {"en": "must be a whole number", "uk": "має бути цілим"},
    )


def test_quarter_unit_needs_a_multiple_of_a_quarter(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid, id_unit=2, type_unit=2))

    response = api.add_unit(
        guid, id_unit=7, type_unit=2, rate=Decimal("0.3"), is_default=False
    )

    assert_refused(
        response,
        422,
        "rate",
        api.locale,
        {"en": "multiple of 0.25", "uk": "кратним 0.25"},
    )


def test_fractional_default_takes_any_unit_type(api_en: Api) -> None:
    api = api_en
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid, id_unit=2, type_unit=3))

    grams = api.ok(
        api.add_unit(
            guid, id_unit=3, type_unit=3, rate=Decimal("0.001"), is_default=False
        )
    )
    box = api.ok(
        api.add_unit(guid, id_unit=8, type_unit=1, rate=Decimal(5), is_default=False)
    )

    assert (grams["rate"], box["rate"]) == (Decimal("0.001"), 5)


def test_unknown_dictionary_unit_is_refused(api: Api) -> None:
    guid = api.reserve()["guid"]

    response = api.add_unit(guid, id_unit=999)

    assert_refused(
        response,
        422,
        "id_unit",
        api.locale,
        {"en": "no unit 999 in the unit dictionary", "uk": "Одиниці 999 немає"},
    )


def test_same_unit_twice_is_refused(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid))

    response = api.add_unit(guid, is_default=False, rate=Decimal(2))

    assert_refused(
        response,
        422,
        "id_unit",
        api.locale,
        {"en": "already has unit 1", "uk": "вже має одиницю 1"},
    )


def test_default_unit_cannot_be_unset_by_put(api: Api) -> None:
    guid = api.reserve()["guid"]
    unit = api.ok(api.add_unit(guid))

    response = api.put(
        f"goods/{guid}/units/{unit['guid']}",
        {"type_unit": 1, "rate": 1, "is_default": False},
    )

    assert_refused(
        response,
        422,
        "is_default",
        api.locale,
        {"en": "exactly one default unit", "uk": "рівно одну основну одиницю"},
    )


def test_unit_put_changes_the_extra_unit(api_en: Api) -> None:
    api = api_en
    guid = api.reserve()["guid"]
    api.ok(api.add_unit(guid))
    box = api.ok(api.add_unit(guid, id_unit=8, rate=Decimal(12), is_default=False))

    changed = api.ok(
        api.put(
            f"goods/{guid}/units/{box['guid']}",
            {"type_unit": 1, "rate": 24, "is_default": False, "max_count": "10.5"},
        )
    )

    assert changed["rate"] == 24
    assert changed["max_count"] == Decimal("10.5")


# --- series -------------------------------------------------------------------------


def test_base_series_must_be_named_dash(api: Api) -> None:
    guid = api.reserve()["guid"]

    response = api.post(
        f"goods/{guid}/series", {"id_series": "-", "name_series": "Base"}
    )

    assert_refused(
        response,
        422,
        "name_series",
        api.locale,
        {"en": "must be named '-'", "uk": "має називатися '-'"},
    )


def test_series_id_is_unique_per_product(api: Api) -> None:
    guid = api.reserve()["guid"]
    api.ok(api.add_base_series(guid))

    response = api.add_base_series(guid)

    assert_refused(
        response,
        422,
        "id_series",
        api.locale,
        {"en": "already has series '-'", "uk": "вже має серію '-'"},
    )


# --- creating a product -------------------------------------------------------------


def test_product_needs_a_reserved_id(api: Api) -> None:
    response = api.post(
        "goods", {"id_goods": 987654, "guid": str(uuid.uuid4()), "name_goods": "x"}
    )

    assert_refused(
        response,
        422,
        "id_goods",
        api.locale,
        {"en": "was not reserved", "uk": "не резервувався"},
    )


def test_product_needs_the_guid_of_its_reservation(api: Api) -> None:
    first, second = api.reserve(), api.reserve()

    response = api.post(
        "goods",
        {"id_goods": first["id_goods"], "guid": second["guid"], "name_goods": "x"},
    )

    assert_refused(
        response,
        422,
        "id_goods",
        api.locale,
        {"en": "was not reserved", "uk": "не резервувався"},
    )


def test_product_needs_a_default_unit(api: Api) -> None:
    reserved = api.reserve()
    api.ok(api.add_base_series(reserved["guid"]))

    response = api.post("goods", {**reserved, "name_goods": "No unit"})

    assert_refused(
        response,
        422,
        "units",
        api.locale,
        {"en": "default unit", "uk": "основну одиницю"},
    )


def test_product_needs_the_base_series(api: Api) -> None:
    reserved = api.reserve()
    api.ok(api.add_unit(reserved["guid"]))

    response = api.post("goods", {**reserved, "name_goods": "No series"})

    assert_refused(
        response,
        422,
        "series",
        api.locale,
        {"en": "base series '-'", "uk": "базову серію '-'"},
    )


def test_product_is_created_once(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        "goods",
        {"id_goods": product["id_goods"], "guid": product["guid"], "name_goods": "x"},
    )

    assert_refused(
        response,
        409,
        None,
        api.locale,
        {"en": "has already been created", "uk": "вже створено"},
    )


def test_product_group_must_exist(api: Api) -> None:
    reserved = api.reserve()
    api.ok(api.add_unit(reserved["guid"]))
    api.ok(api.add_base_series(reserved["guid"]))

    response = api.post("goods", {**reserved, "name_goods": "x", "id_group": 424242})

    assert_refused(
        response,
        422,
        "id_group",
        api.locale,
        {"en": "no group with id_group 424242", "uk": "Групи з id_group 424242 немає"},
    )


def test_get_and_put_one_product(api_en: Api) -> None:
    api = api_en
    group = api.ok(api.post("groupGoods", {"name_group": _unique("Shelf")}))
    product = api.make_product("Old name")

    changed = api.ok(
        api.put(
            f"goods/{product['guid']}",
            {"name_goods": "New name", "id_group": group["id_group"], "active": False},
        )
    )
    fetched = api.ok(api.get(f"goods/{product['guid']}"))

    assert fetched == changed
    assert (fetched["name_goods"], fetched["id_group"], fetched["active"]) == (
        "New name",
        group["id_group"],
        False,
    )
    assert fetched["free_price"] is False


def test_reserved_but_uncreated_product_is_not_listed(api_en: Api) -> None:
    api = api_en
    reserved = api.reserve()

    listed = api.ok(api.get("goods"))
    single = api.get(f"goods/{reserved['guid']}")

    assert reserved["guid"] not in {p["guid"] for p in listed}
    assert single.status_code == 404


# --- prices -------------------------------------------------------------------------


def _price(product: dict[str, Any], **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id_goods": product["id_goods"],
        "id_unit": 1,
        "id_series": "-",
        "id_price_level": -1,
        "price": Decimal("10.00"),
        "min_price": Decimal("9.00"),
        "max_price": Decimal("10.00"),
    }
    body.update(fields)
    return body


def test_minimum_price_below_ten_kopecks_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, min_price=Decimal("0.09")),
    )

    assert_refused(
        response,
        422,
        "min_price",
        api.locale,
        {"en": "at least 0.10, not 0.09", "uk": "щонайменше 0.10, а не 0.09"},
    )


def test_maximum_price_above_the_price_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, max_price=Decimal("10.01")),
    )

    assert_refused(
        response,
        422,
        "max_price",
        api.locale,
        {"en": "10.01 is above the price 10.00", "uk": "10.01 більша за ціну 10.00"},
    )


def test_minimum_above_maximum_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, min_price=Decimal("9.50"), max_price=Decimal("9.00")),
    )

    assert_refused(
        response,
        422,
        "min_price",
        api.locale,
        {
            "en": "9.50 is above the maximum price 9.00",
            "uk": "9.50 більша за максимальну",
        },
    )


def test_negative_price_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, price=Decimal("-1"), max_price=Decimal("-1")),
    )

    assert_refused(
        response,
        422,
        "price",
        api.locale,
        {"en": "must not be negative", "uk": "не може бути від'ємним"},
    )


def test_price_with_five_decimals_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, price=Decimal("10.00001")),
    )

    assert_refused(
        response,
        422,
        "price",
        api.locale,
        {"en": "4 of them after the point", "uk": "4 після коми"},
    )


def test_second_price_for_a_combination_points_to_revaluation(api: Api) -> None:
    product = api.make_product()
    api.ok(api.post(f"goods/{product['guid']}/goodsPrice", _price(product)))

    response = api.post(
        f"goods/{product['guid']}/goodsPrice",
        _price(product, price=Decimal("12"), max_price=Decimal("12")),
    )

    assert_refused(
        response,
        409,
        None,
        api.locale,
        {"en": "revaluation document", "uk": "документом переоцінки"},
    )


def test_price_is_for_the_default_unit(api: Api) -> None:
    reserved = api.reserve()
    guid = reserved["guid"]
    api.ok(api.add_unit(guid))
    api.ok(api.add_unit(guid, id_unit=8, rate=Decimal(12), is_default=False))
    api.ok(api.add_base_series(guid))
    product = api.ok(api.post("goods", {**reserved, "name_goods": "Boxed"}))

    response = api.post(f"goods/{guid}/goodsPrice", _price(product, id_unit=8))

    assert_refused(
        response,
        422,
        "id_unit",
        api.locale,
        {"en": "default unit (1), not for unit 8", "uk": "основної одиниці товару (1)"},
    )


def test_price_level_must_exist(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/goodsPrice", _price(product, id_price_level=77)
    )

    assert_refused(
        response,
        422,
        "id_price_level",
        api.locale,
        {"en": "no price level 77", "uk": "Рівня цін 77 немає"},
    )


def test_price_needs_the_product_created(api: Api) -> None:
    reserved = api.reserve()

    response = api.post(
        f"goods/{reserved['guid']}/goodsPrice",
        _price({"id_goods": reserved["id_goods"]}),
    )

    assert_refused(
        response,
        409,
        None,
        api.locale,
        {"en": "is only reserved", "uk": "лише зарезервовано"},
    )


def test_prices_go_out_exactly(api_en: Api) -> None:
    api = api_en
    product = api.make_product("Exact")
    body = _price(
        product,
        price=Decimal("12345678901.2345"),
        min_price=Decimal("0.1000"),
        max_price=Decimal("12345678901.2345"),
    )

    api.ok(api.post(f"goods/{product['guid']}/goodsPrice", body))
    raw = api.get(f"goods/{product['guid']}/goodsPrice/prices").text

    assert '"price":12345678901.2345' in raw
    assert '"min_price":0.1000' in raw


# --- barcodes -----------------------------------------------------------------------


def _barcode(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"bar_code": "4820000000001", "id_unit": 1, "id_series": "-"}
    body.update(fields)
    return body


def test_barcode_with_letters_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(f"goods/{product['guid']}/barcodes", _barcode(bar_code="48A1"))

    assert_refused(
        response,
        422,
        "bar_code",
        api.locale,
        {"en": "1 to 21 digits", "uk": "1–21 цифри"},
    )


def test_barcode_of_22_digits_is_refused(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/barcodes", _barcode(bar_code="1" * 22)
    )

    assert_refused(
        response,
        422,
        "bar_code",
        api.locale,
        {"en": "1 to 21 digits", "uk": "1–21 цифри"},
    )


def test_barcode_is_unique_and_names_its_owner(api: Api) -> None:
    owner_name = _unique("Owner")
    owner = api.make_product(owner_name)
    code = str(uuid.uuid4().int)[:13]
    api.ok(api.post(f"goods/{owner['guid']}/barcodes", _barcode(bar_code=code)))
    other = api.make_product()

    response = api.post(f"goods/{other['guid']}/barcodes", _barcode(bar_code=code))

    assert_refused(
        response,
        422,
        "bar_code",
        api.locale,
        {
            "en": f"belongs to the product '{owner_name}' (id {owner['id_goods']})",
            "uk": f"належить товару '{owner_name}' (код {owner['id_goods']})",
        },
    )


def test_same_code_with_another_add_on_stays_with_one_product(api_en: Api) -> None:
    api = api_en
    product = api.make_product("Weekly")
    guid = product["guid"]
    for issue in ("01", "02"):
        api.ok(
            api.post(f"goods/{guid}/series", {"id_series": issue, "name_series": issue})
        )
    code = str(uuid.uuid4().int)[:13]

    api.ok(
        api.post(
            f"goods/{guid}/barcodes",
            _barcode(bar_code=code, id_series="01", ext_bar_code="01"),
        )
    )
    api.ok(
        api.post(
            f"goods/{guid}/barcodes",
            _barcode(bar_code=code, id_series="02", ext_bar_code="02"),
        )
    )
    again = api.post(
        f"goods/{guid}/barcodes", _barcode(bar_code=code, ext_bar_code="02")
    )

    assert again.status_code == 422
    assert list(again.json()["errors"]) == ["bar_code"]


def test_add_on_must_be_two_or_five_digits(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/barcodes",
        _barcode(bar_code=str(uuid.uuid4().int)[:13], ext_bar_code="123"),
    )

    assert_refused(
        response,
        422,
        "ext_bar_code",
        api.locale,
        {"en": "2 or 5 digits", "uk": "2 або 5 цифр"},
    )


def test_barcode_unit_must_be_the_products(api: Api) -> None:
    product = api.make_product()

    response = api.post(
        f"goods/{product['guid']}/barcodes",
        _barcode(bar_code=str(uuid.uuid4().int)[:13], id_unit=8),
    )

    assert_refused(
        response,
        422,
        "id_unit",
        api.locale,
        {"en": "has no unit 8", "uk": "не має одиниці 8"},
    )


def test_barcode_put_keeps_uniqueness_but_not_against_itself(api_en: Api) -> None:
    api = api_en
    product = api.make_product()
    code = str(uuid.uuid4().int)[:13]
    created = api.ok(
        api.post(f"goods/{product['guid']}/barcodes", _barcode(bar_code=code))
    )

    changed = api.ok(
        api.put(
            f"goods/{product['guid']}/barcodes/{created['guid']}",
            _barcode(bar_code=code, ext_bar_code="52495", active=False),
        )
    )

    assert (changed["ext_bar_code"], changed["active"]) == ("52495", False)
