"""The domain's exceptions: one base, a subclass per failure a caller can act on.

Each error carries a stable `code` and the `params` its message was built from, so the
GUI and the sandbox server can word it in the user's language; `str(error)` is the
English message. `field` names the API field the error is about, where there is one.
"""

# Names say the failure (`InvalidCheckDigit`), as STYLE.md asks, not `...Error`.
# ruff: noqa: N818

from __future__ import annotations

from typing import Any


class DomainError(ValueError):
    code = "domain_error"

    def __init__(
        self, message: str, *, field: str | None = None, **params: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.params = params


# --- barcodes -------------------------------------------------------------------


class BarcodeError(DomainError):
    code = "barcode_error"


class EmptyBarcode(BarcodeError):
    code = "barcode_empty"


class InvalidCharacter(BarcodeError):
    """A character that is not a digit; `params`: character, position (1-based)."""

    code = "barcode_invalid_character"


class InvalidLength(BarcodeError):
    """A length no reading accepts; `params`: length, accepted."""

    code = "barcode_invalid_length"


class InvalidCheckDigit(BarcodeError):
    """`params`: given, expected (the right check digit), symbology."""

    code = "barcode_invalid_check_digit"


class InvalidAddOn(BarcodeError):
    code = "barcode_invalid_add_on"


class InvalidSymbologyIdentifier(BarcodeError):
    code = "barcode_invalid_symbology_identifier"


class UnsupportedBarcode(BarcodeError):
    """Content a symbology identifier announces but no rule here can read."""

    code = "barcode_unsupported"


class CodeRangeExhausted(BarcodeError):
    """`params`: prefix, first, last (the range that has no free number left)."""

    code = "barcode_range_exhausted"


class InvalidInStoreLayout(BarcodeError):
    """A variable-measure layout (or a code range) that does not fit an EAN-13."""

    code = "barcode_invalid_layout"


# --- units and prices ------------------------------------------------------------


class UnitRuleError(DomainError):
    code = "unit_rule"


class PriceRuleError(DomainError):
    code = "price_rule"


class InvalidAmount(PriceRuleError, UnitRuleError):
    """Typed text that is not an amount (app.domain.amounts); `params`: value,
    problem (an `AmountProblem`), max_decimals. A price or a rate, by `field`."""

    code = "invalid_amount"
