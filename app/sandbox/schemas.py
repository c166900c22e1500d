"""Request and response bodies of the sandbox server, as its OpenAPI shows them.

Request models check types and lengths only; the catalog's rules (one default unit,
price floors, barcode uniqueness, …) are checked in `catalog` and `product_parts`,
where their messages can name what is wrong. Decimals are JSON numbers both ways (the
server reads and writes them with `app.domain.jsonio`), so their schema says `number`.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from app.domain.models import (
    GROUP_NAME_MAX,
    PRICE_LEVEL_NAME_MAX,
    PRODUCT_NAME_MAX,
    UNIT_NAME_MAX,
)

SERIES_ID_MAX = 64
SERIES_NAME_MAX = 128
GUID_MAX = 64

NUMBER = WithJsonSchema({"type": "number"})
OPTIONAL_NUMBER = WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "null"}]})

Money = Annotated[Decimal, Field(max_digits=15, decimal_places=4), NUMBER]
Rate = Annotated[Decimal, Field(max_digits=15, decimal_places=3), NUMBER]
Count = Annotated[
    Decimal | None, Field(max_digits=10, decimal_places=3), OPTIONAL_NUMBER
]
Percent = Annotated[Decimal, Field(max_digits=7, decimal_places=3), NUMBER]
Number = Annotated[Decimal, NUMBER]
OptionalNumber = Annotated[Decimal | None, OPTIONAL_NUMBER]
TypeUnit = Literal[1, 2, 3]
# Integers the API keeps in SQLite's 64-bit column.
Int = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
Size = Annotated[int, Field(ge=0, le=2**31 - 1)]


class RequestBody(BaseModel):
    # Unknown fields are ignored, as a tolerant server should.
    model_config = ConfigDict(extra="ignore")


# --- requests ---------------------------------------------------------------------


class GroupIn(RequestBody):
    name_group: str = Field(min_length=1, max_length=GROUP_NAME_MAX)
    id_owner_group: Int | None = None
    id_image: Int | None = None
    active: bool = True


class PriceLevelIn(RequestBody):
    name_price_level: str = Field(min_length=1, max_length=PRICE_LEVEL_NAME_MAX)
    active: bool = True


class PriceLevelUpdate(RequestBody):
    name_price_level: str = Field(min_length=1, max_length=PRICE_LEVEL_NAME_MAX)
    active: bool


class UnitUpdate(RequestBody):
    type_unit: TypeUnit
    rate: Rate
    max_count: Count = None
    brutto_weight: Size = 0
    percent_deviation: Percent = Decimal("0.0")
    for_ordering: bool = False
    is_default: bool = False
    is_storage_residues: bool = False
    height: Size | None = None
    width: Size | None = None
    depth: Size | None = None
    active: bool = True


class UnitIn(UnitUpdate):
    id_unit: Int


class SeriesIn(RequestBody):
    id_series: str = Field(min_length=1, max_length=SERIES_ID_MAX)
    name_series: str = Field(min_length=1, max_length=SERIES_NAME_MAX)
    active: bool = True


class ProductIn(RequestBody):
    id_goods: Int
    guid: str = Field(min_length=1, max_length=GUID_MAX)
    name_goods: str = Field(min_length=1, max_length=PRODUCT_NAME_MAX)
    id_group: Int | None = None
    free_price: bool = False
    active: bool = True


class ProductUpdate(RequestBody):
    """`PUT goods/{guid}` (a section 9 assumption): only the fields sent change."""

    name_goods: str | None = Field(
        default=None, min_length=1, max_length=PRODUCT_NAME_MAX
    )
    id_group: Int | None = None
    free_price: bool | None = None
    active: bool | None = None


class PriceIn(RequestBody):
    id_goods: Int
    id_unit: Int
    id_series: str = Field(min_length=1, max_length=SERIES_ID_MAX)
    id_price_level: Int
    price: Money
    min_price: Money
    max_price: Money
    active: bool = True


class BarcodeIn(RequestBody):
    # Length and digits are checked by the catalog, so its message can say both.
    bar_code: str = Field(json_schema_extra={"maxLength": 21, "pattern": "^[0-9]+$"})
    id_unit: Int
    id_series: str = Field(min_length=1, max_length=SERIES_ID_MAX)
    ext_bar_code: str | None = None
    active: bool = True


# --- responses --------------------------------------------------------------------


class ErrorBody(BaseModel):
    message: str
    errors: dict[str, list[str]] | None = None


class Meta(BaseModel):
    current_page: int
    last_page: int
    per_page: int
    total: int


class Stamps(BaseModel):
    time_create: datetime
    time_change: datetime


class GroupOut(Stamps):
    id_group: int
    name_group: str
    id_owner_group: int | None
    id_image: int | None
    active: bool
    guid: str
    hasChildren: bool


class PriceLevelOut(Stamps):
    id_price_level: int
    name_price_level: str
    active: bool
    guid: str


class UnitSampleOut(BaseModel):
    id_unit: int
    name_unit: str = Field(max_length=UNIT_NAME_MAX)
    full_name: str
    short_name: str
    code: str


class ReservationOut(BaseModel):
    id_goods: int
    guid: str


class ProductOut(Stamps):
    id_goods: int
    guid: str
    name_goods: str
    id_group: int | None
    free_price: bool
    active: bool


class ProductUnitOut(Stamps):
    id_unit: int
    id_goods: int
    name_unit: str
    full_name: str
    short_name: str
    code: str
    type_unit: TypeUnit
    rate: Number
    is_default: bool
    for_ordering: bool
    is_storage_residues: bool
    max_count: OptionalNumber
    percent_deviation: Number
    good: dict[str, Any]
    unit_sample: dict[str, Any]
    brutto_weight: int
    height: int | None
    width: int | None
    depth: int | None
    active: bool
    guid: str


class SeriesOut(Stamps):
    id_series: str
    name_series: str
    active: bool
    guid: str


class PriceOut(BaseModel):
    id_goods: int
    name_goods: str
    id_unit: int
    name_unit: str
    id_series: str
    name_series: str
    id_price_level: int
    name_price_level: str
    price: Number
    min_price: Number
    max_price: Number
    active: bool


class BarcodeOut(Stamps):
    bar_code: str
    id_goods: int
    id_unit: int
    id_series: str
    ext_bar_code: str | None
    name_series: str
    name_unit: str
    active: bool
    guid: str


def page_of(model: type[BaseModel]) -> type[BaseModel]:
    """The paged list body `{"data": [...], "meta": {...}}` for `model`."""
    from pydantic import create_model

    return create_model(
        f"{model.__name__}Page",
        data=(list[model], ...),  # type: ignore[valid-type]
        meta=(Meta, ...),
    )
