"""A real checkout: the sandbox on loopback, the httpx client, a SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.checkout.service import CheckoutService
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox.server import SandboxServer
from pos_app.store.db import open_store


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def service(sandbox: SandboxServer, tmp_path: Path) -> Iterator[CheckoutService]:
    client = JuspayClient(
        GatewayConfig(
            base_url=sandbox.base_url,
            merchant_id=sandbox.merchant_id,
            api_key=sandbox.api_key,
            read_timeout=1.0,
        )
    )
    store = open_store(f"sqlite:///{tmp_path / 'pos.db'}")
    svc = CheckoutService(
        client,
        store,
        terminal_id="T01",
        cashier="tester",
        merchant_id=sandbox.merchant_id,
        return_url="https://pos.invalid/return",
        confirm_delays=(0.05, 0.1),
        hosted_delays=(0.05, 0.1),
        response_key=sandbox.response_key,
    )
    yield svc
    svc.close()
