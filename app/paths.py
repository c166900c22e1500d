"""Where Komora keeps its files: the platform's user folders, overridable for tests.

`KOMORA_DATA_DIR`, `KOMORA_CONFIG_DIR` and `KOMORA_LOG_DIR` override the platformdirs
locations (tests point them into a temporary folder). Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "komora"
APP_AUTHOR = "Komora"


def _folder(env_name: str, default: str) -> Path:
    folder = Path(os.environ.get(env_name) or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    """Databases: the local catalog, outbox, journals, the sandbox catalog."""
    return _folder("KOMORA_DATA_DIR", platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """Settings and the sandbox server's own token file."""
    return _folder(
        "KOMORA_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)
    )


def log_dir() -> Path:
    return _folder("KOMORA_LOG_DIR", platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The shipped resources: label templates, translations, icons, demo data.

    In a PyInstaller build they sit beside the executable's bundle (`sys._MEIPASS`).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
