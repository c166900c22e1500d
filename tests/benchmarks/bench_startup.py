"""Start-up and memory: process start to the first painted main window with a
catalog of 100,000 products; peak resident memory.

    .venv/bin/python -m tests.benchmarks.bench_startup [--products N] [--runs N]

Each run is a new interpreter (`startup_child.py`, what `komora gui` runs) with
QT_QPA_PLATFORM=offscreen and its own data folder, prepared beforehand as after an
earlier session: the sandbox database with its demo catalog and the local catalog
of N products. The clock starts just before the process is created and stops at the
first paint of the products table with the catalog in it (the window's own first
paint, earlier, is reported too). Peak memory is the child's own high-water mark at
that paint (VmHWM; see `startup_child.peak_rss_kb` for why not `ru_maxrss`); its
peak at exit (after the first sync has begun) is reported beside it. The
median of the runs counts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import BENCH_DIR, REPO_ROOT

TARGET_S = 1.5
TARGET_RSS_MB = 400.0
RUNS = 3


def prepare(folder: Path, catalog_path: Path) -> dict[str, str]:
    """Data, config and log folders as after an earlier session; returns the env."""
    from app.gui.catalog_panel import catalog_path as panel_catalog_path
    from app.sandbox import demo
    from app.sandbox.db import Database

    env = dict(os.environ)
    for name in ("DATA", "CONFIG", "LOG"):
        (folder / name.lower()).mkdir(parents=True, exist_ok=True)
        env[f"KOMORA_{name}_DIR"] = str(folder / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO_ROOT)

    database = Database(folder / "data" / "sandbox.sqlite3")
    demo.fill(database)
    database.dispose()
    # The sandbox's local catalog is one file whatever its port (see catalog_path).
    saved = os.environ.get("KOMORA_DATA_DIR")
    os.environ["KOMORA_DATA_DIR"] = env["KOMORA_DATA_DIR"]
    try:
        target = panel_catalog_path("http://127.0.0.1:1", "uk", is_sandbox=True)
    finally:
        if saved is None:
            os.environ.pop("KOMORA_DATA_DIR", None)
        else:
            os.environ["KOMORA_DATA_DIR"] = saved
    shutil.copyfile(catalog_path, target)
    return env


def one_run(env: dict[str, str], folder: Path) -> dict[str, Any]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, str(BENCH_DIR / "startup_child.py")],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"the app did not start (exit {done.returncode}): {done.stderr[-2000:]}"
        )
    seen = json.loads(lines[-1])
    if "catalog_paint" not in seen:
        raise RuntimeError(f"the catalog was never painted: {seen}")
    return {
        "window_s": seen["window_paint"] - started,
        "catalog_s": seen["catalog_paint"] - started,
        "rows": seen["rows"],
        "rss_mb": seen["peak_rss_kb"] / 1024,
        "exit_rss_mb": seen["exit_peak_rss_kb"] / 1024,
    }


def run(
    products: int = 100_000, runs: int = RUNS, catalog_path: Path | None = None
) -> dict[str, Any]:
    from tests.benchmarks.catalog_gen import build_catalog

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if catalog_path is None:
            catalog_path = folder / "built.sqlite3"
            build_catalog(catalog_path, products=products)
        results = []
        for number in range(runs):
            # A fresh copy each run: the first sync of a run may change the catalog.
            env = prepare(folder / f"run-{number}", catalog_path)
            results.append(one_run(env, folder))
    return {
        "startup_s": round(statistics.median(r["catalog_s"] for r in results), 3),
        "startup_first_window_paint_s": round(
            statistics.median(r["window_s"] for r in results), 3
        ),
        "startup_runs_s": [round(r["catalog_s"], 3) for r in results],
        "startup_rows_shown": results[0]["rows"],
        "peak_rss_mb": round(max(r["rss_mb"] for r in results), 1),
        "peak_rss_at_exit_mb": round(max(r["exit_rss_mb"] for r in results), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--catalog", type=Path, help="an existing catalog file")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.products, args.runs, args.catalog), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
