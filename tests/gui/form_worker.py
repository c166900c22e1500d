"""A wizard process that types into pages 1-3, then waits to be killed.

    python -m tests.gui.form_worker JOURNAL

Fills the wizard (fake dictionaries, the creation journal at JOURNAL), waits until
the journal keeps what was typed, by the wizard's own delayed save, then prints
"KEPT <form_id>" and runs on until the test ends it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.api.creation import CreationJournal
from app.gui.tasks import TaskRunner
from app.gui.wizard import AddProductWizard, WizardSources
from app.gui.wizard.form_state import WizardForm
from tests.gui.test_wizard_pages import REFERENCE

CODE = "4820000000000 12"
NAME = "Хліб житній"
GROUP = 3  # Соки
RATE = "6"
PURCHASE_PRICE = "12,5"
RETAIL_PRICE = "19,9"
RETAIL_MIN = "1"  # half typed


def fake_sources(journal: CreationJournal, runner: TaskRunner) -> WizardSources:
    return WizardSources(
        client=None,  # type: ignore[arg-type]  # nothing is sent
        journal=journal,
        runner=runner,
        load_reference=lambda: REFERENCE,
        find_barcode_owner=lambda _code: None,
        codes_in_use=lambda: [],
    )


def fill_pages_one_to_three(
    wizard: AddProductWizard, wait: Callable[[Callable[[], bool]], None]
) -> None:
    """Type on pages 1-3 (the dictionaries are loaded), moving on with Next."""
    identify = wizard.identify_page
    identify.barcode_edit.setText(CODE)
    identify.name_edit.setText(NAME)
    identify.group_picker.set_group_id(GROUP)
    wait(identify.isComplete)
    wizard.next()
    units = wizard.units_page
    units.add_row().rate_edit.setText(RATE)
    wait(units.isComplete)
    wizard.next()
    purchase, retail = wizard.prices_page.rows()
    purchase.price_edit.setText(PURCHASE_PRICE)
    retail.price_edit.setText(RETAIL_PRICE)
    retail.min_edit.setText(RETAIL_MIN)


def kept_all(journal: CreationJournal) -> bool:
    forms = journal.forms()
    if len(forms) != 1:
        return False
    form = WizardForm.model_validate_json(forms[0].form_json)
    return [p.min_price for p in form.prices] == ["", RETAIL_MIN]


def main(argv: list[str]) -> int:
    app = QApplication(argv)
    runner = TaskRunner()
    journal = CreationJournal(Path(argv[1]))
    wizard = AddProductWizard(fake_sources(journal, runner))
    wizard.show()

    def wait(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 20
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the wizard did not get there")
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: wizard.context.reference is not None)
    fill_pages_one_to_three(wizard, wait)
    wait(lambda: kept_all(journal))
    print("KEPT", wizard.form_keeper.form_id, flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
