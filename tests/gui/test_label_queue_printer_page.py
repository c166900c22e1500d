"""The Printer settings page and the printer settings as the label queue reads them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.gui.printer_page import (
    PrinterPage,
    label_error_message,
    printer_choice,
    split_address,
)
from app.gui.settings import Settings
from app.labels.geometry import Dpi


def test_load_and_store_keep_every_setting(qtbot: QtBot) -> None:
    page = PrinterPage(printer_names=["Office", "Zebra GK420d"])
    qtbot.addWidget(page)
    settings = Settings(
        printer={
            "template": "a4-4x10-48.5x25.4",
            "dpi": "300x600",
            "printer_name": "Zebra GK420d",
            "zpl_address": "10.0.0.9:6101",
            "other": 1,
        }
    )

    page.load(settings)
    stored = Settings(printer=dict(settings.printer))
    page.store(stored)

    assert stored.printer == settings.printer
    choice = printer_choice(stored.printer)
    assert choice.dpi == Dpi(300, 600)
    assert choice.zpl_host_port() == ("10.0.0.9", 6101)


def test_a_printer_not_present_now_is_kept(qtbot: QtBot) -> None:
    page = PrinterPage(printer_names=[])
    qtbot.addWidget(page)
    page.load(Settings(printer={"printer_name": "Away"}))

    stored = Settings()
    page.store(stored)

    assert stored.printer["printer_name"] == "Away"


def test_bad_values_are_refused_with_a_reason(qtbot: QtBot) -> None:
    page = PrinterPage(printer_names=[])
    qtbot.addWidget(page)
    page.load(Settings())

    page.dpi_combo.setEditText("fast")
    assert "dots per inch" in page.validate()
    page.dpi_combo.setEditText("203")
    page.zpl_edit.setText("zebra:99999")
    assert "host name or IP address" in page.validate()
    page.zpl_edit.setText("zebra")
    assert page.validate() == ""


def test_damaged_settings_fall_back_to_defaults() -> None:
    choice = printer_choice({"template": "no-such", "dpi": "lots"})
    assert choice.template == "thermal-58x40"
    assert choice.dpi == Dpi(203, 203)
    assert split_address("printer") == ("printer", 9100)


def test_label_errors_are_worded_by_type_with_the_detail() -> None:
    from app.labels.errors import BarcodeDoesNotFit, PrinterPageMismatch

    mismatch = PrinterPageMismatch("the printer X reports page 101.6 × 50.8 mm")
    assert label_error_message(mismatch) == (
        "The printer would not take the label's exact page size, so nothing was "
        "printed. Set its paper to the label size in the printer's settings. "
        "(the printer X reports page 101.6 × 50.8 mm)"
    )
    assert label_error_message(BarcodeDoesNotFit("needs 40 mm")).startswith(
        "The barcode does not fit this label."
    )
