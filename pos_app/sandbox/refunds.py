"""``POST /orders/{order_id}/refunds``: refunds of charged orders (reference 3.5).

A refund is accepted ``PENDING`` with ``sent_to_gateway`` false, as Juspay queues it;
after :attr:`RefundDesk.settle_s` it is sent and settles to ``SUCCESS`` (the money
goes back to the Amazon Pay balance it was paid from), ``FAILURE`` or
``MANUAL_REVIEW``, chosen by the paise of its amount
(:data:`~pos_app.sandbox.fixtures.REFUND_OUTCOMES`) unless
:attr:`RefundDesk.forced_outcome` is set. Settling is lazy: :meth:`RefundDesk.settle`
runs before every API request (and may be called by tests).

Refusals, all HTTP 400 in the status-style shape (``status_id -1``, ``status
ERROR``) unless noted:

* a missing ``unique_request_id`` or ``amount``: ``status "Bad Request"``,
  ``error_code``/``error_message`` "Mandatory fields are missing";
* an unknown order: ``NOT_FOUND`` / 40;
* an order that is not ``CHARGED``: ``invalid.order.not_successful``;
* a ``unique_request_id`` used before (on any order): ``duplicate.call``, "already
  completed with this unique_request_id";
* an amount of 0 or not an amount: ``invalid amount``, "Amount is invalid.";
* more than is left to refund: ``invalid.amount.exceeded``;
* the same amount as a refund of the order accepted less than
  :attr:`RefundDesk.duplicate_window_s` ago (failed ones aside): ``duplicate.call``,
  "already processing with this amount".

Only touch the desk while holding ``Ledger.lock`` (the app does).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from pos_app.sandbox import amounts, errors, fixtures, views
from pos_app.sandbox.core import LedgerCore, utc_now
from pos_app.sandbox.records import Order, Refund

__all__ = [
    "DEFAULT_DUPLICATE_WINDOW_S",
    "DEFAULT_REFUND_SETTLE_S",
    "OUTCOMES",
    "RefundDesk",
]

DEFAULT_REFUND_SETTLE_S = 2.0
#: "window quoted as 5 s on one page and 2 s on another" (reference 3.5).
DEFAULT_DUPLICATE_WINDOW_S = 5.0
OUTCOMES = ("SUCCESS", "FAILURE", "MANUAL_REVIEW")

_REQUEST_ID_MAX = 20
_SETTLED_TEXT = {
    "SUCCESS": (None, None),
    "FAILURE": ("REFUND_FAILED", "Refund declined by Amazon Pay"),
    "MANUAL_REVIEW": ("MANUAL_REVIEW", "Ambiguous reply from Amazon Pay"),
}


class RefundDesk:
    """Accept and settle the refunds of one ledger's orders.

    Knobs (plain attributes, change them at run time): ``settle_s`` (how long a
    refund stays ``PENDING``), ``duplicate_window_s`` (the same-amount window) and
    ``forced_outcome`` (``None``, or one of :data:`OUTCOMES` for every refund
    accepted from then on).
    """

    def __init__(
        self,
        ledger: LedgerCore,
        *,
        settle_s: float = DEFAULT_REFUND_SETTLE_S,
        duplicate_window_s: float = DEFAULT_DUPLICATE_WINDOW_S,
        forced_outcome: str | None = None,
    ) -> None:
        self.ledger = ledger
        self.settle_s = settle_s
        self.duplicate_window_s = duplicate_window_s
        self.forced_outcome = forced_outcome
        self._pending: list[tuple[Order, Refund]] = []

    def __repr__(self) -> str:
        return f"<RefundDesk pending={len(self._pending)} settle_s={self.settle_s}>"

    def refund(self, order_id: str, form: Mapping[str, str]) -> Order:
        """Accept a refund of ``order_id`` or raise the refusal (see the module)."""
        request_id = form.get("unique_request_id", "").strip()
        amount_text = form.get("amount", "").strip()
        if not request_id or not amount_text:
            raise errors.classic(
                400,
                "Bad Request",
                "Mandatory fields are missing",
                "Mandatory fields are missing",
            )

        with self.ledger.lock:
            order = self.ledger.orders.get(order_id)
            if order is None:  # HTTP 400 here, as the refund error table has it
                body = {"status": "NOT_FOUND", "status_id": 40, "order_id": order_id}
                raise errors.ApiError(400, body)
            if not any(t.status == "CHARGED" for t in order.txns):
                raise _refusal(
                    "invalid.order.not_successful",
                    "Refund is allowed only for a successful (CHARGED) order",
                )
            if len(request_id) > _REQUEST_ID_MAX or not request_id.isalnum():
                raise _refusal(
                    "invalid.unique_request_id",
                    "unique_request_id must be 1 to 20 letters or digits",
                )
            if self._known(request_id):
                raise _refusal(
                    "duplicate.call",
                    "Refund already completed with this unique_request_id",
                )
            amount_paise = _amount(amount_text)
            left = order.amount_paise - views.held_paise(order)
            if amount_paise > left:
                raise _refusal(
                    "invalid.amount.exceeded",
                    f"Refund amount {amounts.paise_to_text(amount_paise)} exceeds the"
                    f" refundable amount {amounts.paise_to_text(left)}",
                )
            now = self.ledger.clock()
            if any(
                r.amount_paise == amount_paise
                and r.status != "FAILURE"
                and now - r.created_at < self.duplicate_window_s
                for r in order.refunds
            ):
                raise _refusal(
                    "duplicate.call",
                    "Refund request already processing with this amount",
                )

            refund = Refund(
                unique_request_id=request_id,
                amount_paise=amount_paise,
                created=utc_now(),
                created_at=now,
                settle_at=now + self.settle_s,
                outcome=self._outcome(amount_paise),
                ref=_amazon_refund_id(),
                wallet_id=self._wallet_of(order),
            )
            order.refunds.append(refund)
            order.updated = refund.created
            self._pending.append((order, refund))
            return order

    def settle(self) -> int:
        """Settle every pending refund whose time has come; return how many."""
        with self.ledger.lock:
            now = self.ledger.clock()
            due = [(o, r) for o, r in self._pending if now >= r.settle_at]
            if not due:
                return 0
            self._pending = [(o, r) for o, r in self._pending if now < r.settle_at]
            for order, refund in due:
                refund.status = refund.outcome
                refund.sent_to_gateway = True
                refund.error_code, refund.error_message = _SETTLED_TEXT[refund.outcome]
                order.updated = utc_now()
                wallet = self.ledger.wallets.get(refund.wallet_id or "")
                if refund.status == "SUCCESS" and wallet is not None:
                    wallet.balance_paise += refund.amount_paise
            return len(due)

    def _known(self, request_id: str) -> bool:
        return any(
            r.unique_request_id == request_id
            for order in self.ledger.orders.values()
            for r in order.refunds
        )

    def _outcome(self, amount_paise: int) -> str:
        if self.forced_outcome is not None:
            if self.forced_outcome not in OUTCOMES:
                raise ValueError(f"forced_outcome must be one of {OUTCOMES}")
            return self.forced_outcome
        return fixtures.REFUND_OUTCOMES.get(amount_paise % 100, "SUCCESS")

    def _wallet_of(self, order: Order) -> str | None:
        """Return the Amazon Pay wallet the order was paid from, if there is one."""
        for txn in order.txns:
            if txn.status == "CHARGED" and txn.wallet_id is not None:
                return txn.wallet_id
        customer = self.ledger.find_customer(order.customer_id or "-")
        if customer is None:
            return None
        for wallet in self.ledger.wallets.values():
            if wallet.customer_id == customer.id:
                return wallet.id
        return None


def _amount(text: str) -> int:
    try:
        paise = amounts.parse_amount(text)
    except amounts.AmountFormatError:
        paise = 0
    if paise <= 0:
        raise _refusal("invalid amount", "Amount is invalid.")
    return paise


def _refusal(code: str, message: str) -> errors.ApiError:
    body = {"status_id": -1, "status": "ERROR", "error_code": code}
    return errors.ApiError(400, {**body, "error_message": message})


def _amazon_refund_id() -> str:
    """Return an Amazon-style refund id, e.g. ``S04-1234567-7654321-R012345``."""
    digits = f"{secrets.randbelow(10**14):014d}"
    return f"S04-{digits[:7]}-{digits[7:]}-R{secrets.randbelow(10**6):06d}"
