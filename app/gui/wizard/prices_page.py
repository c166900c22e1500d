"""Page 3: a price row for each active price level, Purchase first."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.api.creation import DraftPrice
from app.domain.models import PriceLevel
from app.gui.wizard.common import (
    WizardContext,
    display_decimal,
    note_label,
    reason_label,
)
from app.gui.wizard.lookups import WizardReference
from app.gui.wizard.validators import PriceTexts, check_price_texts

logger = logging.getLogger(__name__)


def ordered_levels(levels: list[PriceLevel]) -> list[PriceLevel]:
    """The active levels, Purchase first, then by id."""
    active = [level for level in levels if level.active]
    return sorted(
        active, key=lambda level: (not level.is_purchase, level.id_price_level)
    )


@dataclass
class PriceRow:
    level: PriceLevel
    price_edit: QLineEdit
    min_edit: QLineEdit
    max_edit: QLineEdit
    reason: QLabel

    def texts(self) -> PriceTexts:
        return PriceTexts(
            self.price_edit.text(), self.min_edit.text(), self.max_edit.text()
        )


class PricesPage(QWizardPage):
    """Price, minimum and maximum per level; the maximum defaults to the price."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[PriceRow] = []

        self.setTitle(self.tr("Prices"))
        self.setSubTitle(
            self.tr(
                "One price per level, for the default unit. Leave a level empty to "
                "price it later. An empty maximum is the price; an empty minimum is "
                "the maximum."
            )
        )
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)
        self._grid.setColumnStretch(3, 1)
        for column, title in enumerate(
            [
                self.tr("Price level"),
                self.tr("Price"),
                self.tr("Minimum"),
                self.tr("Maximum"),
            ]
        ):
            self._grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.loading_note = note_label("pricesLoadingNote")
        self.loading_note.setText(self.tr("Loading the price levels…"))

        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        layout.addWidget(self.loading_note)
        layout.addStretch(1)
        context.reference_loaded.connect(self._on_context_reference_loaded)

    def rows(self) -> list[PriceRow]:
        return list(self._rows)

    def prices(self) -> list[DraftPrice]:
        prices = []
        for row in self._rows:
            spec = check_price_texts(row.texts()).value
            if spec is not None:
                prices.append(
                    DraftPrice(
                        id_price_level=row.level.id_price_level,
                        price=spec.price,
                        min_price=spec.min_price,
                        max_price=spec.max_price,
                    )
                )
        return prices

    def level_name(self, id_price_level: int) -> str:
        for row in self._rows:
            if row.level.id_price_level == id_price_level:
                return row.level.name_price_level
        return str(id_price_level)

    def set_prices(self, prices: list[DraftPrice]) -> None:
        by_level = {price.id_price_level: price for price in prices}
        for row in self._rows:
            price = by_level.get(row.level.id_price_level)
            if price is not None:
                row.price_edit.setText(display_decimal(price.price, 2))
                row.min_edit.setText(display_decimal(price.min_price, 2))
                row.max_edit.setText(display_decimal(price.max_price, 2))

    def isComplete(self) -> bool:
        return bool(self._rows) and all(
            check_price_texts(row.texts()).ok for row in self._rows
        )

    @Slot()
    def _on_row_changed(self) -> None:
        for row in self._rows:
            row.reason.setText(check_price_texts(row.texts()).reason)
            # The placeholders show what an empty field will mean.
            price = row.price_edit.text().strip()
            maximum = row.max_edit.text().strip() or price
            row.max_edit.setPlaceholderText(price)
            row.min_edit.setPlaceholderText(maximum)
        self.completeChanged.emit()

    @Slot(object)
    def _on_context_reference_loaded(self, reference: WizardReference) -> None:
        if self._rows:
            return
        self.loading_note.hide()
        for number, level in enumerate(ordered_levels(reference.price_levels)):
            line = number * 2 + 1
            name = QLabel(level.name_price_level)
            row = PriceRow(level, QLineEdit(), QLineEdit(), QLineEdit(), QLabel())
            row.reason = reason_label(f"priceReason{level.id_price_level}")
            for edit, kind in (
                (row.price_edit, "price"),
                (row.min_edit, "min"),
                (row.max_edit, "max"),
            ):
                edit.setObjectName(f"{kind}Edit{level.id_price_level}")
                edit.textChanged.connect(self._on_row_changed)
            name.setBuddy(row.price_edit)
            self._grid.addWidget(name, line, 0)
            self._grid.addWidget(row.price_edit, line, 1)
            self._grid.addWidget(row.min_edit, line, 2)
            self._grid.addWidget(row.max_edit, line, 3)
            self._grid.addWidget(row.reason, line + 1, 0, 1, 4)
            self._rows.append(row)
        self._on_row_changed()
