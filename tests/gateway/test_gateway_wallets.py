"""Wallet calls against a MockTransport: what goes on the wire and how replies read."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from pos_app.domain.money import Money
from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway.client import JuspayClient

CODE = "AmznConsentCode7Xq2Z"  # an opaque 20-character consent code (reference 8.2)
MOBILE = "9999900001"


def wallet_json(**overrides: Any) -> str:
    wallet: dict[str, Any] = {
        "id": "wlm_amazon01",
        "object": "wallet_account",
        "wallet": "AMAZONPAY",
        "token": None,
        "linked": False,
        "current_balance": None,
        "metadata": {},
    }
    wallet.update(overrides)
    return json.dumps(wallet)


def form_of(request: httpx.Request) -> dict[str, str]:
    pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
    assert len(pairs) == len(dict(pairs)), "a form key was sent twice"
    return dict(pairs)


LINKED = wallet_json(
    token="tkn_linked_secret",
    linked=True,
    current_balance=500,
    sub_details=[
        {"payment_method": "AMAZONPAY", "payment_method_type": "WALLET",
         "current_balance": 500},
    ],
)  # fmt: skip


# -- what goes on the wire -----------------------------------------------------------


def test_create_wallet_form_headers_and_consent(
    client: JuspayClient, gateway, config
) -> None:
    gateway.reply(
        "POST",
        "/customers/cst_1/wallets",
        wallet_json(
            authentication={"method": "GET", "url": "https://gw.test/consent/cs_1"},
            metadata={"consent_status": "pending", "mobile_number": MOBILE},
        ),
    )

    wallet = client.create_wallet(
        "cst_1", mobile_number=MOBILE, return_url="https://pos.test/consent"
    )

    request = gateway.last
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["x-routing-id"] == "cst_1"
    assert request.headers["x-merchantid"] == "pos_test"
    assert (
        request.headers["Authorization"]
        == "Basic " + base64.b64encode(f"{config.api_key}:".encode()).decode()
    )
    assert form_of(request) == {
        "gateway": "AMAZONPAY",
        "command": "authenticate",
        "mobile_number": MOBILE,
        "return_url": "https://pos.test/consent",
    }
    assert MOBILE not in str(request.url)
    assert wallet.id == "wlm_amazon01" and wallet.linked is False
    assert wallet.consent_url == "https://gw.test/consent/cs_1"
    assert wallet.consent_status == "PENDING"


def test_create_wallet_minimal_form(client: JuspayClient, gateway) -> None:
    gateway.reply("POST", "/customers/cst_1/wallets", wallet_json(wallet="PAYTM"))

    client.create_wallet("cst_1", "PAYTM", command=None)

    assert form_of(gateway.last) == {"gateway": "PAYTM"}


@pytest.mark.parametrize(
    ("call", "form"),
    [
        (lambda c: c.authenticate_wallet("wlm_amazon01"), {"command": "authenticate"}),
        (
            lambda c: c.authenticate_wallet(
                "wlm_amazon01", return_url="https://pos.test/consent"
            ),
            {"command": "authenticate", "return_url": "https://pos.test/consent"},
        ),
        (
            lambda c: c.link_wallet("wlm_amazon01", CODE),
            {"command": "link", "otp": CODE},
        ),
        (lambda c: c.refresh_wallet("wlm_amazon01"), {"command": "refresh"}),
        (lambda c: c.delink_wallet("wlm_amazon01"), {"command": "delink"}),
    ],
)
def test_wallet_commands_post_exact_forms(
    client: JuspayClient,
    gateway,
    call: Callable[[JuspayClient], m.Wallet],
    form: dict[str, str],
) -> None:
    gateway.reply("POST", "/wallets/wlm_amazon01", LINKED)

    wallet = call(client)

    request = gateway.last
    assert (request.method, request.url.path) == ("POST", "/wallets/wlm_amazon01")
    assert form_of(request) == form
    assert request.url.query == b""
    assert "x-routing-id" not in request.headers  # no customer id given
    assert wallet.id == "wlm_amazon01"


def test_wallet_commands_route_by_customer_when_known(
    client: JuspayClient, gateway
) -> None:
    gateway.reply("POST", "/wallets/wlm_amazon01", LINKED)
    gateway.reply("GET", "/wallets/wlm_amazon01", LINKED)

    client.link_wallet("wlm_amazon01", CODE, customer_id="cst_1")
    client.get_wallet("wlm_amazon01", customer_id="cst_1")

    assert [r.headers["x-routing-id"] for r in gateway.requests] == ["cst_1", "cst_1"]


def test_get_wallet_is_a_plain_lookup(client: JuspayClient, gateway, config) -> None:
    gateway.reply("GET", "/wallets/wlm_amazon01", LINKED)

    wallet = client.get_wallet("wlm_amazon01")

    request = gateway.last
    assert request.method == "GET" and request.content == b""
    assert request.extensions["timeout"]["read"] == config.lookup_timeout
    assert wallet.is_linked and wallet.token == "tkn_linked_secret"
    assert wallet.balance == Money(50000)


def test_link_wallet_reply_is_the_linked_wallet(client: JuspayClient, gateway) -> None:
    gateway.reply("POST", "/wallets/wlm_amazon01", LINKED)

    wallet = client.link_wallet("wlm_amazon01", CODE)

    assert wallet.linked is True
    assert wallet.token == "tkn_linked_secret"
    assert CODE not in str(gateway.last.url)
    assert "tkn_linked_secret" not in repr(wallet)


def test_link_wallet_needs_a_code(client: JuspayClient, gateway) -> None:
    with pytest.raises(ValueError):
        client.link_wallet("wlm_amazon01", "")

    assert gateway.requests == []


def test_wallet_ids_are_escaped_in_paths(client: JuspayClient, gateway) -> None:
    gateway.reply("POST", "/wallets/a/b", wallet_json(id="a/b"))

    client.delink_wallet("a/b")

    assert gateway.last.url.raw_path == b"/wallets/a%2Fb"
    with pytest.raises(ValueError):
        client.get_wallet("")


# -- reading replies ----------------------------------------------------------------


def test_delink_reply(client: JuspayClient, gateway) -> None:
    gateway.reply("POST", "/wallets/wlm_amazon01", wallet_json(linked="false"))

    wallet = client.delink_wallet("wlm_amazon01")

    assert wallet.linked is False and wallet.token is None


@pytest.mark.parametrize(
    "body",
    [
        {"object": "list", "list": [json.loads(wallet_json(id="wlt_other")),
                                    json.loads(LINKED)]},
        {"object": "list", "list": [json.loads(LINKED)]},
        [json.loads(LINKED)],
    ],
)  # fmt: skip
def test_refresh_wallet_tolerates_list_shaped_answers(
    client: JuspayClient, gateway, body: object
) -> None:
    gateway.reply("POST", "/wallets/wlm_amazon01", json.dumps(body))

    wallet = client.refresh_wallet("wlm_amazon01")

    assert wallet.id == "wlm_amazon01"
    assert wallet.balance == Money(50000)


def test_refresh_wallet_list_without_our_wallet_is_malformed(
    client: JuspayClient, gateway
) -> None:
    other = [json.loads(wallet_json(id="wlt_a")), json.loads(wallet_json(id="wlt_b"))]
    gateway.reply("POST", "/wallets/wlm_amazon01", json.dumps({"list": other}))

    with pytest.raises(errors.MalformedResponse):
        client.refresh_wallet("wlm_amazon01")


@pytest.mark.parametrize(
    ("body", "url", "status"),
    [
        ({"authentication": {"method": "GET", "url": "https://a.test/c"},
          "consent_url": "https://b.test/c"}, "https://a.test/c", None),
        ({"consent_url": "https://b.test/c", "metadata": {"consent_status": "Allowed"}},
         "https://b.test/c", "ALLOWED"),
        ({"authentication": None, "metadata": None}, None, None),
        ({"authentication": {"url": ""}, "metadata": {"consent_status": " "}}, None,
         None),
    ],
)  # fmt: skip
def test_wallet_consent_fields_are_lenient(
    body: dict[str, Any], url: str | None, status: str | None
) -> None:
    wallet = m.Wallet.model_validate({"id": "wlm_1", **body})

    assert wallet.consent_url == url
    assert wallet.consent_status == status
    if url:
        assert url not in repr(wallet)


# -- errors and secrets -------------------------------------------------------------


def test_wrong_code_is_invalid_request_and_the_code_is_scrubbed(
    client: JuspayClient, gateway
) -> None:
    gateway.reply(
        "POST",
        "/wallets/wlm_amazon01",
        json.dumps(
            {
                "status": "Invalid Request",
                "error_code": "INCORRECT_OTP",
                "error_message": f"Code {CODE} is not valid",
                "error_info": {"user_message": f"bad code {CODE}"},
            }
        ),
        status=400,
    )

    with pytest.raises(errors.InvalidRequest) as caught:
        client.link_wallet("wlm_amazon01", CODE)

    error = caught.value
    assert error.code == "INCORRECT_OTP"
    for text in (
        str(error),
        repr(error),
        error.message,
        error.body_excerpt or "",
        error.user_message,
        *map(str, error.args),
    ):
        assert CODE not in text
    assert "[redacted]" in error.message  # fmt: skip


def test_unknown_wallet_is_not_found(client: JuspayClient, gateway) -> None:
    gateway.reply(
        "GET",
        "/wallets/wlm_gone",
        '{"status": "error", "error_code": "object_not_found"}',
        status=404,
    )

    with pytest.raises(errors.NotFound):
        client.get_wallet("wlm_gone")


def test_link_timeout_is_outcome_unknown(client: JuspayClient, gateway) -> None:
    gateway.fail("POST", "/wallets/wlm_amazon01", httpx.ReadTimeout("slow"))

    with pytest.raises(errors.OutcomeUnknown) as caught:
        client.link_wallet("wlm_amazon01", CODE)

    assert caught.value.may_have_taken_effect


def test_wallet_logs_carry_no_secrets(
    client: JuspayClient, gateway, config, caplog: pytest.LogCaptureFixture
) -> None:
    gateway.reply("POST", "/customers/cst_1/wallets", wallet_json())
    gateway.reply("POST", "/wallets/wlm_amazon01", LINKED)
    gateway.reply("GET", "/wallets/wlm_amazon01", LINKED)
    caplog.set_level(logging.DEBUG)

    client.create_wallet("cst_1", mobile_number=MOBILE)
    client.link_wallet("wlm_amazon01", CODE)
    client.refresh_wallet("wlm_amazon01")
    client.get_wallet("wlm_amazon01")

    text = caplog.text
    assert "POST /wallets/wlm_amazon01 -> 200" in text
    basic = base64.b64encode(f"{config.api_key}:".encode()).decode()
    for secret in (CODE, MOBILE, "tkn_linked_secret", config.api_key, basic):
        assert secret not in text
