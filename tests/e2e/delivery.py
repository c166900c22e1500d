"""The delivery list (tests/data/delivery.csv) and what the server says about it.

A row is one scan as the scanner sends it (`scan`), how it arrives (`via`: keyboard
or serial), whether the demo catalog has the product (`status`: known or new), the
code and add-on its label must carry (for a weighed pack that is the item's own
code, not the pack's) and, for a new product, what the wizard is given.

Expected prices come from the server over HTTP with `CatalogClient`, never from this
file: the retail level (id 1) of the product's default unit and base series.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import requests

from app.api.client import CatalogClient
from app.domain.models import Barcode, Price, Product, ProductUnit, Series

DELIVERY_CSV = Path(__file__).resolve().parents[1] / "data" / "delivery.csv"
RETAIL = 1
PURCHASE = -1


@dataclass(frozen=True)
class DeliveryRow:
    scan: str
    via: str  # keyboard | serial
    status: str  # known | new
    label_bar_code: str
    label_add_on: str | None
    name: str = ""
    group: str = ""
    unit: str = ""
    purchase_price: Decimal | None = None
    retail_price: Decimal | None = None

    @property
    def is_new(self) -> bool:
        return self.status == "new"


def load_delivery(path: Path = DELIVERY_CSV) -> list[DeliveryRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as stream:
        for raw in csv.DictReader(stream):
            rows.append(
                DeliveryRow(
                    scan=raw["scan"],
                    via=raw["via"],
                    status=raw["status"],
                    label_bar_code=raw["label_bar_code"],
                    label_add_on=raw["label_add_on"] or None,
                    name=raw["name"],
                    group=raw["group"],
                    unit=raw["unit"],
                    purchase_price=Decimal(raw["purchase_price"])
                    if raw["purchase_price"]
                    else None,
                    retail_price=Decimal(raw["retail_price"])
                    if raw["retail_price"]
                    else None,
                )
            )
    return rows


def client_for(base_url: str, token: str) -> CatalogClient:
    return CatalogClient(requests.Session(), base_url, token)


@dataclass(frozen=True)
class ServerProduct:
    """A product and its parts as the server lists them."""

    product: Product
    units: list[ProductUnit]
    series: list[Series]
    prices: list[Price]
    barcodes: list[Barcode]

    @property
    def default_unit(self) -> ProductUnit:
        (unit,) = [u for u in self.units if u.is_default]
        return unit

    def price(self, level: int) -> Decimal | None:
        """The level's price of the default unit in the base series."""
        unit = self.default_unit.id_unit
        found = [
            p
            for p in self.prices
            if p.id_price_level == level and p.id_unit == unit and p.id_series == "-"
        ]
        if len(found) != 1:
            return None
        return found[0].price if found[0].price is not None else found[0].max_price


def fetch(client: CatalogClient, product: Product) -> ServerProduct:
    guid = product.guid
    return ServerProduct(
        product,
        client.list_units(guid),
        client.list_series(guid),
        client.list_prices(guid),
        client.list_barcodes(guid),
    )


def products_named(client: CatalogClient, name: str) -> list[Product]:
    return [
        p
        for p in client.list_products(filters={"name_goods": name})
        if p.name_goods == name
    ]


def owners_of(
    client: CatalogClient, products: Iterable[Product], bar_code: str
) -> list[ServerProduct]:
    """Which of `products` carry `bar_code` (any add-on)."""
    out = []
    for product in products:
        details = fetch(client, product)
        if any(b.bar_code == bar_code for b in details.barcodes):
            out.append(details)
    return out
