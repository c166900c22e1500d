"""The label queue dock: its model, adding and removing, output off the GUI thread."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from app.gui import label_queue_dock
from app.gui.label_preview import LabelPreviewDialog, render_preview
from app.gui.label_queue_dock import LabelQueueDock, LabelQueueModel, QueueColumn
from app.gui.tasks import TaskFailure, TaskRunner
from app.labels.content import LabelProduct
from app.labels.errors import LabelError
from app.labels.geometry import Dpi
from app.labels.printing import pdf_printer
from app.labels.queue import LabelQueue
from app.labels.templates import load_template
from tests.e2e.pdf_labels import read_labels

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
MM_PER_POINT = 25.4 / 72

WATER = LabelProduct(
    bar_code="4820017000024",
    name="Вода питна 1,5 л",
    unit="шт",
    price=Decimal("18.90"),
    product_code="1",
)
CHOCOLATE = LabelProduct(
    bar_code="5000159461122",
    name="Шоколад молочний 90 г",
    unit="шт",
    price=Decimal("54.00"),
    product_code="3",
)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(10_000)


@pytest.fixture
def dock(qtbot: QtBot, runner: TaskRunner) -> LabelQueueDock:
    dock = LabelQueueDock(runner, {"template": "thermal-58x40", "dpi": "203"})
    qtbot.addWidget(dock)
    QAbstractItemModelTester(dock.model, FATAL)
    return dock


def media_boxes_mm(pdf: bytes) -> list[tuple[float, float]]:
    out = []
    for match in re.finditer(rb"/MediaBox \[([-\d. ]+)\]", pdf):
        x0, y0, x1, y1 = (float(v) for v in match.group(1).split())
        out.append(((x1 - x0) * MM_PER_POINT, (y1 - y0) * MM_PER_POINT))
    return out


# --- the model ---------------------------------------------------------------------


def test_the_model_passes_the_model_tester_through_edits(qtbot: QtBot) -> None:
    model = LabelQueueModel(LabelQueue(Dpi(203, 203)))
    QAbstractItemModelTester(model, FATAL)

    model.add(WATER, 2, "thermal-58x40")
    model.add(CHOCOLATE, 1, "thermal-58x40")
    model.add(WATER, 3, "thermal-58x40")
    assert model.setData(model.index(1, QueueColumn.QUANTITY), 5)
    model.set_template([0], "a4-3x8-70x37")
    model.remove([0])
    model.clear()

    assert model.rowCount() == 0


def test_the_model_shows_product_code_quantity_and_template(qtbot: QtBot) -> None:
    model = LabelQueueModel(LabelQueue(Dpi(203, 203)))
    model.add(WATER, 2, "thermal-58x40")

    def cell(column: QueueColumn) -> object:
        return model.index(0, column).data()

    assert cell(QueueColumn.PRODUCT) == "Вода питна 1,5 л"
    assert cell(QueueColumn.CODE) == "4820017000024"
    assert cell(QueueColumn.QUANTITY) == 2
    assert cell(QueueColumn.TEMPLATE) == "thermal-58x40"
    assert model.flags(model.index(0, QueueColumn.QUANTITY)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    assert not model.flags(model.index(0, QueueColumn.PRODUCT)) & (
        Qt.ItemFlag.ItemIsEditable
    )


def test_quantity_edits_outside_1_to_10000_are_refused(qtbot: QtBot) -> None:
    model = LabelQueueModel(LabelQueue(Dpi(203, 203)))
    model.add(WATER, 2, "thermal-58x40")
    cell = model.index(0, QueueColumn.QUANTITY)

    assert not model.setData(cell, 0)
    assert not model.setData(cell, 10_001)
    assert not model.setData(cell, "many")
    assert model.setData(cell, "7")
    assert model.queue[0].quantity == 7


def test_a_label_that_cannot_be_made_adds_no_row(qtbot: QtBot) -> None:
    model = LabelQueueModel(LabelQueue(Dpi(203, 203)))
    wrong = LabelProduct(bar_code="4820017000025", name="Wrong digit", unit="шт")
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))

    with pytest.raises(LabelError):
        model.add(wrong, 1, "thermal-58x40")

    assert model.rowCount() == 0 and inserted == []


# --- the dock ----------------------------------------------------------------------


def test_add_remove_and_the_summary(qtbot: QtBot, dock: LabelQueueDock) -> None:
    dock.add_label(WATER)
    dock.add_label(WATER)
    dock.add_label(CHOCOLATE, 3)

    assert [(i.product.name, i.quantity) for i in dock.model.queue] == [
        ("Вода питна 1,5 л", 2),
        ("Шоколад молочний 90 г", 3),
    ]
    assert dock.summary.text() == "5 labels in 2 rows"

    dock.table.selectRow(0)
    dock.remove_button.click()

    assert [i.product.name for i in dock.model.queue] == ["Шоколад молочний 90 г"]
    assert dock.summary.text() == "3 labels in 1 rows"


def test_start_at_follows_the_template_s_labels_per_sheet(
    qtbot: QtBot, dock: LabelQueueDock
) -> None:
    assert not dock.start_spin.isEnabled()  # a roll has no partly used sheet

    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))

    assert dock.start_spin.isEnabled()
    assert dock.start_spin.maximum() == 24
    dock.add_label(WATER, 2)
    dock.start_spin.setValue(5)
    assert [job.start_at for job in dock.jobs()] == [5]


def test_export_to_pdf_runs_off_the_gui_thread_with_the_template_s_page_size(
    qtbot: QtBot,
    dock: LabelQueueDock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    real_write = label_queue_dock.write_job

    def spying_write(*args: object) -> list[Path]:
        threads.append(threading.current_thread())
        return real_write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(label_queue_dock, "write_job", spying_write)
    dock.add_label(WATER, 2)
    dock.add_label(CHOCOLATE, 1)
    target = tmp_path / "labels.pdf"

    with qtbot.waitSignal(dock.output_finished, timeout=20_000) as blocker:
        dock.export_to(target)
        assert not dock.export_button.isEnabled()  # while it runs

    assert blocker.args == [[target]]
    assert threads and threads[0] is not threading.main_thread()
    boxes = media_boxes_mm(target.read_bytes())
    assert len(boxes) == 3
    for width, height in boxes:
        assert width == pytest.approx(58, abs=0.05)
        assert height == pytest.approx(40, abs=0.05)
    assert dock.export_button.isEnabled()


def test_export_of_two_templates_writes_a_file_per_template(
    qtbot: QtBot, dock: LabelQueueDock, tmp_path: Path
) -> None:
    dock.add_label(WATER, 1)
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))
    dock.add_label(CHOCOLATE, 4)

    with qtbot.waitSignal(dock.output_finished, timeout=20_000) as blocker:
        dock.export_to(tmp_path / "labels.pdf")

    written = blocker.args[0]
    assert [p.name for p in written] == [
        "labels-thermal-58x40.pdf",
        "labels-a4-3x8-70x37.pdf",
    ]
    (a4,) = media_boxes_mm(written[1].read_bytes())
    assert a4 == pytest.approx((210, 297), abs=0.05)


def test_zpl_export_of_a_sheet_template_fails_with_a_message(
    qtbot: QtBot, dock: LabelQueueDock, tmp_path: Path
) -> None:
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))
    dock.add_label(WATER, 1)

    with qtbot.waitSignal(dock.output_failed, timeout=20_000) as blocker:
        dock.export_to(tmp_path / "labels.zpl")

    failure: TaskFailure = blocker.args[0]
    assert failure.message.startswith("The labels could not be written or sent.")
    assert "thermal template" in failure.message
    assert not (tmp_path / "labels.zpl").exists()


def test_print_to_a_named_printer_paints_on_a_worker_at_the_exact_size(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    made: list[str] = []

    def factory(name: str) -> QPrinter:
        made.append(name)
        return pdf_printer(str(target))

    dock = LabelQueueDock(
        runner,
        {"template": "thermal-40x30", "dpi": "203", "printer_name": "Zebra"},
        printer_factory=factory,
    )
    qtbot.addWidget(dock)
    dock.add_label(WATER, 2)

    with qtbot.waitSignal(dock.output_finished, timeout=20_000):
        dock.print_labels()

    assert made == ["Zebra"]
    boxes = media_boxes_mm(target.read_bytes())
    assert boxes == [pytest.approx((40, 30), abs=0.05)] * 2


def test_printing_two_templates_to_a_pdf_keeps_every_label(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    dock = LabelQueueDock(
        runner,
        {"template": "thermal-40x30", "dpi": "203", "printer_name": "PDF"},
        printer_factory=lambda _name: pdf_printer(str(target)),
    )
    qtbot.addWidget(dock)
    dock.add_label(WATER, 2)
    dock.template_combo.setCurrentIndex(dock.template_combo.findData("a4-3x8-70x37"))
    dock.add_label(CHOCOLATE, 4)

    with qtbot.waitSignal(dock.output_finished, timeout=20_000):
        dock.print_labels()

    # One file, the thermal labels first, then the sheet, each page at its size.
    boxes = media_boxes_mm(target.read_bytes())
    assert boxes == [
        pytest.approx((40, 30), abs=0.05),
        pytest.approx((40, 30), abs=0.05),
        pytest.approx((210, 297), abs=0.05),
    ]
    if shutil.which("pdfseparate") is None:
        pytest.skip("poppler-utils (pdfseparate, pdftotext) is not installed")
    subprocess.run(
        ["pdfseparate", str(target), str(tmp_path / "page-%d.pdf")], check=True
    )
    read = [
        read_labels(tmp_path / f"page-{number}.pdf", load_template(name), 203)
        for number, name in ((1, "thermal-40x30"), (2, "thermal-40x30"))
    ] + [read_labels(tmp_path / "page-3.pdf", load_template("a4-3x8-70x37"), 203)]
    water = (WATER.bar_code, None, WATER.price)
    chocolate = (CHOCOLATE.bar_code, None, CHOCOLATE.price)
    assert [[label.key for label in page] for page in read] == [
        [water],
        [water],
        [chocolate] * 4,
    ]
    assert len(dock.model.queue) == 2  # printing keeps the queue, as before


def test_the_preview_renders_pages_at_the_printer_s_dpi(qtbot: QtBot) -> None:
    queue = LabelQueue(Dpi(203, 203))
    queue.add(WATER, 30, "a4-3x8-70x37")

    preview = render_preview(queue.jobs(start_at=3))

    assert preview.total_pages == 2 and preview.label_count == 30
    first = preview.pages[0].image
    assert (first.width(), first.height()) == (1678, 2374)  # 210 × 297 mm at 203 dpi
    dialog = LabelPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert "page 1 of 2" in dialog.info.text()
    dialog.next_button.click()
    assert "page 2 of 2" in dialog.info.text()
    assert not dialog.next_button.isEnabled()


def test_the_preview_button_opens_the_dialog(
    qtbot: QtBot, dock: LabelQueueDock
) -> None:
    dock.add_label(WATER)

    dock.preview_button.click()

    qtbot.waitUntil(lambda: dock.preview_dialog is not None, timeout=20_000)
    assert dock.preview_dialog is not None
    assert dock.preview_dialog.preview.label_count == 1
    dock.preview_dialog.close()


def test_an_empty_queue_says_so_instead_of_printing(
    qtbot: QtBot, dock: LabelQueueDock
) -> None:
    with qtbot.waitSignal(dock.message) as blocker:
        dock.print_labels()
    assert blocker.args == ["The label queue is empty."]
    assert dock.model.rowCount(QModelIndex()) == 0


def test_send_to_a_zpl_printer_delivers_the_labels_over_tcp(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    received = bytearray()
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def accept_one() -> None:
        connection, _address = listener.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    printer = threading.Thread(target=accept_one, daemon=True)
    printer.start()
    dock = LabelQueueDock(
        runner, {"template": "thermal-58x30", "zpl_address": f"127.0.0.1:{port}"}
    )
    qtbot.addWidget(dock)
    dock.add_label(WATER, 3)

    try:
        with qtbot.waitSignal(dock.output_finished, timeout=20_000):
            dock.send_button.click()
        printer.join(10)
    finally:
        listener.close()

    text = received.decode("ascii")
    assert text.startswith("^XA") and text.rstrip().endswith("^XZ")
    assert "^PQ3" in text  # three copies of the one label
