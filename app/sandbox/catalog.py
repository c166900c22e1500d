"""The catalog's rules for groups, price levels, the unit dictionary and products.

Each function takes an open session (see `transaction`) and returns plain dicts in the
API's field names, or raises `ApiError`. Units, series, prices and barcodes of a product
are in `product_parts`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.models import BASE_SERIES_ID, PURCHASE_LEVEL_ID
from app.sandbox import schemas
from app.sandbox.db import (
    Database,
    GoodsRow,
    GroupRow,
    PriceLevelRow,
    ProductUnitRow,
    SeriesRow,
    UnitSampleRow,
    utcnow,
)
from app.sandbox.messages import ApiError, invalid, not_found

PURCHASE_NAMES = {"uk": "Закупівельна", "en": "Purchase"}
PURCHASE_GUID = "00000000-0000-0000-0000-00000000ffff"

# The unit dictionary every sandbox starts with: (id, name, full name, short, code).
# Codes are UN/ECE Recommendation 20 unit codes.
UNIT_DICTIONARY: tuple[tuple[int, str, str, str, str], ...] = (
    (1, "шт", "штука", "шт.", "H87"),
    (2, "кг", "кілограм", "кг", "KGM"),
    (3, "г", "грам", "г", "GRM"),
    (4, "л", "літр", "л", "LTR"),
    (5, "мл", "мілілітр", "мл", "MLT"),
    (6, "м", "метр", "м", "MTR"),
    (7, "упак", "упаковка", "упак.", "PK"),
    (8, "ящ", "ящик", "ящ.", "BX"),
)


def new_guid() -> str:
    return str(uuid.uuid4())


@contextmanager
def transaction(database: Database) -> Iterator[Session]:
    """One serialised unit of work: commits on success, rolls back on any error."""
    with (
        database.lock,
        Session(database.engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        yield session


def seed(session: Session) -> None:
    """What every sandbox has: the Purchase level and the unit dictionary."""
    if session.get(PriceLevelRow, PURCHASE_LEVEL_ID) is None:
        session.add(
            PriceLevelRow(
                id_price_level=PURCHASE_LEVEL_ID,
                guid=PURCHASE_GUID,
                name_price_level=PURCHASE_NAMES["en"],
                active=True,
            )
        )
    for id_unit, name, full_name, short_name, code in UNIT_DICTIONARY:
        if session.get(UnitSampleRow, id_unit) is None:
            session.add(
                UnitSampleRow(
                    id_unit=id_unit,
                    name_unit=name,
                    full_name=full_name,
                    short_name=short_name,
                    code=code,
                )
            )


# --- groups ---------------------------------------------------------------------------


def group_out(row: GroupRow, has_children: bool) -> dict[str, Any]:
    return {
        "id_group": row.id_group,
        "name_group": row.name_group,
        "id_owner_group": row.id_owner_group,
        "id_image": row.id_image,
        "active": row.active,
        "guid": row.guid,
        "time_create": row.time_create,
        "time_change": row.time_change,
        "hasChildren": has_children,
    }


def list_groups(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(GroupRow).order_by(GroupRow.id_group)).all()
    owners = {row.id_owner_group for row in rows if row.id_owner_group is not None}
    return [group_out(row, row.id_group in owners) for row in rows]


def _group_by_guid(session: Session, guid: str) -> GroupRow:
    row = session.scalar(select(GroupRow).where(GroupRow.guid == guid))
    if row is None:
        raise not_found("group_not_found", guid=guid)
    return row


def _single_group_out(session: Session, row: GroupRow) -> dict[str, Any]:
    children = session.scalar(
        select(func.count()).where(GroupRow.id_owner_group == row.id_group)
    )
    return group_out(row, bool(children))


def _check_owner(session: Session, owner: int | None, moving: int | None) -> None:
    """The owner exists and is neither the group itself nor one of its subgroups."""
    if owner is None:
        return
    if session.get(GroupRow, owner) is None:
        raise invalid("id_owner_group", "owner_group_missing", id_owner_group=owner)
    if moving is None:
        return
    seen: set[int] = set()
    current: int | None = owner
    while current is not None and current not in seen:
        if current == moving:
            raise invalid("id_owner_group", "group_own_ancestor")
        seen.add(current)
        parent = session.get(GroupRow, current)
        current = parent.id_owner_group if parent is not None else None


def create_group(session: Session, body: schemas.GroupIn) -> dict[str, Any]:
    _check_owner(session, body.id_owner_group, None)
    row = GroupRow(
        guid=new_guid(),
        name_group=body.name_group,
        id_owner_group=body.id_owner_group,
        id_image=body.id_image,
        active=body.active,
    )
    session.add(row)
    session.flush()
    return group_out(row, False)


def update_group(session: Session, guid: str, body: schemas.GroupIn) -> dict[str, Any]:
    row = _group_by_guid(session, guid)
    _check_owner(session, body.id_owner_group, row.id_group)
    row.name_group = body.name_group
    row.id_owner_group = body.id_owner_group
    row.id_image = body.id_image
    row.active = body.active
    row.time_change = utcnow()
    session.flush()
    return _single_group_out(session, row)


# --- price levels ---------------------------------------------------------------------


# FIXME(sandbox-locale): names of groups, levels and products are kept in one
# language and served as stored in both locales (the demo's are Ukrainian, though the
# CSV has English names too); only the Purchase level's name follows `{locale}`. How
# the vendor keeps names per language is not documented.
def level_out(row: PriceLevelRow, locale: str) -> dict[str, Any]:
    name = row.name_price_level
    if row.id_price_level == PURCHASE_LEVEL_ID:
        name = PURCHASE_NAMES.get(locale, name)
    return {
        "id_price_level": row.id_price_level,
        "name_price_level": name,
        "active": row.active,
        "guid": row.guid,
        "time_create": row.time_create,
        "time_change": row.time_change,
    }


def list_levels(session: Session, locale: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(PriceLevelRow).order_by(PriceLevelRow.id_price_level))
    return [level_out(row, locale) for row in rows]


def _is_purchase_name(name: str) -> bool:
    folded = name.strip().casefold()
    return any(folded == known.casefold() for known in PURCHASE_NAMES.values())


def create_level(
    session: Session, body: schemas.PriceLevelIn, locale: str
) -> dict[str, Any]:
    if _is_purchase_name(body.name_price_level):
        raise invalid(
            "name_price_level", "purchase_name_taken", name=body.name_price_level
        )
    highest = session.scalar(select(func.max(PriceLevelRow.id_price_level))) or 0
    row = PriceLevelRow(
        id_price_level=max(highest, 0) + 1,
        guid=new_guid(),
        name_price_level=body.name_price_level,
        active=body.active,
    )
    session.add(row)
    session.flush()
    return level_out(row, locale)


def update_level(
    session: Session, guid: str, body: schemas.PriceLevelUpdate, locale: str
) -> dict[str, Any]:
    row = session.scalar(select(PriceLevelRow).where(PriceLevelRow.guid == guid))
    if row is None:
        raise not_found("level_not_found", guid=guid)
    if row.id_price_level == PURCHASE_LEVEL_ID:
        if not _is_purchase_name(body.name_price_level):
            raise invalid("name_price_level", "purchase_rename")
        if not body.active:
            raise invalid("active", "purchase_inactive")
    else:
        if _is_purchase_name(body.name_price_level):
            raise invalid(
                "name_price_level", "purchase_name_taken", name=body.name_price_level
            )
        row.name_price_level = body.name_price_level
    row.active = body.active
    row.time_change = utcnow()
    session.flush()
    return level_out(row, locale)


# --- unit dictionary ------------------------------------------------------------------


def sample_out(row: UnitSampleRow) -> dict[str, Any]:
    return {
        "id_unit": row.id_unit,
        "name_unit": row.name_unit,
        "full_name": row.full_name,
        "short_name": row.short_name,
        "code": row.code,
    }


def list_unit_samples(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(UnitSampleRow).order_by(UnitSampleRow.id_unit))
    return [sample_out(row) for row in rows]


# --- products -------------------------------------------------------------------------


def product_out(row: GoodsRow) -> dict[str, Any]:
    return {
        "id_goods": row.id_goods,
        "guid": row.guid,
        "name_goods": row.name_goods or "",
        "id_group": row.id_group,
        "free_price": row.free_price,
        "active": row.active,
        "time_create": row.time_create,
        "time_change": row.time_change,
    }


def reserve_id(session: Session) -> dict[str, Any]:
    """A fresh product id and guid (`POST goods/id/last`); never handed out twice."""
    highest = session.scalar(select(func.max(GoodsRow.id_goods))) or 0
    row = GoodsRow(id_goods=highest + 1, guid=new_guid(), created=False)
    session.add(row)
    session.flush()
    return {"id_goods": row.id_goods, "guid": row.guid}


def goods_by_guid(session: Session, guid: str, *, created: bool = False) -> GoodsRow:
    """The product (or reserved id) with `guid`; `created` demands `POST goods` done."""
    row = session.scalar(select(GoodsRow).where(GoodsRow.guid == guid))
    if row is None:
        raise not_found("goods_not_found", guid=guid)
    if created and not row.created:
        raise ApiError(
            409,
            "goods_not_created",
            guid=guid,
        )
    return row


def list_products(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(GoodsRow).where(GoodsRow.created.is_(True)).order_by(GoodsRow.id_goods)
    )
    return [product_out(row) for row in rows]


def product_page(
    session: Session, offset: int, limit: int, descending: bool
) -> tuple[list[dict[str, Any]], int]:
    """One page of `list_products` in id order, read by SQL alone, and the total: a
    sync lists 10,000 products in 20 pages, which would load every product 20 times.
    """
    created = GoodsRow.created.is_(True)
    order = GoodsRow.id_goods.desc() if descending else GoodsRow.id_goods
    rows = session.scalars(
        select(GoodsRow).where(created).order_by(order).offset(offset).limit(limit)
    )
    total = session.scalar(select(func.count()).select_from(GoodsRow).where(created))
    return [product_out(row) for row in rows], int(total or 0)


def get_product(session: Session, guid: str) -> dict[str, Any]:
    row = session.scalar(
        select(GoodsRow).where(GoodsRow.guid == guid, GoodsRow.created.is_(True))
    )
    if row is None:
        raise not_found("goods_not_found", guid=guid)
    return product_out(row)


def _check_group(session: Session, id_group: int | None) -> None:
    if id_group is not None and session.get(GroupRow, id_group) is None:
        raise invalid("id_group", "group_missing", id_group=id_group)


def create_product(session: Session, body: schemas.ProductIn) -> dict[str, Any]:
    """`POST goods`: needs the reservation, a default unit and the base series."""
    row = session.get(GoodsRow, body.id_goods)
    if row is None or row.guid != body.guid:
        raise invalid(
            "id_goods", "goods_id_mismatch", id_goods=body.id_goods, guid=body.guid
        )
    if row.created:
        raise ApiError(409, "goods_exists", id_goods=row.id_goods, guid=row.guid)
    default_unit = session.scalar(
        select(ProductUnitRow).where(
            ProductUnitRow.id_goods == row.id_goods, ProductUnitRow.is_default.is_(True)
        )
    )
    if default_unit is None:
        raise invalid("units", "goods_needs_default_unit", guid=row.guid)
    base = session.scalar(
        select(SeriesRow).where(
            SeriesRow.id_goods == row.id_goods, SeriesRow.id_series == BASE_SERIES_ID
        )
    )
    if base is None:
        raise invalid("series", "goods_needs_base_series", guid=row.guid)
    _check_group(session, body.id_group)

    row.name_goods = body.name_goods
    row.id_group = body.id_group
    row.free_price = body.free_price
    row.active = body.active
    row.created = True
    now = utcnow()
    row.time_create = now
    row.time_change = now
    session.flush()
    return product_out(row)


def update_product(
    session: Session, guid: str, body: schemas.ProductUpdate
) -> dict[str, Any]:
    """`PUT goods/{guid}` (section 9 does not list it; the app needs it to edit)."""
    row = session.scalar(
        select(GoodsRow).where(GoodsRow.guid == guid, GoodsRow.created.is_(True))
    )
    if row is None:
        raise not_found("goods_not_found", guid=guid)
    sent = body.model_fields_set
    if "name_goods" in sent:
        if body.name_goods is None:
            raise invalid("name_goods", "field_required")
        row.name_goods = body.name_goods
    if "id_group" in sent:
        _check_group(session, body.id_group)
        row.id_group = body.id_group
    if "free_price" in sent and body.free_price is not None:
        row.free_price = body.free_price
    if "active" in sent and body.active is not None:
        row.active = body.active
    row.time_change = utcnow()
    session.flush()
    return product_out(row)
