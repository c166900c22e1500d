"""Store rows and API records: each record kept whole as JSON, read back exactly.

Decimals are written digit for digit (`app.domain.jsonio.dumps`) and read back as
Decimal, never through float, so money and quantities survive the round trip and
fields the vendor adds are kept as they came.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel

from app.domain import jsonio

ModelT = TypeVar("ModelT", bound=BaseModel)

# jsonio.loads' reading (fractions as Decimal) with one decoder made once: a lookup
# reads four records, and building a decoder per call costs as much as the parse.
_DECODER = json.JSONDecoder(parse_float=Decimal)


def dump_model(model: BaseModel) -> str:
    return jsonio.dumps(model.model_dump(mode="python"))


def load_model(model: type[ModelT], data: str) -> ModelT:
    return model.model_validate(_DECODER.decode(data))


def time_text(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def money_text(value: Decimal | None) -> str | None:
    return format(value, "f") if value is not None else None
