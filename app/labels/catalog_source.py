"""Label products from the local catalog (app.store) and from delivery-list CSV files.

Both give `LabelProduct`s; the label layer itself never reads the store directly, the
CLI and the GUI pass a lookup function built here.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.amounts import AmountProblem, read_amount
from app.domain.errors import DomainError
from app.domain.models import BASE_SERIES_ID, Barcode, Price, ProductUnit
from app.domain.prices import parse_money
from app.labels.content import LabelProduct, PackContent
from app.labels.errors import LabelError

if TYPE_CHECKING:
    from app.store.catalog import Catalog
    from app.store.records import ProductDetails

logger = logging.getLogger(__name__)

CSV_COLUMNS = ("bar_code", "ext_bar_code", "name", "price", "unit", "quantity")

Lookup = Callable[[str], LabelProduct | None]


class CsvError(LabelError):
    code = "label_csv"


@dataclass(frozen=True)
class Request:
    """`quantity` labels of the product found by `bar_code`."""

    product: LabelProduct
    quantity: int


def _unit_name(unit: ProductUnit | None, barcode: Barcode | None = None) -> str:
    if barcode is not None and barcode.name_unit:
        return barcode.name_unit
    if unit is None:
        return ""
    return unit.short_name or unit.name_unit or unit.full_name or ""


def label_product_from_catalog(
    name: str,
    id_goods: int,
    barcode: Barcode,
    details: ProductDetails,
) -> LabelProduct:
    """The label of one barcode row: its unit's prices at every level, and the price
    per default unit when the barcode's unit is a pack of several default units."""
    units = {u.id_unit: u for u in details.units}
    unit = units.get(barcode.id_unit)
    default = next((u for u in details.units if u.is_default), None)

    def same_item(price: Price) -> bool:
        return (
            price.active
            and price.id_unit == barcode.id_unit
            and price.id_series
            in (
                barcode.id_series,
                BASE_SERIES_ID,
            )
        )

    prices: dict[int, Decimal] = {}
    # The barcode's own series wins over the base series at the same level.
    for price in sorted(
        filter(same_item, details.prices),
        key=lambda p: p.id_series == barcode.id_series,
    ):
        if price.price is not None:
            prices[price.id_price_level] = price.price
    pack = None
    is_pack = (
        unit is not None and default is not None and unit.id_unit != default.id_unit
    )
    if is_pack and unit is not None and default is not None and unit.rate not in (0, 1):
        pack = PackContent(unit.rate, _unit_name(default))
    return LabelProduct(
        bar_code=barcode.bar_code,
        ext_bar_code=barcode.ext_bar_code,
        name=name,
        unit=_unit_name(unit, barcode),
        prices=prices,
        product_code=str(id_goods),
        pack=pack,
        id_goods=id_goods,
    )


def consumer_unit_barcode(case: Barcode, details: ProductDetails) -> Barcode | None:
    """The barcode of the piece a case holds: an active code of the product's default
    unit, the case's series first, then the base series, codes without an add-on
    first. None when the default unit has none (or the case is the default unit)."""
    default = next((u for u in details.units if u.is_default), None)
    if default is None or default.id_unit == case.id_unit:
        return None
    pieces = [b for b in details.barcodes if b.active and b.id_unit == default.id_unit]
    if not pieces:
        return None
    return min(
        pieces,
        key=lambda b: (
            b.id_series != case.id_series,
            b.id_series != BASE_SERIES_ID,
            b.ext_bar_code is not None,
        ),
    )


def reread_from_catalog(catalog: Catalog, product: LabelProduct) -> LabelProduct | None:
    """`product` as the local catalog has it now (names and prices may have changed
    since it was queued); None when the product, or the barcode the label carries,
    is no longer there. A product not read from the catalog comes back unchanged."""
    if product.id_goods is None:
        return product
    stored = catalog.product(product.id_goods)
    if stored is None or stored.deleted:
        return None
    details = catalog.details(product.id_goods)
    carried = (product.bar_code, product.ext_bar_code)
    barcode = next(
        (b for b in details.barcodes if (b.bar_code, b.ext_bar_code) == carried), None
    )
    if barcode is None:
        return None
    return label_product_from_catalog(
        stored.product.name_goods, product.id_goods, barcode, details
    )


def catalog_lookup(catalog: Catalog) -> Lookup:
    """A lookup by scanned or typed code in the local catalog."""
    from app.domain.barcode import read_barcode

    def lookup(code: str) -> LabelProduct | None:
        try:
            reading = read_barcode(code)
        except DomainError as error:
            raise LabelError(f"{code!r}: {error.message}", code=code) from error
        result = catalog.lookup(reading)
        if result is None:
            return None
        product = result.product.product
        details = catalog.details(product.id_goods)
        return label_product_from_catalog(
            product.name_goods, product.id_goods, result.barcode, details
        )

    return lookup


def parse_code_request(text: str) -> tuple[str, int]:
    """`4006381333931x3` -> ("4006381333931", 3); a bare code means one label."""
    code, sep, count = text.strip().rpartition("x")
    if not sep:
        return text.strip(), 1
    # isascii: str.isdigit also takes "١" and "²", which int() reads or refuses.
    if not (count.isascii() and count.isdigit()) or not code or int(count) < 1:
        raise LabelError(
            f"{text!r} is not CODE or CODExQUANTITY (e.g. 4006381333931x3)", text=text
        )
    return code, int(count)


def requests_from_codes(codes: Sequence[str], lookup: Lookup) -> list[Request]:
    out = []
    for text in codes:
        code, count = parse_code_request(text)
        product = lookup(code)
        if product is None:
            raise LabelError(
                f"{code} is not in the local catalog; sync the catalog or use --csv",
                code=code,
            )
        out.append(Request(product, count))
    return out


def _count(text: str, line: int) -> int:
    if not text.strip():
        return 1
    value = read_amount(text, 0)
    if isinstance(value, AmountProblem) or value < 1:
        raise CsvError(
            f"line {line}: quantity {text!r} must be a whole number of labels, "
            "1 or more",
            line=line,
        )
    return int(value)


def requests_from_csv(path: Path) -> list[Request]:
    """Rows of `bar_code,ext_bar_code,name,price,unit,quantity` (a delivery list)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
            header = rows[0].keys() if rows else []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CsvError(f"cannot read {path}: {error}", path=str(path)) from error
    missing = [c for c in CSV_COLUMNS if c not in header]
    if rows and missing:
        raise CsvError(
            f"{path.name} lacks the column(s) {', '.join(missing)}; expected "
            + ",".join(CSV_COLUMNS),
            path=str(path),
        )
    out = []
    for line, row in enumerate(rows, start=2):
        bar_code = (row["bar_code"] or "").strip()
        if not bar_code:
            raise CsvError(f"line {line}: bar_code is empty", line=line)
        try:
            price = parse_money(row["price"]) if (row["price"] or "").strip() else None
        except DomainError as error:
            raise CsvError(f"line {line}: {error.message}", line=line) from error
        product = LabelProduct(
            bar_code=bar_code,
            ext_bar_code=(row["ext_bar_code"] or "").strip() or None,
            name=(row["name"] or "").strip(),
            unit=(row["unit"] or "").strip(),
            price=price,
        )
        out.append(Request(product, _count(row["quantity"] or "", line)))
    logger.info("read %d label row(s) from %s", len(out), path)
    return out
