"""Catalog table: open the products table over 100,000 products, filter as you type.

    .venv/bin/python -m tests.benchmarks.bench_table [--products N]

Komora: `app.gui.products_model.ProductsModel` over the local catalog in a
`QTableView` (offscreen Qt). Baseline, in the same run on the same catalog: every
product read into a `QStandardItemModel` (the same seven columns) behind a
`QSortFilterProxyModel` that filters every column as the text changes.

"Open" is from nothing to the table painted once (the model built, the view shown,
the first screen of rows drawn). A keystroke is from the new search text to the
table painted again with the new rows. The panel waits `SEARCH_DELAY_MS` after the
last key before it filters; that pause is not counted (both sides would have it).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ensure_qt_application, ms_summary

TYPED = "шоколад ро"  # ten keystrokes
TARGET_OPEN_S = 0.2
TARGET_KEYSTROKE_P95_MS = 16.0
TARGET_SPEEDUP = 10.0
CHUNK = 5000


def _show_and_paint(view: Any) -> None:
    """Show the view and draw it now (an offscreen paint is synchronous)."""
    from PySide6.QtWidgets import QApplication

    if not view.isVisible():
        view.resize(1000, 700)
        view.show()
        QApplication.processEvents()  # layout and the first expose, then paint again
    view.viewport().repaint()


def _type(view: Any, apply: Callable[[str], None]) -> list[float]:
    samples = []
    for length in range(1, len(TYPED) + 1):
        started = time.perf_counter()
        apply(TYPED[:length])
        view.viewport().repaint()
        samples.append(time.perf_counter() - started)
    return samples


def komora_table(catalog: Any) -> tuple[float, list[float], int]:
    from PySide6.QtWidgets import QTableView

    from app.gui.products_model import ProductsModel
    from app.store.search import ProductFilter

    started = time.perf_counter()
    model = ProductsModel(catalog)
    view = QTableView()
    view.setModel(model)
    _show_and_paint(view)
    open_s = time.perf_counter() - started

    def apply(text: str) -> None:
        model.set_filter(ProductFilter(text=text))

    samples = _type(view, apply)
    rows = model.rowCount()
    view.close()
    view.deleteLater()
    return open_s, samples, rows


def baseline_table(catalog: Any) -> tuple[float, list[float], int]:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from app.store.search import ProductFilter

    started = time.perf_counter()
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(
        ["Code", "Name", "Group", "Unit", "Retail price", "Barcode", "Active"]
    )
    ids = catalog.product_ids_page(ProductFilter(), 0, 10**9)
    for at in range(0, len(ids), CHUNK):
        for row in catalog.summaries(ids[at : at + CHUNK]):
            model.appendRow(
                [
                    QStandardItem(str(row.id_goods)),
                    QStandardItem(row.name_goods),
                    QStandardItem(row.group_name or ""),
                    QStandardItem(row.default_unit_name or ""),
                    QStandardItem("" if row.price is None else str(row.price)),
                    QStandardItem(row.default_unit_bar_code or row.bar_code or ""),
                    QStandardItem("yes" if row.active else "no"),
                ]
            )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    _show_and_paint(view)
    open_s = time.perf_counter() - started

    samples = _type(view, proxy.setFilterFixedString)
    rows = proxy.rowCount()
    view.close()
    view.deleteLater()
    return open_s, samples, rows


def run(products: int = 100_000, catalog_path: Path | None = None) -> dict[str, Any]:
    from app.store.catalog import Catalog
    from tests.benchmarks.catalog_gen import build_catalog

    ensure_qt_application()
    with tempfile.TemporaryDirectory() as tmp:
        if catalog_path is None:
            catalog_path = Path(tmp) / "catalog.sqlite3"
            build_catalog(catalog_path, products=products)
        catalog = Catalog(catalog_path)
        try:
            base_open, base_keys, base_rows = baseline_table(catalog)
            open_s, keys, rows = komora_table(catalog)
        finally:
            catalog.close()
    figures: dict[str, Any] = {
        "table_open_s": round(open_s, 4),
        "table_baseline_open_s": round(base_open, 4),
        "table_open_speedup": round(base_open / open_s, 1),
        **ms_summary(keys, "filter"),
        **ms_summary(base_keys, "filter_baseline"),
        "filter_keystrokes": TYPED,
        "filter_rows_after_typing": rows,
        "filter_baseline_rows_after_typing": base_rows,
    }
    figures["filter_speedup"] = round(
        figures["filter_baseline_p95_ms"] / figures["filter_p95_ms"], 1
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--catalog", type=Path, help="an existing catalog file")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.products, args.catalog), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
