"""The API layer's exceptions: one base, a subclass per failure a caller can act on.

Low-level errors (requests' exceptions, HTTP statuses, bodies that do not parse) are
translated into this tree once, in `app.api.client`, and chained with `from`. Every
error carries the request's method and path (never its body or token), the HTTP
status when there was an answer, and the server's own message when it sent one.
"""

# The style names errors for the failure (NotFound, Conflict), not with an Error suffix.
# ruff: noqa: N818

from __future__ import annotations


class ApiError(Exception):
    """A request to the catalog API failed.

    `method` and `path` name the request, `status` is the HTTP status (None when no
    answer arrived) and `server_message` is what the server said, if anything.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        status: int | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path
        self.status = status
        self.server_message = server_message

    def __str__(self) -> str:
        where = f"{self.method} {self.path}"
        if self.status is not None:
            where += f" (HTTP {self.status})"
        text = f"{where}: {self.message}"
        if self.server_message and self.server_message not in self.message:
            text += f"; server said: {self.server_message}"
        return text


class ServerUnavailable(ApiError):
    """No usable answer: the connection failed, or the server is busy or down
    (429, 502, 503) even after the retries the request allows."""

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        status: int | None = None,
        server_message: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            message,
            method=method,
            path=path,
            status=status,
            server_message=server_message,
        )
        self.retry_after = retry_after


class RequestTimedOut(ApiError):
    """Connecting or waiting for the answer took longer than the timeout (or the
    gateway said so: 408, 504). The request may have reached the server."""


class NotAuthorized(ApiError):
    """401 or 403: the token is missing, wrong or lacks the right."""


class NotFound(ApiError):
    """404: the entity (or the path) does not exist."""


class Conflict(ApiError):
    """409: the request clashes with what exists (a duplicate price, a used barcode)."""


class ValidationFailed(ApiError):
    """422 (or 400): the server refused the values; `field_errors` maps each field
    to the server's messages about it."""

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        status: int | None = None,
        server_message: str | None = None,
        field_errors: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(
            message,
            method=method,
            path=path,
            status=status,
            server_message=server_message,
        )
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})

    def __str__(self) -> str:
        text = super().__str__()
        if self.field_errors:
            details = "; ".join(
                f"{field}: {' '.join(messages)}"
                for field, messages in self.field_errors.items()
            )
            text += f" [{details}]"
        return text


class InvalidResponse(ApiError):
    """The answer came but could not be used: not JSON, or not the expected shape.
    The message says what did not parse."""


class CreationFailed(Exception):
    """A step of the product creation failed; the draft stays in the journal and
    can be run again. `step` names the step (an `app.api.creation.Step`), `cause`
    is the underlying error (usually an `ApiError`; `server_message` and
    `field_errors` are taken from it). `key` names the request that failed
    ("barcode:4820000000000", "price:1"; see `app.api.creation`), when known."""

    def __init__(
        self,
        step: str,
        cause: BaseException,
        *,
        draft_id: str,
        key: str | None = None,
    ) -> None:
        self.step = step
        self.cause = cause
        self.draft_id = draft_id
        self.key = key
        self.server_message = getattr(cause, "server_message", None)
        self.field_errors: dict[str, list[str]] = dict(
            getattr(cause, "field_errors", None) or {}
        )
        super().__init__(f"creating the product failed at step {step}: {cause}")


class InvalidDraft(ValueError):
    """A product draft that cannot be created as it stands (found before any
    request); `field` names the draft's field at fault."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
