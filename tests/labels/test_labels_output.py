"""Outputs: PDF pages of exactly the label size, PNG per page, ZPL to a file and to a
TCP port, QPrinter with an exact page and the L3 refusal, rendering off the GUI
thread."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
import subprocess
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from app.labels import zpl
from app.labels.content import LabelProduct
from app.labels.errors import OutputError, PrinterPageMismatch
from app.labels.geometry import Dpi, label_origin_dots, layout_label
from app.labels.output import print_job, write_job, zpl_labels
from app.labels.printing import pdf_printer
from app.labels.queue import PrintItem, PrintJob
from app.labels.render import render_label_image
from app.labels.templates import load_template, parse_template
from tests.labels.raster import decode, module_runs, row_ink, runs_of

TODAY = dt.date(2026, 12, 3)
PT_PER_MM = 72 / 25.4
MILK = LabelProduct(
    bar_code="4006381333931",
    ext_bar_code="12",
    name="Молоко пастеризоване 2,5 %",
    unit="шт",
    price=Decimal("38.40"),
    product_code="101",
)
BREAD = LabelProduct(
    bar_code="96385074", name="Хліб житній", unit="шт", price=Decimal("24.00")
)


def _job(
    template: str, dpi: Dpi, *items: tuple[LabelProduct, int], **kw: Any
) -> PrintJob:
    return PrintJob(
        template=load_template(template),
        items=tuple(PrintItem(p, n, template) for p, n in items),
        dpi=dpi,
        today=TODAY,
        **kw,
    )


def _page_boxes_mm(pdf: bytes) -> list[tuple[float, float]]:
    sizes = []
    for match in re.finditer(rb"/MediaBox \[([-\d. ]+)\]", pdf):
        x0, y0, x1, y1 = (float(v) for v in match.group(1).split())
        sizes.append(((x1 - x0) / PT_PER_MM, (y1 - y0) / PT_PER_MM))
    return sizes


def test_pdf_pages_are_exactly_the_label_size(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "labels.pdf"
    write_job(_job("thermal-58x40", Dpi(203, 203), (MILK, 2), (BREAD, 1)), path)

    boxes = _page_boxes_mm(path.read_bytes())
    assert len(boxes) == 3
    for width, height in boxes:
        assert width == pytest.approx(58, abs=0.001)
        assert height == pytest.approx(40, abs=0.001)


def test_pdf_sheet_pages_are_a4(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    write_job(_job("a4-4x10-48.5x25.4", Dpi(600, 600), (BREAD, 45)), path)

    boxes = _page_boxes_mm(path.read_bytes())
    assert len(boxes) == 2
    assert boxes[0] == (pytest.approx(210, abs=0.001), pytest.approx(297, abs=0.001))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_pdf_rasterised_at_the_printer_dpi_scans_back_with_whole_dots(
    qapp: object, tmp_path: Path
) -> None:
    dpi = Dpi(203, 203)
    path = tmp_path / "one.pdf"
    write_job(_job("thermal-58x40", dpi, (MILK, 1)), path)
    subprocess.run(
        ["pdftoppm", "-r", "203", "-gray", "-png", str(path), str(tmp_path / "r")],
        check=True,
        timeout=60,
    )
    image = QImage(str(tmp_path / "r-1.png"))
    assert (image.width(), image.height()) == (464, 320)

    found = decode(image, add_on=True)
    assert [f.text for f in found] == ["400638133393112"]
    placement = layout_label(load_template("thermal-58x40"), MILK, dpi, TODAY).barcode
    d, x0 = placement.module_dots, placement.x
    ink = row_ink(image, placement.bar_top + placement.bar_height - 1)
    main = placement.symbol.main
    assert runs_of(ink, x0, x0 + len(main) * d) == [
        (v, n * d) for v, n in module_runs(main)
    ]


def test_png_one_file_per_page_named_with_the_page_number(
    qapp: object, tmp_path: Path
) -> None:
    dpi = Dpi(300, 300)
    written = write_job(
        _job("a4-3x8-70x37", dpi, (BREAD, 20), start_at=10), tmp_path / "sheet.png"
    )

    assert [p.name for p in written] == ["sheet-001.png", "sheet-002.png"]
    first = QImage(str(written[0]))
    assert (first.width(), first.height()) == (dpi.x_dots(210), dpi.y_dots(297))
    assert round(first.dotsPerMeterX() * 0.0254) == 300
    # Labels 1-9 of the first sheet were used before: nothing printed there.
    template = load_template("a4-3x8-70x37")
    width, height = dpi.x_dots(70), dpi.y_dots(37)
    for slot in range(24):
        x, y = label_origin_dots(template, slot, dpi)
        found = decode(first.copy(x, y, width, height), add_on=False)
        assert [f.text for f in found] == ([] if slot < 9 else ["96385074"]), slot


def test_zpl_is_the_rendered_label_as_a_graphic_field(
    qapp: object, tmp_path: Path
) -> None:
    dpi = Dpi(203, 203)
    job = _job("thermal-43x25", dpi, (MILK, 3), (BREAD, 1))
    path = tmp_path / "labels.zpl"
    write_job(job, path)
    text = path.read_text("ascii")

    labels = re.findall(r"\^XA(.*?)\^XZ", text, re.S)
    assert len(labels) == 2
    assert "^PQ3" in labels[0] and "^PQ1" in labels[1]
    width, height = dpi.x_dots(43), dpi.y_dots(25)
    assert f"^PW{width}" in labels[0] and f"^LL{height}" in labels[0]
    field = re.search(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", labels[0])
    assert field is not None
    total, _, row_bytes, data = field.groups()
    assert int(row_bytes) == (width + 7) // 8
    assert int(total) == int(row_bytes) * height == len(data) // 2

    # The graphic field holds exactly the dots of the rendered label.
    expected = render_label_image(layout_label(job.template, MILK, dpi, TODAY))
    grey = expected.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = zpl.mono_rows(bytes(grey.constBits()), width, height, grey.bytesPerLine())
    assert bytes.fromhex(data) == bits


def test_zpl_refuses_sheet_templates(qapp: object) -> None:
    with pytest.raises(OutputError, match="thermal"):
        zpl_labels(_job("a4-3x8-70x37", Dpi(203, 203), (BREAD, 1)))


def test_zpl_is_sent_to_a_raw_tcp_port(qapp: object) -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    received = bytearray()

    def accept() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=accept)
    thread.start()
    labels = zpl_labels(_job("thermal-58x30", Dpi(203, 203), (BREAD, 2)))
    zpl.send_zpl(labels, "127.0.0.1", port, timeout=5)
    thread.join(timeout=10)
    server.close()

    assert received.decode("ascii") == "".join(labels)


def test_an_unreachable_printer_is_a_clear_error() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    server.close()  # nobody listens there now
    with pytest.raises(OutputError, match=f"127.0.0.1:{port}"):
        zpl.send_zpl(["^XA^XZ"], "127.0.0.1", port, timeout=2)


def test_qprinter_pdf_has_exactly_the_label_page(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "printed.pdf"
    printer = pdf_printer(str(path))

    print_job(_job("thermal-58x40", Dpi(203, 203), (MILK, 2)), printer)

    full = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    assert (full.width(), full.height()) == (pytest.approx(58), pytest.approx(40))
    assert printer.resolution() == 203
    assert printer.fullPage()
    boxes = _page_boxes_mm(path.read_bytes())
    assert len(boxes) == 2
    assert boxes[0] == (pytest.approx(58, abs=0.001), pytest.approx(40, abs=0.001))


class DriverWithDefaultForm(QPrinter):
    """A driver that keeps its 4 × 2 in default form whatever it is asked for."""

    def __init__(self, path: str, resolution: int = 203) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(path)
        self._form = QPageLayout(
            QPageSize(QSizeF(4, 2), QPageSize.Unit.Inch, "4x2"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
        self._resolution = resolution

    def pageLayout(self) -> QPageLayout:
        return self._form

    def resolution(self) -> int:
        return self._resolution


def _a6_template() -> Any:
    data: dict[str, Any] = {
        "name": "a6-label",
        "label": {"width_mm": 105, "height_mm": 148.5, "thermal": True},
        "barcode": {"x_mm": 5, "y_mm": 100, "width_mm": 95, "height_mm": 30},
        "fields": {
            "name": {
                "x_mm": 5,
                "y_mm": 5,
                "width_mm": 95,
                "height_mm": 20,
                "font_mm": 6,
                "max_lines": 2,
            }
        },
    }
    return parse_template(data, "a6-label.toml")


def test_l3_driver_default_form_stops_the_print(qapp: object, tmp_path: Path) -> None:
    template = _a6_template()
    job = PrintJob(
        template, (PrintItem(BREAD, 1, "a6-label"),), Dpi(203, 203), today=TODAY
    )
    path = tmp_path / "never.pdf"

    with pytest.raises(PrinterPageMismatch) as caught:
        print_job(job, DriverWithDefaultForm(str(path)))

    message = str(caught.value)
    assert "101.6 × 50.8 mm" in message
    assert "105 × 148.5 mm" in message
    assert "nothing was printed" in message
    assert not path.exists()


def test_l3_driver_with_another_resolution_stops_the_print(
    qapp: object, tmp_path: Path
) -> None:
    class OtherResolution(QPrinter):
        def resolution(self) -> int:
            return 300

    printer = OtherResolution(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))

    with pytest.raises(PrinterPageMismatch, match="300 dpi"):
        print_job(_job("thermal-58x40", Dpi(203, 203), (BREAD, 1)), printer)
    assert not (tmp_path / "never.pdf").exists()


def test_rendering_runs_off_the_gui_thread(qapp: object, tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            write_job(
                _job("thermal-58x40", Dpi(203, 203), (MILK, 5)), tmp_path / "w.pdf"
            )
            write_job(
                _job("thermal-58x40", Dpi(203, 203), (MILK, 1)), tmp_path / "w.png"
            )
        except BaseException as error:  # reported to the test thread
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)

    assert not thread.is_alive() and errors == []
    assert len(_page_boxes_mm((tmp_path / "w.pdf").read_bytes())) == 5
    assert (tmp_path / "w-001.png").is_file()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_pdf_for_a_300x600_printer_keeps_whole_dots_in_x_and_y(
    qapp: object, tmp_path: Path
) -> None:
    dpi = Dpi(300, 600)
    path = tmp_path / "tall.pdf"
    write_job(_job("thermal-58x30", dpi, (MILK, 1)), path)
    subprocess.run(
        [
            "pdftoppm",
            "-rx",
            "300",
            "-ry",
            "600",
            "-gray",
            "-png",
            str(path),
            str(tmp_path / "r"),
        ],
        check=True,
        timeout=60,
    )
    image = QImage(str(tmp_path / "r-1.png"))
    # pdftoppm rounds the page up to whole pixels: 58 mm at 300 dpi is 685.04.
    assert (image.width(), image.height()) == (686, dpi.y_dots(30))

    assert [f.text for f in decode(image, add_on=True)] == ["400638133393112"]
    placement = layout_label(load_template("thermal-58x30"), MILK, dpi, TODAY).barcode
    d, x0 = placement.module_dots, placement.x
    main = placement.symbol.main
    for y in (placement.bar_top + 1, placement.bar_top + placement.bar_height - 2):
        ink = row_ink(image, y)
        assert runs_of(ink, x0, x0 + len(main) * d) == [
            (v, n * d) for v, n in module_runs(main)
        ]


def test_l2_ean13_first_digit_is_printed_in_the_quiet_zone_unclipped(
    qapp: object,
) -> None:
    dpi = Dpi(203, 203)
    layout = layout_label(load_template("thermal-40x30"), BREAD_EAN13, dpi, TODAY)
    image = render_label_image(layout)
    first = next(t for t in layout.texts if t.text == "4")
    rows = range(first.rect.y, first.rect.y + first.rect.height)
    ink_columns = {
        x
        for y in rows
        for x, ink in enumerate(row_ink(image, y))
        if ink and x < layout.barcode.x
    }
    assert ink_columns, "the leading digit was not drawn"
    assert min(ink_columns) > 0  # not cut by the label edge
    assert max(ink_columns) < layout.barcode.x  # left of the start guard


BREAD_EAN13 = LabelProduct(
    bar_code="4006381333931", name="Хліб", unit="шт", price=Decimal("24")
)


def test_preview_shows_the_label_and_what_to_tell_the_user(qapp: object) -> None:
    from app.labels.output import preview_label

    preview = preview_label("thermal-43x25", MILK, Dpi(203, 203), TODAY)
    assert (preview.image.width(), preview.image.height()) == (344, 200)  # 43 × 25 mm
    assert any("truncated" in note for note in preview.notes)
    assert preview.module_mm == pytest.approx(2 * 25.4 / 203)
    assert [f.text for f in decode(preview.image, add_on=True)] == ["400638133393112"]


@pytest.mark.parametrize("dpi", [Dpi(203, 203), Dpi(300, 600)], ids=str)
def test_labels_are_pure_black_and_white_no_anti_aliasing(
    qapp: object, dpi: Dpi
) -> None:
    layout = layout_label(load_template("thermal-58x40"), MILK, dpi, TODAY)
    grey = render_label_image(layout).convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    values = set()
    for y in range(grey.height()):  # rows are padded to 4 bytes: skip the padding
        values |= set(data[y * stride : y * stride + grey.width()])
    assert values <= {0, 255}
    assert values == {0, 255}


def _ink_width(image: QImage, rect: Any) -> int:
    columns = [
        x
        for y in range(rect.y, rect.y + rect.height)
        for x, ink in enumerate(row_ink(image, y)[rect.x : rect.x + rect.width])
        if ink
    ]
    return max(columns) - min(columns) + 1


def test_text_keeps_its_shape_on_a_300x600_printer(qapp: object) -> None:
    template = load_template("thermal-58x40")
    square = layout_label(template, BREAD, Dpi(600, 600), TODAY)
    tall = layout_label(template, BREAD, Dpi(300, 600), TODAY)
    price = next(t for t in square.texts if t.text.endswith("грн"))
    price_tall = next(t for t in tall.texts if t.text.endswith("грн"))

    wide = _ink_width(render_label_image(square), price.rect)
    narrow = _ink_width(render_label_image(tall), price_tall.rect)

    # Same millimetres on paper: half as many x dots at 300 dpi as at 600.
    assert narrow / wide == pytest.approx(0.5, abs=0.05)
