"""Scanning in the main window: toolbar modes, status bar, banner, settings pages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from app.api.client import CatalogClient
from app.api.creation import CreationJournal
from app.gui.main_window import MainWindow
from app.gui.printer_page import PrinterPage
from app.gui.product_detail import LabelRequest
from app.gui.scan_wiring import Scanning
from app.gui.scan_workflow import ScanMode
from app.gui.scanner_page import ScannerPage
from app.gui.settings import Settings, TokenStore
from app.gui.settings_dialog import PAGE_PRINTER, PAGE_SCANNER
from app.gui.tasks import TaskRunner
from app.gui.wizard.form_state import WizardForm
from app.hardware.errors import ScannerPermissionDenied, ScannerPortNotFound
from app.hardware.scan import Scan, ScanSource
from app.hardware.serial_reader import SerialState, SerialStatus
from app.store.catalog import Catalog
from app.store.scan_journal import ScanJournal
from tests.gui.fakes import MemoryKeyring
from tests.gui.test_scan_workflow import DEMO_CODE, add_product


@pytest.fixture
def parts(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Scanning]]:
    runner = TaskRunner()
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    beeps: list[int] = []
    scanning = Scanning(
        window,
        runner,
        Settings(),
        journal=journal,
        install_wedge=False,
        beep=lambda: beeps.append(1),
    )
    scanning.beeps = beeps  # type: ignore[attr-defined]
    yield window, scanning
    scanning.shutdown()
    runner.wait_for_done(10_000)
    journal.close()


def test_the_toolbar_switches_modes_and_the_dock_is_in_the_view_menu(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, scanning = parts
    names = [a.objectName() for a in window.tool_bar.actions() if a.objectName()]
    assert names[-3:] == ["scanMode_find", "scanMode_labels", "scanMode_check"]

    scanning.mode_group.actions()[1].trigger()

    assert scanning.workflow.mode is ScanMode.LABELS
    assert scanning.dock.toggleViewAction() in window.view_menu.actions()


def test_an_invalid_scan_updates_the_status_bar_banner_and_beeps(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, scanning = parts

    with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=5000):
        scanning.wedge.scan_received.emit(
            Scan("4006381333932", ScanSource.KEYBOARD, 0, 80)
        )

    assert window.scan_status.text() == "Last scan: 4006381333932"
    assert scanning.banner.tone == "bad"
    assert "should end in 1" in scanning.banner.text()
    qtbot.waitUntil(lambda: len(scanning.beeps) == 3)  # type: ignore[attr-defined]


def test_the_serial_state_shows_in_the_status_bar_with_the_fix(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, scanning = parts
    scanning.config = type(scanning.config)(
        scanning.config.wedge,
        type(scanning.config.serial)(port="/dev/ttyACM0"),
        True,
    )

    scanning.serial.status_changed.emit(
        SerialStatus(
            SerialState.FAILED,
            "/dev/ttyACM0",
            "denied",
            ScannerPermissionDenied("denied", port="/dev/ttyACM0"),
        )
    )

    assert window.scanner_status.text() == (
        "Scanner: keyboard, /dev/ttyACM0: not working"
    )
    assert "dialout" in window.statusBar().currentMessage()


def test_the_missing_port_message_is_replaced_when_the_scanner_is_back(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, scanning = parts
    missing = ScannerPortNotFound("missing", port="/dev/ttyACM0")
    scanning.serial.status_changed.emit(
        SerialStatus(SerialState.DISCONNECTED, "/dev/ttyACM0", "missing", missing)
    )
    gone = window.statusBar().currentMessage()
    assert "/dev/ttyACM0" in gone

    scanning.serial.status_changed.emit(
        SerialStatus(SerialState.CONNECTED, "/dev/ttyACM0")
    )

    assert window.statusBar().currentMessage() == (
        "The serial scanner is back on /dev/ttyACM0."
    )


def test_the_settings_dialog_gets_the_scanner_and_printer_pages(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, _scanning = parts

    dialog = window.open_settings(PAGE_SCANNER)

    assert isinstance(dialog.page(PAGE_SCANNER), ScannerPage)
    assert isinstance(dialog.page(PAGE_PRINTER), PrinterPage)
    dialog.reject()


def test_printer_settings_reach_the_dock(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning]
) -> None:
    window, scanning = parts
    settings = Settings(
        printer={"template": "a4-3x8-70x37", "dpi": "300", "zpl_address": "zebra"}
    )

    window.settings_changed.emit(settings)

    assert scanning.dock.template_name == "a4-3x8-70x37"
    assert scanning.dock.dpi_combo.currentText() == "300"
    assert scanning.dock.model.queue.dpi.x == 300
    assert scanning.dock.send_button.isEnabled()


class FakeController(QObject):
    sync_finished = Signal(object)
    sync_failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.syncs = 0

    def sync(self) -> bool:
        self.syncs += 1
        return True


class FakePanel(QObject):
    """The catalog panel as `Scanning.attach_catalog` uses it."""

    label_requested = Signal(object)
    new_product_requested = Signal(str)

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.controller = FakeController()

    def show_product_for_scan(self, result: object) -> bool:
        return True


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    add_product(store, 1, "Вода питна 1,5 л", DEMO_CODE)
    yield store
    store.close()


def test_the_catalog_s_add_to_label_queue_fills_the_dock(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning], catalog: Catalog
) -> None:
    _window, scanning = parts
    panel = FakePanel(catalog)
    scanning.attach_catalog(panel)

    panel.label_requested.emit(LabelRequest(1, DEMO_CODE, None))

    queue = scanning.dock.model.queue
    assert [(i.product.bar_code, i.quantity) for i in queue] == [(DEMO_CODE, 1)]


def test_the_wizard_s_labels_for_a_new_product_wait_for_the_sync(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning], catalog: Catalog
) -> None:
    _window, scanning = parts
    panel = FakePanel(catalog)
    scanning.attach_catalog(panel)

    scanning._on_wizard_print_labels_requested(2, 3)  # created, not synced yet
    assert len(scanning.dock.model.queue) == 0
    assert panel.controller.syncs == 1

    add_product(catalog, 2, "Сік яблучний 1 л", "4006381333931")
    panel.controller.sync_finished.emit(object())

    queue = scanning.dock.model.queue
    assert [(i.product.name, i.quantity) for i in queue] == [("Сік яблучний 1 л", 3)]


def test_a_sync_that_missed_the_new_product_is_followed_by_one_more(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning], catalog: Catalog
) -> None:
    _window, scanning = parts
    panel = FakePanel(catalog)
    scanning.attach_catalog(panel)

    scanning._on_wizard_print_labels_requested(2, 1)
    panel.controller.sync_finished.emit(object())  # the product was not in it
    assert panel.controller.syncs == 2 and len(scanning.dock.model.queue) == 0

    add_product(catalog, 2, "Сік яблучний 1 л", "4006381333931")
    panel.controller.sync_finished.emit(object())

    assert [i.product.name for i in scanning.dock.model.queue] == ["Сік яблучний 1 л"]


def test_a_serial_scanner_from_the_settings_scans_through_a_pty(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog
) -> None:
    master, slave = os.openpty()
    device = os.ttyname(slave)
    os.close(slave)  # pyserial opens the path itself
    runner = TaskRunner()
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    settings = Settings(scanner={"serial": {"port": device, "terminator": "cr"}})
    scanning = Scanning(
        window, runner, Settings(), journal=journal, install_wedge=False
    )
    panel = FakePanel(catalog)
    scanning.attach_catalog(panel)
    try:
        with qtbot.waitSignal(
            scanning.serial.status_changed,
            check_params_cb=lambda s: s.state is SerialState.CONNECTED,
            timeout=5000,
        ):
            window.settings_changed.emit(settings)  # as the Settings dialog does
        assert window.scanner_status.text() == f"Scanner: keyboard, {device}: ready"

        with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=5000) as blocker:
            os.write(master, DEMO_CODE.encode()[:6])
            os.write(master, DEMO_CODE.encode()[6:] + b"\r")
    finally:
        scanning.shutdown()
        os.close(master)
        runner.wait_for_done(10_000)
        journal.close()

    assert blocker.args[0].kind.value == "found"
    assert blocker.args[0].id_goods == 1
    assert journal_source(tmp_path) == f"serial:{device}"


def journal_source(tmp_path: Path) -> str:
    reopened = ScanJournal(tmp_path / "scans.sqlite3")
    try:
        return reopened.recent(1)[0].source
    finally:
        reopened.close()


def test_closing_the_window_keeps_what_an_open_wizard_holds(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning], catalog: Catalog
) -> None:
    _window, scanning = parts
    panel = FakePanel(catalog)
    # No server: the wizard's dictionaries fail to load, typing still works.
    panel.controller.client = CatalogClient(  # type: ignore[attr-defined]
        requests.Session(), "http://127.0.0.1:9", sleep=lambda _s: None
    )
    panel.select_product = lambda _id_goods: None  # type: ignore[attr-defined]
    scanning.attach_catalog(panel)
    wizard = scanning.open_wizard("")
    wizard.identify_page.name_edit.setText("Квас хлібний")

    scanning.shutdown()  # the window's `closing`, before the runner is waited for
    scanning.runner.wait_for_done(10_000)

    forms = CreationJournal().forms()
    assert [WizardForm.model_validate_json(form.form_json).name for form in forms] == [
        "Квас хлібний"
    ]
