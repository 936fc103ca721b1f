"""Errors raised by the gateway client, and how error bodies map onto them.

Every failure of a gateway call surfaces as a :class:`GatewayError` subclass; httpx
exceptions never leave this package (they are chained as ``__cause__``). The split
that matters to the checkout is whether the request may have taken effect:

* :class:`GatewayUnavailable` - it certainly did not (nothing reached the gateway,
  or the gateway refused before doing anything). Safe to retry as is.
* :class:`OutcomeUnknown` - it may have (timeout after sending, dropped connection,
  5xx, unreadable reply). Resolve with an order-status read before retrying.
* Everything else - the gateway answered with a definite refusal.

:class:`MalformedResponse` is a subclass of :class:`OutcomeUnknown` for every call,
reads included: a 2xx whose body we cannot read means the gateway accepted the request
and we do not know what it decided, which is exactly "outcome unknown". For a read,
the remedy (ask again) is the same and harmless.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from typing import Any, NamedTuple

import httpx
from pydantic import ValidationError

__all__ = [
    "AuthenticationError",
    "FieldError",
    "GatewayError",
    "GatewayUnavailable",
    "InvalidRequest",
    "MalformedResponse",
    "NotFound",
    "OrderNotFound",
    "OutcomeUnknown",
    "TokenExpired",
    "error_from_body",
    "error_from_response",
    "excerpt",
    "from_transport_error",
    "looks_like_error",
    "malformed",
    "narrow",
]

_EXCERPT_LIMIT = 300
_GATEWAY_USER_MESSAGE_LIMIT = 120
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


class FieldError(NamedTuple):
    """One ``error_info.fields`` entry of the structured error shape."""

    field_name: str
    reason: str


class GatewayError(Exception):
    """A gateway call failed.

    ``code`` is the gateway's error code (``error_info.code`` or ``error_code``) when
    there is one; ``message`` a readable, HTML-free description for logs;
    ``body_excerpt`` a short, sanitised start of the reply for support.
    """

    #: Whether the request may have changed anything at the gateway.
    may_have_taken_effect = False
    _default_user_message = "The payment gateway reported an error."

    def __init__(
        self,
        code: str | None,
        message: str,
        http_status: int | None = None,
        body_excerpt: str | None = None,
        *,
        status: str | None = None,
        category: str | None = None,
        gateway_user_message: str | None = None,
        fields: tuple[FieldError, ...] = (),
        structured: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status
        self.body_excerpt = body_excerpt
        self.status = status
        self.category = category
        self.gateway_user_message = gateway_user_message
        self.fields = fields
        #: Whether the error was read from a JSON error body (not a page or timeout).
        self.structured = structured

    def __str__(self) -> str:
        extra = [f"code {self.code}" if self.code else "", self._http_label()]
        details = ", ".join(part for part in extra if part)
        return f"{self.message} ({details})" if details else self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
            f"http_status={self.http_status!r})"
        )

    def _http_label(self) -> str:
        return f"HTTP {self.http_status}" if self.http_status is not None else ""

    @property
    def user_message(self) -> str:
        """A short sentence fit for the cashier's screen.

        It says what went wrong, not whether money moved: that is the checkout's
        call (``may_have_taken_effect`` tells it which case it is in).
        """
        return self._default_user_message


class AuthenticationError(GatewayError):
    """The gateway rejected our credentials (HTTP 401/403, ``access_denied``)."""

    _default_user_message = (
        "The payment gateway rejected this terminal's credentials. "
        "Ask a manager to check the gateway settings."
    )


class InvalidRequest(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The gateway refused the request as invalid (HTTP 400 and other 4xx)."""

    _default_user_message = "The payment gateway refused the request."

    @property
    def user_message(self) -> str:
        # error_info.user_message is meant for end users; keep it only when short.
        text = (self.gateway_user_message or "").strip()
        if text and len(text) <= _GATEWAY_USER_MESSAGE_LIMIT:
            return text
        return self._default_user_message


class TokenExpired(InvalidRequest):
    """A single-use wallet token was expired or already used (code ``EXPIRED``)."""

    _default_user_message = "The wallet session expired. Please try the payment again."

    @property
    def user_message(self) -> str:
        return self._default_user_message


class NotFound(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The object does not exist (HTTP 404, ``object_not_found``)."""

    _default_user_message = "The payment gateway has no record of this."


class OrderNotFound(NotFound):
    """The order id is unknown to the gateway (``NOT_FOUND``, ``status_id`` 40)."""

    _default_user_message = "The payment gateway has no record of this order."


class GatewayUnavailable(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The gateway could not be reached; the request certainly did not take effect."""

    _default_user_message = (
        "Cannot reach the payment gateway. Check the connection and try again."
    )


class OutcomeUnknown(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The request may have taken effect but we did not get a usable answer."""

    may_have_taken_effect = True
    _default_user_message = "The payment gateway did not answer in time."


class MalformedResponse(OutcomeUnknown):
    """A 2xx reply whose body is not the JSON we need."""

    _default_user_message = "The payment gateway sent a reply that could not be read."


# -- mapping replies to errors ------------------------------------------------


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
