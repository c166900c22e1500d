"""Where the wizard gets what it shows and checks: blocking calls, run off the GUI.

The wizard takes these as constructor arguments (see `WizardSources`), so tests pass
fakes and the app passes the real client and local catalog. Every function here
blocks (HTTP or SQLite) and is only ever called through the `TaskRunner`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.domain.barcode import Reading, read_barcode
from app.domain.errors import BarcodeError
from app.domain.models import Barcode, Group, PriceLevel, Product, UnitSample
from app.store.records import LookupResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BarcodeOwner:
    """A product that already carries a barcode (`source`: "local" or "server")."""

    id_goods: int
    name_goods: str
    bar_code: str
    ext_bar_code: str | None
    source: str


@dataclass(frozen=True)
class WizardReference:
    """The dictionaries the pages choose from."""

    groups: list[Group]
    price_levels: list[PriceLevel]
    unit_samples: list[UnitSample]


OwnerFinder = Callable[[str], BarcodeOwner | None]  # main code -> its owner
ReferenceLoader = Callable[[], WizardReference]
CodesInUse = Callable[[], Iterable[str]]


class ReferenceClient(Protocol):
    def list_groups(self) -> list[Group]: ...
    def list_price_levels(self) -> list[PriceLevel]: ...
    def list_unit_samples(self) -> list[UnitSample]: ...


class BarcodeClient(Protocol):
    def list_products(self) -> list[Product]: ...
    def list_barcodes(self, guid: str) -> list[Barcode]: ...


class LocalCatalog(Protocol):
    """The part of `app.store.catalog.Catalog` the wizard reads."""

    def lookup(self, reading: Reading) -> LookupResult | None: ...


def client_reference_loader(client: ReferenceClient) -> ReferenceLoader:
    def load() -> WizardReference:
        return WizardReference(
            groups=client.list_groups(),
            price_levels=client.list_price_levels(),
            unit_samples=client.list_unit_samples(),
        )

    return load


def catalog_owner_finder(catalog: LocalCatalog) -> OwnerFinder:
    """The owner of a main code in the local catalog (as synced last).

    FIXME(duplicates): a main code stored only with add-ons is found only with the
    same add-on; the server still refuses it at the barcodes step, naming the owner.
    """

    def find(bar_code: str) -> BarcodeOwner | None:
        try:
            reading = read_barcode(bar_code)
        except BarcodeError:
            return None
        found = catalog.lookup(reading)
        if found is None:
            return None
        product = found.product.product
        barcode = found.barcode
        return BarcodeOwner(
            product.id_goods,
            product.name_goods,
            barcode.bar_code,
            barcode.ext_bar_code,
            "local",
        )

    return find


class ServerBarcodes:
    """The server's barcodes, read product by product.

    FIXME(duplicates): the API has no search by barcode, so this reads every
    product's barcodes (one request per product); fine for the sandbox and small
    shops, slow for a catalog of thousands. A server-side filter would fix it.
    """

    def __init__(self, client: BarcodeClient) -> None:
        self._client = client

    def _walk(self) -> Iterable[tuple[Product, Barcode]]:
        for product in self._client.list_products():
            for barcode in self._client.list_barcodes(product.guid):
                yield product, barcode

    def owner_of(self, bar_code: str) -> BarcodeOwner | None:
        for product, barcode in self._walk():
            if barcode.bar_code == bar_code:
                return BarcodeOwner(
                    product.id_goods,
                    product.name_goods,
                    barcode.bar_code,
                    barcode.ext_bar_code,
                    "server",
                )
        return None

    def codes(self) -> list[str]:
        return [barcode.bar_code for _product, barcode in self._walk()]


def first_owner(finders: Sequence[OwnerFinder]) -> OwnerFinder:
    """Asks each finder in turn (the local catalog first: it answers at once)."""

    def find(bar_code: str) -> BarcodeOwner | None:
        for finder in finders:
            owner = finder(bar_code)
            if owner is not None:
                return owner
        return None

    return find
