"""The local catalog: a SQLite copy of the back office's catalog, fast to scan against.

One `Catalog` is shared by the app; every thread gets its own connection (WAL), so a
lookup on the GUI thread never waits for a sync writing on a worker. Writes come from
the sync and from the outbox applying the server's answers; reads are lookups by
scanned code, search as you type and paged access for the product table.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.domain.barcode import Reading, read_barcode
from app.domain.errors import BarcodeError
from app.domain.models import (
    BASE_SERIES_ID,
    Barcode,
    Group,
    Price,
    PriceLevel,
    Product,
    ProductUnit,
    Series,
    UnitSample,
)
from app.store import keys, lookup
from app.store.db import ConnectionPerThread, transaction
from app.store.records import (
    LookupResult,
    ProductDetails,
    ProductSummary,
    StoredProduct,
)
from app.store.rows import dump_model, load_model, money_text, time_text
from app.store.schema import CATALOG_SCHEMA, CATALOG_VERSION
from app.store.search import ProductFilter, SearchQuery, fold

logger = logging.getLogger(__name__)

# How many filters' ordered id lists the product table's paging keeps.
FILTER_CACHE_SIZE = 4
# A product's barcodes in the order they were made: the server's time_create (ISO
# text in one time zone, so it sorts as text), then digit order for codes without
# one or made in the same instant. The first is the product's main barcode.
EARLIEST_BARCODE = (
    "json_extract(b.data, '$.time_create') IS NULL,"
    " json_extract(b.data, '$.time_create'), b.bar_code"
)


class Catalog:
    """The local catalog in one SQLite file, created when missing.

    Which file belongs to which server is `app.store.location`'s to say.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connections = ConnectionPerThread(
            self.path, CATALOG_SCHEMA, CATALOG_VERSION, "NORMAL", discard_older=True
        )
        # Ordered ids per product filter, valid while nothing was written since.
        self._cache_lock = threading.Lock()
        self._generation = 0
        self._filter_cache: OrderedDict[
            ProductFilter, tuple[tuple[int, int], list[int]]
        ] = OrderedDict()

    def close(self) -> None:
        self._connections.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._connections.get()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; committing it makes cached filter results stale."""
        with transaction(self._conn) as conn:
            yield conn
        with self._cache_lock:
            self._generation += 1

    # --- sync state -------------------------------------------------------------

    def get_state(self, name: str) -> str | None:
        row = self._conn.execute(
            "SELECT value FROM sync_state WHERE name = ?", (name,)
        ).fetchone()
        return str(row[0]) if row else None

    def set_state(self, name: str, value: str | None) -> None:
        with self._writing() as conn:
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE name = ?", (name,))
            else:
                conn.execute(
                    "INSERT INTO sync_state (name, value) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    (name, value),
                )

    # --- writes: dictionaries ---------------------------------------------------

    def replace_groups(self, groups: Sequence[Group]) -> None:
        """The whole group tree as the server lists it; groups it no longer has go."""
        with self._writing() as conn:
            conn.execute("DELETE FROM groups")
            self._insert_groups(conn, groups)

    def upsert_group(self, group: Group) -> None:
        with self._writing() as conn:
            self._insert_groups(conn, [group])

    @staticmethod
    def _insert_groups(conn: sqlite3.Connection, groups: Iterable[Group]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO groups (id_group, guid, name_group, id_owner_group,"
            " active, time_change, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    g.id_group,
                    g.guid,
                    g.name_group,
                    g.id_owner_group,
                    g.active,
                    time_text(g.time_change),
                    dump_model(g),
                )
                for g in groups
            ],
        )

    def replace_price_levels(self, levels: Sequence[PriceLevel]) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM price_levels")
            self._insert_price_levels(conn, levels)

    def upsert_price_level(self, level: PriceLevel) -> None:
        with self._writing() as conn:
            self._insert_price_levels(conn, [level])

    @staticmethod
    def _insert_price_levels(
        conn: sqlite3.Connection, levels: Iterable[PriceLevel]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO price_levels (id_price_level, guid, "
            "name_price_level, active, data) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    lv.id_price_level,
                    lv.guid,
                    lv.name_price_level,
                    lv.active,
                    dump_model(lv),
                )
                for lv in levels
            ],
        )

    def replace_unit_samples(self, samples: Sequence[UnitSample]) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM unit_samples")
            conn.executemany(
                "INSERT OR REPLACE INTO unit_samples (id_unit, name_unit, data) "
                "VALUES (?, ?, ?)",
                [(s.id_unit, s.name_unit, dump_model(s)) for s in samples],
            )

    # --- writes: products -------------------------------------------------------

    def upsert_products(self, products: Sequence[Product]) -> int:
        """Store products as listed; returns how many are new or changed.

        A product whose time_change moved gets its details fetched again; one that
        reappears on the server loses its deleted mark.
        """
        conn = self._conn
        changed = 0
        with self._writing():
            for product in products:
                row = conn.execute(
                    "SELECT time_change, deleted FROM products WHERE id_goods = ?",
                    (product.id_goods,),
                ).fetchone()
                time_change = time_text(product.time_change)
                if row is not None and row[0] == time_change and not row[1]:
                    continue
                changed += 1
                conn.execute(
                    "INSERT INTO products (id_goods, guid, name_goods, name_fold,"
                    " id_group, active, deleted, time_change, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)"
                    " ON CONFLICT (id_goods) DO UPDATE SET guid = excluded.guid,"
                    " name_goods = excluded.name_goods, name_fold = excluded.name_fold,"
                    " id_group = excluded.id_group, active = excluded.active,"
                    " deleted = 0, time_change = excluded.time_change,"
                    " data = excluded.data",
                    (
                        product.id_goods,
                        product.guid,
                        product.name_goods,
                        fold(product.name_goods),
                        product.id_group,
                        product.active,
                        time_change,
                        dump_model(product),
                    ),
                )
                self._index_text(conn, product.id_goods)
        return changed

    def mark_deleted(self, ids: Iterable[int]) -> int:
        """Mark products the server no longer has; returns how many were marked."""
        with self._writing() as conn:
            cursor = conn.executemany(
                "UPDATE products SET deleted = 1 WHERE id_goods = ? AND deleted = 0",
                [(i,) for i in ids],
            )
            return cursor.rowcount

    def mark_deleted_except(self, present_ids: set[int]) -> list[int]:
        """Mark every product not in `present_ids` (a full listing) as deleted."""
        local = {
            int(row[0])
            for row in self._conn.execute(
                "SELECT id_goods FROM products WHERE deleted = 0"
            )
        }
        gone = sorted(local - present_ids)
        if gone:
            self.mark_deleted(gone)
        return gone

    def product_ids_to_fetch(self) -> list[tuple[int, str, datetime | None]]:
        """(id_goods, guid, time_change) of products whose details are missing or
        stale, by id."""
        rows = self._conn.execute(
            "SELECT id_goods, guid, time_change FROM products"
            " INDEXED BY products_to_fetch"
            " WHERE (details_change IS NULL OR details_change IS NOT time_change)"
            " AND deleted = 0 ORDER BY id_goods"
        ).fetchall()
        return [
            (int(r[0]), str(r[1]), datetime.fromisoformat(r[2]) if r[2] else None)
            for r in rows
        ]

    def mark_details_stale(self) -> None:
        """Have the next sync fetch every product's details again."""
        with self._writing() as conn:
            conn.execute("UPDATE products SET details_change = NULL")

    def live_product_count(self) -> int:
        """Products not marked deleted (active or not)."""
        row = self._conn.execute(
            "SELECT count(*) FROM products WHERE deleted = 0"
        ).fetchone()
        return int(row[0])

    def replace_details(
        self, id_goods: int, details: ProductDetails, time_change: datetime | None
    ) -> None:
        """Replace a product's units, series, prices and barcodes as fetched.

        `time_change` is the product's time_change the details were fetched for;
        recording it marks the product's details as fetched.
        """
        with self._writing() as conn:
            for table in ("product_units", "series", "prices", "barcodes"):
                conn.execute(f"DELETE FROM {table} WHERE id_goods = ?", (id_goods,))
            self._insert_units(conn, id_goods, details.units)
            self._insert_series(conn, id_goods, details.series)
            self._insert_prices(conn, details.prices)
            self._insert_barcodes(conn, id_goods, details.barcodes)
            conn.execute(
                "UPDATE products SET details_change = ? WHERE id_goods = ?",
                (time_text(time_change), id_goods),
            )

    def upsert_unit(self, id_goods: int, unit: ProductUnit) -> None:
        with self._writing() as conn:
            self._insert_units(conn, id_goods, [unit])

    def upsert_series(self, id_goods: int, series: Series) -> None:
        with self._writing() as conn:
            self._insert_series(conn, id_goods, [series])

    def upsert_price(self, price: Price) -> None:
        with self._writing() as conn:
            self._insert_prices(conn, [price])

    def upsert_barcode(self, id_goods: int, barcode: Barcode) -> None:
        with self._writing() as conn:
            if barcode.guid:
                # An edit may change the digits, which are the row's key.
                conn.execute("DELETE FROM barcodes WHERE guid = ?", (barcode.guid,))
            self._insert_barcodes(conn, id_goods, [barcode])

    @staticmethod
    def _insert_units(
        conn: sqlite3.Connection, id_goods: int, units: Iterable[ProductUnit]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO product_units (id_goods, id_unit, guid, is_default,"
            " rate, data) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    id_goods,
                    u.id_unit,
                    u.guid,
                    u.is_default,
                    money_text(u.rate),
                    dump_model(u),
                )
                for u in units
            ],
        )

    @staticmethod
    def _insert_series(
        conn: sqlite3.Connection, id_goods: int, series: Iterable[Series]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO series (id_goods, id_series, name_series, guid,"
            " data) VALUES (?, ?, ?, ?, ?)",
            [
                (id_goods, s.id_series, s.name_series, s.guid, dump_model(s))
                for s in series
            ],
        )

    @staticmethod
    def _insert_prices(conn: sqlite3.Connection, prices: Iterable[Price]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO prices (id_goods, id_unit, id_series,"
            " id_price_level, price, min_price, max_price, active, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.id_goods,
                    p.id_unit,
                    p.id_series,
                    p.id_price_level,
                    money_text(p.price),
                    money_text(p.min_price),
                    money_text(p.max_price),
                    p.active,
                    dump_model(p),
                )
                for p in prices
            ],
        )

    @staticmethod
    def _insert_barcodes(
        conn: sqlite3.Connection, id_goods: int, barcodes: Iterable[Barcode]
    ) -> None:
        rows = []
        for b in barcodes:
            k = keys.stored_keys(b.bar_code, b.ext_bar_code)
            rows.append(
                (
                    b.bar_code,
                    b.ext_bar_code or keys.NO_ADD_ON,
                    id_goods,
                    b.id_unit,
                    b.id_series,
                    b.active,
                    b.guid,
                    k.key,
                    k.add_on,
                    k.alt_key,
                    k.alt_add_on,
                    dump_model(b),
                )
            )
        conn.executemany(
            "INSERT OR REPLACE INTO barcodes (bar_code, ext_bar_code, id_goods,"
            " id_unit, id_series, active, guid, key, add_on, alt_key, alt_add_on, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    @staticmethod
    def _index_text(conn: sqlite3.Connection, id_goods: int) -> None:
        row = conn.execute(
            "SELECT name_fold FROM products WHERE id_goods = ?", (id_goods,)
        ).fetchone()
        conn.execute("DELETE FROM product_text WHERE rowid = ?", (id_goods,))
        if row is not None:
            conn.execute(
                "INSERT INTO product_text (rowid, name) VALUES (?, ?)",
                (id_goods, row[0]),
            )

    # --- reads: products --------------------------------------------------------

    def product(self, id_goods: int) -> StoredProduct | None:
        row = self._conn.execute(
            "SELECT data, deleted, details_change IS time_change FROM products"
            " WHERE id_goods = ?",
            (id_goods,),
        ).fetchone()
        return self._stored(row) if row else None

    def product_by_guid(self, guid: str) -> StoredProduct | None:
        row = self._conn.execute(
            "SELECT data, deleted, details_change IS time_change FROM products"
            " WHERE guid = ?",
            (guid,),
        ).fetchone()
        return self._stored(row) if row else None

    @staticmethod
    def _stored(row: sqlite3.Row) -> StoredProduct:
        return StoredProduct(
            product=load_model(Product, row[0]),
            deleted=bool(row[1]),
            details_fetched=bool(row[2]),
        )

    def details(self, id_goods: int) -> ProductDetails:
        conn = self._conn
        arg = (id_goods,)
        return ProductDetails(
            units=[
                load_model(ProductUnit, r[0])
                for r in conn.execute(
                    "SELECT data FROM product_units WHERE id_goods = ?"
                    " ORDER BY is_default DESC, id_unit",
                    arg,
                )
            ],
            series=[
                load_model(Series, r[0])
                for r in conn.execute(
                    "SELECT data FROM series WHERE id_goods = ? ORDER BY id_series", arg
                )
            ],
            prices=[
                load_model(Price, r[0])
                for r in conn.execute(
                    "SELECT data FROM prices WHERE id_goods = ?"
                    " ORDER BY id_price_level, id_unit, id_series",
                    arg,
                )
            ],
            barcodes=[
                load_model(Barcode, r[0])
                for r in conn.execute(
                    "SELECT data FROM barcodes WHERE id_goods = ?"
                    " ORDER BY active DESC, bar_code, ext_bar_code",
                    arg,
                )
            ],
        )

    def barcode_owner(self, bar_code: str, ext_bar_code: str | None) -> int | None:
        """The id_goods holding exactly these digits, if any (for duplicate checks)."""
        row = self._conn.execute(
            "SELECT id_goods FROM barcodes WHERE bar_code = ? AND ext_bar_code = ?",
            (bar_code, ext_bar_code or keys.NO_ADD_ON),
        ).fetchone()
        return int(row[0]) if row else None

    def stats(self) -> dict[str, int]:
        """Row counts, for the status bar and the logs."""
        conn = self._conn
        return {
            table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("groups", "products", "barcodes", "prices")
        }

    # --- reads: lookup by scanned code -------------------------------------------

    def lookup_text(self, text: str) -> LookupResult | None:
        """Read `text` as a barcode and look it up; BarcodeError if unreadable."""
        return self.lookup(read_barcode(text))

    def lookup(self, reading: Reading) -> LookupResult | None:
        """The product a scan names, or None when the local catalog has no such
        code (see `app.store.lookup.find` for the order of tries)."""
        return lookup.find(self._conn, reading)

    def lookup_main_code(self, reading: Reading) -> list[LookupResult]:
        """Every stored barcode with the scan's main code, whatever its add-on
        (active first): for duplicate checks, where `lookup` would miss a code
        stored only with add-ons (a periodical's issues)."""
        return lookup.find_main_code(self._conn, reading)

    # --- reads: search and paging -----------------------------------------------

    def search(self, text: str, limit: int = 50) -> list[ProductSummary]:
        """Search as you type: exact code or barcode first, then name prefix, then
        names and barcodes containing the text."""
        flt = ProductFilter(text=text)
        return self.summaries(self.product_ids_page(flt, 0, limit))

    def count(self, flt: ProductFilter) -> int:
        """How many products `flt` shows."""
        return len(self._ordered_ids(flt))

    def product_ids_page(
        self, flt: ProductFilter, offset: int, limit: int
    ) -> list[int]:
        """The ids of one page of products matching `flt`, in display order.

        The whole ordered list of a filter is computed once and kept until the next
        write, so a table scrolling through 100,000 rows pays for it once, not per
        page (the last few filters are kept: typing back and forth is cheap too).
        """
        return self._ordered_ids(flt)[max(0, offset) : max(0, offset) + max(0, limit)]

    def _ordered_ids(self, flt: ProductFilter) -> list[int]:
        conn = self._conn
        stamp = (
            self._generation,
            int(conn.execute("PRAGMA data_version").fetchone()[0]),
        )
        with self._cache_lock:
            cached = self._filter_cache.get(flt)
            if cached is not None and cached[0] == stamp:
                self._filter_cache.move_to_end(flt)
                return cached[1]
        query = SearchQuery(flt, self._reading_of(flt.text))
        sql, params = query.ids_sql()
        cursor = conn.cursor()
        # Plain tuples: building 100,000 sqlite3.Row objects costs as much as the
        # query itself (the unfiltered table at start-up).
        cursor.row_factory = None
        ids = [id_goods for (id_goods,) in cursor.execute(sql, params)]
        if query.may_repeat:
            ids = list(dict.fromkeys(ids))
        with self._cache_lock:
            self._filter_cache[flt] = (stamp, ids)
            self._filter_cache.move_to_end(flt)
            while len(self._filter_cache) > FILTER_CACHE_SIZE:
                self._filter_cache.popitem(last=False)
        return ids

    @staticmethod
    def _reading_of(text: str) -> Reading | None:
        digits = text.strip()
        if not digits or not digits.replace(" ", "").replace("+", "").isdigit():
            return None
        try:
            return read_barcode(digits)
        except BarcodeError:
            return None

    def summaries(
        self, ids: Sequence[int], price_level: int | None = None
    ) -> list[ProductSummary]:
        """Table rows for `ids`, in the order given (missing ids are skipped).

        With `price_level`, each row carries the price of its default unit and base
        series at that level.
        """
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._conn.execute(
            "SELECT p.id_goods, p.guid, p.name_goods, p.id_group, g.name_group,"
            " p.active, p.deleted,"
            # the product's main barcode: the earliest (a code added later, even
            # one lower in digit order, does not take its place), active first
            " (SELECT b.bar_code FROM barcodes AS b WHERE b.id_goods = p.id_goods"
            f"  ORDER BY b.active DESC, {EARLIEST_BARCODE} LIMIT 1),"
            " (SELECT count(*) FROM barcodes AS b WHERE b.id_goods = p.id_goods),"
            # the unit's name as the table shows it: its name, else its short
            # name, else its number
            " coalesce(nullif(json_extract(u.data, '$.name_unit'), ''),"
            "  nullif(json_extract(u.data, '$.short_name'), ''),"
            "  CAST(u.id_unit AS TEXT)),"
            " (SELECT b.bar_code FROM barcodes AS b WHERE b.id_goods = p.id_goods"
            "  AND b.id_unit = u.id_unit AND b.active = 1"
            f"  ORDER BY {EARLIEST_BARCODE} LIMIT 1),"
            " (SELECT pr.price FROM prices AS pr WHERE pr.id_goods = p.id_goods"
            "  AND pr.id_unit = u.id_unit AND pr.id_series = ?"
            "  AND pr.id_price_level = ?)"
            " FROM products AS p LEFT JOIN groups AS g ON g.id_group = p.id_group"
            # the first default unit, as `ProductDetails.default_unit` takes it
            " LEFT JOIN product_units AS u ON u.id_goods = p.id_goods"
            " AND u.id_unit = (SELECT min(d.id_unit) FROM product_units AS d"
            "  WHERE d.id_goods = p.id_goods AND d.is_default = 1)"
            f" WHERE p.id_goods IN ({marks})",
            [BASE_SERIES_ID, price_level, *ids],
        ).fetchall()
        by_id = {
            int(r[0]): ProductSummary(
                id_goods=int(r[0]),
                guid=r[1],
                name_goods=r[2],
                id_group=r[3],
                group_name=r[4],
                active=bool(r[5]),
                deleted=bool(r[6]),
                bar_code=r[7],
                bar_code_count=int(r[8]),
                default_unit_name=r[9],
                default_unit_bar_code=r[10],
                price=Decimal(r[11]) if r[11] is not None else None,
            )
            for r in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    # --- reads: dictionaries and the group tree ----------------------------------

    def groups(self) -> list[Group]:
        return [
            load_model(Group, r[0])
            for r in self._conn.execute(
                "SELECT data FROM groups ORDER BY name_group, id_group"
            )
        ]

    def group(self, id_group: int) -> Group | None:
        row = self._conn.execute(
            "SELECT data FROM groups WHERE id_group = ?", (id_group,)
        ).fetchone()
        return load_model(Group, row[0]) if row else None

    def child_groups(self, id_owner_group: int | None) -> list[Group]:
        """Subgroups of a group, or the main groups for None, by name."""
        rows = self._conn.execute(
            "SELECT data FROM groups WHERE id_owner_group IS ?"
            " ORDER BY name_group, id_group",
            (id_owner_group,),
        )
        return [load_model(Group, r[0]) for r in rows]

    def group_ancestors(self, id_group: int) -> list[int]:
        """The ids from the group's parent up to its main group (cycle-safe)."""
        rows = self._conn.execute(
            "WITH RECURSIVE up(id, depth) AS ("
            " SELECT id_owner_group, 1 FROM groups WHERE id_group = ?"
            " UNION SELECT g.id_owner_group, up.depth + 1 FROM groups AS g"
            " JOIN up ON g.id_group = up.id WHERE up.depth < 1000)"
            " SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth",
            (id_group,),
        )
        return [int(r[0]) for r in rows]

    def is_ancestor(self, ancestor_id: int, id_group: int) -> bool:
        """True when `ancestor_id` is `id_group` itself or above it in the tree
        (so `id_group` may not become `ancestor_id`'s parent)."""
        return ancestor_id == id_group or ancestor_id in self.group_ancestors(id_group)

    def price_levels(self) -> list[PriceLevel]:
        return [
            load_model(PriceLevel, r[0])
            for r in self._conn.execute(
                "SELECT data FROM price_levels ORDER BY id_price_level"
            )
        ]

    def unit_samples(self) -> list[UnitSample]:
        return [
            load_model(UnitSample, r[0])
            for r in self._conn.execute(
                "SELECT data FROM unit_samples ORDER BY id_unit"
            )
        ]
