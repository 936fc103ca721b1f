"""The exception types of the gateway client (import them from ``errors``)."""

from __future__ import annotations

from typing import NamedTuple

from pos_app.domain.text import translate

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
]

_GATEWAY_USER_MESSAGE_LIMIT = 120


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
    _default_user_message: str = translate(
        "Gateway", "The payment gateway reported an error."
    )

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

        Ours are :class:`~pos_app.domain.text.Text` (the UI says them with
        ``i18n.render``); the gateway's own ``user_message`` is passed on as it came.

        It says what went wrong, not whether money moved: that is the checkout's
        call (``may_have_taken_effect`` tells it which case it is in).
        """
        return self._default_user_message


class AuthenticationError(GatewayError):
    """The gateway rejected our credentials (HTTP 401/403, ``access_denied``)."""

    _default_user_message: str = translate(
        "Gateway",
        "The payment gateway rejected this terminal's credentials. "
        "Ask a manager to check the gateway settings.",
    )


class InvalidRequest(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The gateway refused the request as invalid (HTTP 400 and other 4xx)."""

    _default_user_message: str = translate(
        "Gateway", "The payment gateway refused the request."
    )

    @property
    def user_message(self) -> str:
        # error_info.user_message is meant for end users; keep it only when short.
        text = (self.gateway_user_message or "").strip()
        if text and len(text) <= _GATEWAY_USER_MESSAGE_LIMIT:
            return text
        return self._default_user_message


class TokenExpired(InvalidRequest):
    """A single-use wallet token was expired or already used (code ``EXPIRED``)."""

    _default_user_message: str = translate(
        "Gateway", "The wallet session expired. Please try the payment again."
    )

    @property
    def user_message(self) -> str:
        return self._default_user_message


class DuplicateRequest(InvalidRequest):
    """The gateway already has this request (refund code ``duplicate.call``).

    For a refund it means one of two things (reference 3.5): a refund with this
    ``unique_request_id`` already exists, or a refund of the same amount was posted
    seconds ago. Either way nothing new was started; read the order status to see
    the refund that exists.
    """

    _default_user_message: str = translate(
        "Gateway",
        "This refund was already requested. Check the sale's refunds before "
        "trying again.",
    )

    @property
    def user_message(self) -> str:
        return self._default_user_message


class RefundExceeded(InvalidRequest):
    """The refund is more than is left to refund (``invalid.amount.exceeded``)."""

    _default_user_message: str = translate(
        "Gateway",
        "The refund is more than the amount still refundable on this sale.",
    )

    @property
    def user_message(self) -> str:
        return self._default_user_message


class NotFound(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The object does not exist (HTTP 404, ``object_not_found``)."""

    _default_user_message: str = translate(
        "Gateway", "The payment gateway has no record of this."
    )


class OrderNotFound(NotFound):
    """The order id is unknown to the gateway (``NOT_FOUND``, ``status_id`` 40)."""

    _default_user_message: str = translate(
        "Gateway", "The payment gateway has no record of this order."
    )


class GatewayUnavailable(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The gateway could not be reached; the request certainly did not take effect."""

    _default_user_message: str = translate(
        "Gateway",
        "Cannot reach the payment gateway. Check the connection and try again.",
    )


class OutcomeUnknown(GatewayError):  # noqa: N818 - name fixed by ARCHITECTURE.md
    """The request may have taken effect but we did not get a usable answer."""

    may_have_taken_effect = True
    _default_user_message: str = translate(
        "Gateway", "The payment gateway did not answer in time."
    )

    @property
    def user_message(self) -> str:
        # Say what happened: a slow answer, a broken line and a server error are
        # different things to a cashier (money may have moved in all three).
        if type(self) is OutcomeUnknown:
            if self.http_status is not None and self.http_status >= 500:
                return translate(
                    "Gateway", "The payment gateway had a problem and could not answer."
                )
            if self.code == "CONNECTION_LOST":
                return translate(
                    "Gateway", "The connection to the payment gateway broke."
                )
        return self._default_user_message


class MalformedResponse(OutcomeUnknown):
    """A 2xx reply whose body is not the JSON we need."""

    _default_user_message: str = translate(
        "Gateway", "The payment gateway sent a reply that could not be read."
    )
