"""A product's units, series, prices and barcodes (sections 3–6), with their rules.

Units and series may be created as soon as the id is reserved (section 7 creates them
before `POST goods`); prices and barcodes need the product itself (409 otherwise).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import prices as price_rules
from app.domain import units as unit_rules
from app.domain.errors import PriceRuleError, UnitRuleError
from app.domain.models import BASE_SERIES_ID, BASE_SERIES_NAME, UnitType
from app.sandbox import schemas
from app.sandbox.catalog import (
    goods_by_guid,
    level_out,
    new_guid,
    product_out,
    sample_out,
)
from app.sandbox.db import (
    BarcodeRow,
    GoodsRow,
    PriceLevelRow,
    PriceRow,
    ProductUnitRow,
    SeriesRow,
    UnitSampleRow,
    utcnow,
)
from app.sandbox.messages import ApiError, FieldError, invalid, not_found

BAR_CODE = re.compile(r"^[0-9]{1,21}$")
EXT_BAR_CODE = re.compile(r"^(?:[0-9]{2}|[0-9]{5})$")

# --- units ----------------------------------------------------------------------------


def unit_out(
    row: ProductUnitRow, sample: UnitSampleRow, goods: GoodsRow
) -> dict[str, Any]:
    return {
        "id_unit": row.id_unit,
        "id_goods": row.id_goods,
        "name_unit": sample.name_unit,
        "full_name": sample.full_name,
        "short_name": sample.short_name,
        "code": sample.code,
        "type_unit": row.type_unit,
        "rate": row.rate,
        "is_default": row.is_default,
        "for_ordering": row.for_ordering,
        "is_storage_residues": row.is_storage_residues,
        "max_count": row.max_count,
        "percent_deviation": row.percent_deviation,
        "good": product_out(goods),
        "unit_sample": sample_out(sample),
        "brutto_weight": row.brutto_weight,
        "height": row.height,
        "width": row.width,
        "depth": row.depth,
        "active": row.active,
        "guid": row.guid,
        "time_create": row.time_create,
        "time_change": row.time_change,
    }


def _units(session: Session, id_goods: int) -> list[ProductUnitRow]:
    query = select(ProductUnitRow).where(ProductUnitRow.id_goods == id_goods)
    return list(session.scalars(query.order_by(ProductUnitRow.pk)))


def list_units(session: Session, guid: str) -> list[dict[str, Any]]:
    goods = goods_by_guid(session, guid)
    return [
        unit_out(row, session.get_one(UnitSampleRow, row.id_unit), goods)
        for row in _units(session, goods.id_goods)
    ]


def _rate_error(error: UnitRuleError, type_unit: int, rate: Decimal) -> ApiError:
    """A domain unit-rule failure as the API's field error, worded per locale."""
    if error.field == "type_unit":
        allowed = sorted(unit_rules.COMPATIBLE[UnitType(error.params["default_type"])])
        return invalid(
            "type_unit",
            "unit_type_incompatible",
            type_unit=error.params["type_unit"],
            default_type=error.params["default_type"],
            allowed=", ".join(str(int(kind)) for kind in allowed),
        )
    if rate <= 0:
        key = "unit_rate_positive"
    elif type_unit == UnitType.INTEGER:
        key = "unit_rate_whole"
    elif type_unit == UnitType.QUARTER:
        key = "unit_rate_quarter"
    else:
        key = "unit_rate_digits"
    return invalid("rate", key, value=rate, type_unit=type_unit)


def _check_unit_set(
    units: list[unit_rules.UnitSpec], changed: unit_rules.UnitSpec
) -> None:
    """A product's units after a change: one default with rate 1, extras fit it."""
    defaults = [unit for unit in units if unit.is_default]
    if changed.is_default and len(defaults) > 1:
        raise invalid("is_default", "unit_second_default")
    if not defaults:
        key = "unit_default_first" if not changed.is_default else "unit_default_needed"
        raise invalid("is_default", key)
    default = defaults[0]
    if default.rate != unit_rules.ONE:
        raise invalid("rate", "unit_default_rate", value=default.rate)
    for unit in units:
        if unit.is_default:
            continue
        try:
            unit_rules.check_extra_unit(default.type_unit, unit)
        except UnitRuleError as error:
            raise _rate_error(error, int(unit.type_unit), unit.rate) from None


def _spec(row: ProductUnitRow) -> unit_rules.UnitSpec:
    return unit_rules.UnitSpec(
        row.id_unit, UnitType(row.type_unit), row.rate, row.is_default
    )


def create_unit(session: Session, guid: str, body: schemas.UnitIn) -> dict[str, Any]:
    goods = goods_by_guid(session, guid)
    sample = session.get(UnitSampleRow, body.id_unit)
    if sample is None:
        raise invalid("id_unit", "unit_unknown", id_unit=body.id_unit)
    existing = _units(session, goods.id_goods)
    if any(row.id_unit == body.id_unit for row in existing):
        raise invalid("id_unit", "unit_duplicate", id_unit=body.id_unit)
    new = unit_rules.UnitSpec(
        body.id_unit, UnitType(body.type_unit), body.rate, body.is_default
    )
    if not body.is_default and not any(row.is_default for row in existing):
        raise invalid("is_default", "unit_default_first")
    _check_unit_set([*map(_spec, existing), new], new)

    row = ProductUnitRow(guid=new_guid(), id_goods=goods.id_goods, id_unit=body.id_unit)
    _fill_unit(row, body)
    session.add(row)
    session.flush()
    return unit_out(row, sample, goods)


def _fill_unit(row: ProductUnitRow, body: schemas.UnitUpdate) -> None:
    row.type_unit = body.type_unit
    row.rate = body.rate
    row.max_count = body.max_count
    row.brutto_weight = body.brutto_weight
    row.percent_deviation = body.percent_deviation
    row.for_ordering = body.for_ordering
    row.is_default = body.is_default
    row.is_storage_residues = body.is_storage_residues
    row.height = body.height
    row.width = body.width
    row.depth = body.depth
    row.active = body.active


def update_unit(
    session: Session, guid: str, guid_unit: str, body: schemas.UnitUpdate
) -> dict[str, Any]:
    goods = goods_by_guid(session, guid)
    existing = _units(session, goods.id_goods)
    row = next((unit for unit in existing if unit.guid == guid_unit), None)
    if row is None:
        raise not_found("unit_not_found", guid=guid_unit)
    changed = unit_rules.UnitSpec(
        row.id_unit, UnitType(body.type_unit), body.rate, body.is_default
    )
    others = [_spec(unit) for unit in existing if unit is not row]
    if row.is_default and not body.is_default:
        raise invalid("is_default", "unit_default_needed")
    _check_unit_set([*others, changed], changed)

    _fill_unit(row, body)
    row.time_change = utcnow()
    session.flush()
    return unit_out(row, session.get_one(UnitSampleRow, row.id_unit), goods)


# --- series ---------------------------------------------------------------------------


def series_out(row: SeriesRow) -> dict[str, Any]:
    return {
        "id_series": row.id_series,
        "name_series": row.name_series,
        "active": row.active,
        "guid": row.guid,
        "time_create": row.time_create,
        "time_change": row.time_change,
    }


def _series(session: Session, id_goods: int) -> list[SeriesRow]:
    query = select(SeriesRow).where(SeriesRow.id_goods == id_goods)
    return list(session.scalars(query.order_by(SeriesRow.pk)))


def list_series(session: Session, guid: str) -> list[dict[str, Any]]:
    goods = goods_by_guid(session, guid)
    return [series_out(row) for row in _series(session, goods.id_goods)]


def create_series(
    session: Session, guid: str, body: schemas.SeriesIn
) -> dict[str, Any]:
    goods = goods_by_guid(session, guid)
    if body.id_series == BASE_SERIES_ID and body.name_series != BASE_SERIES_NAME:
        raise invalid("name_series", "base_series_name")
    if any(row.id_series == body.id_series for row in _series(session, goods.id_goods)):
        raise invalid("id_series", "series_duplicate", id_series=body.id_series)

    row = SeriesRow(
        guid=new_guid(),
        id_goods=goods.id_goods,
        id_series=body.id_series,
        name_series=body.name_series,
        active=body.active,
    )
    session.add(row)
    session.flush()
    return series_out(row)


def _series_row(session: Session, id_goods: int, id_series: str) -> SeriesRow | None:
    return session.scalar(
        select(SeriesRow).where(
            SeriesRow.id_goods == id_goods, SeriesRow.id_series == id_series
        )
    )


# --- prices ---------------------------------------------------------------------------


def _series_names(session: Session, id_goods: int) -> dict[str, str]:
    """The names of a product's series by id: one query for a whole list."""
    names: dict[str, str] = {}
    for row in _series(session, id_goods):
        names.setdefault(row.id_series, row.name_series)
    return names


def _series_name(
    session: Session, row: PriceRow | BarcodeRow, names: dict[str, str] | None
) -> str:
    """The name of the series a price or barcode belongs to (its id if none)."""
    if names is None:
        series = _series_row(session, row.id_goods, row.id_series)
        return series.name_series if series is not None else row.id_series
    return names.get(row.id_series, row.id_series)


def price_out(
    row: PriceRow,
    session: Session,
    locale: str,
    series_names: dict[str, str] | None = None,
) -> dict[str, Any]:
    goods = session.get_one(GoodsRow, row.id_goods)
    level = session.get_one(PriceLevelRow, row.id_price_level)
    return {
        "id_goods": row.id_goods,
        "name_goods": goods.name_goods or "",
        "id_unit": row.id_unit,
        "name_unit": session.get_one(UnitSampleRow, row.id_unit).name_unit,
        "id_series": row.id_series,
        "name_series": _series_name(session, row, series_names),
        "id_price_level": row.id_price_level,
        "name_price_level": level_out(level, locale)["name_price_level"],
        "price": row.price,
        "min_price": row.min_price,
        "max_price": row.max_price,
        "active": row.active,
    }


def list_prices(session: Session, guid: str, locale: str) -> list[dict[str, Any]]:
    goods = goods_by_guid(session, guid)
    query = select(PriceRow).where(PriceRow.id_goods == goods.id_goods)
    rows = session.scalars(query.order_by(PriceRow.id_price_level, PriceRow.pk))
    names = _series_names(session, goods.id_goods)
    return [price_out(row, session, locale, names) for row in rows]


_PRICE_KEYS = {
    "floor": "min_price_floor",
    "price": "max_above_price",
    "max_price": "min_above_max",
}


def _price_error(error: PriceRuleError) -> FieldError:
    field = error.field or "price"
    for param, key in _PRICE_KEYS.items():
        if param in error.params:
            return FieldError(field, key, dict(error.params))
    return FieldError(field, "money_negative", {})


def create_price(
    session: Session, guid: str, body: schemas.PriceIn, locale: str
) -> dict[str, Any]:
    goods = goods_by_guid(session, guid, created=True)
    errors: list[FieldError] = []
    if body.id_goods != goods.id_goods:
        errors.append(
            FieldError(
                "id_goods",
                "price_goods_mismatch",
                {"id_goods": body.id_goods, "expected": goods.id_goods},
            )
        )
    default = next(
        (unit for unit in _units(session, goods.id_goods) if unit.is_default), None
    )
    if default is None or body.id_unit != default.id_unit:
        expected = default.id_unit if default is not None else "-"
        errors.append(
            FieldError(
                "id_unit",
                "price_not_default_unit",
                {"id_unit": body.id_unit, "expected": expected},
            )
        )
    if _series_row(session, goods.id_goods, body.id_series) is None:
        errors.append(
            FieldError("id_series", "series_unknown", {"id_series": body.id_series})
        )
    if session.get(PriceLevelRow, body.id_price_level) is None:
        errors.append(
            FieldError(
                "id_price_level",
                "level_unknown",
                {"id_price_level": body.id_price_level},
            )
        )
    try:
        price_rules.check_price(
            price_rules.PriceSpec(body.price, body.min_price, body.max_price)
        )
    except PriceRuleError as error:
        errors.append(_price_error(error))
    if errors:
        raise ApiError(422, "invalid_data", errors)

    duplicate = session.scalar(
        select(PriceRow).where(
            PriceRow.id_goods == goods.id_goods,
            PriceRow.id_unit == body.id_unit,
            PriceRow.id_series == body.id_series,
            PriceRow.id_price_level == body.id_price_level,
        )
    )
    if duplicate is not None:
        raise ApiError(409, "price_exists")
    row = PriceRow(
        id_goods=goods.id_goods,
        id_unit=body.id_unit,
        id_series=body.id_series,
        id_price_level=body.id_price_level,
        price=body.price,
        min_price=body.min_price,
        max_price=body.max_price,
        active=body.active,
    )
    session.add(row)
    session.flush()
    return price_out(row, session, locale)


# --- barcodes -------------------------------------------------------------------------


def barcode_out(
    row: BarcodeRow, session: Session, series_names: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "bar_code": row.bar_code,
        "id_goods": row.id_goods,
        "id_unit": row.id_unit,
        "id_series": row.id_series,
        "ext_bar_code": row.ext_bar_code,
        "name_series": _series_name(session, row, series_names),
        "name_unit": session.get_one(UnitSampleRow, row.id_unit).name_unit,
        "active": row.active,
        "guid": row.guid,
        "time_create": row.time_create,
        "time_change": row.time_change,
    }


def list_barcodes(session: Session, guid: str) -> list[dict[str, Any]]:
    goods = goods_by_guid(session, guid)
    query = select(BarcodeRow).where(BarcodeRow.id_goods == goods.id_goods)
    names = _series_names(session, goods.id_goods)
    return [
        barcode_out(row, session, names)
        for row in session.scalars(query.order_by(BarcodeRow.pk))
    ]


def _check_barcode(
    session: Session, goods: GoodsRow, body: schemas.BarcodeIn, own_pk: int | None
) -> str | None:
    """Field checks of a barcode; returns the add-on as stored (None for none).

    A main code belongs to one product. The same product may carry it more than once
    with different add-ons: a periodical's issues share the main code and differ in
    their 2-digit add-on.
    """
    errors: list[FieldError] = []
    ext = body.ext_bar_code or None
    if not BAR_CODE.match(body.bar_code):
        errors.append(FieldError("bar_code", "bar_code_digits"))
    if ext is not None and not EXT_BAR_CODE.match(ext):
        errors.append(FieldError("ext_bar_code", "ext_bar_code_digits"))
    unit_ids = {unit.id_unit for unit in _units(session, goods.id_goods)}
    if body.id_unit not in unit_ids:
        errors.append(
            FieldError("id_unit", "barcode_unit_unknown", {"id_unit": body.id_unit})
        )
    if _series_row(session, goods.id_goods, body.id_series) is None:
        errors.append(
            FieldError("id_series", "series_unknown", {"id_series": body.id_series})
        )
    if not errors:
        for other in session.scalars(
            select(BarcodeRow).where(BarcodeRow.bar_code == body.bar_code)
        ):
            if other.pk == own_pk:
                continue
            if other.id_goods != goods.id_goods or other.ext_bar_code == ext:
                owner = session.get_one(GoodsRow, other.id_goods)
                errors.append(
                    FieldError(
                        "bar_code",
                        "bar_code_taken",
                        {
                            "bar_code": body.bar_code,
                            "name_goods": owner.name_goods or "",
                            "id_goods": owner.id_goods,
                        },
                    )
                )
                break
    if errors:
        raise ApiError(422, "invalid_data", errors)
    return ext


def create_barcode(
    session: Session, guid: str, body: schemas.BarcodeIn
) -> dict[str, Any]:
    goods = goods_by_guid(session, guid, created=True)
    ext = _check_barcode(session, goods, body, None)
    row = BarcodeRow(
        guid=new_guid(),
        id_goods=goods.id_goods,
        bar_code=body.bar_code,
        ext_bar_code=ext,
        id_unit=body.id_unit,
        id_series=body.id_series,
        active=body.active,
    )
    session.add(row)
    session.flush()
    return barcode_out(row, session)


def update_barcode(
    session: Session, guid: str, guid_barcode: str, body: schemas.BarcodeIn
) -> dict[str, Any]:
    goods = goods_by_guid(session, guid, created=True)
    row = session.scalar(
        select(BarcodeRow).where(
            BarcodeRow.guid == guid_barcode, BarcodeRow.id_goods == goods.id_goods
        )
    )
    if row is None:
        raise not_found("barcode_not_found", guid=guid_barcode)
    row.ext_bar_code = _check_barcode(session, goods, body, row.pk)
    row.bar_code = body.bar_code
    row.id_unit = body.id_unit
    row.id_series = body.id_series
    row.active = body.active
    row.time_change = utcnow()
    session.flush()
    return barcode_out(row, session)
