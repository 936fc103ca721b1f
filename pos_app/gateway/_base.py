"""The HTTP plumbing shared by every gateway call: one ``httpx.Client``, errors, logs.

Blocking: call it from a worker thread, never from the GUI thread. Every failure is
raised as a :mod:`pos_app.gateway.errors` type with the httpx exception chained.

Only the method, the path, the status, the time and our request id are logged: form
bodies (tokens, link codes, mobile numbers) and the ``Authorization`` header never
are. httpx itself logs each request URL at INFO, so nothing secret goes in a URL.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway.config import GatewayConfig

# The calls log under the client module's name, as they did before this split.
_log = logging.getLogger("pos_app.gateway.client")
_T = TypeVar("_T")
_FORM = "application/x-www-form-urlencoded"


def segment(value: str) -> str:
    """Escape one id for a URL path; an empty id is a bug, not a request."""
    if not value:
        raise ValueError("an id in a gateway path cannot be empty")
    return quote(value, safe="")


def flag(value: bool) -> str:
    return "true" if value else "false"


class ClientBase:
    """Owns the connection and turns each call into a decoded body or an error.

    ``transport`` is for tests: an ``httpx.MockTransport`` or any other transport.
    """

    def __init__(
        self, config: GatewayConfig, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self._config = config
        self._http = httpx.Client(
            base_url=config.base_url,
            auth=httpx.BasicAuth(config.api_key, ""),
            headers={
                "x-merchantid": config.merchant_id,
                "version": config.version,
                "Accept": "application/json",
                "User-Agent": config.user_agent,
            },
            timeout=self._timeout(config.read_timeout),
            transport=transport,
            follow_redirects=False,
        )
        self._scope = threading.local()  # per worker thread: see routing()

    def __repr__(self) -> str:
        cfg = self._config
        return f"<{type(self).__name__} {cfg.base_url} merchant={cfg.merchant_id}>"

    @property
    def config(self) -> GatewayConfig:
        return self._config

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------

    def _timeout(self, read: float) -> httpx.Timeout:
        cfg = self._config
        return httpx.Timeout(
            connect=cfg.connect_timeout, read=read, write=read, pool=read
        )

    @contextlib.contextmanager
    def routing(self, routing_id: str) -> Iterator[None]:
        """Send ``x-routing-id: routing_id`` on every call made inside the block.

        The reference (1.3) wants one routing id on all calls for one customer;
        a checkout knows the customer before it knows order or wallet ids, so it
        opens the scope once. It is per thread, so workers never mix customers.
        """
        previous = getattr(self._scope, "routing_id", None)
        self._scope.routing_id = routing_id
        try:
            yield
        finally:
            self._scope.routing_id = previous

    def _call(
        self,
        method: str,
        path: str,
        *,
        form: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        routing_id: str | None = None,
        read_timeout: float | None = None,
        not_found: type[errors.NotFound] = errors.NotFound,
    ) -> Any:
        """Send one request and return the decoded JSON body, or raise."""
        headers = {"x-request-id": uuid.uuid4().hex}
        routing_id = getattr(self._scope, "routing_id", None) or routing_id
        if routing_id:
            headers["x-routing-id"] = routing_id
        if form is not None:
            headers["Content-Type"] = _FORM
        timeout = self._timeout(read_timeout or self._config.read_timeout)

        started = time.monotonic()
        try:
            response = self._http.request(
                method, path, data=form, params=params, headers=headers, timeout=timeout
            )
        except httpx.HTTPError as exc:
            _log.debug(
                "%s %s failed after %.0f ms: %r",
                method,
                path,
                (time.monotonic() - started) * 1000,
                exc,
            )
            raise errors.from_transport_error(exc, method, path) from exc
        elapsed = (time.monotonic() - started) * 1000
        _log.debug(
            "%s %s -> %s in %.0f ms (request %s)",
            method,
            path,
            response.status_code,
            elapsed,
            headers["x-request-id"],
        )

        try:
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            error = errors.error_from_response(
                response.status_code,
                response.text,
                response.headers.get("content-type", ""),
            )
            raise errors.narrow(error, not_found) from exc

        try:
            body = m.decode_json(response.text)
        except ValueError as exc:
            raise errors.MalformedResponse(
                None,
                f"The payment gateway sent a reply that is not JSON "
                f"(HTTP {response.status_code})",
                response.status_code,
                errors.excerpt(response.text) or None,
            ) from exc
        if errors.looks_like_error(body):
            raise errors.narrow(
                errors.error_from_body(response.status_code, body, response.text),
                not_found,
            )
        return body

    def _parse(self, parse: Callable[[Any], _T], body: Any, what: str) -> _T:
        try:
            return parse(body)
        except (ValidationError, ValueError, TypeError) as exc:
            raise errors.malformed(what, exc) from exc

    def _parse_list(self, parse: Callable[[Any], _T], body: Any, key: str) -> list[_T]:
        try:
            return m.parse_list(body, key, parse)
        except (ValidationError, ValueError, TypeError) as exc:
            raise errors.malformed(key, exc) from exc
