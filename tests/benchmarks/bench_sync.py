"""Sync: 10,000 products with units, series, prices and barcodes from the sandbox
server on loopback.

    .venv/bin/python -m tests.benchmarks.bench_sync [--products N] [--sample N]

The sandbox database is filled directly through the server's own tables (bulk
inserts, seconds), then the server runs in a child process (as a real back office
would: its own interpreter, not sharing this one's GIL) on a loopback port.

Komora: `CatalogSync.run(full=True)` into an empty local catalog (product list in
pages, then every product's details through the bounded pool sharing one kept-alive
session). Baseline, in the same run: the same requests and the same local writes,
one request at a time, each a plain `requests.get` on a new connection. A full
baseline would take minutes, so it lists every product and fetches the details of a
fixed sample; the comparison is in seconds per product.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.benchmarks.catalog_gen import BRANDS, SIZES, WORDS, ean13

TOKEN = "bench-token"
TARGET_SPEEDUP = 4.0
SAMPLE = 500
PAGE_SIZE = 500
RETAIL = 1
SERVER_CHILD = """
import sys
from app.sandbox.testing import SandboxServer
server = SandboxServer(sys.argv[1], token=sys.argv[2])
server.start()
print(server.port, flush=True)
sys.stdin.read()  # serves until the parent closes our stdin
server.close()
"""


def fill_sandbox(path: Path, products: int) -> None:
    """`products` products, each with a piece unit (every fifth also a box of 12),
    the base series, purchase and retail prices and two EAN-13 codes (the box its
    own), written through the sandbox's tables in a few bulk statements."""
    from sqlalchemy import insert

    from app.sandbox import catalog as sandbox_catalog
    from app.sandbox.db import (
        BarcodeRow,
        Database,
        GoodsRow,
        GroupRow,
        PriceLevelRow,
        PriceRow,
        ProductUnitRow,
        SeriesRow,
    )

    database = Database(path)
    created = datetime(2026, 12, 1, tzinfo=UTC)

    def stamp(n: int) -> dict[str, datetime]:
        moment = created + timedelta(microseconds=n)
        return {"time_create": moment, "time_change": moment}

    goods, units, series, prices, barcodes = [], [], [], [], []
    for n in range(1, products + 1):
        name = (
            f"{WORDS[n % len(WORDS)].capitalize()} {BRANDS[n % len(BRANDS)]}"
            f" {SIZES[n % len(SIZES)]} №{n}"
        )
        goods.append(
            {
                "id_goods": n,
                "guid": f"00000000-0000-4000-9000-{n:012d}",
                "created": True,
                "name_goods": name,
                "id_group": 1 + n % 30,
                "free_price": False,
                "active": True,
                **stamp(n),
            }
        )
        unit_ids = [1, 8] if n % 5 == 0 else [1]
        for id_unit in unit_ids:
            units.append(
                {
                    "guid": f"00000000-0000-4000-a{id_unit:03d}-{n:012d}",
                    "id_goods": n,
                    "id_unit": id_unit,
                    "type_unit": 1,
                    "rate": Decimal(1 if id_unit == 1 else 12),
                    "is_default": id_unit == 1,
                    "for_ordering": id_unit != 1,
                    "is_storage_residues": id_unit == 1,
                    "max_count": None,
                    "percent_deviation": Decimal("0.0"),
                    "brutto_weight": 0,
                    "active": True,
                    **stamp(n),
                }
            )
            code = ean13(f"482{n * 10 + id_unit:09d}")
            barcodes.append(
                {
                    "guid": f"00000000-0000-4000-b{id_unit:03d}-{n:012d}",
                    "id_goods": n,
                    "bar_code": code,
                    "ext_bar_code": None,
                    "id_unit": id_unit,
                    "id_series": "-",
                    "active": True,
                    **stamp(n),
                }
            )
        barcodes.append(
            {
                "guid": f"00000000-0000-4000-c000-{n:012d}",
                "id_goods": n,
                "bar_code": ean13(f"483{n:09d}"),
                "ext_bar_code": None,
                "id_unit": 1,
                "id_series": "-",
                "active": True,
                **stamp(n),
            }
        )
        series.append(
            {
                "guid": f"00000000-0000-4000-d000-{n:012d}",
                "id_goods": n,
                "id_series": "-",
                "name_series": "-",
                "active": True,
                **stamp(n),
            }
        )
        retail = Decimal(1000 + n * 37 % 90000) / 100
        for level, price in (
            (-1, (retail * Decimal("0.78")).quantize(Decimal("0.01"))),
            (RETAIL, retail),
        ):
            prices.append(
                {
                    "id_goods": n,
                    "id_unit": 1,
                    "id_series": "-",
                    "id_price_level": level,
                    "price": price,
                    "min_price": price,
                    "max_price": price,
                    "active": True,
                    **stamp(n),
                }
            )
    with sandbox_catalog.transaction(database) as session:
        sandbox_catalog.seed(session)
        session.execute(
            insert(PriceLevelRow),
            [
                {
                    "id_price_level": RETAIL,
                    "guid": "00000000-0000-4000-e000-000000000001",
                    "name_price_level": "Роздрібна",
                    "active": True,
                    **stamp(0),
                }
            ],
        )
        session.execute(
            insert(GroupRow),
            [
                {
                    "id_group": g,
                    "guid": f"00000000-0000-4000-f000-{g:012d}",
                    "name_group": f"Група {g}",
                    "id_owner_group": None if g <= 5 else (g - 1) // 5,
                    "active": True,
                    **stamp(0),
                }
                for g in range(1, 31)
            ],
        )
        for row_class, rows in (
            (GoodsRow, goods),
            (ProductUnitRow, units),
            (SeriesRow, series),
            (PriceRow, prices),
            (BarcodeRow, barcodes),
        ):
            session.execute(insert(row_class), rows)
    database.dispose()


class ServerProcess:
    """The sandbox server over a database file, in a child process."""

    def __init__(self, db: Path) -> None:
        env = dict(os.environ)
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER_CHILD, str(db), TOKEN],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.strip().isdigit():
            self.close()
            raise RuntimeError(f"the sandbox server did not start: {line!r}")
        self.base_url = f"http://127.0.0.1:{int(line)}"

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def komora_sync(base_url: str, catalog_path: Path) -> tuple[float, Any]:
    from app.api.client import CatalogClient
    from app.store.catalog import Catalog
    from app.store.sync import DEFAULT_WORKERS, CatalogSync, make_session

    catalog = Catalog(catalog_path)
    session = make_session(DEFAULT_WORKERS)
    try:
        client = CatalogClient(session, base_url, TOKEN, locale="uk")
        started = time.perf_counter()
        report = CatalogSync(catalog, client, page_size=PAGE_SIZE).run(full=True)
        seconds = time.perf_counter() - started
        stats = catalog.stats()
    finally:
        session.close()
        catalog.close()
    return seconds, (report, stats)


def baseline_sync(
    base_url: str, catalog_path: Path, sample: int
) -> dict[str, float | int]:
    """List every product, then fetch and store the details of the first `sample`
    products; every request a plain `requests.get` on a new connection."""
    import requests

    from app.domain.models import Barcode, Price, Product, ProductUnit, Series
    from app.store.catalog import Catalog
    from app.store.records import ProductDetails

    headers = {"Authorization": f"Bearer {TOKEN}"}
    api = f"{base_url}/api/uk"

    def get(relative: str, params: dict[str, Any] | None = None) -> Any:
        response = requests.get(
            f"{api}/{relative}", params=params, headers=headers, timeout=30
        )
        response.raise_for_status()
        return response.json()

    def items(body: Any) -> list[Any]:
        return body["data"] if isinstance(body, dict) else body

    catalog = Catalog(catalog_path)
    try:
        started = time.perf_counter()
        listed: list[Product] = []
        page = 1
        while True:
            body = get(
                "goods",
                {
                    "new_pagination": "true",
                    "page[num]": page,
                    "page[size]": PAGE_SIZE,
                    "sort[column]": "id_goods",
                    "sort[order]": "ascending",
                },
            )
            chunk = [Product.model_validate(p) for p in items(body)]
            if not chunk:
                break
            catalog.upsert_products(chunk)
            listed.extend(chunk)
            page += 1
        list_seconds = time.perf_counter() - started

        started = time.perf_counter()
        for product in listed[:sample]:
            guid = product.guid
            details = ProductDetails(
                units=[
                    ProductUnit.model_validate(u)
                    for u in items(get(f"goods/{guid}/units"))
                ],
                series=[
                    Series.model_validate(s) for s in items(get(f"goods/{guid}/series"))
                ],
                prices=[
                    Price.model_validate(p)
                    for p in items(get(f"goods/{guid}/goodsPrice/prices"))
                ],
                barcodes=[
                    Barcode.model_validate(b)
                    for b in items(get(f"goods/{guid}/barcodes"))
                ],
            )
            catalog.replace_details(product.id_goods, details, product.time_change)
        detail_seconds = time.perf_counter() - started
    finally:
        catalog.close()
    return {
        "listed": len(listed),
        "sample": min(sample, len(listed)),
        "list_seconds": list_seconds,
        "detail_seconds": detail_seconds,
    }


def run(products: int = 10_000, sample: int = SAMPLE) -> dict[str, Any]:
    sample = min(sample, products)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        fill_sandbox(folder / "sandbox.sqlite3", products)
        fill_seconds = time.perf_counter() - started
        server = ServerProcess(folder / "sandbox.sqlite3")
        try:
            # Warm-up: the server's first requests compile its routes and queries.
            baseline_sync(server.base_url, folder / "warm.sqlite3", 20)
            base = baseline_sync(server.base_url, folder / "baseline.sqlite3", sample)
            seconds, (report, stats) = komora_sync(
                server.base_url, folder / "komora.sqlite3"
            )
        finally:
            server.close()
    per_product = seconds / products
    base_per_product = (
        base["list_seconds"] / base["listed"] + base["detail_seconds"] / base["sample"]
    )
    return {
        "sync_products": products,
        "sync_seconds": round(seconds, 2),
        "sync_products_per_s": round(1 / per_product, 1),
        "sync_details_fetched": report.details_fetched,
        "sync_local_barcodes": stats["barcodes"],
        "sync_local_prices": stats["prices"],
        "sync_baseline_sample": base["sample"],
        "sync_baseline_products_per_s": round(1 / base_per_product, 1),
        "sync_baseline_estimated_full_s": round(base_per_product * products, 1),
        "sync_speedup": round(base_per_product / per_product, 2),
        "sync_fill_seconds": round(fill_seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.products, args.sample), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
