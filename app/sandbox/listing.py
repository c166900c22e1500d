"""Paging, sorting and filtering of lists, as section 8 of the API document describes.

- `new_pagination=true&page[num]=N&page[size]=M` answers `{"data": [...], "meta":
  {"current_page", "last_page", "per_page", "total"}}`; without `new_pagination` the
  answer is a bare JSON array of every matching row (the sandbox's choice among the
  shapes section 9 allows).
- `sort[column]=FIELD&sort[order]=ascending|descending`.
- `filters[FIELD][value]=V` matches equal values, with `filters[FIELD][term]=like` a
  case-insensitive substring, with `=not` everything else; `filters[FIELD][type]=
  date_range` with `filters[FIELD][value][from]` / `[to]` (ISO-8601, inclusive).

The sandbox's catalogs are small, so rows are filtered in Python after loading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.sandbox.messages import invalid

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000

_FILTER_KEY = re.compile(
    r"^filters\[([^\]]+)\]\[(value|term|type)\](?:\[(from|to)\])?$"
)


@dataclass
class FilterSpec:
    column: str
    value: str | None = None
    term: str | None = None
    kind: str | None = None
    range_from: str | None = None
    range_to: str | None = None


@dataclass
class ListQuery:
    paged: bool = False
    page: int = 1
    size: int = DEFAULT_PAGE_SIZE
    sort_column: str | None = None
    descending: bool = False
    filters: list[FilterSpec] = field(default_factory=list)


def parse_query(params: Sequence[tuple[str, str]]) -> ListQuery:
    """Read the list parameters from the query string's (key, value) pairs."""
    query = ListQuery()
    by_column: dict[str, FilterSpec] = {}
    for key, value in params:
        if key == "new_pagination":
            query.paged = value.strip().lower() in ("true", "1", "yes")
        elif key == "sort[column]":
            query.sort_column = value
        elif key == "sort[order]":
            if value not in ("ascending", "descending"):
                raise invalid("sort[order]", "sort_order_unknown", order=value)
            query.descending = value == "descending"
        elif key in ("page[num]", "page[size]"):
            number = _page_number(key, value)
            if key == "page[num]":
                query.page = number
            else:
                query.size = number
        else:
            match = _FILTER_KEY.match(key)
            if match is None:
                continue
            column, part, bound = match.groups()
            spec = by_column.setdefault(column, FilterSpec(column))
            if part == "value" and bound == "from":
                spec.range_from = value
            elif part == "value" and bound == "to":
                spec.range_to = value
            elif part == "value":
                spec.value = value
            elif part == "term":
                spec.term = value
            else:
                spec.kind = value
    query.filters = list(by_column.values())
    return query


def _page_number(key: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1 or (key == "page[size]" and number > MAX_PAGE_SIZE):
        raise invalid(key, "page_invalid", max_size=MAX_PAGE_SIZE)
    return number


def _parse_time(text: str, column: str) -> datetime:
    try:
        # An unencoded "+01:00" in a query string arrives as " 01:00".
        moment = datetime.fromisoformat(text.strip().replace(" ", "+"))
    except ValueError:
        raise invalid(f"filters[{column}]", "filter_date_invalid", value=text) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _equal(value: Any, wanted: str) -> bool:
    if value is None:
        return wanted.strip().lower() in ("", "null")
    if isinstance(value, bool):
        return (wanted.strip().lower() in ("true", "1")) == value
    if isinstance(value, int | Decimal):
        try:
            return Decimal(wanted.strip()) == Decimal(value)
        except InvalidOperation:
            return False
    return str(value) == wanted


def _keeps(row: Mapping[str, Any], spec: FilterSpec) -> bool:
    value = row.get(spec.column)
    if spec.kind == "date_range":
        if not isinstance(value, datetime):
            return False
        if spec.range_from and value < _parse_time(spec.range_from, spec.column):
            return False
        return not (spec.range_to and value > _parse_time(spec.range_to, spec.column))
    if spec.value is None:
        return True
    if spec.term == "like":
        return spec.value.casefold() in ("" if value is None else str(value)).casefold()
    if spec.term == "not":
        return not _equal(value, spec.value)
    return _equal(value, spec.value)


def _check_filter(spec: FilterSpec, columns: Sequence[str]) -> None:
    if spec.column not in columns:
        raise invalid(
            f"filters[{spec.column}]",
            "filter_field_unknown",
            column=spec.column,
            columns=", ".join(columns),
        )
    if spec.term not in (None, "like", "not"):
        raise invalid(f"filters[{spec.column}]", "filter_term_unknown", term=spec.term)
    if spec.kind == "date_range":
        if spec.column not in ("time_create", "time_change"):
            raise invalid(
                f"filters[{spec.column}]", "filter_date_field", column=spec.column
            )
        # Parse now so a bad bound is refused even when no row is left to compare.
        for bound in (spec.range_from, spec.range_to):
            if bound:
                _parse_time(bound, spec.column)


def _sort_key(column: str) -> Any:
    def key(row: Mapping[str, Any]) -> tuple[bool, Any]:
        value = row.get(column)
        if isinstance(value, dict | list):
            value = str(value)
        return (value is None, value if value is not None else 0)

    return key


def apply(rows: list[dict[str, Any]], query: ListQuery, columns: Sequence[str]) -> Any:
    """The list body for `rows` under `query`; `columns` are the fields one may use."""
    for spec in query.filters:
        _check_filter(spec, columns)
    if query.sort_column is not None and query.sort_column not in columns:
        raise invalid(
            "sort[column]",
            "sort_column_unknown",
            column=query.sort_column,
            columns=", ".join(columns),
        )

    kept = [row for row in rows if all(_keeps(row, spec) for spec in query.filters)]
    if query.sort_column is not None:
        kept.sort(key=_sort_key(query.sort_column), reverse=query.descending)
    if not query.paged:
        return kept

    start = (query.page - 1) * query.size
    return page_body(kept[start : start + query.size], query, len(kept))


def page_body(rows: list[dict[str, Any]], query: ListQuery, total: int) -> Any:
    """The paged answer: `rows` are the page asked for, of `total` matching rows."""
    return {
        "data": rows,
        "meta": {
            "current_page": query.page,
            "last_page": max(1, -(-total // query.size)),
            "per_page": query.size,
            "total": total,
        },
    }


def in_id_order(query: ListQuery, id_column: str) -> bool:
    """Whether `query` pages the whole list in id order (no filter, no other sort):
    the one case a caller can page in SQL, not by loading every row."""
    return query.paged and not query.filters and query.sort_column in (None, id_column)
