"""The ledger's state and its customer, wallet-list and order operations.

:class:`LedgerCore` holds every record and knob; the mixins built on it
(:mod:`~pos_app.sandbox.linking`, :mod:`~pos_app.sandbox.txns`,
:mod:`~pos_app.sandbox.payments`) add the rest, and
:class:`~pos_app.sandbox.ledger.Ledger` puts them together.
"""

from __future__ import annotations

import re
import secrets
import string
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from pos_app.sandbox import amounts, errors, fixtures
from pos_app.sandbox.records import (
    ConsentSession,
    Customer,
    LinkCode,
    Order,
    Token,
    Wallet,
)

__all__ = [
    "DEFAULT_CONSENT_LIFETIME_S",
    "DEFAULT_LINK_CODE_LIFETIME_S",
    "DEFAULT_REDIRECT_GATEWAY",
    "DEFAULT_TOKEN_LIFETIME_S",
    "MAX_TXNS_PER_ORDER",
    "LedgerCore",
    "rand",
    "txn_error",
    "utc_now",
]

MAX_TXNS_PER_ORDER = 25
DEFAULT_TOKEN_LIFETIME_S = 600.0
DEFAULT_CONSENT_LIFETIME_S = 300.0
DEFAULT_LINK_CODE_LIFETIME_S = 600.0
DEFAULT_REDIRECT_GATEWAY = "PAYU"
CLIENT_AUTH_TOKEN_LIFETIME_S = 900.0

_ORDER_ID = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
_MOBILE = re.compile(r"^[0-9]{6,15}$")
_ALPHABET = string.ascii_lowercase + string.digits


def rand(n: int) -> str:
    """Return ``n`` random lowercase letters and digits (for ids)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(n))


def utc_now() -> datetime:
    """Return the wall-clock time in UTC, to the second (for timestamps)."""
    return datetime.now(UTC).replace(microsecond=0)


class LedgerCore:
    """Thread-safe sandbox state for one merchant.

    Knobs (constructor keywords, also plain attributes to change at run time):
    ``token_lifetime_s`` (wallet tokens, 600 s), ``consent_lifetime_s`` (consent
    sessions, 300 s), ``link_code_lifetime_s`` (codes an Allow issues, 600 s) and
    ``redirect_gateway`` (the PA/PG redirect wallet payments go through, one of
    ``fixtures.REDIRECT_GATEWAYS``, default PAYU; checked on assignment).
    """

    def __init__(
        self,
        merchant_id: str = fixtures.MERCHANT_ID,
        *,
        token_lifetime_s: float = DEFAULT_TOKEN_LIFETIME_S,
        consent_lifetime_s: float = DEFAULT_CONSENT_LIFETIME_S,
        link_code_lifetime_s: float = DEFAULT_LINK_CODE_LIFETIME_S,
        redirect_gateway: str = DEFAULT_REDIRECT_GATEWAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lock = threading.RLock()
        self.merchant_id = merchant_id
        self.merchant_name = fixtures.MERCHANT_NAME
        self.token_lifetime_s = token_lifetime_s
        self.consent_lifetime_s = consent_lifetime_s
        self.link_code_lifetime_s = link_code_lifetime_s
        self.redirect_gateway = redirect_gateway
        self.clock = clock
        self.customers: dict[str, Customer] = {}
        self.wallets: dict[str, Wallet] = {}
        self.tokens: dict[str, Token] = {}
        self.orders: dict[str, Order] = {}
        self.client_auth_tokens: dict[str, float] = {}
        self.consents: dict[str, ConsentSession] = {}
        self.link_codes: dict[str, LinkCode] = {}

    def __repr__(self) -> str:
        return (
            f"<Ledger {self.merchant_id} customers={len(self.customers)} "
            f"orders={len(self.orders)}>"
        )

    @property
    def redirect_gateway(self) -> str:
        """Return the PA/PG that redirect wallet payments go through."""
        return self._redirect_gateway

    @redirect_gateway.setter
    def redirect_gateway(self, name: str) -> None:
        if name not in fixtures.REDIRECT_GATEWAYS:
            known = ", ".join(fixtures.REDIRECT_GATEWAYS)
            raise ValueError(f"unknown redirect gateway {name!r}: one of {known}")
        with self.lock:
            self._redirect_gateway = name

    # -- customers ---------------------------------------------------------------

    def find_customer(self, ref: str) -> Customer | None:
        """Return the customer with this ``cst_`` id or object reference id."""
        with self.lock:
            if ref in self.customers:
                return self.customers[ref]
            for customer in self.customers.values():
                if customer.object_reference_id == ref:
                    return customer
            return None

    def get_customer(self, ref: str) -> Customer:
        """Return the customer or raise the ``object_not_found`` error (404)."""
        customer = self.find_customer(ref)
        if customer is None:
            raise errors.classic(
                404, "Invalid Request", "object_not_found", "Customer not found"
            )
        return customer

    def create_customer(self, form: Mapping[str, str]) -> Customer:
        """Create a customer; a test mobile number brings its Amazon Pay wallet."""
        ref = form.get("object_reference_id", "")
        mobile = form.get("mobile_number", "")
        if len(ref) < 8:
            raise errors.classic(
                400,
                "Invalid Request",
                "INVALID_INPUT",
                "[object_reference_id] must be at least 8 characters",
            )
        if not _MOBILE.match(mobile):
            raise errors.classic(
                400,
                "Invalid Request",
                "INVALID_INPUT",
                "[mobile_number] is required: digits only, without + or country code",
            )

        with self.lock:
            if self.find_customer(ref) is not None:
                raise errors.classic(
                    400,
                    "Invalid Request",
                    "ALREADY_EXISTS",
                    f"Customer with object_reference_id {ref} already exists",
                    user_message="Customer already exists",
                )
            now = utc_now()
            customer = Customer(
                id=f"cst_{rand(16)}",
                object_reference_id=ref,
                mobile_number=mobile,
                mobile_country_code=form.get("mobile_country_code", "91"),
                email_address=form.get("email_address", ""),
                first_name=form.get("first_name", ""),
                last_name=form.get("last_name", ""),
                created=now,
                updated=now,
            )
            self.customers[customer.id] = customer
            profile = fixtures.find_test_customer(mobile)
            if profile is not None:
                wallet = Wallet(
                    id=f"wlm_{rand(16)}",
                    customer_id=customer.id,
                    mobile_number=mobile,
                    linked=profile.linked,
                    balance_paise=profile.balance_paise,
                    declines=profile.declines,
                    last_refreshed=now,
                )
                self.wallets[wallet.id] = wallet
            return customer

    def mint_client_auth_token(self) -> tuple[str, datetime]:
        """Return a fresh ``tkn_`` client auth token and its expiry (15 minutes)."""
        with self.lock:
            value = f"tkn_{secrets.token_hex(16)}"
            self.client_auth_tokens[value] = self.clock() + CLIENT_AUTH_TOKEN_LIFETIME_S
            expiry = datetime.fromtimestamp(
                time.time() + CLIENT_AUTH_TOKEN_LIFETIME_S, UTC
            ).replace(microsecond=0)
            return value, expiry

    # -- wallets -----------------------------------------------------------------

    def customer_wallets(
        self, ref: str, *, refresh: bool
    ) -> list[tuple[Wallet, str | None]]:
        """Return the customer's wallets, each linked one with a fresh token."""
        with self.lock:
            customer = self.find_customer(ref)
            if customer is None:
                raise errors.classic(
                    400,
                    "Invalid Request",
                    "null_error",
                    "Customer not found for given customerId.",
                )
            result: list[tuple[Wallet, str | None]] = []
            for wallet in self.wallets.values():
                if wallet.customer_id != customer.id:
                    continue
                self._settle_consent(wallet)
                if refresh and wallet.linked:
                    wallet.last_refreshed = utc_now()
                result.append(
                    (wallet, self._mint_token(wallet) if wallet.linked else None)
                )
            return result

    def _settle_consent(self, wallet: Wallet) -> None:
        """Expire the wallet's open session once its lifetime is over."""
        if wallet.consent_session is None:
            return
        session = self.consents[wallet.consent_session]
        if session.status == "PENDING" and self.clock() >= session.expires_at:
            session.status = "EXPIRED"
        if session.status != "PENDING":
            wallet.consent_session = None
            if not wallet.linked:
                wallet.consent_status = session.status

    def _mint_token(self, wallet: Wallet) -> str:
        value = f"tkn_{secrets.token_hex(16)}"
        expires_at = self.clock() + self.token_lifetime_s
        self.tokens[value] = Token(value, wallet.id, wallet.customer_id, expires_at)
        return value

    # -- orders ------------------------------------------------------------------

    def create_order(self, form: Mapping[str, str]) -> Order:
        """Create an order in status NEW; raise structured errors for bad input."""
        order_id = form.get("order_id", "")
        amount_text = form.get("amount", "")
        currency = form.get("currency", "") or "INR"
        if not order_id:
            raise errors.structured(
                "MISSING_MANDATORY_PARAMETER",
                "Mandatory field order_id is missing",
                {"order_id": "required"},
            )
        if not _ORDER_ID.match(order_id):
            raise errors.structured(
                "INVALID_INPUT",
                "order_id must be alphanumeric (also _ and -) and shorter than 21",
                {"order_id": "invalid"},
            )
        if not amount_text:
            raise errors.structured(
                "MISSING_MANDATORY_PARAMETER",
                "Mandatory field amount is missing",
                {"amount": "required"},
            )
        try:
            amount_paise = amounts.parse_amount(amount_text)
        except amounts.AmountFormatError:
            raise errors.structured(
                "INVALID_INPUT",
                "amount must be a number with at most 2 decimals",
                {"amount": "invalid"},
            ) from None
        if amount_paise <= 0:
            raise errors.structured(
                "INVALID_INPUT", "amount must be greater than 0", {"amount": "invalid"}
            )
        if currency != "INR":
            raise errors.structured(
                "INVALID_INPUT",
                f"currency {currency} is not enabled for the merchant",
                {"currency": "invalid"},
            )

        with self.lock:
            if order_id in self.orders:
                raise errors.structured(
                    "ALREADY_EXISTS",
                    f"Order with order_id {order_id} already exists",
                    {"order_id": "already exists"},
                )
            now = utc_now()
            order = Order(
                id=f"ordeh_{secrets.token_hex(16)}",
                order_id=order_id,
                merchant_id=self.merchant_id,
                amount_paise=amount_paise,
                currency=currency,
                customer_id=form.get("customer_id", ""),
                customer_email=form.get("customer_email", ""),
                customer_phone=form.get("customer_phone", ""),
                product_id=form.get("product_id", ""),
                description=form.get("description", ""),
                return_url=form.get("return_url", ""),
                udfs={f"udf{i}": form.get(f"udf{i}", "") for i in range(1, 11)},
                created=now,
                updated=now,
            )
            self.orders[order_id] = order
            return order

    def get_order(self, order_id: str) -> Order:
        """Return the order or raise the NOT_FOUND error (404)."""
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                raise errors.order_not_found(order_id)
            return order


def txn_error(
    code: str, message: str, *, user_message: str | None = None
) -> errors.ApiError:
    """Build the classic-shape 400 that ``/txns`` answers with."""
    return errors.classic(
        400, "Invalid Request", code, message, user_message=user_message
    )
