"""Bringing the local catalog up to date with the server.

A pass runs in stages: the dictionaries (groups, price levels, unit dictionary: small,
replaced whole), the product list (all of it the first time, then only what changed
since the cursor, by section 8's `date_range` filter on `time_change`), the details of
every new or changed product (units, series, prices, barcodes: fetched by a bounded
pool of threads sharing one kept-alive `requests.Session`), and deletions (products the
server no longer lists are marked deleted, never dropped or kept as active).

Resuming: each product's details are marked fetched as they are stored, so a pass that
is cancelled or fails goes on where it stopped; the cursor moves only after a complete
pass, so nothing changed meanwhile is skipped.

FIXME(sync): a unit, series, price or barcode changed on the server without a new
time_change on its product is not seen by an incremental pass (the sandbox does not
touch the product; what the vendor does is not documented). Edits made in this app
reach the local catalog from the server's answers; for others' edits,
`run(full=True, refetch_details=True)` fetches every product's details again.

Deletions: the API has no list of deleted products. A full pass marks every product
it did not list; an incremental pass compares the server's product total with the
local count and lists all ids only when they differ (or every `reconcile_every`
passes, which catches a deletion hidden by a creation).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

import requests
from requests.adapters import HTTPAdapter

from app.api.errors import NotFound
from app.domain.models import (
    Barcode,
    Group,
    Price,
    PriceLevel,
    Product,
    ProductUnit,
    Series,
    UnitSample,
)
from app.store.catalog import Catalog
from app.store.errors import SyncCancelled
from app.store.records import ProductDetails, StoredProduct

logger = logging.getLogger(__name__)

DEFAULT_WORKERS = 4
DEFAULT_PAGE_SIZE = 500
# Re-list products changed this long before the cursor: a change committed on the
# server while the previous pass was listing may carry an earlier time_change.
CURSOR_OVERLAP = timedelta(seconds=5)
RECONCILE_EVERY = 20

CURSOR_STATE = "products_cursor"
PASSES_STATE = "incremental_passes"
LAST_SYNC_STATE = "last_sync"


class SyncClient(Protocol):
    """What the sync needs of `app.api.client.CatalogClient`."""

    def list_groups(self) -> list[Group]: ...
    def list_price_levels(self) -> list[PriceLevel]: ...
    def list_unit_samples(self) -> list[UnitSample]: ...
    def iter_product_pages(
        self,
        *,
        changed_since: datetime | None = None,
        page_size: int | None = None,
        sort: tuple[str, str] | None = None,
    ) -> Iterator[tuple[list[Product], int | None]]: ...
    def get_product(self, guid: str) -> Product: ...
    def list_units(self, guid: str) -> list[ProductUnit]: ...
    def list_series(self, guid: str) -> list[Series]: ...
    def list_prices(self, guid: str) -> list[Price]: ...
    def list_barcodes(self, guid: str) -> list[Barcode]: ...


class SyncStage(StrEnum):
    DICTIONARIES = "dictionaries"
    PRODUCTS = "products"
    DETAILS = "details"
    DELETIONS = "deletions"


@dataclass(frozen=True)
class SyncProgress:
    """Progress within a stage: `done` of `total` (total 0 while unknown)."""

    stage: SyncStage
    done: int
    total: int


@dataclass(frozen=True)
class SyncReport:
    full: bool
    products_listed: int
    products_changed: int
    details_fetched: int
    marked_deleted: int
    cursor: datetime | None
    seconds: float


ProgressCallback = Callable[[SyncProgress], None]


def make_session(pool_size: int = DEFAULT_WORKERS) -> requests.Session:
    """A session whose connection pool keeps `pool_size` connections alive per host,
    one for each sync worker (pass it to the `CatalogClient` the sync uses)."""
    session = requests.Session()
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=max(1, pool_size))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class CatalogSync:
    """Runs sync passes of one catalog against one client (one pass at a time)."""

    def __init__(
        self,
        catalog: Catalog,
        client: SyncClient,
        *,
        workers: int = DEFAULT_WORKERS,
        page_size: int = DEFAULT_PAGE_SIZE,
        reconcile_every: int = RECONCILE_EVERY,
    ) -> None:
        self._catalog = catalog
        self._client = client
        self.workers = max(1, workers)
        self.page_size = page_size
        self.reconcile_every = reconcile_every
        self._lock = threading.Lock()

    @property
    def cursor(self) -> datetime | None:
        """The time_change up to which every product change has been fetched."""
        value = self._catalog.get_state(CURSOR_STATE)
        return datetime.fromisoformat(value) if value else None

    def run(
        self,
        *,
        full: bool = False,
        refetch_details: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """One pass; full when asked or when no pass has completed yet.

        `refetch_details` marks every product's details to be fetched again first
        (a pass that is interrupted then goes on with the rest next time).

        Raises SyncCancelled when `cancel` is set (what was stored stays stored),
        or the client's ApiError when the server fails; the next pass resumes.
        """
        if not self._lock.acquire(blocking=False):
            raise RuntimeError("a sync pass is already running on this catalog")
        try:
            if refetch_details:
                self._catalog.mark_details_stale()
            return self._run(full, progress or (lambda _p: None), cancel)
        finally:
            self._lock.release()

    def _run(
        self,
        full: bool,
        progress: ProgressCallback,
        cancel: threading.Event | None,
    ) -> SyncReport:
        started = time.monotonic()
        previous = self.cursor
        full = full or previous is None
        since = None
        if not full and previous is not None:
            since = previous - CURSOR_OVERLAP
        logger.info("sync pass started (%s)", "full" if full else f"since {since}")

        def check() -> None:
            if cancel is not None and cancel.is_set():
                logger.info("sync pass cancelled")
                raise SyncCancelled("the sync was cancelled; the next one resumes")

        progress(SyncProgress(SyncStage.DICTIONARIES, 0, 3))
        self._catalog.replace_groups(self._client.list_groups())
        progress(SyncProgress(SyncStage.DICTIONARIES, 1, 3))
        self._catalog.replace_price_levels(self._client.list_price_levels())
        progress(SyncProgress(SyncStage.DICTIONARIES, 2, 3))
        self._catalog.replace_unit_samples(self._client.list_unit_samples())
        progress(SyncProgress(SyncStage.DICTIONARIES, 3, 3))
        check()

        listed_ids: set[int] = set()
        newest: datetime | None = None
        changed = 0
        for page, total in self._client.iter_product_pages(
            changed_since=since,
            page_size=self.page_size,
            sort=("id_goods", "ascending"),
        ):
            changed += self._catalog.upsert_products(page)
            listed_ids.update(item.id_goods for item in page)
            for item in page:
                if item.time_change and (newest is None or item.time_change > newest):
                    newest = item.time_change
            progress(SyncProgress(SyncStage.PRODUCTS, len(listed_ids), total or 0))
            check()

        fetched = self._fetch_details(progress, check)

        progress(SyncProgress(SyncStage.DELETIONS, 0, 1))
        if full:
            deleted = self._catalog.mark_deleted_except(listed_ids)
        else:
            deleted = self._reconcile_if_needed(check)
        progress(SyncProgress(SyncStage.DELETIONS, 1, 1))

        cursor = max((t for t in (newest, previous) if t is not None), default=None)
        self._finish(cursor, full)
        report = SyncReport(
            full=full,
            products_listed=len(listed_ids),
            products_changed=changed,
            details_fetched=fetched,
            marked_deleted=len(deleted),
            cursor=cursor,
            seconds=time.monotonic() - started,
        )
        logger.info(
            "sync pass done: %d changed, %d details fetched, %d marked deleted, %.1f s",
            report.products_changed,
            report.details_fetched,
            report.marked_deleted,
            report.seconds,
        )
        return report

    def _finish(self, cursor: datetime | None, full: bool) -> None:
        if cursor is not None:
            self._catalog.set_state(CURSOR_STATE, cursor.isoformat())
        passes = 0 if full else int(self._catalog.get_state(PASSES_STATE) or 0) + 1
        self._catalog.set_state(PASSES_STATE, str(passes))
        self._catalog.set_state(LAST_SYNC_STATE, datetime.now(UTC).isoformat())

    def refresh_product(self, guid: str) -> StoredProduct | None:
        """Fetch one product and its details now (after the creation flow made it,
        or to reload it); None, and marked deleted, if the server no longer has it.
        """
        try:
            product = self._client.get_product(guid)
        except NotFound:
            stored = self._catalog.product_by_guid(guid)
            if stored is not None:
                self._catalog.mark_deleted([stored.id_goods])
            return None
        self._catalog.upsert_products([product])
        details = self._details_of(guid)
        if details is None:
            self._catalog.mark_deleted([product.id_goods])
            return None
        self._catalog.replace_details(product.id_goods, details, product.time_change)
        return self._catalog.product(product.id_goods)

    # --- details ----------------------------------------------------------------

    def _fetch_details(
        self, progress: ProgressCallback, check: Callable[[], None]
    ) -> int:
        """Fetch details of every product marked to fetch; returns how many.

        On cancel, requests already running are let finish and stored, so nothing
        fetched is fetched again by the next pass.
        """
        todo = self._catalog.product_ids_to_fetch()
        total = len(todo)
        progress(SyncProgress(SyncStage.DETAILS, 0, total))
        done = 0
        queue = iter(todo)
        pending: dict[Future[ProductDetails | None], tuple[int, datetime | None]] = {}

        def store(future: Future[ProductDetails | None]) -> None:
            nonlocal done
            id_goods, time_change = pending.pop(future)
            details = future.result()
            if details is None:
                logger.info("product %d is gone from the server", id_goods)
                self._catalog.mark_deleted([id_goods])
            else:
                self._catalog.replace_details(id_goods, details, time_change)
            done += 1

        with ThreadPoolExecutor(self.workers, thread_name_prefix="sync") as pool:
            try:
                while True:
                    # A few requests per worker in flight, never 100,000 futures.
                    while len(pending) < self.workers * 2:
                        item = next(queue, None)
                        if item is None:
                            break
                        id_goods, guid, time_change = item
                        future = pool.submit(self._details_of, guid)
                        pending[future] = (id_goods, time_change)
                    if not pending:
                        break
                    finished, _running = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        store(future)
                    progress(SyncProgress(SyncStage.DETAILS, done, total))
                    check()
            finally:
                not_started = [f for f in pending if f.cancel()]
                for future in not_started:
                    pending.pop(future)
                for future in list(pending):
                    if future.exception() is None:
                        store(future)
        return done

    def _details_of(self, guid: str) -> ProductDetails | None:
        """A product's details, or None when the server no longer has it."""
        try:
            return ProductDetails(
                units=self._client.list_units(guid),
                series=self._client.list_series(guid),
                prices=self._client.list_prices(guid),
                barcodes=self._client.list_barcodes(guid),
            )
        except NotFound:
            return None

    # --- deletions --------------------------------------------------------------

    def _reconcile_if_needed(self, check: Callable[[], None]) -> list[int]:
        passes = int(self._catalog.get_state(PASSES_STATE) or 0) + 1
        due = self.reconcile_every > 0 and passes % self.reconcile_every == 0
        if not due:
            server_total = self._server_total()
            local_total = self._catalog.live_product_count()
            if server_total is None:
                # A server that reports no total: listing every id on each pass
                # would cost too much; the periodic full check finds deletions.
                return []
            if server_total == local_total:
                return []
            logger.info(
                "server lists %s products, the local catalog %d: checking for "
                "deletions",
                server_total,
                local_total,
            )
        present: set[int] = set()
        for page, _total in self._client.iter_product_pages(
            page_size=self.page_size, sort=("id_goods", "ascending")
        ):
            # Also brings back a product marked deleted that the server lists again
            # (its details are fetched by the next pass).
            self._catalog.upsert_products(page)
            present.update(item.id_goods for item in page)
            check()
        return self._catalog.mark_deleted_except(present)

    def _server_total(self) -> int | None:
        for _page, total in self._client.iter_product_pages(page_size=1):
            return total
        return 0
