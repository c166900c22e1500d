"""The wizard's form as typed, kept in the creation journal while it is edited.

Pages 1-4 are saved a moment after the last change and on every page change (the
write runs on a worker), so a killed app loses nothing typed; the next start offers
the form like an unfinished draft (see `resume.py`) and `restore_form` puts it back.
The fields are kept as typed, half-typed prices and all: an incomplete form is
restored as it was, not as the draft it would make.

Once "Create" is pressed the journaled draft is the record and the form is dropped;
a Cancel drops it too.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

import shiboken6
from pydantic import BaseModel, Field
from PySide6.QtCore import QObject, QTimer, Slot

from app.api.creation import CreationJournal, SavedForm
from app.domain.models import UnitType
from app.gui.tasks import TaskFailure, TaskRunner

if TYPE_CHECKING:
    from app.gui.wizard.wizard import AddProductWizard

logger = logging.getLogger(__name__)

# Long enough that a burst of typing is one write, short enough that a kill right
# after a pause loses at most the last few keys.
SAVE_DELAY_MS = 400


class ExtraUnitFields(BaseModel):
    id_unit: int | None
    type_unit: int
    rate: str


class PriceFields(BaseModel):
    id_price_level: int
    price: str
    min_price: str
    max_price: str


class BarcodeFields(BaseModel):
    code: str
    id_unit: int | None
    series: str


class WizardForm(BaseModel):
    """Pages 1-4 as typed (page 4's rows without the one page 1 leads with)."""

    bar_code: str = ""
    name: str = ""
    id_group: int | None = None
    free_price: bool = False
    default_unit: int | None = None
    default_type: int | None = None
    extra_units: list[ExtraUnitFields] = Field(default_factory=list)
    prices: list[PriceFields] = Field(default_factory=list)
    barcodes: list[BarcodeFields] = Field(default_factory=list)

    def title(self) -> str:
        """The name, else the barcode, else "" (for the list of unfinished work)."""
        return self.name.strip() or self.bar_code.strip()


def read_form(wizard: AddProductWizard) -> WizardForm:
    """What pages 1-4 hold now (reads widgets: GUI thread only)."""
    identify = wizard.identify_page
    units = wizard.units_page
    default_unit = units.default_unit_combo.currentData()
    return WizardForm(
        bar_code=identify.barcode_edit.text(),
        name=identify.name_edit.text(),
        id_group=identify.group_id(),
        free_price=identify.free_price(),
        default_unit=None if default_unit is None else int(default_unit),
        default_type=int(units.default_type()),
        extra_units=[
            ExtraUnitFields(
                id_unit=row.id_unit(),
                type_unit=int(row.unit_type()),
                rate=row.rate_edit.text(),
            )
            for row in units.rows()
        ],
        prices=[
            PriceFields(
                id_price_level=row.level.id_price_level,
                price=row.price_edit.text(),
                min_price=row.min_edit.text(),
                max_price=row.max_edit.text(),
            )
            for row in wizard.prices_page.rows()
            if row.price_edit.text() or row.min_edit.text() or row.max_edit.text()
        ],
        barcodes=[
            BarcodeFields(
                code=row.code_edit.text(),
                id_unit=row.unit_combo.currentData(),
                series=row.series_edit.text(),
            )
            for row in wizard.barcodes_page.rows()
            if not row.from_first_page
        ],
    )


def restore_form(wizard: AddProductWizard, form: WizardForm) -> None:
    """Put a kept form back into pages 1-4 (after the dictionaries loaded)."""
    identify = wizard.identify_page
    identify.barcode_edit.setText(form.bar_code)
    identify.name_edit.setText(form.name)
    identify.group_picker.set_group_id(form.id_group)
    identify.free_price_check.setChecked(form.free_price)

    units = wizard.units_page
    if form.default_unit is not None:
        units.default_unit_combo.setCurrentIndex(
            max(0, units.default_unit_combo.findData(form.default_unit))
        )
    if form.default_type is not None and form.default_type in set(UnitType):
        units.default_type_combo.setCurrentIndex(
            units.default_type_combo.findData(form.default_type)
        )
    for unit in form.extra_units:
        row = units.add_row()
        if unit.id_unit is not None:
            row.unit_combo.setCurrentIndex(
                max(0, row.unit_combo.findData(unit.id_unit))
            )
        row.type_combo.setCurrentIndex(max(0, row.type_combo.findData(unit.type_unit)))
        row.rate_edit.setText(unit.rate)

    by_level = {price.id_price_level: price for price in form.prices}
    for price_row in wizard.prices_page.rows():
        price = by_level.get(price_row.level.id_price_level)
        if price is not None:
            price_row.price_edit.setText(price.price)
            price_row.min_edit.setText(price.min_price)
            price_row.max_edit.setText(price.max_price)

    for barcode in form.barcodes:
        barcode_row = wizard.barcodes_page.add_row(barcode.code)
        if barcode.id_unit is not None:
            barcode_row.unit_combo.setCurrentIndex(
                max(0, barcode_row.unit_combo.findData(barcode.id_unit))
            )
        barcode_row.series_edit.setText(barcode.series)


def parse_form(saved: SavedForm) -> WizardForm:
    """The kept fields; a record that no longer parses gives an empty form."""
    try:
        return WizardForm.model_validate_json(saved.form_json)
    except ValueError as error:
        logger.warning("kept form %s unreadable: %s", saved.form_id, error)
        return WizardForm()


class FormKeeper(QObject):
    """Saves the wizard's form to the journal as it is edited.

    `changed()` (re)starts the short delay; `save_now()` saves at once (page
    changes, closing). Writes go one at a time through `runner`; a change made
    while one runs is saved after it. `drop()` stops saving and forgets the form,
    after any write still running.
    """

    def __init__(
        self,
        wizard: AddProductWizard,
        journal: CreationJournal,
        runner: TaskRunner,
        form_id: str | None = None,
    ) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._journal = journal
        self._runner = runner
        self.form_id = form_id or uuid.uuid4().hex
        self.saved = form_id is not None  # the journal holds this form
        self._baseline: tuple[WizardForm, str | None] | None = None
        self._last: tuple[WizardForm, str | None] | None = None
        self._writing = False
        self._again = False
        self._stopped = False
        self._drop_after_write = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def _state(self) -> tuple[WizardForm, str | None]:
        return read_form(self._wizard), self._wizard.create_page.draft_id

    def set_baseline(self) -> None:
        """What the wizard opened with (a scanned code, a resumed form) is not an
        edit: a form nobody typed into is not kept."""
        self._baseline = self._state()
        if self.saved:
            self._last = self._baseline

    def is_blank(self) -> bool:
        """Nothing typed since the wizard opened, and nothing kept."""
        if self.saved:
            return False
        return self._baseline is None or self._state()[0] == self._baseline[0]

    @Slot()
    def changed(self) -> None:
        if not self._stopped:
            self._timer.start()

    @Slot()
    def save_now(self) -> None:
        if self._stopped or not shiboken6.isValid(self._wizard):
            return
        self._timer.stop()
        if self._writing:
            self._again = True
            return
        state = self._state()
        if state == self._last or (not self.saved and state == self._baseline):
            return
        form, draft_id = state
        self._writing = True
        self._runner.run(
            self._journal.save_form,
            self.form_id,
            form.model_dump_json(),
            draft_id,
            on_done=lambda _none: self._on_written(state),
            on_error=self._on_write_failed,
            name="wizard keep form",
        )

    def _on_written(self, state: tuple[WizardForm, str | None]) -> None:
        self._writing = False
        self.saved = True
        self._last = state
        logger.debug("wizard form %s kept", self.form_id)
        self._after_write()

    def _on_write_failed(self, failure: TaskFailure) -> None:
        # The next change tries again; the page itself keeps working.
        self._writing = False
        logger.warning("wizard form %s not kept: %s", self.form_id, failure.message)
        self._after_write()

    def _after_write(self) -> None:
        if self._drop_after_write:
            self._drop_after_write = False
            self._forget()
        elif self._again:
            self._again = False
            self.save_now()

    def drop(self) -> None:
        """Stop keeping the form and forget it (Cancel, or sending began)."""
        self._stopped = True
        self._timer.stop()
        if self._writing:
            self._drop_after_write = True
        elif self.saved:
            self._forget()

    def _forget(self) -> None:
        self.saved = False
        logger.info("wizard form %s forgotten", self.form_id)
        self._runner.run(
            self._journal.discard_form, self.form_id, name="wizard forget form"
        )
