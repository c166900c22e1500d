"""A bounded schemathesis run against the server's own OpenAPI description.

Every operation gets schema-valid requests (and, separately, schema-breaking ones) over
real HTTP; no answer may be a 5xx, use an undocumented status or content type, or break
its documented schema. Paths under goods/{guid} are also tried with a real product's
guid, so the rules behind them run, not only the 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

from app.sandbox.db import Database
from app.sandbox.server import create_app
from app.sandbox.testing import SandboxServer, running_server

# Bounded so the whole run stays well under three minutes on a busy CI machine.
EXAMPLES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 10}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,  # the description declares the bearer token; it must be enforced
]
SCHEMA = schemathesis.openapi.from_dict(create_app(Database(), "unused").openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with running_server(demo=True) as running:
        yield running


@pytest.fixture(scope="module")
def product_guid(server: SandboxServer) -> str:
    response = requests.get(
        f"{server.base_url}/api/uk/goods", headers=server.headers, timeout=5
    )
    return str(response.json()[0]["guid"])


def _fuzz(
    operation: Any, server: SandboxServer, mode: GenerationMode, **fixed: Any
) -> None:
    session = requests.Session()

    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    def run(case: Any) -> None:
        response = case.call(
            base_url=server.base_url,
            session=session,
            headers=server.headers,
            timeout=10,
        )
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    finally:
        session.close()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_valid_requests_conform(operation: Any, server: SandboxServer) -> None:
    _fuzz(operation, server, GenerationMode.POSITIVE)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_invalid_requests_are_refused_cleanly(
    operation: Any, server: SandboxServer
) -> None:
    _fuzz(operation, server, GenerationMode.NEGATIVE)


@pytest.mark.parametrize(
    "operation",
    [op for op in OPERATIONS if "/goods/{guid}" in op.path],
    ids=lambda op: op.label,
)
def test_product_paths_with_a_real_product(
    operation: Any, server: SandboxServer, product_guid: str
) -> None:
    _fuzz(
        operation,
        server,
        GenerationMode.POSITIVE,
        path_parameters={"guid": product_guid},
    )
