"""Lookup and search-as-you-type latency over a catalog of 100,000 products.

    .venv/bin/python -m tests.benchmarks.bench_lookup [--products N] [--json PATH]

Builds a catalog of N products (default 100,000) with two EAN-13 barcodes each in a
temporary folder, then times:

- reading + lookup: `read_barcode(text)` and `Catalog.lookup(reading)` for scans of
  stored codes (as EAN-13 and, where they have one, as their UPC-A form) and of
  codes the catalog does not have;
- search as you type: `Catalog.count` and the first page of
  `Catalog.product_ids_page` for each prefix of typed words and codes, as the
  product table asks for them on each keystroke.

Prints median and p99 in milliseconds and writes the figures as JSON. Not collected
by pytest (`norecursedirs` excludes tests/benchmarks).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.domain.barcode import read_barcode
from app.store.catalog import Catalog
from app.store.search import ProductFilter
from tests.benchmarks.catalog_gen import build_catalog, ean13

TARGET_LOOKUP_P99_MS = 0.2
LOOKUPS = 20_000
WARM_UP = 500
TYPED = ("молоко", "Галичина", "шоколад рошен", "milk", "4820000", "12345")
PAGE = 100


def _percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _summary(samples_s: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {
        "median_ms": round(statistics.median(ms), 4),
        "p99_ms": round(_percentile(ms, 0.99), 4),
        "max_ms": round(max(ms), 4),
        "count": len(ms),
    }


def _time_each(items: Sequence[Any], action: Callable[[Any], object]) -> list[float]:
    clock = time.perf_counter
    samples = []
    for item in items:
        started = clock()
        action(item)
        samples.append(clock() - started)
    return samples


def _scans(codes: Sequence[str], rng: random.Random, count: int) -> list[str]:
    scans = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.1:
            # Not in the catalog: a valid code from another country prefix.
            scans.append(ean13(f"590{rng.randrange(10**9):09d}"))
        else:
            scans.append(rng.choice(codes))
    return scans


def run(products: int = 100_000, folder: Path | None = None) -> dict[str, Any]:
    """Build the catalog, time lookups and searches; returns the figures."""
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        generated = build_catalog(Path(tmp) / "catalog.sqlite3", products=products)
        catalog = Catalog(generated.path)
        try:
            scans = _scans(generated.barcodes, rng, LOOKUPS + WARM_UP)

            def read_and_look_up(text: str) -> object:
                return catalog.lookup(read_barcode(text))

            for text in scans[:WARM_UP]:
                read_and_look_up(text)
            lookup = _time_each(scans[WARM_UP:], read_and_look_up)
            found = sum(1 for text in scans[WARM_UP:] if read_and_look_up(text))

            keystrokes = [
                word[:length] for word in TYPED for length in range(1, len(word) + 1)
            ]

            def type_one(text: str) -> object:
                flt = ProductFilter(text=text)
                catalog.count(flt)
                return catalog.summaries(catalog.product_ids_page(flt, 0, PAGE))

            type_one("warm")
            search = _time_each(keystrokes * 3, type_one)
            browse = _time_each(
                [rng.randrange(0, products - PAGE) for _ in range(200)],
                lambda offset: catalog.summaries(
                    catalog.product_ids_page(ProductFilter(), offset, PAGE)
                ),
            )
            stats = catalog.stats()
        finally:
            catalog.close()

    lookup_stats = _summary(lookup)
    search_stats = _summary(search)
    browse_stats = _summary(browse)
    return {
        "products": stats["products"],
        "barcodes": stats["barcodes"],
        "build_seconds": round(generated.seconds, 2),
        "lookups": lookup_stats["count"],
        "lookups_found": found,
        "lookup_median_ms": lookup_stats["median_ms"],
        "lookup_p99_ms": lookup_stats["p99_ms"],
        "lookup_max_ms": lookup_stats["max_ms"],
        "lookup_target_p99_ms": TARGET_LOOKUP_P99_MS,
        "search_keystrokes": search_stats["count"],
        "search_median_ms": search_stats["median_ms"],
        "search_p99_ms": search_stats["p99_ms"],
        "browse_page_median_ms": browse_stats["median_ms"],
        "browse_page_p99_ms": browse_stats["p99_ms"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument(
        "--json",
        type=Path,
        default=Path("build") / "bench_lookup.json",
        help="where the figures go (default: build/bench_lookup.json)",
    )
    args = parser.parse_args(argv)

    figures = run(args.products)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(
        f"catalog: {figures['products']:,} products, {figures['barcodes']:,} barcodes,"
        f" built in {figures['build_seconds']} s"
    )
    print(
        f"reading + lookup: median {figures['lookup_median_ms']} ms,"
        f" p99 {figures['lookup_p99_ms']} ms"
        f" (target p99 <= {TARGET_LOOKUP_P99_MS} ms),"
        f" {figures['lookups_found']:,} of {figures['lookups']:,} found"
    )
    print(
        f"search as you type (count + first {PAGE} rows):"
        f" median {figures['search_median_ms']} ms, p99 {figures['search_p99_ms']} ms"
    )
    print(
        f"table page of {PAGE} rows: median {figures['browse_page_median_ms']} ms,"
        f" p99 {figures['browse_page_p99_ms']} ms"
    )
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
