"""The product creation flow against an in-memory fake catalog (`responses`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests
import responses

from app import paths
from app.api.client import CatalogClient
from app.api.creation import (
    JOURNAL_FILE_NAME,
    CreationJournal,
    CreationProgress,
    DraftBarcode,
    DraftBusy,
    DraftDefaultUnit,
    DraftPrice,
    DraftSeries,
    DraftUnit,
    ProductCreator,
    ProductDraft,
    Step,
    StepState,
    UnknownDraft,
    is_refusal,
)
from app.api.errors import (
    CreationFailed,
    InvalidDraft,
    InvalidResponse,
    NotAuthorized,
    ValidationFailed,
)
from app.domain.errors import PriceRuleError, UnitRuleError
from app.domain.models import UnitType
from tests.api.fake_catalog import BASE, Failure, FakeCatalog


def make_draft(**changes: object) -> ProductDraft:
    fields: dict[str, object] = {
        "name_goods": "Green tea 100 g",
        "id_group": 3,
        "default_unit": DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER),
        "extra_units": [DraftUnit(id_unit=2, type_unit=UnitType.INTEGER, rate=12)],
        "prices": [
            DraftPrice(
                id_price_level=-1,
                price=Decimal("20.5"),
                min_price=Decimal("0.10"),
                max_price=Decimal("20.5"),
            ),
            DraftPrice(
                id_price_level=1,
                price=Decimal("31.9900"),
                min_price=Decimal("25"),
                max_price=Decimal("31.99"),
            ),
        ],
        "barcodes": [
            DraftBarcode(bar_code="4820000000015"),
            DraftBarcode(bar_code="4820000000022", ext_bar_code="12"),
            DraftBarcode(bar_code="14820000000012", id_unit=2),
            DraftBarcode(bar_code="4820000000039", id_series="2026-12"),
        ],
        "extra_series": [DraftSeries(id_series="2026-12", name_series="December")],
    }
    fields.update(changes)
    return ProductDraft.model_validate(fields)


@pytest.fixture
def catalog() -> Iterator[FakeCatalog]:
    fake = FakeCatalog()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        fake.install(mock)
        yield fake


@pytest.fixture
def client() -> CatalogClient:
    return CatalogClient(requests.Session(), BASE, "token", sleep=lambda _s: None)


@pytest.fixture
def journal(tmp_path: Path) -> CreationJournal:
    return CreationJournal(tmp_path / "journal.sqlite3")


def assert_complete(catalog: FakeCatalog, draft: ProductDraft) -> str:
    """Exactly one product, everything of the draft once."""
    assert len(catalog.products) == 1
    guid = next(iter(catalog.products))
    assert catalog.products[guid]["name_goods"] == draft.name_goods
    units = catalog.units[guid]
    assert sorted(u["id_unit"] for u in units) == [1, 2]
    assert [u["is_default"] for u in units if u["id_unit"] == 1] == [True]
    assert sorted(s["id_series"] for s in catalog.series[guid]) == ["-", "2026-12"]
    assert sorted(p["id_price_level"] for p in catalog.prices[guid]) == [-1, 1]
    assert sorted(b["bar_code"] for b in catalog.barcodes[guid]) == sorted(
        b.bar_code for b in draft.barcodes
    )
    return guid


def test_creates_everything_in_the_documented_order(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    seen: list[CreationProgress] = []
    creator = ProductCreator(client, journal, on_progress=seen.append)
    draft = make_draft()

    result = creator.create(draft)

    guid = assert_complete(catalog, draft)
    assert (result.guid, result.id_goods) == (guid, catalog.reserved[guid])
    order = [p.split("/")[-1] if "/" in p else p for p in catalog.posts()]
    assert order == [
        "last",
        "units",
        "series",
        "goods",
        "goodsPrice",
        "goodsPrice",
        "barcodes",
        "barcodes",
        "units",
        "series",
        "barcodes",
        "barcodes",
    ]
    price = next(p for p in catalog.prices[guid] if p["id_price_level"] == 1)
    assert price["price"] == Decimal("31.9900")
    assert price["id_unit"] == 1 and price["id_series"] == "-"
    box = next(b for b in catalog.barcodes[guid] if b["bar_code"] == "14820000000012")
    assert box["id_unit"] == 2
    assert [(p.step, p.state) for p in seen] == [
        (step, state) for step in Step for state in (StepState.STARTED, StepState.DONE)
    ]
    assert [p.index for p in seen[::2]] == [1, 2, 3, 4, 5, 6, 7]
    assert journal.unfinished() == []
    assert journal.load(result.draft_id).finished


def test_journal_lives_in_the_data_folder() -> None:
    journal = CreationJournal()

    assert journal.path == paths.data_dir() / JOURNAL_FILE_NAME
    with sqlite3.connect(journal.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_start_refuses_a_draft_the_rules_refuse(
    client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    cheap = DraftPrice(
        id_price_level=1,
        price=Decimal(5),
        min_price=Decimal("0.05"),
        max_price=Decimal(5),
    )

    with pytest.raises(PriceRuleError):
        creator.start(make_draft(prices=[cheap]))
    with pytest.raises(UnitRuleError):
        creator.start(
            make_draft(
                extra_units=[DraftUnit(id_unit=2, type_unit=UnitType.INTEGER, rate=1.5)]
            )
        )
    with pytest.raises(ValueError, match="unit 9"):
        creator.start(make_draft(barcodes=[DraftBarcode(bar_code="1", id_unit=9)]))
    with pytest.raises(ValueError, match="name_goods"):
        creator.start(make_draft(name_goods="x" * 256))

    assert journal.unfinished() == []


def test_422_at_the_product_step_names_the_field_and_stays_resumable(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    seen: list[CreationProgress] = []
    creator = ProductCreator(client, journal, on_progress=seen.append)
    draft = make_draft()
    draft_id = creator.start(draft)
    catalog.failures.append(
        Failure(
            "POST",
            "goods",
            status=422,
            body={
                "message": "The given data was invalid.",
                "errors": {"name_goods": ["The name is already used in this group."]},
            },
        )
    )

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)

    failure = caught.value
    assert failure.step is Step.PRODUCT
    assert isinstance(failure.cause, ValidationFailed)
    assert failure.field_errors == {
        "name_goods": ["The name is already used in this group."]
    }
    assert failure.server_message == "The given data was invalid."
    assert "product" in str(failure) and "name_goods" in str(failure)
    assert (seen[-1].step, seen[-1].state) == (Step.PRODUCT, StepState.FAILED)
    [entry] = journal.unfinished()
    assert entry.draft_id == draft_id and entry.step is Step.PRODUCT
    assert entry.sending is None  # a definite refusal needs no reading back
    assert "name_goods" in (entry.last_error or "")

    journal.replace_draft(draft_id, make_draft(name_goods="Green tea, loose"))
    result = creator.run(draft_id)

    assert catalog.posts("goods/id/last") == ["goods/id/last"]
    assert result.guid == entry.guid
    assert catalog.products[entry.guid or ""]["name_goods"] == "Green tea, loose"
    assert journal.unfinished() == []


@pytest.mark.parametrize(
    ("pattern", "step"),
    [
        (r"goods/[^/]+/units", Step.DEFAULT_UNIT),
        (r"goods/[^/]+/series", Step.BASE_SERIES),
        (r"goods", Step.PRODUCT),
        (r"goods/[^/]+/goodsPrice", Step.PRICES),
        (r"goods/[^/]+/barcodes", Step.BARCODES),
    ],
)
def test_lost_answer_is_read_back_not_sent_twice(
    catalog: FakeCatalog,
    client: CatalogClient,
    journal: CreationJournal,
    pattern: str,
    step: Step,
) -> None:
    seen: list[CreationProgress] = []
    creator = ProductCreator(client, journal, on_progress=seen.append)
    draft = make_draft()
    draft_id = creator.start(draft)
    catalog.allow_duplicates = True
    catalog.failures.append(Failure("POST", pattern, act_then_drop=True))
    posts_of_kind = len(catalog.posts(pattern))

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)
    assert caught.value.step is step
    assert journal.load(draft_id).sending is not None
    sent_before = len(catalog.posts(pattern))

    creator.run(draft_id)

    assert_complete(catalog, draft)
    assert catalog.posts("goods/id/last") == ["goods/id/last"]
    checking = [p for p in seen if p.state is StepState.CHECKING]
    assert [p.step for p in checking] == [step]
    # the lost one was not sent again: each entity was posted once in all
    assert sent_before > posts_of_kind
    total_of_kind = {
        Step.DEFAULT_UNIT: 2,
        Step.BASE_SERIES: 2,
        Step.PRODUCT: 1,
        Step.PRICES: 2,
        Step.BARCODES: 4,
    }[step]
    assert len(catalog.posts(pattern)) == total_of_kind


@pytest.mark.parametrize(
    "pattern",
    [
        r"goods/[^/]+/units",
        r"goods",
        r"goods/[^/]+/goodsPrice",
        r"goods/[^/]+/barcodes",
    ],
)
def test_unreadable_success_answer_is_read_back(
    catalog: FakeCatalog,
    client: CatalogClient,
    journal: CreationJournal,
    pattern: str,
) -> None:
    creator = ProductCreator(client, journal)
    draft_id = creator.start(make_draft())
    catalog.allow_duplicates = True
    catalog.failures.append(Failure("POST", pattern, act_then_garble=True))

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)
    assert isinstance(caught.value.cause, InvalidResponse)
    assert journal.load(draft_id).sending is not None
    creator.run(draft_id)

    assert_complete(catalog, make_draft())
    assert len(catalog.posts()) == 12  # everything once, the garbled one included


def test_lost_answer_that_never_reached_the_server_is_sent_again(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    draft_id = creator.start(make_draft())
    catalog.failures.append(
        Failure("POST", r"goods/[^/]+/goodsPrice", status=503, times=1)
    )

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)
    assert caught.value.step is Step.PRICES
    creator.run(draft_id)

    assert_complete(catalog, make_draft())


def test_lost_reservation_reserves_again(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    draft_id = creator.start(make_draft())
    catalog.failures.append(Failure("POST", "goods/id/last", act_then_drop=True))

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)
    assert caught.value.step is Step.RESERVE
    result = creator.run(draft_id)

    assert len(catalog.reserved) == 2  # the API cannot read a reservation back
    assert assert_complete(catalog, make_draft()) == result.guid


def test_failed_read_back_keeps_the_doubt(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    draft_id = creator.start(make_draft())
    catalog.failures.append(
        Failure("POST", r"goods/[^/]+/barcodes", act_then_drop=True)
    )
    with pytest.raises(CreationFailed):
        creator.run(draft_id)
    catalog.failures.append(
        Failure("GET", r"goods/[^/]+/barcodes", status=401, body={"message": "expired"})
    )

    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)

    assert isinstance(caught.value.cause, NotAuthorized)
    assert caught.value.server_message == "expired"
    assert journal.load(draft_id).sending == "barcode:4820000000015"
    creator.run(draft_id)
    assert_complete(catalog, make_draft())


def test_conflict_for_something_already_there_counts_as_done(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    draft_id = creator.start(make_draft())
    creator.run(draft_id)
    # Pretend the journal lost the last barcode's success (an older app version).
    with sqlite3.connect(journal.path) as db:
        db.execute("UPDATE drafts SET finished = 0, done_json = '[\"reserve\"]'")
    reserved = dict(catalog.reserved)

    creator.run(draft_id)

    assert catalog.reserved == reserved
    assert_complete(catalog, make_draft())


def test_start_refuses_duplicates_in_the_draft(
    client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    price = make_draft().prices[0]
    barcode = DraftBarcode(bar_code="4820000000015")

    with pytest.raises(InvalidDraft, match="price level") as prices:
        creator.start(make_draft(prices=[price, price]))
    with pytest.raises(InvalidDraft, match="twice") as barcodes:
        creator.start(make_draft(barcodes=[barcode, barcode]))
    with pytest.raises(InvalidDraft, match="base series"):
        creator.start(
            make_draft(extra_series=[DraftSeries(id_series="-", name_series="x")])
        )

    assert (prices.value.field, barcodes.value.field) == ("prices", "barcodes")
    # the same main code with two add-ons is two barcodes (a periodical's issues)
    creator.start(
        make_draft(
            barcodes=[
                DraftBarcode(bar_code="9771234567003", ext_bar_code="01"),
                DraftBarcode(bar_code="9771234567003", ext_bar_code="02"),
            ]
        )
    )


def test_minimal_draft_still_reports_every_step(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    seen: list[CreationProgress] = []
    draft = make_draft(extra_units=[], prices=[], barcodes=[], extra_series=[])

    ProductCreator(client, journal, on_progress=seen.append).create(draft)

    assert [(p.step, p.state) for p in seen] == [
        (step, state) for step in Step for state in (StepState.STARTED, StepState.DONE)
    ]
    assert len(catalog.posts()) == 4


def test_a_draft_runs_once_at_a_time(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    draft_id = journal.add(make_draft())
    inner: list[Exception] = []

    def run_again(progress: CreationProgress) -> None:
        if progress.step is Step.PRODUCT and progress.state is StepState.STARTED:
            try:
                ProductCreator(client, journal).run(draft_id)
            except DraftBusy as error:
                inner.append(error)

    ProductCreator(client, journal, on_progress=run_again).run(draft_id)

    assert len(inner) == 1
    assert_complete(catalog, make_draft())


def test_journal_unknown_draft_and_discard(journal: CreationJournal) -> None:
    draft_id = journal.add(make_draft())

    assert [e.draft_id for e in journal.unfinished()] == [draft_id]
    assert journal.load(draft_id).draft == make_draft()
    journal.discard(draft_id)
    with pytest.raises(UnknownDraft):
        journal.load(draft_id)
    with pytest.raises(UnknownDraft):
        journal.mark_sending(draft_id, Step.PRODUCT, "product")


def test_hooks_run_around_each_request_of_a_step(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    events: list[tuple[str, Step, int]] = []
    creator = ProductCreator(
        client,
        journal,
        before_request=lambda step: events.append(("before", step, len(catalog.log))),
        after_send=lambda step: events.append(("after", step, len(catalog.log))),
    )

    creator.create(make_draft(extra_units=[], extra_series=[], barcodes=[]))

    assert [(kind, step) for kind, step, _ in events] == [
        (kind, step)
        for step in (
            Step.RESERVE,
            Step.DEFAULT_UNIT,
            Step.BASE_SERIES,
            Step.PRODUCT,
            Step.PRICES,
            Step.PRICES,
        )
        for kind in ("before", "after")
    ]
    # before: the server has not seen it yet; after: it has
    for (_, _, before), (_, _, after) in zip(events[::2], events[1::2], strict=True):
        assert after == before + 1


def test_a_refused_barcode_left_out_lets_the_product_finish(
    catalog: FakeCatalog, client: CatalogClient, journal: CreationJournal
) -> None:
    creator = ProductCreator(client, journal)
    draft = make_draft()
    draft_id = creator.start(draft)
    catalog.failures.append(
        Failure(
            "POST",
            r"goods/[^/]+/barcodes",
            status=422,
            body={"errors": {"bar_code": ["The barcode belongs to product 7."]}},
        )
    )
    with pytest.raises(CreationFailed) as caught:
        creator.run(draft_id)
    failure = caught.value
    assert failure.step is Step.BARCODES
    assert failure.key == "barcode:4820000000015"
    assert is_refusal(failure.cause)
    assert draft.barcode_for(failure.key) == draft.barcodes[0]

    journal.replace_draft(draft_id, draft.replacing_barcode(failure.key, None))
    result = creator.run(draft_id)

    codes = [b["bar_code"] for b in catalog.barcodes[result.guid]]
    assert "4820000000015" not in codes and len(codes) == 3
    assert catalog.posts("goods/id/last") == ["goods/id/last"]
    corrected = DraftBarcode(bar_code="4820000000046")
    assert draft.replacing_barcode(failure.key, corrected).barcodes == [
        corrected,
        *draft.barcodes[1:],
    ]


def test_kept_forms_are_overwritten_listed_and_forgotten(
    journal: CreationJournal,
) -> None:
    journal.save_form("a", '{"name": "first"}', None)
    journal.save_form("b", "{}", None)
    journal.save_form("a", '{"name": "second"}', "draft-1")

    forms = journal.forms()
    assert [(f.form_id, f.form_json, f.draft_id) for f in forms] == [
        ("a", '{"name": "second"}', "draft-1"),
        ("b", "{}", None),
    ]
    assert forms[0].updated_at >= forms[0].created_at
    assert journal.load_form("b") == forms[1]
    journal.discard_form("a")
    with pytest.raises(UnknownDraft):
        journal.load_form("a")
    assert [f.form_id for f in journal.forms()] == ["b"]
