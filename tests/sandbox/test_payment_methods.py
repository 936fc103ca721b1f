"""GET /merchants/{id}/paymentmethods."""

from __future__ import annotations

import httpx

from pos_app.sandbox.server import SandboxServer


def _path(sandbox: SandboxServer) -> str:
    return f"/merchants/{sandbox.merchant_id}/paymentmethods"


def test_without_auth_lists_methods(sandbox: SandboxServer, anon: httpx.Client) -> None:
    reply = anon.get(_path(sandbox))

    assert reply.status_code == 200
    methods = reply.json()["payment_methods"]
    pairs = {(m["payment_method_type"], m["payment_method"]) for m in methods}
    assert ("WALLET", "AMAZONPAY") in pairs
    assert {"UPI", "CARD", "NB"} <= {m["payment_method_type"] for m in methods}
    assert all("wallet_direct_debit_support" not in m for m in methods)
    assert "outage" not in reply.json()


def test_with_right_key_and_options(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    reply = client.get(
        _path(sandbox),
        params={
            "options.check_wallet_direct_debit_support": "true",
            "options.add_outage": "true",
        },
    )

    body = reply.json()
    amazon = next(
        m for m in body["payment_methods"] if m["payment_method"] == "AMAZONPAY"
    )
    paytm = next(m for m in body["payment_methods"] if m["payment_method"] == "PAYTM")
    assert amazon["description"] == "Amazon Pay"
    assert amazon["wallet_direct_debit_support"] is True
    assert paytm["wallet_direct_debit_support"] is False
    assert body["outage"] == []


def test_wrong_key_is_refused(sandbox: SandboxServer, anon: httpx.Client) -> None:
    reply = anon.get(_path(sandbox), auth=("wrong", ""))

    assert reply.status_code == 401
    assert reply.json()["error_code"] == "access_denied"


def test_unknown_merchant(client: httpx.Client) -> None:
    reply = client.get("/merchants/nobody/paymentmethods")

    assert reply.status_code == 400
    assert reply.json()["error_code"] == "invalid_request_error"
    assert reply.json()["error_message"] == "[merchantAccount] cannot be null"
