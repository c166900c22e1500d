"""Finding the product a scan names, in the local catalog's tables.

A scan is answered by indexed statements on the barcodes' lookup keys (see
`app.store.keys`), each joined with the product, the barcode's unit and its series, so
that reading plus lookup stays well under a millisecond over 100,000 products.
"""

from __future__ import annotations

import sqlite3

from app.domain.barcode import InStoreValue, Reading
from app.domain.models import Barcode, Product, ProductUnit, Series
from app.store import keys
from app.store.records import LookupResult, MatchKind, StoredProduct
from app.store.rows import load_model

_COLUMNS = (
    "SELECT b.data, p.data, p.deleted, p.details_change IS p.time_change,"
    " u.data, s.data, b.active FROM barcodes AS b"
    " JOIN products AS p ON p.id_goods = b.id_goods"
    " LEFT JOIN product_units AS u ON u.id_goods = b.id_goods AND u.id_unit = b.id_unit"
    " LEFT JOIN series AS s ON s.id_goods = b.id_goods AND s.id_series = b.id_series"
)
# Active barcode rows first; the main key before the alternative one.
_KEY_SQL = f"{_COLUMNS} WHERE b.key = ? AND b.add_on = ? ORDER BY b.active DESC LIMIT 1"
_ALT_KEY_SQL = (
    f"{_COLUMNS} WHERE b.alt_key = ? AND b.alt_add_on = ?"
    " ORDER BY b.active DESC LIMIT 1"
)
# Every row of a main code, whatever its add-on.
_MAIN_CODE_SQL = (
    f"{_COLUMNS} WHERE b.key = :key"
    f" UNION ALL {_COLUMNS} WHERE b.alt_key = :key"
    " ORDER BY 7 DESC, 1"
)


def find(conn: sqlite3.Connection, reading: Reading) -> LookupResult | None:
    """The product a scan names, or None.

    Tries, in order: the main code with the scan's add-on (and the reading's
    alternative); the main code alone when the add-on is not stored; for an
    in-store code, its item key, then its item code as an internal code.
    Active barcode rows win over inactive ones.
    """
    for key, add_on in keys.scanned_keys(reading):
        row = _barcode_row(conn, key, add_on)
        if row is not None:
            return _result(reading, row, MatchKind.BARCODE)
    if reading.ext_bar_code:
        row = _barcode_row(conn, reading.key, keys.NO_ADD_ON)
        if row is not None:
            return _result(reading, row, MatchKind.MAIN_CODE_ONLY)
    if reading.in_store is not None:
        item = reading.in_store
        for key in (keys.gtin14_of_ean13(item.item_key), item.item_code):
            row = _barcode_row(conn, key, keys.NO_ADD_ON)
            if row is not None:
                return _result(reading, row, MatchKind.IN_STORE_ITEM, in_store=item)
    return None


def find_main_code(conn: sqlite3.Connection, reading: Reading) -> list[LookupResult]:
    """Every stored barcode with the scan's main code, whatever its add-on."""
    results: list[LookupResult] = []
    seen: set[str] = set()
    for key, _add_on in keys.scanned_keys(reading):
        for row in conn.execute(_MAIN_CODE_SQL, {"key": key}):
            if row[0] not in seen:
                seen.add(row[0])
                results.append(_result(reading, row, MatchKind.BARCODE))
    return results


def _barcode_row(conn: sqlite3.Connection, key: str, add_on: str) -> sqlite3.Row | None:
    """The barcode row for a key, joined with its product, unit and series: one
    indexed statement when the main key has an active row (most scans)."""
    row: sqlite3.Row | None = conn.execute(_KEY_SQL, (key, add_on)).fetchone()
    if row is not None and row[6]:
        return row
    alternative: sqlite3.Row | None = conn.execute(
        _ALT_KEY_SQL, (key, add_on)
    ).fetchone()
    if alternative is not None and (row is None or alternative[6]):
        return alternative
    return row


def _result(
    reading: Reading,
    row: sqlite3.Row,
    match: MatchKind,
    in_store: InStoreValue | None = None,
) -> LookupResult:
    barcode_data, product_data, deleted, fetched, unit_data, series_data = row[:6]
    return LookupResult(
        reading=reading,
        product=StoredProduct(
            product=load_model(Product, product_data),
            deleted=bool(deleted),
            details_fetched=bool(fetched),
        ),
        barcode=load_model(Barcode, barcode_data),
        unit=load_model(ProductUnit, unit_data) if unit_data else None,
        series=load_model(Series, series_data) if series_data else None,
        match=match,
        in_store=in_store,
    )
