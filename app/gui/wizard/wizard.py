"""The add-product wizard: five pages over the resumable creation flow."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from app.api.creation import (
    CreationJournal,
    CreationResult,
    DraftDefaultUnit,
    JournalEntry,
    ProductDraft,
    UnknownDraft,
)
from app.domain.models import BASE_SERIES_ID
from app.gui.tasks import TaskFailure
from app.gui.wizard.barcodes_page import BarcodesPage
from app.gui.wizard.common import (
    PageId,
    WizardContext,
    WizardSources,
    display_decimal,
)
from app.gui.wizard.create_page import CreatePage
from app.gui.wizard.form_state import (
    FormKeeper,
    WizardForm,
    parse_form,
    restore_form,
)
from app.gui.wizard.identify_page import IdentifyPage
from app.gui.wizard.lookups import WizardReference
from app.gui.wizard.prices_page import PricesPage
from app.gui.wizard.units_page import UnitsPage

logger = logging.getLogger(__name__)

# Asked on Cancel when something was typed and nothing sent: True to discard.
ConfirmDiscard = Callable[[QWidget], bool]


def ask_to_discard(parent: QWidget) -> bool:
    """The question the app asks before a Cancel throws typed work away."""
    box = QMessageBox(parent)
    box.setObjectName("discardFormBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AddProductWizard", "Cancel"))
    box.setText(
        QCoreApplication.translate(
            "AddProductWizard", "Discard this product? What you typed is not kept."
        )
    )
    discard = box.addButton(
        QCoreApplication.translate("AddProductWizard", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("AddProductWizard", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(discard)  # whoever pressed Cancel most likely meant it
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


@dataclass(frozen=True)
class _Loaded:
    reference: WizardReference
    entry: JournalEntry | None
    form: WizardForm | None
    form_draft_id: str | None  # the unsent draft the form was turned into


def _load_form(
    journal: CreationJournal, form_id: str
) -> tuple[WizardForm | None, str | None]:
    try:
        saved = journal.load_form(form_id)
    except UnknownDraft:
        logger.warning("wizard form %s is no longer kept", form_id)
        return None, None
    draft_id = saved.draft_id
    if draft_id is not None:
        try:
            linked = journal.load(draft_id)
        except UnknownDraft:
            draft_id = None
        else:
            if linked.done or linked.finished:
                draft_id = None
    return parse_form(saved), draft_id


class AddProductWizard(QWizard):
    """Guides a new product from its barcode to its labels.

    `bar_code` fills page 1 (a scan of an unknown code); `draft_id` resumes a draft
    of the creation journal, `form_id` a form kept while it was typed (see
    `offer_unfinished_drafts`). Pages 1-4 are kept in the journal as they are
    edited (`FormKeeper`). `confirm_discard`, when given, is asked before a Cancel
    throws typed work away.

    Signals:
        product_created(CreationResult): the product exists on the server.
        print_labels_requested(int, int): id_goods and how many labels to queue.
        open_product_requested(int): the user wants to see the product that
            already has the barcode (page 1's duplicate check).
        loading_failed(TaskFailure): the dictionaries or the draft did not load.
    """

    product_created = Signal(object)
    print_labels_requested = Signal(int, int)
    open_product_requested = Signal(int)
    loading_failed = Signal(object)

    def __init__(
        self,
        sources: WizardSources,
        *,
        bar_code: str | None = None,
        draft_id: str | None = None,
        form_id: str | None = None,
        confirm_discard: ConfirmDiscard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addProductWizard")
        self.setWindowTitle(self.tr("Add a product"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(760, 600)
        self.context = WizardContext(sources, self)

        self.identify_page = IdentifyPage(self.context)
        self.units_page = UnitsPage(self.context)
        self.prices_page = PricesPage(self.context)
        self.barcodes_page = BarcodesPage(
            self.context, self.identify_page, self.units_page
        )
        self.create_page = CreatePage(
            self.context, self.build_draft, self.describe_draft
        )
        self.setPage(PageId.IDENTIFY, self.identify_page)
        self.setPage(PageId.UNITS, self.units_page)
        self.setPage(PageId.PRICES, self.prices_page)
        self.setPage(PageId.BARCODES, self.barcodes_page)
        self.setPage(PageId.CREATE, self.create_page)

        self.identify_page.open_product_requested.connect(self.open_product_requested)
        self.create_page.created.connect(self._on_create_page_created)
        self.create_page.print_labels_requested.connect(self.print_labels_requested)

        self._confirm_discard = confirm_discard
        self.form_keeper = FormKeeper(self, sources.journal, sources.runner, form_id)
        for page in (
            self.identify_page,
            self.units_page,
            self.prices_page,
            self.barcodes_page,
        ):
            page.completeChanged.connect(self.form_keeper.changed)
        self.identify_page.group_picker.group_changed.connect(self.form_keeper.changed)
        self.identify_page.free_price_check.toggled.connect(self.form_keeper.changed)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self.create_page.draft_journaled.connect(self.form_keeper.save_now)
        # From "Create" on, the journaled draft is the record.
        self.create_page.sending_started.connect(self.form_keeper.drop)

        if bar_code:
            self.identify_page.barcode_edit.setText(bar_code)
        self.form_keeper.set_baseline()
        self._load(draft_id, form_id)

    # --- loading --------------------------------------------------------------

    def _load(self, draft_id: str | None, form_id: str | None) -> None:
        sources = self.context.sources

        def load() -> _Loaded:
            reference = sources.load_reference()
            entry = sources.journal.load(draft_id) if draft_id else None
            form, form_draft_id = (
                _load_form(sources.journal, form_id) if form_id else (None, None)
            )
            return _Loaded(reference, entry, form, form_draft_id)

        sources.runner.run(
            load,
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
            name="wizard load dictionaries",
        )

    def _on_loaded(self, loaded: _Loaded) -> None:
        if not shiboken6.isValid(self):
            return
        untouched = self.form_keeper.is_blank()
        self.context.set_reference(loaded.reference)
        if loaded.entry is not None:
            self.fill_from_draft(loaded.entry)
        if loaded.form is not None:
            logger.info("wizard: restoring kept form %s", self.form_keeper.form_id)
            restore_form(self, loaded.form)
            self.create_page.draft_id = loaded.form_draft_id
        if untouched or loaded.entry is not None or loaded.form is not None:
            # The units and prices the dictionaries filled in are no edit.
            self.form_keeper.set_baseline()

    def _on_load_failed(self, failure: TaskFailure) -> None:
        if not shiboken6.isValid(self):
            return
        self.identify_page.group_note.setText(
            self.tr("Could not load the groups, units and price levels: %1").replace(
                "%1", failure.message
            )
        )
        self.loading_failed.emit(failure)

    def fill_from_draft(self, entry: JournalEntry) -> None:
        """Put a journaled draft back into the pages; with progress, go to Create."""
        draft = entry.draft
        logger.info("wizard: resuming draft %s at step %s", entry.draft_id, entry.step)
        plain = [b for b in draft.barcodes if draft.is_plain(b)]
        first = plain[0] if plain else None
        if first is not None:
            self.identify_page.barcode_edit.setText(
                first.bar_code
                + (f" {first.ext_bar_code}" if first.ext_bar_code else "")
            )
        self.identify_page.name_edit.setText(draft.name_goods)
        self.identify_page.group_picker.set_group_id(draft.id_group)
        self.identify_page.free_price_check.setChecked(draft.free_price)
        self.units_page.set_units(draft.default_unit, draft.extra_units)
        self.prices_page.set_prices(draft.prices)
        self.barcodes_page.set_barcodes(b for b in draft.barcodes if b is not first)
        self.create_page.draft_id = entry.draft_id
        if entry.done:
            self.form_keeper.drop()  # part of it is on the server: no editing
            self.identify_page.stop_checking()
            self.create_page.resume(entry)
            self.setStartId(PageId.CREATE)
            self.restart()

    # --- scans while open -----------------------------------------------------

    def accept_scan(self, text: str) -> bool:
        """A scan from a serial scanner (a keyboard-wedge scan types into the
        focused field by itself): on page 1 it becomes the barcode, on page 4 a
        new row. Returns False where a scan means nothing (the scan workflow may
        then handle it as usual)."""
        page = self.currentId()
        if page == PageId.IDENTIFY:
            self.identify_page.barcode_edit.setText(text.strip())
            return True
        if page == PageId.BARCODES:
            self.barcodes_page.add_row(text.strip())
            return True
        return False

    # --- the draft ------------------------------------------------------------

    def save_form_now(self) -> None:
        """Keep the form now rather than after the short delay (the app closes)."""
        self.form_keeper.save_now()

    @Slot(int)
    def _on_current_id_changed(self, _page_id: int) -> None:
        self.form_keeper.save_now()

    def build_draft(self) -> ProductDraft:
        """The draft the pages describe (raises `ValueError` if they are incomplete)."""
        default = self.units_page.default_unit()
        if default is None:
            raise ValueError("no default unit chosen")
        return ProductDraft(
            name_goods=self.identify_page.name(),
            id_group=self.identify_page.group_id(),
            free_price=self.identify_page.free_price(),
            default_unit=DraftDefaultUnit(
                id_unit=default.id_unit, type_unit=default.type_unit
            ),
            extra_units=self.units_page.extra_units(),
            prices=self.prices_page.prices(),
            barcodes=self.barcodes_page.barcodes(),
            extra_series=self.barcodes_page.extra_series(),
        )

    def describe_draft(self, draft: ProductDraft) -> str:
        """The summary of page 5 (rich text, every value escaped)."""

        def esc(value: object) -> str:
            return html.escape(str(value))

        unit = self.units_page.unit_short_name
        lines = [f"<b>{esc(draft.name_goods)}</b>"]
        group = self.identify_page.group_picker.group_path()
        lines.append(
            esc(self.tr("Group: %1").replace("%1", group or self.tr("none")))
            + (" · " + esc(self.tr("free price")) if draft.free_price else "")
        )
        units = [esc(unit(draft.default_unit.id_unit))] + [
            esc(
                self.tr("%1 = %2 × %3")
                .replace("%1", unit(extra.id_unit))
                .replace("%2", display_decimal(extra.rate))
                .replace("%3", unit(draft.default_unit.id_unit))
            )
            for extra in draft.extra_units
        ]
        lines.append(esc(self.tr("Units:")) + " " + "; ".join(units))
        prices = []
        for price in draft.prices:
            text = "%1: %2"
            if not price.min_price == price.max_price == price.price:
                text = self.tr("%1: %2 (min %3, max %4)")
            prices.append(
                esc(
                    text.replace(
                        "%1", self.prices_page.level_name(price.id_price_level)
                    )
                    .replace("%2", display_decimal(price.price, 2))
                    .replace("%3", display_decimal(price.min_price, 2))
                    .replace("%4", display_decimal(price.max_price, 2))
                )
            )
        lines.append(
            esc(self.tr("Prices:")) + " " + ("; ".join(prices) or esc(self.tr("none")))
        )
        codes = []
        for barcode in draft.barcodes:
            text = barcode.bar_code
            if barcode.ext_bar_code:
                text += f" + {barcode.ext_bar_code}"
            text += f" ({unit(draft.unit_of(barcode))}"
            if barcode.id_series != BASE_SERIES_ID:
                text += ", " + self.tr("series %1").replace("%1", barcode.id_series)
            codes.append(esc(text + ")"))
        lines.append(
            esc(self.tr("Barcodes:")) + " " + ("; ".join(codes) or esc(self.tr("none")))
        )
        return "<br>".join(lines)

    # --- the end --------------------------------------------------------------

    @Slot(object)
    def _on_create_page_created(self, result: CreationResult) -> None:
        self.product_created.emit(result)

    def done(self, result: int) -> None:
        self.identify_page.stop_checking()
        self.barcodes_page.stop_checking()
        self.form_keeper.drop()
        super().done(result)

    def reject(self) -> None:
        # Closing while a step runs would leave the worker writing to a dead page;
        # the draft stays in the journal either way and is offered next start.
        if self.create_page.is_running():
            return
        # A Cancel is meant: what was typed and not sent is forgotten, after one
        # question if the app asks it. Drafts that began sending stay (abandon).
        unsent = not self.create_page.has_progress()
        if (
            unsent
            and self._confirm_discard is not None
            and not self.form_keeper.is_blank()
            and not self._confirm_discard(self)
        ):
            return
        self.form_keeper.drop()
        self.create_page.abandon()
        super().reject()
