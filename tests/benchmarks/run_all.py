"""Run every benchmark, print each figure with its target, write results.json.

    make bench                                    # or:
    .venv/bin/python tests/benchmarks/run_all.py [--quick] [--only NAME ...]

Each benchmark runs its baseline in the same run, so a ratio is fair on a busy
machine. The app's folders (KOMORA_DATA_DIR, _CONFIG_DIR, _LOG_DIR) point into a
temporary folder for the whole run: nothing of the user's is read or changed.
`--quick` uses tiny sizes (seconds; for the smoke test, not for figures).
Not collected by pytest (`norecursedirs` excludes tests/benchmarks).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script (`make bench`): the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.benchmarks.common import BENCH_DIR, machine

RESULTS = BENCH_DIR / "results.json"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    target: float
    higher_is_better: bool
    unit: str

    def met(self, value: float) -> bool:
        if self.higher_is_better:
            return value >= self.target
        return value <= self.target


FIGURES = (
    Figure("lookup_p99_ms", "scan lookup p99", 0.2, False, "ms"),
    Figure("scan_to_screen_p95_ms", "scan to screen p95", 16.0, False, "ms"),
    Figure("table_open_s", "products table open", 0.2, False, "s"),
    Figure("filter_p95_ms", "filter per keystroke p95", 16.0, False, "ms"),
    Figure("filter_speedup", "filter vs QSortFilterProxyModel", 10.0, True, "×"),
    Figure("labels_per_s", "labels to PDF", 2000.0, True, "labels/s"),
    Figure("labels_speedup", "labels vs python-barcode + Pillow", 4.0, True, "×"),
    Figure("sync_speedup", "sync vs one plain request at a time", 4.0, True, "×"),
    Figure("startup_s", "start-up to the painted catalog", 1.5, False, "s"),
    Figure("peak_rss_mb", "peak memory at start-up", 400.0, False, "MB"),
)


@dataclass(frozen=True)
class Sizes:
    products: int
    scans: int
    labels: int
    sync_products: int
    sync_sample: int
    startup_runs: int


FULL = Sizes(100_000, 200, 1000, 10_000, 500, 3)
QUICK = Sizes(2000, 10, 50, 60, 20, 1)


def _point_app_folders_at(folder: Path) -> None:
    for name in ("DATA", "CONFIG", "LOG"):
        path = folder / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[f"KOMORA_{name}_DIR"] = str(path)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _benchmarks(sizes: Sizes, shared: dict[str, Any]) -> dict[str, Callable[[], dict]]:
    def lookup() -> dict[str, Any]:
        from tests.benchmarks import bench_lookup

        return bench_lookup.run(sizes.products)

    def catalog() -> Any:
        if "catalog" not in shared:
            from tests.benchmarks.catalog_gen import build_catalog

            path = shared["folder"] / "catalog.sqlite3"
            shared["catalog"] = build_catalog(path, products=sizes.products)
        return shared["catalog"]

    def table() -> dict[str, Any]:
        from tests.benchmarks import bench_table

        return bench_table.run(sizes.products, catalog().path)

    def scan() -> dict[str, Any]:
        from tests.benchmarks import bench_scan

        generated = catalog()
        return bench_scan.run(
            sizes.products, sizes.scans, generated.path, generated.barcodes
        )

    def labels() -> dict[str, Any]:
        from tests.benchmarks import bench_labels

        return bench_labels.run(sizes.labels)

    def startup() -> dict[str, Any]:
        from tests.benchmarks import bench_startup

        return bench_startup.run(sizes.products, sizes.startup_runs, catalog().path)

    def sync() -> dict[str, Any]:
        from tests.benchmarks import bench_sync

        return bench_sync.run(sizes.sync_products, sizes.sync_sample)

    return {
        "lookup": lookup,
        "table": table,
        "scan": scan,
        "labels": labels,
        "startup": startup,
        "sync": sync,
    }


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def _report(results: dict[str, Any], notes: list[str]) -> list[str]:
    lines = [f"{'figure':<42} {'measured':>14} {'target':>14}  met"]
    for figure in FIGURES:
        value = _number(results.get(figure.key))
        sign = "≥" if figure.higher_is_better else "≤"
        target = f"{sign} {figure.target:g} {figure.unit}"
        if value is None:
            lines.append(f"{figure.label:<42} {'failed':>14} {target:>14}  no")
            continue
        shown = f"{value:,.4g} {figure.unit}"
        met = "yes" if figure.met(value) else "NO"
        lines.append(f"{figure.label:<42} {shown:>14} {target:>14}  {met}")
    return lines + [f"note: {note}" for note in notes]


def markdown_table(results: dict[str, Any]) -> str:
    """The figures as a Markdown table with the machine, for the README."""
    rows = ["| figure | measured | target | met |", "|---|---:|---:|:-:|"]
    for figure in FIGURES:
        value = _number(results.get(figure.key))
        sign = "≥" if figure.higher_is_better else "≤"
        shown = "failed" if value is None else f"{value:,.4g} {figure.unit}"
        met = "—" if value is None else ("yes" if figure.met(value) else "**no**")
        rows.append(
            f"| {figure.label} (`{figure.key}`) | {shown} |"
            f" {sign} {figure.target:g} {figure.unit} | {met} |"
        )
    box = results.get("machine", {})
    rows.append("")
    rows.append(
        f"Measured on {box.get('cpu', '?')}, {box.get('cores', '?')} cores,"
        f" {box.get('system', '?')}, Python {box.get('python', '?')},"
        f" PySide6 {box.get('pyside6', '?')} (Qt {box.get('qt', '?')}); load average"
        f" at the start {box.get('load_average_at_start', '?')};"
        f" the run took {results.get('total_seconds', '?')} s."
    )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, seconds")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="lookup table scan labels startup sync",
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help="results file")
    parser.add_argument(
        "--markdown", type=Path, help="also write the figures as a Markdown table"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="komora-bench-") as tmp:
        folder = Path(tmp)
        _point_app_folders_at(folder / "app")
        results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
        shared: dict[str, Any] = {"folder": folder}
        benchmarks = _benchmarks(sizes, shared)
        chosen = args.only or list(benchmarks)
        unknown = sorted(set(chosen) - set(benchmarks))
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
        failed = []
        for name in chosen:
            print(f"--- {name} ...", flush=True)
            begun = time.perf_counter()
            try:
                figures = benchmarks[name]()
            except Exception:  # report it and run the rest
                traceback.print_exc()
                failed.append(name)
                results[f"{name}_error"] = traceback.format_exc(limit=3)
                continue
            figures[f"{name}_bench_seconds"] = round(time.perf_counter() - begun, 1)
            results.update(figures)
            print(json.dumps(figures, ensure_ascii=False), flush=True)

    notes = []
    if "sync" in chosen and "sync_baseline_sample" in results:
        notes.append(
            f"sync baseline measured on {results['sync_baseline_sample']:,} of "
            f"{results['sync_products']:,} products (a full one-at-a-time run would "
            f"take ~{results['sync_baseline_estimated_full_s']:,.0f} s); the speedup "
            "compares seconds per product"
        )
    if args.quick:
        notes.append("--quick: tiny sizes; these figures say nothing about speed")
    results["targets"] = {
        f.key: {"target": f.target, "higher_is_better": f.higher_is_better}
        for f in FIGURES
    }
    for figure in FIGURES:  # every required key is present: a number or null
        results[figure.key] = _number(results.get(figure.key))
    results["notes"] = notes
    results["total_seconds"] = round(time.perf_counter() - started, 1)

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    if args.markdown:
        args.markdown.write_text(markdown_table(results), encoding="utf-8")
    print()
    print("\n".join(_report(results, notes)))
    print(f"total {results['total_seconds']} s; figures written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
