"""Which products a filter shows, and in what order, as SQL for the local catalog.

Ranking of a typed text: tier 0, the product's code (id_goods) or a barcode equal to
it (a UPC-A typed finds its EAN-13); tier 1, names starting with it, and for digits,
barcodes starting with them (at most `DIGIT_PREFIX_CAP` products: "482" starts most
Ukrainian codes); tier 2, names containing every word of three letters or more
(trigram index). Within a tier, by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.barcode import Reading
from app.store import keys

# A character above every other in SQLite's binary (UTF-8) order: `x >= p AND
# x < p || TOP` is "x starts with p" and can use an index.
_TOP = "\U0010ffff"
TRIGRAM = 3
_PREFIX_ONLY = "prefix only"
DIGIT_PREFIX_CAP = 1000


def fold(text: str) -> str:
    """The form names are compared in: case folded, inner blanks collapsed."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class ProductFilter:
    """What the product table shows."""

    text: str = ""
    id_group: int | None = None  # None: every group
    include_subgroups: bool = True
    show_inactive: bool = True
    show_deleted: bool = False


class SearchQuery:
    """SQL listing the products that match a filter, in display order."""

    def __init__(self, flt: ProductFilter, reading: Reading | None) -> None:
        self._filter = flt
        self._reading = reading
        self._params: dict[str, Any] = {}
        self.may_repeat = False  # set by `ids_sql`

    def ids_sql(self) -> tuple[str, dict[str, Any]]:
        """Every matching id in display order. With typed text an id may come more
        than once (found in two tiers; `may_repeat` is then true): keep its first
        place."""
        hits = self._hits_sql()
        where = self._where_sql()
        if hits is None:
            sql = (
                f"SELECT p.id_goods FROM products AS p WHERE {where}"
                " ORDER BY p.name_fold, p.id_goods"
            )
        elif hits == _PREFIX_ONLY:
            # A letter or two: names starting with them, read in index order.
            sql = (
                "SELECT p.id_goods FROM products AS p"
                f" WHERE p.name_fold >= :low AND p.name_fold < :high AND {where}"
                " ORDER BY p.name_fold, p.id_goods"
            )
        else:
            # No GROUP BY: dropping repeats costs less in the caller than a
            # temporary b-tree over thousands of hits here.
            self.may_repeat = True
            sql = (
                f"WITH hits(id, tier) AS ({hits})"
                " SELECT p.id_goods FROM hits"
                " JOIN products AS p INDEXED BY products_for_search"
                " ON p.id_goods = hits.id"
                f" WHERE {where} ORDER BY min(hits.tier, CASE WHEN p.name_fold >= :low"
                " AND p.name_fold < :high THEN 1 ELSE 2 END), p.name_fold, p.id_goods"
            )
        return sql, self._params

    def _where_sql(self) -> str:
        flt = self._filter
        conditions = ["1"]
        if not flt.show_deleted:
            conditions.append("p.deleted = 0")
        if not flt.show_inactive:
            conditions.append("p.active = 1")
        if flt.id_group is not None:
            self._params["group"] = flt.id_group
            if flt.include_subgroups:
                conditions.append(
                    "p.id_group IN (WITH RECURSIVE sub(id) AS (SELECT :group UNION"
                    " SELECT g.id_group FROM groups AS g JOIN sub"
                    " ON g.id_owner_group = sub.id) SELECT id FROM sub)"
                )
            else:
                conditions.append("p.id_group = :group")
        return " AND ".join(conditions)

    def _hits_sql(self) -> str | None:
        """The candidate (id, tier) rows for the typed text as SQL; None for no text,
        `_PREFIX_ONLY` when a name prefix is all there is to look for."""
        text = fold(self._filter.text)
        if not text:
            return None
        parts: list[str] = []

        digits = text.replace(" ", "")
        if digits.isdigit():
            self._params["digits"] = digits
            self._params["digits_high"] = digits + _TOP
            self._params["cap"] = DIGIT_PREFIX_CAP
            parts.append("SELECT id_goods, 0 FROM barcodes WHERE bar_code = :digits")
            parts.append(
                "SELECT id_goods, 1 FROM (SELECT id_goods FROM barcodes"
                " WHERE bar_code >= :digits AND bar_code < :digits_high"
                " ORDER BY bar_code LIMIT :cap)"
            )
            if len(digits) <= 18:  # fits SQLite's INTEGER
                self._params["code"] = int(digits)
                parts.append("SELECT id_goods, 0 FROM products WHERE id_goods = :code")
        if self._reading is not None:
            for index, (key, _add_on) in enumerate(keys.scanned_keys(self._reading)):
                name = f"key{index}"
                self._params[name] = key
                parts.append(f"SELECT id_goods, 0 FROM barcodes WHERE key = :{name}")
                parts.append(
                    f"SELECT id_goods, 0 FROM barcodes WHERE alt_key = :{name}"
                )

        self._params["low"] = text
        self._params["high"] = text + _TOP
        words = [w for w in text.split() if len(w) >= TRIGRAM]
        if words:
            # Each word a quoted phrase (quotes doubled): a trigram substring match.
            # A name starting with the text contains every word, so this one pass
            # finds tier 1 too; the order raises those names (`ids_sql`).
            phrases = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
            self._params["fts"] = phrases
            parts.append(
                "SELECT rowid, 2 FROM product_text WHERE product_text MATCH :fts"
            )
        elif not parts:
            return _PREFIX_ONLY
        else:
            parts.append(
                "SELECT id_goods, 1 FROM products"
                " WHERE name_fold >= :low AND name_fold < :high"
            )
        return " UNION ALL ".join(parts)
