"""The wizard keeps pages 1-4 in the creation journal as they are typed, so a killed
app loses nothing; the next start offers the form and restores it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.api.creation import (
    CreationJournal,
    DraftDefaultUnit,
    ProductDraft,
    Step,
)
from app.domain.models import UnitType
from app.gui.tasks import TaskRunner
from app.gui.wizard import (
    AddProductWizard,
    PageId,
    UnfinishedDraftsDialog,
    WizardSources,
    unfinished_work,
)
from app.gui.wizard.form_state import WizardForm
from tests.gui import form_worker
from tests.gui.form_worker import fake_sources, fill_pages_one_to_three

WAIT_MS = 10_000
ROOT = Path(__file__).resolve().parents[2]


class CountingJournal(CreationJournal):
    """Counts the form writes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.form_writes = 0

    def save_form(self, form_id: str, form_json: str, draft_id: str | None) -> None:
        self.form_writes += 1
        super().save_form(form_id, form_json, draft_id)


@pytest.fixture
def journal(tmp_path: Path) -> CountingJournal:
    return CountingJournal(tmp_path / "journal.sqlite3")


@pytest.fixture
def sources(journal: CountingJournal, runner: TaskRunner) -> WizardSources:
    return fake_sources(journal, runner)


def open_wizard(
    qtbot: QtBot, wizard: AddProductWizard, *, killed: bool = False
) -> AddProductWizard:
    if not killed:  # a killed one is destroyed by the test, never closed
        qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.context.reference is not None, timeout=WAIT_MS)
    return wizard


def kept(journal: CreationJournal) -> list[WizardForm]:
    return [WizardForm.model_validate_json(f.form_json) for f in journal.forms()]


def wait_until_kept(qtbot: QtBot, journal: CreationJournal, name: str) -> None:
    qtbot.waitUntil(
        lambda: [form.name for form in kept(journal)] == [name], timeout=WAIT_MS
    )


def fill(qtbot: QtBot, wizard: AddProductWizard) -> None:
    fill_pages_one_to_three(
        wizard, lambda condition: qtbot.waitUntil(condition, timeout=WAIT_MS)
    )


def destroy_without_closing(wizard: AddProductWizard) -> None:
    """As when the process dies: no Cancel, no close, no last save."""
    shiboken6.delete(wizard)


def assert_restored(wizard: AddProductWizard) -> None:
    identify = wizard.identify_page
    assert identify.barcode_edit.text() == form_worker.CODE
    assert identify.name_edit.text() == form_worker.NAME
    assert identify.group_id() == form_worker.GROUP
    (row,) = wizard.units_page.rows()
    assert (row.id_unit(), row.rate_edit.text()) == (2, form_worker.RATE)
    purchase, retail = wizard.prices_page.rows()
    assert purchase.price_edit.text() == form_worker.PURCHASE_PRICE
    assert retail.price_edit.text() == form_worker.RETAIL_PRICE
    assert retail.min_edit.text() == form_worker.RETAIL_MIN
    assert wizard.currentId() == PageId.IDENTIFY


def resume_offered(
    qtbot: QtBot, journal: CreationJournal
) -> tuple[UnfinishedDraftsDialog, str]:
    """The start-up dialog as the next start shows it; Resume on the first line."""
    entries, forms = unfinished_work(journal)
    dialog = UnfinishedDraftsDialog(entries, journal, forms=forms)
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    dialog.resume_button.click()
    assert dialog.chosen_draft_id is None and dialog.chosen_form_id is not None
    return dialog, text


def test_a_killed_process_loses_nothing_typed_on_pages_one_to_three(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal, tmp_path: Path
) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "tests.gui.form_worker", str(journal.path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as worker:
        assert worker.stdout is not None
        line = worker.stdout.readline()  # once the journal keeps pages 1-3
        os.kill(worker.pid, signal.SIGKILL)
        _out, errors = worker.communicate(timeout=30)
    assert line.startswith("KEPT "), errors
    assert worker.returncode == -signal.SIGKILL
    form_id = line.split()[1]

    dialog, text = resume_offered(qtbot, journal)
    assert form_worker.NAME in text and "still being filled in" in text
    assert dialog.chosen_form_id == form_id

    wizard = open_wizard(qtbot, AddProductWizard(sources, form_id=form_id))
    qtbot.waitUntil(lambda: wizard.identify_page.name() != "", timeout=WAIT_MS)
    assert_restored(wizard)
    # Editing goes on in the same record.
    wizard.identify_page.name_edit.setText("Хліб білий")
    wait_until_kept(qtbot, journal, "Хліб білий")
    assert [f.form_id for f in journal.forms()] == [form_id]


def test_typing_is_kept_after_a_pause_in_one_write(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    wizard = open_wizard(qtbot, AddProductWizard(sources))
    QTest.keyClicks(wizard.identify_page.name_edit, "Bread rye")  # one burst
    wait_until_kept(qtbot, journal, "Bread rye")
    assert journal.form_writes == 1

    wizard.save_form_now()  # nothing new: nothing written
    sources.runner.wait_for_done(WAIT_MS)
    assert journal.form_writes == 1


def test_a_wizard_destroyed_unclosed_reopens_from_the_journal(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    first = open_wizard(qtbot, AddProductWizard(sources), killed=True)
    fill(qtbot, first)
    qtbot.waitUntil(lambda: form_worker.kept_all(journal), timeout=WAIT_MS)
    destroy_without_closing(first)

    dialog, _text = resume_offered(qtbot, journal)
    second = open_wizard(
        qtbot, AddProductWizard(sources, form_id=dialog.chosen_form_id)
    )
    qtbot.waitUntil(lambda: second.identify_page.name() != "", timeout=WAIT_MS)
    assert_restored(second)


def test_a_wizard_nobody_typed_into_is_not_kept(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    wizard = open_wizard(
        qtbot, AddProductWizard(sources, bar_code="4820000000000"), killed=True
    )
    wizard.save_form_now()
    sources.runner.wait_for_done(WAIT_MS)
    destroy_without_closing(wizard)
    assert journal.forms() == []


def test_cancel_forgets_the_form(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    wizard = open_wizard(qtbot, AddProductWizard(sources))
    wizard.identify_page.name_edit.setText("Сир")
    wait_until_kept(qtbot, journal, "Сир")
    wizard.reject()
    qtbot.waitUntil(lambda: journal.forms() == [], timeout=WAIT_MS)
    assert not wizard.isVisible()


def test_cancel_asks_first_when_the_app_wants_it(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    answers = [False, True]
    asked = []

    def confirm(parent: object) -> bool:
        asked.append(parent)
        return answers.pop(0)

    wizard = open_wizard(qtbot, AddProductWizard(sources, confirm_discard=confirm))
    wizard.identify_page.name_edit.setText("Сир")
    wizard.save_form_now()
    wait_until_kept(qtbot, journal, "Сир")
    wizard.reject()  # "Keep editing"
    assert asked == [wizard] and wizard.isVisible()
    assert len(journal.forms()) == 1
    wizard.reject()  # "Discard"
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: journal.forms() == [], timeout=WAIT_MS)


def test_cancel_of_a_blank_wizard_asks_nothing(
    qtbot: QtBot, sources: WizardSources
) -> None:
    def confirm(parent: object) -> bool:
        raise AssertionError("nothing was typed; nothing to ask")

    wizard = open_wizard(qtbot, AddProductWizard(sources, confirm_discard=confirm))
    wizard.reject()
    assert not wizard.isVisible()


def test_the_form_stands_for_its_unsent_draft_and_replaces_it_on_resume(
    qtbot: QtBot, sources: WizardSources, journal: CountingJournal
) -> None:
    first = open_wizard(qtbot, AddProductWizard(sources), killed=True)
    fill(qtbot, first)
    first.next()
    first.next()
    assert first.currentId() == PageId.CREATE
    qtbot.waitUntil(first.create_page.create_button.isEnabled, timeout=WAIT_MS)
    (entry,) = journal.unfinished()
    qtbot.waitUntil(
        lambda: [f.draft_id for f in journal.forms()] == [entry.draft_id],
        timeout=WAIT_MS,
    )
    destroy_without_closing(first)

    entries, forms = unfinished_work(journal)
    assert entries == [] and len(forms) == 1  # offered once, as the form

    second = open_wizard(qtbot, AddProductWizard(sources, form_id=forms[0].form_id))
    qtbot.waitUntil(lambda: second.identify_page.name() != "", timeout=WAIT_MS)
    second.identify_page.name_edit.setText("Хліб білий")
    qtbot.waitUntil(second.identify_page.isComplete, timeout=WAIT_MS)
    while second.currentId() != PageId.CREATE:
        second.next()
    qtbot.waitUntil(second.create_page.create_button.isEnabled, timeout=WAIT_MS)
    assert [(e.draft_id, e.draft.name_goods) for e in journal.unfinished()] == [
        (entry.draft_id, "Хліб білий")
    ]


def test_forms_out_of_date_are_forgotten_and_their_drafts_offered(
    journal: CountingJournal,
) -> None:
    draft = ProductDraft(
        name_goods="Сік",
        default_unit=DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER),
    )
    sending = journal.add(draft)
    journal.mark_done(sending, Step.RESERVE, "reserve", id_goods=5, guid="g-5")
    finished = journal.add(draft)
    journal.finish(finished)
    unsent = journal.add(draft)
    journal.save_form("began", WizardForm(name="Сік").model_dump_json(), sending)
    journal.save_form("done", WizardForm(name="Сік").model_dump_json(), finished)
    journal.save_form("gone", WizardForm().model_dump_json(), "no-such-draft")
    journal.save_form("typing", WizardForm(name="Сік").model_dump_json(), unsent)
    journal.save_form("fresh", WizardForm(bar_code="123").model_dump_json(), None)

    entries, forms = unfinished_work(journal)

    assert [e.draft_id for e in entries] == [sending]
    assert [f.form_id for f in forms] == ["typing", "fresh"]
    assert {f.form_id for f in journal.forms()} == {"typing", "fresh"}


def test_discarding_a_form_in_the_dialog_forgets_its_draft_too(
    qtbot: QtBot, journal: CountingJournal
) -> None:
    draft = ProductDraft(
        name_goods="Сік",
        default_unit=DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER),
    )
    unsent = journal.add(draft)
    journal.save_form("typing", WizardForm(name="Сік").model_dump_json(), unsent)
    journal.save_form("blank", WizardForm().model_dump_json(), None)
    entries, forms = unfinished_work(journal)
    dialog = UnfinishedDraftsDialog(entries, journal, forms=forms)
    qtbot.addWidget(dialog)
    assert "(no name yet)" in dialog.list.item(1).text()

    dialog.discard_button.click()

    assert journal.unfinished() == []
    assert [f.form_id for f in journal.forms()] == ["blank"]
