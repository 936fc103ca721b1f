"""Records the ledger keeps, and the order-status precedence rule.

Plain mutable dataclasses; only touch them while holding ``Ledger.lock``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "CONSENT_STATUSES",
    "FINAL_STATUSES",
    "STATUS_IDS",
    "BreakupLine",
    "ConsentSession",
    "Customer",
    "LinkCode",
    "Order",
    "Refund",
    "Token",
    "Txn",
    "Wallet",
    "primary_txn",
]

STATUS_IDS = {
    "NEW": 10,
    "STARTED": 20,
    "CHARGED": 21,
    "JUSPAY_DECLINED": 22,
    "PENDING_VBV": 23,
    "AUTHENTICATION_FAILED": 26,
    "AUTHORIZATION_FAILED": 27,
    "AUTHORIZING": 28,
}

FINAL_STATUSES = frozenset(
    {"CHARGED", "AUTHENTICATION_FAILED", "AUTHORIZATION_FAILED", "JUSPAY_DECLINED"}
)
CONSENT_STATUSES = ("PENDING", "ALLOWED", "DENIED", "EXPIRED", "LINKED")

# Order status = status of the highest-ranked txn (ties: the latest one).
_PRECEDENCE = {"CHARGED": 3, "PENDING_VBV": 2, "AUTHORIZING": 2}


@dataclass
class Customer:
    id: str
    object_reference_id: str
    mobile_number: str
    mobile_country_code: str
    email_address: str
    first_name: str
    last_name: str
    created: datetime
    updated: datetime


@dataclass
class Wallet:
    id: str
    customer_id: str
    mobile_number: str
    linked: bool
    balance_paise: int
    declines: bool
    last_refreshed: datetime
    wallet: str = "AMAZONPAY"
    # Set once a consent session was started for the wallet (see linking.py).
    consent_status: str | None = None
    consent_session: str | None = None  # the open (PENDING) session, if any


@dataclass
class ConsentSession:
    """One Amazon consent screen opened by ``authenticate``."""

    id: str
    wallet_id: str
    return_url: str
    expires_at: float  # on the ledger's monotonic clock
    status: str = "PENDING"  # PENDING, ALLOWED, DENIED, EXPIRED


@dataclass
class LinkCode:
    """The single-use code an Allow issues; ``command=link`` takes it as ``otp``."""

    value: str
    wallet_id: str
    expires_at: float
    used: bool = False


@dataclass
class Token:
    value: str
    wallet_id: str
    customer_id: str
    expires_at: float  # on the ledger's monotonic clock
    used: bool = False


@dataclass
class Txn:
    txn_id: str
    txn_uuid: str
    order_id: str
    status: str
    flow: str  # DIRECT_DEBIT or REDIRECT_DEBIT
    amount_paise: int
    created: datetime
    updated: datetime
    auth_path: str  # where payment.authentication.url points, below the base URL
    payment_method_type: str = "WALLET"
    payment_method: str = "AMAZONPAY"
    wallet_id: str | None = None
    epg_txn_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    gateway: str = "AMAZONPAY"
    breakup: list[BreakupLine] = field(default_factory=list)
    otp: str | None = None  # redirect (OTP) payments only
    otp_tries_left: int = 0


@dataclass(frozen=True, slots=True)
class BreakupLine:
    """How part of a txn amount was paid (``txn_detail.txn_amount_breakup``)."""

    name: str
    amount_paise: int
    method: str


@dataclass
class Refund:
    """One refund of a charged order (see :mod:`~pos_app.sandbox.refunds`)."""

    unique_request_id: str
    amount_paise: int
    created: datetime
    created_at: float  # on the ledger's monotonic clock
    settle_at: float  # when it leaves PENDING, same clock
    outcome: str  # the status it settles to: SUCCESS, FAILURE or MANUAL_REVIEW
    ref: str  # Amazon's refund id (``S04-...-R...``), also the ARN
    wallet_id: str | None  # where the money goes back on SUCCESS
    status: str = "PENDING"
    sent_to_gateway: bool = False
    error_code: str | None = "Pending"
    error_message: str | None = "Pending"


@dataclass
class Order:
    id: str
    order_id: str
    merchant_id: str
    amount_paise: int
    currency: str
    customer_id: str
    customer_email: str
    customer_phone: str
    product_id: str
    description: str
    return_url: str
    udfs: dict[str, str]
    created: datetime
    updated: datetime
    txns: list[Txn] = field(default_factory=list)
    refunds: list[Refund] = field(default_factory=list)


def primary_txn(order: Order) -> Txn | None:
    """Return the transaction whose status is the order's status."""
    best: Txn | None = None
    for txn in order.txns:
        if best is None or _PRECEDENCE.get(txn.status, 1) >= _PRECEDENCE.get(
            best.status, 1
        ):
            best = txn
    return best
