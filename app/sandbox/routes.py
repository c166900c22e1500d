"""The HTTP endpoints: sections 1–7 of the API document plus the section 9 assumptions.

All paths live under `/api/{locale}/`. Each handler opens one serialised transaction.
Writes are plain functions, run in the server's thread pool; reads are coroutines
that never await, run on the event loop itself: a read takes a millisecond or two,
less than the hop to a pool thread and back costs, and a sync fetches thousands.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from app.sandbox import catalog, listing, product_parts, schemas
from app.sandbox.db import Database
from app.sandbox.server import DecimalRoute, JsonBody

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorBody, "description": "The body is not JSON text"},
    401: {"model": schemas.ErrorBody, "description": "No or wrong bearer token"},
    404: {"model": schemas.ErrorBody, "description": "No such entity"},
    409: {"model": schemas.ErrorBody, "description": "Conflicts with existing data"},
    422: {"model": schemas.ErrorBody, "description": "A field breaks a rule"},
}


class Locale(StrEnum):
    uk = "uk"
    en = "en"


LocaleParam = Annotated[Locale, Path(description="language of names and messages")]
Guid = Annotated[str, Path(min_length=1, max_length=64)]


async def list_params(
    request: Request,
    new_pagination: Annotated[bool | None, Query()] = None,
    page_num: Annotated[int | None, Query(alias="page[num]", ge=1)] = None,
    page_size: Annotated[
        int | None, Query(alias="page[size]", ge=1, le=listing.MAX_PAGE_SIZE)
    ] = None,
    sort_column: Annotated[str | None, Query(alias="sort[column]")] = None,
    sort_order: Annotated[
        Literal["ascending", "descending"] | None, Query(alias="sort[order]")
    ] = None,
) -> listing.ListQuery:
    """Section 8's list parameters; `filters[FIELD][...]` are read from the raw query
    (their names vary, so the OpenAPI description cannot list them).

    Async although it never awaits: FastAPI runs a plain function dependency in its
    thread pool, a hop that costs more than the parsing itself."""
    return listing.parse_query(list(request.query_params.multi_items()))


ListParams = Annotated[listing.ListQuery, Depends(list_params)]


def listed(
    rows: list[dict[str, Any]], query: listing.ListQuery, model: Any
) -> JsonBody:
    columns = list(model.model_fields)
    return JsonBody(listing.apply(rows, query, columns))


def list_model(model: type[Any]) -> Any:
    return list[model] | schemas.page_of(model)  # type: ignore[valid-type]


def build_router(database: Database) -> APIRouter:
    router = APIRouter(
        prefix="/api/{locale}", route_class=DecimalRoute, responses=ERROR_RESPONSES
    )

    def run(work: Callable[..., Any], *args: Any) -> Any:
        with catalog.transaction(database) as session:
            return work(session, *args)

    with catalog.transaction(database) as session:
        catalog.seed(session)

    # --- 1. groups
    @router.get("/groupGoods", response_model=list_model(schemas.GroupOut))
    async def list_groups(locale: LocaleParam, query: ListParams) -> JsonBody:
        return listed(run(catalog.list_groups), query, schemas.GroupOut)

    @router.post("/groupGoods", response_model=schemas.GroupOut, status_code=201)
    def create_group(locale: LocaleParam, body: schemas.GroupIn) -> JsonBody:
        return JsonBody(run(catalog.create_group, body), status_code=201)

    @router.put("/groupGoods/{guid_group}", response_model=schemas.GroupOut)
    def update_group(
        locale: LocaleParam, guid_group: Guid, body: schemas.GroupIn
    ) -> JsonBody:
        return JsonBody(run(catalog.update_group, guid_group, body))

    # --- 2. price levels
    @router.get("/price-level", response_model=list_model(schemas.PriceLevelOut))
    async def list_levels(locale: LocaleParam, query: ListParams) -> JsonBody:
        return listed(
            run(catalog.list_levels, locale.value), query, schemas.PriceLevelOut
        )

    @router.post("/price-level", response_model=schemas.PriceLevelOut, status_code=201)
    def create_level(locale: LocaleParam, body: schemas.PriceLevelIn) -> JsonBody:
        return JsonBody(run(catalog.create_level, body, locale.value), status_code=201)

    @router.put("/price-level/{guid_price_level}", response_model=schemas.PriceLevelOut)
    def update_level(
        locale: LocaleParam, guid_price_level: Guid, body: schemas.PriceLevelUpdate
    ) -> JsonBody:
        return JsonBody(run(catalog.update_level, guid_price_level, body, locale.value))

    # --- 9. unit dictionary
    @router.get("/units", response_model=list_model(schemas.UnitSampleOut))
    async def list_unit_samples(locale: LocaleParam, query: ListParams) -> JsonBody:
        return listed(run(catalog.list_unit_samples), query, schemas.UnitSampleOut)

    # --- 7 and 9. products
    @router.post(
        "/goods/id/last", response_model=schemas.ReservationOut, status_code=201
    )
    def reserve_id(locale: LocaleParam) -> JsonBody:
        return JsonBody(run(catalog.reserve_id), status_code=201)

    @router.get("/goods", response_model=list_model(schemas.ProductOut))
    async def list_products(locale: LocaleParam, query: ListParams) -> JsonBody:
        if listing.in_id_order(query, "id_goods"):
            offset = (query.page - 1) * query.size
            rows, total = run(
                catalog.product_page, offset, query.size, query.descending
            )
            return JsonBody(listing.page_body(rows, query, total))
        return listed(run(catalog.list_products), query, schemas.ProductOut)

    @router.post("/goods", response_model=schemas.ProductOut, status_code=201)
    def create_product(locale: LocaleParam, body: schemas.ProductIn) -> JsonBody:
        return JsonBody(run(catalog.create_product, body), status_code=201)

    # Section 9 lists neither GET nor PUT of one product; the app needs both to look a
    # product up after a scan and to edit its name, group and state.
    @router.get("/goods/{guid}", response_model=schemas.ProductOut)
    async def get_product(locale: LocaleParam, guid: Guid) -> JsonBody:
        return JsonBody(run(catalog.get_product, guid))

    @router.put("/goods/{guid}", response_model=schemas.ProductOut)
    def update_product(
        locale: LocaleParam, guid: Guid, body: schemas.ProductUpdate
    ) -> JsonBody:
        return JsonBody(run(catalog.update_product, guid, body))

    # --- 3. units of a product
    @router.get(
        "/goods/{guid}/units", response_model=list_model(schemas.ProductUnitOut)
    )
    async def list_units(
        locale: LocaleParam, guid: Guid, query: ListParams
    ) -> JsonBody:
        return listed(
            run(product_parts.list_units, guid), query, schemas.ProductUnitOut
        )

    @router.post(
        "/goods/{guid}/units", response_model=schemas.ProductUnitOut, status_code=201
    )
    def create_unit(locale: LocaleParam, guid: Guid, body: schemas.UnitIn) -> JsonBody:
        return JsonBody(run(product_parts.create_unit, guid, body), status_code=201)

    @router.put(
        "/goods/{guid}/units/{guid_unit}", response_model=schemas.ProductUnitOut
    )
    def update_unit(
        locale: LocaleParam, guid: Guid, guid_unit: Guid, body: schemas.UnitUpdate
    ) -> JsonBody:
        return JsonBody(run(product_parts.update_unit, guid, guid_unit, body))

    # --- 4. series
    @router.get("/goods/{guid}/series", response_model=list_model(schemas.SeriesOut))
    async def list_series(
        locale: LocaleParam, guid: Guid, query: ListParams
    ) -> JsonBody:
        return listed(run(product_parts.list_series, guid), query, schemas.SeriesOut)

    @router.post(
        "/goods/{guid}/series", response_model=schemas.SeriesOut, status_code=201
    )
    def create_series(
        locale: LocaleParam, guid: Guid, body: schemas.SeriesIn
    ) -> JsonBody:
        return JsonBody(run(product_parts.create_series, guid, body), status_code=201)

    # --- 5. prices
    @router.get(
        "/goods/{guid}/goodsPrice/prices", response_model=list_model(schemas.PriceOut)
    )
    async def list_prices(
        locale: LocaleParam, guid: Guid, query: ListParams
    ) -> JsonBody:
        rows = run(product_parts.list_prices, guid, locale.value)
        return listed(rows, query, schemas.PriceOut)

    @router.post(
        "/goods/{guid}/goodsPrice", response_model=schemas.PriceOut, status_code=201
    )
    def create_price(
        locale: LocaleParam, guid: Guid, body: schemas.PriceIn
    ) -> JsonBody:
        row = run(product_parts.create_price, guid, body, locale.value)
        return JsonBody(row, status_code=201)

    # --- 6. barcodes
    @router.get("/goods/{guid}/barcodes", response_model=list_model(schemas.BarcodeOut))
    async def list_barcodes(
        locale: LocaleParam, guid: Guid, query: ListParams
    ) -> JsonBody:
        return listed(run(product_parts.list_barcodes, guid), query, schemas.BarcodeOut)

    @router.post(
        "/goods/{guid}/barcodes", response_model=schemas.BarcodeOut, status_code=201
    )
    def create_barcode(
        locale: LocaleParam, guid: Guid, body: schemas.BarcodeIn
    ) -> JsonBody:
        return JsonBody(run(product_parts.create_barcode, guid, body), status_code=201)

    @router.put(
        "/goods/{guid}/barcodes/{guid_barcode}", response_model=schemas.BarcodeOut
    )
    def update_barcode(
        locale: LocaleParam, guid: Guid, guid_barcode: Guid, body: schemas.BarcodeIn
    ) -> JsonBody:
        return JsonBody(run(product_parts.update_barcode, guid, guid_barcode, body))

    return router
