"""`python -m app serve`: starts, prints its URL and token file, and serves the demo."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
START_LINES = 12


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    """Start `serve` with the given extra arguments; stops it after the test."""
    started: list[subprocess.Popen[str]] = []

    def start(*extra: str) -> tuple[subprocess.Popen[str], list[str]]:
        env = dict(os.environ)
        env.update(
            KOMORA_DATA_DIR=str(tmp_path / "data"),
            KOMORA_CONFIG_DIR=str(tmp_path / "config"),
            KOMORA_LOG_DIR=str(tmp_path / "log"),
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", "0", *extra],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        lines: list[str] = []
        # The lines come before uvicorn serves; the socket is already listening.
        while len(lines) < START_LINES:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if line.startswith("Token:"):
                break
        return process, lines

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _value(lines: list[str], label: str) -> str:
    line = next(line for line in lines if line.startswith(label))
    return line[len(label) :].strip()


def test_serve_demo_prints_url_and_token_file_and_lists_groups(
    serve: object, tmp_path: Path
) -> None:
    _, lines = serve("--demo")  # type: ignore[operator]

    url = re.search(r"http://127\.0\.0\.1:\d+", "\n".join(lines))
    assert url is not None, lines
    token_path = Path(_value(lines, "Token:"))
    assert token_path == tmp_path / "config" / "sandbox-token"
    assert token_path.stat().st_mode & 0o777 == 0o600
    token = token_path.read_text(encoding="utf-8").strip()
    assert token not in "\n".join(lines)

    response = requests.get(
        f"{url.group(0)}/api/uk/groupGoods",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    refused = requests.get(f"{url.group(0)}/api/uk/groupGoods", timeout=10)

    assert response.status_code == 200
    assert "Напої" in {group["name_group"] for group in response.json()}
    assert refused.status_code == 401
    assert Path(_value(lines, "Database:")) == tmp_path / "data" / "sandbox.sqlite3"


def test_serve_with_token_uses_it_and_writes_no_token_file(
    serve: object, tmp_path: Path
) -> None:
    _, lines = serve("--token", "given-token", "--db", ":memory:")  # type: ignore[operator]

    url = re.search(r"http://127\.0\.0\.1:\d+", "\n".join(lines))
    assert url is not None, lines
    response = requests.get(
        f"{url.group(0)}/api/en/price-level",
        headers={"Authorization": "Bearer given-token"},
        timeout=10,
    )

    assert _value(lines, "Token:") == "given with --token"
    assert response.status_code == 200
    assert not (tmp_path / "config" / "sandbox-token").exists()
    assert "given-token" not in "\n".join(lines)
