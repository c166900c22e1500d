"""End to end in the window: real key events through the installed wedge filter, the
scan workflow, the real catalog panel over a catalog synced from the demo sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.api.client import CatalogClient
from app.gui.catalog_panel import CatalogPanel
from app.gui.main_window import MainWindow
from app.gui.scan_wiring import Scanning
from app.gui.scan_workflow import OutcomeKind, ScanMode
from app.gui.services import CatalogController
from app.gui.settings import Settings, TokenStore
from app.gui.tasks import TaskRunner
from app.gui.wizard import AddProductWizard
from app.sandbox.testing import SandboxServer, running_server
from app.store.catalog import Catalog
from app.store.outbox import Outbox
from app.store.scan_journal import ScanJournal, ScanResult
from app.store.sync import CatalogSync, make_session
from tests.gui.fakes import MemoryKeyring
from tests.gui.test_scan_workflow import type_scan

WAIT_MS = 10_000
DEMO_CODE = "4820017000024"  # Моршинська негазована 1,5 л in the demo catalog


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
    window, scanning, _panel = parts
    scanning.workflow.unknown_code.connect(scanning.open_wizard)  # as GuiSession does
    unknown = "4006381333931"

    for start in (0, 400):
        with qtbot.waitSignal(scanning.workflow.scan_handled, timeout=WAIT_MS):
            type_scan(window, unknown, start_ms=start)

    wizards = [w for w in window.findChildren(AddProductWizard) if w.isVisible()]
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
