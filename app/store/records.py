"""What the local catalog hands out: typed, immutable results on the API models."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from app.domain.barcode import InStoreValue, Reading
from app.domain.models import Barcode, Price, Product, ProductUnit, Series


class MatchKind(StrEnum):
    """How a scan found its product."""

    BARCODE = "barcode"  # main code and add-on both matched (or neither has one)
    MAIN_CODE_ONLY = "main-code-only"  # the scan's add-on is not stored
    IN_STORE_ITEM = "in-store-item"  # a weight/price code found by its item key


@dataclass(frozen=True)
class StoredProduct:
    """A product as kept locally: the server's record plus what only we know."""

    product: Product
    deleted: bool  # gone from the server; kept so old scans still resolve
    details_fetched: bool  # units, series, prices and barcodes are up to date

    @property
    def id_goods(self) -> int:
        return self.product.id_goods

    @property
    def usable(self) -> bool:
        """Sellable as far as we know: active on the server and not deleted there."""
        return self.product.active and not self.deleted


@dataclass(frozen=True)
class LookupResult:
    """A scanned code resolved to a product, with the barcode row it matched."""

    reading: Reading
    product: StoredProduct
    barcode: Barcode
    unit: ProductUnit | None  # the barcode's unit (None until details are fetched)
    series: Series | None  # the barcode's series
    match: MatchKind
    in_store: InStoreValue | None = None  # quantity or price carried by the scan

    @property
    def quantity(self) -> Decimal | None:
        return self.in_store.quantity if self.in_store else None

    @property
    def price(self) -> Decimal | None:
        return self.in_store.price if self.in_store else None


@dataclass(frozen=True)
class ProductDetails:
    units: list[ProductUnit] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    prices: list[Price] = field(default_factory=list)
    barcodes: list[Barcode] = field(default_factory=list)

    @property
    def default_unit(self) -> ProductUnit | None:
        return next((unit for unit in self.units if unit.is_default), None)


@dataclass(frozen=True)
class ProductSummary:
    """One line of the product table: cheap to build for a page of rows."""

    id_goods: int
    guid: str
    name_goods: str
    id_group: int | None
    group_name: str | None
    active: bool
    deleted: bool
    bar_code: str | None  # the first active barcode, for display
    bar_code_count: int
    # the default unit's name (else its short name, else its number)
    default_unit_name: str | None = None
    default_unit_bar_code: str | None = None  # the default unit's first active one
    price: Decimal | None = None  # at the level asked of `Catalog.summaries`
