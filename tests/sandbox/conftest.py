"""Fixtures: a started SandboxServer per test and a small shop-floor helper."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from pos_app.gateway.signature import verify_return_signature
from pos_app.sandbox.server import SandboxServer

RETURN_URL = "http://127.0.0.1:1/return"


def query_of(url: str) -> dict[str, str]:
    """Return the decoded query parameters of ``url`` (each key once)."""
    pairs = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    assert len({k for k, _ in pairs}) == len(pairs), url
    return dict(pairs)


def assert_signed(location: str, response_key: str) -> dict[str, str]:
    """Check a redirect's signature as the app does; return its parameters."""
    assert verify_return_signature(location, response_key)
    assert not verify_return_signature(location, "another_response_key")
    assert "%253D" in location  # the Base64 padding, encoded twice in the raw URL
    params = query_of(location)
    assert params["signature_algorithm"] == "HMAC-SHA256"
    return params


def has_id(page: str, element_id: str) -> bool:
    """Whether an element with this id is in the HTML."""
    return re.search(rf"""\bid=['"]{re.escape(element_id)}['"]""", page) is not None


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=sandbox.base_url, auth=(sandbox.api_key, ""), timeout=5.0
    ) as authed:
        yield authed


@pytest.fixture
def anon(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, timeout=5.0) as unauthed:
        yield unauthed


class Shop:
    """Drive the sandbox the way the POS does: customer, order, token, debit."""

    def __init__(self, server: SandboxServer, client: httpx.Client) -> None:
        self.server = server
        self.client = client
        self._seq = 0

    def customer(self, mobile: str = "9999900001") -> str:
        self._seq += 1
        ref = f"cust_{mobile}_{self._seq}"
        reply = self.client.post(
            "/customers", data={"object_reference_id": ref, "mobile_number": mobile}
        )
        assert reply.status_code == 200, reply.text
        return str(reply.json()["id"])

    def order(
        self,
        amount: str,
        customer_id: str,
        order_id: str | None = None,
        return_url: str = RETURN_URL,
    ) -> str:
        self._seq += 1
        oid = order_id or f"ord{self._seq:04d}"
        reply = self.client.post(
            "/orders",
            data={
                "order_id": oid,
                "amount": amount,
                "currency": "INR",
                "customer_id": customer_id,
                "return_url": return_url,
            },
        )
        assert reply.status_code == 200, reply.text
        return oid

    def token(self, customer_id: str) -> str:
        reply = self.client.get(f"/customers/{customer_id}/wallets/refresh-balances")
        assert reply.status_code == 200, reply.text
        return str(reply.json()["list"][0]["token"])

    def debit(
        self, order_id: str, token: str, client: httpx.Client | None = None
    ) -> httpx.Response:
        return (client or self.client).post(
            "/txns", data=self.txn_form(order_id, token)
        )

    def txn_form(self, order_id: str, token: str | None) -> dict[str, Any]:
        form = {
            "order_id": order_id,
            "merchant_id": self.server.merchant_id,
            "payment_method_type": "WALLET",
            "payment_method": "AMAZONPAY",
            "redirect_after_payment": "true",
            "format": "json",
        }
        if token is not None:
            form["direct_wallet_token"] = token
        return form

    def status(self, order_id: str) -> dict[str, Any]:
        reply = self.client.get(f"/orders/{order_id}")
        assert reply.status_code == 200, reply.text
        body: dict[str, Any] = reply.json()
        return body

    def balance_paise(self, customer_id: str) -> int:
        with self.server.ledger.lock:
            wallets = [
                w
                for w in self.server.ledger.wallets.values()
                if w.customer_id == customer_id
            ]
            assert len(wallets) == 1
            return wallets[0].balance_paise


@pytest.fixture
def shop(sandbox: SandboxServer, client: httpx.Client) -> Shop:
    return Shop(sandbox, client)
