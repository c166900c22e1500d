"""In-store variable-measure layouts and the generator of new in-store codes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.barcode import (
    DEFAULT_LAYOUTS,
    InStoreCodeRange,
    InStoreLayout,
    InStoreValue,
    ValueKind,
    check_digit,
    next_free_in_store_code,
    parse_layout,
    read_barcode,
)
from app.domain.errors import CodeRangeExhausted, InvalidInStoreLayout
from app.domain.instore import decode_in_store

# --- layouts -------------------------------------------------------------------------


def test_default_layout_is_weight_in_grams_for_20_to_29() -> None:
    (layout,) = DEFAULT_LAYOUTS
    assert layout.prefixes == tuple(str(n) for n in range(20, 30))
    assert (layout.item_digits, layout.value_digits, layout.decimals) == (5, 5, 3)
    assert layout.value_kind == ValueKind.WEIGHT


def test_weight_reading_gives_item_key_and_kilograms() -> None:
    value = decode_in_store("2100001027506")

    assert value == InStoreValue("2100001000004", "00001", Decimal("2.750"), None)
    # The key is itself a valid in-store EAN-13 with a zero value.
    assert value is not None
    assert value.item_key[-1] == check_digit(value.item_key[:-1])
    assert decode_in_store(value.item_key) == InStoreValue(
        value.item_key, "00001", Decimal("0.000"), None
    )


def test_every_pack_of_an_item_has_the_same_key() -> None:
    light = read_barcode("2100001005009")
    heavy = read_barcode("2100001123451")

    assert light.in_store is not None and heavy.in_store is not None
    assert light.in_store.item_key == heavy.in_store.item_key == "2100001000004"
    assert light.in_store.quantity == Decimal("0.500")
    assert heavy.in_store.quantity == Decimal("12.345")


def test_price_layout_two_decimals() -> None:
    layout = InStoreLayout(
        prefixes=("24",), value_kind=ValueKind.PRICE, value_digits=5, decimals=2
    )

    value = decode_in_store("2400412025505", [layout])

    assert value == InStoreValue("2400412000007", "00412", None, Decimal("25.50"))


def test_count_layout_and_a_three_digit_prefix() -> None:
    layout = InStoreLayout(
        prefixes=("250",), item_digits=5, value_kind=ValueKind.COUNT, value_digits=4,
        decimals=0,
    )  # fmt: skip

    data = "250" + "12345" + "0012"
    value = decode_in_store(data + check_digit(data), [layout])

    assert value is not None
    assert value.item_code == "12345"
    assert value.quantity == Decimal("12")
    assert value.price is None


def test_the_first_matching_layout_wins_and_unmatched_prefixes_give_none() -> None:
    price_24 = parse_layout("24:5:price:5:2")

    assert decode_in_store("2400412025505", [price_24, *DEFAULT_LAYOUTS]) is not None
    assert decode_in_store("2100001027506", [price_24]) is None


@pytest.mark.parametrize(
    ("spec", "prefixes", "kind", "decimals"),
    [
        ("24:5:price:5:2", ("24",), ValueKind.PRICE, 2),
        ("20-23,25:5:weight:5:3", ("20", "21", "22", "23", "25"), ValueKind.WEIGHT, 3),
        (" 29 : 4 : count : 6 : 0 ", ("29",), ValueKind.COUNT, 0),
    ],
)
def test_parse_layout(
    spec: str, prefixes: tuple[str, ...], kind: ValueKind, decimals: int
) -> None:
    layout = parse_layout(spec)

    assert layout.prefixes == prefixes
    assert layout.value_kind == kind
    assert layout.decimals == decimals


@pytest.mark.parametrize(
    ("spec", "phrase"),
    [
        ("24:5:price:5", "5 parts"),
        ("24:5:volume:5:2", "volume"),
        ("24:five:price:5:2", "numbers"),
        ("24:5:price:4:2", "add up to 11"),
        ("45:5:price:5:2", "not an in-store prefix"),
        ("2a:5:price:5:2", "digits only"),
        ("24,250:5:price:5:2", "same length"),
        ("24:5:price:5:6", "decimals"),
        ("24-2:5:price:5:2", "range"),
        ("24:0:price:10:2", "at least one item digit"),
    ],
)
def test_bad_layouts_say_what_is_wrong(spec: str, phrase: str) -> None:
    with pytest.raises(InvalidInStoreLayout, match=phrase):
        parse_layout(spec)


def test_a_layout_needs_a_prefix() -> None:
    with pytest.raises(InvalidInStoreLayout, match="at least one prefix"):
        InStoreLayout(prefixes=())


# --- the generator -------------------------------------------------------------------


def test_first_code_of_an_empty_catalog() -> None:
    code = next_free_in_store_code([])

    assert code == "2000001000007"
    reading = read_barcode(code)
    assert reading.prefix_class == "in-store"
    # With the default layout the generated code is the item key of item 00001.
    assert reading.in_store is not None and reading.in_store.item_key == code


def test_next_free_skips_codes_in_use_in_any_form() -> None:
    in_use = {
        "2000001000007",  # EAN-13
        "02000002000006",  # its 14-digit key
        "2000003123452",  # a weighed pack of item 3: the item number is in use
        "4006381333931",  # another prefix: ignored
        "100234",
    }

    assert next_free_in_store_code(in_use) == "2000004000004"


def test_configured_prefix_and_range() -> None:
    code_range = InStoreCodeRange(prefix="29", item_digits=10, first=500, last=502)
    in_use = [code_range.code_for(500), code_range.code_for(501)]

    code = next_free_in_store_code(in_use, code_range)

    assert code == "290000000502" + check_digit("290000000502")


def test_upc_number_system_2_range_counts_upc_a_forms() -> None:
    code_range = InStoreCodeRange(prefix="02", item_digits=5, first=1, last=3)
    upc_a = code_range.code_for(1)[1:]  # item 1 as the 12-digit UPC-A it prints as
    in_use = [upc_a]

    assert next_free_in_store_code(in_use, code_range) == code_range.code_for(2)


def test_exhausted_range_raises() -> None:
    code_range = InStoreCodeRange(prefix="21", first=7, last=8)
    in_use = [code_range.code_for(7), code_range.code_for(8)]

    with pytest.raises(CodeRangeExhausted) as caught:
        next_free_in_store_code(in_use, code_range)

    assert caught.value.params == {"prefix": "21", "first": 7, "last": 8}
    assert "widen the range" in str(caught.value)


@pytest.mark.parametrize(
    ("kwargs", "phrase"),
    [
        ({"prefix": "45"}, "not an in-store prefix"),
        ({"prefix": "2x"}, "not an in-store prefix"),
        ({"item_digits": 11}, "item digits"),
        ({"first": 5, "last": 4}, "empty"),
        ({"first": 1, "last": 100000}, "does not fit"),
    ],
)
def test_bad_ranges(kwargs: dict[str, object], phrase: str) -> None:
    with pytest.raises(InvalidInStoreLayout, match=phrase):
        InStoreCodeRange(**kwargs)  # type: ignore[arg-type]


def test_code_for_refuses_numbers_outside_the_range() -> None:
    with pytest.raises(InvalidInStoreLayout, match="outside"):
        InStoreCodeRange(first=1, last=9).code_for(10)
