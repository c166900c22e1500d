"""Refused prices and rates in the user's words: which field, what was wrong, what is
expected, amounts in the interface language's format (0,10 in Ukrainian).

One place for the wizard's price page and the product detail's dialogs, so a typed
amount is explained the same way wherever it is typed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.amounts import AmountProblem
from app.domain.errors import DomainError, InvalidAmount, PriceRuleError

EXAMPLE_PRICE = Decimal("12.50")
EXAMPLE_RATE = Decimal("0.5")


def field_name(field: str | None) -> str:
    names = {
        "price": QCoreApplication.translate("AmountMessages", "The price"),
        "min_price": QCoreApplication.translate("AmountMessages", "The minimum price"),
        "max_price": QCoreApplication.translate("AmountMessages", "The maximum price"),
        "rate": QCoreApplication.translate("AmountMessages", "The rate"),
    }
    return names.get(field or "price", names["price"])


def locale_amount(value: Decimal, decimals: int = 2) -> str:
    """An amount with `decimals` decimals and the interface language's decimal point
    (the locale `app.gui.i18n` sets as the default)."""
    text = format(value.quantize(Decimal(1).scaleb(-decimals)), "f")
    return text.replace(".", QLocale().decimalPoint())


def explain_amount(error: InvalidAmount) -> str:
    """Typed text that is not an amount: the field, what is wrong, an example."""
    is_rate = error.field == "rate"
    example = (
        locale_amount(EXAMPLE_RATE, 1) if is_rate else locale_amount(EXAMPLE_PRICE)
    )
    decimals = str(error.params.get("max_decimals", 2))
    problem = error.params.get("problem")
    texts = {
        AmountProblem.EMPTY: QCoreApplication.translate(
            "AmountMessages", "%1: type a number, such as %2."
        ),
        AmountProblem.SIGN: QCoreApplication.translate(
            "AmountMessages",
            "%1: type it without a sign (+ or −), such as %2; it cannot be negative.",
        ),
        AmountProblem.EXPONENT: QCoreApplication.translate(
            "AmountMessages",
            "%1: an exponent (such as 1e3) is not accepted; type all the digits, "
            "such as 1000.",
        ),
        AmountProblem.FOREIGN_DIGITS: QCoreApplication.translate(
            "AmountMessages", "%1: only the digits 0–9 are accepted, such as %2."
        ),
        AmountProblem.SEPARATORS: QCoreApplication.translate(
            "AmountMessages",
            "%1: only one decimal separator (a comma or a point) is accepted; "
            "thousands may be separated by spaces, such as 1 234.",
        ),
        AmountProblem.GROUPING: QCoreApplication.translate(
            "AmountMessages", "%1: spaces may only separate thousands, such as 1 234."
        ),
        AmountProblem.DECIMALS: QCoreApplication.translate(
            "AmountMessages", "%1: at most %3 decimals, such as %2."
        ),
        AmountProblem.CHARACTERS: QCoreApplication.translate(
            "AmountMessages",
            "%1: type an amount as digits with an optional comma or point, such as %2.",
        ),
    }
    text = texts.get(problem, texts[AmountProblem.CHARACTERS])
    return (
        text.replace("%1", field_name(error.field))
        .replace("%2", example)
        .replace("%3", decimals)
    )


def explain_price_rule(error: PriceRuleError) -> str:
    """A price the rules refuse, named by the field the user typed."""
    if isinstance(error, InvalidAmount):
        return explain_amount(error)
    field = field_name(error.field)
    params = error.params
    if "floor" in params:
        floor = locale_amount(Decimal(str(params["floor"])))
        if error.field == "min_price":
            text = QCoreApplication.translate(
                "AmountMessages", "%1 must be at least %2."
            )
        else:
            text = QCoreApplication.translate(
                "AmountMessages",
                "%1 must be at least %2: with no minimum price given, it is also the "
                "minimum.",
            )
        return text.replace("%1", field).replace("%2", floor)
    if error.field == "max_price" and "price" in params:
        return QCoreApplication.translate(
            "AmountMessages", "The maximum price cannot be above the price."
        )
    if error.field == "min_price" and "max_price" in params:
        return QCoreApplication.translate(
            "AmountMessages", "The minimum price cannot be above the maximum price."
        )
    rule = params.get("rule")
    if rule == "negative":
        return QCoreApplication.translate(
            "AmountMessages", "%1 cannot be negative."
        ).replace("%1", field)
    if rule == "decimals":
        return (
            QCoreApplication.translate("AmountMessages", "%1: at most %2 decimals.")
            .replace("%1", field)
            .replace("%2", str(params.get("max_decimals", "")))
        )
    if rule == "too_large":
        return QCoreApplication.translate("AmountMessages", "%1 is too large.").replace(
            "%1", field
        )
    return QCoreApplication.translate(
        "AmountMessages", "%1 is not a valid amount."
    ).replace("%1", field)


def explain(error: DomainError) -> str | None:
    """The message for a refused amount or price, or None for other errors.

    `InvalidAmount` is a `PriceRuleError` whatever its field (a rate too)."""
    if isinstance(error, PriceRuleError):
        return explain_price_rule(error)
    return None
