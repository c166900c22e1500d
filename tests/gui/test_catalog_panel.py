"""The catalog panel in the main window, driven against the sandbox's demo catalog.

Each test starts the sandbox server on loopback, syncs a fresh local catalog from it
and works through the panel as a person would (keys, dialogs), then checks what the
server holds.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialogButtonBox

from app.api.client import CatalogClient, RetryPolicy
from app.domain.barcode import with_check_digit
from app.domain.models import BarcodeWrite, GroupWrite, UnitType
from app.gui.catalog_panel import CatalogPanel, StatusWiring, mount_catalog
from app.gui.detail_editors import BarcodeDialog, UnitDialog
from app.gui.main_window import MainWindow
from app.gui.outbox_dialog import OutboxColumn
from app.gui.product_detail import DetailTab
from app.gui.products_model import ProductColumn
from app.gui.services import CatalogController, WriteOutcome, WriteStatus
from app.gui.settings import Settings, TokenStore
from app.gui.tasks import TaskRunner
from app.sandbox.testing import SandboxServer, running_server
from app.store.catalog import Catalog
from app.store.outbox import Outbox, OutboxSender
from app.store.sync import CatalogSync, make_session
from app.store.writes import OutboxWrite, WriteKind
from tests.gui.fakes import MemoryKeyring

WAIT_MS = 10_000
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
PACK = 7  # the sandbox's unit dictionary: упак


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """One demo server for the module: each test changes different records."""
    with running_server(demo=True) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def synced_catalog(
    server: SandboxServer, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A local catalog fully synced from the demo server, copied by each test."""
    path = tmp_path_factory.mktemp("synced") / "catalog.sqlite3"
    catalog = Catalog(path)
    client = CatalogClient(make_session(), server.base_url, server.token)
    CatalogSync(catalog, client).run(full=True)
    catalog.close()
    return path


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(WAIT_MS)


@pytest.fixture
def client(server: SandboxServer) -> CatalogClient:
    # No retries: a stopped server fails at once instead of after backoff waits.
    return CatalogClient(
        requests.Session(),
        server.base_url,
        server.token,
        retry=RetryPolicy(max_retries=0),
    )


@pytest.fixture
def controller(
    qtbot,
    client: CatalogClient,
    runner: TaskRunner,
    tmp_path: Path,
    synced_catalog: Path,
) -> Iterator[CatalogController]:
    path = tmp_path / "catalog.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        source = synced_catalog.with_name(synced_catalog.name + suffix)
        if source.exists():
            shutil.copyfile(source, path.with_name(path.name + suffix))
    catalog = Catalog(path)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    controller = CatalogController(
        client, catalog, runner, outbox, is_sandbox=True, retry_interval_ms=50
    )
    yield controller
    controller.stop()
    runner.wait_for_done(WAIT_MS)
    outbox.close()
    catalog.close()


@pytest.fixture
def window(
    qtbot, runner: TaskRunner, controller: CatalogController
) -> Iterator[MainWindow]:
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    panel = CatalogPanel(controller)
    # Every model of the panel is checked by Qt's tester through each test.
    window.model_testers = [
        QAbstractItemModelTester(model, FATAL)
        for model in (
            panel.products,
            panel.groups,
            panel.detail.units,
            panel.detail.series,
            panel.detail.prices,
            panel.detail.barcodes,
        )
    ]
    window.set_content(panel)
    window.find_requested.connect(panel.focus_search)
    window.closing.connect(panel.shutdown)
    window.status_wiring = StatusWiring(window, controller)
    window.show()
    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT_MS):
        controller.sync()  # incremental: the copy was synced before
    yield window
    window.close()  # before the catalog closes


def panel_of(window: MainWindow) -> CatalogPanel:
    assert isinstance(window.content, CatalogPanel)
    return window.content


def names(panel: CatalogPanel) -> list[str]:
    model = panel.products
    return [
        model.index(row, ProductColumn.NAME).data() for row in range(model.rowCount())
    ]


def search(qtbot, panel: CatalogPanel, text: str) -> None:
    """Type `text` into the search box and wait for the debounced search."""
    panel.search.clear()
    if text.isascii():
        qtbot.keyClicks(panel.search, text)
    else:
        # QTest types ASCII only; a keyboard layout's letters arrive as text edits.
        for end in range(1, len(text) + 1):
            panel.search.setText(text[:end])
    qtbot.waitUntil(lambda: panel.products.product_filter.text == text)


def open_dialog(qtbot, panel: CatalogPanel, action) -> object:
    opened: list[object] = []
    panel.detail.dialog_opened.connect(opened.append)
    action()
    qtbot.waitUntil(lambda: bool(opened))
    return opened[-1]


def press_ok(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def demo_product(catalog: Catalog, name_part: str) -> int:
    found = catalog.search(name_part)
    assert found, name_part
    return found[0].id_goods


def barcodes_of(panel: CatalogPanel, name_part: str) -> int:
    """Select the demo product named `name_part`, show its barcodes; its id."""
    id_goods = demo_product(panel.catalog, name_part)
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.BARCODES)
    return id_goods


# --- browsing -------------------------------------------------------------------------


def test_the_synced_catalog_is_shown_with_status(qtbot, window, controller) -> None:
    panel = panel_of(window)
    assert panel.products.rowCount() == controller.catalog.live_product_count() > 80
    assert "connected" in window.server_status.text()
    assert "never" not in window.sync_status.text()
    assert panel.groups.rowCount() > 5


def test_search_as_you_type_by_name_code_and_barcode(qtbot, window) -> None:
    panel = panel_of(window)
    window.find_action.trigger()  # Ctrl+F
    assert panel.search.hasFocus()

    search(qtbot, panel, "моршинська")
    assert len(names(panel)) == 3
    assert all("Моршинська" in name for name in names(panel))

    search(qtbot, panel, "4820017000055")
    assert names(panel) == ["Вода мінеральна Моршинська сильногазована 1,5 л"]

    code = panel.products.index(0, ProductColumn.CODE).data()
    search(qtbot, panel, code)
    assert panel.products.index(0, ProductColumn.CODE).data() == code

    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # to the results
    assert panel.table.hasFocus()
    assert panel.detail.product is not None
    assert str(panel.detail.product.id_goods) == code


def test_select_shows_units_series_prices_and_barcodes(qtbot, window) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "4820017000024")
    assert panel.select_product(id_goods)
    detail = panel.detail
    assert "Моршинська" in detail.title.text()
    assert detail.units.rowCount() == 2  # шт and the box of 12
    assert detail.series.rowCount() == 1
    assert detail.prices.rowCount() == 2  # Purchase and retail
    assert detail.barcodes.rowCount() == 2
    prices = detail.pages[DetailTab.PRICES]
    assert not prices.edit_button.isEnabled()
    assert "revaluation" in prices.note.text()

    lookup = panel.catalog.lookup_text("4820017000024")
    assert lookup is not None
    panel.select_group(None)
    panel.search.setText("банани")
    panel.apply_search()
    assert panel.show_product_for_scan(lookup)
    assert panel.detail.current_tab() == DetailTab.BARCODES
    assert panel.detail.product.id_goods == id_goods


def test_group_selection_filters_the_table(qtbot, window) -> None:
    panel = panel_of(window)
    water = next(g for g in panel.groups.groups() if g.name_group == "Вода")
    panel.tree.setCurrentIndex(panel.groups.index_of_group(water.id_group))
    assert names(panel)
    assert all(
        panel.products.index(r, ProductColumn.GROUP).data() == "Вода"
        for r in range(panel.products.rowCount())
    )


# --- writes ---------------------------------------------------------------------------


def test_add_a_unit(qtbot, window, client: CatalogClient) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Bounty 57")
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.UNITS)
    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)  # Ins
    assert isinstance(dialog, UnitDialog)

    dialog.sample.setCurrentIndex(dialog.sample.findData(PACK))
    dialog.rate.setText("2.5")  # an integer unit cannot hold 2.5 pieces
    press_ok(qtbot, dialog)
    assert "whole-number rate" in dialog.field_error("rate")
    assert dialog.isVisible()

    dialog.rate.setText("24")
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, dialog)

    qtbot.waitUntil(lambda: panel.detail.units.rowCount() == 2)
    added = panel.detail.units.record(1)
    assert added is not None and (added.id_unit, added.rate) == (PACK, 24)
    guid = panel.catalog.product(id_goods).product.guid
    on_server = {u.id_unit: u for u in client.list_units(guid)}
    assert on_server[PACK].rate == 24 and on_server[PACK].type_unit == UnitType.INTEGER


def test_add_a_barcode_and_a_duplicate_is_refused_naming_its_owner(
    qtbot, window, client: CatalogClient
) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Bounty 57")
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.BARCODES)
    before = panel.detail.barcodes.rowCount()

    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    assert isinstance(dialog, BarcodeDialog)
    qtbot.keyClicks(dialog.bar_code, "4820000000019")  # wrong check digit
    press_ok(qtbot, dialog)
    assert "check digit" in dialog.field_error("bar_code")

    new_code = with_check_digit("482000000001")
    dialog.bar_code.setText(new_code)
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: panel.detail.barcodes.rowCount() == before + 1)
    guid = panel.catalog.product(id_goods).product.guid
    assert new_code in {b.bar_code for b in client.list_barcodes(guid)}

    # Another product's code: the server refuses it and names the owner.
    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.bar_code.setText("4820017000024")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.field_error("bar_code")), timeout=WAIT_MS)
    assert "Моршинська" in dialog.field_error("bar_code")
    assert dialog.isVisible()
    assert panel.detail.barcodes.rowCount() == before + 1
    dialog.reject()


def ok_enabled(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def field_tops(dialog, *widgets) -> list[int]:
    return [w.mapTo(dialog, w.rect().topLeft()).y() for w in widgets]


def test_the_barcode_dialog_checks_every_field_as_typed(
    qtbot, window, server: SandboxServer
) -> None:
    panel = panel_of(window)
    panel.select_product(demo_product(panel.catalog, "Mars 51"))
    panel.detail.show_tab(DetailTab.BARCODES)
    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    assert isinstance(dialog, BarcodeDialog)
    qtbot.waitExposed(dialog)
    below = (dialog.ext_bar_code, dialog.unit, dialog.series)
    tops = field_tops(dialog, *below)
    assert not ok_enabled(dialog)  # nothing typed: OK waits, nothing is said
    assert dialog.field_error("bar_code") == ""

    qtbot.keyClicks(dialog.bar_code, "4820000000019")  # wrong check digit
    qtbot.keyClicks(dialog.ext_bar_code, "123")  # an add-on has 2 or 5 digits
    assert "check digit" in dialog.field_error("bar_code")  # before any OK
    assert "2 or 5" in dialog.field_error("ext_bar_code")  # both at once
    assert not ok_enabled(dialog)
    assert field_tops(dialog, *below) == tops  # the lines kept their room

    dialog.bar_code.setText(with_check_digit("482000000002"))
    assert dialog.field_error("bar_code") == ""
    assert not ok_enabled(dialog)
    dialog.ext_bar_code.clear()
    assert dialog.field_error("ext_bar_code") == ""
    assert ok_enabled(dialog)
    assert field_tops(dialog, *below) == tops

    # The server's refusal stays under its field, and OK off, until it is changed.
    dialog.bar_code.setText("4820017000024")  # Моршинська's
    assert ok_enabled(dialog)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.field_error("bar_code")), timeout=WAIT_MS)
    assert "Моршинська" in dialog.field_error("bar_code")
    assert not ok_enabled(dialog)
    dialog.active.setChecked(False)  # another field: the refusal still stands
    assert "Моршинська" in dialog.field_error("bar_code")
    dialog.bar_code.setText(with_check_digit("482000000002"))
    assert dialog.field_error("bar_code") == "" and ok_enabled(dialog)
    dialog.reject()


def test_the_unit_series_and_price_dialogs_check_as_typed(qtbot, window) -> None:
    panel = panel_of(window)
    panel.select_product(demo_product(panel.catalog, "Snickers"))
    panel.detail.show_tab(DetailTab.UNITS)
    units = open_dialog(qtbot, panel, panel.add_action.trigger)
    assert isinstance(units, UnitDialog)
    units.sample.setCurrentIndex(units.sample.findData(PACK))
    units.rate.setText("2.5")
    assert "whole-number rate" in units.field_error("rate")
    assert not ok_enabled(units)
    units.rate.setText("24")
    assert units.field_error("rate") == "" and ok_enabled(units)
    units.reject()

    panel.detail.show_tab(DetailTab.SERIES)
    series = open_dialog(qtbot, panel, panel.add_action.trigger)
    series.id_series.setText("-")  # the base series
    assert series.field_error("id_series")
    series.id_series.setText("2027-01")
    assert series.field_error("id_series") == ""
    assert not ok_enabled(series)  # the name is still empty
    series.name_series.setText("січень 2027")
    assert ok_enabled(series)
    series.reject()

    panel.detail.show_tab(DetailTab.PRICES)
    prices = open_dialog(qtbot, panel, panel.detail.add_in_current_tab)
    prices.level.setCurrentIndex(prices.level.findData(1))  # has a retail price
    assert "revaluation" in prices.field_error("id_price_level")
    prices.price.setText("1e3")
    prices.min_price.setText("abc")
    assert prices.field_error("price") and prices.field_error("min_price")
    assert not ok_enabled(prices)
    prices.reject()


def test_edit_a_group(qtbot, window, client: CatalogClient) -> None:
    panel = panel_of(window)
    cheese = next(g for g in panel.groups.groups() if g.name_group == "Сир")
    panel.tree.setCurrentIndex(panel.groups.index_of_group(cheese.id_group))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    editor = panel.group_editor
    assert editor is not None and editor.isVisible()
    assert editor.name.text() == "Сир"
    # The group and its subgroups are not offered as parents.
    offered = [editor.owner.itemData(i) for i in range(editor.owner.count())]
    assert cheese.id_group not in offered

    editor.name.setText("Сири")
    with qtbot.waitSignal(editor.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, editor)

    qtbot.waitUntil(
        lambda: (
            panel.groups.index_of_group(cheese.id_group).data() == "Сири"
            and panel.groups.pending() == {}  # sent, not only shown as waiting
        )
    )
    assert panel.current_group_id() == cheese.id_group
    on_server = {g.id_group: g.name_group for g in client.list_groups()}
    assert on_server[cheese.id_group] == "Сири"


def test_moving_a_group_into_its_subgroup_is_refused_with_a_message(
    qtbot, window, client: CatalogClient
) -> None:
    panel = panel_of(window)
    drinks = next(g for g in panel.groups.groups() if g.name_group == "Напої")
    water = next(g for g in panel.groups.groups() if g.name_group == "Вода")
    assert not panel.groups.request_move(drinks, water.id_group)
    assert panel.tree_message.isVisible()
    assert "subgroups" in panel.tree_message.text()

    sweets = next(g for g in panel.groups.groups() if g.name_group == "Печиво")
    assert panel.groups.request_move(sweets, water.id_group)
    qtbot.waitUntil(
        lambda: (
            panel.groups.index_of_group(sweets.id_group).parent()
            == panel.groups.index_of_group(water.id_group)
            and panel.groups.pending() == {}  # sent, not only shown as waiting
        ),
        timeout=WAIT_MS,
    )
    owners = {g.id_group: g.id_owner_group for g in client.list_groups()}
    assert owners[sweets.id_group] == water.id_group


def test_offline_writes_are_queued_and_sent_when_the_server_is_back(
    qtbot, window, server: SandboxServer, client: CatalogClient
) -> None:
    panel = panel_of(window)
    id_goods = barcodes_of(panel, "Twix")
    before = panel.detail.barcodes.rowCount()
    new_code = with_check_digit("482000000002")

    server.stop()
    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.bar_code.setText(new_code)
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS) as finished:
        press_ok(qtbot, dialog)
    assert finished.args[0].status == "queued"
    qtbot.waitUntil(lambda: "offline" in window.server_status.text())
    assert "writes queued: 1" in window.server_status.text()
    # Shown at once, as waiting to be sent; it cannot be edited before it is sent.
    barcodes = panel.detail.barcodes
    assert barcodes.rowCount() == before + 1
    assert [b.bar_code for b in barcodes.pending_records()] == [new_code]
    pending = barcodes.index(before, 0)
    assert pending.data() == new_code
    assert pending.data(Qt.ItemDataRole.FontRole).italic()
    assert "Waiting to be sent" in pending.data(Qt.ItemDataRole.ToolTipRole)
    panel.detail.pages[DetailTab.BARCODES].view.setCurrentIndex(pending)
    assert panel.detail.edit_in_tab(DetailTab.BARCODES) is None

    server.start()
    qtbot.waitUntil(
        lambda: (
            "connected" in window.server_status.text()
            and "queued" not in window.server_status.text()
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: barcodes.pending_records() == [])
    assert barcodes.rowCount() == before + 1
    assert new_code in [b.bar_code for b in barcodes.records()]
    guid = panel.catalog.product(id_goods).product.guid
    assert new_code in {b.bar_code for b in client.list_barcodes(guid)}


def test_shortcuts_and_new_product_signal(qtbot, window) -> None:
    panel = panel_of(window)
    shortcuts = {
        action.objectName(): action.shortcut().toString() for action in panel.actions()
    }
    assert shortcuts == {
        "findProduct": "F3",
        "newProduct": "Ctrl+N",
        "addRecord": "Ins",
        "editRecord": "F2",
        "editGroup": "Ctrl+G",
        "newGroup": "Ctrl+Shift+G",
        "priceLevels": "Ctrl+L",
        "syncNow": "F5",
        "fullSync": "Shift+F5",
        "addLabel": "Ctrl+P",
        "unsentChanges": "Ctrl+Shift+O",
    }
    panel.search.setText("4820000000026")
    with qtbot.waitSignal(panel.new_product_requested) as requested:
        panel.new_product_action.trigger()
    assert requested.args == ["4820000000026"]

    id_goods = demo_product(panel.catalog, "4820017000024")
    panel.select_product(id_goods)
    with qtbot.waitSignal(panel.label_requested) as labelled:
        panel.label_action.trigger()
    assert labelled.args[0].id_goods == id_goods

    levels = panel.open_price_levels()
    assert levels.model.rowCount() == 2
    levels.view.selectRow(0)  # Purchase
    assert not levels.edit_button.isEnabled()
    levels.reject()


def test_f2_edits_the_selected_barcode(qtbot, window, client: CatalogClient) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Mars 51")
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.BARCODES)
    panel.detail.pages[DetailTab.BARCODES].view.selectRow(0)
    panel.table.setFocus()
    dialog = open_dialog(
        qtbot, panel, lambda: qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    )
    assert isinstance(dialog, BarcodeDialog)
    assert dialog.windowTitle() == "Edit barcode"
    dialog.active.setChecked(False)
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not panel.detail.barcodes.record(0).active)
    guid = panel.catalog.product(id_goods).product.guid
    assert not client.list_barcodes(guid)[0].active


def test_add_a_series_and_a_price_level(qtbot, window, client: CatalogClient) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Snickers")
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.SERIES)
    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.id_series.setText("-")
    press_ok(qtbot, dialog)
    assert dialog.field_error("id_series")  # the base series exists
    dialog.id_series.setText("2026-12")
    dialog.name_series.setText("грудень 2026")
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: panel.detail.series.rowCount() == 2)

    editor = panel.open_price_levels()
    opened: list[object] = []
    editor.dialog_opened.connect(opened.append)
    editor.add_level()
    level_dialog = opened[-1]
    level_dialog.name.setText("Гуртова")
    with qtbot.waitSignal(level_dialog.write_finished, timeout=WAIT_MS):
        press_ok(qtbot, level_dialog)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 3)
    assert "Гуртова" in {lv.name_price_level for lv in client.list_price_levels()}
    editor.reject()


def test_a_price_is_checked_by_the_rules_and_existing_ones_are_locked(
    qtbot, window
) -> None:
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Snickers")
    panel.select_product(id_goods)
    panel.detail.show_tab(DetailTab.PRICES)
    assert panel.detail.edit_in_current_tab() is None  # read-only
    dialog = open_dialog(qtbot, panel, panel.detail.add_in_current_tab)
    dialog.level.setCurrentIndex(dialog.level.findData(1))  # has a retail price
    dialog.price.setText("10")
    press_ok(qtbot, dialog)
    assert "revaluation" in dialog.field_error("id_price_level")

    dialog.level.setCurrentIndex(dialog.level.findData(-1))  # Purchase exists too
    press_ok(qtbot, dialog)
    assert dialog.field_error("id_price_level")
    dialog.reject()


def next_tab_stop(widget):
    """The widget Tab moves to from `widget` (what QWidget.focusNextChild picks)."""
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        and candidate.isVisible()
        and candidate.isEnabled()
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_goes_search_table_detail(qtbot, window) -> None:
    panel = panel_of(window)
    assert next_tab_stop(panel.search) is panel.table
    assert next_tab_stop(panel.table) is panel.detail.tabs


def test_a_write_refused_at_replay_is_kept_for_the_user_to_drop(
    qtbot, window, server: SandboxServer
) -> None:
    panel = panel_of(window)
    controller = panel.controller
    stored = panel.catalog.product(demo_product(panel.catalog, "Bounty Trio"))
    write = OutboxWrite(
        WriteKind.CREATE_BARCODE,
        BarcodeWrite(bar_code="4820017000024", id_unit=1, id_series="-"),
        stored.product.guid,
        stored.id_goods,
    )
    server.stop()
    outcomes: list[WriteOutcome] = []
    controller.submit(write, outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=WAIT_MS)
    assert outcomes[0].status == WriteStatus.QUEUED

    server.start()  # the replay sends it, and the server refuses the duplicate
    qtbot.waitUntil(
        lambda: "writes refused: 1" in window.server_status.text(), timeout=WAIT_MS
    )
    assert "queued" not in window.server_status.text()

    dialog = panel.open_outbox()
    assert dialog.model.rowCount() == 1
    assert "Моршинська" in dialog.model.index(0, OutboxColumn.MESSAGE).data()
    assert dialog.model.index(0, OutboxColumn.STATE).data() == "refused"
    dialog.view.selectRow(0)
    dialog.drop_selected()
    assert dialog.model.rowCount() == 0
    qtbot.waitUntil(lambda: "refused" not in window.server_status.text())
    dialog.reject()


def test_mount_catalog_puts_the_panel_in_the_window_and_syncs(
    qtbot, runner: TaskRunner, server: SandboxServer
) -> None:
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    window.show()
    panel = mount_catalog(
        window, runner, server.base_url, server.token, "uk", is_sandbox=True
    )
    assert window.content is panel
    assert panel.sync_action in window.tools_menu.actions()
    assert panel.new_product_action in window.edit_menu.actions()
    with qtbot.waitSignal(panel.controller.sync_finished, timeout=WAIT_MS * 3):
        pass
    assert panel.products.rowCount() > 80
    assert window.server_status.text() == "Server: sandbox, connected"
    window.find_action.trigger()
    assert panel.search.hasFocus()
    window.close()  # stops the panel before its catalog goes
    runner.wait_for_done(WAIT_MS)
    panel.controller.catalog.close()
    panel.controller.outbox.close()


def test_a_refused_token_stops_the_outbox_with_a_message(
    qtbot, runner: TaskRunner, server: SandboxServer, tmp_path: Path
) -> None:
    client = CatalogClient(
        requests.Session(), server.base_url, "wrong-token", retry=RetryPolicy(0)
    )
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    controller = CatalogController(client, catalog, runner, outbox)
    write = OutboxWrite(WriteKind.CREATE_GROUP, GroupWrite(name_group="Нова"))
    outcomes: list[WriteOutcome] = []
    with qtbot.waitSignal(controller.problem, timeout=WAIT_MS) as problem:
        controller.submit(write, outcomes.append)
    assert "token" in problem.args[0]
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes[0].status == WriteStatus.QUEUED
    assert outbox.count() == 1  # kept, to be sent once the token is fixed
    controller.stop()
    runner.wait_for_done(WAIT_MS)
    outbox.close()
    catalog.close()


def test_a_sync_stopped_by_an_outage_runs_when_the_server_is_back(
    qtbot, window, controller: CatalogController, server: SandboxServer
) -> None:
    server.stop()
    with qtbot.waitSignal(controller.sync_failed, timeout=WAIT_MS) as failed:
        window.content.sync_action.trigger()  # F5
    assert "Cannot reach the server" in failed.args[0].message
    qtbot.waitUntil(lambda: "offline" in window.server_status.text())
    assert window.content.products.rowCount() > 80  # the local copy stays

    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT_MS):
        server.start()
    assert "connected" in window.server_status.text()


def test_offline_a_duplicate_is_refused_from_the_local_catalog(
    qtbot, window, controller: CatalogController, server: SandboxServer
) -> None:
    panel = panel_of(window)
    panel.select_product(demo_product(panel.catalog, "Twix"))
    panel.detail.show_tab(DetailTab.BARCODES)
    server.stop()
    with qtbot.waitSignal(controller.sync_failed, timeout=WAIT_MS):
        controller.sync()
    assert controller.online is False

    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.bar_code.setText("4820017000024")
    press_ok(qtbot, dialog)
    assert "Моршинська" in dialog.field_error("bar_code")
    assert controller.outbox.count() == 0  # nothing queued that would be refused
    dialog.reject()
    server.start()


def test_shift_f5_rereads_details_someone_else_changed(
    qtbot, window, client: CatalogClient
) -> None:
    """A barcode added on the server without a new time_change on its product is
    missed by F5 and found after Shift+F5 (the whole catalog read again)."""
    panel = panel_of(window)
    id_goods = demo_product(panel.catalog, "Twix")
    guid = panel.catalog.product(id_goods).product.guid
    unit = client.list_units(guid)[0]
    code = with_check_digit("482999000101")
    client.create_barcode(
        guid, BarcodeWrite(bar_code=code, id_unit=unit.id_unit, id_series="-")
    )
    controller = panel.controller

    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT_MS):
        panel.sync_action.trigger()  # F5
    assert panel.catalog.lookup_text(code) is None

    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT_MS):
        panel.full_sync_action.trigger()
    found = panel.catalog.lookup_text(code)
    assert found is not None and found.product.id_goods == id_goods


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback address that takes connections and never answers (a frozen
    server: `kill -STOP`)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    host, port = listener.getsockname()
    yield f"http://{host}:{port}"
    listener.close()


def test_a_write_without_an_answer_closes_its_dialog_and_is_sent_later(
    qtbot, window, client: CatalogClient, silent_server: str
) -> None:
    panel = panel_of(window)
    id_goods = barcodes_of(panel, "Snickers")
    new_code = with_check_digit("482999000014")
    real_url, client.timeout = client.base_url, (2.0, 8.0)

    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.bar_code.setText(new_code)
    client.base_url = silent_server
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS) as finished:
        press_ok(qtbot, dialog)
        # While it waits for the answer, what is being sent cannot be changed.
        qtbot.waitUntil(lambda: dialog.bar_code.isReadOnly())
        assert not ok_enabled(dialog)
    client.base_url = real_url  # the server wakes up

    assert finished.args[0].status == WriteStatus.WAITING
    assert not dialog.isVisible()
    assert panel.controller.outbox.count() == 1  # on disk, its answer still awaited
    qtbot.waitUntil(lambda: "writes queued: 1" in window.server_status.text())
    # The lost answer times out, the retry sends it, and it is on the server once.
    qtbot.waitUntil(
        lambda: panel.controller.outbox.count() == 0, timeout=WAIT_MS + 10_000
    )
    guid = panel.catalog.product(id_goods).product.guid
    assert [b.bar_code for b in client.list_barcodes(guid)].count(new_code) == 1
    assert panel.controller.outbox.refused_count() == 0


def test_a_request_that_finds_no_server_says_offline_at_once(
    qtbot, window, runner: TaskRunner, server: SandboxServer, client: CatalogClient
) -> None:
    assert "connected" in window.server_status.text()
    failures: list[object] = []
    server.stop()
    try:
        # Any request, not one of the controller's (a wizard step, say).
        runner.run(client.list_groups, on_error=failures.append)
        qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
        assert "offline" in window.server_status.text()
    finally:
        server.start()


class HeldClient:
    """Sends barcode creates only when the test lets them go (a slow server)."""

    def __init__(self, client: CatalogClient) -> None:
        self._client = client
        self.go = threading.Event()

    def __getattr__(self, name: str) -> object:
        return getattr(self._client, name)

    def create_barcode(self, guid: str, barcode: BarcodeWrite) -> object:
        self.go.wait(WAIT_MS / 1000)
        return self._client.create_barcode(guid, barcode)


def test_a_refusal_after_its_dialog_closed_is_kept_for_the_user(
    qtbot, window, controller: CatalogController, client: CatalogClient
) -> None:
    panel = panel_of(window)
    barcodes_of(panel, "Snickers")
    held = HeldClient(client)
    controller.outbox_sender = OutboxSender(controller.outbox, held, controller.catalog)

    dialog = open_dialog(qtbot, panel, panel.add_action.trigger)
    dialog.bar_code.setText("4820017000024")  # Моршинська's
    with qtbot.waitSignal(dialog.write_finished, timeout=WAIT_MS) as finished:
        press_ok(qtbot, dialog)
    assert finished.args[0].status == WriteStatus.WAITING
    held.go.set()

    # Not dropped: the dialog that could fix it is gone, so it waits for the user.
    qtbot.waitUntil(lambda: controller.outbox.refused_count() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "writes refused: 1" in window.server_status.text())
    (entry,) = controller.outbox.entries()
    assert entry.write.body.bar_code == "4820017000024"
    assert "Моршинська" in (entry.error_message or "") + str(entry.field_errors)


def test_an_offline_group_rename_shows_at_once_as_waiting(
    qtbot, window, server: SandboxServer, client: CatalogClient
) -> None:
    panel = panel_of(window)
    bread = next(g for g in panel.groups.groups() if g.name_group == "Хліб та випічка")
    panel.tree.setCurrentIndex(panel.groups.index_of_group(bread.id_group))

    server.stop()
    try:
        editor = panel.edit_current_group()
        editor.name.setText("Хліб і випічка")
        with qtbot.waitSignal(editor.write_finished, timeout=WAIT_MS):
            press_ok(qtbot, editor)
        shown = panel.groups.index_of_group(bread.id_group)
        qtbot.waitUntil(lambda: shown.data() == "Хліб і випічка")
        assert shown.data(Qt.ItemDataRole.FontRole).italic()
        assert "waiting to be sent" in shown.data(Qt.ItemDataRole.ToolTipRole)
        assert panel.catalog.group(bread.id_group).name_group == "Хліб та випічка"
    finally:
        server.start()

    def sent_and_plain() -> bool:
        index = panel.groups.index_of_group(bread.id_group)
        return panel.groups.pending() == {} and index.data() == "Хліб і випічка"

    qtbot.waitUntil(sent_and_plain, timeout=WAIT_MS)
    font = panel.groups.index_of_group(bread.id_group).data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.italic()
    on_server = {g.id_group: g.name_group for g in client.list_groups()}
    assert on_server[bread.id_group] == "Хліб і випічка"


def test_a_sync_cancelled_at_closing_is_no_failure(
    qtbot, controller: CatalogController, caplog, monkeypatch
) -> None:
    """Closing the window cancels a running sync: no failure signal and no warning
    with a traceback in the log, and the next pass resumes."""
    from app.store.errors import SyncCancelled

    def cancelled(**_kwargs: object) -> None:
        raise SyncCancelled("the sync was cancelled; the next one resumes")

    monkeypatch.setattr(controller.sync_engine, "run", cancelled)
    caplog.set_level("INFO")
    failed: list[object] = []
    controller.sync_failed.connect(failed.append)

    assert controller.sync()
    qtbot.waitUntil(lambda: not controller.syncing, timeout=WAIT_MS)

    assert failed == []
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    assert any("sync cancelled" in r.getMessage() for r in caplog.records)
