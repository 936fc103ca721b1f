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
    GatewayError,
    GatewayUnavailable,
    InvalidRequest,
    MalformedResponse,
    NotFound,
    OrderNotFound,
    OutcomeUnknown,
    TokenExpired,
)
from pos_app.gateway.models import (
    Authentication,
    Customer,
    Order,
    OrderStatus,
    PaymentMethod,
    Refund,
    Transaction,
    Wallet,
    WalletSubDetail,
)
from pos_app.gateway.signature import sign_return_params, verify_return_signature

__all__ = [
    "DEFAULT_API_VERSION",
    "JUSPAY_PRODUCTION_URL",
    "JUSPAY_SANDBOX_URL",
    "Authentication",
    "AuthenticationError",
    "Customer",
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
    "TokenExpired",
    "Transaction",
    "Wallet",
    "WalletSubDetail",
    "sign_return_params",
    "verify_return_signature",
]
