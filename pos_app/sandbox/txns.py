"""``POST /txns``: direct debit against a wallet token, or a redirect payment.

A direct debit with enough balance is ``CHARGED`` at once; a short one is
``PENDING_VBV`` with the top-up page (``/pay/cct/<txn>``, see
:mod:`~pos_app.sandbox.payments`). Without a token the payment is a redirect one
through the merchant's configured PA/PG (``redirect_gateway``): ``PENDING_VBV``
with the OTP page (``/pay/otp/<txn>``). Its 6-digit OTP is logged at INFO (there is
no phone) and kept for tests: :meth:`Transactions.last_otp`.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping

from pos_app.sandbox.core import (
    MAX_TXNS_PER_ORDER,
    LedgerCore,
    rand,
    txn_error,
    utc_now,
)
from pos_app.sandbox.payments import OTP_TRIES, epg_id
from pos_app.sandbox.records import Order, Txn

__all__ = ["Transactions"]

log = logging.getLogger(__name__)


class Transactions(LedgerCore):
    """Ledger mixin: create transactions."""

    def create_txn(self, form: Mapping[str, str]) -> Txn:
        """Run ``POST /txns``: a direct debit with a token, else a redirect payment."""
        order_id = form.get("order_id", "")
        if not order_id or not form.get("merchant_id"):
            raise txn_error(
                "MISSING_MANDATORY_PARAMETER", "Mandatory fields are missing"
            )
        if form["merchant_id"] != self.merchant_id:
            raise txn_error("INVALID_INPUT", "merchant_id does not match the API key")
        method = (form.get("payment_method_type", ""), form.get("payment_method", ""))
        if method != ("WALLET", "AMAZONPAY"):
            raise txn_error(
                "INVALID_INPUT",
                f"Payment method {method[0]}/{method[1]} is not simulated by the "
                "sandbox (only WALLET/AMAZONPAY)",
            )

        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                raise txn_error("RESOURCE_NOT_FOUND", f"Order {order_id} not found")
            if any(t.status == "CHARGED" for t in order.txns):
                raise txn_error("INVALID_ACTION", "Order is already charged")
            if len(order.txns) >= MAX_TXNS_PER_ORDER:
                raise txn_error(
                    "INVALID_ACTION",
                    f"Order has reached {MAX_TXNS_PER_ORDER} transactions",
                )
            token_value = form.get("direct_wallet_token", "")
            if token_value:
                return self._direct_debit(order, token_value)
            return self._redirect(order)

    def _new_txn(self, order: Order, status: str, flow: str, auth_path: str) -> Txn:
        now = utc_now()
        txn_id = f"{self.merchant_id}-{order.order_id}-{len(order.txns) + 1}"
        txn = Txn(
            txn_id=txn_id,
            txn_uuid=f"mozo{rand(16)}",
            order_id=order.order_id,
            status=status,
            flow=flow,
            amount_paise=order.amount_paise,
            created=now,
            updated=now,
            auth_path=auth_path.format(merchant=self.merchant_id, txn_id=txn_id),
        )
        order.txns.append(txn)
        order.updated = now
        return txn

    def _direct_debit(self, order: Order, token_value: str) -> Txn:
        token = self.tokens.get(token_value)
        if token is None or token.used or self.clock() >= token.expires_at:
            raise txn_error(
                "EXPIRED",
                "direct_wallet_token is invalid, expired or already used",
                user_message="Wallet token expired. Refresh the wallet and retry.",
            )
        owner = self.find_customer(order.customer_id) if order.customer_id else None
        if owner is None or owner.id != token.customer_id:
            raise txn_error(
                "INVALID_INPUT",
                "direct_wallet_token does not belong to the order's customer",
            )
        token.used = True
        wallet = self.wallets[token.wallet_id]

        if wallet.declines:
            txn = self._new_txn(
                order,
                "AUTHORIZATION_FAILED",
                "DIRECT_DEBIT",
                "/pay/finish/{merchant}/{txn_id}",
            )
            txn.error_code = "AmazonRejected"
            txn.error_message = "Payment declined by Amazon Pay"
        elif wallet.balance_paise >= order.amount_paise:
            wallet.balance_paise -= order.amount_paise
            txn = self._new_txn(
                order, "CHARGED", "DIRECT_DEBIT", "/pay/finish/{merchant}/{txn_id}"
            )
        else:
            # Shortfall: the shopper pays the rest on the Amazon Pay custom tab page.
            txn = self._new_txn(
                order, "PENDING_VBV", "DIRECT_DEBIT", "/pay/cct/{txn_id}"
            )
        txn.wallet_id = wallet.id
        if txn.status != "PENDING_VBV":
            txn.epg_txn_id = epg_id()
        return txn

    def _redirect(self, order: Order) -> Txn:
        txn = self._new_txn(order, "PENDING_VBV", "REDIRECT_DEBIT", "/pay/otp/{txn_id}")
        txn.gateway = self.redirect_gateway
        txn.otp = f"{secrets.randbelow(10**6):06d}"
        txn.otp_tries_left = OTP_TRIES
        log.info(
            "sandbox OTP for order %s (txn %s, via %s): %s",
            order.order_id,
            txn.txn_id,
            txn.gateway,
            txn.otp,
        )
        return txn

    def last_otp(self, order_id: str) -> str | None:
        """Return the OTP of the order's latest redirect txn (for tests and demos)."""
        with self.lock:
            order = self.orders.get(order_id)
            for txn in reversed(order.txns if order is not None else []):
                if txn.otp is not None:
                    return txn.otp
            return None
