"""The local side of the catalog: no Qt here, every call may be made from any thread.

- `catalog.Catalog`: the SQLite copy of the catalog (lookup by scanned code, search
  as you type, paged ids for a lazy table, the group tree, dictionaries).
- `sync.CatalogSync`: full and incremental sync passes, cancellable, resumable.
- `outbox.Outbox` / `outbox.OutboxSender`: every write on disk before it is sent,
  replayed in order when the server is back; `writes.OutboxWrite` describes one.
- `scan_journal.ScanJournal`: every scan recorded before it is acted on.
"""
