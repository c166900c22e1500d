"""The editors of a product's units, series, prices and barcodes.

Each checks its values by the domain rules (`app.domain.units`, `prices`, the barcode
rules) as they are typed, every field's reason under it and OK disabled until all
are acceptable; see `app.gui.write_dialog`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from app.domain.addons import check_add_on
from app.domain.barcode import check_storable, validate_for_print
from app.domain.models import (
    BASE_SERIES_ID,
    Barcode,
    BarcodeWrite,
    PriceLevel,
    PriceWrite,
    Product,
    ProductUnit,
    ProductUnitWrite,
    Series,
    SeriesWrite,
    UnitSample,
    UnitType,
)
from app.domain.prices import PriceSpec, parse_money, price_spec_from_texts
from app.domain.units import UnitSpec, check_units, parse_rate
from app.gui.detail_tables import decimal_text, unit_type_name
from app.gui.scan_routing import mark_for_codes
from app.gui.services import CatalogController
from app.gui.write_dialog import FieldChecks, FieldError, WriteDialog, reason_for
from app.store.records import ProductDetails
from app.store.writes import OutboxWrite, WriteKind

logger = logging.getLogger(__name__)

# --- editors ----------------------------------------------------------------------


class UnitDialog(WriteDialog):
    """Add a unit to a product, or edit one (the dictionary entry stays)."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        units: Sequence[ProductUnit],
        samples: Sequence[UnitSample],
        unit: ProductUnit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("ProductDetail", "Edit unit")
            if unit
            else QCoreApplication.translate("ProductDetail", "Add unit")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("unitDialog")
        self.product = product
        self.units = list(units)
        self.unit = unit
        default = next((u for u in units if u.is_default), None)

        self.sample = QComboBox()
        taken = {u.id_unit for u in units}
        for sample in samples:
            if unit is not None and sample.id_unit != unit.id_unit:
                continue
            if unit is None and sample.id_unit in taken:
                continue
            label = sample.name_unit
            if sample.full_name and sample.full_name != sample.name_unit:
                label = f"{sample.name_unit} — {sample.full_name}"
            self.sample.addItem(label, sample.id_unit)
        self.sample.setEnabled(unit is None)
        self.add_field(
            "id_unit",
            QCoreApplication.translate("ProductDetail", "&Unit:"),
            self.sample,
        )

        self.type_unit = QComboBox()
        for unit_type in UnitType:
            self.type_unit.addItem(unit_type_name(unit_type), int(unit_type))
        start_type = unit.type_unit if unit else (default.type_unit if default else 1)
        self.type_unit.setCurrentIndex(self.type_unit.findData(int(start_type)))
        self.add_field(
            "type_unit",
            QCoreApplication.translate("ProductDetail", "&Counted in:"),
            self.type_unit,
        )

        self.rate = QLineEdit(decimal_text(unit.rate) if unit else "")
        self.rate.setPlaceholderText(
            QCoreApplication.translate(
                "ProductDetail", "how many default units, e.g. 12"
            )
        )
        self.rate.setEnabled(not (unit is not None and unit.is_default))
        self.add_field(
            "rate",
            QCoreApplication.translate("ProductDetail", "&Rate:"),
            self.rate,
            typed=True,
        )

        self.for_ordering = QCheckBox(
            QCoreApplication.translate("ProductDetail", "Usable in &orders")
        )
        self.for_ordering.setChecked(unit.for_ordering if unit else False)
        self.add_field("for_ordering", "", self.for_ordering)
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(unit.active if unit else True)
        self.add_field("active", "", self.active)
        if default is not None:
            self.note.setText(
                QCoreApplication.translate(
                    "ProductDetail",
                    "The default unit is %1 (%2); the rate counts default units.",
                )
                .replace("%1", default.name_unit or str(default.id_unit))
                .replace("%2", unit_type_name(default.type_unit))
            )
            self.note.show()
        self.check_as_typed()

    @property
    def _is_default(self) -> bool:
        return self.unit.is_default if self.unit else False

    def check_fields(self) -> FieldChecks:
        reasons: dict[str, str] = {}
        id_unit = self.sample.currentData()
        if id_unit is None:
            reasons["id_unit"] = QCoreApplication.translate(
                "ProductDetail", "Choose a unit."
            )
        elif self.unit is not None and not self.unit.guid:
            reasons["id_unit"] = QCoreApplication.translate(
                "ProductDetail",
                "This unit cannot be changed yet: the server has not "
                "confirmed it. Try again after the catalog is synced.",
            )
        if not self.rate.text().strip() and not self._is_default:
            return FieldChecks(reasons, incomplete=True)
        if id_unit is not None:
            found = reason_for(self._rate_and_units, int(id_unit))
            if found is not None:
                field, message = found
                reasons[field if field in ("type_unit", "id_unit") else "rate"] = (
                    message
                )
        return FieldChecks(reasons)

    def _rate_and_units(self, id_unit: int) -> Decimal:
        """The rate typed; raises when it, or the product's units with it, break
        the unit rules (the whole set as it would be after the change)."""
        type_unit = UnitType(int(self.type_unit.currentData()))
        is_default = self._is_default
        rate = Decimal(1) if is_default else parse_rate(self.rate.text())
        others = [u for u in self.units if u.id_unit != id_unit]
        specs = [UnitSpec(u.id_unit, u.type_unit, u.rate, u.is_default) for u in others]
        specs.append(UnitSpec(id_unit, type_unit, rate, is_default))
        check_units(specs)
        return rate

    def build_write(self) -> OutboxWrite:
        id_unit = int(self.sample.currentData())
        type_unit = UnitType(int(self.type_unit.currentData()))
        is_default = self._is_default
        rate = self._rate_and_units(id_unit)
        old = self.unit
        body = ProductUnitWrite(
            id_unit=int(id_unit),
            type_unit=type_unit,
            rate=rate,
            max_count=old.max_count if old else None,
            brutto_weight=(old.brutto_weight or 0) if old else 0,
            percent_deviation=(old.percent_deviation or Decimal("0.0"))
            if old
            else Decimal("0.0"),
            for_ordering=self.for_ordering.isChecked(),
            is_default=is_default,
            is_storage_residues=old.is_storage_residues if old else False,
            height=old.height if old else None,
            width=old.width if old else None,
            depth=old.depth if old else None,
            active=self.active.isChecked(),
        )
        if old is not None:
            return OutboxWrite(
                WriteKind.UPDATE_UNIT,
                body,
                self.product.guid,
                self.product.id_goods,
                old.guid,
            )
        return OutboxWrite(
            WriteKind.CREATE_UNIT, body, self.product.guid, self.product.id_goods
        )


class SeriesDialog(WriteDialog):
    """Add a series (an issue, a size) to a product."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        series: Sequence[Series],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            controller,
            QCoreApplication.translate("ProductDetail", "Add series"),
            parent,
        )
        self.setObjectName("seriesDialog")
        self.product = product
        self.existing = {s.id_series for s in series}
        self.id_series = QLineEdit()
        self.id_series.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "e.g. 2026-49")
        )
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series id:"),
            self.id_series,
            typed=True,
        )
        self.name_series = QLineEdit()
        self.name_series.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "e.g. No. 49 2026")
        )
        self.add_field(
            "name_series",
            QCoreApplication.translate("ProductDetail", "&Name:"),
            self.name_series,
            typed=True,
        )
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(True)
        self.add_field("active", "", self.active)
        self.check_as_typed()

    def check_fields(self) -> FieldChecks:
        id_series = self.id_series.text().strip()
        name = self.name_series.text().strip()
        reasons: dict[str, str] = {}
        if id_series in self.existing:
            reasons["id_series"] = QCoreApplication.translate(
                "ProductDetail", "The product already has this series."
            )
        return FieldChecks(reasons, incomplete=not (id_series and name))

    def build_write(self) -> OutboxWrite:
        id_series = self.id_series.text().strip()
        name = self.name_series.text().strip()
        body = SeriesWrite(
            id_series=id_series, name_series=name, active=self.active.isChecked()
        )
        return OutboxWrite(
            WriteKind.CREATE_SERIES, body, self.product.guid, self.product.id_goods
        )


class PriceDialog(WriteDialog):
    """Create a price that does not exist yet (for a level or series without one)."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        details: ProductDetails,
        levels: Sequence[PriceLevel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            controller, QCoreApplication.translate("ProductDetail", "Add price"), parent
        )
        self.setObjectName("priceDialog")
        self.product = product
        self.details = details
        self.level = QComboBox()
        for level in levels:
            self.level.addItem(level.name_price_level, level.id_price_level)
        self.add_field(
            "id_price_level",
            QCoreApplication.translate("ProductDetail", "Price &level:"),
            self.level,
        )
        self.series = QComboBox()
        for series in details.series:
            self.series.addItem(series.name_series, series.id_series)
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series:"),
            self.series,
        )
        self.price = QLineEdit()
        self.add_field(
            "price",
            QCoreApplication.translate("ProductDetail", "&Price:"),
            self.price,
            typed=True,
        )
        self.min_price = QLineEdit()
        self.min_price.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "the maximum, if empty")
        )
        self.add_field(
            "min_price",
            QCoreApplication.translate("ProductDetail", "M&inimum:"),
            self.min_price,
            typed=True,
        )
        self.max_price = QLineEdit()
        self.max_price.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "the price, if empty")
        )
        self.add_field(
            "max_price",
            QCoreApplication.translate("ProductDetail", "M&aximum:"),
            self.max_price,
            typed=True,
        )
        self.note.setText(
            QCoreApplication.translate(
                "ProductDetail",
                "A price is set once. Later changes go through a revaluation.",
            )
        )
        self.note.show()
        self.check_as_typed()

    def check_fields(self) -> FieldChecks:
        reasons: dict[str, str] = {}
        if self.details.default_unit is None:
            reasons["price"] = QCoreApplication.translate(
                "ProductDetail", "The product has no default unit yet."
            )
        level = self.level.currentData()
        if level is None:
            reasons["id_price_level"] = QCoreApplication.translate(
                "ProductDetail", "Choose a price level."
            )
        elif self._has_price(int(level)):
            reasons["id_price_level"] = QCoreApplication.translate(
                "ProductDetail",
                "This level already has a price; change it with a revaluation.",
            )
        amounts = {
            "price": self.price.text(),
            "min_price": self.min_price.text(),
            "max_price": self.max_price.text(),
        }
        for field, text in amounts.items():  # each amount on its own first
            found = reason_for(parse_money, text, field) if text.strip() else None
            if found is not None:
                reasons.setdefault(field, found[1])
        typed_well = not any(reasons.get(field) for field in amounts)
        if typed_well and amounts["price"].strip():
            found = reason_for(self._spec)  # then the rules between them
            if found is not None:
                reasons.setdefault(found[0] or "price", found[1])
        return FieldChecks(reasons, incomplete=not amounts["price"].strip())

    def _has_price(self, level: int) -> bool:
        default = self.details.default_unit
        series = self.series.currentData() or BASE_SERIES_ID
        return default is not None and any(
            (price.id_price_level, price.id_series, price.id_unit)
            == (level, series, default.id_unit)
            for price in self.details.prices
        )

    def _spec(self) -> PriceSpec:
        return price_spec_from_texts(
            self.price.text(), self.min_price.text(), self.max_price.text()
        )

    def build_write(self) -> OutboxWrite:
        default = self.details.default_unit
        if default is None:  # check_fields says so under the price
            raise FieldError("price", "the product has no default unit")
        level = self.level.currentData()
        series = self.series.currentData() or BASE_SERIES_ID
        spec = self._spec()
        body = PriceWrite(
            id_goods=self.product.id_goods,
            id_unit=default.id_unit,
            id_series=str(series),
            id_price_level=int(level),
            price=spec.price,
            min_price=spec.min_price,
            max_price=spec.max_price,
        )
        return OutboxWrite(
            WriteKind.CREATE_PRICE, body, self.product.guid, self.product.id_goods
        )


class BarcodeDialog(WriteDialog):
    """Add a barcode to a product, or edit one."""

    def __init__(
        self,
        controller: CatalogController,
        product: Product,
        details: ProductDetails,
        barcode: Barcode | None = None,
        bar_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("ProductDetail", "Edit barcode")
            if barcode
            else QCoreApplication.translate("ProductDetail", "Add barcode")
        )
        super().__init__(controller, title, parent)
        self.setObjectName("barcodeDialog")
        self.product = product
        self.barcode = barcode
        self.bar_code = QLineEdit(barcode.bar_code if barcode else bar_code)
        self.bar_code.setMaxLength(21)
        mark_for_codes(self.bar_code)
        self.bar_code.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "scan or type the digits")
        )
        self.add_field(
            "bar_code",
            QCoreApplication.translate("ProductDetail", "&Barcode:"),
            self.bar_code,
            typed=True,
        )
        self.ext_bar_code = QLineEdit(barcode.ext_bar_code or "" if barcode else "")
        self.ext_bar_code.setMaxLength(5)
        self.ext_bar_code.setPlaceholderText(
            QCoreApplication.translate("ProductDetail", "2 or 5 digits, or empty")
        )
        self.add_field(
            "ext_bar_code",
            QCoreApplication.translate("ProductDetail", "A&dd-on:"),
            self.ext_bar_code,
            typed=True,
        )
        self.unit = QComboBox()
        for unit in details.units:
            self.unit.addItem(unit.name_unit or str(unit.id_unit), unit.id_unit)
        if barcode is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(barcode.id_unit)))
        self.add_field(
            "id_unit", QCoreApplication.translate("ProductDetail", "&Unit:"), self.unit
        )
        self.series = QComboBox()
        for series in details.series:
            self.series.addItem(series.name_series, series.id_series)
        if barcode is not None:
            self.series.setCurrentIndex(max(0, self.series.findData(barcode.id_series)))
        self.add_field(
            "id_series",
            QCoreApplication.translate("ProductDetail", "&Series:"),
            self.series,
        )
        self.active = QCheckBox(QCoreApplication.translate("ProductDetail", "&Active"))
        self.active.setChecked(barcode.active if barcode else True)
        self.add_field("active", "", self.active)
        self.check_as_typed()

    def _codes(self) -> tuple[str, str | None]:
        return self.bar_code.text().strip(), self.ext_bar_code.text().strip() or None

    def check_fields(self) -> FieldChecks:
        reasons: dict[str, str] = {}
        if self.unit.currentData() is None:
            reasons["id_unit"] = QCoreApplication.translate(
                "ProductDetail", "The product has no unit yet."
            )
        if self.barcode is not None and not self.barcode.guid:
            reasons["bar_code"] = QCoreApplication.translate(
                "ProductDetail",
                "This barcode cannot be changed yet: the server has not "
                "confirmed it. Try again after the catalog is synced.",
            )
        bar_code, ext = self._codes()
        # Each field on its own first, so both say what is wrong with them ...
        alone = {
            "bar_code": reason_for(validate_for_print, bar_code),
            "ext_bar_code": reason_for(check_add_on, ext) if ext else None,
        }
        # ... then the two together, and the local catalog when offline.
        if not any(alone.values()) and bar_code:
            alone["bar_code"] = reason_for(self._check_codes, bar_code, ext)
        for field, found in alone.items():
            if found is not None and (bar_code or field == "ext_bar_code"):
                # Errors about the whole code are shown under the barcode field.
                reasons.setdefault(found[0] or field, found[1])
        return FieldChecks(reasons, incomplete=not bar_code)

    def _check_codes(self, bar_code: str, ext: str | None) -> None:
        check_storable(bar_code, ext)
        validate_for_print(bar_code, ext)  # the check digit of a GTIN
        if self.controller.online is False:
            # Offline, the server cannot refuse a duplicate now; the local copy can.
            self._check_local_duplicate(bar_code, ext)

    def build_write(self) -> OutboxWrite:
        bar_code, ext = self._codes()
        self._check_codes(bar_code, ext)
        body = BarcodeWrite(
            bar_code=bar_code,
            id_unit=int(self.unit.currentData()),
            id_series=str(self.series.currentData() or BASE_SERIES_ID),
            ext_bar_code=ext,
            active=self.active.isChecked(),
        )
        if self.barcode is not None:
            return OutboxWrite(
                WriteKind.UPDATE_BARCODE,
                body,
                self.product.guid,
                self.product.id_goods,
                self.barcode.guid,
            )
        return OutboxWrite(
            WriteKind.CREATE_BARCODE, body, self.product.guid, self.product.id_goods
        )

    def _check_local_duplicate(self, bar_code: str, ext: str | None) -> None:
        catalog = self.controller.catalog
        owner = catalog.barcode_owner(bar_code, ext)
        unchanged = self.barcode is not None and (
            self.barcode.bar_code,
            self.barcode.ext_bar_code,
        ) == (bar_code, ext)
        if owner is None or unchanged:
            return
        stored = catalog.product(owner)
        name = stored.product.name_goods if stored else "?"
        raise FieldError(
            "bar_code",
            QCoreApplication.translate(
                "ProductDetail", "This barcode already belongs to “%1” (code %2)."
            )
            .replace("%1", name)
            .replace("%2", str(owner)),
        )
