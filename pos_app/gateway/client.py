"""The Juspay Express Checkout HTTP client (synchronous, one ``httpx.Client``).

Blocking: call it from a worker thread, never from the GUI thread. Every failure is
raised as a :mod:`pos_app.gateway.errors` type with the httpx exception chained.

Secrets stay out of URLs and logs: the API key travels only in the ``Authorization``
header, wallet tokens and mobile numbers only in form bodies, and the path segments
(order ids, customer ids) are not secret. httpx logs each request URL at INFO.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from pos_app.domain.money import Money
from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway.config import GatewayConfig

__all__ = ["GatewayConfig", "JuspayClient"]

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
_MAX_ORDER_ID_LENGTH = 20  # "less than 21 characters" (reference 3.1)
_FORM = "application/x-www-form-urlencoded"


def _segment(value: str) -> str:
    if not value:
        raise ValueError("an id in a gateway path cannot be empty")
    return quote(value, safe="")


def _flag(value: bool) -> str:
    return "true" if value else "false"


class JuspayClient:
    """Calls the Express Checkout API of one merchant.

    ``transport`` is for tests: an ``httpx.MockTransport`` or any other transport.
    """

    def __init__(
        self, config: GatewayConfig, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self._config = config
        self._http = httpx.Client(
            base_url=config.base_url,
            auth=httpx.BasicAuth(config.api_key, ""),
            headers={
                "x-merchantid": config.merchant_id,
                "version": config.version,
                "Accept": "application/json",
                "User-Agent": config.user_agent,
            },
            timeout=self._timeout(config.read_timeout),
            transport=transport,
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        cfg = self._config
        return f"<JuspayClient {cfg.base_url} merchant={cfg.merchant_id}>"

    @property
    def config(self) -> GatewayConfig:
        return self._config

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> JuspayClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- customers ----------------------------------------------------------------

    def get_customer(self, customer_id: str) -> m.Customer:
        """Fetch a customer by Juspay id (``cst_...``) or ``object_reference_id``."""
        body = self._call(
            "GET", f"/customers/{_segment(customer_id)}", routing_id=customer_id
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
            f"/orders/{_segment(order_id)}",
            routing_id=customer_id or order_id,
            read_timeout=self._config.lookup_timeout,
            not_found=errors.OrderNotFound,
        )
        return self._parse(m.OrderStatus.model_validate, body, "order status")

    # -- payment methods and wallets ------------------------------------------------

    def payment_methods(self) -> list[m.PaymentMethod]:
        """List the instruments enabled for the merchant, with direct-debit support."""
        # Whether this endpoint needs auth is unconfirmed; sending it is harmless.
        body = self._call(
            "GET",
            f"/merchants/{_segment(self._config.merchant_id)}/paymentmethods",
            params={"options.check_wallet_direct_debit_support": "true"},
            read_timeout=self._config.lookup_timeout,
        )
        return self._parse_list(m.PaymentMethod.model_validate, body, "payment_methods")

    def list_wallets(self, customer_id: str) -> list[m.Wallet]:
        """List the customer's wallets with cached balances."""
        body = self._call(
            "GET",
            f"/customers/{_segment(customer_id)}/wallets",
            routing_id=customer_id,
            read_timeout=self._config.lookup_timeout,
        )
        return self._parse_list(m.Wallet.model_validate, body, "list")

    def refresh_wallets(self, customer_id: str) -> list[m.Wallet]:
        """Refresh balances at the providers (slow) and list fresh tokens."""
        body = self._call(
            "GET",
            f"/customers/{_segment(customer_id)}/wallets/refresh-balances",
            routing_id=customer_id,
        )
        return self._parse_list(m.Wallet.model_validate, body, "list")

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
            "redirect_after_payment": _flag(redirect_after_payment),
            "format": "json",
        }
        if token:
            form["direct_wallet_token"] = token
        body = self._call(
            "POST", "/txns", form=form, routing_id=customer_id or order_id
        )
        return self._parse(m.Transaction.model_validate, body, "transaction")

    # -- plumbing -----------------------------------------------------------------

    def _timeout(self, read: float) -> httpx.Timeout:
        cfg = self._config
        return httpx.Timeout(
            connect=cfg.connect_timeout, read=read, write=read, pool=read
        )

    def _call(
        self,
        method: str,
        path: str,
        *,
        form: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        routing_id: str | None = None,
        read_timeout: float | None = None,
        not_found: type[errors.NotFound] = errors.NotFound,
    ) -> Any:
        """Send one request and return the decoded JSON body, or raise."""
        headers = {"x-request-id": uuid.uuid4().hex}
        if routing_id:
            headers["x-routing-id"] = routing_id
        if form is not None:
            headers["Content-Type"] = _FORM
        timeout = self._timeout(read_timeout or self._config.read_timeout)

        started = time.monotonic()
        try:
            response = self._http.request(
                method, path, data=form, params=params, headers=headers, timeout=timeout
            )
        except httpx.HTTPError as exc:
            _log.debug(
                "%s %s failed after %.0f ms: %r",
                method,
                path,
                (time.monotonic() - started) * 1000,
                exc,
            )
            raise errors.from_transport_error(exc, method, path) from exc
        elapsed = (time.monotonic() - started) * 1000
        _log.debug(
            "%s %s -> %s in %.0f ms (request %s)",
            method,
            path,
            response.status_code,
            elapsed,
            headers["x-request-id"],
        )

        try:
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            error = errors.error_from_response(
                response.status_code,
                response.text,
                response.headers.get("content-type", ""),
            )
            raise errors.narrow(error, not_found) from exc

        try:
            body = m.decode_json(response.text)
        except ValueError as exc:
            raise errors.MalformedResponse(
                None,
                f"The payment gateway sent a reply that is not JSON "
                f"(HTTP {response.status_code})",
                response.status_code,
                errors.excerpt(response.text) or None,
            ) from exc
        if errors.looks_like_error(body):
            raise errors.narrow(
                errors.error_from_body(response.status_code, body, response.text),
                not_found,
            )
        return body

    def _parse(self, parse: Callable[[Any], _T], body: Any, what: str) -> _T:
        try:
            return parse(body)
        except (ValidationError, ValueError, TypeError) as exc:
            raise errors.malformed(what, exc) from exc

    def _parse_list(self, parse: Callable[[Any], _T], body: Any, key: str) -> list[_T]:
        try:
            return m.parse_list(body, key, parse)
        except (ValidationError, ValueError, TypeError) as exc:
            raise errors.malformed(key, exc) from exc
