"""GET /customers/{id}/wallets and /wallets/refresh-balances."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from .conftest import Shop


def _list(client: httpx.Client, customer_id: str, *, refresh: bool) -> httpx.Response:
    suffix = "/refresh-balances" if refresh else ""
    return client.get(f"/customers/{customer_id}/wallets{suffix}")


@pytest.mark.parametrize("refresh", [False, True])
def test_linked_wallet_shape(shop: Shop, client: httpx.Client, refresh: bool) -> None:
    customer_id = shop.customer("9999900001")

    body = _list(client, customer_id, refresh=refresh).json()

    assert body["object"] == "list"
    assert body["count"] == body["total"] == 1
    assert body["offset"] == 0
    (wallet,) = body["list"]
    assert wallet["id"].startswith("wlm_")
    assert wallet["object"] == "wallet_account"
    assert wallet["wallet"] == "AMAZONPAY"
    assert wallet["juspay_bank_code"] == "JP_AMAZONPAY"
    assert wallet["token"].startswith("tkn_")
    assert wallet["current_balance"] == 5000
    assert wallet["last_refreshed"].endswith("+0000")
    assert wallet["metadata"] == {"mobile_number": "9999900001"}
    (sub,) = wallet["sub_details"]
    assert sub["payment_method_type"] == "WALLET"
    assert sub["payment_method"] == "AMAZONPAY"
    assert sub["current_balance"] == 5000


def test_plain_list_writes_linked_as_text_refresh_as_bool(
    shop: Shop, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")

    listed = _list(client, customer_id, refresh=False).json()["list"][0]
    refreshed = _list(client, customer_id, refresh=True).json()["list"][0]

    assert listed["linked"] == "true"
    assert refreshed["linked"] is True


def test_each_call_mints_a_fresh_token(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")

    tokens = {
        _list(client, customer_id, refresh=refresh).json()["list"][0]["token"]
        for refresh in (False, True, True)
    }

    assert len(tokens) == 3


def test_small_balance_is_exact(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900002")

    wallet = _list(client, customer_id, refresh=True).json()["list"][0]

    assert wallet["current_balance"] == 50
    assert wallet["sub_details"][0]["current_balance"] == 50


def test_unlinked_test_customer(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900003")

    wallet = _list(client, customer_id, refresh=True).json()["list"][0]

    assert wallet["linked"] is False
    assert wallet["token"] is None
    assert wallet["current_balance"] is None
    assert wallet["sub_details"] == []


def test_customer_without_amazon_account_has_no_wallets(
    shop: Shop, client: httpx.Client
) -> None:
    customer_id = shop.customer("9123456789")

    body = _list(client, customer_id, refresh=True).json()

    assert body["list"] == []
    assert body["count"] == 0


def test_reference_id_works_as_path_value(client: httpx.Client) -> None:
    client.post(
        "/customers",
        data={"object_reference_id": "walletref01", "mobile_number": "9999900005"},
    )

    wallet = _list(client, "walletref01", refresh=False).json()["list"][0]

    assert wallet["current_balance"] == 1000000


@pytest.mark.parametrize("refresh", [False, True])
def test_unknown_customer(client: httpx.Client, refresh: bool) -> None:
    reply = _list(client, "cst_nobody", refresh=refresh)

    assert reply.status_code == 400
    assert reply.json() == {
        "status": "Invalid Request",
        "error_code": "null_error",
        "error_message": "Customer not found for given customerId.",
    }


def test_wallets_need_auth(shop: Shop, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")

    assert _list(anon, customer_id, refresh=True).status_code == 401
