"""Fault tests: a real checkout on a loopback sandbox, short timeouts, a tally.

The matrix prints ``fault matrix: N cases, M failures`` at the end of the run (one
case is one ``test_fault_case`` id that ran).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.checkout.service import CheckoutService
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox.server import SandboxServer
from pos_app.store.db import open_store

#: Client timeouts (s): a ``timeout`` fault hangs longer than this.
CLIENT_TIMEOUT_S = 0.5
MATRIX_TEST = "test_fault_matrix.py::test_fault_case"

_matrix: dict[str, bool] = {}  # node id -> failed
# Loading the CA bundle costs ~0.1 s per httpx client; everything here is plain
# loopback HTTP, so every client shares one context.
_TLS = ssl.create_default_context()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if MATRIX_TEST not in report.nodeid or report.skipped:
        return
    if report.when == "call" or report.failed:
        _matrix[report.nodeid] = _matrix.get(report.nodeid, False) or report.failed


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _matrix:
        failures = sum(_matrix.values())
        terminalreporter.write_line(
            f"fault matrix: {len(_matrix)} cases, {failures} failures"
        )


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
                read_timeout=CLIENT_TIMEOUT_S,
                lookup_timeout=CLIENT_TIMEOUT_S,
            ),
            transport=httpx.HTTPTransport(verify=_TLS),
        )
        store = open_store(f"sqlite:///{tmp_path / f'pos{len(made)}.db'}")
        svc = CheckoutService(
            client,
            store,
            terminal_id="T01",
            cashier="tester",
            merchant_id=sandbox.merchant_id,
            return_url="https://pos.invalid/return",
            route=route,
            response_key=sandbox.response_key,
            confirm_delays=(0.05, 0.1),
            hosted_delays=(0.05, 0.1),
        )
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()
        svc.store.close()


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The customer's phone or the web view: follows nothing, so tests see returns."""
    with httpx.Client(follow_redirects=False, timeout=5, verify=_TLS) as client:
        yield client
