""" "Test connection": one cheap authorised read against a catalog API.

Lists the price levels (`GET /api/{locale}/price-level`): every project has at least
Purchase, the list is short, and the request needs the token, so a success proves
the address, the locale and the token together. Runs on a worker thread (it
blocks); failures are the API layer's exceptions, which `tasks.describe_error`
words for the user.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import requests

from app.api.client import CatalogClient, RetryPolicy

logger = logging.getLogger(__name__)

# A person is waiting on the button: fail fast rather than retry for a minute.
CHECK_TIMEOUT = (5.0, 10.0)


@dataclass(frozen=True)
class ConnectionReport:
    base_url: str
    locale: str
    price_levels: tuple[str, ...]  # their names, Purchase first as the server sends


def check_connection(
    base_url: str,
    locale: str,
    token: str | None,
    session: requests.Session | None = None,
) -> ConnectionReport:
    """Raise an `app.api.errors.ApiError` subclass when the server is not usable."""
    own_session = session is None
    session = session or requests.Session()
    try:
        client = CatalogClient(
            session,
            base_url,
            token or None,
            locale=locale,
            timeout=CHECK_TIMEOUT,
            retry=RetryPolicy(max_retries=0),
        )
        levels = client.list_price_levels()
    finally:
        if own_session:
            session.close()
    logger.info("connection test to %s: %d price level(s)", base_url, len(levels))
    return ConnectionReport(
        base_url=base_url,
        locale=locale,
        price_levels=tuple(level.name_price_level for level in levels),
    )
