"""Typed replies of the wallet, payment-method and transaction endpoints.

Re-exported by :mod:`pos_app.gateway.models`; import them from there. The leniency
rules are those of that module.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from pos_app.domain.money import Money
from pos_app.domain.states import GatewayStatus, classify_gateway_status
from pos_app.gateway._parsing import (
    Amount,
    Bool,
    LenientModel,
    Listed,
    Nested,
    ReqStr,
    Str,
    StrMap,
    Timestamp,
)

__all__ = [
    "Authentication",
    "PaymentMethod",
    "Transaction",
    "Wallet",
    "WalletSubDetail",
]

_Model = LenientModel


# -- payment methods and wallets ----------------------------------------------------


class PaymentMethod(_Model):
    """One instrument enabled for the merchant (reference 5)."""

    payment_method_type: Str = None
    payment_method: Str = None
    description: Str = None
    juspay_bank_code: Str = None
    wallet_direct_debit_support: Bool = None
    supported_reference_ids: Annotated[list[str], Listed] = Field(default_factory=list)


class WalletSubDetail(_Model):
    """A ``sub_details[]`` entry: one product inside a wallet account."""

    payment_method: Str = None
    payment_method_type: Str = None
    current_balance: Amount = None
    last_refreshed: Timestamp = None


class Authentication(_Model):
    """Where the shopper must be sent next: ``GET`` a URL, or ``POST`` a form.

    ``params`` are the form fields of a ``POST``; their names are the gateway's and
    change from flow to flow, so never hard-code them
    (:func:`pos_app.gateway.redirects.auto_submit_form` builds the page).
    """

    method: Str = None
    url: Str = None
    params: StrMap = Field(default_factory=dict, repr=False)

    @property
    def is_post(self) -> bool:
        return (self.method or "").strip().upper() == "POST"


class Wallet(_Model):
    """A customer's wallet account (reference 6.1). ``token`` is single-use."""

    id: Str = None
    object: Str = None
    wallet: Str = None
    token: Str = Field(default=None, repr=False)
    linked: Bool = None
    current_balance: Amount = None
    last_refreshed: Timestamp = None
    sub_details: Annotated[list[WalletSubDetail], Listed] = Field(default_factory=list)
    juspay_bank_code: Str = None
    gateway_reference_id: Str = None
    metadata: StrMap = Field(default_factory=dict, repr=False)
    #: Where the shopper gives consent (Amazon Pay), read from
    #: ``authentication.url`` or else a top-level ``consent_url``. Neither key is
    #: documented by Juspay (reference 12.1): our sandbox's choice, read leniently.
    consent_url: Str = Field(default=None, repr=False)

    @model_validator(mode="before")
    @classmethod
    def _consent_url(cls, data: Any) -> Any:
        if isinstance(data, dict):
            auth = data.get("authentication")
            url = auth.get("url") if isinstance(auth, dict) else None
            if isinstance(url, str) and url.strip():
                data = {**data, "consent_url": url.strip()}
        return data

    @property
    def is_linked(self) -> bool:
        return bool(self.linked)

    @property
    def consent_status(self) -> str | None:
        """``metadata.consent_status`` upper-cased (unconfirmed key), else ``None``."""
        value = self.metadata.get("consent_status", "").strip()
        return value.upper() or None

    @property
    def balance(self) -> Money | None:
        """The spendable wallet balance, ``None`` when unknown.

        Which field is authoritative is unconfirmed (reference 6.1, 12.7): one sample
        has the top-level ``current_balance`` equal to the ``WALLET`` sub-entry,
        another has it ``0`` while the sub-entry shows the balance. We prefer the
        ``WALLET`` sub-entry (it excludes pay-later credit) and fall back to
        ``current_balance``.
        """
        for entry in self.sub_details:
            kind = (entry.payment_method_type or "").upper()
            if kind == "WALLET" and entry.current_balance is not None:
                return entry.current_balance
        return self.current_balance


# -- transactions -------------------------------------------------------------------


class _Payment(_Model):
    authentication: Annotated[Authentication | None, Nested] = None


class Transaction(_Model):
    """The reply to ``POST /txns`` (reference 7.2)."""

    order_id: Str = None
    txn_id: Str = None
    txn_uuid: Str = None
    status: ReqStr
    payment: Annotated[_Payment | None, Nested] = None

    @property
    def authentication(self) -> Authentication | None:
        return self.payment.authentication if self.payment else None

    @property
    def classification(self) -> GatewayStatus:
        return classify_gateway_status(self.status)
