"""The catalog views' item models, over a local catalog built in the test (no server).

Every model is run through Qt's QAbstractItemModelTester in Fatal mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from app.domain.models import (
    Barcode,
    BarcodeWrite,
    Group,
    GroupWrite,
    Price,
    PriceLevel,
    Product,
    ProductUnit,
    Series,
)
from app.gui.detail_tables import barcodes_model, prices_model, units_model
from app.gui.group_tree import GROUP_MIME_TYPE, GroupMove, GroupTreeModel
from app.gui.level_editor import PriceLevelsModel
from app.gui.outbox_dialog import OutboxColumn, OutboxModel
from app.gui.products_model import (
    PAGE_SIZE,
    PRODUCT_ID_ROLE,
    ProductColumn,
    ProductsModel,
    format_money,
)
from app.store.catalog import Catalog
from app.store.outbox import Outbox
from app.store.records import ProductDetails
from app.store.search import ProductFilter
from app.store.writes import OutboxWrite, WriteKind

T0 = datetime(2026, 1, 1, tzinfo=UTC)
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def group(id_group: int, name: str, owner: int | None = None, active=True) -> Group:
    return Group(
        id_group=id_group,
        name_group=name,
        id_owner_group=owner,
        active=active,
        guid=f"g-{id_group}",
    )


GROUPS = [
    group(1, "Drinks"),
    group(2, "Water", 1),
    group(3, "Sparkling", 2),
    group(4, "Sweets"),
    group(5, "Old stock", None, active=False),
]
LEVELS = [
    PriceLevel(id_price_level=-1, name_price_level="Purchase", guid="lv-p"),
    PriceLevel(id_price_level=1, name_price_level="Retail", guid="lv-1"),
]


def add_product(
    catalog: Catalog, id_goods: int, name: str, bar_code: str, id_group: int | None
) -> None:
    product = Product(
        id_goods=id_goods,
        guid=f"p-{id_goods}",
        name_goods=name,
        id_group=id_group,
        time_change=T0,
    )
    catalog.upsert_products([product])
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=1, name_unit="pc", type_unit=1, rate=Decimal(1), is_default=True
            ),
            ProductUnit(id_unit=8, name_unit="box", type_unit=1, rate=Decimal(12)),
        ],
        series=[Series(id_series="-", name_series="-")],
        prices=[
            Price(
                id_goods=id_goods,
                id_unit=1,
                id_series="-",
                id_price_level=level,
                price=Decimal(price),
                min_price=Decimal(price),
                max_price=Decimal(price),
            )
            for level, price in ((-1, "10.5"), (1, "12.5"))
        ],
        barcodes=[Barcode(bar_code=bar_code, id_unit=1, id_series="-", guid=bar_code)],
    )
    catalog.replace_details(id_goods, details, T0)


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    store.replace_groups(GROUPS)
    store.replace_price_levels(LEVELS)
    add_product(store, 1, "Still water 1.5 l", "4820017000024", 2)
    add_product(store, 2, "Sparkling water 1.5 l", "4820017000055", 3)
    add_product(store, 3, "Chocolate bar", "5000159461122", 4)
    yield store
    store.close()


# --- products -------------------------------------------------------------------------


def test_products_model_passes_the_model_tester(qtbot, catalog: Catalog) -> None:
    model = ProductsModel(catalog)
    QAbstractItemModelTester(model, FATAL)
    model.set_filter(ProductFilter(text="water"))
    model.set_filter(ProductFilter(id_group=1))
    model.refresh()
    assert model.rowCount() == 2


def test_products_model_shows_the_columns(qtbot, catalog: Catalog) -> None:
    model = ProductsModel(catalog)

    def cell(row: int, column: ProductColumn) -> str:
        return model.index(row, column).data()

    names = [cell(row, ProductColumn.NAME) for row in range(model.rowCount())]
    assert names == ["Chocolate bar", "Sparkling water 1.5 l", "Still water 1.5 l"]
    assert cell(0, ProductColumn.CODE) == "3"
    assert cell(0, ProductColumn.GROUP) == "Sweets"
    assert cell(0, ProductColumn.DEFAULT_UNIT) == "pc"
    # the retail level's price, not Purchase's
    assert cell(0, ProductColumn.RETAIL_PRICE) == format_money(Decimal("12.5"))
    assert cell(0, ProductColumn.BAR_CODE) == "5000159461122"
    assert cell(0, ProductColumn.ACTIVE) == "yes"
    assert model.index(0, 0).data(PRODUCT_ID_ROLE) == 3


def test_a_row_falls_back_to_the_short_name_and_the_first_active_code(
    qtbot, catalog: Catalog
) -> None:
    # a default unit without a name, whose only barcode is no longer used
    catalog.upsert_products(
        [Product(id_goods=9, guid="p-9", name_goods="Apples", time_change=T0)]
    )
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=2,
                short_name="kg",
                type_unit=2,
                rate=Decimal(1),
                is_default=True,
            ),
            ProductUnit(id_unit=8, name_unit="box", type_unit=1, rate=Decimal(12)),
        ],
        barcodes=[
            Barcode(bar_code="2000000000015", id_unit=2, id_series="-", active=False),
            Barcode(bar_code="4820000000011", id_unit=8, id_series="-"),
        ],
    )
    catalog.replace_details(9, details, T0)
    model = ProductsModel(catalog)
    model.set_filter(ProductFilter(text="Apples"))

    assert model.index(0, ProductColumn.DEFAULT_UNIT).data() == "kg"
    assert model.index(0, ProductColumn.BAR_CODE).data() == "4820000000011 (+1)"
    assert model.index(0, ProductColumn.RETAIL_PRICE).data() == ""


def test_search_uses_the_store_by_name_code_and_barcode(qtbot, catalog) -> None:
    model = ProductsModel(catalog)
    with qtbot.waitSignal(model.filter_applied) as applied:
        model.set_filter(ProductFilter(text="water"))
    assert applied.args == [2]
    model.set_filter(ProductFilter(text="5000159461122"))
    assert [model.index(0, ProductColumn.NAME).data()] == ["Chocolate bar"]
    assert model.rowCount() == 1
    model.set_filter(ProductFilter(text="2"))  # the code first
    assert model.index(0, ProductColumn.CODE).data() == "2"


def test_a_group_shows_its_subgroups_products(qtbot, catalog: Catalog) -> None:
    model = ProductsModel(catalog)
    model.set_filter(ProductFilter(id_group=2))
    assert {model.index(r, ProductColumn.CODE).data() for r in range(2)} == {"1", "2"}


def test_money_keeps_at_least_two_decimals() -> None:
    from PySide6.QtCore import QLocale

    english = QLocale(QLocale.Language.English)
    ukrainian = QLocale(QLocale.Language.Ukrainian)
    assert format_money(Decimal("12.5"), english) == "12.50"
    assert format_money(Decimal("12.1234"), english) == "12.1234"
    assert format_money(Decimal("7"), ukrainian) == "7,00"
    assert format_money(None) == ""


def test_products_are_fetched_a_page_at_a_time(qtbot, tmp_path: Path) -> None:
    store = Catalog(tmp_path / "big.sqlite3")
    count = 30 * PAGE_SIZE
    store.upsert_products(
        [
            Product(
                id_goods=i,
                guid=f"p-{i}",
                name_goods=f"Product {i:06d}",
                time_change=T0,
            )
            for i in range(1, count + 1)
        ]
    )
    model = ProductsModel(store)
    QAbstractItemModelTester(model, FATAL)
    assert model.rowCount() == count
    fetched = model.pages_fetched

    last = model.index(count - 1, ProductColumn.NAME).data()
    assert last == f"Product {count:06d}"
    before_last = model.index(count - 2, ProductColumn.NAME).data()
    assert before_last == f"Product {count - 1:06d}"
    assert model.pages_fetched == fetched + 1  # only the last page was read

    model.set_filter(ProductFilter(text="Product 0012"))
    # a name prefix first (001200..001299), then the names containing it
    # (000012, 000120..000129)
    assert model.rowCount() == 111
    names = [model.index(r, ProductColumn.NAME).data() for r in range(111)]
    assert names[:2] == ["Product 001200", "Product 001201"]
    assert all("0012" in name for name in names)
    store.close()


# --- the group tree -------------------------------------------------------------------


def tree_model(qtbot) -> GroupTreeModel:
    model = GroupTreeModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_groups(GROUPS)
    return model


def names_under(model: GroupTreeModel, parent: QModelIndex) -> list[str]:
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_group_tree_has_all_products_above_the_main_groups(qtbot) -> None:
    model = tree_model(qtbot)
    assert names_under(model, QModelIndex()) == [
        "All products",
        "Drinks",
        "Old stock",
        "Sweets",
    ]
    water = model.index_of_group(2)
    assert water.parent() == model.index_of_group(1)
    assert names_under(model, water) == ["Sparkling"]
    assert model.index_of_group(5).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_group_tree_survives_a_loop_in_bad_data(qtbot) -> None:
    model = GroupTreeModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_groups([group(1, "A", 2), group(2, "B", 1)])
    assert set(names_under(model, QModelIndex())) >= {"All products"}
    assert model.group(1) is not None and model.group(2) is not None


def drop(model: GroupTreeModel, id_group: int, target: QModelIndex) -> bool:
    data = QMimeData()
    data.setData(GROUP_MIME_TYPE, str(id_group).encode("ascii"))
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    return model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)


def test_dropping_a_group_onto_another_requests_the_move(qtbot) -> None:
    model = tree_model(qtbot)
    with qtbot.waitSignal(model.move_requested) as moved:
        drop(model, 4, model.index_of_group(2))
    request: GroupMove = moved.args[0]
    assert (request.group.id_group, request.new_owner) == (4, 2)

    with qtbot.waitSignal(model.move_requested) as moved:
        drop(model, 3, model.all_products_index())
    assert (moved.args[0].group.id_group, moved.args[0].new_owner) == (3, None)


def test_dropping_a_group_into_its_own_subgroup_is_refused(qtbot) -> None:
    model = tree_model(qtbot)
    with (
        qtbot.assertNotEmitted(model.move_requested),
        qtbot.waitSignal(model.move_refused) as refused,
    ):
        drop(model, 1, model.index_of_group(3))  # Drinks into Sparkling
    assert "subgroups" in refused.args[0]
    with qtbot.waitSignal(model.move_refused):
        drop(model, 2, model.index_of_group(2))  # onto itself


def test_mime_data_carries_the_dragged_group(qtbot) -> None:
    model = tree_model(qtbot)
    data = model.mimeData([model.index_of_group(3)])
    assert bytes(data.data(GROUP_MIME_TYPE).data()) == b"3"
    assert not model.flags(model.all_products_index()) & Qt.ItemFlag.ItemIsDragEnabled


# --- detail tables and price levels ---------------------------------------------------


def test_detail_tables_pass_the_model_tester(qtbot, catalog: Catalog) -> None:
    details = catalog.details(1)
    units = units_model()
    prices = prices_model(lambda level: {-1: "Purchase", 1: "Retail"}[level])
    barcodes = barcodes_model()
    for model in (units, prices, barcodes):
        QAbstractItemModelTester(model, FATAL)
    units.set_records(details.units)
    prices.set_records(details.prices)
    barcodes.set_records(details.barcodes)
    assert [units.index(r, 0).data() for r in range(2)] == ["pc", "box"]
    assert units.index(1, 2).data() == "12"
    assert prices.index(0, 0).data() == "Purchase"
    assert barcodes.index(0, 0).data() == "4820017000024"


def test_price_levels_model_marks_purchase_fixed(qtbot) -> None:
    model = PriceLevelsModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_levels(list(reversed(LEVELS)))
    assert model.index(0, 0).data() == "-1"
    assert "fixed" in model.index(0, 1).data()
    assert model.index(1, 1).data() == "Retail"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_outbox_model_passes_the_model_tester(qtbot, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add(
        OutboxWrite(
            WriteKind.CREATE_BARCODE,
            BarcodeWrite(bar_code="4820017000024", id_unit=1, id_series="-"),
            "p-1",
            1,
        )
    )
    outbox.add(OutboxWrite(WriteKind.CREATE_GROUP, GroupWrite(name_group="Drinks")))
    model = OutboxModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_entries(outbox.entries())
    assert model.rowCount() == 2
    change = model.index(0, OutboxColumn.CHANGE).data()
    assert change == "New barcode 4820017000024 · product 1"
    assert model.index(1, OutboxColumn.STATE).data() == "waiting"
    outbox.close()
