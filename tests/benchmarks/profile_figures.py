"""Profiles behind the figures that miss their targets, written to profiles/.

    .venv/bin/pip install pyinstrument py-spy      # not project dependencies
    .venv/bin/python tests/benchmarks/profile_figures.py [lookup filter scan paint ...]

- lookup: pyinstrument over 20,000 scans (reading + `Catalog.lookup`).
- filter: pyinstrument over typing three words into the products table.
- scan: each stage of a scan timed by wrapping the methods named (the lookup runs on
  the workflow's thread, which a sampling profiler of the main thread misses).
- paint: the main window's repaint after a scan, whole and by part.
- startup: pyinstrument of the start-up child's main thread, and py-spy of all its
  threads (the sandbox starts on a worker).
- sync: CPU time of this process and of the server child during a sync of 1,500
  products, and a py-spy profile of the server.

With no names, all of them (about four minutes). The app's folders point into a
temporary folder, as in run_all.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.benchmarks.common import PROFILES_DIR, ensure_qt_application

PY_SPY = Path(sys.executable).with_name("py-spy")


def _catalog(folder: Path, products: int = 100_000) -> Any:
    from tests.benchmarks.catalog_gen import build_catalog

    return build_catalog(folder / "catalog.sqlite3", products=products)


def _collapsed_summary(raw: Path, rate: int, skip_idle: bool, top: int = 70) -> str:
    """Inclusive share per function of py-spy's collapsed stacks."""
    inclusive: Counter[str] = Counter()
    total = 0
    idle = ("Condition.wait", "EpollSelector.select", "Queue.get", "select (selectors")
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if skip_idle and any(word in f for f in frames for word in idle):
            continue
        total += int(count)
        seen = set()
        for frame in frames:
            name, _, where = frame.partition(" (")
            where = where.split(":")[0].split("/site-packages/")[-1]
            key = f"{name} {where.replace(str(Path.cwd()) + '/', '')}"
            if key not in seen:
                inclusive[key] += int(count)
                seen.add(key)
    lines = [f"samples {total} at {rate}/s; inclusive share:"]
    lines += [
        f"{n / total * 100:5.1f}% {key}"
        for key, n in inclusive.most_common(top)
        if "importlib" not in key
    ]
    return "\n".join(lines) + "\n"


def profile_lookup(folder: Path) -> None:
    import random

    from pyinstrument import Profiler

    from app.domain.barcode import read_barcode
    from app.store.catalog import Catalog

    generated = _catalog(folder)
    codes = random.Random(1).sample(generated.barcodes, 20_000)
    catalog = Catalog(generated.path)
    for code in codes[:500]:
        catalog.lookup(read_barcode(code))
    started = time.perf_counter()
    readings = [read_barcode(code) for code in codes]
    reading_us = (time.perf_counter() - started) / len(codes) * 1e6
    started = time.perf_counter()
    for reading in readings:
        catalog.lookup(reading)
    lookup_us = (time.perf_counter() - started) / len(codes) * 1e6
    profiler = Profiler(interval=0.0001)
    profiler.start()
    for code in codes:
        catalog.lookup(read_barcode(code))
    profiler.stop()
    catalog.close()
    (PROFILES_DIR / "lookup.txt").write_text(
        "20,000 scans of stored codes over 100,000 products / 200,000 barcodes\n"
        f"read_barcode: {reading_us:.1f} us per scan; Catalog.lookup: {lookup_us:.1f}"
        " us per scan (means; the benchmark reports the p99)\n\n"
        + profiler.output_text(unicode=False, color=False)
    )


def profile_filter(folder: Path) -> None:
    from pyinstrument import Profiler
    from PySide6.QtWidgets import QTableView

    from app.gui.products_model import ProductsModel
    from app.store.catalog import Catalog
    from app.store.search import ProductFilter
    from tests.benchmarks.bench_table import TYPED, _show_and_paint

    ensure_qt_application()
    catalog = Catalog(_catalog(folder).path)
    model = ProductsModel(catalog)
    view = QTableView()
    view.setModel(model)
    _show_and_paint(view)
    rows = []
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for word in (TYPED, "молоко кеф", "Галичина 1"):
        for length in range(1, len(word) + 1):
            started = time.perf_counter()
            model.set_filter(ProductFilter(text=word[:length]))
            filtered = time.perf_counter()
            view.viewport().repaint()
            painted = time.perf_counter()
            rows.append(
                f"{word[:length]!r:>14}: filter {(filtered - started) * 1000:6.1f} ms,"
                f" paint {(painted - filtered) * 1000:6.1f} ms,"
                f" {model.rowCount():,} rows"
            )
    profiler.stop()
    view.close()
    catalog.close()
    (PROFILES_DIR / "filter-keystrokes.txt").write_text(
        "Typing into the products table over 100,000 products (ProductsModel)\n"
        + "\n".join(rows)
        + "\n\n"
        + profiler.output_text(unicode=False, color=False)
    )


def profile_scan(folder: Path) -> None:
    from app.gui import catalog_panel, scan_workflow
    from app.store import catalog as store_catalog
    from app.store import scan_journal
    from tests.benchmarks import bench_scan

    marks: dict[str, list[float]] = {}

    def wrap(cls: Any, name: str, key: str) -> None:
        original = getattr(cls, name)

        def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
            marks.setdefault(f"{key}_start", []).append(time.perf_counter())
            try:
                return original(self, *args, **kwargs)
            finally:
                marks.setdefault(f"{key}_end", []).append(time.perf_counter())

        setattr(cls, name, timed)

    wrap(scan_workflow.ScanWorkflow, "handle_scan", "handle")
    wrap(scan_journal.ScanJournal, "record", "journal")
    wrap(store_catalog.Catalog, "lookup", "lookup")
    wrap(scan_workflow.ScanWorkflow, "_on_looked_up", "act")
    wrap(catalog_panel.CatalogPanel, "show_product_for_scan", "show")
    generated = _catalog(folder)
    figures = bench_scan.run(100_000, 100, generated.path, generated.barcodes)
    stages = (
        ("handle_scan (GUI thread: hand the scan to the workflow)", "handle"),
        ("ScanJournal.record (workflow thread, SQLite synchronous=FULL)", "journal"),
        ("Catalog.lookup (workflow thread)", "lookup"),
        ("_on_looked_up (GUI thread: show, banner, beeper, queue the result)", "act"),
        ("  of which CatalogPanel.show_product_for_scan", "show"),
    )
    lines = []
    for label, key in stages:
        spans = [
            (end - start) * 1000
            for start, end in zip(
                marks[f"{key}_start"][-100:], marks[f"{key}_end"][-100:], strict=True
            )
        ]
        lines.append(
            f"{label:<72} median {statistics.median(spans):6.2f} ms"
            f"  p95 {sorted(spans)[94]:6.2f} ms"
        )
    summary = {k: v for k, v in figures.items() if k.endswith(("median_ms", "p95_ms"))}
    (PROFILES_DIR / "scan-to-screen-stages.txt").write_text(
        "Stages of a scan (bench_scan, 100,000 products, the last 100 of 110 scans)\n"
        f"whole: {summary}\n"
        "the rest of scan_to_screen after scan_to_handled is the window's repaint\n\n"
        + "\n".join(lines)
        + "\n"
    )


def profile_paint(folder: Path) -> None:
    """How long a synchronous repaint of the main window and of each of its parts
    takes after a scan was shown (offscreen, software raster)."""
    import random
    import shutil

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.domain.barcode import read_barcode
    from app.gui.app import GuiSession, create_application
    from app.gui.catalog_panel import catalog_path
    from app.gui.settings import Settings, TokenStore
    from tests.benchmarks.bench_scan import _Refused

    ensure_qt_application()
    generated = _catalog(folder)
    refused = _Refused()
    shutil.copyfile(generated.path, catalog_path(refused.base_url, "uk", True))
    session = GuiSession(
        create_application(["komora-profile"], Settings()),
        token_store=TokenStore(),
        sandbox_starter=lambda _path: refused,
    )
    session.start()
    loop = QEventLoop()
    session.server_ready.connect(lambda _server: loop.quit())
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    panel, window = session.catalog_panel, session.window
    assert panel is not None
    QApplication.processEvents()  # the panel is shown by a queued call
    parts = {
        "whole window": window,
        "products table": panel.table,
        "product detail tabs": panel.detail,
        "group tree": panel.tree,
        "search box": panel.search,
        "status bar": window.statusBar(),
        "toolbar": window.tool_bar,
        "label queue dock": session.scanning.dock,
    }
    spans: dict[str, list[float]] = {name: [] for name in parts}
    rng = random.Random(3)
    for _ in range(40):
        result = panel.catalog.lookup(read_barcode(rng.choice(generated.barcodes)))
        assert result is not None
        panel.show_product_for_scan(result)
        for name, widget in parts.items():
            started = time.perf_counter()
            widget.repaint()
            spans[name].append((time.perf_counter() - started) * 1000)
    window.close()
    QApplication.processEvents()
    lines = [
        f"{name:<22} {w.width():>5} x {w.height():<4} median"
        f" {statistics.median(spans[name]):6.2f} ms  max {max(spans[name]):6.2f} ms"
        for name, w in parts.items()
    ]
    (PROFILES_DIR / "scan-to-screen-paint.txt").write_text(
        "QWidget.repaint() after each of 40 scans shown (100,000 products, offscreen)\n"
        + "\n".join(lines)
        + "\n"
    )


def profile_startup(folder: Path) -> None:
    from tests.benchmarks import bench_startup

    generated = _catalog(folder)
    env = bench_startup.prepare(folder / "run", generated.path)
    bench_startup.one_run(env, folder)  # files in the page cache, as in the benchmark
    child = str(bench_startup.BENCH_DIR / "startup_child.py")
    subprocess.run(
        [
            *(sys.executable, "-m", "pyinstrument", "-i", "0.0005", "-r", "text"),
            *("-o", str(PROFILES_DIR / "startup.txt"), child),
        ],
        env=env,
        cwd=folder,
        check=True,
        capture_output=True,
    )
    raw = folder / "startup-spy.txt"
    subprocess.run(
        [
            *(str(PY_SPY), "record", "-r", "500", "-t", "-f", "raw", "-o", str(raw)),
            *("--", sys.executable, child),
        ],
        env=env,
        cwd=folder,
        check=True,
        capture_output=True,
    )
    (PROFILES_DIR / "startup-threads.txt").write_text(
        "py-spy record --threads of startup_child.py (100,000 products); every thread,"
        " idle ones included; slower than a plain run\n"
        + _collapsed_summary(raw, 500, skip_idle=False)
    )


def profile_sync(folder: Path) -> None:
    from tests.benchmarks import bench_sync

    products = 1500
    bench_sync.fill_sandbox(folder / "sandbox.sqlite3", products)
    server = bench_sync.ServerProcess(folder / "sandbox.sqlite3")
    pid = server.process.pid

    def server_cpu() -> float:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    raw = folder / "sync-server-spy.txt"
    try:
        bench_sync.baseline_sync(server.base_url, folder / "warm.sqlite3", 20)
        spy = subprocess.Popen(
            [
                *(str(PY_SPY), "record", "-p", str(pid), "-r", "200"),
                *("-f", "raw", "-o", str(raw)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)  # py-spy attached
        client_started, server_started = time.process_time(), server_cpu()
        seconds, _ = bench_sync.komora_sync(server.base_url, folder / "k.sqlite3")
        client = time.process_time() - client_started
        served = server_cpu() - server_started
        spy.send_signal(2)
        spy.wait(30)
    finally:
        server.close()
    (PROFILES_DIR / "sync-server.txt").write_text(
        f"Komora sync of {products} products from the sandbox server (child process,"
        " loopback), 4 workers\n"
        f"wall {seconds:.1f} s; CPU: client {client:.1f} s, server {served:.1f} s"
        f" = {served / products * 1000:.1f} ms server and"
        f" {client / products * 1000:.1f} ms client CPU per product\n\n"
        "py-spy of the server process, idle threads left out\n"
        + _collapsed_summary(raw, 200, skip_idle=True)
    )


PROFILES = {
    "lookup": profile_lookup,
    "filter": profile_filter,
    "scan": profile_scan,
    "paint": profile_paint,
    "startup": profile_startup,
    "sync": profile_sync,
}


def main(argv: list[str]) -> int:
    names = argv or list(PROFILES)
    unknown = sorted(set(names) - set(PROFILES))
    if unknown:
        print(f"unknown: {', '.join(unknown)}; choose from {', '.join(PROFILES)}")
        return 2
    PROFILES_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="komora-profile-") as tmp:
        folder = Path(tmp)
        for name in ("DATA", "CONFIG", "LOG"):
            (folder / "app" / name.lower()).mkdir(parents=True)
            os.environ[f"KOMORA_{name}_DIR"] = str(folder / "app" / name.lower())
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        for name in names:
            print(f"profiling {name} ...", flush=True)
            work = folder / name
            work.mkdir()
            PROFILES[name](work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
