"""The writes the app makes to the catalog, as data: what to send, and how.

An `OutboxWrite` names its kind, carries its request body (a write model of
`app.domain.models`) and the guids its path needs. `send_write` sends one through the
client; `find_written` looks on the server for the effect of a create whose answer was
lost; `apply_answer` keeps the server's answer in the local catalog.

The product creation flow (`app.api.creation`) has its own journal and is not an
outbox write.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel

from app.domain.models import (
    Barcode,
    BarcodeWrite,
    Group,
    GroupWrite,
    Price,
    PriceLevel,
    PriceLevelWrite,
    PriceWrite,
    Product,
    ProductUnit,
    ProductUnitWrite,
    Series,
    SeriesWrite,
)
from app.store.catalog import Catalog
from app.store.errors import UnknownWriteKind

logger = logging.getLogger(__name__)


class WriteKind(StrEnum):
    CREATE_GROUP = "create_group"
    UPDATE_GROUP = "update_group"
    CREATE_PRICE_LEVEL = "create_price_level"
    UPDATE_PRICE_LEVEL = "update_price_level"
    CREATE_UNIT = "create_unit"
    UPDATE_UNIT = "update_unit"
    CREATE_SERIES = "create_series"
    CREATE_PRICE = "create_price"
    CREATE_BARCODE = "create_barcode"
    UPDATE_BARCODE = "update_barcode"
    UPDATE_PRODUCT = "update_product"


# The request body of each kind, for reading stored writes back.
WRITE_BODIES: dict[WriteKind, type[BaseModel]] = {
    WriteKind.CREATE_GROUP: GroupWrite,
    WriteKind.UPDATE_GROUP: GroupWrite,
    WriteKind.CREATE_PRICE_LEVEL: PriceLevelWrite,
    WriteKind.UPDATE_PRICE_LEVEL: PriceLevelWrite,
    WriteKind.CREATE_UNIT: ProductUnitWrite,
    WriteKind.UPDATE_UNIT: ProductUnitWrite,
    WriteKind.CREATE_SERIES: SeriesWrite,
    WriteKind.CREATE_PRICE: PriceWrite,
    WriteKind.CREATE_BARCODE: BarcodeWrite,
    WriteKind.UPDATE_BARCODE: BarcodeWrite,
    # A read Product: its unknown fields go back to the server unchanged.
    WriteKind.UPDATE_PRODUCT: Product,
}

# Creates that are not safe to repeat: a lost answer is checked by reading back.
CREATES = frozenset(
    {
        WriteKind.CREATE_GROUP,
        WriteKind.CREATE_PRICE_LEVEL,
        WriteKind.CREATE_UNIT,
        WriteKind.CREATE_SERIES,
        WriteKind.CREATE_PRICE,
        WriteKind.CREATE_BARCODE,
    }
)
PRODUCT_KINDS = frozenset(
    {
        WriteKind.CREATE_UNIT,
        WriteKind.UPDATE_UNIT,
        WriteKind.CREATE_SERIES,
        WriteKind.CREATE_PRICE,
        WriteKind.CREATE_BARCODE,
        WriteKind.UPDATE_BARCODE,
        WriteKind.UPDATE_PRODUCT,
    }
)
UPDATES_NEEDING_TARGET = frozenset(
    {
        WriteKind.UPDATE_GROUP,
        WriteKind.UPDATE_PRICE_LEVEL,
        WriteKind.UPDATE_UNIT,
        WriteKind.UPDATE_BARCODE,
    }
)


@dataclass(frozen=True)
class OutboxWrite:
    """One change to send: its kind, its body, and the guids of its path.

    `product_guid`/`id_goods` name the product of a unit, series, price, barcode
    or product update; `target_guid` names the entity an update changes.
    """

    kind: WriteKind
    body: BaseModel
    product_guid: str | None = None
    id_goods: int | None = None
    target_guid: str | None = None

    def __post_init__(self) -> None:
        expected = WRITE_BODIES[self.kind]
        if not isinstance(self.body, expected):
            raise TypeError(
                f"a {self.kind.value} write takes a {expected.__name__} body, "
                f"not {type(self.body).__name__}"
            )
        if self.kind in PRODUCT_KINDS and not (self.product_guid and self.id_goods):
            raise ValueError(
                f"a {self.kind.value} write needs product_guid and id_goods"
            )
        if self.kind in UPDATES_NEEDING_TARGET and not self.target_guid:
            raise ValueError(f"a {self.kind.value} write needs target_guid")

    @property
    def chain(self) -> str:
        """Writes in one chain are sent in order and a refused one holds back the
        later ones; writes in other chains go on. A product's writes form one chain
        (a barcode may name a unit created just before); an update chains with
        other updates of the same entity; a new group or price level is alone."""
        if self.kind in PRODUCT_KINDS:
            return f"goods:{self.product_guid}"
        if self.target_guid:
            return f"{self.kind.value.split('_', 1)[1]}:{self.target_guid}"
        return ""  # the outbox gives it a chain of its own

    def describe(self) -> str:
        """For the log: kind and ids, never the body."""
        parts = [self.kind.value]
        if self.id_goods is not None:
            parts.append(f"product {self.id_goods}")
        if self.target_guid:
            parts.append(self.target_guid)
        return " ".join(parts)


class WriteClient(Protocol):
    """What sending needs of `app.api.client.CatalogClient`."""

    def create_group(self, group: GroupWrite) -> Group: ...
    def update_group(self, guid: str, group: GroupWrite) -> Group: ...
    def list_groups(self) -> list[Group]: ...
    def create_price_level(self, level: PriceLevelWrite) -> PriceLevel: ...
    def update_price_level(self, guid: str, level: PriceLevelWrite) -> PriceLevel: ...
    def list_price_levels(self) -> list[PriceLevel]: ...
    def create_unit(self, guid: str, unit: ProductUnitWrite) -> ProductUnit: ...
    def update_unit(
        self, guid: str, unit_guid: str, unit: ProductUnitWrite
    ) -> ProductUnit: ...
    def list_units(self, guid: str) -> list[ProductUnit]: ...
    def create_series(self, guid: str, series: SeriesWrite) -> Series: ...
    def list_series(self, guid: str) -> list[Series]: ...
    def create_price(self, guid: str, price: PriceWrite) -> Price: ...
    def list_prices(self, guid: str) -> list[Price]: ...
    def create_barcode(self, guid: str, barcode: BarcodeWrite) -> Barcode: ...
    def update_barcode(
        self, guid: str, barcode_guid: str, barcode: BarcodeWrite
    ) -> Barcode: ...
    def list_barcodes(self, guid: str) -> list[Barcode]: ...
    def update_product(self, guid: str, product: BaseModel) -> Product: ...


def send_write(client: WriteClient, write: OutboxWrite) -> BaseModel:
    """Send one write; the server's answer. Raises the client's `ApiError`s."""
    body: Any = write.body
    product = write.product_guid or ""
    target = write.target_guid or ""
    match write.kind:
        case WriteKind.CREATE_GROUP:
            return client.create_group(body)
        case WriteKind.UPDATE_GROUP:
            return client.update_group(target, body)
        case WriteKind.CREATE_PRICE_LEVEL:
            return client.create_price_level(body)
        case WriteKind.UPDATE_PRICE_LEVEL:
            return client.update_price_level(target, body)
        case WriteKind.CREATE_UNIT:
            return client.create_unit(product, body)
        case WriteKind.UPDATE_UNIT:
            return client.update_unit(product, target, body)
        case WriteKind.CREATE_SERIES:
            return client.create_series(product, body)
        case WriteKind.CREATE_PRICE:
            return client.create_price(product, body)
        case WriteKind.CREATE_BARCODE:
            return client.create_barcode(product, body)
        case WriteKind.UPDATE_BARCODE:
            return client.update_barcode(product, target, body)
        case WriteKind.UPDATE_PRODUCT:
            return client.update_product(product, body)
    raise UnknownWriteKind(f"no way to send a {write.kind!r} write")


def existing_matches(client: WriteClient, write: OutboxWrite) -> list[int]:
    """Before a create without a natural key (a group, a price level): the ids of
    entities it could be confused with, so a later read-back can tell ours apart."""
    body: Any = write.body
    if write.kind is WriteKind.CREATE_GROUP:
        return [g.id_group for g in client.list_groups() if _same_group(g, body)]
    if write.kind is WriteKind.CREATE_PRICE_LEVEL:
        return [
            lv.id_price_level
            for lv in client.list_price_levels()
            if lv.name_price_level == body.name_price_level
        ]
    return []


def _same_group(group: Group, body: GroupWrite) -> bool:
    return (
        group.name_group == body.name_group
        and group.id_owner_group == body.id_owner_group
    )


def find_written(
    client: WriteClient, write: OutboxWrite, known_ids: list[int]
) -> BaseModel | None:
    """The entity a create made, if the server has it; None if it never arrived.

    Units, series, prices and barcodes have natural keys (a unit's id_unit, a
    series' id_series, a price's combination, a barcode's digits); a group or price
    level is ours when it matches and was not among `known_ids` before the send.
    """
    body: Any = write.body
    product = write.product_guid or ""
    match write.kind:
        case WriteKind.CREATE_GROUP:
            return next(
                (
                    g
                    for g in client.list_groups()
                    if _same_group(g, body) and g.id_group not in known_ids
                ),
                None,
            )
        case WriteKind.CREATE_PRICE_LEVEL:
            return next(
                (
                    lv
                    for lv in client.list_price_levels()
                    if lv.name_price_level == body.name_price_level
                    and lv.id_price_level not in known_ids
                ),
                None,
            )
        case WriteKind.CREATE_UNIT:
            return next(
                (u for u in client.list_units(product) if u.id_unit == body.id_unit),
                None,
            )
        case WriteKind.CREATE_SERIES:
            return next(
                (
                    s
                    for s in client.list_series(product)
                    if s.id_series == body.id_series
                ),
                None,
            )
        case WriteKind.CREATE_PRICE:
            return next(
                (
                    p
                    for p in client.list_prices(product)
                    if (p.id_unit, p.id_series, p.id_price_level)
                    == (body.id_unit, body.id_series, body.id_price_level)
                ),
                None,
            )
        case WriteKind.CREATE_BARCODE:
            return next(
                (
                    b
                    for b in client.list_barcodes(product)
                    if b.bar_code == body.bar_code
                    and (b.ext_bar_code or None) == (body.ext_bar_code or None)
                ),
                None,
            )
    return None


def reconcile_refused(
    client: WriteClient,
    write: OutboxWrite,
    known_ids: list[int],
    *,
    attempted: bool,
) -> BaseModel | None:
    """After the server refused a create: the entity it asked for, if the server
    already has it exactly as asked; None if the refusal stands.

    `attempted`: an earlier send of this write got no answer (a timeout, a reset
    connection), so the refusal may be the server seeing our own first request
    ("already exists"). A first attempt is reconciled only for a product's unit,
    series, price or barcode, where the natural key on the same product makes an
    identical record the same outcome; a group or price level named alike may be
    someone else's, so it is taken as ours only after an unanswered attempt (and
    only if it was not among `known_ids` before).
    """
    if write.kind not in CREATES:
        return None
    if not attempted and write.kind not in PRODUCT_KINDS:
        return None
    found = find_written(client, write, known_ids)
    if found is None or not same_content(write.body, found):
        return None
    return found


def same_content(body: BaseModel, found: BaseModel) -> bool:
    """Whether `found` (read from the server) holds every field of `body` (a write)
    that it names. A field the server leaves empty matches the write's default."""
    fields = type(body).model_fields
    for name, info in fields.items():
        if name not in type(found).model_fields:
            continue
        wanted = getattr(body, name)
        have = getattr(found, name)
        if isinstance(have, str) and not have:
            have = None
        if have is None and wanted == info.get_default(call_default_factory=True):
            continue
        if have != wanted:
            return False
    return True


def apply_answer(catalog: Catalog, write: OutboxWrite, answer: BaseModel) -> None:
    """Keep the server's answer to a write in the local catalog."""
    id_goods = write.id_goods
    if isinstance(answer, Group):
        catalog.upsert_group(answer)
    elif isinstance(answer, PriceLevel):
        catalog.upsert_price_level(answer)
    elif isinstance(answer, ProductUnit) and id_goods is not None:
        catalog.upsert_unit(id_goods, answer)
    elif isinstance(answer, Series) and id_goods is not None:
        catalog.upsert_series(id_goods, answer)
    elif isinstance(answer, Price):
        catalog.upsert_price(answer)
    elif isinstance(answer, Barcode) and id_goods is not None:
        catalog.upsert_barcode(id_goods, answer)
    elif isinstance(answer, Product):
        catalog.upsert_products([answer])
    else:
        logger.warning("no local copy kept of the answer to %s", write.describe())
