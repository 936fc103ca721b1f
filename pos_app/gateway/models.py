"""Typed, lenient views of the gateway's JSON replies.

Juspay adds keys over time and its samples disagree on types (``"linked": "true"``,
``"status_id": "21"``, amounts as numbers or strings, two timestamp formats), so every
model ignores unknown keys, tolerates nulls and coerces the documented variants.
Amounts become :class:`~pos_app.domain.money.Money`; callers decode JSON with
:func:`decode_json`, which turns JSON numbers with a fraction into ``Decimal`` so no
float ever appears. An amount that is not exact money (three decimals, text) is an
error, never rounded; a timestamp that cannot be read becomes ``None``.

The wallet, payment-method and transaction models live in ``_wallet_models`` and
are re-exported here; import every model from this module.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import Field, model_validator

from pos_app.domain.states import GatewayStatus, classify_gateway_status
from pos_app.gateway._parsing import (
    Amount,
    Bool,
    Int,
    LenientModel,
    Listed,
    Nested,
    ReqStr,
    Str,
    StrMap,
    Timestamp,
    decode_json,
)
from pos_app.gateway._wallet_models import (
    Authentication,
    PaymentMethod,
    Transaction,
    Wallet,
    WalletSubDetail,
)

__all__ = [
    "Authentication",
    "ClientAuthToken",
    "Customer",
    "Order",
    "OrderStatus",
    "PaymentGatewayResponse",
    "PaymentLinks",
    "PaymentMethod",
    "Refund",
    "RefundStatus",
    "Transaction",
    "TxnDetail",
    "Wallet",
    "WalletSubDetail",
    "decode_json",
    "parse_list",
]

_T = TypeVar("_T")
_Model = LenientModel


class _WithUdfs(_Model):
    """Gathers ``udf1``..``udf10`` into one ``udfs`` mapping (empty ones left out)."""

    udfs: StrMap = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_udfs(cls, data: Any) -> Any:
        if isinstance(data, dict):
            found = {f"udf{n}": data.get(f"udf{n}") for n in range(1, 11)}
            udfs = {k: str(v) for k, v in found.items() if v not in (None, "")}
            data = {**data, "udfs": udfs}
        return data


# -- customers ----------------------------------------------------------------------


class ClientAuthToken(_Model):
    """The ``juspay`` block: a short-lived client token, when one was requested."""

    client_auth_token: Str = Field(default=None, repr=False)
    client_auth_token_expiry: Timestamp = None


class Customer(_Model):
    """A Juspay customer object (reference 2.1)."""

    # A legacy page calls the id ``customer_id``; current samples use ``id``.
    id: ReqStr
    object_reference_id: Str = None
    mobile_number: Str = Field(default=None, repr=False)
    mobile_country_code: Str = None
    email_address: Str = Field(default=None, repr=False)
    first_name: Str = Field(default=None, repr=False)
    last_name: Str = Field(default=None, repr=False)
    date_created: Timestamp = None
    last_updated: Timestamp = None
    juspay: Annotated[ClientAuthToken | None, Nested] = None

    @model_validator(mode="before")
    @classmethod
    def _legacy_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is None and "customer_id" in data:
            data = {**data, "id": data["customer_id"]}
        return data


# -- orders -------------------------------------------------------------------------


class PaymentLinks(_Model):
    """Hosted payment page links of an order."""

    web: Str = None
    mobile: Str = None
    iframe: Str = None


class Order(_WithUdfs):
    """The reply to Create Order (reference 3.1)."""

    id: Str = None
    order_id: ReqStr
    merchant_id: Str = None
    status: Str = None
    status_id: Int = None
    amount: Amount = None
    currency: Str = None
    amount_refunded: Amount = None
    refunded: Bool = None
    customer_id: Str = None
    customer_email: Str = Field(default=None, repr=False)
    customer_phone: Str = Field(default=None, repr=False)
    product_id: Str = None
    return_url: Str = None
    date_created: Timestamp = None
    payment_links: Annotated[PaymentLinks | None, Nested] = None
    juspay: Annotated[ClientAuthToken | None, Nested] = None


class TxnDetail(_Model):
    """The ``txn_detail`` block of an order status."""

    txn_id: Str = None
    txn_uuid: Str = None
    order_id: Str = None
    status: Str = None
    gateway: Str = None
    gateway_id: Str = None
    txn_amount: Amount = None
    net_amount: Amount = None
    surcharge_amount: Amount = None
    tax_amount: Amount = None
    offer_deduction_amount: Amount = None
    currency: Str = None
    txn_flow_type: Str = None
    redirect: Bool = None
    express_checkout: Bool = None
    error_code: Str = None
    error_message: Str = None
    created: Timestamp = None
    last_updated: Timestamp = None


class PaymentGatewayResponse(_Model):
    """The ``payment_gateway_response`` block (the gateway's own answer)."""

    txn_id: Str = None
    epg_txn_id: Str = None
    resp_code: Str = None
    resp_message: Str = None
    rrn: Str = None
    auth_id_code: Str = None
    created: Timestamp = None


class RefundStatus(enum.StrEnum):
    """The documented refund statuses (reference 3.5)."""

    PENDING = "PENDING"  # queued at Juspay or downstream
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"  # not processed: a retry needs a NEW unique_request_id
    MANUAL_REVIEW = "MANUAL_REVIEW"  # ambiguous: reconcile by hand


class Refund(_Model):
    """One ``refunds[]`` entry of an order status or refund reply."""

    unique_request_id: Str = None
    id: Str = None
    ref: Str = None
    status: Str = None
    amount: Amount = None
    sent_to_gateway: Bool = None
    refund_type: Str = None
    refund_source: Str = None
    initiated_by: Str = None
    error_code: Str = None
    error_message: Str = None
    arn: Str = None
    created: Timestamp = None
    expected_refund_credit_time: Timestamp = None

    @property
    def refund_status(self) -> RefundStatus | None:
        """``status`` as a :class:`RefundStatus`; ``None`` for an undocumented one."""
        try:
            return RefundStatus((self.status or "").strip().upper())
        except ValueError:
            return None


class _OrderWallet(_Model):
    txn_flow_type: Str = None


class OrderStatus(_WithUdfs):
    """The reply to Order Status (reference 3.2): what happened to an order."""

    id: Str = None
    order_id: ReqStr
    merchant_id: Str = None
    status: ReqStr
    status_id: Int = None
    amount: Amount = None
    effective_amount: Amount = None
    captured_amount: Amount = None
    currency: Str = None
    amount_refunded: Amount = None
    refunded: Bool = None
    customer_id: Str = None
    txn_id: Str = None
    txn_uuid: Str = None
    payment_method_type: Str = None
    payment_method: Str = None
    wallet: Annotated[_OrderWallet | None, Nested] = None
    gateway_id: Str = None
    gateway_reference_id: Str = None
    txn_detail: Annotated[TxnDetail | None, Nested] = None
    payment_gateway_response: Annotated[PaymentGatewayResponse | None, Nested] = None
    bank_error_code: Str = None
    bank_error_message: Str = None
    resp_code: Str = None
    resp_message: Str = None
    refunds: Annotated[list[Refund], Listed] = Field(default_factory=list)
    return_url: Str = None
    date_created: Timestamp = None
    last_updated: Timestamp = None
    payment_links: Annotated[PaymentLinks | None, Nested] = None

    @property
    def classification(self) -> GatewayStatus:
        """What this status means for the checkout (success, failure, pending...)."""
        return classify_gateway_status(self.status)

    def refund(self, unique_request_id: str) -> Refund | None:
        """The refund with this ``unique_request_id`` (the latest if repeated)."""
        found = [r for r in self.refunds if r.unique_request_id == unique_request_id]
        return found[-1] if found else None

    @property
    def txn_flow_type(self) -> str | None:
        """``DIRECT_DEBIT`` or a redirect flow, from ``wallet`` or ``txn_detail``."""
        if self.wallet is not None and self.wallet.txn_flow_type:
            return self.wallet.txn_flow_type
        return self.txn_detail.txn_flow_type if self.txn_detail else None

    @property
    def error_code(self) -> str | None:
        """Why the latest transaction failed: ``txn_detail`` first, then the bank's."""
        detail = self.txn_detail.error_code if self.txn_detail else None
        return detail or self.bank_error_code or None

    @property
    def error_message(self) -> str | None:
        detail = self.txn_detail.error_message if self.txn_detail else None
        return detail or self.bank_error_message or None

    @property
    def gateway_resp_code(self) -> str | None:
        pgr = self.payment_gateway_response
        return pgr.resp_code if pgr and pgr.resp_code else self.resp_code

    @property
    def gateway_resp_message(self) -> str | None:
        pgr = self.payment_gateway_response
        return pgr.resp_message if pgr and pgr.resp_message else self.resp_message


def parse_list(body: object, key: str, parse: Callable[[object], _T]) -> list[_T]:
    """Read a list reply: ``{"<key>": [...]}``, or (tolerated) a bare JSON list."""
    items = body.get(key) if isinstance(body, dict) else body
    if not isinstance(items, list):
        raise ValueError(f"expected a list under {key!r}")
    return [parse(item) for item in items]
