"""Creating a product in the six steps of the API document (section 7), resumably.

A `ProductDraft` holds everything the wizard collects. `ProductCreator.start` writes
it to the `CreationJournal` (SQLite in the user data folder) and `run` carries it out:

    reserve id -> default unit -> base series -> product -> prices -> barcodes
    -> extras (extra units, extra series, barcodes on those)

Every request is one *action* with a stable key ("price:1", "barcode:482..."). Before
an action is sent the journal records it as "sending"; after its answer, as done. So
after a failure or a killed process, running the draft again skips what is done,
keeps the reserved id and guid, and, for the action that was being sent when the
answer was lost, first reads back the product's units, series, prices, barcodes or
the product itself; only what is missing is sent again. Nothing is created twice.

One gap the API leaves open: a reservation whose answer was lost cannot be read
back (the guid is in the lost answer), so that one step reserves again; the first
id stays reserved on the server with nothing attached to it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TypeGuard, TypeVar

from pydantic import BaseModel, Field

from app import paths
from app.api.client import CatalogClient
from app.api.errors import (
    ApiError,
    Conflict,
    CreationFailed,
    InvalidDraft,
    InvalidResponse,
    NotFound,
    RequestTimedOut,
    ServerUnavailable,
)
from app.domain.models import (
    BASE_SERIES_ID,
    BASE_SERIES_NAME,
    BarcodeWrite,
    PriceWrite,
    ProductUnitWrite,
    ProductWrite,
    SeriesWrite,
    UnitType,
)
from app.domain.prices import PriceSpec, check_price
from app.domain.units import UnitSpec, check_units

logger = logging.getLogger(__name__)

JOURNAL_FILE_NAME = "creation_journal.sqlite3"

_T = TypeVar("_T")


class Step(StrEnum):
    RESERVE = "reserve"
    DEFAULT_UNIT = "default_unit"
    BASE_SERIES = "base_series"
    PRODUCT = "product"
    PRICES = "prices"
    BARCODES = "barcodes"
    EXTRAS = "extras"


STEPS: tuple[Step, ...] = tuple(Step)


class StepState(StrEnum):
    STARTED = "started"
    CHECKING = "checking"  # reading back what a lost answer may have created
    DONE = "done"
    FAILED = "failed"


# --- the draft ----------------------------------------------------------------------


class DraftDefaultUnit(BaseModel):
    id_unit: int
    type_unit: UnitType
    max_count: Decimal | None = None


class DraftUnit(BaseModel):
    id_unit: int
    type_unit: UnitType
    rate: Decimal


class DraftPrice(BaseModel):
    id_price_level: int
    price: Decimal
    min_price: Decimal
    max_price: Decimal


class DraftBarcode(BaseModel):
    """`id_unit` None means the default unit; `id_series` "-" the base series."""

    bar_code: str
    ext_bar_code: str | None = None
    id_unit: int | None = None
    id_series: str = BASE_SERIES_ID


class DraftSeries(BaseModel):
    id_series: str
    name_series: str


class ProductDraft(BaseModel):
    """Everything the product wizard collects, in the API's words."""

    name_goods: str
    id_group: int | None = None
    free_price: bool = False
    default_unit: DraftDefaultUnit
    extra_units: list[DraftUnit] = Field(default_factory=list)
    prices: list[DraftPrice] = Field(default_factory=list)
    barcodes: list[DraftBarcode] = Field(default_factory=list)
    extra_series: list[DraftSeries] = Field(default_factory=list)

    def check(self) -> None:
        """Raises `DomainError`, `InvalidDraft` or pydantic's `ValidationError` (all
        `ValueError`) for anything the rules or the request models refuse."""
        specs = [
            UnitSpec(
                self.default_unit.id_unit, self.default_unit.type_unit, Decimal(1), True
            )
        ]
        specs += [
            UnitSpec(u.id_unit, u.type_unit, u.rate, False) for u in self.extra_units
        ]
        check_units(specs)
        for price in self.prices:
            check_price(PriceSpec(price.price, price.min_price, price.max_price))
        known_units = {spec.id_unit for spec in specs}
        known_series = {BASE_SERIES_ID}
        for series in self.extra_series:
            if series.id_series in known_series:
                raise InvalidDraft(
                    f"series {series.id_series!r} is listed twice (or is the base "
                    "series, which every product gets)",
                    field="extra_series",
                )
            known_series.add(series.id_series)
        levels = [price.id_price_level for price in self.prices]
        if len(set(levels)) != len(levels):
            raise InvalidDraft(
                "a price level has two prices; each level takes one", field="prices"
            )
        seen_barcodes: set[tuple[str, str | None]] = set()
        for barcode in self.barcodes:
            if barcode.id_unit is not None and barcode.id_unit not in known_units:
                raise InvalidDraft(
                    f"barcode {barcode.bar_code} names unit {barcode.id_unit}, "
                    "which the product does not have",
                    field="barcodes",
                )
            if barcode.id_series not in known_series:
                raise InvalidDraft(
                    f"barcode {barcode.bar_code} names series {barcode.id_series!r}, "
                    "which the product does not have",
                    field="barcodes",
                )
            identity = (barcode.bar_code, barcode.ext_bar_code)
            if identity in seen_barcodes:
                raise InvalidDraft(
                    f"barcode {barcode.bar_code} is listed twice", field="barcodes"
                )
            seen_barcodes.add(identity)
        for action in _actions(self):
            action.build(0, "00000000-0000-0000-0000-000000000000")

    def barcode_for(self, key: str) -> DraftBarcode | None:
        """The barcode whose action key is `key` (see `barcode_key`), if any."""
        for barcode in self.barcodes:
            if barcode_key(barcode.bar_code, barcode.ext_bar_code) == key:
                return barcode
        return None

    def replacing_barcode(
        self, key: str, replacement: DraftBarcode | None
    ) -> ProductDraft:
        """A copy with the barcode of `key` replaced, or left out (None): the way
        out of a refused barcode once the product exists."""
        barcodes: list[DraftBarcode] = []
        for barcode in self.barcodes:
            if barcode_key(barcode.bar_code, barcode.ext_bar_code) != key:
                barcodes.append(barcode)
            elif replacement is not None:
                barcodes.append(replacement)
        return self.model_copy(update={"barcodes": barcodes})

    def unit_of(self, barcode: DraftBarcode) -> int:
        return self.default_unit.id_unit if barcode.id_unit is None else barcode.id_unit

    def is_plain(self, barcode: DraftBarcode) -> bool:
        """On the default unit and the base series (created in the barcodes step)."""
        return (
            self.unit_of(barcode) == self.default_unit.id_unit
            and barcode.id_series == BASE_SERIES_ID
        )


# --- actions: one request each ------------------------------------------------------


@dataclass(frozen=True)
class _Action:
    step: Step
    key: str
    build: Callable[[int, str], BaseModel | None]  # (id_goods, guid) -> request body


def _actions(draft: ProductDraft) -> list[_Action]:
    default = draft.default_unit
    actions = [
        _Action(Step.RESERVE, "reserve", lambda _i, _g: None),
        _Action(
            Step.DEFAULT_UNIT,
            f"unit:{default.id_unit}",
            lambda _i, _g: ProductUnitWrite(
                id_unit=default.id_unit,
                type_unit=default.type_unit,
                rate=Decimal(1),
                max_count=default.max_count,
                is_default=True,
                is_storage_residues=True,
            ),
        ),
        _Action(
            Step.BASE_SERIES,
            f"series:{BASE_SERIES_ID}",
            lambda _i, _g: SeriesWrite(
                id_series=BASE_SERIES_ID, name_series=BASE_SERIES_NAME
            ),
        ),
        _Action(
            Step.PRODUCT,
            "product",
            lambda id_goods, guid: ProductWrite(
                id_goods=id_goods,
                guid=guid,
                name_goods=draft.name_goods,
                id_group=draft.id_group,
                free_price=draft.free_price,
            ),
        ),
    ]
    for price in draft.prices:
        actions.append(
            _Action(
                Step.PRICES,
                f"price:{price.id_price_level}",
                lambda id_goods, _g, p=price: PriceWrite(  # type: ignore[misc]
                    id_goods=id_goods,
                    id_unit=default.id_unit,
                    id_series=BASE_SERIES_ID,
                    id_price_level=p.id_price_level,
                    price=p.price,
                    min_price=p.min_price,
                    max_price=p.max_price,
                ),
            )
        )
    plain = [b for b in draft.barcodes if draft.is_plain(b)]
    other = [b for b in draft.barcodes if not draft.is_plain(b)]
    actions += [_barcode_action(draft, Step.BARCODES, b) for b in plain]
    for unit in draft.extra_units:
        actions.append(
            _Action(
                Step.EXTRAS,
                f"unit:{unit.id_unit}",
                lambda _i, _g, u=unit: ProductUnitWrite(  # type: ignore[misc]
                    id_unit=u.id_unit, type_unit=u.type_unit, rate=u.rate
                ),
            )
        )
    for series in draft.extra_series:
        actions.append(
            _Action(
                Step.EXTRAS,
                f"series:{series.id_series}",
                lambda _i, _g, s=series: SeriesWrite(  # type: ignore[misc]
                    id_series=s.id_series, name_series=s.name_series
                ),
            )
        )
    actions += [_barcode_action(draft, Step.EXTRAS, b) for b in other]
    return actions


def _barcode_action(draft: ProductDraft, step: Step, barcode: DraftBarcode) -> _Action:
    return _Action(
        step,
        barcode_key(barcode.bar_code, barcode.ext_bar_code),
        lambda _i, _g: BarcodeWrite(
            bar_code=barcode.bar_code,
            ext_bar_code=barcode.ext_bar_code,
            id_unit=draft.unit_of(barcode),
            id_series=barcode.id_series,
        ),
    )


def barcode_key(bar_code: str, ext_bar_code: str | None) -> str:
    """A barcode's action key: the main code, and its add-on if it has one (a
    periodical's issues share a main code and differ in the add-on)."""
    return (
        f"barcode:{bar_code}+{ext_bar_code}" if ext_bar_code else f"barcode:{bar_code}"
    )


# --- the journal --------------------------------------------------------------------


@dataclass(frozen=True)
class JournalEntry:
    """One draft as the journal holds it."""

    draft_id: str
    draft: ProductDraft
    step: Step
    id_goods: int | None
    guid: str | None
    done: frozenset[str]
    sending: str | None  # the action whose answer never arrived, if any
    last_error: str | None
    finished: bool
    created_at: datetime
    updated_at: datetime


_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    draft_id   TEXT PRIMARY KEY,
    draft_json TEXT NOT NULL,
    step       TEXT NOT NULL,
    id_goods   INTEGER,
    guid       TEXT,
    done_json  TEXT NOT NULL DEFAULT '[]',
    sending    TEXT,
    last_error TEXT,
    finished   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS forms (
    form_id    TEXT PRIMARY KEY,
    form_json  TEXT NOT NULL,
    draft_id   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class SavedForm:
    """A wizard form as it was being typed, before anything was sent.

    `form_json` is the GUI's own record of its fields (the journal does not read
    it); `draft_id` is the journaled draft the form was last turned into, if any.
    """

    form_id: str
    form_json: str
    draft_id: str | None
    created_at: datetime
    updated_at: datetime


class UnknownDraft(LookupError):  # noqa: N818 - named for the failure, as in errors.py
    """The journal has no draft with that id."""


class CreationJournal:
    """Drafts and their progress, durable across crashes (WAL, synchronous=FULL).

    Each call opens its own connection, so the GUI thread may list unfinished
    drafts while a worker runs one.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / JOURNAL_FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            db.execute("PRAGMA synchronous=FULL")
            with db:  # one transaction, committed on leaving
                yield db

    @staticmethod
    def _now() -> str:
        return datetime.now(UTC).isoformat()

    def add(self, draft: ProductDraft) -> str:
        draft_id = uuid.uuid4().hex
        now = self._now()
        with self._connect() as db:
            db.execute(
                "INSERT INTO drafts"
                " (draft_id, draft_json, step, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (draft_id, draft.model_dump_json(), Step.RESERVE.value, now, now),
            )
        return draft_id

    def load(self, draft_id: str) -> JournalEntry:
        with self._connect() as db:
            cursor = db.execute("SELECT * FROM drafts WHERE draft_id = ?", (draft_id,))
            names = [column[0] for column in cursor.description]
            row = cursor.fetchone()
        if row is None:
            raise UnknownDraft(f"no product draft {draft_id!r} in {self.path}")
        return self._entry(dict(zip(names, row, strict=True)))

    @staticmethod
    def _entry(row: dict[str, object]) -> JournalEntry:
        return JournalEntry(
            draft_id=str(row["draft_id"]),
            draft=ProductDraft.model_validate_json(str(row["draft_json"])),
            step=Step(str(row["step"])),
            id_goods=None if row["id_goods"] is None else int(str(row["id_goods"])),
            guid=None if row["guid"] is None else str(row["guid"]),
            done=frozenset(json.loads(str(row["done_json"]))),
            sending=None if row["sending"] is None else str(row["sending"]),
            last_error=None if row["last_error"] is None else str(row["last_error"]),
            finished=bool(row["finished"]),
            created_at=datetime.fromisoformat(str(row["created_at"])),
            updated_at=datetime.fromisoformat(str(row["updated_at"])),
        )

    def unfinished(self) -> list[JournalEntry]:
        """Drafts not fully created, oldest first (the GUI offers to resume them)."""
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            cursor = db.execute(
                "SELECT * FROM drafts WHERE finished = 0 ORDER BY created_at"
            )
            names = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        return [self._entry(dict(zip(names, row, strict=True))) for row in rows]

    def _update(
        self, draft_id: str, assignments: str, values: tuple[object, ...]
    ) -> None:
        with self._connect() as db:
            cursor = db.execute(
                f"UPDATE drafts SET {assignments}, updated_at = ? WHERE draft_id = ?",
                (*values, self._now(), draft_id),
            )
            if cursor.rowcount != 1:
                raise UnknownDraft(f"no product draft {draft_id!r} in {self.path}")

    def replace_draft(self, draft_id: str, draft: ProductDraft) -> None:
        """After a refusal (say, a name too long), the corrected draft; what is done
        stays done and the reservation is kept."""
        self._update(draft_id, "draft_json = ?", (draft.model_dump_json(),))

    def mark_sending(self, draft_id: str, step: Step, key: str) -> None:
        self._update(draft_id, "step = ?, sending = ?", (step.value, key))

    def mark_done(
        self,
        draft_id: str,
        step: Step,
        key: str,
        *,
        id_goods: int | None = None,
        guid: str | None = None,
    ) -> None:
        entry = self.load(draft_id)
        done = sorted(entry.done | {key})
        if id_goods is not None:
            self._update(
                draft_id,
                "step = ?, done_json = ?, sending = NULL, last_error = NULL,"
                " id_goods = ?, guid = ?",
                (step.value, json.dumps(done), id_goods, guid),
            )
        else:
            self._update(
                draft_id,
                "step = ?, done_json = ?, sending = NULL, last_error = NULL",
                (step.value, json.dumps(done)),
            )

    def mark_failed(
        self, draft_id: str, step: Step, message: str, *, answer_lost: bool
    ) -> None:
        """A failure; unless its answer was lost, the action is known not to have
        happened and needs no reading back."""
        if answer_lost:
            self._update(draft_id, "step = ?, last_error = ?", (step.value, message))
        else:
            self._update(
                draft_id,
                "step = ?, last_error = ?, sending = NULL",
                (step.value, message),
            )

    def finish(self, draft_id: str) -> None:
        self._update(draft_id, "finished = 1, sending = NULL, last_error = NULL", ())

    def discard(self, draft_id: str) -> None:
        """Forget a draft (the user gave up on it)."""
        with self._connect() as db:
            db.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))

    # --- forms being typed ------------------------------------------------------

    def save_form(self, form_id: str, form_json: str, draft_id: str | None) -> None:
        """Keep (or overwrite) a form being typed, so a killed app loses none of it."""
        now = self._now()
        with self._connect() as db:
            db.execute(
                "INSERT INTO forms (form_id, form_json, draft_id, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (form_id) DO UPDATE SET form_json = excluded.form_json,"
                " draft_id = excluded.draft_id, updated_at = excluded.updated_at",
                (form_id, form_json, draft_id, now, now),
            )

    def forms(self) -> list[SavedForm]:
        """The forms kept, oldest first."""
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            rows = db.execute(
                "SELECT form_id, form_json, draft_id, created_at, updated_at"
                " FROM forms ORDER BY created_at"
            ).fetchall()
        return [
            SavedForm(
                form_id=str(form_id),
                form_json=str(form_json),
                draft_id=None if draft_id is None else str(draft_id),
                created_at=datetime.fromisoformat(str(created_at)),
                updated_at=datetime.fromisoformat(str(updated_at)),
            )
            for form_id, form_json, draft_id, created_at, updated_at in rows
        ]

    def load_form(self, form_id: str) -> SavedForm:
        for form in self.forms():
            if form.form_id == form_id:
                return form
        raise UnknownDraft(f"no product form {form_id!r} in {self.path}")

    def discard_form(self, form_id: str) -> None:
        """Forget a form (cancelled, or handed over to a draft that began sending)."""
        with self._connect() as db:
            db.execute("DELETE FROM forms WHERE form_id = ?", (form_id,))


# --- the creator --------------------------------------------------------------------


@dataclass(frozen=True)
class CreationProgress:
    draft_id: str
    step: Step
    state: StepState
    index: int  # the step's position, 1-based, of `total`
    total: int
    detail: str = ""


@dataclass(frozen=True)
class CreationResult:
    draft_id: str
    id_goods: int
    guid: str


StepHook = Callable[[Step], None]

# Drafts being run in this process. FIXME(creation): two app instances could still
# run one draft at once; the journal has no cross-process claim on a draft.
_running: set[str] = set()
_running_lock = threading.Lock()


class DraftBusy(RuntimeError):  # noqa: N818 - named for the failure, as in errors.py
    """The draft is being run already (by another worker of this process)."""


def is_refusal(error: BaseException) -> TypeGuard[ApiError]:
    """A 4xx answer that says the request was not carried out. Timeouts (408),
    "too many requests" (429), 5xx, lost connections and answers that did not
    parse (the server may well have acted) are not refusals."""
    return (
        isinstance(error, ApiError)
        and not isinstance(error, ServerUnavailable | RequestTimedOut | InvalidResponse)
        and error.status is not None
        and 400 <= error.status < 500
    )


class ProductCreator:
    """Runs drafts from the journal against the API; safe to run a draft again.

    `on_progress` is called (in the running thread) as each step starts, is
    checked, ends or fails. `before_request(step)` runs just before each of a step's
    requests and `after_send(step)` just after one was sent and its status line
    arrived, before the answer is read: the crash tests end the process there.
    """

    def __init__(
        self,
        client: CatalogClient,
        journal: CreationJournal,
        on_progress: Callable[[CreationProgress], None] | None = None,
        *,
        before_request: StepHook | None = None,
        after_send: StepHook | None = None,
    ) -> None:
        self._client = client
        self._journal = journal
        self._on_progress = on_progress
        self._before_request = before_request
        self._after_send = after_send

    def start(self, draft: ProductDraft) -> str:
        """Checks the draft (raising `ValueError` subclasses) and journals it."""
        draft.check()
        draft_id = self._journal.add(draft)
        logger.info("product draft %s journaled", draft_id)
        return draft_id

    def create(self, draft: ProductDraft) -> CreationResult:
        return self.run(self.start(draft))

    def _report(
        self, draft_id: str, step: Step, state: StepState, detail: str = ""
    ) -> None:
        if self._on_progress is not None:
            self._on_progress(
                CreationProgress(
                    draft_id, step, state, STEPS.index(step) + 1, len(STEPS), detail
                )
            )

    def run(self, draft_id: str) -> CreationResult:
        """Carries out (or resumes) a journaled draft; raises `CreationFailed`,
        `UnknownDraft`, or `DraftBusy` if another thread is running it."""
        with _running_lock:
            if draft_id in _running:
                raise DraftBusy(f"product draft {draft_id} is being created already")
            _running.add(draft_id)
        try:
            return self._run(draft_id)
        finally:
            with _running_lock:
                _running.discard(draft_id)

    def _run(self, draft_id: str) -> CreationResult:
        entry = self._journal.load(draft_id)
        if entry.finished:
            assert entry.id_goods is not None and entry.guid is not None
            return CreationResult(draft_id, entry.id_goods, entry.guid)
        actions = _actions(entry.draft)
        logger.info(
            "creating product draft %s from step %s (%d of %d actions done)",
            draft_id,
            entry.step,
            len(entry.done),
            len(actions),
        )

        for step in STEPS:
            self._report(draft_id, step, StepState.STARTED)
            for action in actions:
                if action.step is step and action.key not in entry.done:
                    self._perform(entry, action)
                    entry = self._journal.load(draft_id)
            self._report(draft_id, step, StepState.DONE)

        self._journal.finish(draft_id)
        assert entry.id_goods is not None and entry.guid is not None
        logger.info("product %s (id %d) created", entry.guid, entry.id_goods)
        return CreationResult(draft_id, entry.id_goods, entry.guid)

    def _perform(self, entry: JournalEntry, action: _Action) -> None:
        draft_id = entry.draft_id
        # Whether the action may have reached the server without our knowing.
        maybe_sent = entry.sending == action.key
        try:
            if action.step is Step.RESERVE:
                maybe_sent = True
                self._reserve(entry, action)
                return
            assert entry.id_goods is not None and entry.guid is not None
            if maybe_sent:
                self._report(draft_id, action.step, StepState.CHECKING, action.key)
                if self._exists(entry, action):
                    logger.info(
                        "draft %s: %s was created before its answer was lost",
                        draft_id,
                        action.key,
                    )
                    self._journal.mark_done(draft_id, action.step, action.key)
                    return
            body = action.build(entry.id_goods, entry.guid)
            self._journal.mark_sending(draft_id, action.step, action.key)
            maybe_sent = True
            try:
                self._send(entry.guid, action, body)
            except Conflict:
                # Someone (an earlier run, or the server itself) made it already.
                if not self._exists(entry, action):
                    maybe_sent = False
                    raise
                logger.info("draft %s: %s already existed", draft_id, action.key)
            self._journal.mark_done(draft_id, action.step, action.key)
        except (ApiError, ValueError) as error:
            if is_refusal(error):
                # A definite refusal of the POST: the server did not act on it. (A
                # read-back refused so leaves it unknown; `sending` is kept, and the
                # read-back runs again next time.)
                maybe_sent = maybe_sent and error.method == "GET"
            self._journal.mark_failed(
                draft_id, action.step, str(error), answer_lost=maybe_sent
            )
            self._report(draft_id, action.step, StepState.FAILED, str(error))
            logger.warning(
                "draft %s failed at step %s (%s): %s",
                draft_id,
                action.step,
                action.key,
                error,
            )
            raise CreationFailed(
                action.step, error, draft_id=draft_id, key=action.key
            ) from error

    def _reserve(self, entry: JournalEntry, action: _Action) -> None:
        if entry.sending == action.key:
            logger.warning(
                "draft %s: an earlier reservation's answer was lost; reserving again "
                "(the earlier id, if any, stays unused)",
                entry.draft_id,
            )
        self._journal.mark_sending(entry.draft_id, action.step, action.key)
        reservation = self._call(action.step, self._client.reserve_product_id)
        self._journal.mark_done(
            entry.draft_id,
            action.step,
            action.key,
            id_goods=reservation.id_goods,
            guid=reservation.guid,
        )

    def _call(self, step: Step, send: Callable[[], _T]) -> _T:
        if self._before_request is not None:
            self._before_request(step)
        if self._after_send is None:
            return send()
        hook = self._after_send
        with self._client.after_send_hook(lambda: hook(step)):
            return send()

    def _send(self, guid: str, action: _Action, body: BaseModel | None) -> None:
        client = self._client
        if isinstance(body, ProductUnitWrite):
            self._call(action.step, lambda: client.create_unit(guid, body))
        elif isinstance(body, SeriesWrite):
            self._call(action.step, lambda: client.create_series(guid, body))
        elif isinstance(body, ProductWrite):
            self._call(action.step, lambda: client.create_product(body))
        elif isinstance(body, PriceWrite):
            self._call(action.step, lambda: client.create_price(guid, body))
        elif isinstance(body, BarcodeWrite):
            self._call(action.step, lambda: client.create_barcode(guid, body))
        else:
            raise TypeError(f"no request for action {action.key}")

    def _exists(self, entry: JournalEntry, action: _Action) -> bool:
        """Reads back whether the action's entity is on the server."""
        guid = entry.guid
        assert guid is not None
        kind, _, name = action.key.partition(":")
        if kind == "unit":
            return any(u.id_unit == int(name) for u in self._client.list_units(guid))
        if kind == "series":
            return any(s.id_series == name for s in self._client.list_series(guid))
        if kind == "product":
            try:
                self._client.get_product(guid)
            except NotFound:
                return False
            return True
        if kind == "price":
            unit = entry.draft.default_unit.id_unit
            return any(
                p.id_price_level == int(name)
                and p.id_unit == unit
                and p.id_series == BASE_SERIES_ID
                for p in self._client.list_prices(guid)
            )
        if kind == "barcode":
            return any(
                barcode_key(b.bar_code, b.ext_bar_code) == action.key
                for b in self._client.list_barcodes(guid)
            )
        raise ValueError(f"cannot read back action {action.key}")
