"""In-memory state of the sandbox: customers, wallets, tokens, orders, transactions.

Every method takes :attr:`Ledger.lock` (re-entrant); the app holds it too while it
renders an answer, so one request sees one consistent state. Amounts are integer
paise. Errors are raised as :class:`~pos_app.sandbox.errors.ApiError` with the
Juspay body.

The state and the customer/order operations are in :mod:`~pos_app.sandbox.core`;
wallet linking in :mod:`~pos_app.sandbox.linking`; ``/txns`` in
:mod:`~pos_app.sandbox.txns`; the top-up and OTP pages' operations in
:mod:`~pos_app.sandbox.payments`.
"""

from __future__ import annotations

from pos_app.sandbox.core import (
    DEFAULT_CONSENT_LIFETIME_S,
    DEFAULT_LINK_CODE_LIFETIME_S,
    DEFAULT_REDIRECT_GATEWAY,
    DEFAULT_TOKEN_LIFETIME_S,
    MAX_TXNS_PER_ORDER,
)
from pos_app.sandbox.linking import WalletLinking
from pos_app.sandbox.payments import PaymentPages
from pos_app.sandbox.txns import Transactions

__all__ = [
    "DEFAULT_CONSENT_LIFETIME_S",
    "DEFAULT_LINK_CODE_LIFETIME_S",
    "DEFAULT_REDIRECT_GATEWAY",
    "DEFAULT_TOKEN_LIFETIME_S",
    "MAX_TXNS_PER_ORDER",
    "Ledger",
]


class Ledger(WalletLinking, Transactions, PaymentPages):
    """Thread-safe sandbox state for one merchant, with every operation.

    See :class:`~pos_app.sandbox.core.LedgerCore` for the constructor's knobs.
    """
