"""The creation flow against the real sandbox server, including killed processes.

The server runs in this process over a database file; the creating client runs in a
subprocess (`tests.api.creation_worker`) that ends itself with `os._exit` at a step,
before the request or after it was sent but before the answer was read. Running the
draft again must end with one complete product and no duplicates.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from app.api.client import CatalogClient
from app.api.creation import (
    CreationJournal,
    DraftBarcode,
    DraftDefaultUnit,
    DraftPrice,
    DraftSeries,
    DraftUnit,
    ProductCreator,
    ProductDraft,
    Step,
)
from app.api.errors import CreationFailed, ValidationFailed
from app.domain.barcode import check_digit
from app.domain.models import PriceLevelWrite, ProductWrite, UnitType
from app.sandbox.testing import SandboxServer, running_server

REPO = Path(__file__).resolve().parents[2]
SIX_STEPS = (
    Step.RESERVE,
    Step.DEFAULT_UNIT,
    Step.BASE_SERIES,
    Step.PRODUCT,
    Step.PRICES,
    Step.BARCODES,
)


def ean13(body: str) -> str:
    return body + check_digit(body)


def make_draft(name: str = "Buckwheat 1 kg") -> ProductDraft:
    return ProductDraft(
        name_goods=name,
        default_unit=DraftDefaultUnit(id_unit=1, type_unit=UnitType.INTEGER),
        extra_units=[
            DraftUnit(id_unit=8, type_unit=UnitType.INTEGER, rate=Decimal(10))
        ],
        prices=[
            DraftPrice(
                id_price_level=-1,
                price=Decimal("41.2000"),
                min_price=Decimal("0.10"),
                max_price=Decimal("41.2"),
            ),
            DraftPrice(
                id_price_level=1,
                price=Decimal("54.90"),
                min_price=Decimal("50"),
                max_price=Decimal("54.90"),
            ),
        ],
        barcodes=[
            DraftBarcode(bar_code=ean13("482000012345")),
            DraftBarcode(bar_code=ean13("482000012346"), ext_bar_code="07"),
            DraftBarcode(bar_code=ean13("482000012347"), id_unit=8),
            DraftBarcode(bar_code=ean13("482000012348"), id_series="B-12"),
        ],
        extra_series=[DraftSeries(id_series="B-12", name_series="Batch 12")],
    )


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with running_server(db=tmp_path / "catalog.sqlite3", token="kill-test") as running:
        yield running


@pytest.fixture
def client(server: SandboxServer) -> CatalogClient:
    client = CatalogClient(requests.Session(), server.base_url, server.token)
    level = client.create_price_level(PriceLevelWrite(name_price_level="Retail"))
    assert level.id_price_level == 1
    return client


@pytest.fixture
def journal(tmp_path: Path) -> CreationJournal:
    return CreationJournal(tmp_path / "creation_journal.sqlite3")


def assert_one_complete_product(client: CatalogClient, draft: ProductDraft) -> None:
    [product] = client.list_products()
    assert product.name_goods == draft.name_goods
    units = client.list_units(product.guid)
    assert Counter(u.id_unit for u in units) == Counter({1: 1, 8: 1})
    [default] = [u for u in units if u.is_default]
    assert (default.id_unit, default.rate) == (1, Decimal(1))
    series = client.list_series(product.guid)
    assert Counter(s.id_series for s in series) == Counter({"-": 1, "B-12": 1})
    prices = client.list_prices(product.guid)
    assert Counter((p.id_price_level, p.id_unit, p.id_series) for p in prices) == (
        Counter({(-1, 1, "-"): 1, (1, 1, "-"): 1})
    )
    retail = next(p for p in prices if p.id_price_level == 1)
    assert retail.max_price == Decimal("54.90")
    barcodes = client.list_barcodes(product.guid)
    assert Counter(b.bar_code for b in barcodes) == Counter(
        b.bar_code for b in draft.barcodes
    )
    box = next(b for b in barcodes if b.bar_code == draft.barcodes[2].bar_code)
    assert box.id_unit == 8


def run_worker(
    server: SandboxServer, journal: CreationJournal, draft_id: str, *crash: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.api.creation_worker",
            server.base_url,
            server.token,
            str(journal.path),
            draft_id,
            *crash,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_worker_without_crash_creates_the_product(
    server: SandboxServer, client: CatalogClient, journal: CreationJournal
) -> None:
    draft = make_draft()
    draft_id = ProductCreator(client, journal).start(draft)

    finished = run_worker(server, journal, draft_id)

    assert finished.returncode == 0, finished.stderr
    assert_one_complete_product(client, draft)
    assert finished.stdout.strip() == client.list_products()[0].guid


def test_creates_a_complete_product(
    client: CatalogClient, journal: CreationJournal
) -> None:
    draft = make_draft()

    result = ProductCreator(client, journal).create(draft)

    assert_one_complete_product(client, draft)
    assert client.get_product(result.guid).id_goods == result.id_goods


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("step", SIX_STEPS, ids=[s.value for s in SIX_STEPS])
def test_killed_process_resumes_without_duplicates(
    server: SandboxServer,
    client: CatalogClient,
    journal: CreationJournal,
    step: Step,
    when: str,
) -> None:
    draft = make_draft()
    creator = ProductCreator(client, journal)
    draft_id = creator.start(draft)

    killed = run_worker(
        server, journal, draft_id, "--crash-step", step.value, "--crash-when", when
    )

    assert killed.returncode == 1, killed.stderr
    [entry] = journal.unfinished()
    assert entry.step is step
    assert entry.sending is not None  # the journal knew the request was under way
    reserved_guid = entry.guid
    product_made = SIX_STEPS.index(step) > SIX_STEPS.index(Step.PRODUCT) or (
        step is Step.PRODUCT and when == "after"
    )
    assert len(client.list_products()) == int(product_made)

    result = creator.run(draft_id)

    assert_one_complete_product(client, draft)
    [product] = client.list_products()
    assert result.guid == product.guid
    if step is not Step.RESERVE:
        assert product.guid == reserved_guid  # never reserved a second id
    assert journal.unfinished() == []


class LongNameClient(CatalogClient):
    """Sends the product with a name longer than the API's 255 characters, as a
    client without validation would, to see the server's refusal."""

    def create_product(self, product: ProductWrite) -> object:  # type: ignore[override]
        body = product.model_dump(mode="python") | {"name_goods": "x" * 300}
        return self.request("POST", "goods", body=body)


def test_server_422_at_product_step_is_shown_and_resumable(
    server: SandboxServer, client: CatalogClient, journal: CreationJournal
) -> None:
    draft = make_draft()
    careless = LongNameClient(requests.Session(), server.base_url, server.token)
    draft_id = ProductCreator(careless, journal).start(draft)

    with pytest.raises(CreationFailed) as caught:
        ProductCreator(careless, journal).run(draft_id)

    failure = caught.value
    assert failure.step is Step.PRODUCT
    assert isinstance(failure.cause, ValidationFailed)
    assert failure.cause.status == 422
    assert "name_goods" in failure.field_errors
    assert failure.field_errors["name_goods"]
    [entry] = journal.unfinished()
    assert entry.step is Step.PRODUCT and entry.sending is None

    ProductCreator(client, journal).run(draft_id)

    assert_one_complete_product(client, draft)
    [product] = client.list_products()
    assert product.guid == entry.guid
