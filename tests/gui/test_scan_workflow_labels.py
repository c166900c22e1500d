"""Labels mode and the label layer's messages: a case's GTIN-14, errors and preview
notes in the user's words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.models import Barcode, Price, Product, ProductUnit, Series
from app.gui.label_preview import note_text
from app.gui.label_queue_dock import LabelQueueDock
from app.gui.printer_page import label_error_message
from app.gui.scan_workflow import OutcomeKind, ScanMode, ScanWorkflow
from app.gui.tasks import TaskRunner
from app.labels.content import LabelProduct
from app.labels.errors import BarcodeDoesNotFit, UnprintableSymbology
from app.labels.geometry import Dpi, LabelNote, NoteKind, layout_label
from app.labels.symbols import encode_symbol
from app.labels.templates import load_template
from app.store.catalog import Catalog
from app.store.records import ProductDetails
from app.store.scan_journal import ScanJournal
from tests.gui.test_scan_workflow import T0, FakeLabels, keyboard_scan, outcome_of

PIECE = "4820017000024"
CASE = "14820017000021"  # the demo's 12-bottle case of the same water
NAME = "Моршинська 1,5 л"


def add_water(catalog: Catalog, id_goods: int, *, piece_code: bool = True) -> None:
    catalog.upsert_products(
        [
            Product(
                id_goods=id_goods, guid=f"p-{id_goods}", name_goods=NAME, time_change=T0
            )
        ]
    )
    barcodes = [Barcode(bar_code=CASE, id_unit=2, id_series="-", guid="case")]
    if piece_code:
        barcodes.append(Barcode(bar_code=PIECE, id_unit=1, id_series="-", guid="pc"))
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=1, name_unit="шт", type_unit=1, rate=Decimal(1), is_default=True
            ),
            ProductUnit(id_unit=2, name_unit="ящ", type_unit=1, rate=Decimal(12)),
        ],
        series=[Series(id_series="-", name_series="-")],
        prices=[
            Price(
                id_goods=id_goods,
                id_unit=1,
                id_series="-",
                id_price_level=1,
                price=Decimal("21.50"),
                min_price=Decimal("21.50"),
                max_price=Decimal("21.50"),
            )
        ],
        barcodes=barcodes,
    )
    catalog.replace_details(id_goods, details, T0)


def labels_workflow(
    tmp_path: Path, *, piece_code: bool = True
) -> tuple[ScanWorkflow, FakeLabels, Catalog, ScanJournal]:
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    add_water(catalog, 7, piece_code=piece_code)
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    flow = ScanWorkflow(journal)
    flow.set_catalog(catalog, None)
    labels = FakeLabels(journal)
    flow.labels = labels
    flow.set_mode(ScanMode.LABELS)
    return flow, labels, catalog, journal


def test_a_case_code_queues_the_label_of_the_piece_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    flow, labels, catalog, journal = labels_workflow(tmp_path)

    outcome = outcome_of(qtbot, flow, keyboard_scan(CASE))
    flow.wait_for_done()
    catalog.close()
    journal.close()

    assert outcome.kind is OutcomeKind.QUEUED
    assert [(p.bar_code, p.unit, dict(p.prices)) for p in labels.added] == [
        (PIECE, "шт", {1: Decimal("21.50")})
    ]
    assert outcome.message == (
        f"{NAME} — case code: the label is for the piece's barcode {PIECE}"
    )


def test_a_case_without_a_piece_code_is_refused_in_ukrainian(
    qtbot: QtBot, tmp_path: Path, ukrainian: None
) -> None:
    flow, _labels, catalog, journal = labels_workflow(tmp_path, piece_code=False)
    dock = LabelQueueDock(TaskRunner(), {"template": "thermal-58x40", "dpi": "203"})
    qtbot.addWidget(dock)
    flow.labels = dock

    outcome = outcome_of(qtbot, flow, keyboard_scan(CASE))
    flow.wait_for_done()
    catalog.close()
    journal.close()

    assert outcome.kind is OutcomeKind.FAILED and len(dock.model.queue) == 0
    assert outcome.message == (
        f"Немає етикетки для {NAME}: {CASE} — це код GTIN-14; на етикетках друкуються "
        "EAN-13, EAN-8, UPC-A, UPC-E і внутрішні коди (Code 128)."
    )


def test_label_errors_are_worded_from_their_type_and_values(ukrainian: None) -> None:
    with pytest.raises(UnprintableSymbology) as symbology:
        encode_symbol(CASE)
    with pytest.raises(Exception) as check_digit:
        encode_symbol("4820017000025")
    too_wide = BarcodeDoesNotFit(
        "english", needed_mm=31.4, available_mm=28.0, needed_label_mm=33.4
    )

    assert label_error_message(symbology.value).startswith(f"{CASE} — це код GTIN-14")
    worded = label_error_message(check_digit.value)
    assert worded.startswith("4820017000025 не можна надрукувати: ")
    assert "check digit" not in worded  # the domain's reason, translated too
    assert label_error_message(too_wide) == (
        "Штрихкоду потрібно 31.4 мм разом із вільним полем, а на етикетці є 28 мм. "
        "Візьміть етикетку шириною щонайменше 33.4 мм."
    )


def test_preview_notes_are_typed_and_worded_in_ukrainian(ukrainian: None) -> None:
    product = LabelProduct(bar_code=PIECE, name=NAME, unit="шт", price=None)
    layout = layout_label(
        load_template("thermal-40x30"), product, Dpi(203, 203), dt.date(2026, 1, 5)
    )

    notes = {note.kind: note for note in layout.label_notes}
    assert set(notes) >= {NoteKind.MISSING_PRICE, NoteKind.TRUNCATED}
    truncated = notes[NoteKind.TRUNCATED]
    assert truncated.value_mm == round(layout.barcode.bar_height_mm, 1)
    assert note_text(notes[NoteKind.MISSING_PRICE]) == (
        "Немає ціни на рівні цін шаблону: ціну залишено порожньою."
    )
    assert note_text(truncated).startswith(
        f"Штрихкод укорочено: штрихи заввишки {truncated.value_mm:.1f} мм"
    )
    reading = LabelNote(NoteKind.READING, "also readable as EAN-8 …")
    assert note_text(reading) == "Про цей штрихкод: also readable as EAN-8 …"
