"""Logging set-up, done once at start-up: a rotating file in the platform's log folder.

INFO by default, DEBUG by a setting. A filter scrubs anything that looks like a bearer
token or a password from every record, as a second line of defence: code must never
log them in the first place.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from app import paths

LOG_FILE_NAME = "komora.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_SECRET = re.compile(
    r"(?i)(bearer\s+|authorization:\s*(?:bearer\s+|basic\s+|token\s+)?"
    r"|token[\"']?\s*[:=]\s*[\"']?|password[\"']?\s*[:=]\s*[\"']?)"
    r"([^\s\"',;]+)"
)


def scrub(text: str) -> str:
    """Replace what follows `Bearer `, `token=`, `password:` and the like with ***."""
    return _SECRET.sub(lambda m: m.group(1) + "***", text)


class SecretFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            # a traceback can quote a header; the formatter reuses exc_text as is
            trace = logging.Formatter().formatException(record.exc_info)
            record.exc_text = scrub(trace)
        return True


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def configure(debug: bool = False, console: bool = False) -> Path:
    """Send the `app` loggers to a rotating file; returns the file's path."""
    root = logging.getLogger("app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.propagate = False

    formatter = logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
    )
    path = log_file()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    file_handler.addFilter(SecretFilter())
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream.addFilter(SecretFilter())
        root.addHandler(stream)
    return path
