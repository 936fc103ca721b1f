"""Basic auth and x-merchantid, as Juspay checks them."""

from __future__ import annotations

import base64

import httpx

from pos_app.sandbox.server import SandboxServer

ACCESS_DENIED_KEYS = {"status", "error_code", "error_message"}


def _assert_access_denied(reply: httpx.Response) -> None:
    assert reply.status_code == 401
    body = reply.json()
    assert set(body) == ACCESS_DENIED_KEYS
    assert body["status"] == "Invalid Authentication"
    assert body["error_code"] == "access_denied"
    assert body["error_message"]


def test_missing_key_is_refused(anon: httpx.Client) -> None:
    _assert_access_denied(anon.post("/orders", data={"order_id": "a1", "amount": "1"}))


def test_wrong_key_is_refused(sandbox: SandboxServer, anon: httpx.Client) -> None:
    reply = anon.get("/orders/a1", auth=("not-the-key", ""))

    _assert_access_denied(reply)


def test_non_basic_scheme_is_refused(anon: httpx.Client) -> None:
    reply = anon.get("/orders/a1", headers={"Authorization": "Bearer abc"})

    _assert_access_denied(reply)


def test_garbage_basic_value_is_refused(anon: httpx.Client) -> None:
    reply = anon.get("/orders/a1", headers={"Authorization": "Basic %%%"})

    _assert_access_denied(reply)


def test_right_key_is_accepted_as_key_colon(
    sandbox: SandboxServer, anon: httpx.Client
) -> None:
    token = base64.b64encode(f"{sandbox.api_key}:".encode()).decode()

    reply = anon.get("/orders/unknown1", headers={"Authorization": f"Basic {token}"})

    assert reply.status_code == 404  # got past auth to the order lookup
    assert reply.json()["status"] == "NOT_FOUND"


def test_mismatched_merchant_header_is_refused(client: httpx.Client) -> None:
    reply = client.get("/orders/a1", headers={"x-merchantid": "someone_else"})

    _assert_access_denied(reply)


def test_matching_merchant_header_is_accepted(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    reply = client.get("/orders/a1", headers={"x-merchantid": sandbox.merchant_id})

    assert reply.status_code == 404
    assert reply.json()["status"] == "NOT_FOUND"


def test_recorded_requests_drop_the_authorization_header(
    sandbox: SandboxServer, client: httpx.Client, anon: httpx.Client
) -> None:
    client.post("/orders", data={"order_id": "rec1", "amount": "10.50"})
    anon.get("/orders/rec1")

    first, second = sandbox.requests
    assert first.method == "POST"
    assert first.path == "/orders"
    assert first.endpoint == "create_order"
    assert first.form == {"order_id": "rec1", "amount": "10.50"}
    assert first.auth == "ok"
    assert "authorization" not in first.headers
    assert first.headers["content-type"] == "application/x-www-form-urlencoded"
    assert second.auth == "missing"
    assert second.endpoint == "order_status"
