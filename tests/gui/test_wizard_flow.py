"""The wizard end to end against the sandbox with the demo catalog, by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.api.client import CatalogClient
from app.api.creation import CreationJournal, Step
from app.api.errors import ServerUnavailable
from app.domain.barcode import read_barcode, with_check_digit
from app.domain.models import ProductWrite
from app.gui.tasks import TaskRunner
from app.gui.wizard import (
    AddProductWizard,
    PageId,
    ServerBarcodes,
    UnfinishedDraftsDialog,
    WizardSources,
)
from app.sandbox.testing import SandboxServer, running_server
from app.store.catalog import Catalog
from app.store.sync import CatalogSync
from tests.gui.wizard_support import (
    focused,
    make_client,
    press,
    sandbox_sources,
    type_text,
)

NEW_CODE = "482000000000012"  # EAN-13 4820000000000 with the 2-digit add-on 12
DEMO_CODE = "4820017000024"  # Моршинська негазована 1,5 л in the demo catalog
DEMO_NAME = "Вода мінеральна Моршинська негазована 1,5 л"
WAIT_MS = 15_000


class FailsOnceAtProduct(CatalogClient):
    """The real client, except that `POST goods` (step 4) fails once, unsent."""

    failures_left = 1

    def create_product(self, product: ProductWrite):  # type: ignore[no-untyped-def]
        if self.failures_left:
            self.failures_left -= 1
            raise ServerUnavailable(
                "connection refused (injected by the test)",
                method="POST",
                path="/api/uk/goods",
            )
        return super().create_product(product)


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    # One demo server for the module (filling it takes seconds); each test uses its
    # own names and codes.
    with running_server(demo=True) as server:
        yield server


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(WAIT_MS)


def open_wizard(qtbot: QtBot, wizard: AddProductWizard) -> AddProductWizard:
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.context.reference is not None, timeout=WAIT_MS)
    return wizard


def new_code(body: str, add_on: str = "") -> str:
    """A valid EAN-13 (12 digits + check digit) and an optional add-on."""
    return with_check_digit(body) + add_on


def fill_identify(
    qtbot: QtBot, wizard: AddProductWizard, name: str, code: str = NEW_CODE
) -> None:
    page = wizard.identify_page
    page.barcode_edit.setFocus()
    type_text(code)
    press(Qt.Key.Key_Tab)
    assert focused() is page.name_edit
    type_text(name)
    press(Qt.Key.Key_Tab)
    assert focused() is page.group_picker.search
    type_text("вод")  # type-ahead in the group tree
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)


def products_named(client: CatalogClient, name: str) -> list:
    return [p for p in client.list_products() if p.name_goods == name]


def test_keyboard_only_creates_two_units_two_prices_and_a_13_plus_2_barcode(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    client = make_client(server)
    sources = sandbox_sources(client, tmp_path, runner)
    wizard = open_wizard(qtbot, AddProductWizard(sources))
    created = []
    printed = []
    wizard.product_created.connect(created.append)
    wizard.print_labels_requested.connect(lambda *args: printed.append(args))
    name = "Вода тестова 0,5 л"

    # 1. Identify
    fill_identify(qtbot, wizard, name)
    page = wizard.identify_page
    assert "EAN-13 4820000000000" in page.barcode_reading.text()
    assert "12" in page.barcode_reading.text()
    assert page.group_picker.group_path() == "Напої / Вода"
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.UNITS

    # 2. Units: pieces (the first unit) counted whole, plus a box of 12.
    units = wizard.units_page
    qtbot.waitUntil(lambda: focused() is units.default_unit_combo)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert focused() is units.add_button
    press(Qt.Key.Key_Space)
    row = units.rows()[0]
    assert focused() is row.unit_combo
    type_text("ящ")
    assert row.id_unit() == 8
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert focused() is row.rate_edit
    type_text("1,5")  # a box of whole pieces cannot hold 1.5
    assert "whole" in row.reason.text()
    assert not units.isComplete()
    focused().clear()  # type: ignore[attr-defined]
    type_text("12")
    assert row.reason.text() == ""
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.PRICES

    # 3. Prices: Purchase first, then Retail; the comma is a decimal point.
    prices = wizard.prices_page
    assert [r.level.id_price_level for r in prices.rows()] == [-1, 1]
    qtbot.waitUntil(lambda: focused() is prices.rows()[0].price_edit)
    type_text("30,50")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    type_text("31")  # above the price: refused
    assert "above the price" in prices.rows()[0].reason.text()
    assert not prices.isComplete()
    focused().clear()  # type: ignore[attr-defined]
    press(Qt.Key.Key_Tab)
    assert focused() is prices.rows()[1].price_edit
    type_text("42,90")
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.BARCODES

    # 4. Barcodes: page 1's code is listed, on the default unit.
    barcodes = wizard.barcodes_page
    assert [b.bar_code for b in barcodes.barcodes()] == ["4820000000000"]
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.CREATE

    # 5. Create
    create = wizard.create_page
    qtbot.waitUntil(lambda: focused() is create.create_button, timeout=WAIT_MS)
    assert name in create.summary.text()
    assert sources.journal.unfinished()[0].draft.name_goods == name
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: create.result is not None, timeout=WAIT_MS)
    assert created and created[0].id_goods == create.result.id_goods
    assert all(create.step_mark(step) == "✓" for step in Step)
    assert focused() is create.quantity
    type_text("3")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)
    assert printed == [(create.result.id_goods, 3)]
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    press(Qt.Key.Key_Return)
    assert not wizard.isVisible()
    assert sources.journal.unfinished() == []
    runner.wait_for_done(WAIT_MS)
    assert sources.journal.forms() == []  # the form was kept until Create

    # On the server: two units, two prices, the 13+2 barcode.
    (product,) = products_named(client, name)
    assert {
        (u.id_unit, u.rate, u.is_default) for u in client.list_units(product.guid)
    } == {
        (1, Decimal(1), True),
        (8, Decimal(12), False),
    }
    assert {
        (p.id_price_level, p.max_price) for p in client.list_prices(product.guid)
    } == {(-1, Decimal("30.5")), (1, Decimal("42.9"))}
    assert [
        (b.bar_code, b.ext_bar_code) for b in client.list_barcodes(product.guid)
    ] == [("4820000000000", "12")]

    # After a sync the local catalog finds the new product by a scan of its code.
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    try:
        CatalogSync(catalog, client).run(full=True)
        found = catalog.lookup(read_barcode(NEW_CODE))
        assert found is not None and found.product.id_goods == product.id_goods
    finally:
        catalog.close()


def test_a_duplicate_barcode_is_refused_on_page_one_naming_its_owner(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    client = make_client(server)
    wizard = open_wizard(
        qtbot,
        AddProductWizard(sandbox_sources(client, tmp_path, runner), bar_code=DEMO_CODE),
    )
    page = wizard.identify_page
    page.name_edit.setText("Ще одна вода")
    assert page.duplicate_label.text()  # "checking…" until the answer comes
    qtbot.waitUntil(lambda: page.owner() is not None, timeout=WAIT_MS)

    assert DEMO_NAME in page.duplicate_label.text()
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.open_product_button.isVisible()
    with qtbot.waitSignal(wizard.open_product_requested) as blocker:
        page.open_product_button.click()
    (owner,) = products_named(client, DEMO_NAME)
    assert blocker.args == [owner.id_goods]

    # Another code frees the page again.
    page.barcode_edit.setText(new_code("482000000003"))
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert page.duplicate_label.text() == ""


def walk_to_create(
    qtbot: QtBot, wizard: AddProductWizard, name: str, code: str
) -> None:
    fill_identify(qtbot, wizard, name, code)
    wizard.next()
    wizard.units_page.add_row().rate_edit.setText("6")
    wizard.next()
    wizard.prices_page.rows()[1].price_edit.setText("19,99")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.CREATE
    qtbot.waitUntil(wizard.create_page.create_button.isEnabled, timeout=WAIT_MS)


def test_a_failure_at_step_four_then_retry_makes_exactly_one_product(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    client = make_client(server, FailsOnceAtProduct)
    wizard = open_wizard(
        qtbot, AddProductWizard(sandbox_sources(client, tmp_path, runner))
    )
    name = "Сік тестовий 1 л"
    walk_to_create(qtbot, wizard, name, new_code("482000000001", "34"))
    create = wizard.create_page

    create.create_button.click()
    qtbot.waitUntil(lambda: create.error.text() != "", timeout=WAIT_MS)
    assert "step 4 of 7" in create.error.text()
    assert "Cannot reach the server" in create.error.text()
    assert create.step_mark(Step.PRODUCT) == "✗"
    assert create.step_mark(Step.BASE_SERIES) == "✓"
    assert create.create_button.text() == "&Retry"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert products_named(client, name) == []

    create.create_button.click()
    qtbot.waitUntil(lambda: create.result is not None, timeout=WAIT_MS)
    assert len(products_named(client, name)) == 1


def test_an_unfinished_draft_survives_closing_and_resumes_to_one_product(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    client = make_client(server, FailsOnceAtProduct)
    sources = sandbox_sources(client, tmp_path, runner)
    first = open_wizard(qtbot, AddProductWizard(sources))
    name = "Чай тестовий"
    walk_to_create(qtbot, first, name, new_code("482000000002", "56"))
    first.create_page.create_button.click()
    qtbot.waitUntil(lambda: first.create_page.error.text() != "", timeout=WAIT_MS)
    first.reject()

    (entry,) = sources.journal.unfinished()
    dialog = UnfinishedDraftsDialog([entry], sources.journal)
    qtbot.addWidget(dialog)
    assert name in dialog.list.item(0).text()
    dialog.resume_button.click()
    assert dialog.chosen_draft_id == entry.draft_id

    second = open_wizard(qtbot, AddProductWizard(sources, draft_id=entry.draft_id))
    qtbot.waitUntil(lambda: second.currentId() == PageId.CREATE, timeout=WAIT_MS)
    create = second.create_page
    assert name in create.summary.text()
    assert create.create_button.text() == "&Retry"
    assert create.step_mark(Step.RESERVE) == "✓"
    create.create_button.click()
    qtbot.waitUntil(lambda: create.result is not None, timeout=WAIT_MS)
    assert len(products_named(client, name)) == 1
    assert sources.journal.unfinished() == []
    assert read_barcode(second.identify_page.barcode_edit.text()).ext_bar_code == "56"


def test_the_usual_sources_find_owners_locally_first_then_on_the_server(
    server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    client = make_client(server)
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    try:
        CatalogSync(catalog, client).run(full=True)
        sources = WizardSources.for_client(
            client,
            runner,
            journal=CreationJournal(tmp_path / "journal.sqlite3"),
            catalog=catalog,
        )
        local = sources.find_barcode_owner(DEMO_CODE)
        assert local is not None and local.source == "local"
        assert local.name_goods == DEMO_NAME
        # Not in the local catalog: the server is asked, and has none either.
        assert sources.find_barcode_owner(new_code("482000000009")) is None
    finally:
        catalog.close()

    on_server = ServerBarcodes(client)
    owner = on_server.owner_of(DEMO_CODE)
    assert owner is not None and owner.source == "server"
    assert owner.id_goods == local.id_goods
    assert DEMO_CODE in on_server.codes()
    reference = sources.load_reference()
    assert {level.id_price_level for level in reference.price_levels} >= {-1, 1}
