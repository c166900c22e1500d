"""The demo catalog (filled in below)."""

from __future__ import annotations

from app.sandbox.db import Database


def fill(database: Database) -> bool:
    return False
