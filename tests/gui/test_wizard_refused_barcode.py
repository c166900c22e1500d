"""Page 5's way out of a barcode the sandbox refuses after the product exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.api.client import CatalogClient
from app.api.creation import (
    CreationJournal,
    DraftBarcode,
    DraftDefaultUnit,
    ProductCreator,
    ProductDraft,
    Step,
)
from app.domain.barcode import read_barcode
from app.domain.models import UnitType
from app.gui.tasks import TaskRunner
from app.gui.wizard import AddProductWizard, WizardSources
from app.sandbox.testing import SandboxServer, running_server
from tests.gui.test_wizard_flow import (
    WAIT_MS,
    new_code,
    open_wizard,
    products_named,
    walk_to_create,
)
from tests.gui.wizard_support import make_client, sandbox_sources


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with running_server(demo=True) as server:
        yield server


def take_code(client: CatalogClient, code: str, tmp_path: Path) -> None:
    """Someone else's product gets `code` while the wizard waits on page 5."""
    reading = read_barcode(code)
    draft = ProductDraft(
        name_goods=f"Чужий товар {reading.bar_code}",
        default_unit=DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER),
        barcodes=[
            DraftBarcode(bar_code=reading.bar_code, ext_bar_code=reading.ext_bar_code)
        ],
    )
    ProductCreator(client, CreationJournal(tmp_path / "other.sqlite3")).create(draft)


def refused_on_page_five(
    qtbot: QtBot,
    server: SandboxServer,
    tmp_path: Path,
    runner: TaskRunner,
    name: str,
    code: str,
) -> tuple[CatalogClient, WizardSources, AddProductWizard]:
    """The wizard walked to page 5 with `code`, the code taken by another product
    meanwhile, and Create pressed: the product exists and its barcode is refused."""
    client = make_client(server)
    sources = sandbox_sources(client, tmp_path, runner)
    wizard = open_wizard(qtbot, AddProductWizard(sources))
    walk_to_create(qtbot, wizard, name, code)
    take_code(client, code, tmp_path)

    create = wizard.create_page
    create.create_button.click()
    qtbot.waitUntil(lambda: create.barcode_fix.isVisible(), timeout=WAIT_MS)
    assert create.step_mark(Step.BARCODES) == "✗"
    assert create.step_mark(Step.PRODUCT) == "✓"
    assert create.result is None
    assert len(products_named(client, name)) == 1  # it exists, unfinished
    return client, sources, wizard


def test_a_barcode_taken_meanwhile_can_be_skipped(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    name = "Печиво тестове"
    code = new_code("482000000010")
    client, sources, wizard = refused_on_page_five(
        qtbot, server, tmp_path, runner, name, code
    )
    fix = wizard.create_page.barcode_fix
    assert code in fix.intro.text()
    fix.skip_button.click()

    qtbot.waitUntil(lambda: wizard.create_page.result is not None, timeout=WAIT_MS)
    (product,) = products_named(client, name)
    assert client.list_barcodes(product.guid) == []
    assert {u.id_unit for u in client.list_units(product.guid)} == {1, 2}
    assert sources.journal.unfinished() == []
    assert not fix.isVisible()


def test_a_barcode_taken_meanwhile_can_be_corrected(
    qtbot: QtBot, server: SandboxServer, tmp_path: Path, runner: TaskRunner
) -> None:
    name = "Цукерки тестові"
    code = new_code("482000000011", "07")
    client, sources, wizard = refused_on_page_five(
        qtbot, server, tmp_path, runner, name, code
    )
    fix = wizard.create_page.barcode_fix
    assert not fix.use_button.isEnabled()  # the refused code as it stands
    corrected = new_code("482000000012")
    fix.code_edit.setText("4820000000117")  # a wrong check digit
    assert fix.reason.text() and not fix.use_button.isEnabled()
    fix.code_edit.setText(corrected)
    assert fix.use_button.isEnabled()
    fix.use_button.click()

    qtbot.waitUntil(lambda: wizard.create_page.result is not None, timeout=WAIT_MS)
    (product,) = products_named(client, name)
    assert [
        (b.bar_code, b.ext_bar_code) for b in client.list_barcodes(product.guid)
    ] == [(corrected, None)]
    assert corrected in wizard.create_page.summary.text()
    assert sources.journal.unfinished() == []
