"""The benchmarks still run (tiny sizes, a few seconds): they are not part of the
suite (tests/benchmarks is not collected), so without this they would rot. Nothing
here asserts a time; it checks that each benchmark measures what it says it does and
that the report marks a missed target."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import bench_labels, bench_lookup, bench_table, run_all
from tests.benchmarks.catalog_gen import build_catalog
from tests.benchmarks.common import percentile


def test_percentile_is_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 0.95) == 95.0
    assert percentile(samples, 0.99) == 99.0
    assert percentile([3.0], 0.99) == 3.0
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 0.5)


def test_report_marks_each_figure_against_its_target() -> None:
    results = {figure.key: None for figure in run_all.FIGURES}
    results |= {"lookup_p99_ms": 0.1, "labels_per_s": 1500.0}
    lines = run_all._report(results, ["a note"])

    by_label = {line.split("  ")[0]: line for line in lines[1:]}
    assert by_label["scan lookup p99"].endswith("yes")
    assert by_label["labels to PDF"].endswith("NO")
    assert "failed" in by_label["scan to screen p95"]
    assert lines[-1] == "note: a note"


def test_lookup_bench_finds_stored_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_lookup, "LOOKUPS", 300)
    monkeypatch.setattr(bench_lookup, "WARM_UP", 10)

    figures = bench_lookup.run(products=300)

    assert figures["products"] == 300
    assert figures["lookups"] == 300
    # About 10 % of the scans are codes the catalog does not have.
    assert 200 < figures["lookups_found"] < 300
    assert figures["lookup_p99_ms"] > 0


def test_table_bench_filters_both_models(qapp: object, tmp_path: Path) -> None:
    generated = build_catalog(tmp_path / "catalog.sqlite3", products=400)

    figures = bench_table.run(400, generated.path)

    assert figures["filter_count"] == len(bench_table.TYPED) == 10
    assert figures["filter_baseline_count"] == 10
    assert figures["table_open_s"] > 0
    assert figures["filter_speedup"] > 0


def test_labels_bench_writes_both_pdfs(qapp: object) -> None:
    figures = bench_labels.run(labels=8, rounds=1)

    assert figures["labels"] == 8
    assert figures["labels_pdf_kb"] > 0
    assert figures["labels_baseline_pdf_kb"] > 0
    assert figures["labels_speedup"] == pytest.approx(
        figures["labels_per_s"] / figures["labels_baseline_per_s"], rel=0.01
    )


def test_label_products_all_differ() -> None:
    products = bench_labels.products(50)

    assert len({p.bar_code for p in products}) == 50
    assert len({p.name for p in products}) == 50
