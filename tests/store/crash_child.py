"""A process that the crash tests kill on purpose (with `os._exit`, no clean-up).

python -m tests.store.crash_child replay OUTBOX CATALOG BASE_URL TOKEN ENTRY POINT
    replays the outbox and dies at POINT ("before" the request of entry ENTRY,
    or "after" it was sent and before its answer was read);
python -m tests.store.crash_child add OUTBOX NAME
    queues a new group named NAME and dies as soon as `add` returns;
python -m tests.store.crash_child scan JOURNAL RAW finish|die
    records a scan and dies before ("die") or after ("finish") giving its result.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from app.api.client import CatalogClient, RetryPolicy
from app.domain.barcode import read_barcode
from app.domain.models import GroupWrite
from app.store.catalog import Catalog
from app.store.outbox import Outbox, OutboxEntry, OutboxSender
from app.store.scan_journal import ScanJournal, ScanResult
from app.store.sync import make_session
from app.store.writes import OutboxWrite, WriteKind

KILLED = 3


def _replay(args: list[str]) -> int:
    outbox_path, catalog_path, base_url, token, entry_text, point = args
    target = int(entry_text)

    def die_at(wanted: str) -> Callable[[OutboxEntry], None]:
        def hook(entry: OutboxEntry) -> None:
            if point == wanted and entry.id == target:
                os._exit(KILLED)

        return hook

    client = CatalogClient(
        make_session(1), base_url, token, retry=RetryPolicy(max_retries=0)
    )
    sender = OutboxSender(
        Outbox(Path(outbox_path)),
        client,
        Catalog(Path(catalog_path)),
        before_send=die_at("before"),
        after_send=die_at("after"),
    )
    sender.replay()
    return 0


def _add(args: list[str]) -> int:
    outbox_path, name = args
    Outbox(Path(outbox_path)).add(
        OutboxWrite(WriteKind.CREATE_GROUP, GroupWrite(name_group=name))
    )
    os._exit(KILLED)


def _scan(args: list[str]) -> int:
    journal_path, raw, mode = args
    journal = ScanJournal(Path(journal_path))
    scan_id = journal.record("serial:/dev/ttyACM0", raw, read_barcode(raw))
    if mode == "die":
        os._exit(KILLED)
    journal.set_result(scan_id, ScanResult.FOUND, "found", id_goods=7)
    os._exit(KILLED)


def main(argv: list[str]) -> int:
    command, rest = argv[0], argv[1:]
    if command == "replay":
        return _replay(rest)
    if command == "add":
        return _add(rest)
    if command == "scan":
        return _scan(rest)
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
