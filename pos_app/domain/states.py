"""The payment attempt state machine and how gateway statuses map onto it.

Status only moves forward. Every allowed move is listed in :data:`TRANSITIONS`; any
other is refused with :class:`IllegalTransition`, so a late or repeated event can never
walk an attempt backwards (for example from ``charged`` to ``failed``).
"""

from __future__ import annotations

import enum

__all__ = [
    "TERMINAL",
    "TRANSITIONS",
    "AttemptStatus",
    "Flow",
    "GatewayStatus",
    "IllegalTransition",
    "SaleStatus",
    "check_transition",
    "classify_gateway_status",
]


class AttemptStatus(enum.StrEnum):
    CREATED = "created"
    AWAITING_LINK = "awaiting_link"
    SUBMITTING = "submitting"
    AWAITING_CUSTOMER = "awaiting_customer"
    UNKNOWN = "unknown"
    CHARGED = "charged"
    FAILED = "failed"
    CANCELLED = "cancelled"


class SaleStatus(enum.StrEnum):
    OPEN = "open"  # cart fixed, not paid yet (attempts may be running)
    PAID = "paid"
    CANCELLED = "cancelled"


class Flow(enum.StrEnum):
    """How a payment reached the gateway; shown to managers and used in reports."""

    DIRECT_DEBIT = "direct_debit"
    LINK_AND_PAY = "link_and_pay"
    CCT_TOPUP = "cct_topup"
    REDIRECT_OTP = "redirect_otp"


A = AttemptStatus

TRANSITIONS: dict[AttemptStatus, frozenset[AttemptStatus]] = {
    A.CREATED: frozenset({A.AWAITING_LINK, A.SUBMITTING, A.CANCELLED, A.FAILED}),
    A.AWAITING_LINK: frozenset({A.SUBMITTING, A.CANCELLED, A.FAILED}),
    A.SUBMITTING: frozenset({A.CHARGED, A.AWAITING_CUSTOMER, A.FAILED, A.UNKNOWN}),
    A.AWAITING_CUSTOMER: frozenset({A.CHARGED, A.FAILED, A.CANCELLED, A.UNKNOWN}),
    A.UNKNOWN: frozenset({A.CHARGED, A.FAILED}),
    A.CHARGED: frozenset(),
    A.FAILED: frozenset(),
    A.CANCELLED: frozenset(),
}

TERMINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


class IllegalTransition(Exception):  # noqa: N818 - reads as what happened
    """A move the state machine does not allow (backwards, or out of a final state)."""

    def __init__(self, current: AttemptStatus, target: AttemptStatus) -> None:
        super().__init__(f"attempt cannot move from {current} to {target}")
        self.current = current
        self.target = target


def check_transition(current: AttemptStatus, target: AttemptStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise IllegalTransition(current, target)


class GatewayStatus(enum.Enum):
    """What a Juspay order/transaction status means for us."""

    SUCCESS = "success"
    FAILURE = "failure"
    PENDING = "pending"  # keep waiting: customer or bank still busy
    NO_TRANSACTION = "no_transaction"  # order exists (NEW) but nothing was attempted
    NOT_FOUND = "not_found"  # the order was never created


_SUCCESS = {"CHARGED"}
_FAILURE = {
    "JUSPAY_DECLINED",
    "AUTHENTICATION_FAILED",
    "AUTHORIZATION_FAILED",
    "CAPTURE_FAILED",
    "VOIDED",
    "VOID_FAILED",
    "AUTO_REFUNDED",
    "FAILURE",
    "FAILED",
}
_PENDING = {
    "STARTED",
    "PENDING",
    "PENDING_VBV",
    "VBV_SUCCESSFUL",
    "AUTHORIZING",
    "AUTHORIZED",
    "CAPTURE_INITIATED",
    "VOID_INITIATED",
    "PENDING_AUTHENTICATION",
    "TO_BE_CHARGED",
    "PARTIAL_CHARGED",
}


def classify_gateway_status(status: str | None) -> GatewayStatus:
    """Map a Juspay status string to what the checkout should do with it.

    Only ``CHARGED`` is success (the legacy guidance). Unknown strings are treated as
    pending, never as failure: a status we do not recognise must be resolved by asking
    again, not by guessing that no money moved.
    """
    value = (status or "").strip().upper()
    if value in _SUCCESS:
        return GatewayStatus.SUCCESS
    if value in _FAILURE:
        return GatewayStatus.FAILURE
    if value in {"NEW", "CREATED"}:
        return GatewayStatus.NO_TRANSACTION
    if value == "NOT_FOUND":
        return GatewayStatus.NOT_FOUND
    return GatewayStatus.PENDING
