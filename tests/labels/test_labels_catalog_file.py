"""`komora labels CODE` looks codes up in the catalog the desktop app syncs for the
server in its settings (or in --catalog), and never creates an empty one."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from app.__main__ import main
from app.store.location import catalog_path
from tests.labels.test_labels_cli_queue import _filled_catalog

CODE = "4820000000017"  # one of _filled_catalog's barcodes


def _fill(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _filled_catalog(path).close()


def _labels(out: Path, *extra: str) -> int:
    options = ["--template", "thermal-58x40", "--dpi", "203", "--out", str(out)]
    return main(["labels", *options, *extra])


def _data_dir() -> Path:
    return Path(os.environ["KOMORA_DATA_DIR"])


def _write_settings(**values: str) -> None:
    folder = Path(os.environ["KOMORA_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(values), encoding="utf-8")


def test_codes_are_found_in_the_sandbox_catalog_the_app_synced(
    qapp: object, tmp_path: Path
) -> None:
    _fill(_data_dir() / "catalog-sandbox.sqlite3")
    out = tmp_path / "labels.pdf"

    assert _labels(out, CODE) == 0

    assert len(re.findall(rb"/MediaBox", out.read_bytes())) == 1
    assert not (_data_dir() / "catalog.sqlite3").exists()


def test_codes_are_found_in_the_back_office_catalog_the_settings_choose(
    qapp: object, tmp_path: Path
) -> None:
    url = "https://shop.example/api"
    _write_settings(server_mode="back_office", back_office_url=f" {url} ", locale="en")
    _fill(catalog_path(url, "en", is_sandbox=False))
    out = tmp_path / "labels.pdf"

    assert _labels(out, CODE) == 0
    assert out.exists()
    assert not (_data_dir() / "catalog-sandbox.sqlite3").exists()


def test_a_missing_catalog_is_a_clear_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels.pdf"

    assert _labels(out, CODE) == 1

    expected = _data_dir() / "catalog-sandbox.sqlite3"
    err = capsys.readouterr().err
    assert f"no local catalog at {expected}" in err
    assert "start the app once to sync it, or pass --catalog" in err
    assert list(_data_dir().glob("*.sqlite3*")) == []
    assert not out.exists()


def test_catalog_option_overrides_the_settings(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "elsewhere" / "copy.sqlite3"
    _fill(chosen)
    out = tmp_path / "labels.pdf"

    assert _labels(out, "--catalog", str(chosen), CODE) == 0
    assert out.exists()

    missing = tmp_path / "nope.sqlite3"
    assert _labels(out, "--catalog", str(missing), CODE) == 1
    assert f"no local catalog at {missing}" in capsys.readouterr().err
    assert not missing.exists()
