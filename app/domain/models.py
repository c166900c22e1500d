"""The API's entities (see the catalog API document), as pydantic models.

Read models mirror what the server returns and keep unknown fields (`extra="allow"`),
so a field the vendor adds survives a read-modify-write. Write models are the request
bodies. Numerics are `Decimal`; ids are integers; paths use guids.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

PURCHASE_LEVEL_ID = -1
BASE_SERIES_ID = "-"
BASE_SERIES_NAME = "-"

# string(N) limits of the API document
GROUP_NAME_MAX = 128
PRICE_LEVEL_NAME_MAX = 128
UNIT_NAME_MAX = 10
PRODUCT_NAME_MAX = 255
BAR_CODE_MAX = 21

Money = Annotated[Decimal, Field(max_digits=15, decimal_places=4)]
Rate = Annotated[Decimal, Field(max_digits=15, decimal_places=3)]
Count = Annotated[Decimal, Field(max_digits=10, decimal_places=3)]


class UnitType(IntEnum):
    """In what steps a unit may be counted (`type_unit`)."""

    INTEGER = 1
    QUARTER = 2  # multiples of 0.25
    FRACTIONAL = 3


class ApiModel(BaseModel):
    """Tolerant of unknown fields: they are kept and sent back unchanged."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def extra_fields(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class WriteModel(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- 1. product groups --------------------------------------------------------------


class Group(ApiModel):
    id_group: int
    name_group: str
    id_owner_group: int | None = None
    id_image: int | None = None
    active: bool = True
    guid: str
    time_create: datetime | None = None
    time_change: datetime | None = None
    hasChildren: bool = False


class GroupWrite(WriteModel):
    name_group: str = Field(min_length=1, max_length=GROUP_NAME_MAX)
    id_owner_group: int | None = None
    id_image: int | None = None
    active: bool = True


# --- 2. price levels ----------------------------------------------------------------


class PriceLevel(ApiModel):
    id_price_level: int
    name_price_level: str
    active: bool = True
    guid: str
    time_create: datetime | None = None
    time_change: datetime | None = None

    @property
    def is_purchase(self) -> bool:
        return self.id_price_level == PURCHASE_LEVEL_ID


class PriceLevelWrite(WriteModel):
    name_price_level: str = Field(min_length=1, max_length=PRICE_LEVEL_NAME_MAX)
    active: bool = True


# --- unit dictionary (section 9) ----------------------------------------------------


class UnitSample(ApiModel):
    id_unit: int
    name_unit: str
    full_name: str | None = None
    short_name: str | None = None
    code: str | None = None


# --- 3. units of a product ----------------------------------------------------------


class ProductUnit(ApiModel):
    id_unit: int
    id_goods: int | None = None
    name_unit: str | None = None
    full_name: str | None = None
    short_name: str | None = None
    code: str | None = None
    type_unit: UnitType
    rate: Decimal
    is_default: bool = False
    for_ordering: bool = False
    is_storage_residues: bool = False
    max_count: Decimal | None = None
    percent_deviation: Decimal | None = None
    good: dict[str, Any] | None = None
    unit_sample: dict[str, Any] | None = None
    brutto_weight: int | None = None
    height: int | None = None
    width: int | None = None
    depth: int | None = None
    active: bool = True
    guid: str | None = None
    time_create: datetime | None = None
    time_change: datetime | None = None


class ProductUnitWrite(WriteModel):
    id_unit: int
    type_unit: UnitType
    rate: Rate
    max_count: Count | None = None
    brutto_weight: int = 0
    percent_deviation: Decimal = Decimal("0.0")
    for_ordering: bool = False
    is_default: bool = False
    is_storage_residues: bool = False
    height: int | None = None
    width: int | None = None
    depth: int | None = None
    active: bool = True


# --- 4. series ----------------------------------------------------------------------


class Series(ApiModel):
    id_series: str
    name_series: str
    active: bool = True
    guid: str | None = None
    time_create: datetime | None = None
    time_change: datetime | None = None

    @property
    def is_base(self) -> bool:
        return self.id_series == BASE_SERIES_ID


class SeriesWrite(WriteModel):
    id_series: str = Field(min_length=1)
    name_series: str = Field(min_length=1)
    active: bool = True


# --- 5. prices ----------------------------------------------------------------------


class Price(ApiModel):
    id_goods: int
    name_goods: str | None = None
    id_unit: int
    name_unit: str | None = None
    id_series: str
    name_series: str | None = None
    id_price_level: int
    name_price_level: str | None = None
    # The document's GET list names no `price`; the sandbox returns it and a client
    # must cope with a server that does not.
    price: Decimal | None = None
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    active: bool = True


class PriceWrite(WriteModel):
    id_goods: int
    id_unit: int
    id_series: str
    id_price_level: int
    price: Money
    min_price: Money
    max_price: Money
    active: bool = True


# --- 6. barcodes --------------------------------------------------------------------


class Barcode(ApiModel):
    bar_code: str
    id_goods: int | None = None
    id_unit: int
    id_series: str
    ext_bar_code: str | None = None
    name_series: str | None = None
    name_unit: str | None = None
    active: bool = True
    guid: str | None = None
    time_create: datetime | None = None
    time_change: datetime | None = None


class BarcodeWrite(WriteModel):
    bar_code: str = Field(min_length=1, max_length=BAR_CODE_MAX, pattern=r"^[0-9]+$")
    id_unit: int
    id_series: str
    ext_bar_code: str | None = Field(default=None, pattern=r"^([0-9]{2}|[0-9]{5})$")
    active: bool = True


# --- 7. products (section 9 assumptions) --------------------------------------------


class ProductReservation(ApiModel):
    """The answer of `POST goods/id/last`."""

    id_goods: int
    guid: str


class Product(ApiModel):
    id_goods: int
    guid: str
    name_goods: str
    id_group: int | None = None
    free_price: bool = False
    active: bool = True
    time_create: datetime | None = None
    time_change: datetime | None = None


class ProductWrite(WriteModel):
    id_goods: int
    guid: str
    name_goods: str = Field(min_length=1, max_length=PRODUCT_NAME_MAX)
    id_group: int | None = None
    free_price: bool = False
    active: bool = True
