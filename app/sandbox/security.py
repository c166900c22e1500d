"""The sandbox server's access token: made at first start, readable only by the user.

The token is compared in constant time and never logged; only the file's path is.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from pathlib import Path

from app import paths

logger = logging.getLogger(__name__)

TOKEN_FILE_NAME = "sandbox-token"
TOKEN_BYTES = 32


def token_file() -> Path:
    return paths.config_dir() / TOKEN_FILE_NAME


def load_or_create_token(path: Path | None = None) -> str:
    """The token kept in `path` (the config folder by default), made if missing.

    The file is created with mode 0600 from the start (never world-readable for a
    moment), and tightened if an older one is looser.
    """
    path = path or token_file()
    if path.exists():
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
            logger.warning("tightened permissions of the token file %s to 0600", path)
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    token = secrets.token_urlsafe(TOKEN_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    os.chmod(path, 0o600)
    logger.info("made a new sandbox token in %s", path)
    return token


def bearer_matches(header: str | None, token: str) -> bool:
    """Whether an Authorization header carries `token`, compared in constant time."""
    if not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())
