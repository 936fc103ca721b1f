"""Finishing payments on the customer's pages: CCT top-up and redirect OTP.

A direct debit short of balance leaves a ``PENDING_VBV`` txn whose page
(``/pay/cct/<txn>``) takes the remainder by card, UPI or net banking; a redirect
wallet payment (``/txns`` without a token) goes through the merchant's configured
PA/PG (``Ledger.redirect_gateway``) to an OTP page (``/pay/otp/<txn>``). Both end
in a final status here; the pages build the signed return redirect from it.

Sandbox choices: the top-up debits the whole wallet balance and the instrument pays
the rest (both recorded in ``txn_amount_breakup``); a redirect payment does not
touch the sandbox's linked-wallet balances (the shopper pays in an Amazon session
of its own). ``gateway_id`` values other than AMAZONPAY's 38 are sandbox
placeholders, not confirmed Juspay ids.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Literal

from pos_app.sandbox.core import LedgerCore, utc_now
from pos_app.sandbox.records import FINAL_STATUSES, BreakupLine, Order, Txn

__all__ = [
    "OTP_TRIES",
    "Outcome",
    "PaymentPages",
]

log = logging.getLogger(__name__)

OTP_TRIES = 3
CCT_INSTRUMENTS = {"card": "CARD", "upi": "UPI", "nb": "NB"}

PageKind = Literal["cct", "otp"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a submit on a payment page did."""

    order: Order
    txn: Txn
    kind: Literal["final", "already_final", "wrong_otp"]


def epg_id() -> str:
    """Return an Amazon-style charge id (``P04-0000000-0000000``)."""
    return f"P04-{secrets.randbelow(10**7):07d}-{secrets.randbelow(10**7):07d}"


class PaymentPages(LedgerCore):
    """Ledger mixin: find page txns, take top-ups and OTPs, finish txns."""

    def find_txn(self, txn_id: str, kind: PageKind) -> tuple[Order, Txn] | None:
        """Return the order and txn a CCT or OTP page is for, or None."""
        with self.lock:
            for order in self.orders.values():
                if not txn_id.startswith(f"{self.merchant_id}-{order.order_id}-"):
                    continue
                for txn in order.txns:
                    if txn.txn_id == txn_id and _page_kind(txn) == kind:
                        return order, txn
            return None

    def wallet_cover(self, order: Order, txn: Txn) -> tuple[int, int]:
        """Return ``(paid from the balance, remainder)`` for a top-up, in paise."""
        with self.lock:
            wallet = self.wallets.get(txn.wallet_id or "")
            balance = wallet.balance_paise if wallet is not None else 0
            covered = max(0, min(balance, txn.amount_paise))
            return covered, txn.amount_paise - covered

    def close_if_paid(self, order: Order, txn: Txn) -> bool:
        """Whether the txn can no longer be paid (final, or its order is charged).

        A txn still pending on an order another attempt charged is failed here.
        """
        with self.lock:
            return _closed(order, txn)

    def cct_pay(self, txn_id: str, method: str, *, approved: bool) -> Outcome | None:
        """Pay a top-up's remainder by ``card``, ``upi`` or ``nb``; None if no txn."""
        with self.lock:
            found = self.find_txn(txn_id, "cct")
            if found is None:
                return None
            order, txn = found
            if _closed(order, txn):
                return Outcome(order, txn, "already_final")
            if not approved:
                _finish(
                    order,
                    txn,
                    "AUTHORIZATION_FAILED",
                    "BankDeclined",
                    f"Top-up by {CCT_INSTRUMENTS[method]} declined by the bank",
                )
                return Outcome(order, txn, "final")

            covered, rest = self.wallet_cover(order, txn)
            wallet = self.wallets[txn.wallet_id or ""]
            wallet.balance_paise -= covered
            txn.breakup = [
                BreakupLine("BASE", txn.amount_paise, "ADD"),
                BreakupLine("AMAZON_PAY_BALANCE", covered, "WALLET"),
                BreakupLine(CCT_INSTRUMENTS[method], rest, CCT_INSTRUMENTS[method]),
            ]
            _finish(order, txn, "CHARGED")
            return Outcome(order, txn, "final")

    def submit_otp(self, txn_id: str, otp: str) -> Outcome | None:
        """Check a well-formed 6-digit OTP; three wrong ones fail the txn."""
        with self.lock:
            found = self.find_txn(txn_id, "otp")
            if found is None:
                return None
            order, txn = found
            if _closed(order, txn):
                return Outcome(order, txn, "already_final")
            if secrets.compare_digest(otp, txn.otp or ""):
                _finish(order, txn, "CHARGED")
                return Outcome(order, txn, "final")

            txn.otp_tries_left -= 1
            if txn.otp_tries_left > 0:
                return Outcome(order, txn, "wrong_otp")
            _finish(
                order,
                txn,
                "AUTHENTICATION_FAILED",
                "OTP_ATTEMPTS_EXCEEDED",
                f"Wrong OTP entered {OTP_TRIES} times",
            )
            return Outcome(order, txn, "final")

    def cancel_page_txn(self, txn_id: str, kind: PageKind) -> Outcome | None:
        """Mark the shopper's cancel: ``AUTHENTICATION_FAILED`` (26)."""
        with self.lock:
            found = self.find_txn(txn_id, kind)
            if found is None:
                return None
            order, txn = found
            if _closed(order, txn):
                return Outcome(order, txn, "already_final")
            _finish(
                order,
                txn,
                "AUTHENTICATION_FAILED",
                "USER_CANCELLED",
                "The customer cancelled the payment",
            )
            return Outcome(order, txn, "final")


def _closed(order: Order, txn: Txn) -> bool:
    """Whether the txn can no longer be paid (final, or the order paid otherwise)."""
    if txn.status in FINAL_STATUSES:
        return True
    if any(other.status == "CHARGED" for other in order.txns):
        _finish(
            order,
            txn,
            "AUTHENTICATION_FAILED",
            "ORDER_ALREADY_CHARGED",
            "The order was paid by another attempt",
        )
        return True
    return False


def _page_kind(txn: Txn) -> PageKind | None:
    if txn.otp is not None:
        return "otp"
    if txn.auth_path.startswith("/pay/cct/"):
        return "cct"
    return None


def _finish(
    order: Order,
    txn: Txn,
    status: str,
    error_code: str | None = None,
    error_message: str | None = None,
) -> None:
    stamp = utc_now()
    txn.status = status
    txn.error_code = error_code
    txn.error_message = error_message
    txn.epg_txn_id = epg_id()
    txn.updated = order.updated = stamp
