"""Where the app's settings come from: the environment, with safe defaults.

The default is the embedded sandbox, so the app runs with no credentials and no
network. Real Juspay hosts are used only when ``POS_GATEWAY_MODE`` says so and a
merchant id and API key are given. The API key lives only in memory here: it is never
logged, stored in the database or shown (``repr`` hides it).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["AppConfig", "ConfigError", "GatewayMode"]

JUSPAY_SANDBOX_URL = "https://sandbox.juspay.in"
JUSPAY_PRODUCTION_URL = "https://api.juspay.in"
DEFAULT_RETURN_URL = "https://pos.invalid/payment-return"
_ROUTES = {"AMAZONPAY", "PAYU", "RAZORPAY", "GOCASHFREE", "BILLDESK"}


class ConfigError(ValueError):
    """The configuration cannot work; the message says what to fix."""


class GatewayMode(enum.StrEnum):
    EMBEDDED = "embedded"  # the built-in sandbox, started in-process
    JUSPAY_SANDBOX = "juspay-sandbox"
    JUSPAY_PRODUCTION = "juspay-production"


@dataclass(frozen=True, slots=True)
class AppConfig:
    mode: GatewayMode = GatewayMode.EMBEDDED
    gateway_url: str | None = None  # overrides the mode's host (e.g. a sandbox process)
    merchant_id: str | None = None
    api_key: str | None = field(default=None, repr=False)
    response_key: str | None = field(default=None, repr=False)
    return_url: str = DEFAULT_RETURN_URL
    terminal_id: str = "T01"
    cashier: str = "cashier"
    database_url: str | None = None
    sandbox_latency_ms: int = 0
    #: How Amazon Pay reaches the gateway: AMAZONPAY (direct debit, Link and Pay) or
    #: a redirect route with an OTP page: PAYU, RAZORPAY, GOCASHFREE, BILLDESK.
    amazon_pay_route: str = "AMAZONPAY"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppConfig:
        values = os.environ if env is None else env
        mode_text = values.get("POS_GATEWAY_MODE", GatewayMode.EMBEDDED.value)
        try:
            mode = GatewayMode(mode_text)
        except ValueError as exc:
            choices = ", ".join(m.value for m in GatewayMode)
            raise ConfigError(f"POS_GATEWAY_MODE must be one of: {choices}") from exc
        latency = values.get("POS_SANDBOX_LATENCY_MS", "0")
        if not latency.isdigit():
            raise ConfigError("POS_SANDBOX_LATENCY_MS must be a whole number")
        config = cls(
            mode=mode,
            gateway_url=values.get("POS_GATEWAY_URL") or None,
            merchant_id=values.get("POS_MERCHANT_ID") or None,
            api_key=values.get("POS_API_KEY") or None,
            response_key=values.get("POS_RESPONSE_KEY") or None,
            return_url=values.get("POS_RETURN_URL") or DEFAULT_RETURN_URL,
            terminal_id=values.get("POS_TERMINAL_ID") or "T01",
            cashier=values.get("POS_CASHIER") or "cashier",
            database_url=values.get("POS_DATABASE_URL") or None,
            sandbox_latency_ms=int(latency),
            amazon_pay_route=(
                values.get("POS_AMAZON_PAY_ROUTE") or "AMAZONPAY"
            ).upper(),
        )
        config.validate()
        return config

    @property
    def uses_embedded_sandbox(self) -> bool:
        return self.mode is GatewayMode.EMBEDDED and self.gateway_url is None

    @property
    def base_url(self) -> str | None:
        """The gateway's base URL, or None when the embedded sandbox picks its own."""
        if self.gateway_url:
            return self.gateway_url.rstrip("/")
        if self.mode is GatewayMode.JUSPAY_SANDBOX:
            return JUSPAY_SANDBOX_URL
        if self.mode is GatewayMode.JUSPAY_PRODUCTION:
            return JUSPAY_PRODUCTION_URL
        return None

    @property
    def gateway_label(self) -> str:
        if self.uses_embedded_sandbox:
            return "Embedded sandbox"
        if self.mode is GatewayMode.JUSPAY_PRODUCTION:
            return "Juspay (live)"
        if self.mode is GatewayMode.JUSPAY_SANDBOX:
            return "Juspay sandbox"
        return f"Gateway at {self.base_url}"

    def validate(self) -> None:
        if self.amazon_pay_route not in _ROUTES:
            raise ConfigError(
                "POS_AMAZON_PAY_ROUTE must be one of: " + ", ".join(sorted(_ROUTES))
            )
        if self.uses_embedded_sandbox:
            return
        if not self.merchant_id or not self.api_key:
            raise ConfigError(
                "A merchant id (POS_MERCHANT_ID) and an API key (POS_API_KEY) are "
                "needed for any gateway other than the embedded sandbox"
            )
        url = self.base_url or ""
        if self.mode is not GatewayMode.EMBEDDED and not url.startswith("https://"):
            raise ConfigError("Real Juspay hosts are reached over https only")
