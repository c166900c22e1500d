"""The label queue survives the app: saved on every change, shown again at the start,
its products re-read from the catalog, kept through a SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from app.domain.models import Price
from app.gui.label_queue_dock import LabelQueueDock, QueueColumn, dpi_of
from app.gui.main_window import MainWindow
from app.gui.product_detail import LabelRequest
from app.gui.scan_wiring import Scanning
from app.gui.settings import Settings, TokenStore
from app.gui.tasks import TaskRunner
from app.labels.catalog_source import label_product_from_catalog, reread_from_catalog
from app.labels.saved_queue import SavedQueue
from app.store.catalog import Catalog
from app.store.scan_journal import ScanJournal
from tests.gui import queue_child
from tests.gui.fakes import MemoryKeyring
from tests.gui.test_scan_workflow import DEMO_CODE, T0, add_product
from tests.gui.test_scan_workflow_wiring import FakePanel

ROOT = Path(__file__).resolve().parents[2]
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
WATER = "Вода питна 1,5 л"


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    add_product(store, 1, WATER, DEMO_CODE)
    yield store
    store.close()


def start_scanning(qtbot: QtBot, tmp_path: Path) -> Scanning:
    """Scanning as the app builds it: the queue file in the user data folder."""
    runner = TaskRunner()
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    scanning = Scanning(
        window,
        runner,
        Settings(printer={"template": "thermal-58x40", "dpi": "203"}),
        journal=ScanJournal(tmp_path / "scans.sqlite3"),
        install_wedge=False,
        beep=lambda: None,
    )
    QAbstractItemModelTester(scanning.dock.model, FATAL)
    return scanning


def stop_scanning(scanning: Scanning) -> None:
    scanning.shutdown()
    scanning.runner.wait_for_done(10_000)
    scanning.journal.close()


def queue_water(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> Scanning:
    """A first run: the catalog's "add to label queue" on the demo water."""
    scanning = start_scanning(qtbot, tmp_path)
    scanning.attach_catalog(FakePanel(catalog))
    scanning.catalog_panel.label_requested.emit(LabelRequest(1, DEMO_CODE, None))
    return scanning


def rows(dock: LabelQueueDock) -> list[tuple[str, str, int, str]]:
    model = dock.model
    return [
        tuple(  # type: ignore[misc]
            model.data(model.index(row, column)) for column in QueueColumn
        )
        for row in range(model.rowCount())
    ]


def test_the_queue_is_shown_again_after_a_restart(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    first = queue_water(qtbot, tmp_path, catalog)
    first.dock.model.set_quantity(0, 3)
    first.dock.template_combo.setCurrentIndex(
        first.dock.template_combo.findData("a4-3x8-70x37")
    )
    first.catalog_panel.label_requested.emit(LabelRequest(1, DEMO_CODE, None))
    before = rows(first.dock)
    stop_scanning(first)

    second = start_scanning(qtbot, tmp_path)

    assert before == [
        (WATER, DEMO_CODE, 3, "thermal-58x40"),
        (WATER, DEMO_CODE, 1, "a4-3x8-70x37"),
    ]
    assert rows(second.dock) == before
    assert second.dock.summary.text() == "4 labels in 2 rows"
    assert second.dock.remove_button.isEnabled()
    stop_scanning(second)


def test_the_template_dpi_and_start_at_label_are_kept_after_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first = start_scanning(qtbot, tmp_path)
    dock = first.dock
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))
    dock.start_spin.setValue(17)  # 16 labels of this sheet are used
    dock.template_combo.setCurrentIndex(
        dock.template_combo.findData("a4-4x10-48.5x25.4")
    )
    dock.start_spin.setValue(33)
    dock.dpi_combo.setCurrentText("300")
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))
    assert dock.start_spin.value() == 17  # each sheet has its own start
    stop_scanning(first)

    second = start_scanning(qtbot, tmp_path)
    dock = second.dock

    assert dock.template_name == "a4-3x8-70x37"
    assert dock.start_spin.value() == 17
    assert dock.dpi_combo.currentText() == "300"
    assert dock.model.queue.dpi == dpi_of("300")
    dock.template_combo.setCurrentIndex(
        dock.template_combo.findData("a4-4x10-48.5x25.4")
    )
    assert dock.start_spin.value() == 33
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("thermal-58x40"))
    assert dock.start_spin.value() == 1 and not dock.start_spin.isEnabled()
    stop_scanning(second)


def test_the_restored_products_are_re_read_from_the_catalog(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    stop_scanning(queue_water(qtbot, tmp_path, catalog))
    # A sync while the app was closed brought a new retail price.
    catalog.upsert_price(
        Price(
            id_goods=1,
            id_unit=1,
            id_series="-",
            id_price_level=1,
            price=Decimal("19.50"),
            min_price=Decimal("19.50"),
            max_price=Decimal("19.50"),
        )
    )

    second = start_scanning(qtbot, tmp_path)
    restored = second.dock.model.queue[0].product
    second.attach_catalog(FakePanel(catalog))
    reread = second.dock.model.queue[0].product

    assert restored.prices == {1: Decimal("18.90")}  # as it was saved
    assert reread.prices == {1: Decimal("19.50")}
    stop_scanning(second)
    third = start_scanning(qtbot, tmp_path)  # the re-read product was saved
    assert third.dock.model.queue[0].product.prices == {1: Decimal("19.50")}
    stop_scanning(third)


def test_a_product_gone_from_the_catalog_is_kept_marked_and_named(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    stop_scanning(queue_water(qtbot, tmp_path, catalog))
    catalog.mark_deleted([1])

    second = start_scanning(qtbot, tmp_path)
    with qtbot.waitSignal(second.dock.message) as said:
        second.attach_catalog(FakePanel(catalog))

    model = second.dock.model
    (item,) = model.queue
    assert item.catalog_gone and item.quantity == 1
    assert model.data(model.index(0, QueueColumn.PRODUCT)) == (
        f"{WATER} (no longer in the catalog)"
    )
    tip = model.data(model.index(0, QueueColumn.PRODUCT), Qt.ItemDataRole.ToolTipRole)
    assert "no longer in the local catalog" in tip
    assert said.args == [
        f"No longer in the local catalog, kept in the label queue as queued: {WATER}"
    ]
    assert second.window.statusBar().currentMessage() == said.args[0]
    stop_scanning(second)


def test_removing_and_clearing_are_saved_and_export_keeps_the_queue(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "queue.sqlite3"
    runner = TaskRunner()
    saved = SavedQueue(path)
    dock = LabelQueueDock(runner, {"template": "thermal-58x40"}, saved=saved)
    qtbot.addWidget(dock)
    dock.add_label(queue_child.WATER)
    dock.add_label(queue_child.PENCIL, 2)

    def on_disk() -> list[tuple[str, int]]:
        check = SavedQueue(path)
        try:
            return [(i.product.name, i.quantity) for i in check.load().items]
        finally:
            check.close()

    assert on_disk() == [(WATER, 1), ("Олівець", 2)]
    with qtbot.waitSignal(dock.output_finished, timeout=20_000):
        dock.export_to(tmp_path / "labels.pdf")
    assert on_disk() == [(WATER, 1), ("Олівець", 2)]  # exporting does not clear it
    dock.model.remove([0])
    assert on_disk() == [("Олівець", 2)]
    dock.clear_button.click()
    assert on_disk() == []
    runner.wait_for_done(10_000)
    saved.close()


def test_a_killed_process_keeps_what_it_queued(tmp_path: Path) -> None:
    path = tmp_path / "queue.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.queue_child", str(path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "queued\n", child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL

    saved = SavedQueue(path)
    loaded = saved.load()
    saved.close()

    assert [(i.product, i.quantity, i.template_name) for i in loaded.items] == [
        (queue_child.WATER, 2, "thermal-58x40"),
        (queue_child.PENCIL, 4, "thermal-58x40"),
    ]


def test_a_label_whose_barcode_left_the_product_is_gone_a_csv_row_stays(
    catalog: Catalog,
) -> None:
    details = catalog.details(1)
    water = label_product_from_catalog(WATER, 1, details.barcodes[0], details)
    assert reread_from_catalog(catalog, water) == water
    catalog.replace_details(
        1,
        replace(
            details,
            barcodes=[details.barcodes[0].model_copy(update={"bar_code": "0" * 13})],
        ),
        T0,
    )

    assert reread_from_catalog(catalog, water) is None
    assert reread_from_catalog(catalog, queue_child.PENCIL) is queue_child.PENCIL
