"""JSON that keeps money and quantities exact.

The API's numerics are decimals (`numeric(15,4)` and the like). `loads` reads every JSON
number with a fraction as `Decimal`; `dumps` writes a `Decimal` as a JSON number with
exactly its digits, never through `float`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def loads(text: str | bytes) -> Any:
    return json.loads(text, parse_float=Decimal)


def _encode(value: Any, out: list[str]) -> None:
    if isinstance(value, bool) or value is None:
        out.append(json.dumps(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot send {value} as a JSON number")
        out.append(format(value, "f"))
    elif isinstance(value, int | str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, float):
        # Floats never carry money here; they may carry a timing or a ratio.
        out.append(json.dumps(value))
    elif isinstance(value, datetime | date):
        out.append(json.dumps(value.isoformat()))
    elif isinstance(value, Mapping):
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append(",")
            out.append(json.dumps(str(key), ensure_ascii=False))
            out.append(":")
            _encode(item, out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _encode(item, out)
        out.append("]")
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def dumps(value: Any) -> str:
    """JSON text with decimals written digit for digit (UTF-8 kept as is)."""
    out: list[str] = []
    _encode(value, out)
    return "".join(out)
