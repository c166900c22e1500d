"""CatalogClient against the real sandbox server (demo catalog): paging, reads,
updates and errors over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from app.api.client import CatalogClient, RetryPolicy
from app.api.errors import NotAuthorized, NotFound, ServerUnavailable, ValidationFailed
from app.domain.models import (
    BarcodeWrite,
    GroupWrite,
    PriceLevelWrite,
    Product,
    ProductUnitWrite,
)
from app.sandbox.testing import SandboxServer, running_server


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with running_server(demo=True) as running:
        yield running


@pytest.fixture
def client(server: SandboxServer) -> CatalogClient:
    return CatalogClient(requests.Session(), server.base_url, server.token, locale="en")


def first_product(client: CatalogClient) -> Product:
    items, _total = next(client.iter_product_pages(page_size=1))
    return items[0]


def test_lists_walk_the_servers_pages(client: CatalogClient) -> None:
    everything = client.list_products(page_size=500)
    pages = list(client.iter_product_pages(page_size=7))

    assert len(everything) > 7
    assert [p.guid for items, _ in pages for p in items] == [p.guid for p in everything]
    assert all(total in (None, len(everything)) for _, total in pages)
    assert len(pages) == -(-len(everything) // 7)


def test_reads_of_every_kind(client: CatalogClient) -> None:
    groups = client.list_groups()
    levels = client.list_price_levels()
    samples = client.list_unit_samples()
    product = first_product(client)

    assert groups and samples
    assert any(level.is_purchase for level in levels)
    assert client.get_product(product.guid).id_goods == product.id_goods
    assert any(u.is_default for u in client.list_units(product.guid))
    assert any(s.is_base for s in client.list_series(product.guid))
    assert all(p.id_goods == product.id_goods for p in client.list_prices(product.guid))
    for barcode in client.list_barcodes(product.guid):
        assert barcode.bar_code.isdigit()


def test_filters_sorting_and_changed_since(client: CatalogClient) -> None:
    everything = client.list_products(page_size=500)
    name = everything[0].name_goods

    found = client.list_products(
        filters={"name_goods": {"value": name[:5], "term": "like"}},
        sort=("name_goods", "descending"),
    )
    future = client.list_products(changed_since=datetime.now(UTC) + timedelta(days=1))

    assert found and all(name[:5].lower() in p.name_goods.lower() for p in found)
    names = [p.name_goods for p in found]
    assert names == sorted(names, reverse=True)
    assert future == []


def test_updates(client: CatalogClient) -> None:
    group = client.create_group(GroupWrite(name_group="Client test group"))
    renamed = client.update_group(
        group.guid, GroupWrite(name_group="Renamed group", active=False)
    )
    level = client.create_price_level(PriceLevelWrite(name_price_level="Wholesale"))
    level = client.update_price_level(
        level.guid, PriceLevelWrite(name_price_level="Wholesale 2", active=True)
    )
    product = first_product(client)
    product.name_goods += " (edited)"
    edited = client.update_product(product.guid, product)
    unit = next(u for u in client.list_units(product.guid) if u.is_default)
    assert unit.guid is not None
    same_unit = client.update_unit(
        product.guid,
        unit.guid,
        ProductUnitWrite(
            id_unit=unit.id_unit,
            type_unit=unit.type_unit,
            rate=unit.rate,
            is_default=True,
            is_storage_residues=unit.is_storage_residues,
            for_ordering=True,
        ),
    )

    assert (renamed.name_group, renamed.active) == ("Renamed group", False)
    assert level.name_price_level == "Wholesale 2"
    assert edited.name_goods.endswith(" (edited)")
    assert same_unit.for_ordering is True


def test_barcode_update_round_trip(client: CatalogClient) -> None:
    product = next(
        p for p in client.list_products(page_size=500) if client.list_barcodes(p.guid)
    )
    barcode = client.list_barcodes(product.guid)[0]
    assert barcode.guid is not None

    updated = client.update_barcode(
        product.guid,
        barcode.guid,
        BarcodeWrite(
            bar_code=barcode.bar_code,
            id_unit=barcode.id_unit,
            id_series=barcode.id_series,
            ext_bar_code=barcode.ext_bar_code,
            active=False,
        ),
    )

    assert updated.active is False and updated.bar_code == barcode.bar_code


def test_errors_from_the_server(client: CatalogClient, server: SandboxServer) -> None:
    stranger = CatalogClient(requests.Session(), server.base_url, "wrong-token")

    with pytest.raises(NotAuthorized):
        stranger.list_groups()
    with pytest.raises(NotFound) as missing:
        client.get_product("no-such-guid")
    with pytest.raises(ValidationFailed) as refused:
        client.create_group(GroupWrite(name_group="Orphan", id_owner_group=999_999))

    assert missing.value.server_message
    assert refused.value.field_errors.get("id_owner_group")


def test_stopped_server_is_unavailable(tmp_path: object) -> None:
    waits: list[float] = []
    with running_server() as server:
        client = CatalogClient(
            requests.Session(),
            server.base_url,
            server.token,
            retry=RetryPolicy(max_retries=2),
            sleep=waits.append,
        )
        client.list_groups()
        server.stop()

        with pytest.raises(ServerUnavailable) as caught:
            client.list_groups()

    assert caught.value.status is None
    assert waits == [0.5, 1.0]
