"""The label queue on disk: written on every change, read back at the next start.

The queue is what a delivery's scans have produced so far; a killed app must not lose
it. `SavedQueue` keeps the rows in their own SQLite file in the user data folder (WAL,
`synchronous=FULL`, like the scan journal): `save()` replaces the whole queue in one
transaction, so the file always holds one complete queue, the old one or the new one.
A queue is tens of rows: the commit is small enough to make on the GUI thread, which
is what lets "shown in the queue" mean "on disk".

Products are stored as the label showed them; the GUI re-reads catalog products
(`LabelProduct.id_goods`) when the catalog is attached.

The dock's sheet choice (`SheetState`: template for new labels, DPI, and "start at
label" per template, since a partly used sheet stays partly used) is kept in the same
file, in a table added with `IF NOT EXISTS` so files written before it still open.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app import paths
from app.labels.content import LabelProduct, PackContent
from app.labels.errors import LabelError
from app.labels.queue import PrintItem
from app.store.db import ConnectionPerThread, transaction
from app.store.errors import StoreError

logger = logging.getLogger(__name__)

QUEUE_FILE_NAME = "label-queue.sqlite3"
QUEUE_VERSION = 1
QUEUE_SCHEMA = """
CREATE TABLE queued_labels (
    position INTEGER PRIMARY KEY,
    product TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    template_name TEXT NOT NULL
)
"""
SHEET_TABLE = """
CREATE TABLE IF NOT EXISTS queue_sheet (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL
)
"""


class QueueNotSaved(LabelError):  # noqa: N818
    """The queue file could not be opened, read or written (disk full, no access)."""

    code = "label_queue_not_saved"


@dataclass(frozen=True)
class SheetState:
    """The dock's choice: template for new labels, DPI text, start-at per template."""

    template: str = ""
    dpi: str = ""
    start_at: MappingProxyType[str, int] = field(
        default_factory=lambda: MappingProxyType({})
    )


@dataclass(frozen=True)
class LoadedQueue:
    """The saved rows that could be read, and how many could not (logged)."""

    items: tuple[PrintItem, ...]
    unreadable: int = 0


def product_to_json(product: LabelProduct) -> str:
    """Decimals as strings, so a price comes back digit for digit."""
    pack = product.pack
    return json.dumps(
        {
            "bar_code": product.bar_code,
            "ext_bar_code": product.ext_bar_code,
            "name": product.name,
            "unit": product.unit,
            "price": None if product.price is None else str(product.price),
            "prices": {str(k): str(v) for k, v in product.prices.items()},
            "product_code": product.product_code,
            "pack": None if pack is None else [str(pack.amount), pack.base_unit],
            "id_goods": product.id_goods,
        },
        ensure_ascii=False,
    )


def product_from_json(text: str) -> LabelProduct:
    """Raises ValueError (or KeyError, TypeError, InvalidOperation) on a bad row."""
    data: dict[str, Any] = json.loads(text)
    pack = data.get("pack")
    price = data.get("price")
    id_goods = data.get("id_goods")
    return LabelProduct(
        bar_code=str(data["bar_code"]),
        ext_bar_code=data.get("ext_bar_code"),
        name=str(data["name"]),
        unit=str(data["unit"]),
        price=None if price is None else Decimal(price),
        prices=MappingProxyType(
            {int(k): Decimal(v) for k, v in (data.get("prices") or {}).items()}
        ),
        product_code=str(data.get("product_code") or ""),
        pack=None if pack is None else PackContent(Decimal(pack[0]), str(pack[1])),
        id_goods=None if id_goods is None else int(id_goods),
    )


class SavedQueue:
    """The queue's file (by default in the user data folder). Raises QueueNotSaved."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / QUEUE_FILE_NAME
        try:
            self._connections = ConnectionPerThread(
                self.path, QUEUE_SCHEMA, QUEUE_VERSION, "FULL"
            )
        except (StoreError, sqlite3.Error) as error:
            raise QueueNotSaved(
                f"cannot open the saved label queue {self.path}: {error}",
                path=str(self.path),
            ) from error
        try:
            self._connections.get().execute(SHEET_TABLE)
        except sqlite3.Error as error:
            raise QueueNotSaved(
                f"cannot open the saved label queue {self.path}: {error}",
                path=str(self.path),
            ) from error

    def close(self) -> None:
        self._connections.close()

    def save(self, items: Sequence[PrintItem]) -> None:
        """Replace the saved queue with `items`, committed to disk."""
        rows = [
            (position, product_to_json(i.product), i.quantity, i.template_name)
            for position, i in enumerate(items)
        ]
        try:
            with transaction(self._connections.get()) as conn:
                conn.execute("DELETE FROM queued_labels")
                conn.executemany(
                    "INSERT INTO queued_labels"
                    " (position, product, quantity, template_name) VALUES (?, ?, ?, ?)",
                    rows,
                )
        except (StoreError, sqlite3.Error) as error:
            logger.error("label queue not saved to %s: %s", self.path, error)
            raise QueueNotSaved(
                f"the label queue could not be saved to {self.path}: {error}",
                path=str(self.path),
            ) from error

    def load(self) -> LoadedQueue:
        """The saved queue in its order; a row that cannot be read is skipped."""
        try:
            rows = (
                self._connections.get()
                .execute("SELECT * FROM queued_labels ORDER BY position")
                .fetchall()
            )
        except (StoreError, sqlite3.Error) as error:
            raise QueueNotSaved(
                f"cannot read the saved label queue {self.path}: {error}",
                path=str(self.path),
            ) from error
        items: list[PrintItem] = []
        unreadable = 0
        for row in rows:
            try:
                product = product_from_json(row["product"])
                items.append(
                    PrintItem(product, int(row["quantity"]), row["template_name"])
                )
            except (LabelError, ValueError, KeyError, TypeError, InvalidOperation):
                logger.warning(
                    "saved label queue row %s cannot be read; skipped",
                    row["position"],
                    exc_info=True,
                )
                unreadable += 1
        logger.info("label queue read back: %d row(s) from %s", len(items), self.path)
        return LoadedQueue(tuple(items), unreadable)

    def save_sheet(self, sheet: SheetState) -> None:
        """Keep the dock's sheet choice, committed to disk."""
        state = json.dumps(
            {
                "template": sheet.template,
                "dpi": sheet.dpi,
                "start_at": dict(sheet.start_at),
            },
            ensure_ascii=False,
        )
        try:
            self._connections.get().execute(
                "INSERT OR REPLACE INTO queue_sheet (id, state) VALUES (1, ?)",
                (state,),
            )
        except (StoreError, sqlite3.Error) as error:
            logger.error("label sheet choice not saved to %s: %s", self.path, error)
            raise QueueNotSaved(
                f"the label sheet choice could not be saved to {self.path}: {error}",
                path=str(self.path),
            ) from error

    def load_sheet(self) -> SheetState | None:
        """The saved sheet choice; None if none was saved or it cannot be read."""
        try:
            row = (
                self._connections.get()
                .execute("SELECT state FROM queue_sheet WHERE id = 1")
                .fetchone()
            )
            if row is None:
                return None
            data: dict[str, Any] = json.loads(row["state"])
            start_at = {
                str(name): int(value)
                for name, value in (data.get("start_at") or {}).items()
            }
            return SheetState(
                str(data.get("template") or ""),
                str(data.get("dpi") or ""),
                MappingProxyType(start_at),
            )
        except (StoreError, sqlite3.Error, ValueError, TypeError, AttributeError):
            logger.warning("the saved label sheet choice cannot be read", exc_info=True)
            return None
