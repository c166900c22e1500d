"""The saved label queue: what is written is read back, in order, digit for digit."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import pytest

from app.labels.content import LabelProduct, PackContent
from app.labels.queue import PrintItem
from app.labels.saved_queue import QueueNotSaved, SavedQueue

CHEESE = LabelProduct(
    bar_code="4820000000017",
    ext_bar_code="05",
    name="Сир твердий 0,5 кг",
    unit="уп",
    prices=MappingProxyType({1: Decimal("145.90"), 3: Decimal("139")}),
    product_code="17",
    pack=PackContent(Decimal("0.500"), "кг"),
    id_goods=17,
)
FROM_CSV = LabelProduct(
    bar_code="4006381333931",
    name="Олівець",
    unit="шт",
    price=Decimal("12.50"),
)


def test_the_queue_is_read_back_as_it_was_saved(tmp_path: Path) -> None:
    items = [
        PrintItem(CHEESE, 3, "thermal-58x40"),
        PrintItem(FROM_CSV, 1, "a4-3x8-70x37"),
    ]
    saved = SavedQueue(tmp_path / "queue.sqlite3")
    saved.save(items)
    saved.close()

    again = SavedQueue(tmp_path / "queue.sqlite3")
    loaded = again.load()
    again.close()

    assert loaded.items == tuple(items)
    assert loaded.unreadable == 0
    cheese = loaded.items[0].product
    assert cheese.prices == {1: Decimal("145.90"), 3: Decimal("139")}
    assert str(cheese.prices[1]) == "145.90"  # not 145.9
    assert cheese.pack == PackContent(Decimal("0.500"), "кг")
    assert cheese.id_goods == 17
    assert loaded.items[1].product.id_goods is None


def test_each_save_replaces_the_whole_queue(tmp_path: Path) -> None:
    saved = SavedQueue(tmp_path / "queue.sqlite3")
    saved.save([PrintItem(CHEESE, 3, "thermal-58x40")])
    saved.save([PrintItem(FROM_CSV, 2, "thermal-58x40")])
    assert [(i.product.name, i.quantity) for i in saved.load().items] == [
        ("Олівець", 2)
    ]
    saved.save([])
    assert saved.load().items == ()
    saved.close()


def test_a_row_that_cannot_be_read_is_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "queue.sqlite3"
    saved = SavedQueue(path)
    saved.save([PrintItem(CHEESE, 3, "thermal-58x40"), PrintItem(FROM_CSV, 1, "x")])
    saved.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE queued_labels SET product = '{' WHERE position = 0")
    conn.close()

    loaded = SavedQueue(path).load()

    assert [i.product for i in loaded.items] == [FROM_CSV]
    assert loaded.unreadable == 1


def test_a_file_that_is_not_a_queue_says_so(tmp_path: Path) -> None:
    path = tmp_path / "queue.sqlite3"
    path.write_bytes(b"not a database, " * 100)

    with pytest.raises(QueueNotSaved, match="saved label queue"):
        SavedQueue(path)
