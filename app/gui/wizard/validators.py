"""Field checks as the user types: the domain rules, worded for the shop floor.

Each check returns a `Checked` value: the parsed value, or the reason (one
translated sentence) why the text is not acceptable yet. The rules themselves live
in `app.domain`; here they are only applied to text and explained.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from app.domain.barcode import (
    InvalidAddOn,
    InvalidCharacter,
    InvalidCheckDigit,
    InvalidLength,
    PrefixClass,
    Reading,
    read_barcode,
)
from app.domain.errors import (
    BarcodeError,
    InvalidAmount,
    PriceRuleError,
    UnitRuleError,
)
from app.domain.models import BAR_CODE_MAX, PRODUCT_NAME_MAX, UnitType
from app.domain.prices import PriceSpec, price_spec_from_texts
from app.domain.units import (
    COMPATIBLE,
    RATE_MAX_DECIMALS,
    UnitSpec,
    check_extra_unit,
    parse_rate,
)
from app.gui.amount_messages import explain_amount, explain_price_rule

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Checked(Generic[T]):
    value: T | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


# --- names ------------------------------------------------------------------------


def check_name(text: str) -> Checked[str]:
    name = text.strip()
    if not name:
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks", "Enter the product's name."
            )
        )
    if len(name) > PRODUCT_NAME_MAX:
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks",
                "The name is %1 characters long; at most %2 are allowed.",
            )
            .replace("%1", str(len(name)))
            .replace("%2", str(PRODUCT_NAME_MAX))
        )
    return Checked(name)


# --- barcodes ---------------------------------------------------------------------


def symbology_name(reading: Reading) -> str:
    return (
        QCoreApplication.translate("WizardChecks", "internal code")
        if reading.is_internal
        else str(reading.symbology)
    )


def prefix_class_name(prefix: PrefixClass) -> str:
    names = {
        PrefixClass.GTIN: QCoreApplication.translate(
            "WizardChecks", "manufacturer's code (GTIN)"
        ),
        PrefixClass.IN_STORE: QCoreApplication.translate(
            "WizardChecks", "in-store code"
        ),
        PrefixClass.ISBN: QCoreApplication.translate("WizardChecks", "book (ISBN)"),
        PrefixClass.ISSN: QCoreApplication.translate(
            "WizardChecks", "periodical (ISSN)"
        ),
        PrefixClass.COUPON: QCoreApplication.translate("WizardChecks", "coupon"),
        PrefixClass.INTERNAL: QCoreApplication.translate(
            "WizardChecks", "shop's own code"
        ),
    }
    return names[prefix]


def describe_reading(reading: Reading) -> str:
    """`EAN-13 4820000000000 + add-on 12 · manufacturer's code (GTIN)`."""
    text = f"{symbology_name(reading)} {reading.bar_code}"
    if reading.ext_bar_code:
        text += " " + QCoreApplication.translate("WizardChecks", "+ add-on %1").replace(
            "%1", reading.ext_bar_code
        )
    return f"{text} · {prefix_class_name(reading.prefix_class)}"


def explain_barcode_error(error: BarcodeError) -> str:
    params = error.params
    if isinstance(error, InvalidCheckDigit):
        expected = params.get("expected")
        return QCoreApplication.translate(
            "WizardChecks", "Wrong check digit: the code should end in %1."
        ).replace("%1", str(expected)[-1:] if expected else "?")
    if isinstance(error, InvalidCharacter):
        return QCoreApplication.translate(
            "WizardChecks", "A barcode has only digits (character %1 is not one)."
        ).replace("%1", str(params.get("position", "?")))
    if isinstance(error, InvalidLength):
        return QCoreApplication.translate(
            "WizardChecks",
            "A barcode of %1 digits is not known; EAN-13 has 13, EAN-8 has 8, "
            "UPC-A 12, and an add-on adds 2 or 5.",
        ).replace("%1", str(params.get("length", "?")))
    if isinstance(error, InvalidAddOn):
        return QCoreApplication.translate(
            "WizardChecks", "The add-on must have 2 or 5 digits."
        )
    return QCoreApplication.translate(
        "WizardChecks", "This is not a barcode the shop can use."
    )


def check_barcode(text: str, *, required: bool = False) -> Checked[Reading]:
    """Empty is allowed unless `required`; otherwise the domain must read it."""
    if not text.strip():
        return (
            Checked(
                reason=QCoreApplication.translate(
                    "WizardChecks", "Scan or type the barcode."
                )
            )
            if required
            else Checked()
        )
    try:
        reading = read_barcode(text)
    except BarcodeError as error:
        logger.debug("barcode %r refused: %s", text, error)
        return Checked(reason=explain_barcode_error(error))
    if len(reading.bar_code) > BAR_CODE_MAX:
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks", "The code is longer than %1 digits."
            ).replace("%1", str(BAR_CODE_MAX))
        )
    return Checked(reading)


# --- units ------------------------------------------------------------------------


def unit_type_name(unit_type: UnitType) -> str:
    names = {
        UnitType.INTEGER: QCoreApplication.translate("WizardChecks", "whole numbers"),
        UnitType.QUARTER: QCoreApplication.translate(
            "WizardChecks", "multiples of 0.25"
        ),
        UnitType.FRACTIONAL: QCoreApplication.translate("WizardChecks", "fractions"),
    }
    return names[unit_type]


def check_extra_unit_text(
    default_type: UnitType, unit_type: UnitType, rate_text: str
) -> Checked[Decimal]:
    """An extra unit's rate as typed, against its type and the default unit's."""
    if unit_type not in COMPATIBLE[default_type]:
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks",
                "A unit counted in %1 cannot go with a default unit in %2.",
            )
            .replace("%1", unit_type_name(unit_type))
            .replace("%2", unit_type_name(default_type))
        )
    if not rate_text.strip():
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks", "Enter how many default units this unit holds."
            )
        )
    try:
        rate = parse_rate(rate_text)
    except InvalidAmount as error:
        return Checked(reason=explain_amount(error))
    except UnitRuleError:
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks", "The rate must be a number, such as 12 or 0,5."
            )
        )
    try:
        check_extra_unit(default_type, UnitSpec(0, unit_type, rate, False))
    except UnitRuleError:
        return Checked(reason=_explain_rate(unit_type, rate))
    return Checked(rate)


def _explain_rate(unit_type: UnitType, rate: Decimal) -> str:
    if rate <= 0:
        return QCoreApplication.translate(
            "WizardChecks", "The rate must be greater than 0."
        )
    exponent = rate.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > RATE_MAX_DECIMALS:
        return QCoreApplication.translate(
            "WizardChecks", "The rate may have at most %1 decimals."
        ).replace("%1", str(RATE_MAX_DECIMALS))
    if unit_type == UnitType.INTEGER and rate != rate.to_integral_value():
        return QCoreApplication.translate(
            "WizardChecks", "A unit counted in whole numbers needs a whole rate."
        )
    if unit_type == UnitType.QUARTER:
        return QCoreApplication.translate(
            "WizardChecks", "This unit needs a rate that is a multiple of 0.25."
        )
    return QCoreApplication.translate("WizardChecks", "The rate is too large.")


# --- prices -----------------------------------------------------------------------


@dataclass(frozen=True)
class PriceTexts:
    price: str
    min_price: str
    max_price: str


def check_price_texts(texts: PriceTexts) -> Checked[PriceSpec]:
    """One level's price row; the value is None (and no reason) when left empty.

    An empty maximum means the price (the usual case), an empty minimum as well.
    """
    if not (texts.price.strip() or texts.min_price.strip() or texts.max_price.strip()):
        return Checked()
    if not texts.price.strip():
        return Checked(
            reason=QCoreApplication.translate(
                "WizardChecks", "Enter the price, or clear the row."
            )
        )
    try:
        spec = price_spec_from_texts(texts.price, texts.min_price, texts.max_price)
    except PriceRuleError as error:
        return Checked(reason=explain_price_rule(error))
    return Checked(spec)
