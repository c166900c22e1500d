"""Synthetic catalogs for tests and benchmarks: valid barcodes, plausible names.

`build_catalog(path, products=100_000, barcodes_per_product=2)` fills a local catalog
file directly with executemany (no API models per row), fast enough to build 100,000
products with 200,000 barcodes in seconds. `ean13(body)` and friends make codes with
correct GS1 check digits.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.store.catalog import Catalog
from app.store.search import fold

_WORDS_TEXT = """
молоко кефір сир йогурт масло хліб батон булка печиво цукерки шоколад чай кава
сік вода пиво вино олія борошно цукор сіль рис гречка макарони ковбаса сосиски
яблука банани апельсини картопля цибуля морква томати огірки курка свинина
milk cheese bread coffee tea juice water chocolate cookies pasta rice sugar
"""
_BRANDS_TEXT = "Галичина Ферма Яготинське Світоч Рошен Моршинська Lavazza Nestle"
WORDS = tuple(_WORDS_TEXT.split())
BRANDS = tuple(_BRANDS_TEXT.split())
SIZES = ("0,5 л", "1 л", "2,5%", "200 г", "500 г", "1 кг", "12 шт", "330 мл")


def check_digit(data: str) -> str:
    """GS1 mod-10: weights 3 and 1 from the rightmost data digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return str((10 - total % 10) % 10)


def ean13(body12: str) -> str:
    return body12 + check_digit(body12)


def upca(body11: str) -> str:
    return body11 + check_digit(body11)


def ean8(body7: str) -> str:
    return body7 + check_digit(body7)


@dataclass(frozen=True)
class GeneratedCatalog:
    path: Path
    products: int
    barcodes: list[str]  # every main code stored, in insertion order
    seconds: float


def _json(value: object) -> str:
    # The generated records hold no decimals, so the standard encoder is exact here
    # and several times faster than app.domain.jsonio.
    return json.dumps(value, ensure_ascii=False)


def _names(rng: random.Random, count: int) -> Iterator[str]:
    for index in range(count):
        yield (
            f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} "
            f"{rng.choice(BRANDS)} {rng.choice(SIZES)} №{index}"
        )


def build_catalog(
    path: Path,
    products: int = 100_000,
    barcodes_per_product: int = 2,
    seed: int = 5,
) -> GeneratedCatalog:
    """Create a catalog file at `path` with `products` products, each with
    `barcodes_per_product` EAN-13 codes (prefix 482, Ukraine), groups and units."""
    from app.store.keys import stored_keys

    # Every generated code is a plain EAN-13, whose key is GS1's GTIN-14 form: a
    # leading zero. Reading 200,000 codes through the domain rules would take longer
    # than everything else; the first codes are checked against them below.
    started = time.perf_counter()
    rng = random.Random(seed)
    catalog = Catalog(path)
    catalog.close()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    groups = [
        (gid, f"g-{gid}", f"Група {gid}", None if gid <= 5 else (gid - 1) // 5, 1)
        for gid in range(1, 31)
    ]
    conn.executemany(
        "INSERT INTO groups (id_group, guid, name_group, id_owner_group, active,"
        " data) VALUES (?, ?, ?, ?, ?, '{}')",
        groups,
    )
    conn.executemany(
        "UPDATE groups SET data = ? WHERE id_group = ?",
        [
            (
                _json(
                    {
                        "id_group": g[0],
                        "guid": g[1],
                        "name_group": g[2],
                        "id_owner_group": g[3],
                        "active": True,
                    }
                ),
                g[0],
            )
            for g in groups
        ],
    )

    product_rows = []
    unit_rows = []
    series_rows = []
    text_rows = []
    barcode_rows = []
    all_codes: list[str] = []
    for index, name in enumerate(_names(rng, products)):
        id_goods = index + 1
        guid = f"00000000-0000-4000-8000-{id_goods:012d}"
        id_group = rng.randint(1, 30)
        data = _json(
            {
                "id_goods": id_goods,
                "guid": guid,
                "name_goods": name,
                "id_group": id_group,
                "free_price": False,
                "active": True,
            }
        )
        product_rows.append(
            (id_goods, guid, name, fold(name), id_group, "t0", "t0", data)
        )
        unit_rows.append(
            (
                id_goods,
                1,
                f"u-{id_goods}",
                _json(
                    {
                        "id_unit": 1,
                        "id_goods": id_goods,
                        "name_unit": "шт",
                        "type_unit": 1,
                        "rate": 1,
                        "is_default": True,
                    }
                ),
            )
        )
        series_rows.append(
            (
                id_goods,
                _json({"id_series": "-", "name_series": "-", "active": True}),
            )
        )
        codes = []
        for n in range(barcodes_per_product):
            code = ean13(f"482{(id_goods * barcodes_per_product + n):09d}")
            codes.append(code)
            if id_goods <= 10:
                expected = stored_keys(code, None)
                if (expected.key, expected.alt_key) != ("0" + code, None):
                    raise RuntimeError(f"{code} is not keyed as a plain EAN-13")
            barcode_rows.append(
                (
                    code,
                    id_goods,
                    "0" + code,
                    _json(
                        {
                            "bar_code": code,
                            "id_goods": id_goods,
                            "id_unit": 1,
                            "id_series": "-",
                            "ext_bar_code": None,
                            "active": True,
                        }
                    ),
                )
            )
        all_codes.extend(codes)
        text_rows.append((id_goods, fold(name)))

    conn.executemany(
        "INSERT INTO products (id_goods, guid, name_goods, name_fold, id_group,"
        " active, deleted, time_change, details_change, data)"
        " VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?, ?)",
        product_rows,
    )
    conn.executemany(
        "INSERT INTO product_units (id_goods, id_unit, guid, is_default, rate, data)"
        " VALUES (?, ?, ?, 1, '1', ?)",
        unit_rows,
    )
    conn.executemany(
        "INSERT INTO series (id_goods, id_series, name_series, data)"
        " VALUES (?, '-', '-', ?)",
        series_rows,
    )
    conn.executemany(
        "INSERT INTO barcodes (bar_code, ext_bar_code, id_goods, id_unit, id_series,"
        " active, key, add_on, alt_key, alt_add_on, data)"
        " VALUES (?, '', ?, 1, '-', 1, ?, '', NULL, NULL, ?)",
        barcode_rows,
    )
    conn.executemany("INSERT INTO product_text (rowid, name) VALUES (?, ?)", text_rows)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return GeneratedCatalog(
        path=path,
        products=products,
        barcodes=all_codes,
        seconds=time.perf_counter() - started,
    )
