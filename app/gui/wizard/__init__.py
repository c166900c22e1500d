"""The add-product wizard (issue 7).

Public API, for the main window and the scan workflow:

    sources = WizardSources.for_client(client, task_runner, catalog=local_catalog)
    # (or WizardSources(client=, journal=, runner=, load_reference=,
    #  find_barcode_owner=, codes_in_use=) with fakes in tests)

    wizard = AddProductWizard(sources, bar_code=scanned_or_none, parent=window)
    wizard.product_created.connect(...)          # CreationResult: id_goods, guid
    wizard.print_labels_requested.connect(...)   # (id_goods, quantity)
    wizard.open_product_requested.connect(...)   # id_goods that already has the code
    wizard.show()
    wizard.accept_scan(text)  # a serial scan while open: page 1 or a page-4 row

    # at start-up (reads the journal; returns None at once when it is empty):
    choice = offer_unfinished_drafts(window, sources.journal)
    if choice:
        AddProductWizard(
            sources, draft_id=choice.draft_id, form_id=choice.form_id, parent=window
        ).show()
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.gui.wizard.common import PageId, WizardSources
    from app.gui.wizard.lookups import (
        BarcodeOwner,
        ServerBarcodes,
        WizardReference,
        catalog_owner_finder,
        client_reference_loader,
        first_owner,
    )
    from app.gui.wizard.resume import (
        ResumeChoice,
        UnfinishedDraftsDialog,
        offer_unfinished_drafts,
        unfinished_work,
    )
    from app.gui.wizard.wizard import AddProductWizard, ask_to_discard

# Loaded on first use (PEP 562): the scan workflow imports `wizard.validators` at
# start-up, and the pages, the journal and the dialogs are not needed until the
# wizard opens.
_MODULE_OF = {
    "PageId": "common",
    "WizardSources": "common",
    "BarcodeOwner": "lookups",
    "ServerBarcodes": "lookups",
    "WizardReference": "lookups",
    "catalog_owner_finder": "lookups",
    "client_reference_loader": "lookups",
    "first_owner": "lookups",
    "ResumeChoice": "resume",
    "UnfinishedDraftsDialog": "resume",
    "offer_unfinished_drafts": "resume",
    "unfinished_work": "resume",
    "AddProductWizard": "wizard",
    "ask_to_discard": "wizard",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AddProductWizard",
    "BarcodeOwner",
    "PageId",
    "ResumeChoice",
    "ServerBarcodes",
    "UnfinishedDraftsDialog",
    "WizardReference",
    "WizardSources",
    "ask_to_discard",
    "catalog_owner_finder",
    "client_reference_loader",
    "first_owner",
    "offer_unfinished_drafts",
    "unfinished_work",
]
