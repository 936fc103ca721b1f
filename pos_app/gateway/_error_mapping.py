"""How gateway replies and httpx failures map onto the error types.

Every reply shape of reference 1.5, 3.5 and 6.2 is read here; the types themselves
live in :mod:`pos_app.gateway._error_types` and are re-exported by
:mod:`pos_app.gateway.errors`.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from typing import Any

import httpx
from pydantic import ValidationError

from pos_app.gateway._error_types import (
    AuthenticationError,
    DuplicateRequest,
    FieldError,
    GatewayError,
    GatewayUnavailable,
    InvalidRequest,
    MalformedResponse,
    NotFound,
    OrderNotFound,
    OutcomeUnknown,
    RefundExceeded,
    TokenExpired,
)

__all__ = [
    "error_from_body",
    "error_from_response",
    "excerpt",
    "from_transport_error",
    "looks_like_error",
    "malformed",
    "narrow",
]

_EXCERPT_LIMIT = 300
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)

# Status strings of the error shapes in reference 1.5 / 3.5 / 6.2.
_ERROR_STATUSES = {
    "ERROR",
    "NOT_FOUND",
    "BAD REQUEST",
    "INVALID REQUEST",
    "INVALID AUTHENTICATION",
}
_AUTH_CODES = {"ACCESS_DENIED", "UNAUTHORIZED", "UNAUTHENTICATED", "BAD_ORIGIN"}
_NOT_FOUND_CODES = {"OBJECT_NOT_FOUND", "RESOURCE_NOT_FOUND"}
# duplicate.call is the refund code (reference 3.5); DUPLICATE_REQUEST the generic one.
_DUPLICATE_CODES = {"DUPLICATE.CALL", "DUPLICATE_REQUEST"}
_EXCEEDED_CODES = {"INVALID.AMOUNT.EXCEEDED"}


def excerpt(text: str) -> str:
    """Shorten a reply body for logs: tags stripped, spaces collapsed, truncated."""
    plain = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()
    return plain if len(plain) <= _EXCERPT_LIMIT else plain[:_EXCERPT_LIMIT] + "..."


def _is_html(text: str, content_type: str) -> bool:
    head = text.lstrip()[:200].lower()
    return "html" in content_type.lower() or head.startswith(("<!doctype", "<html"))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | Decimal) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def looks_like_error(body: object) -> bool:
    """Whether a decoded 2xx body is one of the documented error shapes.

    The HTTP code of some error bodies is unconfirmed (for example the
    ``NOT_FOUND``/40 reply for an unknown order), so a 200 carrying one is treated as
    the error it describes.
    """
    if not isinstance(body, dict):
        return False
    status = (_text(body.get("status")) or "").upper()
    status_id = _text(body.get("status_id"))
    return status in _ERROR_STATUSES or status_id in {"-1", "40"}


def error_from_body(http_status: int, body: dict[str, Any], raw: str) -> GatewayError:
    """Build the error for a decoded JSON error body (any shape of reference 1.5)."""
    raw_info = body.get("error_info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    status = _text(body.get("status"))
    status_id = _text(body.get("status_id"))
    code = _text(info.get("code")) or _text(body.get("error_code"))
    error_code = _text(body.get("error_code"))
    message = (
        _text(body.get("error_message"))
        or _text(info.get("developer_message"))
        or _text(info.get("user_message"))
        or _text(body.get("user_message"))
        or status
        or f"The payment gateway returned HTTP {http_status}"
    )
    listed = info.get("fields")
    raw_fields: list[Any] = listed if isinstance(listed, list) else []
    fields = tuple(
        FieldError(_text(f.get("field_name")) or "", _text(f.get("reason")) or "")
        for f in raw_fields
        if isinstance(f, dict)
    )
    kwargs: dict[str, Any] = {
        "status": status,
        "category": _text(info.get("category")),
        "gateway_user_message": _text(info.get("user_message"))
        or _text(body.get("user_message")),
        "fields": fields,
        "structured": True,
    }
    codes = {c.upper() for c in (code, error_code) if c}
    upper_status = (status or "").upper()
    excerpt_text = excerpt(raw)

    cls: type[GatewayError]
    if http_status >= 500:
        cls = OutcomeUnknown
    elif upper_status == "NOT_FOUND" or status_id == "40":
        cls = OrderNotFound
        if code is None and _text(body.get("order_id")):
            message = f"Order {_text(body.get('order_id'))} not found"
    elif "EXPIRED" in codes:
        cls = TokenExpired
    elif codes & _DUPLICATE_CODES:
        cls = DuplicateRequest
    elif codes & _EXCEEDED_CODES:
        cls = RefundExceeded
    elif (
        http_status in {401, 403}
        or codes & _AUTH_CODES
        or upper_status == "INVALID AUTHENTICATION"
    ):
        cls = AuthenticationError
    elif http_status == 404 or codes & _NOT_FOUND_CODES:
        cls = NotFound
    elif "NULL_ERROR" in codes and "not found" in message.lower():
        # Refresh-balances on an unknown customer answers "Invalid Request" /
        # null_error / "Customer not found for given customerId." (reference 6.2).
        cls = NotFound
    elif http_status == 429:
        # No throttling status is documented (unconfirmed); a 429 is a refusal
        # before anything happened, so the request is safe to repeat later.
        cls = GatewayUnavailable
    else:
        cls = InvalidRequest
    return cls(code, message, http_status, excerpt_text, **kwargs)


def error_from_response(
    http_status: int, text: str, content_type: str = ""
) -> GatewayError:
    """Build the error for a non-2xx reply, whatever its body."""
    if 300 <= http_status < 400:
        # Redirects are not followed: the API never redirects, so something between
        # us and it did, after the request may have been processed.
        message = f"The payment gateway redirected the request (HTTP {http_status})"
        return OutcomeUnknown(None, message, http_status, excerpt(text) or None)
    try:
        body = json.loads(text, parse_float=Decimal) if text.strip() else None
    except ValueError:
        body = None
    if isinstance(body, dict):
        return error_from_body(http_status, body, text)

    if not text.strip():
        message = f"The payment gateway returned an empty reply (HTTP {http_status})"
    elif _is_html(text, content_type):
        message = f"The payment gateway returned an error page (HTTP {http_status})"
    else:
        message = (
            f"The payment gateway returned an unreadable reply (HTTP {http_status})"
        )
    title = _TITLE.search(text)
    body_excerpt = excerpt(title.group(1)) if title else excerpt(text) or None

    cls: type[GatewayError]
    if http_status >= 500:
        cls = OutcomeUnknown
    elif http_status in {401, 403}:
        cls = AuthenticationError
    elif http_status == 404:
        cls = NotFound
    elif http_status == 429:
        cls = GatewayUnavailable
    else:
        cls = InvalidRequest
    return cls(None, message, http_status, body_excerpt)


def malformed(what: str, exc: Exception) -> MalformedResponse:
    if isinstance(exc, ValidationError):
        # Locations and messages only: the input values may hold tokens.
        detail = "; ".join(
            f"{'.'.join(str(part) for part in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors(include_url=False, include_input=False)
        )
    else:
        detail = str(exc) or type(exc).__name__
    return MalformedResponse(
        None, f"The payment gateway sent an unexpected {what} reply: {detail}"
    )


def narrow(error: GatewayError, not_found: type[NotFound]) -> GatewayError:
    """Give a not-found error the endpoint's own type (``OrderNotFound`` on status).

    Only errors read from a JSON body are narrowed: an HTML 404 page (a proxy, a
    wrong base URL) must not be taken as proof that an order was never created.
    """
    if isinstance(error, NotFound) and type(error) is not not_found:
        if not error.structured and issubclass(not_found, OrderNotFound):
            return error
        return not_found(
            error.code,
            error.message,
            error.http_status,
            error.body_excerpt,
            status=error.status,
            category=error.category,
            gateway_user_message=error.gateway_user_message,
            fields=error.fields,
            structured=error.structured,
        )
    return error


def from_transport_error(exc: httpx.HTTPError, method: str, path: str) -> GatewayError:
    """Map an httpx exception to whether the request may have taken effect."""
    where = f"{method} {path}"
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return GatewayUnavailable(
            "CONNECT_TIMEOUT", f"Timed out connecting to the payment gateway ({where})"
        )
    if isinstance(
        exc, httpx.ConnectError | httpx.ProxyError | httpx.UnsupportedProtocol
    ):
        return GatewayUnavailable(
            "CONNECT_FAILED",
            f"Could not connect to the payment gateway ({where}): {exc}",
        )
    if isinstance(exc, httpx.TimeoutException):  # read or write timeout
        return OutcomeUnknown(
            "TIMEOUT", f"The payment gateway did not answer in time ({where})"
        )
    # ReadError, WriteError, RemoteProtocolError and anything unforeseen: the request
    # may have been received, so the outcome is unknown.
    return OutcomeUnknown(
        "CONNECTION_LOST",
        f"The connection to the payment gateway broke ({where}): {exc}",
    )
