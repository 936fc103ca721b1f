"""Wallet linking: create, consent page (Allow / Deny / expiry), link, delink."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from pos_app.sandbox.server import SandboxServer

from .conftest import assert_signed, has_id, query_of

if TYPE_CHECKING:
    from .conftest import Shop

LINK_RETURN = "http://127.0.0.1:1/linked?till=3"


def _create(client: httpx.Client, customer_id: str, **extra: str) -> httpx.Response:
    form = {"gateway": "AMAZONPAY", "command": "authenticate", **extra}
    return client.post(f"/customers/{customer_id}/wallets", data=form)


def _wallet(client: httpx.Client, wallet_id: str) -> dict[str, Any]:
    reply = client.get(f"/wallets/{wallet_id}")
    assert reply.status_code == 200, reply.text
    body: dict[str, Any] = reply.json()
    return body


def _command(client: httpx.Client, wallet_id: str, **form: str) -> httpx.Response:
    return client.post(f"/wallets/{wallet_id}", data=form)


def _assert_expired(reply: httpx.Response) -> None:
    assert reply.status_code == 400, reply.text
    body = reply.json()
    assert body["status"] == "Invalid Request"
    assert body["error_code"] == "EXPIRED"
    assert body["error_message"]


def _allow_with_code(
    shop: Shop, anon: httpx.Client, mobile: str = "9999900003"
) -> tuple[str, str]:
    """Create + consent with a return URL + Allow; return (wallet id, code)."""
    customer_id = shop.customer(mobile)
    wallet = _create(shop.client, customer_id, return_url=LINK_RETURN).json()
    reply = anon.post(wallet["authentication"]["url"], data={"decision": "allow"})
    assert reply.status_code == 303, reply.text
    return wallet["id"], query_of(reply.headers["location"])["code"]


def test_create_returns_the_unlinked_wallet_with_a_consent_url(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900003")
    listed = client.get(f"/customers/{customer_id}/wallets").json()["list"][0]

    reply = _create(client, customer_id)

    assert reply.status_code == 200
    wallet = reply.json()
    assert wallet["id"] == listed["id"]  # the existing wallet, not a second one
    assert wallet["object"] == "wallet_account"
    assert wallet["wallet"] == "AMAZONPAY"
    assert wallet["linked"] is False
    assert wallet["token"] is None
    assert wallet["current_balance"] is None
    assert wallet["metadata"]["consent_status"] == "PENDING"
    auth = wallet["authentication"]
    assert auth["method"] == "GET"
    assert auth["url"].startswith(f"{sandbox.base_url}/amazonpay/consent/")
    assert client.get(f"/customers/{customer_id}/wallets").json()["count"] == 1


def test_create_for_a_customer_without_a_wallet(
    shop: Shop, client: httpx.Client, anon: httpx.Client
) -> None:
    customer_id = shop.customer("9123456789")

    first = _create(client, customer_id).json()
    second = client.post(
        f"/customers/{customer_id}/wallets", data={"gateway": "AMAZONPAY"}
    ).json()
    anon.post(second["authentication"]["url"], data={"decision": "allow"})

    assert first["id"] == second["id"]
    assert first["id"].startswith("wlm_")
    assert first["metadata"]["mobile_number"] == "9123456789"
    linked = _wallet(client, first["id"])
    assert linked["linked"] is True
    assert linked["current_balance"] == 1000  # numbers outside the fixtures


def test_create_on_a_linked_customer_returns_it_with_a_token(
    shop: Shop, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")

    wallet = _create(client, customer_id).json()

    assert wallet["linked"] is True
    assert wallet["token"].startswith("tkn_")
    assert wallet["current_balance"] == 5000
    assert "authentication" not in wallet


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"command": "authenticate"}, "MISSING_MANDATORY_PARAMETER"),
        ({"gateway": "PAYTM"}, "INVALID_INPUT"),
        ({"gateway": "AMAZONPAY", "command": "link"}, "INVALID_INPUT"),
        ({"gateway": "AMAZONPAY", "return_url": "not a url"}, "INVALID_INPUT"),
    ],
)
def test_create_rejects_bad_input(
    shop: Shop, client: httpx.Client, form: dict[str, str], code: str
) -> None:
    customer_id = shop.customer("9123456780")

    reply = client.post(f"/customers/{customer_id}/wallets", data=form)

    assert reply.status_code == 400
    assert reply.json()["error_code"] == code
    assert client.get(f"/customers/{customer_id}/wallets").json()["count"] == 0


def test_create_for_unknown_customer(client: httpx.Client) -> None:
    reply = _create(client, "cst_nobody")

    assert reply.status_code == 400
    assert reply.json()["error_code"] == "null_error"


def test_consent_page(shop: Shop, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900003")
    url = _create(shop.client, customer_id).json()["authentication"]["url"]

    reply = anon.get(url)

    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/html")
    page = reply.text
    assert "Sandbox Store" in page
    assert "******0003" in page
    assert "9999900003" not in page
    assert has_id(page, "allow")
    assert has_id(page, "deny")
    assert "method='post'" in page
    assert "name='decision' value='allow'" in page
    assert "name='viewport'" in page
    assert "<script" not in page
    assert "https://" not in page  # no external resources


def test_allow_without_return_url_links_at_once(
    shop: Shop, client: httpx.Client, anon: httpx.Client
) -> None:
    customer_id = shop.customer("9999900003")
    created = _create(client, customer_id).json()
    url = created["authentication"]["url"]

    reply = anon.post(url, data={"decision": "allow"})

    assert reply.status_code == 200
    assert "Linked. You can return to the counter." in reply.text
    wallet = _wallet(client, created["id"])
    assert wallet["linked"] is True
    assert wallet["token"].startswith("tkn_")
    assert wallet["current_balance"] == 2000
    assert wallet["metadata"]["consent_status"] == "LINKED"
    assert "authentication" not in wallet
    assert anon.get(url).status_code == 410  # the session is used up
    assert anon.post(url, data={"decision": "allow"}).status_code == 410


def test_allow_with_return_url_redirects_with_a_signed_code(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client, anon: httpx.Client
) -> None:
    customer_id = shop.customer("9999900003")
    created = _create(client, customer_id, return_url=LINK_RETURN).json()

    reply = anon.post(created["authentication"]["url"], data={"decision": "allow"})

    assert reply.status_code == 303
    location = reply.headers["location"]
    assert location.startswith("http://127.0.0.1:1/linked?")
    params = assert_signed(location, sandbox.response_key)
    assert params["till"] == "3"  # kept from the return URL
    assert params["wallet_id"] == created["id"]
    assert params["status"] == "ALLOWED"
    assert len(params["code"]) == 20
    assert params["code"].isalnum()
    pending = _wallet(client, created["id"])
    assert pending["linked"] is False
    assert pending["metadata"]["consent_status"] == "ALLOWED"

    linked = _command(client, created["id"], command="link", otp=params["code"])

    assert linked.status_code == 200
    body = linked.json()
    assert body["linked"] is True
    assert body["token"].startswith("tkn_")
    assert body["current_balance"] == 2000
    assert body["sub_details"][0]["current_balance"] == 2000
    assert body["metadata"]["consent_status"] == "LINKED"


def test_linked_wallet_pays_by_direct_debit(shop: Shop, anon: httpx.Client) -> None:
    wallet_id, code = _allow_with_code(shop, anon)
    token = _command(shop.client, wallet_id, command="link", otp=code).json()["token"]
    customer_id = shop.server.ledger.wallets[wallet_id].customer_id
    order_id = shop.order("150", customer_id)

    assert shop.debit(order_id, token).json()["status"] == "CHARGED"
    assert shop.balance_paise(customer_id) == 200_000 - 15_000


def test_code_is_single_use(shop: Shop, anon: httpx.Client) -> None:
    wallet_id, code = _allow_with_code(shop, anon)
    assert _command(shop.client, wallet_id, command="link", otp=code).status_code == 200
    _command(shop.client, wallet_id, command="delink")

    _assert_expired(_command(shop.client, wallet_id, command="link", otp=code))
    assert _wallet(shop.client, wallet_id)["linked"] is False


def test_unknown_or_foreign_code_is_expired(shop: Shop, anon: httpx.Client) -> None:
    wallet_id, code = _allow_with_code(shop, anon)
    other_id, _other_code = _allow_with_code(shop, anon, mobile="9123456781")

    _assert_expired(_command(shop.client, wallet_id, command="link", otp="A" * 20))
    _assert_expired(_command(shop.client, other_id, command="link", otp=code))
    # the foreign attempt did not use the code up
    assert _command(shop.client, wallet_id, command="link", otp=code).status_code == 200


def test_code_expires(shop: Shop, sandbox: SandboxServer, anon: httpx.Client) -> None:
    sandbox.ledger.link_code_lifetime_s = 0.2
    wallet_id, code = _allow_with_code(shop, anon)

    time.sleep(0.3)

    _assert_expired(_command(shop.client, wallet_id, command="link", otp=code))


def test_link_without_code(shop: Shop, anon: httpx.Client) -> None:
    wallet_id, _code = _allow_with_code(shop, anon)

    reply = _command(shop.client, wallet_id, command="link")

    assert reply.status_code == 400
    assert reply.json()["error_code"] == "MISSING_MANDATORY_PARAMETER"


@pytest.mark.parametrize("with_return_url", [True, False])
def test_deny(
    shop: Shop,
    sandbox: SandboxServer,
    client: httpx.Client,
    anon: httpx.Client,
    with_return_url: bool,
) -> None:
    customer_id = shop.customer("9999900003")
    extra = {"return_url": LINK_RETURN} if with_return_url else {}
    created = _create(client, customer_id, **extra).json()

    reply = anon.post(created["authentication"]["url"], data={"decision": "deny"})

    if with_return_url:
        assert reply.status_code == 303
        params = assert_signed(reply.headers["location"], sandbox.response_key)
        assert params["status"] == "DENIED"
        assert params["wallet_id"] == created["id"]
        assert "code" not in params
    else:
        assert reply.status_code == 200
        assert "You declined" in reply.text
    wallet = _wallet(client, created["id"])
    assert wallet["linked"] is False
    assert wallet["metadata"]["consent_status"] == "DENIED"
    assert "authentication" not in wallet


def test_a_decision_must_be_allow_or_deny(shop: Shop, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900003")
    created = _create(shop.client, customer_id).json()

    reply = anon.post(created["authentication"]["url"], data={"decision": "maybe"})

    assert reply.status_code == 400
    assert "Choose Allow or Deny." in reply.text
    assert _wallet(shop.client, created["id"])["metadata"]["consent_status"] == (
        "PENDING"
    )


def test_session_expires(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client, anon: httpx.Client
) -> None:
    sandbox.ledger.consent_lifetime_s = 0.2
    customer_id = shop.customer("9999900003")
    created = _create(client, customer_id).json()
    url = created["authentication"]["url"]

    time.sleep(0.3)

    page = anon.get(url)
    assert page.status_code == 410
    assert "expired" in page.text
    assert anon.post(url, data={"decision": "allow"}).status_code == 410
    wallet = _wallet(client, created["id"])
    assert wallet["linked"] is False
    assert wallet["metadata"]["consent_status"] == "EXPIRED"
    assert "authentication" not in wallet


def test_consent_lifetime_is_a_constructor_option() -> None:
    assert SandboxServer(consent_lifetime_s=12).ledger.consent_lifetime_s == 12
    assert SandboxServer().ledger.consent_lifetime_s == 300


def test_a_new_authenticate_expires_the_older_session(
    shop: Shop, client: httpx.Client, anon: httpx.Client
) -> None:
    customer_id = shop.customer("9999900003")
    first = _create(client, customer_id).json()

    second = _command(client, first["id"], command="authenticate").json()

    old_url = first["authentication"]["url"]
    new_url = second["authentication"]["url"]
    assert old_url != new_url
    assert second["linked"] is False
    assert second["metadata"]["consent_status"] == "PENDING"
    assert anon.get(old_url).status_code == 410
    assert anon.get(new_url).status_code == 200


def test_unknown_session_page(anon: httpx.Client) -> None:
    assert anon.get("/amazonpay/consent/acs_nothing").status_code == 404


def test_link_delink_relink(
    shop: Shop, client: httpx.Client, anon: httpx.Client
) -> None:
    wallet_id, code = _allow_with_code(shop, anon)
    token = _command(client, wallet_id, command="link", otp=code).json()["token"]
    customer_id = shop.server.ledger.wallets[wallet_id].customer_id

    delinked = _command(client, wallet_id, command="delink")

    assert delinked.status_code == 200
    body = delinked.json()
    assert body["linked"] is False
    assert body["token"] is None
    assert body["current_balance"] is None
    assert body["sub_details"] == []
    assert "consent_status" not in body["metadata"]
    order_id = shop.order("10", customer_id)
    assert shop.debit(order_id, token).json()["error_code"] == "EXPIRED"
    listed = client.get(f"/customers/{customer_id}/wallets/refresh-balances").json()
    assert listed["list"][0]["linked"] is False

    again = _command(client, wallet_id, command="authenticate", return_url=LINK_RETURN)
    allow = anon.post(again.json()["authentication"]["url"], data={"decision": "allow"})
    new_code = query_of(allow.headers["location"])["code"]
    relinked = _command(client, wallet_id, command="link", otp=new_code).json()

    assert new_code != code
    assert relinked["linked"] is True
    assert relinked["current_balance"] == 2000
    assert shop.debit(order_id, relinked["token"]).json()["status"] == "CHARGED"


def test_get_and_refresh_in_both_forms(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")
    wallet_id = _create(client, customer_id).json()["id"]
    sandbox.clear_requests()

    got = client.get(f"/wallets/{wallet_id}")
    posted = _command(client, wallet_id, command="refresh")
    queried = client.get(f"/wallets/{wallet_id}", params={"command": "refresh"})

    bodies = [r.json() for r in (got, posted, queried)]
    assert [r.status_code for r in (got, posted, queried)] == [200, 200, 200]
    assert all(b["id"] == wallet_id and b["linked"] is True for b in bodies)
    assert all(b["current_balance"] == 5000 for b in bodies)
    assert len({b["token"] for b in bodies}) == 3
    assert [r.endpoint for r in sandbox.requests] == [
        "get_wallet",
        "wallet_command",
        "wallet_command",
    ]


def test_refresh_of_an_unlinked_wallet(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900003")
    wallet_id = client.get(f"/customers/{customer_id}/wallets").json()["list"][0]["id"]

    body = _command(client, wallet_id, command="refresh").json()

    assert body["linked"] is False
    assert body["token"] is None
    assert "consent_status" not in body["metadata"]


def test_wallet_errors(shop: Shop, client: httpx.Client, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    wallet_id = _create(client, customer_id).json()["id"]

    unknown = client.get("/wallets/wlm_nothing")
    bad_command = _command(client, wallet_id, command="explode")
    no_command = _command(client, wallet_id)
    linked_auth = _command(client, wallet_id, command="authenticate")

    assert unknown.status_code == 404
    assert unknown.json()["error_code"] == "object_not_found"
    assert bad_command.status_code == 400
    assert no_command.json()["error_code"] == "MISSING_MANDATORY_PARAMETER"
    assert linked_auth.json()["error_code"] == "INVALID_ACTION"
    assert anon.get(f"/wallets/{wallet_id}").status_code == 401
    assert (
        anon.post(f"/wallets/{wallet_id}", data={"command": "refresh"}).status_code
        == 401
    )
    assert _create(anon, customer_id).status_code == 401


@pytest.mark.parametrize("endpoint", ["create_wallet", "get_wallet", "wallet_command"])
def test_wallet_endpoints_take_faults(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client, endpoint: str
) -> None:
    customer_id = shop.customer("9999900001")
    wallet_id = _create(client, customer_id).json()["id"]
    sandbox.faults.set(endpoint, "http_503", count=1)
    calls = {
        "create_wallet": lambda: _create(client, customer_id),
        "get_wallet": lambda: client.get(f"/wallets/{wallet_id}"),
        "wallet_command": lambda: client.get(
            f"/wallets/{wallet_id}", params={"command": "refresh"}
        ),
    }

    assert calls[endpoint]().status_code == 503
    assert calls[endpoint]().status_code == 200
