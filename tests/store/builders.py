"""Builders for store tests: API records, products in a local catalog, and changes
made on the sandbox server behind the app's back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import text

from app.api.client import CatalogClient
from app.domain.models import (
    Barcode,
    BarcodeWrite,
    Product,
    ProductUnit,
    ProductUnitWrite,
    ProductWrite,
    Series,
    SeriesWrite,
    UnitType,
)
from app.sandbox.testing import SandboxServer
from app.store.catalog import Catalog
from app.store.records import ProductDetails

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def product(
    id_goods: int,
    name: str,
    *,
    id_group: int | None = None,
    active: bool = True,
    changed: datetime = T0,
) -> Product:
    return Product(
        id_goods=id_goods,
        guid=f"guid-{id_goods}",
        name_goods=name,
        id_group=id_group,
        active=active,
        time_change=changed,
    )


def barcode(
    bar_code: str,
    ext: str | None = None,
    *,
    id_unit: int = 1,
    id_series: str = "-",
    active: bool = True,
) -> Barcode:
    return Barcode(
        bar_code=bar_code,
        ext_bar_code=ext,
        id_unit=id_unit,
        id_series=id_series,
        active=active,
        guid=f"bc-{bar_code}-{ext}",
    )


def add_product(
    catalog: Catalog,
    id_goods: int,
    name: str,
    codes: Sequence[Barcode] = (),
    *,
    id_group: int | None = None,
    active: bool = True,
    series: Sequence[Series] = (),
) -> Product:
    """A product with a default unit, the base series and the given barcodes."""
    item = product(id_goods, name, id_group=id_group, active=active)
    catalog.upsert_products([item])
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=1,
                id_goods=id_goods,
                name_unit="шт",
                type_unit=1,
                rate=1,
                is_default=True,
            )
        ],
        series=[Series(id_series="-", name_series="-"), *series],
        barcodes=list(codes),
    )
    catalog.replace_details(id_goods, details, item.time_change)
    return item


# --- against the sandbox server ------------------------------------------------------


def create_on_server(
    client: CatalogClient, name: str, bar_code: str, *, id_group: int | None = None
) -> Product:
    """A product made the section 7 way: id, default unit, base series, product,
    then one barcode."""
    reserved = client.reserve_product_id()
    client.create_unit(
        reserved.guid,
        ProductUnitWrite(
            id_unit=1, type_unit=UnitType.INTEGER, rate=1, is_default=True
        ),
    )
    client.create_series(reserved.guid, SeriesWrite(id_series="-", name_series="-"))
    made = client.create_product(
        ProductWrite(
            id_goods=reserved.id_goods,
            guid=reserved.guid,
            name_goods=name,
            id_group=id_group,
        )
    )
    client.create_barcode(
        reserved.guid, BarcodeWrite(bar_code=bar_code, id_unit=1, id_series="-")
    )
    return made


def delete_on_server(server: SandboxServer, id_goods: int) -> None:
    """What a back office does when a product is removed: it is no longer listed.

    The API has no delete; the test reaches into the sandbox's database."""
    with server.database.lock, server.database.engine.begin() as conn:
        for table in ("goods_barcode", "goods_price", "goods_series", "goods_unit"):
            conn.execute(
                text(f"DELETE FROM {table} WHERE id_goods = :id"), {"id": id_goods}
            )
        conn.execute(text("DELETE FROM goods WHERE id_goods = :id"), {"id": id_goods})
