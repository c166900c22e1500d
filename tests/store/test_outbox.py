"""The outbox: durable, ordered, offline-tolerant, and safe against a killed process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.api.client import CatalogClient
from app.api.errors import RequestTimedOut, ValidationFailed
from app.domain.models import (
    Barcode,
    BarcodeWrite,
    GroupWrite,
    PriceLevelWrite,
    PriceWrite,
    Product,
)
from app.sandbox.testing import SandboxServer
from app.store.catalog import Catalog
from app.store.errors import OutboxEntryBusy, OutboxEntryNotFound
from app.store.outbox import EntryState, Outbox, OutboxSender
from app.store.writes import OutboxWrite, WriteKind
from tests.benchmarks.catalog_gen import ean13
from tests.store import crash_child

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def _product(client: CatalogClient, index: int = 0) -> Product:
    return client.list_products(page_size=1000)[index]


def _new_barcode(product: Product, digits: str, ext: str | None = None) -> OutboxWrite:
    return OutboxWrite(
        WriteKind.CREATE_BARCODE,
        BarcodeWrite(bar_code=digits, id_unit=1, id_series="-", ext_bar_code=ext),
        product_guid=product.guid,
        id_goods=product.id_goods,
    )


def _new_group(name: str) -> OutboxWrite:
    return OutboxWrite(WriteKind.CREATE_GROUP, GroupWrite(name_group=name))


def _server_barcodes(client: CatalogClient, product: Product) -> list[str]:
    return [b.bar_code for b in client.list_barcodes(product.guid)]


def _groups_named(client: CatalogClient, name: str) -> int:
    return sum(1 for g in client.list_groups() if g.name_group == name)


# --- the store itself ----------------------------------------------------------------


def test_added_write_survives_reopening_with_exact_decimals(tmp_path: Path) -> None:
    price = PriceWrite(
        id_goods=5,
        id_unit=1,
        id_series="-",
        id_price_level=1,
        price=Decimal("12.3400"),
        min_price=Decimal("0.10"),
        max_price=Decimal("12.3400"),
    )
    write = OutboxWrite(
        WriteKind.CREATE_PRICE, price, product_guid="guid-5", id_goods=5
    )
    first = Outbox(tmp_path / "outbox.sqlite3")
    entry_id = first.add(write)
    first.close()

    again = Outbox(tmp_path / "outbox.sqlite3")
    (entry,) = again.entries()
    again.close()

    assert entry.id == entry_id
    assert entry.state is EntryState.WAITING
    assert entry.write == write
    assert entry.write.body.price == Decimal("12.3400")  # type: ignore[attr-defined]
    assert str(entry.write.body.price) == "12.3400"  # type: ignore[attr-defined]


def test_write_added_just_before_a_kill_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"

    child = subprocess.run(
        [sys.executable, "-m", "tests.store.crash_child", "add", str(path), "Kept"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    outbox = Outbox(path)

    assert child.returncode == crash_child.KILLED, child.stderr
    (entry,) = outbox.entries()
    assert entry.write.body == GroupWrite(name_group="Kept")
    assert outbox.count() == 1
    outbox.close()


def test_a_write_with_the_wrong_body_or_no_product_is_rejected() -> None:
    with pytest.raises(TypeError, match="GroupWrite"):
        OutboxWrite(WriteKind.CREATE_GROUP, PriceLevelWrite(name_price_level="x"))
    with pytest.raises(ValueError, match="product_guid"):
        OutboxWrite(
            WriteKind.CREATE_BARCODE,
            BarcodeWrite(bar_code="1", id_unit=1, id_series="-"),
        )


def test_drop_and_edit_need_an_open_entry(outbox: Outbox) -> None:
    entry_id = outbox.add(_new_group("A"))

    outbox.drop(entry_id)

    assert outbox.count() == 0
    with pytest.raises(OutboxEntryNotFound):
        outbox.edit(entry_id, GroupWrite(name_group="B"))
    with pytest.raises(OutboxEntryNotFound):
        outbox.drop(999)


def test_an_entry_being_sent_cannot_be_edited_or_dropped(outbox: Outbox) -> None:
    entry_id = outbox.add(_new_group("A"))
    outbox.mark_sending(entry_id, known_ids=[3])

    with pytest.raises(OutboxEntryBusy):
        outbox.drop(entry_id)
    with pytest.raises(OutboxEntryBusy):
        outbox.edit(entry_id, GroupWrite(name_group="B"))
    assert outbox.count() == 1
    assert outbox.known_ids(entry_id) == [3]


def test_refused_entry_can_be_retried_as_it_is(outbox: Outbox) -> None:
    entry_id = outbox.add(_new_group("A"))
    outbox.mark_refused(
        entry_id,
        ValidationFailed(
            "refused",
            method="POST",
            path="/api/en/groupGoods",
            status=422,
            server_message="name taken",
            field_errors={"name_group": ["name taken"]},
        ),
    )
    refused = outbox.get(entry_id)

    outbox.retry(entry_id)

    assert refused.state is EntryState.REFUSED
    assert refused.error_message == "name taken"
    assert refused.field_errors == {"name_group": ["name taken"]}
    assert refused.error_status == 422
    again = outbox.get(entry_id)
    assert again.state is EntryState.WAITING and again.field_errors == {}
    assert outbox.count() == 1 and outbox.refused_count() == 0


# --- against the sandbox -----------------------------------------------------------


def test_writes_wait_while_offline_and_go_in_order_when_back(
    outbox: Outbox, synced: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    product = _product(client)
    group = client.list_groups()[0]
    sender = OutboxSender(outbox, client, synced)
    demo_server.stop()

    first = outbox.add(_new_group("Offline group"))
    second = outbox.add(_new_barcode(product, ean13("482777000001")))
    third = outbox.add(
        OutboxWrite(
            WriteKind.UPDATE_GROUP,
            GroupWrite(name_group="Renamed offline", active=True),
            target_guid=group.guid,
        )
    )
    offline = sender.replay()
    waiting = outbox.count()
    demo_server.start()
    back = sender.replay()

    assert offline.offline and offline.sent == []
    assert waiting == 3
    assert [s.entry_id for s in back.sent] == [first, second, third]
    assert outbox.count() == 0 and outbox.refused_count() == 0
    assert _groups_named(client, "Offline group") == 1
    assert ean13("482777000001") in _server_barcodes(client, product)
    assert _groups_named(client, "Renamed offline") == 1
    # The answers are in the local catalog at once, before any sync.
    found = synced.lookup_text(ean13("482777000001"))
    assert found is not None and found.product.id_goods == product.id_goods
    assert "Renamed offline" in [g.name_group for g in synced.groups()]


def test_write_refused_at_replay_is_kept_with_the_servers_message(
    outbox: Outbox, synced: Catalog, client: CatalogClient, demo_server: SandboxServer
) -> None:
    owner, other = _product(client, 0), _product(client, 1)
    taken = client.list_barcodes(owner.guid)[0].bar_code
    demo_server.stop()
    entry_id = outbox.add(_new_barcode(other, taken))
    demo_server.start()

    report = OutboxSender(outbox, client, synced).replay()

    (refused,) = report.refused
    entry = outbox.get(entry_id)
    assert refused.entry_id == entry_id
    assert entry.state is EntryState.REFUSED
    assert entry.error_message
    assert "bar_code" in entry.field_errors or entry.error_status == 409
    assert outbox.count() == 0 and outbox.refused_count() == 1
    assert _server_barcodes(client, other).count(taken) == 0


def test_edited_refused_write_is_sent_and_dropped_one_never_is(
    outbox: Outbox, synced: Catalog, client: CatalogClient
) -> None:
    owner, other = _product(client, 0), _product(client, 1)
    taken = client.list_barcodes(owner.guid)[0].bar_code
    sender = OutboxSender(outbox, client, synced)
    fixed = outbox.add(_new_barcode(other, taken))
    dropped = outbox.add(  # a parent group the server does not have
        OutboxWrite(
            WriteKind.CREATE_GROUP,
            GroupWrite(name_group="Orphan", id_owner_group=987654),
        )
    )
    sender.replay()

    outbox.edit(
        fixed, BarcodeWrite(bar_code=ean13("482777000002"), id_unit=1, id_series="-")
    )
    outbox.drop(dropped)
    report = sender.replay()

    assert [s.entry_id for s in report.sent] == [fixed]
    assert ean13("482777000002") in _server_barcodes(client, other)
    assert outbox.get(dropped).state is EntryState.DROPPED
    assert outbox.count() == outbox.refused_count() == 0


def test_refused_write_holds_back_its_chain_but_not_others(
    outbox: Outbox, synced: Catalog, client: CatalogClient
) -> None:
    owner, other = _product(client, 0), _product(client, 1)
    taken = client.list_barcodes(owner.guid)[0].bar_code
    sender = OutboxSender(outbox, client, synced)
    bad = outbox.add(_new_barcode(other, taken))
    same_product = outbox.add(_new_barcode(other, ean13("482777000003")))
    unrelated = outbox.add(_new_group("Independent"))

    first = sender.replay()
    outbox.drop(bad)
    second = sender.replay()

    assert [r.entry_id for r in first.refused] == [bad]
    assert [s.entry_id for s in first.sent] == [unrelated]
    assert first.held == 1
    assert first.state_of(bad) is EntryState.REFUSED
    assert first.state_of(same_product) is EntryState.WAITING
    assert first.state_of(unrelated) is EntryState.SENT
    assert [s.entry_id for s in second.sent] == [same_product]


@pytest.mark.parametrize("point", ["before", "after"])
@pytest.mark.parametrize("victim", ["group", "barcode", "rename"])
def test_kill_during_replay_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path,
    outbox: Outbox,
    synced: Catalog,
    client: CatalogClient,
    demo_server: SandboxServer,
    point: str,
    victim: str,
) -> None:
    product = _product(client)
    group = client.list_groups()[0]
    code = ean13("482777000004")
    ids = {
        "group": outbox.add(_new_group("Made once")),
        "barcode": outbox.add(_new_barcode(product, code)),
        "rename": outbox.add(
            OutboxWrite(
                WriteKind.UPDATE_GROUP,
                GroupWrite(name_group="Renamed once"),
                target_guid=group.guid,
            )
        ),
    }
    outbox.add(_new_group("After the crash"))

    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.store.crash_child",
            "replay",
            str(outbox.path),
            str(synced.path),
            demo_server.base_url,
            demo_server.token,
            str(ids[victim]),
            point,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == crash_child.KILLED, child.stderr
    assert outbox.get(ids[victim]).state is EntryState.SENDING

    report = OutboxSender(outbox, client, synced).replay()

    assert report.refused == [] and not report.offline
    assert outbox.count() == 0
    assert _groups_named(client, "Made once") == 1
    assert _server_barcodes(client, product).count(code) == 1
    assert _groups_named(client, "Renamed once") == 1
    assert _groups_named(client, "After the crash") == 1
    verified = [s.entry_id for s in report.sent if s.verified]
    expected = [ids[victim]] if point == "after" and victim != "rename" else []
    assert verified == expected


# --- a create whose answer was lost, then refused as "already there" ----------------


class LateArrival:
    """A client whose first barcode create gets no answer (a timeout) and reaches
    the server late: just after the sender's read-back looked and missed it, as when
    a frozen server wakes up and serves both requests at once."""

    def __init__(self, client: CatalogClient) -> None:
        self._client = client
        self._late: tuple[str, BarcodeWrite] | None = None
        self.creates = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._client, name)

    def create_barcode(self, guid: str, barcode: BarcodeWrite) -> object:
        self.creates += 1
        if self.creates == 1:
            self._late = (guid, barcode)
            raise RequestTimedOut(
                "no answer within 30 s", method="POST", path="barcodes"
            )
        return self._client.create_barcode(guid, barcode)

    def list_barcodes(self, guid: str) -> object:
        listed = self._client.list_barcodes(guid)
        if self._late is not None:
            self._client.create_barcode(*self._late)
            self._late = None
        return listed


def test_create_refused_after_a_lost_answer_is_found_on_the_server_and_sent(
    outbox: Outbox, synced: Catalog, client: CatalogClient
) -> None:
    product = _product(client)
    code = ean13("482999000004")
    late = LateArrival(client)
    sender = OutboxSender(outbox, late, synced)  # type: ignore[arg-type]
    barcode = outbox.add(_new_barcode(product, code))
    after = outbox.add(_new_barcode(product, ean13("482999000005")))

    lost = sender.replay()
    state_after_lost = outbox.get(barcode).state
    back = sender.replay()

    assert lost.offline and state_after_lost is EntryState.SENDING
    # The lost one, sent again (refused: the first had arrived late), the next one.
    assert late.creates == 3
    assert [(s.entry_id, s.verified) for s in back.sent] == [
        (barcode, True),
        (after, False),
    ]
    assert back.refused == [] and outbox.refused_count() == 0
    assert outbox.get(barcode).state is EntryState.SENT
    assert _server_barcodes(client, product).count(code) == 1
    found = synced.lookup_text(code)
    assert found is not None and found.product.id_goods == product.id_goods


def _copy_of(product: Product, existing: Barcode, id_series: str) -> OutboxWrite:
    """A create of `existing` again on its product, in series `id_series`."""
    body = BarcodeWrite(
        bar_code=existing.bar_code,
        id_unit=existing.id_unit,
        id_series=id_series,
        ext_bar_code=existing.ext_bar_code or None,
    )
    return OutboxWrite(
        WriteKind.CREATE_BARCODE,
        body,
        product_guid=product.guid,
        id_goods=product.id_goods,
    )


def test_first_attempt_refused_as_already_on_the_same_product_is_sent(
    outbox: Outbox, synced: Catalog, client: CatalogClient
) -> None:
    product = _product(client)
    existing = client.list_barcodes(product.guid)[0]
    same = outbox.add(_copy_of(product, existing, existing.id_series))

    report = OutboxSender(outbox, client, synced).replay()

    assert [(s.entry_id, s.verified) for s in report.sent] == [(same, True)]
    assert outbox.get(same).state is EntryState.SENT
    assert _server_barcodes(client, product).count(existing.bar_code) == 1


def test_refusal_stands_when_the_server_has_the_record_otherwise(
    outbox: Outbox, synced: Catalog, client: CatalogClient
) -> None:
    product = _product(client)
    existing = client.list_barcodes(product.guid)[0]
    other_series = outbox.add(
        _copy_of(product, existing, existing.id_series + "-other")
    )
    name_taken = outbox.add(_new_group(client.list_groups()[0].name_group))

    report = OutboxSender(outbox, client, synced).replay()

    assert outbox.get(other_series).state is EntryState.REFUSED
    assert other_series in [r.entry_id for r in report.refused]
    # A group named alike on a first attempt may be someone else's: never taken
    # as ours without being sent.
    assert name_taken not in [s.entry_id for s in report.sent if s.verified]
