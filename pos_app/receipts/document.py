"""The receipt as a document: what it says, independent of paper, PDF or QR.

Build one from the checkout's :class:`~pos_app.checkout.types.Receipt` right after a
charge (:func:`from_receipt`), or from the database for a reprint (:func:`from_store`,
marked duplicate). Renderers (:mod:`pos_app.receipts.layout`,
:mod:`pos_app.receipts.printing`, ``pos_app.ui.receipt_pdf``) only read it.

The customer's number is never in it: only a masked form with at most four digits
(the constructor refuses anything else).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.receipts import ereceipt
from pos_app.receipts.settings import ReceiptSettings, StoreInfo

if TYPE_CHECKING:
    from pos_app.checkout.types import Receipt
    from pos_app.store.models import Attempt, Sale
    from pos_app.store.repository import Store

__all__ = [
    "BALANCE_LABEL",
    "TOPUP_LABEL",
    "PaymentPart",
    "ReceiptDocument",
    "ReceiptLine",
    "ReceiptUnavailable",
    "from_receipt",
    "from_store",
    "method_label",
]

BALANCE_LABEL = "Amazon Pay balance"
TOPUP_LABEL = "Top-up on Amazon Pay page"
# The Amazon Pay routes through another gateway, as pos_app.checkout.service names
# them (not imported: that module pulls in the gateway client).
_ROUTE_NAMES = {
    "PAYU": "PayU",
    "RAZORPAY": "Razorpay",
    "GOCASHFREE": "Cashfree",
    "BILLDESK": "BillDesk",
}
_DIGIT = re.compile(r"\d")


class ReceiptUnavailable(LookupError):  # noqa: N818 - reads as what happened
    """No receipt can be printed for this order (unknown, or not paid)."""


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    quantity: int
    unit_price: Money
    sku: str = ""

    @property
    def total(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class PaymentPart:
    """One part of how the total was paid (the balance, then the top-up)."""

    label: str
    amount: Money


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    """Everything one receipt says, in the shop's time zone."""

    store: StoreInfo
    order_id: str
    terminal_id: str
    cashier: str
    paid_at: datetime  # aware; shown in ``zone``
    zone: tzinfo
    lines: tuple[ReceiptLine, ...]
    total: Money
    method_label: str
    parts: tuple[PaymentPart, ...] = ()
    txn_id: str = ""
    masked_phone: str = ""
    balance_after: Money | None = None
    duplicate: bool = False
    printed_at: datetime | None = None  # when a duplicate was made
    ereceipt: str = ""  # the QR payload, see pos_app.receipts.ereceipt

    def __post_init__(self) -> None:
        if self.paid_at.tzinfo is None:
            raise ValueError("paid_at must be an aware datetime")
        if len(_DIGIT.findall(self.masked_phone)) > 4:
            raise ValueError("a receipt shows the masked number only (last four)")
        if sum((line.total for line in self.lines), Money.zero()) != self.total:
            raise ValueError("the lines do not add up to the total")

    @property
    def local_paid_at(self) -> datetime:
        return self.paid_at.astimezone(self.zone)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)


def method_label(
    flow: Flow | str, route: str = "AMAZONPAY", *, topup: bool = False
) -> str:
    """Say how a sale was paid, the way the receipt prints it."""
    flow = Flow(flow)
    if flow is Flow.REDIRECT_OTP:
        return f"Amazon Pay (via {_ROUTE_NAMES.get(route.upper(), route)})"
    if flow is Flow.CCT_TOPUP or topup:
        return f"{BALANCE_LABEL} + top-up"
    return BALANCE_LABEL


def from_receipt(
    receipt: Receipt,
    settings: ReceiptSettings,
    *,
    terminal_id: str,
    cashier: str,
    flow: Flow | None = None,
    covered: Money | None = None,
    remaining: Money | None = None,
) -> ReceiptDocument:
    """Build the receipt of a sale just charged.

    ``flow`` is ``PaymentResult.flow``; for a CCT top-up pass the hosted step's
    ``covered`` and ``remaining`` (when known) to print the split.
    """
    label = receipt.method_label
    parts: tuple[PaymentPart, ...] = ()
    if flow is Flow.CCT_TOPUP:
        label = method_label(flow)
        parts = _topup_parts(covered, remaining, receipt.total)

    document = ReceiptDocument(
        store=settings.store,
        order_id=receipt.order_id,
        terminal_id=terminal_id,
        cashier=cashier,
        paid_at=receipt.paid_at,
        zone=settings.zone,
        lines=tuple(
            ReceiptLine(line.name, line.quantity, line.unit_price, line.sku)
            for line in receipt.lines
        ),
        total=receipt.total,
        method_label=label,
        parts=parts,
        txn_id=receipt.txn_id,
        masked_phone=_masked(receipt.masked_phone),
        balance_after=receipt.balance_after,
    )
    return _with_ereceipt(document, settings)


def from_store(
    store: Store,
    order_id: str,
    settings: ReceiptSettings,
    *,
    now: datetime | None = None,
) -> ReceiptDocument:
    """Rebuild a paid sale's receipt from the database, marked as a duplicate.

    Blocking SQL: call it from a worker thread. The balance after the sale is not
    stored, so a duplicate leaves it out; a top-up split is printed as the method
    only. Raises ReceiptUnavailable for an unknown or unpaid order.
    """
    sale = store.get_sale_by_order(order_id)
    if sale is None or sale.id is None:
        raise ReceiptUnavailable(f"There is no sale with order id {order_id}.")
    if sale.status != SaleStatus.PAID or sale.paid_at is None:
        raise ReceiptUnavailable(
            f"Order {order_id} is not paid ({sale.status}); there is no receipt."
        )

    attempt = _paid_attempt(sale, store.attempts_for(sale.id))
    topup = attempt is not None and any(
        event.kind == "hosted_page_opened"
        and event.attempt_id == attempt.id
        and event.data.get("kind") == "cct"
        for event in store.events_for(sale.id)
    )
    lines = tuple(
        ReceiptLine(line.name, line.quantity, Money(line.unit_paise), line.sku)
        for line in store.lines_for(sale.id)
    )
    document = ReceiptDocument(
        store=settings.store,
        order_id=sale.order_id,
        terminal_id=sale.terminal_id,
        cashier=sale.cashier,
        paid_at=sale.paid_at,
        zone=settings.zone,
        lines=lines,
        total=Money(sale.total_paise),
        method_label=(
            method_label(attempt.flow, attempt.route, topup=topup)
            if attempt is not None
            else "Amazon Pay"
        ),
        txn_id=(attempt.txn_id or "") if attempt is not None else "",
        masked_phone=f"******{sale.phone_last4}" if sale.phone_last4 else "",
        duplicate=True,
        printed_at=now or datetime.now(UTC),
    )
    return _with_ereceipt(document, settings)


def _paid_attempt(sale: Sale, attempts: Sequence[Attempt]) -> Attempt | None:
    for attempt in attempts:
        if attempt.id == sale.paid_attempt_id:
            return attempt
    charged = [a for a in attempts if a.status == AttemptStatus.CHARGED]
    return charged[-1] if charged else None


def _topup_parts(
    covered: Money | None, remaining: Money | None, total: Money
) -> tuple[PaymentPart, ...]:
    if covered is None or remaining is None or covered + remaining != total:
        return ()
    parts = [PaymentPart(BALANCE_LABEL, covered)] if covered else []
    if remaining:
        parts.append(PaymentPart(TOPUP_LABEL, remaining))
    return tuple(parts)


def _masked(text: str) -> str:
    """Keep a masked number as it is; mask one that still has too many digits."""
    from pos_app.domain.phone import mask_phone

    digits = _DIGIT.findall(text or "")
    return mask_phone(text) if len(digits) > 4 else (text or "")


def _with_ereceipt(
    document: ReceiptDocument, settings: ReceiptSettings
) -> ReceiptDocument:
    if not settings.ereceipt_key:
        return document
    payload = ereceipt.build_payload(
        document, settings.ereceipt_key, base_url=settings.ereceipt_base_url
    )
    return replace(document, ereceipt=payload)
