"""The bearer token: required everywhere, kept in a file only the user can read."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
import requests

from app.sandbox.security import bearer_matches, load_or_create_token, token_file
from app.sandbox.testing import SandboxServer

TIMEOUT = 5


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": "Basic dGVzdC10b2tlbg=="},
        {"Authorization": "test-token"},
        {"Authorization": "Bearer "},
    ],
    ids=["none", "wrong", "basic", "no-scheme", "empty"],
)
@pytest.mark.parametrize(
    "path", ["api/uk/groupGoods", "api/en/goods", "openapi.json", "api/en/nowhere"]
)
def test_requests_without_the_token_get_401(
    server: SandboxServer, headers: dict[str, str], path: str
) -> None:
    response = requests.get(
        f"{server.base_url}/{path}", headers=headers, timeout=TIMEOUT
    )

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["message"]


def test_writes_without_the_token_change_nothing(server: SandboxServer) -> None:
    refused = requests.post(
        f"{server.base_url}/api/en/groupGoods",
        json={"name_group": "Intruder"},
        headers={"Authorization": "Bearer nope"},
        timeout=TIMEOUT,
    )
    groups = requests.get(
        f"{server.base_url}/api/en/groupGoods", headers=server.headers, timeout=TIMEOUT
    ).json()

    assert refused.status_code == 401
    assert "Intruder" not in {group["name_group"] for group in groups}


@pytest.mark.parametrize(
    ("locale", "words"), [("en", "Unauthenticated"), ("uk", "Не автентифіковано")]
)
def test_401_speaks_the_path_locale(
    server: SandboxServer, locale: str, words: str
) -> None:
    response = requests.get(f"{server.base_url}/api/{locale}/units", timeout=TIMEOUT)

    assert response.json()["message"].startswith(words)


def test_the_scheme_is_case_insensitive() -> None:
    assert bearer_matches("bearer s3cret", "s3cret")
    assert bearer_matches("BEARER s3cret", "s3cret")
    assert not bearer_matches("Bearer s3cret2", "s3cret")
    assert not bearer_matches(None, "s3cret")


def test_token_file_is_made_once_with_mode_0600() -> None:
    first = load_or_create_token()
    second = load_or_create_token()

    mode = stat.S_IMODE(token_file().stat().st_mode)
    assert mode == 0o600
    assert first == second
    assert len(first) >= 40


def test_a_loose_token_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text("kept-token\n", encoding="utf-8")
    path.chmod(0o644)

    token = load_or_create_token(path)

    assert token == "kept-token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_token_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="app")

    token = load_or_create_token()

    assert "sandbox token" in caplog.text
    assert token not in caplog.text
