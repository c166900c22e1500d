"""Store test helpers: a fresh catalog file and small builders for API records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.models import Barcode, Product, ProductUnit, Series
from app.store.catalog import Catalog
from app.store.records import ProductDetails

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    yield store
    store.close()


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
