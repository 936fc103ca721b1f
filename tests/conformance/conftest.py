"""A real checkout on the sandbox (loopback HTTP, SQLite file) for conformance tests.

The same set-up as ``tests/checkout``: what the sandbox records is exactly what the
real client sent, so the tests can hold it to the gateway reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.checkout.service import CheckoutService
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox.server import SandboxServer
from pos_app.store.db import open_store

RETURN_URL = "https://pos.invalid/return"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def make_service(
    sandbox: SandboxServer, tmp_path: Path
) -> Iterator[Callable[..., CheckoutService]]:
    made: list[CheckoutService] = []

    def make(route: str = "AMAZONPAY") -> CheckoutService:
        if route != "AMAZONPAY":
            sandbox.ledger.redirect_gateway = route
        client = JuspayClient(
            GatewayConfig(
                base_url=sandbox.base_url,
                merchant_id=sandbox.merchant_id,
                api_key=sandbox.api_key,
                read_timeout=2.0,
            )
        )
        store = open_store(f"sqlite:///{tmp_path / f'pos{len(made)}.db'}")
        svc = CheckoutService(
            client,
            store,
            terminal_id="T01",
            cashier="tester",
            merchant_id=sandbox.merchant_id,
            return_url=RETURN_URL,
            route=route,
            confirm_delays=(0.05, 0.1),
            hosted_delays=(0.05, 0.1),
            response_key=sandbox.response_key,
        )
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The customer's phone or the web view: follows nothing, so tests see redirects."""
    with httpx.Client(follow_redirects=False, timeout=5) as client:
        yield client
