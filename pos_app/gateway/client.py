"""The Juspay Express Checkout HTTP client (synchronous, one ``httpx.Client``).

Blocking: call it from a worker thread, never from the GUI thread. Every failure is
raised as a :mod:`pos_app.gateway.errors` type with the httpx exception chained.

Secrets stay out of URLs and logs: the API key travels only in the ``Authorization``
header, wallet tokens, link codes and mobile numbers only in form bodies, and the path
segments (order ids, customer ids, wallet ids) are not secret. httpx logs each request
URL at INFO.

The calls are grouped by area: the plumbing is in ``_base``, the wallet calls in
``_wallets``; customers, orders, refunds and transactions are here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from pos_app.domain.money import Money
from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway._base import flag, segment
from pos_app.gateway._wallets import WalletCalls
from pos_app.gateway.config import GatewayConfig

__all__ = ["GatewayConfig", "JuspayClient"]

_log = logging.getLogger(__name__)
_MAX_ORDER_ID_LENGTH = 20  # "less than 21 characters" (reference 3.1)
# "shorter than 21 characters; no special characters" (reference 3.5).
_REFUND_REQUEST_ID = re.compile(r"[A-Za-z0-9]{1,20}")


class JuspayClient(WalletCalls):
    """Calls the Express Checkout API of one merchant.

    ``transport`` is for tests: an ``httpx.MockTransport`` or any other transport.
    """

    # -- customers ----------------------------------------------------------------

    def get_customer(self, customer_id: str) -> m.Customer:
        """Fetch a customer by Juspay id (``cst_...``) or ``object_reference_id``."""
        body = self._call(
            "GET", f"/customers/{segment(customer_id)}", routing_id=customer_id
        )
        return self._parse(m.Customer.model_validate, body, "customer")

    def create_customer(
        self,
        object_reference_id: str,
        mobile_number: str,
        *,
        email: str | None = None,
        first_name: str | None = None,
    ) -> m.Customer:
        """Create a customer; ``mobile_number`` is ten digits without ``+91``."""
        form = {
            "object_reference_id": object_reference_id,
            "mobile_number": mobile_number,
        }
        if email:
            form["email_address"] = email
        if first_name:
            form["first_name"] = first_name
        body = self._call(
            "POST", "/customers", form=form, routing_id=object_reference_id
        )
        return self._parse(m.Customer.model_validate, body, "customer")

    def get_or_create_customer(
        self, object_reference_id: str, mobile_number: str
    ) -> m.Customer:
        """Get the customer, creating it when the gateway does not know it."""
        try:
            return self.get_customer(object_reference_id)
        except errors.NotFound:
            _log.debug("customer unknown to the gateway; creating it")
        try:
            return self.create_customer(object_reference_id, mobile_number)
        except errors.InvalidRequest as exc:
            # Another terminal may have created it in between (ALREADY_EXISTS).
            if (exc.code or "").upper() != "ALREADY_EXISTS":
                raise
            return self.get_customer(object_reference_id)

    # -- orders -------------------------------------------------------------------

    def create_order(
        self,
        order_id: str,
        amount: Money,
        *,
        customer_id: str | None = None,
        return_url: str | None = None,
        currency: str = "INR",
        description: str | None = None,
        udf: Mapping[int, str] | None = None,
    ) -> m.Order:
        """Create the gateway order for one sale.

        ``udf`` maps 1..10 to the ``udf1``..``udf10`` fields. After an
        :class:`~pos_app.gateway.errors.OutcomeUnknown`, read the order status before
        creating again: whether re-posting an ``order_id`` is an error or returns the
        existing order is unconfirmed (reference 3.1).
        """
        if not order_id or len(order_id) > _MAX_ORDER_ID_LENGTH:
            raise ValueError(f"order_id must be 1..{_MAX_ORDER_ID_LENGTH} characters")
        if amount.paise <= 0:
            raise ValueError("an order amount must be positive")
        form = {
            "order_id": order_id,
            "amount": amount.to_gateway(),
            "currency": currency,
        }
        url = return_url or self._config.return_url
        optional = {
            "customer_id": customer_id,
            "return_url": url,
            "description": description,
        }
        form.update({key: value for key, value in optional.items() if value})
        for number, value in (udf or {}).items():
            if not 1 <= number <= 10:
                raise ValueError(f"udf{number} does not exist (udf1..udf10)")
            form[f"udf{number}"] = value
        body = self._call(
            "POST", "/orders", form=form, routing_id=customer_id or order_id
        )
        return self._parse(m.Order.model_validate, body, "order")

    def order_status(
        self, order_id: str, *, customer_id: str | None = None
    ) -> m.OrderStatus:
        """Read the order's status; raises ``OrderNotFound`` for an unknown id.

        ``OrderNotFound`` comes only from the gateway's JSON answer (``NOT_FOUND``/40
        or a JSON 404); a 404 error page raises plain ``NotFound``.
        """
        body = self._call(
            "GET",
            f"/orders/{segment(order_id)}",
            routing_id=customer_id or order_id,
            read_timeout=self._config.lookup_timeout,
            not_found=errors.OrderNotFound,
        )
        return self._parse(m.OrderStatus.model_validate, body, "order status")

    # -- refunds ------------------------------------------------------------------

    def refund_order(
        self,
        order_id: str,
        amount: Money,
        unique_request_id: str,
        *,
        customer_id: str | None = None,
    ) -> m.OrderStatus:
        """Refund ``amount`` of a charged order; the reply is the order with refunds.

        ``unique_request_id`` (1..20 letters or digits) is the refund's idempotency
        key (reference 3.5, 9). After an :class:`~pos_app.gateway.errors.OutcomeUnknown`
        (a timeout after sending, a 5xx, an unreadable reply) repeat the call with the
        SAME ``unique_request_id``: that is harmless, because a refund that did get
        through makes the repeat fail with
        :class:`~pos_app.gateway.errors.DuplicateRequest` instead of refunding twice
        (then read :meth:`order_status` to see it). Use a NEW id only for a new refund,
        or after this one came back ``FAILURE``.

        ``DuplicateRequest`` also answers the same amount posted again within a few
        seconds under another id; ``RefundExceeded`` an amount above what is left;
        ``OrderNotFound`` an unknown order. The amount is always sent (one page says
        it may be left out for a full refund, the legacy one that it is required). A
        new refund is ``PENDING`` with ``sent_to_gateway`` false: Juspay queues it
        for up to 15 minutes. Use :meth:`OrderStatus.refund` to pick it out.
        """
        if not _REFUND_REQUEST_ID.fullmatch(unique_request_id):
            raise ValueError("unique_request_id must be 1..20 letters or digits")
        if amount.paise <= 0:
            raise ValueError("a refund amount must be positive")
        form = {"unique_request_id": unique_request_id, "amount": amount.to_gateway()}
        body = self._call(
            "POST",
            f"/orders/{segment(order_id)}/refunds",
            form=form,
            routing_id=customer_id or order_id,
            not_found=errors.OrderNotFound,
        )
        return self._parse(m.OrderStatus.model_validate, body, "refund")

    # -- payment methods ------------------------------------------------------------

    def payment_methods(self) -> list[m.PaymentMethod]:
        """List the instruments enabled for the merchant, with direct-debit support."""
        # Whether this endpoint needs auth is unconfirmed; sending it is harmless.
        body = self._call(
            "GET",
            f"/merchants/{segment(self._config.merchant_id)}/paymentmethods",
            params={"options.check_wallet_direct_debit_support": "true"},
            read_timeout=self._config.lookup_timeout,
        )
        return self._parse_list(m.PaymentMethod.model_validate, body, "payment_methods")

    # -- transactions -------------------------------------------------------------

    def direct_debit(
        self,
        order_id: str,
        token: str,
        *,
        customer_id: str | None = None,
        redirect_after_payment: bool = True,
    ) -> m.Transaction:
        """Debit a linked Amazon Pay wallet with a fresh single-use token.

        ``CHARGED`` means paid; a pending status with an authentication URL means
        the shopper must top up the shortfall there (reference 7.3).
        """
        if not token:
            raise ValueError("a direct debit needs a wallet token")
        return self._txn(order_id, customer_id, redirect_after_payment, token=token)

    def redirect_wallet_payment(
        self,
        order_id: str,
        payment_method: str = "AMAZONPAY",
        *,
        customer_id: str | None = None,
        redirect_after_payment: bool = True,
    ) -> m.Transaction:
        """Start a redirect wallet payment; the shopper pays at the returned URL."""
        return self._txn(
            order_id, customer_id, redirect_after_payment, payment_method=payment_method
        )

    def _txn(
        self,
        order_id: str,
        customer_id: str | None,
        redirect_after_payment: bool,
        *,
        payment_method: str = "AMAZONPAY",
        token: str | None = None,
    ) -> m.Transaction:
        form = {
            "order_id": order_id,
            "merchant_id": self._config.merchant_id,
            "payment_method_type": "WALLET",
            "payment_method": payment_method,
            "redirect_after_payment": flag(redirect_after_payment),
            "format": "json",
        }
        if token:
            form["direct_wallet_token"] = token
        body = self._call(
            "POST", "/txns", form=form, routing_id=customer_id or order_id
        )
        return self._parse(m.Transaction.model_validate, body, "transaction")
