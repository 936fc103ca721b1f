"""In-memory state of the sandbox: customers, wallets, tokens, orders, transactions.

Every method takes :attr:`Ledger.lock` (re-entrant); the app holds it too while it
renders an answer, so one request sees one consistent state. Amounts are integer
paise. Errors are raised as :class:`~pos_app.sandbox.errors.ApiError` with the
Juspay body.
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
from pos_app.sandbox.records import Customer, Order, Token, Txn, Wallet

__all__ = ["DEFAULT_TOKEN_LIFETIME_S", "MAX_TXNS_PER_ORDER", "Ledger"]

MAX_TXNS_PER_ORDER = 25
DEFAULT_TOKEN_LIFETIME_S = 600.0
CLIENT_AUTH_TOKEN_LIFETIME_S = 900.0

_ORDER_ID = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
_MOBILE = re.compile(r"^[0-9]{6,15}$")
_ALPHABET = string.ascii_lowercase + string.digits


def _rand(n: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(n))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Ledger:
    """Thread-safe sandbox state for one merchant."""

    def __init__(
        self,
        merchant_id: str = fixtures.MERCHANT_ID,
        *,
        token_lifetime_s: float = DEFAULT_TOKEN_LIFETIME_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lock = threading.RLock()
        self.merchant_id = merchant_id
        self.token_lifetime_s = token_lifetime_s
        self.clock = clock
        self.customers: dict[str, Customer] = {}
        self.wallets: dict[str, Wallet] = {}
        self.tokens: dict[str, Token] = {}
        self.orders: dict[str, Order] = {}
        self.client_auth_tokens: dict[str, float] = {}

    def __repr__(self) -> str:
        return (
            f"<Ledger {self.merchant_id} customers={len(self.customers)} "
            f"orders={len(self.orders)}>"
        )

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
            now = _now()
            customer = Customer(
                id=f"cst_{_rand(16)}",
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
                    id=f"wlm_{_rand(16)}",
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
                if refresh:
                    wallet.last_refreshed = _now()
                result.append(
                    (wallet, self._mint_token(wallet) if wallet.linked else None)
                )
            return result

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
            now = _now()
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

    # -- transactions --------------------------------------------------------------

    def create_txn(self, form: Mapping[str, str]) -> Txn:
        """Run ``POST /txns``: a direct debit with a token, else a redirect payment."""
        order_id = form.get("order_id", "")
        if not order_id or not form.get("merchant_id"):
            raise _txn_error(
                "MISSING_MANDATORY_PARAMETER", "Mandatory fields are missing"
            )
        if form["merchant_id"] != self.merchant_id:
            raise _txn_error("INVALID_INPUT", "merchant_id does not match the API key")
        method = (form.get("payment_method_type", ""), form.get("payment_method", ""))
        if method != ("WALLET", "AMAZONPAY"):
            raise _txn_error(
                "INVALID_INPUT",
                f"Payment method {method[0]}/{method[1]} is not simulated by the "
                "sandbox (only WALLET/AMAZONPAY)",
            )

        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                raise _txn_error("RESOURCE_NOT_FOUND", f"Order {order_id} not found")
            if any(t.status == "CHARGED" for t in order.txns):
                raise _txn_error("INVALID_ACTION", "Order is already charged")
            if len(order.txns) >= MAX_TXNS_PER_ORDER:
                raise _txn_error(
                    "INVALID_ACTION",
                    f"Order has reached {MAX_TXNS_PER_ORDER} transactions",
                )
            token_value = form.get("direct_wallet_token", "")
            if token_value:
                return self._direct_debit(order, token_value)
            return self._redirect(order)

    def _new_txn(self, order: Order, status: str, flow: str, auth_path: str) -> Txn:
        now = _now()
        txn_id = f"{self.merchant_id}-{order.order_id}-{len(order.txns) + 1}"
        txn = Txn(
            txn_id=txn_id,
            txn_uuid=f"mozo{_rand(16)}",
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
            raise _txn_error(
                "EXPIRED",
                "direct_wallet_token is invalid, expired or already used",
                user_message="Wallet token expired. Refresh the wallet and retry.",
            )
        owner = self.find_customer(order.customer_id) if order.customer_id else None
        if owner is None or owner.id != token.customer_id:
            raise _txn_error(
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
            txn.epg_txn_id = (
                f"P04-{secrets.randbelow(10**7):07d}-{secrets.randbelow(10**7):07d}"
            )
        return txn

    def _redirect(self, order: Order) -> Txn:
        return self._new_txn(
            order, "PENDING_VBV", "REDIRECT_DEBIT", "/pay/start/{merchant}/{txn_id}"
        )


def _txn_error(
    code: str, message: str, *, user_message: str | None = None
) -> errors.ApiError:
    return errors.classic(
        400, "Invalid Request", code, message, user_message=user_message
    )
