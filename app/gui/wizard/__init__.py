"""The add-product wizard (issue 7).

Public API, for the main window and the scan workflow:

    sources = WizardSources(
        client=client,                 # app.api.client.CatalogClient
        journal=CreationJournal(),     # app.api.creation
        runner=task_runner,            # app.gui.tasks.TaskRunner
        load_reference=client_reference_loader(client),
        find_barcode_owner=first_owner(
            [catalog_owner_finder(catalog), ServerBarcodes(client).owner_of]
        ),
        codes_in_use=ServerBarcodes(client).codes,
    )
    wizard = AddProductWizard(sources, bar_code=scanned_or_none, parent=window)
    wizard.product_created.connect(...)          # CreationResult
    wizard.print_labels_requested.connect(...)   # (id_goods, quantity)
    wizard.open_product_requested.connect(...)   # id_goods of a duplicate's owner
    wizard.show()

    draft_id = offer_unfinished_drafts(window, sources.journal)  # at start-up
    if draft_id:
        AddProductWizard(sources, draft_id=draft_id, parent=window).show()
"""

from app.gui.wizard.common import PageId, WizardSources
from app.gui.wizard.lookups import (
    BarcodeOwner,
    ServerBarcodes,
    WizardReference,
    catalog_owner_finder,
    client_reference_loader,
    first_owner,
)
from app.gui.wizard.resume import UnfinishedDraftsDialog, offer_unfinished_drafts
from app.gui.wizard.wizard import AddProductWizard

__all__ = [
    "AddProductWizard",
    "BarcodeOwner",
    "PageId",
    "ServerBarcodes",
    "UnfinishedDraftsDialog",
    "WizardReference",
    "WizardSources",
    "catalog_owner_finder",
    "client_reference_loader",
    "first_owner",
    "offer_unfinished_drafts",
]
