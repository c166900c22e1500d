"""`python -m app labels` on a CSV and on catalog codes; the label queue; labels built
from the local catalog (prices by level, price per kg for packs)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.__main__ import main
from app.domain.models import Barcode, Price, Product, ProductUnit, Series
from app.labels.catalog_source import (
    catalog_lookup,
    label_product_from_catalog,
    parse_code_request,
    requests_from_csv,
)
from app.labels.content import LabelProduct
from app.labels.errors import BarcodeDoesNotFit, LabelError, UnprintableBarcode
from app.labels.geometry import Dpi
from app.labels.queue import LabelQueue, PrintItem, build_pages
from app.store.catalog import Catalog
from app.store.records import ProductDetails

TODAY = dt.date(2026, 12, 3)
CSV = (
    "bar_code,ext_bar_code,name,price,unit,quantity\n"
    '4006381333931,12,Молоко 2.5%,"38,40",шт,2\n'
    "96385074,,Хліб житній,24,шт,\n"
    '100234,,Яблука Голден,"52,90",кг,3\n'
)


def _csv(tmp_path: Path, text: str = CSV) -> Path:
    path = tmp_path / "delivery.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_csv_to_pdf(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels.pdf"
    status = main(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--out",
            str(out),
            "--csv",
            str(_csv(tmp_path)),
        ]
    )
    assert status == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert len(re.findall(rb"/MediaBox", out.read_bytes())) == 6  # 2 + 1 + 3 labels


def test_cli_csv_to_png_pages_on_a_sheet(qapp: object, tmp_path: Path) -> None:
    status = main(
        [
            "labels",
            "--template",
            "a4-3x8-70x37",
            "--dpi",
            "300",
            "--out",
            str(tmp_path / "sheet.png"),
            "--csv",
            str(_csv(tmp_path)),
            "--start-at",
            "20",
        ]
    )
    assert status == 0
    assert sorted(p.name for p in tmp_path.glob("sheet-*.png")) == [
        "sheet-001.png",
        "sheet-002.png",
    ]


def test_cli_csv_to_zpl(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "labels.zpl"
    status = main(
        [
            "labels",
            "--template",
            "thermal-40x30",
            "--dpi",
            "203",
            "--out",
            str(out),
            "--csv",
            str(_csv(tmp_path)),
        ]
    )
    assert status == 0
    text = out.read_text("ascii")
    assert re.findall(r"\^PQ(\d+)", text) == ["2", "1", "3"]


def test_cli_refuses_a_wrong_check_digit(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _csv(
        tmp_path,
        "bar_code,ext_bar_code,name,price,unit,quantity\n"
        "1234567891012,,Помилка,10,шт,1\n",
    )
    out = tmp_path / "bad.pdf"
    status = main(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--out",
            str(out),
            "--csv",
            str(bad),
        ]
    )
    assert status == 1
    assert "9" in capsys.readouterr().err
    assert not out.exists()


def test_cli_reports_bad_csv_lines(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _csv(
        tmp_path,
        "bar_code,ext_bar_code,name,price,unit,quantity\n96385074,,Хліб,24,шт,1.5\n",
    )
    status = main(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--out",
            str(tmp_path / "x.pdf"),
            "--csv",
            str(bad),
        ]
    )
    assert status == 1
    assert "line 2" in capsys.readouterr().err


def test_cli_needs_codes_or_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = main(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert status == 2
    assert "--csv" in capsys.readouterr().err


def test_cli_as_a_separate_process(tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "labels",
            "--template",
            "thermal-58x30",
            "--dpi",
            "300x600",
            "--out",
            str(out),
            "--csv",
            str(_csv(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert out.is_file()


def _filled_catalog(path: Path) -> Catalog:
    catalog = Catalog(path)
    item = Product(id_goods=7, guid="g-7", name_goods="Цукор білий 1 кг / 0,5 кг")
    catalog.upsert_products([item])
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=1, name_unit="кг", type_unit=3, rate=1, is_default=True
            ),
            ProductUnit(id_unit=2, name_unit="уп", type_unit=3, rate=Decimal("0.5")),
        ],
        series=[Series(id_series="-", name_series="-")],
        prices=[
            Price(
                id_goods=7,
                id_unit=1,
                id_series="-",
                id_price_level=1,
                price=Decimal("42.00"),
            ),
            Price(
                id_goods=7,
                id_unit=2,
                id_series="-",
                id_price_level=1,
                price=Decimal("22.90"),
            ),
            Price(
                id_goods=7,
                id_unit=2,
                id_series="-",
                id_price_level=2,
                price=Decimal("21.50"),
            ),
        ],
        barcodes=[
            Barcode(bar_code="4820000000017", id_unit=1, id_series="-"),
            Barcode(bar_code="4820000000024", id_unit=2, id_series="-"),
        ],
    )
    catalog.replace_details(7, details, item.time_change)
    return catalog


def test_catalog_lookup_gives_unit_prices_and_price_per_kg(tmp_path: Path) -> None:
    catalog = _filled_catalog(tmp_path / "catalog.sqlite3")
    try:
        lookup = catalog_lookup(catalog)
        pack = lookup("4820000000024")
        loose = lookup("4820000000017")
        missing = lookup("4006381333931")
    finally:
        catalog.close()

    assert pack is not None and loose is not None and missing is None
    assert pack.unit == "уп"
    assert dict(pack.prices) == {1: Decimal("22.90"), 2: Decimal("21.50")}
    assert pack.pack is not None and pack.pack.amount == Decimal("0.5")
    assert pack.pack.base_unit == "кг"
    assert pack.product_code == "7"
    assert loose.unit == "кг" and loose.pack is None


def test_cli_codes_from_an_injected_lookup(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.__main__ import build_parser
    from app.labels import cli

    catalog = _filled_catalog(tmp_path / "catalog.sqlite3")
    out = tmp_path / "codes.pdf"
    args = build_parser("labels").parse_args(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--out",
            str(out),
            "4820000000024x2",
            "4820000000017",
        ]
    )
    try:
        assert cli.run(args, lookup=catalog_lookup(catalog)) == 0
        args.codes = ["4006381333931"]
        assert cli.run(args, lookup=catalog_lookup(catalog)) == 1
    finally:
        catalog.close()
    assert len(re.findall(rb"/MediaBox", out.read_bytes())) == 3
    assert "not in the local catalog" in capsys.readouterr().err


def test_label_product_prefers_the_barcodes_own_series() -> None:
    details = ProductDetails(
        units=[
            ProductUnit(id_unit=1, name_unit="шт", type_unit=1, rate=1, is_default=True)
        ],
        prices=[
            Price(
                id_goods=1,
                id_unit=1,
                id_series="-",
                id_price_level=1,
                price=Decimal("10"),
            ),
            Price(
                id_goods=1,
                id_unit=1,
                id_series="S2",
                id_price_level=1,
                price=Decimal("12"),
            ),
        ],
    )
    barcode = Barcode(bar_code="96385074", id_unit=1, id_series="S2")
    product = label_product_from_catalog("Ручка", 1, barcode, details)
    assert product.prices[1] == Decimal("12")


def test_code_requests() -> None:
    assert parse_code_request("4006381333931x3") == ("4006381333931", 3)
    assert parse_code_request("96385074") == ("96385074", 1)
    with pytest.raises(LabelError, match="CODExQUANTITY"):
        parse_code_request("96385074x0")


def test_csv_rows(tmp_path: Path) -> None:
    rows = requests_from_csv(_csv(tmp_path))
    assert [r.quantity for r in rows] == [2, 1, 3]
    assert rows[0].product.price == Decimal("38.40")
    assert rows[0].product.ext_bar_code == "12"
    assert rows[1].product.ext_bar_code is None


# --- the queue ------------------------------------------------------------------


def _item(code: str, name: str = "Товар") -> LabelProduct:
    return LabelProduct(bar_code=code, name=name, unit="шт", price=Decimal("5"))


def test_queue_adds_merges_and_splits_into_jobs() -> None:
    queue = LabelQueue(Dpi(203, 203), today=TODAY)
    assert queue.add(_item("96385074"), 2, "thermal-58x40") == 0
    assert queue.add(_item("4006381333931"), 1, "a4-3x8-70x37") == 1
    assert queue.add(_item("96385074"), 3, "thermal-58x40") == 0
    assert [i.quantity for i in queue] == [5, 1]
    assert queue.label_count == 6

    jobs = queue.jobs(start_at=4)
    assert [j.template.name for j in jobs] == ["thermal-58x40", "a4-3x8-70x37"]
    # "Start at label N" is for the sheet in the printer, not the roll.
    assert [j.start_at for j in jobs] == [1, 4]
    assert len(build_pages(jobs[0])) == 5

    queue.set_quantity(1, 30)
    queue.remove([0])
    assert [i.template_name for i in queue] == ["a4-3x8-70x37"]
    pages = build_pages(queue.jobs(start_at=4)[0])
    assert [len(p.labels) for p in pages] == [21, 9]


def test_queue_refuses_what_cannot_be_printed() -> None:
    queue = LabelQueue(Dpi(203, 203), today=TODAY)
    with pytest.raises(UnprintableBarcode):
        queue.add(_item("1234567891012"), 1, "thermal-58x40")
    product = LabelProduct(
        bar_code="036000291452", ext_bar_code="12345", name="x", unit="шт"
    )
    with pytest.raises(BarcodeDoesNotFit, match="needs a label at least"):
        queue.add(product, 1, "thermal-40x30")
    assert len(queue) == 0
    with pytest.raises(LabelError, match="1 to"):
        PrintItem(_item("96385074"), 0, "thermal-58x40")


def test_cli_sends_zpl_to_a_network_printer(qapp: object, tmp_path: Path) -> None:
    import socket
    import threading

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
    status = main(
        [
            "labels",
            "--template",
            "thermal-58x40",
            "--dpi",
            "203",
            "--send",
            f"127.0.0.1:{port}",
            "--csv",
            str(_csv(tmp_path)),
        ]
    )
    thread.join(timeout=30)
    server.close()

    assert status == 0
    assert re.findall(rb"\^PQ(\d+)", bytes(received)) == [b"2", b"1", b"3"]
