"""Pieces every wizard page uses: the page ids, reason labels, the shared context."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.api.client import CatalogClient
from app.api.creation import CreationJournal
from app.gui.tasks import TaskRunner
from app.gui.wizard.lookups import (
    CodesInUse,
    LocalCatalog,
    OwnerFinder,
    ReferenceLoader,
    ServerBarcodes,
    WizardReference,
    catalog_owner_finder,
    client_reference_loader,
    first_owner,
)

logger = logging.getLogger(__name__)


class PageId(IntEnum):
    IDENTIFY = 0
    UNITS = 1
    PRICES = 2
    BARCODES = 3
    CREATE = 4


@dataclass(frozen=True)
class WizardSources:
    """Everything the wizard needs from outside, passed in (tests pass fakes).

    `client` runs the creation flow; `load_reference`, `find_barcode_owner` and
    `codes_in_use` block and are run through `runner`, never on the GUI thread.
    """

    client: CatalogClient
    journal: CreationJournal
    runner: TaskRunner
    load_reference: ReferenceLoader
    find_barcode_owner: OwnerFinder
    codes_in_use: CodesInUse

    @classmethod
    def for_client(
        cls,
        client: CatalogClient,
        runner: TaskRunner,
        *,
        journal: CreationJournal | None = None,
        catalog: LocalCatalog | None = None,
    ) -> WizardSources:
        """The usual wiring: dictionaries from the server, duplicates looked up in
        the local catalog first (when given) and then on the server, codes in use
        read from the server, and the creation journal in the user data folder."""
        server = ServerBarcodes(client)
        finders: list[OwnerFinder] = [server.owner_of]
        if catalog is not None:
            finders.insert(0, catalog_owner_finder(catalog))
        return cls(
            client=client,
            journal=journal or CreationJournal(),
            runner=runner,
            load_reference=client_reference_loader(client),
            find_barcode_owner=first_owner(finders),
            codes_in_use=server.codes,
        )


class WizardContext(QObject):
    """What the pages share: the sources and, once loaded, the dictionaries.

    Signals:
        reference_loaded(WizardReference): the groups, levels and units arrived.
    """

    reference_loaded = Signal(object)

    def __init__(self, sources: WizardSources, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.reference: WizardReference | None = None

    def set_reference(self, reference: WizardReference) -> None:
        self.reference = reference
        self.reference_loaded.emit(reference)


REASON_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #555;"


class FieldNote(QLabel):
    """A note under a field that takes no room while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def reason_label(name: str, parent: QWidget | None = None) -> QLabel:
    """A label beside a field saying why it is not acceptable (empty when it is)."""
    label = FieldNote(parent)
    label.setObjectName(name)
    label.setStyleSheet(REASON_STYLE)
    label.setWordWrap(True)
    return label


def note_label(name: str, parent: QWidget | None = None) -> QLabel:
    label = FieldNote(parent)
    label.setObjectName(name)
    label.setStyleSheet(NOTE_STYLE)
    label.setWordWrap(True)
    return label


def display_decimal(value: Decimal, min_decimals: int = 0) -> str:
    """A decimal as staff read it: the locale's decimal point, no float rounding."""
    if min_decimals:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent > -min_decimals:
            value = value.quantize(Decimal(1).scaleb(-min_decimals))
        text = format(value, "f")
    else:
        text = format(value.normalize(), "f")
    return text.replace(".", QLocale().decimalPoint())
