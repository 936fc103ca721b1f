"""POST /orders, GET /orders/{id}, GET /order/status."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from pos_app.sandbox.server import SandboxServer


def _order(client: httpx.Client, **fields: str) -> httpx.Response:
    return client.post("/orders", data=fields)


def _assert_structured(reply: httpx.Response, code: str, field: str) -> None:
    assert reply.status_code == 400
    body = reply.json()
    assert body["error_code"] == "INVALID_REQUEST"
    assert body["status"] == "ERROR"
    assert body["error_message"]
    info = body["error_info"]
    assert info["code"] == code
    assert info["category"] == "USER_ERROR"
    assert [f["field_name"] for f in info["fields"]] == [field]


def test_create_order_returns_new_order(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    reply = _order(
        client,
        order_id="pos1001",
        amount="395",
        customer_id="cust_9999900001",
        return_url="http://127.0.0.1:9/done",
        udf1="till-3",
        udf10="x&y",
    )

    assert reply.status_code == 200
    body = reply.json()
    assert body["status"] == "NEW"
    assert body["status_id"] == 10
    assert body["order_id"] == "pos1001"
    assert body["merchant_id"] == sandbox.merchant_id
    assert body["id"].startswith("ordeh_")
    assert body["amount"] == 395
    assert isinstance(body["amount"], int)
    assert body["currency"] == "INR"
    assert body["amount_refunded"] == 0
    assert body["refunded"] is False
    assert body["udf1"] == "till-3"
    assert body["udf10"] == "x&y"
    assert body["udf5"] == ""
    assert body["return_url"] == "http://127.0.0.1:9/done"
    assert set(body["payment_links"]) == {"web", "mobile", "iframe"}
    assert all(
        url.startswith(sandbox.base_url + "/pay/")
        for url in body["payment_links"].values()
    )
    assert "juspay" not in body


def test_payment_link_page_is_served(client: httpx.Client) -> None:
    links = _order(client, order_id="pos1002", amount="1").json()["payment_links"]

    page = client.get(links["web"])

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")


def test_client_auth_token_option(client: httpx.Client) -> None:
    body = _order(
        client,
        order_id="pos1003",
        amount="1",
        **{"options.get_client_auth_token": "true"},
    ).json()

    assert body["juspay"]["client_auth_token"].startswith("tkn_")


def test_amount_with_decimals_is_an_exact_json_number(client: httpx.Client) -> None:
    reply = _order(client, order_id="pos1004", amount="138.76")
    status = client.get("/orders/pos1004")

    for raw in (reply.text, status.text):
        assert '"amount":138.76,' in raw
        parsed = json.loads(raw, parse_float=Decimal)
        assert parsed["amount"] == Decimal("138.76")
    assert json.loads(status.text, parse_float=Decimal)["effective_amount"] == Decimal(
        "138.76"
    )


def test_one_decimal_amount(client: httpx.Client) -> None:
    body = _order(client, order_id="pos1005", amount="0.1").json()

    assert body["amount"] == 0.1
    assert '"amount":0.1,' in json.dumps(body, separators=(",", ":"))


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"order_id": "pos2001"}, "MISSING_MANDATORY_PARAMETER", "amount"),
        ({"order_id": "pos2002", "amount": "100.153"}, "INVALID_INPUT", "amount"),
        ({"order_id": "pos2003", "amount": "-5"}, "INVALID_INPUT", "amount"),
        ({"order_id": "pos2004", "amount": "0"}, "INVALID_INPUT", "amount"),
        ({"order_id": "pos2005", "amount": "1e3"}, "INVALID_INPUT", "amount"),
        ({"amount": "10"}, "MISSING_MANDATORY_PARAMETER", "order_id"),
        ({"order_id": "a" * 21, "amount": "10"}, "INVALID_INPUT", "order_id"),
        ({"order_id": "bad id!", "amount": "10"}, "INVALID_INPUT", "order_id"),
        (
            {"order_id": "pos2006", "amount": "10", "currency": "USD"},
            "INVALID_INPUT",
            "currency",
        ),
    ],
)
def test_invalid_create_order_is_structured_error(
    sandbox: SandboxServer,
    client: httpx.Client,
    fields: dict[str, str],
    code: str,
    field: str,
) -> None:
    reply = _order(client, **fields)

    _assert_structured(reply, code, field)
    assert sandbox.ledger.orders == {}


def test_twenty_character_order_id_is_fine(client: httpx.Client) -> None:
    assert _order(client, order_id="a" * 20, amount="10").status_code == 200


def test_duplicate_order_id_is_refused(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    first = _order(client, order_id="pos3001", amount="10")

    again = _order(client, order_id="pos3001", amount="20")

    assert first.status_code == 200
    _assert_structured(again, "ALREADY_EXISTS", "order_id")
    assert sandbox.ledger.orders["pos3001"].amount_paise == 1000


def test_status_of_new_order(client: httpx.Client) -> None:
    _order(client, order_id="pos4001", amount="25.5", customer_id="c1234567")

    body: dict[str, Any] = client.get("/orders/pos4001").json()

    assert body["status"] == "NEW"
    assert body["status_id"] == 10
    assert body["amount"] == 25.5
    assert body["refunds"] == []
    assert body["customer_id"] == "c1234567"
    assert "txn_id" not in body


def test_unknown_order_is_not_found(client: httpx.Client) -> None:
    reply = client.get("/orders/nosuchorder")

    assert reply.status_code == 404
    assert reply.json() == {
        "status": "NOT_FOUND",
        "status_id": 40,
        "order_id": "nosuchorder",
    }


def test_legacy_status_path(client: httpx.Client) -> None:
    _order(client, order_id="pos5001", amount="1")

    found = client.get("/order/status", params={"order_id": "pos5001"})
    missing = client.get("/order/status", params={"order_id": "pos5002"})

    assert found.status_code == 200
    assert found.json()["order_id"] == "pos5001"
    assert missing.status_code == 404
    assert missing.json()["status_id"] == 40


def test_unknown_path_is_json_404(client: httpx.Client) -> None:
    reply = client.delete("/orders/pos5001")

    assert reply.status_code == 404
    assert reply.json()["error_code"] == "not_found"
