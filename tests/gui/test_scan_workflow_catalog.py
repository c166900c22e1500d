"""End to end in the window: real key events through the installed wedge filter, the
scan workflow, the real catalog panel over a catalog synced from the demo sandbox.

Also scans while another window than the main one is active (the wizard, the Add
barcode dialog, a file dialog, a message box): the scan is typed into the window's
focused field, read from the keys the scanner pressed (digits with AZERTY active),
replacing the code a barcode field holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.api.client import CatalogClient
from app.gui.catalog_panel import CatalogPanel
from app.gui.detail_editors import BarcodeDialog
from app.gui.main_window import MainWindow
from app.gui.scan_wiring import Scanning
from app.gui.scan_workflow import OutcomeKind, ScanMode
from app.gui.services import CatalogController
from app.gui.settings import Settings, TokenStore
from app.gui.tasks import TaskRunner
from app.gui.wizard import AddProductWizard
from app.gui.wizard.common import PageId
from app.hardware.scan import Scan, ScanSource
from app.sandbox.testing import SandboxServer, running_server
from app.store.catalog import Catalog
from app.store.outbox import Outbox
from app.store.scan_journal import ScanJournal, ScanResult
from app.store.sync import CatalogSync, make_session
from tests.gui.fakes import MemoryKeyring
from tests.gui.test_scan_workflow import AZERTY_TOP_ROW, KEY_T0, type_scan

WAIT_MS = 10_000
DEMO_CODE = "4820017000024"  # Моршинська негазована 1,5 л in the demo catalog
NEW_CODE = "5901234123457"
Parts = tuple[MainWindow, Scanning, CatalogPanel]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with running_server(demo=True) as sandbox:
        yield sandbox


@pytest.fixture
def parts(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path
) -> Iterator[tuple[MainWindow, Scanning, CatalogPanel]]:
    runner = TaskRunner()
    client = CatalogClient(make_session(), server.base_url, server.token)
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    CatalogSync(catalog, client).run(full=True)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    controller = CatalogController(client, catalog, runner, outbox, is_sandbox=True)
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    scanning = Scanning(window, runner, Settings(), journal=journal, beep=lambda: None)
    panel = CatalogPanel(controller)
    window.set_content(panel)
    scanning.attach_catalog(panel)
    window.show()
    window.activateWindow()
    panel.search.setFocus()
    qtbot.waitUntil(panel.search.hasFocus)
    yield window, scanning, panel
    scanning.shutdown()
    controller.stop()
    runner.wait_for_done(WAIT_MS)
    journal.close()
    outbox.close()
    catalog.close()


def test_a_scan_in_find_mode_selects_the_demo_product_in_the_panel(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning, CatalogPanel]
) -> None:
    window, scanning, panel = parts
    expected = panel.catalog.lookup_text(DEMO_CODE)
    assert expected is not None

    with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS) as blocker:
        type_scan(window, DEMO_CODE)

    assert blocker.args[0].kind is OutcomeKind.FOUND
    assert panel.current_product_id() == expected.product.id_goods
    assert panel.search.text() in ("", str(expected.product.id_goods))
    assert DEMO_CODE not in panel.search.text()  # the keys did not reach the field
    assert window.scan_status.text() == f"Last scan: {DEMO_CODE}"
    qtbot.waitUntil(lambda: scanning.journal.recent(1)[0].result is ScanResult.FOUND)


def test_scans_in_labels_mode_fill_the_queue_with_the_catalog_s_price(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning, CatalogPanel]
) -> None:
    window, scanning, _panel = parts
    scanning.workflow.set_mode(ScanMode.LABELS)

    for start in (0, 400):
        with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS):
            type_scan(window, DEMO_CODE, start_ms=start)

    queue = scanning.dock.model.queue
    assert len(queue) == 1 and queue[0].quantity == 2
    product = queue[0].product
    assert product.bar_code == DEMO_CODE
    assert "Моршинська" in product.name
    assert product.price_for(1) is not None  # the retail level's price


def test_an_unknown_scan_opens_one_wizard_with_the_code_filled_in(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning, CatalogPanel]
) -> None:
    window, scanning, panel = parts
    scanning.workflow.unknown_code.connect(scanning.open_wizard)  # as GuiSession does
    unknown = "4006381333931"

    for start in (0, 400):
        # The person clicks back into the main window (the wizard took the focus),
        # and scans the same code again there.
        activate(qtbot, window, panel.search)
        with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS):
            type_scan(window, unknown, start_ms=start)

    wizards = visible_wizards(window)
    assert len(wizards) == 1
    qtbot.waitUntil(lambda: wizards[0].identify_page.barcode_edit.text() == unknown)
    wizards[0].reject()


def test_ctrl_n_opens_the_wizard_with_the_digits_typed_in_the_search_box(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning, CatalogPanel]
) -> None:
    window, _scanning, panel = parts
    typed = "4006381333931"
    with qtbot.waitSignal(panel.products.filter_applied, timeout=WAIT_MS):
        panel.search.setText(typed)
    panel.search.setFocus()

    qtbot.keyClick(panel.search, "n", modifier=Qt.KeyboardModifier.ControlModifier)

    wizards = [w for w in window.findChildren(AddProductWizard) if w.isVisible()]
    assert len(wizards) == 1
    assert wizards[0].identify_page.barcode_edit.text() == typed
    wizards[0].reject()


def test_ctrl_n_with_a_name_in_the_search_box_opens_an_empty_wizard(
    qtbot: QtBot, parts: tuple[MainWindow, Scanning, CatalogPanel]
) -> None:
    window, _scanning, panel = parts
    with qtbot.waitSignal(panel.products.filter_applied, timeout=WAIT_MS):
        panel.search.setText("Моршинська")
    panel.search.setFocus()

    qtbot.keyClick(panel.search, "n", modifier=Qt.KeyboardModifier.ControlModifier)

    wizards = [w for w in window.findChildren(AddProductWizard) if w.isVisible()]
    assert len(wizards) == 1
    assert wizards[0].identify_page.barcode_edit.text() == ""
    wizards[0].reject()


# --- scans while another window is active --------------------------------------


def received(scanning: Scanning) -> list[Scan]:
    """Scans the wedge hands to the workflow from now on (emitted synchronously)."""
    scans: list[Scan] = []
    scanning.wedge.scan_received.connect(scans.append)
    return scans


def activate(qtbot: QtBot, window: QWidget, field: QWidget | None = None) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if field is not None:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)


def visible_wizards(window: MainWindow) -> list[AddProductWizard]:
    return [w for w in window.findChildren(AddProductWizard) if w.isVisible()]


def type_fast(window: QWidget, text: str, gap_ms: float = 10) -> None:
    """Text typed by a tool or a very fast hand, `gap_ms` a key, then Return; the
    keys carry no native scan code, so their text is taken as it comes."""
    handle = window.windowHandle()
    assert handle is not None
    t = KEY_T0
    keys = [(Qt.Key(ord(ch.upper())), ch) for ch in text]
    keys.append((Qt.Key.Key_Return, "\r"))
    for key, char in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(int(t))
            QApplication.sendEvent(handle, event)
            t += 2
        t += gap_ms - 2


def test_a_scan_into_the_open_wizard_fills_its_barcode_and_opens_no_second_one(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, _panel = parts
    scanning.workflow.unknown_code.connect(scanning.open_wizard)  # as GuiSession does
    scans = received(scanning)
    wizard = scanning.open_wizard("")  # Ctrl+N
    field = wizard.identify_page.barcode_edit
    activate(qtbot, wizard, field)

    type_scan(wizard, NEW_CODE)

    assert field.text() == NEW_CODE
    assert scans == []
    assert visible_wizards(window) == [wizard]
    assert wizard.currentPage() is wizard.identify_page  # Return pressed no Next
    assert NEW_CODE not in window.scan_status.text()
    field.clear()  # a blank form closes without asking
    wizard.reject()


def test_a_scan_with_a_wizard_button_focused_fills_its_barcode_field(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, _panel = parts
    scans = received(scanning)
    wizard = scanning.open_wizard("")
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    activate(qtbot, wizard, cancel)

    type_scan(wizard, NEW_CODE)

    assert wizard.identify_page.barcode_edit.text() == NEW_CODE
    assert scans == [] and wizard.isVisible()
    assert "ignored" not in window.statusBar().currentMessage()
    wizard.identify_page.barcode_edit.clear()
    wizard.reject()


def test_a_serial_scan_while_the_wizard_is_active_goes_to_the_wizard(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, panel = parts
    handled: list[object] = []
    scanning.workflow.scan_handled.connect(handled.append)
    wizard = scanning.open_wizard("")
    activate(qtbot, wizard, wizard.identify_page.name_edit)

    scanning.serial.scan_received.emit(
        Scan(NEW_CODE, ScanSource.SERIAL, 0, 20, port="/dev/ttyACM0")
    )

    assert wizard.identify_page.barcode_edit.text() == NEW_CODE
    assert visible_wizards(window) == [wizard]
    wizard.identify_page.barcode_edit.clear()
    wizard.reject()
    activate(qtbot, window, panel.search)  # the main window again: looked up
    with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS):
        scanning.serial.scan_received.emit(Scan(DEMO_CODE, ScanSource.SERIAL, 0, 20))
    assert [o.code for o in handled] == [DEMO_CODE]  # type: ignore[attr-defined]


def open_add_barcode_dialog(qtbot: QtBot, panel: CatalogPanel) -> BarcodeDialog:
    found = panel.catalog.lookup_text(DEMO_CODE)
    assert found is not None
    panel.select_product(found.product.id_goods)
    dialog = panel.detail.add_barcode()
    assert isinstance(dialog, BarcodeDialog)
    activate(qtbot, dialog, dialog.bar_code)
    return dialog


def test_a_scan_into_the_add_barcode_dialog_fills_its_field_and_waits_for_ok(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, panel = parts
    scanning.workflow.unknown_code.connect(scanning.open_wizard)
    scans = received(scanning)
    dialog = open_add_barcode_dialog(qtbot, panel)

    type_scan(dialog, NEW_CODE)

    assert dialog.bar_code.text() == NEW_CODE
    assert dialog.isVisible() and dialog.outcome is None  # OK was not pressed
    assert scans == [] and visible_wizards(window) == []
    dialog.reject()


@pytest.fixture
def on_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app reads native scan codes as on X11 (the tests run offscreen, whose
    scan codes mean nothing); asked for before `parts`, which builds the wedge."""
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))


def test_an_azerty_scan_into_the_add_barcode_dialog_types_the_digits(
    qtbot: QtBot, on_x11: None, parts: Parts
) -> None:
    window, scanning, panel = parts
    scans = received(scanning)
    dialog = open_add_barcode_dialog(qtbot, panel)

    # The keys' own text is "(àé'&\"è'&\"'(-"; the scanner pressed the digits.
    type_scan(dialog, NEW_CODE, layout=AZERTY_TOP_ROW)

    assert dialog.bar_code.text() == NEW_CODE
    assert dialog.isVisible() and dialog.outcome is None
    assert scans == [] and NEW_CODE not in window.scan_status.text()
    dialog.reject()


def wizard_on_the_barcodes_page(qtbot: QtBot, scanning: Scanning) -> AddProductWizard:
    wizard = scanning.open_wizard("")
    assert wizard is not None
    wizard.identify_page.name_edit.setText("Сканер тест")
    qtbot.waitUntil(wizard.identify_page.isComplete, timeout=WAIT_MS)
    while wizard.currentId() != PageId.BARCODES:
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=WAIT_MS)
        wizard.next()
    return wizard


@pytest.mark.parametrize("field", ["wizard page 1", "barcodes row", "Add barcode"])
def test_a_scan_into_a_barcode_field_that_holds_a_code_replaces_it(
    qtbot: QtBot, parts: Parts, field: str
) -> None:
    _window, scanning, panel = parts
    scans = received(scanning)
    dialog: QWidget
    if field == "Add barcode":
        dialog = open_add_barcode_dialog(qtbot, panel)
        edit = dialog.bar_code
    elif field == "barcodes row":
        dialog = wizard_on_the_barcodes_page(qtbot, scanning)
        edit = dialog.barcodes_page.add_row().code_edit
    else:
        dialog = scanning.open_wizard("")
        edit = dialog.identify_page.barcode_edit
    edit.setText(DEMO_CODE)
    activate(qtbot, dialog, edit)
    edit.setCursorPosition(4)

    type_scan(dialog, NEW_CODE)

    assert edit.text() == NEW_CODE
    assert scans == [] and dialog.isVisible()
    if isinstance(dialog, QWizard):
        dialog.done(QWizard.DialogCode.Rejected)  # no "Discard this product?"
    else:
        dialog.reject()


def test_a_scan_into_an_ordinary_field_is_inserted_at_its_cursor(
    qtbot: QtBot, parts: Parts
) -> None:
    _window, scanning, _panel = parts
    wizard = scanning.open_wizard("")
    field = wizard.identify_page.name_edit
    field.setText("Вода  0,5 л")
    activate(qtbot, wizard, field)
    field.setCursorPosition(5)

    type_scan(wizard, NEW_CODE)

    assert field.text() == f"Вода {NEW_CODE} 0,5 л"
    assert wizard.currentPage() is wizard.identify_page
    wizard.done(QWizard.DialogCode.Rejected)  # no "Discard this product?"


def test_a_path_typed_fast_into_a_file_dialog_reaches_its_name_box_whole(
    qtbot: QtBot, parts: Parts, tmp_path: Path
) -> None:
    window, scanning, _panel = parts
    scans = received(scanning)
    dialog = QFileDialog(window, "Export", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.open()
    name_box = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name_box, QLineEdit)
    activate(qtbot, dialog, name_box)
    name_box.clear()
    path = "/srv/komora/export-2026.csv"

    type_fast(dialog, path)

    assert name_box.text() == path
    assert scans == []
    assert path not in window.scan_status.text()
    dialog.reject()


def test_a_scan_nothing_in_the_dialog_can_take_is_ignored_and_said_so(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, _panel = parts
    scans = received(scanning)
    box = QMessageBox(QMessageBox.Icon.Question, "Komora", "Discard?", parent=window)
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    box.open()
    activate(qtbot, box)
    with qtbot.waitSignal(scanning.wedge.scan_ignored, timeout=WAIT_MS):
        type_scan(box, NEW_CODE)

    assert scans == []
    assert box.isVisible()  # the scanner's Return pressed no button
    assert "ignored because a dialog is open" in window.statusBar().currentMessage()
    assert scanning.banner.isVisibleTo(window) and NEW_CODE in scanning.banner.text()
    assert NEW_CODE not in window.scan_status.text()
    assert scanning.journal.recent() == []
    box.reject()


def test_after_the_dialog_closes_a_scan_in_the_main_window_is_looked_up_again(
    qtbot: QtBot, parts: Parts
) -> None:
    window, scanning, panel = parts
    box = QMessageBox(QMessageBox.Icon.Information, "Komora", "Hello", parent=window)
    box.open()
    activate(qtbot, box)
    box.accept()
    activate(qtbot, window, panel.search)

    with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS) as blocker:
        type_scan(window, DEMO_CODE)

    assert blocker.args[0].kind is OutcomeKind.FOUND
    assert DEMO_CODE not in panel.search.text()


def test_no_wizard_opens_over_a_modal_dialog(qtbot: QtBot, parts: Parts) -> None:
    window, scanning, _panel = parts
    box = QMessageBox(QMessageBox.Icon.Information, "Settings", "…", parent=window)
    box.open()
    activate(qtbot, box)

    # A serial scan of an unknown code arrives behind the dialog.
    assert scanning.open_wizard(NEW_CODE) is None

    assert visible_wizards(window) == []
    message = window.statusBar().currentMessage()
    assert "“Settings” is open" in message and NEW_CODE in message
    box.reject()
