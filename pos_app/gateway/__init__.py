"""Juspay Express Checkout client: config, typed replies, errors, return signatures.

No Qt and no database here. The client is blocking; run it off the GUI thread.
"""

from pos_app.gateway.client import JuspayClient
from pos_app.gateway.config import (
    DEFAULT_API_VERSION,
    JUSPAY_PRODUCTION_URL,
    JUSPAY_SANDBOX_URL,
    GatewayConfig,
)
from pos_app.gateway.errors import (
    AuthenticationError,
    DuplicateRequest,
    GatewayError,
    GatewayUnavailable,
    InvalidRequest,
    MalformedResponse,
    NotFound,
    OrderNotFound,
    OutcomeUnknown,
    RefundExceeded,
    TokenExpired,
)
from pos_app.gateway.models import (
    Authentication,
    Customer,
    Order,
    OrderStatus,
    PaymentMethod,
    Refund,
    RefundStatus,
    Transaction,
    Wallet,
    WalletSubDetail,
)
from pos_app.gateway.redirects import (
    ConsentReturn,
    ReturnParams,
    auto_submit_form,
    parse_consent_return,
    parse_return_url,
    verify_return,
)
from pos_app.gateway.signature import sign_return_params, verify_return_signature

__all__ = [
    "DEFAULT_API_VERSION",
    "JUSPAY_PRODUCTION_URL",
    "JUSPAY_SANDBOX_URL",
    "Authentication",
    "AuthenticationError",
    "ConsentReturn",
    "Customer",
    "DuplicateRequest",
    "GatewayConfig",
    "GatewayError",
    "GatewayUnavailable",
    "InvalidRequest",
    "JuspayClient",
    "MalformedResponse",
    "NotFound",
    "Order",
    "OrderNotFound",
    "OrderStatus",
    "OutcomeUnknown",
    "PaymentMethod",
    "Refund",
    "RefundExceeded",
    "RefundStatus",
    "ReturnParams",
    "TokenExpired",
    "Transaction",
    "Wallet",
    "WalletSubDetail",
    "auto_submit_form",
    "parse_consent_return",
    "parse_return_url",
    "sign_return_params",
    "verify_return",
    "verify_return_signature",
]
