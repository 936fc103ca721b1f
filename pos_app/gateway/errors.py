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

Refunds add two refusals under :class:`InvalidRequest`: :class:`DuplicateRequest`
(``duplicate.call``) and :class:`RefundExceeded` (``invalid.amount.exceeded``).

This module is the public face: the types live in ``_error_types`` and the mapping of
replies onto them in ``_error_mapping``.
"""

from __future__ import annotations

from pos_app.gateway._error_mapping import (
    error_from_body,
    error_from_response,
    excerpt,
    from_transport_error,
    looks_like_error,
    malformed,
    narrow,
)
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
    "AuthenticationError",
    "DuplicateRequest",
    "FieldError",
    "GatewayError",
    "GatewayUnavailable",
    "InvalidRequest",
    "MalformedResponse",
    "NotFound",
    "OrderNotFound",
    "OutcomeUnknown",
    "RefundExceeded",
    "TokenExpired",
    "error_from_body",
    "error_from_response",
    "excerpt",
    "from_transport_error",
    "looks_like_error",
    "malformed",
    "narrow",
]
