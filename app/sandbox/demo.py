"""The demo catalog: real products with their real barcodes, for training and tests.

Built from `resources/demo/demo-products.csv` through the same rules as any request:
a group tree from the products' group paths, the Purchase level and a Retail level with
plausible prices, boxes of 12 for drinks, a weekly and a monthly magazine with issue
series and 2-digit add-ons, a book with its 5-digit price add-on, and a few weighed
goods with in-store codes. `summary()` tells tests and the GUI what is in it without a
server.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import threading
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import paths
from app.domain.models import BASE_SERIES_ID, BASE_SERIES_NAME, PURCHASE_LEVEL_ID
from app.sandbox import catalog, product_parts, schemas
from app.sandbox.db import Database, GoodsRow, GroupRow

logger = logging.getLogger(__name__)

CSV_NAME = "demo-products.csv"
RETAIL_LEVEL_NAME = "Роздрібна"
RETAIL_LEVEL_ID = 1
CENT = Decimal("0.01")
PURCHASE_SHARE = Decimal("0.78")  # a typical grocery margin of about 28 %

# Dictionary ids of `catalog.UNIT_DICTIONARY`.
PIECE, KILOGRAM, GRAM, PACK, BOX = 1, 2, 3, 7, 8
UNIT_BY_NAME = {"шт": PIECE, "кг": KILOGRAM, "упак": PACK}
INTEGER, FRACTIONAL = 1, 3
BOX_OF = Decimal(12)
BOXED_GROUPS = ("Напої/", "Алкогольні напої/")

# Retail price range (UAH) per top-level group, for plausible prices.
PRICE_RANGE: dict[str, tuple[int, int]] = {
    "Напої": (18, 75),
    "Алкогольні напої": (35, 90),
    "Молочні продукти": (35, 140),
    "Бакалія": (30, 120),
    "Кава та чай": (60, 320),
    "Кондитерські вироби": (15, 120),
    "Снеки": (40, 130),
    "Книги": (250, 650),
    "Преса": (90, 260),
    "Хліб та випічка": (25, 60),
    "Заморожені продукти": (80, 190),
    "Побутова хімія": (55, 160),
    "Господарські товари": (60, 140),
    "Гігієна та косметика": (60, 220),
    "Канцтовари": (15, 90),
    "Овочі та фрукти": (25, 90),
    "М'ясні вироби": (180, 420),
}

# Issues of periodicals: GTIN -> [(series id, series name, 2-digit add-on)].
PERIODICAL_ISSUES: dict[str, list[tuple[str, str, str]]] = {
    "9770013061206": [  # The Economist, weekly: the add-on is the week number
        ("2026-47", "№47 2026", "47"),
        ("2026-48", "№48 2026", "48"),
        ("2026-49", "№49 2026", "49"),
    ],
    "9770027935166": [  # National Geographic, monthly: the add-on is the month
        ("2026-11", "листопад 2026", "11"),
        ("2026-12", "грудень 2026", "12"),
    ],
}
# Books with a 5-digit add-on (EAN-5: currency digit 5 = US dollars, then the price).
BOOK_ADD_ONS: dict[str, str] = {"9780884271789": "52495"}  # The Goal, $24.95


@dataclass(frozen=True)
class WeighedItem:
    """A loose product sold by weight, labelled in store with a prefix-2x code."""

    name: str
    group: str
    item_code: str  # the 5 digits after the prefix
    prefix: str  # GS1: 20–29 are for in-store use; here 21 and 22
    price_per_kg: Decimal

    @property
    def bar_code(self) -> str:
        """The item key: the code with the weight digits zeroed, check digit redone."""
        return with_check_digit(self.prefix + self.item_code + "00000")


WEIGHED: tuple[WeighedItem, ...] = (
    WeighedItem(
        "Сир твердий Голландський ваговий",
        "Молочні продукти/Сир",
        "00101",
        "21",
        Decimal("389.00"),
    ),
    WeighedItem("Яблука Голден", "Овочі та фрукти", "00201", "21", Decimal("42.90")),
    WeighedItem("Банани", "Овочі та фрукти", "00202", "21", Decimal("64.50")),
    WeighedItem(
        "Ковбаса Докторська вагова", "М'ясні вироби", "00301", "22", Decimal("329.90")
    ),
)


@dataclass(frozen=True)
class DemoProduct:
    """One product of the demo catalog as `summary()` reports it."""

    name_goods: str
    group_path: str
    bar_code: str
    default_unit: int  # dictionary id
    retail_price: Decimal
    purchase_price: Decimal
    box_bar_code: str | None = None  # the box of 12's GTIN-14, when it has one
    ext_bar_codes: tuple[str, ...] = ()  # add-ons (issues, book price)
    weighed: bool = False


@dataclass(frozen=True)
class DemoSummary:
    products: tuple[DemoProduct, ...]
    group_paths: tuple[str, ...] = field(default=())

    def by_bar_code(self, bar_code: str) -> DemoProduct:
        for product in self.products:
            if bar_code in (product.bar_code, product.box_bar_code):
                return product
        raise KeyError(bar_code)


def csv_path() -> Path:
    return paths.resources_dir() / "demo" / CSV_NAME


def with_check_digit(data: str) -> str:
    """`data` plus its GS1 mod-10 check digit (weights 3, 1, … from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return data + str((10 - total % 10) % 10)


def box_gtin(gtin: str) -> str:
    """A GTIN-14 for a case of `gtin` (indicator digit 1, check digit redone)."""
    return with_check_digit("1" + gtin.zfill(13)[:-1])


def _plausible_price(key: str, group_path: str) -> Decimal:
    low, high = PRICE_RANGE.get(group_path.split("/")[0], (20, 120))
    share = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    whole = Decimal(low) + (Decimal(high - low) * Decimal(str(round(share, 3))))
    # Shelf prices end in .49 or .99, as shops price them.
    cents = Decimal("0.49") if int(whole) % 2 else Decimal("0.99")
    return Decimal(int(whole)) + cents


def _purchase(price: Decimal) -> Decimal:
    return (price * PURCHASE_SHARE).quantize(CENT, rounding=ROUND_HALF_UP)


@cache
def summary() -> DemoSummary:
    """What `fill` puts in an empty database, in the order it creates it."""
    products: list[DemoProduct] = []
    with csv_path().open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gtin, group = row["gtin"], row["group_uk"]
            name = row["name_uk"]
            if row["quantity"] and row["quantity"] != "1 шт":
                name = f"{name} {row['quantity']}"
            price = _plausible_price(gtin, group)
            issues = PERIODICAL_ISSUES.get(gtin, [])
            add_ons = tuple(add_on for _, _, add_on in issues)
            if gtin in BOOK_ADD_ONS:
                add_ons = (BOOK_ADD_ONS[gtin],)
            products.append(
                DemoProduct(
                    name_goods=name,
                    group_path=group,
                    bar_code=gtin,
                    default_unit=UNIT_BY_NAME.get(row["unit"], PIECE),
                    retail_price=price,
                    purchase_price=_purchase(price),
                    box_bar_code=box_gtin(gtin)
                    if group.startswith(BOXED_GROUPS)
                    else None,
                    ext_bar_codes=add_ons,
                    weighed=row["unit"] == "кг",
                )
            )
    for item in WEIGHED:
        products.append(
            DemoProduct(
                name_goods=item.name,
                group_path=item.group,
                bar_code=item.bar_code,
                default_unit=KILOGRAM,
                retail_price=item.price_per_kg,
                purchase_price=_purchase(item.price_per_kg),
                weighed=True,
            )
        )
    group_paths: list[str] = []
    for product in products:
        parts = product.group_path.split("/")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            if path not in group_paths:
                group_paths.append(path)
    return DemoSummary(products=tuple(products), group_paths=tuple(group_paths))


def is_empty(session: Session) -> bool:
    groups = session.scalar(select(func.count()).select_from(GroupRow))
    goods = session.scalar(select(func.count()).select_from(GoodsRow))
    return not groups and not goods


def fill(database: Database) -> bool:
    """Load the demo catalog into an empty database; False (doing nothing) otherwise."""
    contents = summary()
    with catalog.transaction(database) as session:
        catalog.seed(session)
        if not is_empty(session):
            logger.info("demo catalog not loaded: the database already has a catalog")
            return False
        group_ids = _create_groups(session, contents.group_paths)
        catalog.create_level(
            session, schemas.PriceLevelIn(name_price_level=RETAIL_LEVEL_NAME), "uk"
        )
        for product in contents.products:
            _create_product(session, product, group_ids[product.group_path])
    logger.info(
        "demo catalog loaded: %d groups, %d products",
        len(contents.group_paths),
        len(contents.products),
    )
    return True


_template_lock = threading.Lock()
_template: Database | None = None


def fill_copy(database: Database) -> bool:
    """Like `fill`, but copies a demo catalog built once per process (SQLite backup).

    Tests start many demo servers; building the catalog takes a second or more on a
    busy machine, copying it a few milliseconds. Every copy has the same guids.
    """
    global _template
    with catalog.transaction(database) as session:
        if not is_empty(session):
            return False
    with _template_lock:
        if _template is None:
            template = Database()
            fill(template)
            _template = template
        with _template.lock, database.lock:
            source = _template.engine.raw_connection()
            target = database.engine.raw_connection()
            try:
                source.driver_connection.backup(target.driver_connection)  # type: ignore[union-attr]
            finally:
                target.close()
                source.close()
    return True


def _create_groups(session: Session, group_paths: tuple[str, ...]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for path in group_paths:
        owner, _, name = path.rpartition("/")
        created = catalog.create_group(
            session, schemas.GroupIn(name_group=name, id_owner_group=ids.get(owner))
        )
        ids[path] = created["id_group"]
    return ids


def _create_product(session: Session, product: DemoProduct, id_group: int) -> None:
    """Section 7's order: reserve, default unit, base series, product, prices, codes."""
    reserved = catalog.reserve_id(session)
    guid, id_goods = reserved["guid"], reserved["id_goods"]
    kind = FRACTIONAL if product.weighed else INTEGER
    product_parts.create_unit(
        session,
        guid,
        schemas.UnitIn(
            id_unit=product.default_unit,
            type_unit=kind,
            rate=Decimal(1),
            is_default=True,
            is_storage_residues=True,
            for_ordering=not product.box_bar_code,
        ),
    )
    if product.box_bar_code:
        product_parts.create_unit(
            session,
            guid,
            schemas.UnitIn(
                id_unit=BOX, type_unit=INTEGER, rate=BOX_OF, for_ordering=True
            ),
        )
    if product.weighed:
        # Grams next to a kilogram default: a fractional default takes any unit type.
        product_parts.create_unit(
            session,
            guid,
            schemas.UnitIn(id_unit=GRAM, type_unit=FRACTIONAL, rate=Decimal("0.001")),
        )
    product_parts.create_series(
        session,
        guid,
        schemas.SeriesIn(id_series=BASE_SERIES_ID, name_series=BASE_SERIES_NAME),
    )
    issues = PERIODICAL_ISSUES.get(product.bar_code, [])
    for id_series, name_series, _ in issues:
        product_parts.create_series(
            session,
            guid,
            schemas.SeriesIn(id_series=id_series, name_series=name_series),
        )
    catalog.create_product(
        session,
        schemas.ProductIn(
            id_goods=id_goods,
            guid=guid,
            name_goods=product.name_goods,
            id_group=id_group,
        ),
    )

    for level, price in (
        (PURCHASE_LEVEL_ID, product.purchase_price),
        (RETAIL_LEVEL_ID, product.retail_price),
    ):
        minimum = max(Decimal("0.10"), (price * Decimal("0.9")).quantize(CENT))
        product_parts.create_price(
            session,
            guid,
            schemas.PriceIn(
                id_goods=id_goods,
                id_unit=product.default_unit,
                id_series=BASE_SERIES_ID,
                id_price_level=level,
                price=price,
                min_price=minimum,
                max_price=price,
            ),
            "uk",
        )

    if issues:
        for id_series, _, issue_add_on in issues:
            _barcode(
                session,
                guid,
                product.bar_code,
                product.default_unit,
                id_series,
                issue_add_on,
            )
    else:
        add_on = product.ext_bar_codes[0] if product.ext_bar_codes else None
        _barcode(
            session,
            guid,
            product.bar_code,
            product.default_unit,
            BASE_SERIES_ID,
            add_on,
        )
    if product.box_bar_code:
        _barcode(session, guid, product.box_bar_code, BOX, BASE_SERIES_ID, None)


def _barcode(
    session: Session,
    guid: str,
    bar_code: str,
    id_unit: int,
    id_series: str,
    add_on: str | None,
) -> None:
    product_parts.create_barcode(
        session,
        guid,
        schemas.BarcodeIn(
            bar_code=bar_code, id_unit=id_unit, id_series=id_series, ext_bar_code=add_on
        ),
    )
