"""POST /txns: direct debit and redirect."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from pos_app.sandbox.server import SandboxServer

if TYPE_CHECKING:
    from .conftest import Shop


def _assert_txn_error(reply: httpx.Response, code: str) -> None:
    assert reply.status_code == 400, reply.text
    body = reply.json()
    assert body["status"] == "Invalid Request"
    assert body["error_code"] == code
    assert body["error_message"]


def test_direct_debit_charges(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("138.76", customer_id)
    token = shop.token(customer_id)

    reply = shop.debit(order_id, token)

    assert reply.status_code == 200
    body = reply.json()
    assert body["status"] == "CHARGED"
    assert body["order_id"] == order_id
    assert body["txn_id"] == f"{sandbox.merchant_id}-{order_id}-1"
    assert body["txn_uuid"]
    auth = body["payment"]["authentication"]
    assert auth["method"] == "GET"
    assert auth["url"].startswith(
        f"{sandbox.base_url}/pay/finish/{sandbox.merchant_id}/"
    )
    assert shop.balance_paise(customer_id) == 500_000 - 13_876


def test_order_status_after_charge(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("395", customer_id)
    txn = shop.debit(order_id, shop.token(customer_id)).json()

    body = client.get(f"/orders/{order_id}").json()

    assert body["status"] == "CHARGED"
    assert body["status_id"] == 21
    assert body["amount"] == body["effective_amount"] == 395
    assert body["amount_refunded"] == 0
    assert body["refunded"] is False
    assert body["txn_id"] == txn["txn_id"]
    assert body["txn_uuid"] == txn["txn_uuid"]
    assert body["payment_method_type"] == "WALLET"
    assert body["payment_method"] == "AMAZONPAY"
    assert body["wallet"] == {"txn_flow_type": "DIRECT_DEBIT"}
    assert body["gateway_id"] == 38
    detail = body["txn_detail"]
    assert detail["status"] == "CHARGED"
    assert detail["gateway"] == "AMAZONPAY"
    assert detail["txn_amount"] == 395
    assert detail["redirect"] is False
    assert body["payment_gateway_response"]["resp_code"] == "CaptureApproved"
    assert "gateway_response" not in body["payment_gateway_response"]
    assert body["refunds"] == []

    full = client.get(
        f"/orders/{order_id}", params={"options.add_full_gateway_response": "true"}
    ).json()
    assert (
        full["payment_gateway_response"]["gateway_response"]["approvedAmount"]
        == "395.00"
    )


def test_token_is_single_use(shop: Shop) -> None:
    customer_id = shop.customer("9999900001")
    token = shop.token(customer_id)
    first = shop.order("10", customer_id)
    second = shop.order("10", customer_id)

    assert shop.debit(first, token).json()["status"] == "CHARGED"
    _assert_txn_error(shop.debit(second, token), "EXPIRED")
    assert shop.balance_paise(customer_id) == 500_000 - 1_000


def test_unknown_token_is_expired(shop: Shop) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)

    _assert_txn_error(shop.debit(order_id, "tkn_made_up"), "EXPIRED")


def test_token_expires_after_its_lifetime(shop: Shop, sandbox: SandboxServer) -> None:
    sandbox.ledger.token_lifetime_s = 0.2
    customer_id = shop.customer("9999900001")
    fresh = shop.token(customer_id)
    stale = shop.token(customer_id)
    order_a = shop.order("10", customer_id)
    order_b = shop.order("10", customer_id)
    assert shop.debit(order_a, fresh).json()["status"] == "CHARGED"

    time.sleep(0.3)

    _assert_txn_error(shop.debit(order_b, stale), "EXPIRED")
    assert shop.debit(order_b, shop.token(customer_id)).json()["status"] == "CHARGED"


def test_token_lifetime_is_a_constructor_option() -> None:
    server = SandboxServer(token_lifetime_s=1.5)

    assert server.ledger.token_lifetime_s == 1.5
    assert SandboxServer().ledger.token_lifetime_s == 600


def test_insufficient_balance_is_pending_with_top_up_url(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900002")
    order_id = shop.order("120.00", customer_id)

    body = shop.debit(order_id, shop.token(customer_id)).json()

    assert body["status"] == "PENDING_VBV"
    url = body["payment"]["authentication"]["url"]
    assert url.startswith(f"{sandbox.base_url}/pay/cct/")
    assert shop.balance_paise(customer_id) == 5_000
    assert client.get(url).status_code == 200
    status = client.get(f"/orders/{order_id}").json()
    assert status["status"] == "PENDING_VBV"
    assert status["status_id"] == 23
    assert "payment_gateway_response" not in status


def test_declined_customer(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900004")
    order_id = shop.order("10", customer_id)

    reply = shop.debit(order_id, shop.token(customer_id))

    assert reply.status_code == 200
    assert reply.json()["status"] == "AUTHORIZATION_FAILED"
    assert shop.balance_paise(customer_id) == 500_000
    status = client.get(f"/orders/{order_id}").json()
    assert status["status"] == "AUTHORIZATION_FAILED"
    assert status["status_id"] == 27
    assert status["bank_error_code"]
    assert status["txn_detail"]["error_message"]


def test_retry_after_decline_numbers_attempts(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900004")
    order_id = shop.order("10", customer_id)
    shop.debit(order_id, shop.token(customer_id))

    redirect = client.post("/txns", data=shop.txn_form(order_id, None)).json()

    assert redirect["txn_id"].endswith(f"-{order_id}-2")
    assert client.get(f"/orders/{order_id}").json()["status"] == "PENDING_VBV"


def test_pending_then_charged_order_takes_charged(
    shop: Shop, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    client.post("/txns", data=shop.txn_form(order_id, None))
    shop.debit(order_id, shop.token(customer_id))
    client.post("/txns", data=shop.txn_form(shop.order("1", customer_id), None))

    body = client.get(f"/orders/{order_id}").json()

    assert body["status"] == "CHARGED"
    assert body["txn_id"].endswith("-2")


def test_redirect_flow_without_token_or_auth(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    customer_id = shop.customer("9999900003")
    order_id = shop.order("10", customer_id)

    body = anon.post("/txns", data=shop.txn_form(order_id, None)).json()

    assert body["status"] == "PENDING_VBV"
    url = body["payment"]["authentication"]["url"]
    assert url == f"{sandbox.base_url}/pay/otp/{body['txn_id']}"
    assert anon.get(url).status_code == 200


def test_direct_debit_requires_auth(shop: Shop, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    token = shop.token(customer_id)

    reply = shop.debit(order_id, token, client=anon)

    assert reply.status_code == 401
    assert reply.json()["error_code"] == "access_denied"
    assert shop.debit(order_id, token).json()["status"] == "CHARGED"  # not consumed


def test_token_of_another_customer(shop: Shop) -> None:
    payer = shop.customer("9999900001")
    other = shop.customer("9999900005")
    order_id = shop.order("10", payer)
    other_token = shop.token(other)

    _assert_txn_error(shop.debit(order_id, other_token), "INVALID_INPUT")
    assert shop.balance_paise(other) == 100_000_000
    own_order = shop.order("10", other)
    assert shop.debit(own_order, other_token).json()["status"] == "CHARGED"


def test_charged_order_refuses_another_txn(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    shop.debit(order_id, shop.token(customer_id))

    _assert_txn_error(shop.debit(order_id, shop.token(customer_id)), "INVALID_ACTION")
    _assert_txn_error(
        client.post("/txns", data=shop.txn_form(order_id, None)), "INVALID_ACTION"
    )
    assert shop.balance_paise(customer_id) == 500_000 - 1_000


def test_at_most_25_txns_per_order(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    for _ in range(25):
        assert (
            client.post("/txns", data=shop.txn_form(order_id, None)).status_code == 200
        )

    _assert_txn_error(
        client.post("/txns", data=shop.txn_form(order_id, None)), "INVALID_ACTION"
    )


@pytest.mark.parametrize(
    ("override", "code"),
    [
        ({"order_id": "nosuchorder"}, "RESOURCE_NOT_FOUND"),
        ({"merchant_id": "someone_else"}, "INVALID_INPUT"),
        ({"merchant_id": ""}, "MISSING_MANDATORY_PARAMETER"),
        ({"payment_method": "PAYTM"}, "INVALID_INPUT"),
    ],
)
def test_bad_txn_requests(shop: Shop, override: dict[str, str], code: str) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    form = shop.txn_form(order_id, shop.token(customer_id)) | override

    _assert_txn_error(shop.client.post("/txns", data=form), code)
    assert shop.balance_paise(customer_id) == 500_000


def test_concurrent_debits_on_one_token_charge_once(
    shop: Shop, sandbox: SandboxServer
) -> None:
    customer_id = shop.customer("9999900001")
    token = shop.token(customer_id)
    order_ids = [shop.order("100", customer_id) for _ in range(8)]
    barrier = threading.Barrier(len(order_ids))
    statuses: list[int] = []
    lock = threading.Lock()

    def pay(order_id: str) -> None:
        with httpx.Client(
            base_url=sandbox.base_url, auth=(sandbox.api_key, ""), timeout=10
        ) as own:
            barrier.wait()
            reply = shop.debit(order_id, token, client=own)
        with lock:
            statuses.append(reply.status_code)

    threads = [threading.Thread(target=pay, args=(oid,)) for oid in order_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(statuses) == [200] + [400] * 7
    assert shop.balance_paise(customer_id) == 500_000 - 10_000
    charged = [o for o in order_ids if sandbox.ledger.orders[o].txns]
    assert len(charged) == 1
