"""The store's exceptions: one base, a subclass per failure a caller can act on."""

# Names say the failure, as in the other layers (ServerUnavailable, not ...Error).
# ruff: noqa: N818

from __future__ import annotations


class StoreError(Exception):
    """The local catalog, outbox or scan journal could not do what was asked."""


class SyncCancelled(StoreError):
    """A sync was stopped by its cancel event; what it fetched so far is kept."""


class OutboxEntryNotFound(StoreError):
    """No outbox entry has the given id (it was sent or dropped meanwhile)."""


class OutboxEntryBusy(StoreError):
    """The entry is being sent and cannot be edited or dropped right now."""


class UnknownWriteKind(StoreError):
    """An outbox entry names a kind of write this version does not know."""
