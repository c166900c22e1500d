"""The sandbox catalog's tables (SQLite through SQLAlchemy 2) and its engine.

Money, rates and counts are kept as text so a `Decimal` comes back digit for digit
(SQLite has no exact decimal type). Times are stored as naive UTC and handed out with
their zone. A product row exists from the moment its id is reserved
(`POST goods/id/last`); `created` turns true with `POST goods`.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Dialect,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import DateTime, TypeDecorator

logger = logging.getLogger(__name__)

MEMORY = ":memory:"


def utcnow() -> datetime:
    return datetime.now(UTC)


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its exact text."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else format(value, "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


def _same_as_create(context: Any) -> datetime:
    created = context.get_current_parameters().get("time_create")
    return created.replace(tzinfo=UTC) if created is not None else utcnow()


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC (SQLite keeps no zone)."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(
        self, value: datetime | None, dialect: Dialect
    ) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: datetime | None, dialect: Dialect
    ) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Stamped:
    time_create: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # A new row's change time is its creation time, to the microsecond.
    time_change: Mapped[datetime] = mapped_column(
        UtcDateTime, default=_same_as_create, onupdate=utcnow
    )


class GroupRow(Stamped, Base):
    __tablename__ = "group_goods"

    id_group: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    name_group: Mapped[str] = mapped_column(String(128))
    id_owner_group: Mapped[int | None] = mapped_column(
        ForeignKey("group_goods.id_group"), nullable=True
    )
    id_image: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceLevelRow(Stamped, Base):
    __tablename__ = "price_level"

    id_price_level: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    name_price_level: Mapped[str] = mapped_column(String(128))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UnitSampleRow(Base):
    """An entry of the unit dictionary (`GET units`)."""

    __tablename__ = "unit_sample"

    id_unit: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_unit: Mapped[str] = mapped_column(String(10))
    full_name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(16))


class GoodsRow(Stamped, Base):
    __tablename__ = "goods"

    # Ids come from reservations; never reused, so no autoincrement guessing.
    id_goods: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False
    )
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    created: Mapped[bool] = mapped_column(Boolean, default=False)
    name_goods: Mapped[str | None] = mapped_column(String(255), nullable=True)
    id_group: Mapped[int | None] = mapped_column(
        ForeignKey("group_goods.id_group"), nullable=True
    )
    free_price: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ProductUnitRow(Stamped, Base):
    __tablename__ = "goods_unit"
    __table_args__ = (UniqueConstraint("id_goods", "id_unit"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    id_goods: Mapped[int] = mapped_column(ForeignKey("goods.id_goods"))
    id_unit: Mapped[int] = mapped_column(ForeignKey("unit_sample.id_unit"))
    type_unit: Mapped[int] = mapped_column(Integer)
    rate: Mapped[Decimal] = mapped_column(DecimalText)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    for_ordering: Mapped[bool] = mapped_column(Boolean, default=False)
    is_storage_residues: Mapped[bool] = mapped_column(Boolean, default=False)
    max_count: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    percent_deviation: Mapped[Decimal] = mapped_column(DecimalText)
    brutto_weight: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    depth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SeriesRow(Stamped, Base):
    __tablename__ = "goods_series"
    __table_args__ = (UniqueConstraint("id_goods", "id_series"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    id_goods: Mapped[int] = mapped_column(ForeignKey("goods.id_goods"))
    id_series: Mapped[str] = mapped_column(String(64))
    name_series: Mapped[str] = mapped_column(String(128))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceRow(Stamped, Base):
    __tablename__ = "goods_price"
    __table_args__ = (
        UniqueConstraint("id_goods", "id_unit", "id_series", "id_price_level"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id_goods: Mapped[int] = mapped_column(ForeignKey("goods.id_goods"))
    id_unit: Mapped[int] = mapped_column(ForeignKey("unit_sample.id_unit"))
    id_series: Mapped[str] = mapped_column(String(64))
    id_price_level: Mapped[int] = mapped_column(
        ForeignKey("price_level.id_price_level")
    )
    price: Mapped[Decimal] = mapped_column(DecimalText)
    min_price: Mapped[Decimal] = mapped_column(DecimalText)
    max_price: Mapped[Decimal] = mapped_column(DecimalText)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BarcodeRow(Stamped, Base):
    __tablename__ = "goods_barcode"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    # Indexed: a product's barcodes are listed by it (a sync lists every product's).
    id_goods: Mapped[int] = mapped_column(ForeignKey("goods.id_goods"), index=True)
    bar_code: Mapped[str] = mapped_column(String(21), index=True)
    ext_bar_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    id_unit: Mapped[int] = mapped_column(ForeignKey("unit_sample.id_unit"))
    id_series: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Database:
    """The engine plus the lock that serialises every use of it.

    A sandbox serves one shop's training or one test: serialising requests costs
    nothing there, and makes id reservations and uniqueness checks race-free
    (a `:memory:` database is a single shared connection anyway).
    """

    def __init__(self, location: str | Path = MEMORY) -> None:
        self.location = str(location)
        self.lock = threading.RLock()
        self.engine = make_engine(self.location)
        Base.metadata.create_all(self.engine)
        # create_all skips the tables a file already has, and so their indexes
        # added since: an older sandbox file gets them here.
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                index.create(self.engine, checkfirst=True)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(location: str) -> Engine:
    if location == MEMORY:
        engine = create_engine(
            "sqlite://",
            connect_args={"check_same_thread": False},
            poolclass=StaticPool,
        )
    else:
        Path(location).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            f"sqlite:///{location}",
            connect_args={"check_same_thread": False, "timeout": 30},
        )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy's recipe for SQLite transactions: the driver must not begin them
        # itself, so that `_begin` below can take the write lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if location != MEMORY:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock at the start, so two processes on one file
        # (the app's sandbox and `komora serve`) cannot both read max(id) and insert.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    logger.info("sandbox database: %s", location)
    return engine
