"""The sandbox server's FastAPI application: bearer token, exact decimals, errors.

- Every request needs `Authorization: Bearer <token>` (401 otherwise), the OpenAPI
  description included.
- Request bodies are parsed with `app.domain.jsonio.loads` (numbers with a fraction
  become `Decimal`) and answers are written with `jsonio.dumps` (a `Decimal` goes out
  digit for digit), never through `float`.
- Every failure answers `{"message": ..., "errors": {field: [text, ...]}}` in the
  locale of the path (`/api/uk/...`, `/api/en/...`; `uk` when the path has none).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from app.domain import jsonio
from app.sandbox.db import Database
from app.sandbox.messages import (
    DEFAULT_LOCALE,
    LOCALES,
    ApiError,
    FieldError,
    text,
)
from app.sandbox.security import bearer_matches

logger = logging.getLogger(__name__)


def locale_of(path: str) -> str:
    """The locale segment of `/api/{locale}/...`, or the default one."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "api" and parts[2] in LOCALES:
        return parts[2]
    return DEFAULT_LOCALE


class JsonBody(Response):
    """An answer written with `jsonio.dumps`, so decimals stay exact."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return jsonio.dumps(content).encode("utf-8")


class DecimalRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = jsonio.loads(await self.body())
        return self._json


class DecimalRoute(APIRoute):
    """Reads JSON bodies with `jsonio.loads`, so decimals never pass through float."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def decimal_handler(request: Request) -> Response:
            return await handler(DecimalRequest(request.scope, request.receive))

        return decimal_handler


class BearerAuth:
    """ASGI middleware: refuses any HTTP request without the right bearer token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = None
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                header = value.decode("latin-1")
                break
        if bearer_matches(header, self.token):
            await self.app(scope, receive, send)
            return
        # The path is logged, the header never is.
        logger.info("refused %s %s: no valid token", scope["method"], scope["path"])
        locale = locale_of(scope["path"])
        response = JsonBody(
            {"message": text("unauthorized", locale)},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
        await response(scope, receive, send)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _validation_error(exc: RequestValidationError) -> ApiError:
    """Pydantic's findings as the API's field errors (worded later, per locale)."""
    errors: list[FieldError] = []
    for item in exc.errors():
        kind = item.get("type", "")
        field = _field_name(tuple(item.get("loc", ())))
        context = item.get("ctx") or {}
        if kind == "json_invalid":
            errors.append(FieldError("body", "invalid_json"))
        elif kind == "missing":
            errors.append(FieldError(field, "field_required"))
        elif kind == "string_too_long":
            errors.append(
                FieldError(
                    field, "string_too_long", {"max_length": context.get("max_length")}
                )
            )
        elif kind == "string_too_short":
            errors.append(
                FieldError(
                    field, "string_too_short", {"min_length": context.get("min_length")}
                )
            )
        elif kind.startswith("decimal_max") or kind == "decimal_whole_digits":
            errors.append(
                FieldError(
                    field, "decimal_digits", {"max_digits": 15, "decimal_places": 4}
                )
                if field in ("price", "min_price", "max_price")
                else FieldError(
                    field, "invalid_value", {"detail": item.get("msg", kind)}
                )
            )
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            errors.append(
                FieldError(field, "invalid_type", {"detail": item.get("msg", kind)})
            )
        else:
            errors.append(
                FieldError(field, "invalid_value", {"detail": item.get("msg", kind)})
            )
    return ApiError(422, "invalid_data", errors)


def create_app(database: Database, token: str) -> FastAPI:
    """The application over `database`, answering only requests that carry `token`."""
    from app.sandbox.routes import build_router

    app = FastAPI(
        title="Komora sandbox catalog",
        version="1",
        description="The POS catalog API, served locally for training and tests",
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return JsonBody(exc.body(locale_of(request.url.path)), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        error = _validation_error(exc)
        return JsonBody(error.body(locale_of(request.url.path)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        locale = locale_of(request.url.path)
        if exc.status_code == 404:
            message = text("not_found", locale)
        elif exc.status_code == 400:
            message = text("invalid_json", locale)
        else:
            message = str(exc.detail)
        return JsonBody({"message": message}, status_code=exc.status_code)

    app.include_router(build_router(database))
    app.add_middleware(BearerAuth, token=token)
    _declare_bearer(app)
    return app


def _declare_bearer(app: FastAPI) -> None:
    """Say in the OpenAPI description that every operation needs the bearer token."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {})
            components["securitySchemes"] = {
                "sandboxToken": {"type": "http", "scheme": "bearer"}
            }
            schema["security"] = [{"sandboxToken": []}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
