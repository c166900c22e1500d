"""The catalog API client: one class around an injected `requests.Session`.

Every request has a timeout. GET and PUT are retried with backoff on connection
errors and on 429/502/503/504, honouring `Retry-After`; POST is never retried, since
a lost answer does not tell whether the server acted (the creation flow reads back
instead). Failures are translated once, here, into `app.api.errors`. One INFO line
per request (method, path, status, milliseconds); never the token, never a body.

JSON is read with `app.domain.jsonio.loads` (numbers with a fraction become Decimal)
and written with `app.domain.jsonio.dumps` (Decimal written digit for digit).
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from app.api.errors import (
    ApiError,
    Conflict,
    InvalidResponse,
    NotAuthorized,
    NotFound,
    RequestTimedOut,
    ServerUnavailable,
    ValidationFailed,
)
from app.domain import jsonio
from app.domain.models import (
    Barcode,
    BarcodeWrite,
    Group,
    GroupWrite,
    Price,
    PriceLevel,
    PriceLevelWrite,
    PriceWrite,
    Product,
    ProductReservation,
    ProductUnit,
    ProductUnitWrite,
    ProductWrite,
    Series,
    SeriesWrite,
    UnitSample,
)

logger = logging.getLogger(__name__)

ModelT = TypeVar("ModelT", bound=BaseModel)

DEFAULT_TIMEOUT = (5.0, 30.0)  # (connect, read) seconds
DEFAULT_PAGE_SIZE = 100
RETRY_METHODS = frozenset({"GET", "PUT"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_PAGES = 10_000  # a guard against a server whose paging never ends
PAGING_KEYS = ("meta", "links", "current_page", "last_page", "total")
FIRST_LINE_MAX = 200

SortSpec = tuple[str, str] | Mapping[str, str] | None
FilterSpec = Mapping[str, Any] | None
AfterSendHook = Callable[[], None]


class RetryPolicy:
    """How many times and how long to wait between tries of a GET or PUT.

    The n-th retry waits `backoff * 2**(n-1)` seconds, at most `max_delay`, unless the
    server's `Retry-After` asks for longer; a `Retry-After` above `max_retry_after`
    is not waited for: the request fails with `ServerUnavailable` at once.
    """

    def __init__(
        self,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_delay: float = 10.0,
        max_retry_after: float = 60.0,
    ) -> None:
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_delay = max_delay
        self.max_retry_after = max_retry_after

    def delay(self, retry_number: int) -> float:
        return float(min(self.backoff * 2 ** (retry_number - 1), self.max_delay))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:FIRST_LINE_MAX]


def _describe_validation(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(piece) for piece in item.get("loc", ())) or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    more = len(error.errors()) - 5
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


class CatalogClient:
    """The catalog API of one back office (or of the sandbox server).

    `base_url` is e.g. "http://127.0.0.1:8000"; paths are `/api/{locale}/...`.
    `sleep` is called for backoff waits (tests pass a fake that records them).
    Safe to use from one worker thread at a time per session.
    """

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        token: str | None = None,
        *,
        locale: str = "uk",
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> None:
        self._session = session
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.locale = locale
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self.page_size = page_size
        self._local = threading.local()
        # Called (on the requesting thread) as soon as a request finds the server
        # out of reach: a connection error (before any retry) or a timeout. The
        # GUI flips its status bar to offline with it, whoever made the request.
        self.on_unreachable: Callable[[ApiError], None] | None = None

    def __repr__(self) -> str:
        # Never the token.
        return f"CatalogClient({self.base_url!r}, locale={self.locale!r})"

    def set_token(self, token: str | None) -> None:
        self._token = token

    def connect_to(self, base_url: str, token: str | None) -> None:
        """Point the client at a server known only now (the sandbox, once it has
        started: the app shows the local catalog before its port is known)."""
        self.base_url = base_url.rstrip("/")
        self._token = token

    # --- hooks ----------------------------------------------------------------

    @contextlib.contextmanager
    def after_send_hook(self, hook: AfterSendHook) -> Iterator[None]:
        """While active (in this thread), `hook` runs after each request has been
        sent and the server's status line has arrived, before the body is read.

        The creation flow uses it for its crash tests: a process that dies there
        has had its request acted on but never saw the answer.
        """
        previous = getattr(self._local, "after_send", None)
        self._local.after_send = hook
        try:
            yield
        finally:
            self._local.after_send = previous

    # --- the transport --------------------------------------------------------

    def _path(self, relative: str) -> str:
        return f"/api/{self.locale}/{relative.lstrip('/')}"

    def _headers(self, has_body: bool) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        if has_body:
            headers["Content-Type"] = "application/json"
        return headers

    def request(
        self,
        method: str,
        relative: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Any = None,
    ) -> Any:
        """Send one request (with the retries its method allows); the parsed JSON
        answer, or None for an empty one. Raises an `ApiError` subclass."""
        method = method.upper()
        path = self._path(relative)
        url = self.base_url + path
        data = None if body is None else jsonio.dumps(body).encode("utf-8")
        attempt = 0

        while True:
            attempt += 1
            may_retry = method in RETRY_METHODS and attempt <= self.retry.max_retries
            try:
                response = self._send_once(method, path, url, params, data)
            except requests.ConnectionError as failure:  # ConnectTimeout too
                error = self._unreachable(self._transport_error(method, path, failure))
                if not may_retry:
                    raise error from failure
                reason = f"connection error ({type(failure).__name__})"
                wait_hint = None
            except requests.RequestException as failure:
                # A read timeout is not retried: the server may be acting on the
                # request, and another 30 s wait would stall the caller further.
                error = self._transport_error(method, path, failure)
                if isinstance(error, RequestTimedOut):
                    self._unreachable(error)
                raise error from failure
            else:
                if response.status_code not in RETRY_STATUSES:
                    return self._answer(method, path, response)
                wait_hint = parse_retry_after(response.headers.get("Retry-After"))
                too_long = (
                    wait_hint is not None and wait_hint > self.retry.max_retry_after
                )
                if not may_retry or too_long:
                    raise self._status_error(method, path, response, wait_hint)
                reason = f"HTTP {response.status_code}"

            delay = self.retry.delay(attempt)
            if wait_hint is not None:
                delay = max(delay, wait_hint)
            logger.debug(
                "retrying %s %s in %.2f s (retry %d of %d) after %s",
                method,
                path,
                delay,
                attempt,
                self.retry.max_retries,
                reason,
            )
            self._sleep(delay)

    def _send_once(
        self,
        method: str,
        path: str,
        url: str,
        params: Mapping[str, str] | None,
        data: bytes | None,
    ) -> requests.Response:
        """One try; logs its INFO line. Raises requests' own exceptions."""
        hooks: dict[str, Any] = {}
        after_send = getattr(self._local, "after_send", None)
        if after_send is not None:

            def on_response(response: requests.Response, **_: Any) -> None:
                after_send()

            hooks["response"] = [on_response]
        started = time.monotonic()
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                data=data,
                headers=self._headers(data is not None),
                timeout=self.timeout,
                hooks=hooks,
            )
        except requests.RequestException as error:
            elapsed = (time.monotonic() - started) * 1000
            logger.info(
                "%s %s -> %s in %d ms", method, path, type(error).__name__, elapsed
            )
            raise
        elapsed = (time.monotonic() - started) * 1000
        logger.info("%s %s -> %d in %d ms", method, path, response.status_code, elapsed)
        return response

    def _unreachable(self, error: ApiError) -> ApiError:
        listener = self.on_unreachable
        if listener is not None:
            try:
                listener(error)
            except Exception:  # a listener's bug must not hide the request's error
                logger.exception("the unreachable-server listener failed")
        return error

    def _transport_error(
        self, method: str, path: str, failure: requests.RequestException
    ) -> ApiError:
        if isinstance(failure, requests.ConnectTimeout):
            return RequestTimedOut(
                f"connecting took longer than {self.timeout[0]:g} s",
                method=method,
                path=path,
            )
        if isinstance(failure, requests.Timeout):
            return RequestTimedOut(
                f"no answer within {self.timeout[1]:g} s; the server may still have "
                "acted on the request",
                method=method,
                path=path,
            )
        if isinstance(failure, requests.ConnectionError):
            return ServerUnavailable(
                f"cannot reach the server at {self.base_url}; check the address and "
                "that the server is running",
                method=method,
                path=path,
            )
        return ApiError(
            f"the request failed: {type(failure).__name__}", method=method, path=path
        )

    def _server_message(
        self, response: requests.Response
    ) -> tuple[str | None, dict[str, list[str]]]:
        text = response.text
        try:
            body = jsonio.loads(text) if text.strip() else None
        except ValueError:
            return (_first_line(text) or None), {}
        if not isinstance(body, dict):
            return (_first_line(text) or None), {}
        message = body.get("message")
        field_errors: dict[str, list[str]] = {}
        errors = body.get("errors")
        if isinstance(errors, dict):
            for field, value in errors.items():
                if isinstance(value, list):
                    field_errors[str(field)] = [str(item) for item in value]
                else:
                    field_errors[str(field)] = [str(value)]
        if message is None and not field_errors:
            return (_first_line(text) or None), {}
        return (str(message) if message is not None else None), field_errors

    def _status_error(
        self,
        method: str,
        path: str,
        response: requests.Response,
        retry_after: float | None = None,
    ) -> ApiError:
        status = response.status_code
        server_message, field_errors = self._server_message(response)
        common: dict[str, Any] = {
            "method": method,
            "path": path,
            "status": status,
            "server_message": server_message,
        }
        if status in (401, 403):
            return NotAuthorized(
                "the server refused the token; paste a valid token in the settings",
                **common,
            )
        if status == 404:
            return NotFound("not found", **common)
        if status == 409:
            return Conflict(server_message or "conflicts with existing data", **common)
        if status in (400, 422):
            return ValidationFailed(
                server_message or "the server refused the values",
                field_errors=field_errors,
                **common,
            )
        if status in (408, 504):
            return RequestTimedOut(
                "the server timed out; it may still have acted on the request",
                **common,
            )
        if status in (429, 502, 503) or status >= 500:
            busy = "busy" if status == 429 else "unavailable"
            return ServerUnavailable(
                f"the server is {busy}; try again later",
                retry_after=retry_after,
                **common,
            )
        return ApiError(f"unexpected HTTP status {status}", **common)

    def _answer(self, method: str, path: str, response: requests.Response) -> Any:
        if response.status_code >= 400:
            raise self._status_error(method, path, response)
        text = response.text
        if not text.strip():
            return None
        try:
            return jsonio.loads(text)
        except ValueError as error:
            raise InvalidResponse(
                f"the answer is not JSON ({error}); it begins: {_first_line(text)!r}",
                method=method,
                path=path,
                status=response.status_code,
            ) from error

    # --- parsing --------------------------------------------------------------

    def _parse(self, model: type[ModelT], body: Any, method: str, path: str) -> ModelT:
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            body = body["data"]
        if not isinstance(body, dict):
            raise InvalidResponse(
                f"expected a {model.__name__} object, got "
                f"{type(body).__name__ if body is not None else 'an empty answer'}",
                method=method,
                path=path,
            )
        try:
            return model.model_validate(body)
        except ValidationError as error:
            raise InvalidResponse(
                f"the {model.__name__} did not parse: {_describe_validation(error)}",
                method=method,
                path=path,
            ) from error

    def _parse_items(
        self, model: type[ModelT], items: list[Any], method: str, path: str
    ) -> list[ModelT]:
        parsed = []
        for index, item in enumerate(items):
            try:
                parsed.append(model.model_validate(item))
            except ValidationError as error:
                raise InvalidResponse(
                    f"item {index} is not a {model.__name__}: "
                    f"{_describe_validation(error)}",
                    method=method,
                    path=path,
                ) from error
        return parsed

    def _page_shape(
        self, body: Any, path: str
    ) -> tuple[list[Any], int | None, int | None, int | None, bool | None]:
        """(items, current_page, last_page, total, has_next) of one list answer."""
        if isinstance(body, list):
            return body, None, None, None, None
        if not isinstance(body, dict) or not isinstance(body.get("data"), list):
            got = type(body).__name__ if body is not None else "an empty answer"
            keys = f" with keys {sorted(body)[:8]}" if isinstance(body, dict) else ""
            raise InvalidResponse(
                f"expected a JSON array or an object with a 'data' array, got "
                f"{got}{keys}",
                method="GET",
                path=path,
            )
        raw_meta = body.get("meta")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        links = body.get("links") if isinstance(body.get("links"), dict) else None

        def number(key: str) -> int | None:
            value = body.get(key, meta.get(key))
            try:
                return int(value) if value is not None else None
            except (TypeError, ValueError):
                return None

        has_next = None
        if links is not None and "next" in links:
            has_next = bool(links["next"])
        return (
            body["data"],
            number("current_page"),
            number("last_page"),
            number("total"),
            has_next,
        )

    def _iter_pages(
        self,
        model: type[ModelT],
        relative: str,
        extra_params: Mapping[str, str] | None = None,
        page_size: int | None = None,
    ) -> Iterator[tuple[list[ModelT], int | None]]:
        size = page_size or self.page_size
        path = self._path(relative)
        previous_first: Any = None
        for number in range(1, MAX_PAGES + 1):
            params = {
                "new_pagination": "true",
                "page[num]": str(number),
                "page[size]": str(size),
            }
            params.update(extra_params or {})
            body = self.request("GET", relative, params=params)
            items, current, last, total, has_next = self._page_shape(body, path)
            if number > 1 and items and items[0] == previous_first:
                # The server ignores paging and sent the first page again.
                return
            yield self._parse_items(model, items, "GET", path), total
            previous_first = items[0] if items else None

            if not items:
                return
            if has_next is not None:
                more = has_next
            elif last is not None:
                more = (current if current is not None else number) < last
            elif total is not None:
                more = number * size < total
            else:
                more = len(items) >= size
            if not more:
                return
        raise InvalidResponse(
            f"the list did not end after {MAX_PAGES} pages",
            method="GET",
            path=path,
        )

    def _list(self, model: type[ModelT], relative: str, **kwargs: Any) -> list[ModelT]:
        result: list[ModelT] = []
        for items, _total in self._iter_pages(model, relative, **kwargs):
            result.extend(items)
        return result

    def _send(
        self, method: str, relative: str, model: type[ModelT], write: BaseModel
    ) -> ModelT:
        body = self.request(method, relative, body=write.model_dump(mode="python"))
        return self._parse(model, body, method, self._path(relative))

    # --- 1. groups ------------------------------------------------------------

    def list_groups(self) -> list[Group]:
        return self._list(Group, "groupGoods")

    def create_group(self, group: GroupWrite) -> Group:
        return self._send("POST", "groupGoods", Group, group)

    def update_group(self, guid: str, group: GroupWrite) -> Group:
        return self._send("PUT", f"groupGoods/{guid}", Group, group)

    # --- 2. price levels ------------------------------------------------------

    def list_price_levels(self) -> list[PriceLevel]:
        return self._list(PriceLevel, "price-level")

    def create_price_level(self, level: PriceLevelWrite) -> PriceLevel:
        return self._send("POST", "price-level", PriceLevel, level)

    def update_price_level(self, guid: str, level: PriceLevelWrite) -> PriceLevel:
        return self._send("PUT", f"price-level/{guid}", PriceLevel, level)

    # --- unit dictionary ------------------------------------------------------

    def list_unit_samples(self) -> list[UnitSample]:
        return self._list(UnitSample, "units")

    # --- products -------------------------------------------------------------

    @staticmethod
    def product_params(
        changed_since: datetime | None = None,
        sort: SortSpec = None,
        filters: FilterSpec = None,
    ) -> dict[str, str]:
        """The query of `GET goods`: section 8's sorting and filtering."""
        params: dict[str, str] = {}
        if sort:
            column, order = (
                (sort["column"], sort.get("order", "ascending"))
                if isinstance(sort, Mapping)
                else sort
            )
            params["sort[column]"] = column
            params["sort[order]"] = order
        for field, spec in (filters or {}).items():
            if isinstance(spec, Mapping):
                for key, value in spec.items():
                    if isinstance(value, Mapping):
                        for sub, item in value.items():
                            params[f"filters[{field}][{key}][{sub}]"] = _query(item)
                    else:
                        params[f"filters[{field}][{key}]"] = _query(value)
            else:
                params[f"filters[{field}][value]"] = _query(spec)
        if changed_since is not None:
            since = changed_since
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            params["filters[time_change][value][from]"] = (
                since.astimezone(UTC).isoformat().replace("+00:00", "Z")
            )
            params["filters[time_change][type]"] = "date_range"
        return params

    def iter_product_pages(
        self,
        *,
        changed_since: datetime | None = None,
        page_size: int | None = None,
        sort: SortSpec = None,
        filters: FilterSpec = None,
    ) -> Iterator[tuple[list[Product], int | None]]:
        """Products page by page, each with the total the server reported (or None)."""
        params = self.product_params(changed_since, sort, filters)
        return self._iter_pages(Product, "goods", params, page_size)

    def list_products(
        self,
        *,
        changed_since: datetime | None = None,
        page_size: int | None = None,
        sort: SortSpec = None,
        filters: FilterSpec = None,
    ) -> list[Product]:
        result: list[Product] = []
        for items, _total in self.iter_product_pages(
            changed_since=changed_since, page_size=page_size, sort=sort, filters=filters
        ):
            result.extend(items)
        return result

    def get_product(self, guid: str) -> Product:
        relative = f"goods/{guid}"
        body = self.request("GET", relative)
        return self._parse(Product, body, "GET", self._path(relative))

    def update_product(self, guid: str, product: BaseModel) -> Product:
        """PUT goods/{guid}; unknown fields of a read `Product` are sent back as is."""
        return self._send("PUT", f"goods/{guid}", Product, product)

    def reserve_product_id(self) -> ProductReservation:
        relative = "goods/id/last"
        body = self.request("POST", relative)
        return self._parse(ProductReservation, body, "POST", self._path(relative))

    def create_product(self, product: ProductWrite) -> Product:
        return self._send("POST", "goods", Product, product)

    # --- 3. units -------------------------------------------------------------

    def list_units(self, guid: str) -> list[ProductUnit]:
        return self._list(ProductUnit, f"goods/{guid}/units")

    def create_unit(self, guid: str, unit: ProductUnitWrite) -> ProductUnit:
        return self._send("POST", f"goods/{guid}/units", ProductUnit, unit)

    def update_unit(
        self, guid: str, unit_guid: str, unit: ProductUnitWrite
    ) -> ProductUnit:
        # The document: PUT takes the same fields as POST except id_unit.
        body = unit.model_dump(mode="python", exclude={"id_unit"})
        relative = f"goods/{guid}/units/{unit_guid}"
        answer = self.request("PUT", relative, body=body)
        return self._parse(ProductUnit, answer, "PUT", self._path(relative))

    # --- 4. series ------------------------------------------------------------

    def list_series(self, guid: str) -> list[Series]:
        return self._list(Series, f"goods/{guid}/series")

    def create_series(self, guid: str, series: SeriesWrite) -> Series:
        return self._send("POST", f"goods/{guid}/series", Series, series)

    # --- 5. prices ------------------------------------------------------------

    def list_prices(self, guid: str) -> list[Price]:
        return self._list(Price, f"goods/{guid}/goodsPrice/prices")

    def create_price(self, guid: str, price: PriceWrite) -> Price:
        return self._send("POST", f"goods/{guid}/goodsPrice", Price, price)

    # --- 6. barcodes ----------------------------------------------------------

    def list_barcodes(self, guid: str) -> list[Barcode]:
        return self._list(Barcode, f"goods/{guid}/barcodes")

    def create_barcode(self, guid: str, barcode: BarcodeWrite) -> Barcode:
        return self._send("POST", f"goods/{guid}/barcodes", Barcode, barcode)

    def update_barcode(
        self, guid: str, barcode_guid: str, barcode: BarcodeWrite
    ) -> Barcode:
        return self._send(
            "PUT", f"goods/{guid}/barcodes/{barcode_guid}", Barcode, barcode
        )


def _query(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        when = value if value.tzinfo else value.replace(tzinfo=UTC)
        return when.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(value)
