"""The wizard's pages with fake sources: live checks, type-ahead, generated codes."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.api.creation import (
    CreationJournal,
    DraftDefaultUnit,
    DraftPrice,
    ProductDraft,
)
from app.domain.models import Group, PriceLevel, UnitSample, UnitType
from app.gui.tasks import TaskRunner
from app.gui.wizard import (
    AddProductWizard,
    BarcodeOwner,
    PageId,
    UnfinishedDraftsDialog,
    WizardReference,
    WizardSources,
)
from app.gui.wizard.group_picker import GroupPicker, build_group_model
from tests.gui.wizard_support import focused, press, type_text

WAIT_MS = 5_000
OWNED_CODE = "4820017000024"

REFERENCE = WizardReference(
    groups=[
        Group(id_group=1, name_group="Напої", guid="g1"),
        Group(id_group=2, name_group="Вода", id_owner_group=1, guid="g2"),
        Group(id_group=3, name_group="Соки", id_owner_group=1, guid="g3"),
        Group(id_group=4, name_group="Бакалія", guid="g4"),
        Group(id_group=5, name_group="Старе", guid="g5", active=False),
    ],
    price_levels=[
        PriceLevel(id_price_level=1, name_price_level="Роздрібна", guid="p1"),
        PriceLevel(id_price_level=-1, name_price_level="Закупівельна", guid="p0"),
        PriceLevel(id_price_level=2, name_price_level="Стара", guid="p2", active=False),
    ],
    unit_samples=[
        UnitSample(id_unit=1, name_unit="шт", full_name="штука"),
        UnitSample(id_unit=2, name_unit="кг", full_name="кілограм"),
        UnitSample(id_unit=8, name_unit="ящ", full_name="ящик"),
    ],
)


class FakeSources:
    """Answers like the real sources, from memory; counts the duplicate checks."""

    def __init__(self) -> None:
        self.checked: list[str] = []
        self.codes = ["2000001000007", "2000002000006", "4820017000024"]
        self.fail_checks = False
        self.release = threading.Event()
        self.release.set()

    def load_reference(self) -> WizardReference:
        return REFERENCE

    def find_owner(self, bar_code: str) -> BarcodeOwner | None:
        self.release.wait(WAIT_MS / 1000)
        self.checked.append(bar_code)
        if self.fail_checks:
            raise TimeoutError("the server did not answer")
        if bar_code == OWNED_CODE:
            return BarcodeOwner(7, "Вода Моршинська", bar_code, None, "local")
        return None

    def codes_in_use(self) -> list[str]:
        return list(self.codes)


@pytest.fixture
def fakes() -> FakeSources:
    return FakeSources()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done(WAIT_MS)


@pytest.fixture
def sources(fakes: FakeSources, runner: TaskRunner, tmp_path: Path) -> WizardSources:
    return WizardSources(
        client=None,  # type: ignore[arg-type]  # no page here sends anything
        journal=CreationJournal(tmp_path / "journal.sqlite3"),
        runner=runner,
        load_reference=fakes.load_reference,
        find_barcode_owner=fakes.find_owner,
        codes_in_use=fakes.codes_in_use,
    )


@pytest.fixture
def wizard(qtbot: QtBot, sources: WizardSources) -> Iterator[AddProductWizard]:
    wizard = AddProductWizard(sources)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.context.reference is not None, timeout=WAIT_MS)
    yield wizard
    wizard.identify_page.stop_checking()


def next_enabled(wizard: AddProductWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


# --- the group picker ----------------------------------------------------------------


def test_group_model_passes_the_model_tester_and_hides_inactive_groups(
    qtbot: QtBot,
) -> None:
    model = build_group_model(REFERENCE.groups)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    top = [model.item(row).text() for row in range(model.rowCount())]
    assert top == ["Бакалія", "Напої"]
    assert [model.item(1).child(r).text() for r in range(2)] == ["Вода", "Соки"]


def test_group_picker_type_ahead_chooses_the_first_match_and_down_enters_the_tree(
    qtbot: QtBot,
) -> None:
    picker = GroupPicker()
    qtbot.addWidget(picker)
    picker.set_groups(REFERENCE.groups)
    picker.show()
    picker.activateWindow()
    picker.search.setFocus()
    qtbot.waitUntil(lambda: focused() is picker.search)

    with qtbot.waitSignal(picker.group_changed) as blocker:
        type_text("сок")
    assert blocker.args == [3]
    assert picker.group_path() == "Напої / Соки"
    press(Qt.Key.Key_Down)
    assert focused() is picker.tree
    picker.set_group_id(4)
    assert picker.group_id() == 4 and picker.search.text() == ""


# --- page 1 ------------------------------------------------------------------------


def test_identify_explains_a_wrong_check_digit_and_a_long_name(
    wizard: AddProductWizard, qtbot: QtBot
) -> None:
    page = wizard.identify_page
    page.barcode_edit.setText("4820017000025")
    assert "should end in 4" in page.barcode_reason.text()
    assert page.barcode_reading.text() == ""
    page.barcode_edit.setText("2000003000005")
    assert "in-store code" in page.barcode_reading.text()
    page.name_edit.setText("x" * 256)
    assert "256" in page.name_reason.text()
    assert not next_enabled(wizard)
    page.name_edit.setText("Хліб")
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=WAIT_MS)


def test_identify_shows_checking_while_the_owner_check_runs(
    wizard: AddProductWizard, fakes: FakeSources, qtbot: QtBot
) -> None:
    page = wizard.identify_page
    fakes.release.clear()  # hold the check in the worker
    page.name_edit.setText("Хліб")
    page.barcode_edit.setText(OWNED_CODE)
    qtbot.waitUntil(lambda: fakes.release.is_set() is False and page.is_checking())
    assert "Checking" in page.duplicate_label.text()
    assert not next_enabled(wizard)
    fakes.release.set()
    qtbot.waitUntil(lambda: page.owner() is not None, timeout=WAIT_MS)
    assert "Вода Моршинська" in page.duplicate_label.text()
    assert not next_enabled(wizard)
    page.barcode_edit.clear()  # no code at all is allowed
    assert next_enabled(wizard)


def test_identify_lets_the_user_on_when_the_owner_check_fails(
    wizard: AddProductWizard, fakes: FakeSources, qtbot: QtBot
) -> None:
    fakes.fail_checks = True
    page = wizard.identify_page
    page.name_edit.setText("Хліб")
    page.barcode_edit.setText("4820000000000")
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=WAIT_MS)
    assert "Could not check" in page.duplicate_label.text()


def test_only_the_last_typed_code_is_checked(
    wizard: AddProductWizard, fakes: FakeSources, qtbot: QtBot
) -> None:
    page = wizard.identify_page
    page.name_edit.setText("Хліб")
    page.barcode_edit.setFocus()
    type_text("4820000000000")
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=WAIT_MS)
    assert fakes.checked == ["4820000000000"]


# --- page 2 ------------------------------------------------------------------------


def go_to(
    wizard: AddProductWizard, qtbot: QtBot, page: PageId, name: str = "Хліб"
) -> None:
    wizard.identify_page.name_edit.setText(name)
    qtbot.waitUntil(wizard.identify_page.isComplete, timeout=WAIT_MS)
    while wizard.currentId() != page:
        assert wizard.currentPage().isComplete()
        wizard.next()


def test_units_check_rates_against_the_types_as_typed(
    wizard: AddProductWizard, qtbot: QtBot
) -> None:
    go_to(wizard, qtbot, PageId.UNITS)
    page = wizard.units_page
    assert [page.default_unit_combo.itemData(i) for i in range(3)] == [1, 2, 8]
    page.default_type_combo.setCurrentIndex(
        page.default_type_combo.findData(int(UnitType.QUARTER))
    )
    row = page.add_row()
    assert row.id_unit() == 2  # the first unit not used yet
    assert row.unit_type() == UnitType.QUARTER
    row.rate_edit.setText("2,3")
    assert "0.25" in row.reason.text()
    assert not next_enabled(wizard)
    row.rate_edit.setText("2,75")
    assert row.reason.text() == "" and next_enabled(wizard)
    row.type_combo.setCurrentIndex(row.type_combo.findData(int(UnitType.INTEGER)))
    assert "cannot go with" in row.reason.text()
    row.type_combo.setCurrentIndex(row.type_combo.findData(int(UnitType.QUARTER)))
    row.unit_combo.setCurrentIndex(row.unit_combo.findData(1))
    assert "already" in row.reason.text()
    row.remove_button.click()
    assert page.rows() == [] and next_enabled(wizard)


# --- page 3 ------------------------------------------------------------------------


def test_prices_put_purchase_first_and_default_the_maximum_to_the_price(
    wizard: AddProductWizard, qtbot: QtBot
) -> None:
    go_to(wizard, qtbot, PageId.PRICES)
    page = wizard.prices_page
    purchase, retail = page.rows()
    assert [purchase.level.id_price_level, retail.level.id_price_level] == [-1, 1]
    retail.price_edit.setText("12,50")
    assert retail.max_edit.placeholderText() == "12,50"
    retail.min_edit.setText("0,05")
    assert "at least 0.10" in retail.reason.text()
    assert not next_enabled(wizard)
    retail.min_edit.setText("10")
    assert next_enabled(wizard)
    purchase.price_edit.setText("abc")
    assert "amount" in purchase.reason.text()
    purchase.price_edit.setText("9,9")
    assert page.prices() == [
        DraftPrice(
            id_price_level=-1,
            price=Decimal("9.9"),
            min_price=Decimal("9.9"),
            max_price=Decimal("9.9"),
        ),
        DraftPrice(
            id_price_level=1,
            price=Decimal("12.50"),
            min_price=Decimal("10"),
            max_price=Decimal("12.50"),
        ),
    ]


# --- page 4 ------------------------------------------------------------------------


def test_generate_fills_the_next_free_in_store_code(
    wizard: AddProductWizard, qtbot: QtBot
) -> None:
    go_to(wizard, qtbot, PageId.BARCODES)
    page = wizard.barcodes_page
    assert page.rows() == []  # page 1 had no code
    page.generate_button.click()
    qtbot.waitUntil(lambda: len(page.rows()) == 1, timeout=WAIT_MS)
    assert page.rows()[0].code_edit.text() == "2000003000005"
    page.generate_button.click()  # the code just added counts as used too
    qtbot.waitUntil(lambda: len(page.rows()) == 2, timeout=WAIT_MS)
    assert page.rows()[1].code_edit.text() == "2000004000004"
    page.rows()[1].code_edit.setText("2000003000005")
    assert "twice" in page.rows()[1].reason.text()
    assert not next_enabled(wizard)
    page.rows()[1].code_edit.setText(OWNED_CODE)  # checked like page 1's code
    qtbot.waitUntil(lambda: "Вода Моршинська" in page.rows()[1].reason.text())
    assert not next_enabled(wizard)
    page.rows()[1].code_edit.setText("977001306120647")
    page.rows()[1].series_edit.setText("2026-47")
    qtbot.waitUntil(lambda: next_enabled(wizard), timeout=WAIT_MS)
    assert [s.id_series for s in page.extra_series()] == ["2026-47"]
    assert page.barcodes()[1].ext_bar_code == "47"


# --- page 5 and resuming -----------------------------------------------------------


def test_entering_create_journals_the_draft_before_anything_is_sent(
    wizard: AddProductWizard, sources: WizardSources, qtbot: QtBot
) -> None:
    go_to(wizard, qtbot, PageId.CREATE)
    create = wizard.create_page
    qtbot.waitUntil(create.create_button.isEnabled, timeout=WAIT_MS)
    (entry,) = sources.journal.unfinished()
    assert entry.draft.name_goods == "Хліб" and not entry.done
    assert "Хліб" in create.summary.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    wizard.back()  # an edit after going back replaces the journaled draft
    wizard.back()
    wizard.back()
    wizard.back()
    go_to(wizard, qtbot, PageId.CREATE, name="Хліб житній")
    qtbot.waitUntil(create.create_button.isEnabled, timeout=WAIT_MS)
    (entry,) = sources.journal.unfinished()
    assert entry.draft.name_goods == "Хліб житній"


def test_the_unfinished_drafts_dialog_discards_a_draft(
    qtbot: QtBot, tmp_path: Path
) -> None:
    journal = CreationJournal(tmp_path / "journal.sqlite3")
    unit = DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER)
    journal.add(ProductDraft(name_goods="Перший", default_unit=unit))
    journal.add(ProductDraft(name_goods="Другий", default_unit=unit))
    dialog = UnfinishedDraftsDialog(journal.unfinished(), journal)
    qtbot.addWidget(dialog)
    assert "not sent yet" in dialog.list.item(0).text()
    dialog.discard_button.click()
    assert [e.draft.name_goods for e in journal.unfinished()] == ["Другий"]
    dialog.resume_button.click()
    assert dialog.chosen_draft_id == journal.unfinished()[0].draft_id


def test_a_draft_without_progress_reopens_on_page_one_filled_in(
    qtbot: QtBot, sources: WizardSources
) -> None:
    draft = ProductDraft(
        name_goods="Сік",
        id_group=3,
        default_unit=DraftDefaultUnit(id_unit=2, type_unit=UnitType.FRACTIONAL),
        prices=[
            DraftPrice(
                id_price_level=1,
                price=Decimal("20"),
                min_price=Decimal("15"),
                max_price=Decimal("20"),
            )
        ],
    )
    draft_id = sources.journal.add(draft)
    wizard = AddProductWizard(sources, draft_id=draft_id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.identify_page.name() == "Сік", timeout=WAIT_MS)
    assert wizard.currentId() == PageId.IDENTIFY
    assert wizard.identify_page.group_id() == 3
    assert wizard.units_page.default_unit() == draft.default_unit
    assert wizard.prices_page.prices() == draft.prices


def test_cancel_before_anything_is_sent_forgets_the_draft(
    wizard: AddProductWizard, sources: WizardSources, qtbot: QtBot
) -> None:
    go_to(wizard, qtbot, PageId.CREATE)
    qtbot.waitUntil(wizard.create_page.create_button.isEnabled, timeout=WAIT_MS)
    assert len(sources.journal.unfinished()) == 1
    wizard.reject()
    qtbot.waitUntil(lambda: sources.journal.unfinished() == [], timeout=WAIT_MS)


class GatedJournal(CreationJournal):
    """A journal whose `add` waits until the test opens the gate."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()

    def add(self, draft: ProductDraft) -> str:
        self.gate.wait(WAIT_MS / 1000)
        return super().add(draft)


def test_going_back_and_forth_while_saving_journals_one_draft(
    qtbot: QtBot, sources: WizardSources, tmp_path: Path
) -> None:
    journal = GatedJournal(tmp_path / "gated.sqlite3")
    wizard = AddProductWizard(dataclasses.replace(sources, journal=journal))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.context.reference is not None, timeout=WAIT_MS)
    go_to(wizard, qtbot, PageId.CREATE)
    assert not wizard.create_page.create_button.isEnabled()  # saving
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.back()
    go_to(wizard, qtbot, PageId.CREATE, name="Хліб білий")
    journal.gate.set()
    qtbot.waitUntil(wizard.create_page.create_button.isEnabled, timeout=WAIT_MS)
    assert [e.draft.name_goods for e in journal.unfinished()] == ["Хліб білий"]
    wizard.identify_page.stop_checking()


def test_a_serial_scan_fills_page_one_then_adds_a_row_on_page_four(
    wizard: AddProductWizard, qtbot: QtBot
) -> None:
    assert wizard.accept_scan("4820000000000 12\r\n")
    assert wizard.identify_page.reading().ext_bar_code == "12"  # type: ignore[union-attr]
    go_to(wizard, qtbot, PageId.BARCODES)
    assert wizard.accept_scan("2000003000005")
    assert [r.code_edit.text() for r in wizard.barcodes_page.rows()] == [
        "4820000000000 12",
        "2000003000005",
    ]
    wizard.next()
    assert not wizard.accept_scan("2000004000004")  # nothing to fill on Create
