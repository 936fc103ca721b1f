"""Assemble a working checkout from configuration: gateway, store, service.

Heavy imports (httpx, sqlmodel, the sandbox) happen here, inside the function, so the
GUI can show its first window before any of them load.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pos_app.config import AppConfig

if TYPE_CHECKING:
    from pos_app.checkout.service import CheckoutService
    from pos_app.sandbox.server import SandboxServer

__all__ = ["build_service"]

log = logging.getLogger(__name__)


def build_service(
    config: AppConfig, *, sandbox: SandboxServer | None = None
) -> CheckoutService:
    """Start what the configuration asks for and return the checkout service.

    With the embedded gateway (the default) a sandbox server is started on 127.0.0.1
    and a free port, and stopped again when the service is closed; pass ``sandbox`` to
    use one the caller already runs.
    """
    from pos_app.checkout.service import CheckoutService
    from pos_app.gateway.client import GatewayConfig, JuspayClient
    from pos_app.store.db import open_store

    owned: SandboxServer | None = None
    since: datetime | None = None
    if config.uses_embedded_sandbox and sandbox is None:
        from pos_app.sandbox.server import SandboxServer

        owned = sandbox = SandboxServer(latency_ms=config.sandbox_latency_ms)
        sandbox.start()
        # It remembers nothing from earlier runs: only its own attempts can be checked.
        since = datetime.now(UTC)
        log.info("embedded sandbox listening at %s", sandbox.base_url)

    if sandbox is not None and config.uses_embedded_sandbox:
        base_url, merchant_id, api_key = (
            sandbox.base_url,
            sandbox.merchant_id,
            sandbox.api_key,
        )
        response_key: str | None = sandbox.response_key
        if config.amazon_pay_route != "AMAZONPAY":
            # In the sandbox the merchant's routing is ours to set; at Juspay it is
            # dashboard configuration that must match POS_AMAZON_PAY_ROUTE.
            sandbox.ledger.redirect_gateway = config.amazon_pay_route
    else:
        assert config.base_url and config.merchant_id and config.api_key  # validated
        base_url, merchant_id, api_key = (
            config.base_url,
            config.merchant_id,
            config.api_key,
        )
        response_key = config.response_key

    try:
        store = open_store(config.database_url)
        client = JuspayClient(
            GatewayConfig(
                base_url=base_url,
                merchant_id=merchant_id,
                api_key=api_key,
                return_url=config.return_url,
            )
        )
    except BaseException:
        if owned is not None:
            owned.stop()
        raise
    return CheckoutService(
        client,
        store,
        terminal_id=config.terminal_id,
        cashier=config.cashier,
        merchant_id=merchant_id,
        return_url=config.return_url,
        response_key=response_key,
        route=config.amazon_pay_route,
        reconcile_since=since,
        on_close=owned.stop if owned is not None else None,
    )
