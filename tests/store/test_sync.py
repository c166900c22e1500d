"""Sync against the sandbox server over real HTTP on loopback."""

from __future__ import annotations

import threading
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

from app.api.client import CatalogClient
from app.api.errors import RequestTimedOut, ServerUnavailable
from app.domain.models import PURCHASE_LEVEL_ID, BarcodeWrite, Product, ProductUnit
from app.sandbox.testing import SandboxServer
from app.store.catalog import Catalog
from app.store.errors import SyncCancelled
from app.store.records import MatchKind
from app.store.search import ProductFilter
from app.store.sync import CatalogSync, SyncProgress, SyncStage, make_session
from tests.benchmarks.catalog_gen import ean13
from tests.store.builders import create_on_server, delete_on_server


class CountingClient:
    """Passes calls to the real client; counts detail requests per product and the
    most detail requests ever running at once."""

    def __init__(self, client: CatalogClient) -> None:
        self._client = client
        self.units_calls: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._running = 0
        self.max_running = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def list_units(self, guid: str) -> list[ProductUnit]:
        with self._lock:
            self.units_calls[guid] += 1
            self._running += 1
            self.max_running = max(self.max_running, self._running)
        try:
            return self._client.list_units(guid)
        finally:
            with self._lock:
                self._running -= 1


def _server_products(client: CatalogClient) -> list[Product]:
    return client.list_products(page_size=1000)


def test_full_sync_copies_the_catalog(catalog: Catalog, client: CatalogClient) -> None:
    seen: list[SyncProgress] = []
    counting = CountingClient(client)

    report = CatalogSync(catalog, counting, workers=3, page_size=25).run(
        progress=seen.append
    )

    products = _server_products(client)
    assert report.full
    assert report.products_listed == len(products) == catalog.count(ProductFilter())
    assert report.details_fetched == len(products)
    assert len(catalog.groups()) == len(client.list_groups())
    assert catalog.price_levels()[0].id_price_level == PURCHASE_LEVEL_ID
    assert catalog.unit_samples()
    details = [s for s in seen if s.stage is SyncStage.DETAILS]
    assert details[-1].done == details[-1].total == len(products)
    assert 1 < counting.max_running <= 3
    assert set(counting.units_calls.values()) == {1}
    assert catalog.product_ids_to_fetch() == []


def test_synced_catalog_answers_scans(synced: Catalog) -> None:
    catalog = synced
    cola = catalog.lookup_text("5449000009067")
    magazine = catalog.lookup_text("9770013061206 48")
    cheese = catalog.lookup_text(ean13("210010101234"))  # 1.234 kg of item 00101

    assert cola is not None and "Coca-Cola" in cola.product.product.name_goods
    prices = catalog.details(cola.product.id_goods).prices
    assert {p.price for p in prices} >= {Decimal("23.49"), Decimal("18.32")}
    assert magazine is not None and magazine.barcode.ext_bar_code == "48"
    assert magazine.series is not None and magazine.match is MatchKind.BARCODE
    assert cheese is not None and cheese.match is MatchKind.IN_STORE_ITEM
    assert cheese.quantity == Decimal("1.234")


def test_table_rows_carry_default_unit_and_price_at_a_level(synced: Catalog) -> None:
    retail = next(lv for lv in synced.price_levels() if lv.id_price_level > 0)
    cola = synced.lookup_text("5449000009067")
    assert cola is not None

    (row,) = synced.summaries([cola.product.id_goods], retail.id_price_level)
    (no_level,) = synced.summaries([cola.product.id_goods])

    assert row.price == Decimal("23.49")
    assert row.default_unit_name == cola.unit.name_unit  # type: ignore[union-attr]
    assert row.default_unit_bar_code == "5449000009067"
    assert row.bar_code_count == 2  # the bottle and its box
    assert no_level.price is None


def test_incremental_sync_fetches_only_what_changed(
    synced: Catalog, client: CatalogClient
) -> None:
    catalog = synced
    sync = CatalogSync(catalog, client)
    first = _server_products(client)[0]
    client.update_product(
        first.guid, first.model_copy(update={"name_goods": "Renamed"})
    )
    made = create_on_server(client, "Brand new", ean13("482999000001"))

    report = sync.run()

    assert not report.full
    assert report.products_changed == 2
    assert report.details_fetched == 2
    renamed = catalog.product(first.id_goods)
    assert renamed is not None and renamed.product.name_goods == "Renamed"
    found = catalog.lookup_text(ean13("482999000001"))
    assert found is not None and found.product.id_goods == made.id_goods
    assert catalog.search("renamed")[0].id_goods == first.id_goods


def test_one_product_is_refreshed_at_once(
    synced: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    made = create_on_server(client, "Just created", ean13("482999000004"))
    gone = _server_products(client)[4]
    delete_on_server(demo_server, gone.id_goods)
    sync = CatalogSync(synced, client)

    stored = sync.refresh_product(made.guid)
    missing = sync.refresh_product(gone.guid)

    assert stored is not None and stored.details_fetched
    assert stored.product.name_goods == "Just created"
    assert synced.lookup_text(ean13("482999000004")) is not None
    assert missing is None
    deleted = synced.product(gone.id_goods)
    assert deleted is not None and deleted.deleted


def test_incremental_sync_with_nothing_changed_fetches_nothing(
    synced: Catalog, client: CatalogClient
) -> None:
    catalog = synced
    sync = CatalogSync(catalog, client)
    cursor = sync.cursor

    report = sync.run()

    assert report.products_changed == 0 and report.details_fetched == 0
    assert sync.cursor == cursor


def test_refetching_details_sees_a_barcode_added_by_someone_else(
    synced: Catalog, client: CatalogClient
) -> None:
    target = _server_products(client)[2]
    unit = client.list_units(target.guid)[0]
    client.create_barcode(
        target.guid,
        BarcodeWrite(
            bar_code=ean13("482999000003"), id_unit=unit.id_unit, id_series="-"
        ),
    )
    sync = CatalogSync(synced, client)

    sync.run()
    unseen = synced.lookup_text(ean13("482999000003"))
    report = sync.run(full=True, refetch_details=True)

    assert unseen is None  # the product's time_change did not move
    assert report.details_fetched == len(_server_products(client))
    found = synced.lookup_text(ean13("482999000003"))
    assert found is not None and found.product.id_goods == target.id_goods


def test_deactivated_product_is_marked_inactive(
    synced: Catalog, client: CatalogClient
) -> None:
    catalog = synced
    sync = CatalogSync(catalog, client)
    target = next(p for p in _server_products(client) if p.active)
    client.update_product(target.guid, target.model_copy(update={"active": False}))

    sync.run()

    stored = catalog.product(target.id_goods)
    assert stored is not None and not stored.product.active and not stored.usable
    visible = catalog.product_ids_page(ProductFilter(show_inactive=False), 0, 1000)
    assert target.id_goods not in visible


def test_deleted_product_is_marked_deleted_not_kept_active(
    synced: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    catalog = synced
    sync = CatalogSync(catalog, client)
    target = _server_products(client)[3]
    delete_on_server(demo_server, target.id_goods)

    report = sync.run()

    assert report.marked_deleted == 1
    stored = catalog.product(target.id_goods)
    assert stored is not None and stored.deleted and not stored.usable
    assert target.id_goods not in catalog.product_ids_page(ProductFilter(), 0, 1000)


def test_deletion_alongside_a_creation_is_detected(
    synced: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    catalog = synced
    sync = CatalogSync(catalog, client)
    target = _server_products(client)[5]
    delete_on_server(demo_server, target.id_goods)
    create_on_server(client, "Replacement", ean13("482999000002"))

    report = sync.run()  # the server's total is unchanged; the local one grew

    assert report.marked_deleted == 1
    stored = catalog.product(target.id_goods)
    assert stored is not None and stored.deleted


def test_cancelled_sync_resumes_without_fetching_anything_twice(
    catalog: Catalog, client: CatalogClient
) -> None:
    counting = CountingClient(client)
    sync = CatalogSync(catalog, counting, workers=2)
    cancel = threading.Event()

    def stop_midway(step: SyncProgress) -> None:
        if step.stage is SyncStage.DETAILS and step.done >= 20:
            cancel.set()

    with pytest.raises(SyncCancelled):
        sync.run(progress=stop_midway, cancel=cancel)
    left = len(catalog.product_ids_to_fetch())
    report = sync.run()

    total = len(_server_products(client))
    assert 20 <= total - left < total
    assert sync.cursor is not None
    assert report.full  # the interrupted pass never completed
    assert report.details_fetched == left
    assert sorted(counting.units_calls.values()) == [1] * total
    assert catalog.product_ids_to_fetch() == []


def test_server_failure_midway_keeps_what_was_fetched(
    catalog: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    sync = CatalogSync(catalog, client, workers=1)

    def stop_server(step: SyncProgress) -> None:
        if step.stage is SyncStage.DETAILS and step.done == 10:
            demo_server.stop()

    with pytest.raises((ServerUnavailable, RequestTimedOut)):
        sync.run(progress=stop_server)
    demo_server.start()
    left = len(catalog.product_ids_to_fetch())
    report = sync.run()

    assert report.details_fetched == left < len(_server_products(client)) - 9


def test_session_pool_is_sized_for_the_workers() -> None:
    session = make_session(7)

    adapter = session.get_adapter("http://127.0.0.1")

    assert adapter._pool_maxsize == 7  # type: ignore[attr-defined]
