"""The sandbox database: WAL on files, exact decimals, reservations across processes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.sandbox import catalog
from app.sandbox.db import Database, GoodsRow, PriceRow


def test_file_database_uses_wal(tmp_path: Path) -> None:
    database = Database(tmp_path / "catalog.sqlite3")

    with database.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    database.dispose()

    assert mode == "wal"


def test_two_databases_on_one_file_reserve_distinct_ids(tmp_path: Path) -> None:
    # Two Database objects stand for two processes: they share no Python lock.
    path = tmp_path / "shared.sqlite3"
    first, second = Database(path), Database(path)

    def reserve(index: int) -> int:
        database = first if index % 2 else second
        with catalog.transaction(database) as session:
            return int(catalog.reserve_id(session)["id_goods"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(reserve, range(24)))
    first.dispose()
    second.dispose()

    assert sorted(ids) == list(range(1, 25))


def test_decimals_are_stored_digit_for_digit() -> None:
    database = Database()
    with catalog.transaction(database) as session:
        catalog.seed(session)
        session.add(GoodsRow(id_goods=1, guid="g"))
        session.flush()
        session.add(
            PriceRow(
                id_goods=1,
                id_unit=1,
                id_series="-",
                id_price_level=-1,
                price=Decimal("12345678901.2345"),
                min_price=Decimal("0.1000"),
                max_price=Decimal("12345678901.2345"),
            )
        )

    with catalog.transaction(database) as session:
        stored = session.execute(text("SELECT price, min_price FROM goods_price")).one()
        row = session.query(PriceRow).one()
    database.dispose()

    assert tuple(stored) == ("12345678901.2345", "0.1000")
    assert (row.price, row.min_price) == (
        Decimal("12345678901.2345"),
        Decimal("0.1000"),
    )
    assert str(row.min_price) == "0.1000"
