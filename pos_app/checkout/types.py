"""Plain values the checkout hands to the screens (no Qt, no I/O).

The UI renders these and nothing else: it never sees gateway models or database rows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import Flow

__all__ = [
    "CustomerInfo",
    "MethodOption",
    "Outcome",
    "PaymentResult",
    "Receipt",
    "WalletInfo",
]


@dataclass(frozen=True, slots=True)
class MethodOption:
    """One payment method the merchant has enabled at the gateway."""

    method_type: str  # WALLET, UPI, CARD, NB, ...
    method: str  # AMAZONPAY, ...
    label: str  # what the customer reads: "Amazon Pay"
    supported: bool  # can this terminal take it?
    reason: str = ""  # why not, when not supported
    direct_debit: bool = False

    @property
    def key(self) -> str:
        return f"{self.method_type}:{self.method}"

    @property
    def is_amazon_pay(self) -> bool:
        return self.method_type == "WALLET" and self.method == "AMAZONPAY"


@dataclass(frozen=True, slots=True)
class WalletInfo:
    """The customer's Amazon Pay wallet as last read from the gateway."""

    linked: bool
    balance: Money | None = None
    refreshed_at: datetime | None = None
    wallet_id: str = ""


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    """The customer at the counter. Only the masked number is ever kept here."""

    masked_phone: str
    customer_id: str
    amazon_pay: WalletInfo | None = None

    @property
    def linked(self) -> bool:
        return self.amazon_pay is not None and self.amazon_pay.linked


class Outcome(enum.StrEnum):
    CHARGED = "charged"  # money taken and confirmed by the order status
    DECLINED = "declined"  # the wallet or bank said no; nothing taken
    ERROR = "error"  # we could not ask (gateway down, bad input); nothing taken
    UNKNOWN = "unknown"  # the gateway may have taken it; being checked
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str
    lines: tuple[CartLine, ...]
    total: Money
    paid_at: datetime
    method_label: str
    txn_id: str = ""
    masked_phone: str = ""
    balance_after: Money | None = None


@dataclass(frozen=True, slots=True)
class PaymentResult:
    """How a Pay ended, for the result screen."""

    outcome: Outcome
    order_id: str
    amount: Money
    flow: Flow
    message: str  # for the cashier and the customer: Text, shown with i18n.render
    retryable: bool = False  # may the cashier try again (same or other method)?
    receipt: Receipt | None = None
    error_code: str = ""
    details: dict[str, str] = field(default_factory=dict)  # for "copy details"


class HostedKind(enum.StrEnum):
    CCT = "cct"  # Amazon Pay top-up page: pay the rest by card, UPI or net banking
    OTP = "otp"  # Amazon Pay through another gateway: the customer types an OTP


@dataclass(frozen=True, slots=True)
class HostedStep:
    """The payment continues on a gateway page the customer must see.

    The UI opens ``url`` in the locked-down web view (only ``allowed_hosts``) and
    hands back the URL that hit ``return_url``, or None when the page was closed.
    """

    kind: HostedKind
    order_id: str
    attempt_id: int
    amount: Money
    url: str
    return_url: str
    allowed_hosts: tuple[str, ...]
    flow: Flow
    route: str = "AMAZONPAY"
    covered: Money | None = None  # CCT: what the balance pays
    remaining: Money | None = None  # CCT: what is left for the customer to pay
    method: str = "GET"
    form: tuple[tuple[str, str], ...] = ()  # POST authentications only


class LinkMode(enum.StrEnum):
    QR = "qr"  # the customer scans a QR code and consents on their own phone
    WEB = "web"  # the consent page is shown in the embedded web view


class LinkState(enum.StrEnum):
    WAITING = "waiting"
    LINKED = "linked"
    DENIED = "denied"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class LinkSession:
    """A consent request for linking the customer's Amazon Pay wallet."""

    attempt_id: int
    order_id: str
    wallet_id: str
    customer_id: str
    mode: LinkMode
    consent_url: str
    return_url: str | None
    allowed_hosts: tuple[str, ...]
    expires_at: datetime
    amount: Money
