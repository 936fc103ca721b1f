"""Redirect payments through a PA/PG: the OTP page and the merchant's gateway."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx
import pytest

from pos_app.sandbox.server import SandboxServer

from .conftest import RETURN_URL, assert_signed, has_id

if TYPE_CHECKING:
    from .conftest import Shop

GATEWAYS = [
    ("PAYU", "PayU"),
    ("RAZORPAY", "Razorpay"),
    ("GOCASHFREE", "Cashfree"),
    ("BILLDESK", "BillDesk"),
]


@dataclass
class Redirect:
    order_id: str
    txn_id: str
    url: str
    otp: str


def _redirect(shop: Shop, anon: httpx.Client, amount: str = "250") -> Redirect:
    customer_id = shop.customer("9999900003")
    order_id = shop.order(amount, customer_id)
    body = anon.post("/txns", data=shop.txn_form(order_id, None)).json()
    assert body["status"] == "PENDING_VBV"
    otp = shop.server.ledger.last_otp(order_id)
    assert otp is not None
    url = body["payment"]["authentication"]["url"]
    return Redirect(order_id, body["txn_id"], url, otp)


def _wrong(otp: str) -> str:
    return f"{(int(otp) + 1) % 1_000_000:06d}"


@pytest.mark.parametrize(("gateway", "label"), GATEWAYS)
def test_redirect_txn_goes_through_the_configured_gateway(
    shop: Shop,
    sandbox: SandboxServer,
    anon: httpx.Client,
    gateway: str,
    label: str,
) -> None:
    sandbox.ledger.redirect_gateway = gateway

    pay = _redirect(shop, anon)

    assert pay.url == f"{sandbox.base_url}/pay/otp/{pay.txn_id}"
    status = shop.status(pay.order_id)
    assert status["status"] == "PENDING_VBV"
    assert status["wallet"] == {"txn_flow_type": "REDIRECT_DEBIT"}
    assert status["txn_detail"]["gateway"] == gateway
    assert status["txn_detail"]["txn_flow_type"] == "REDIRECT_DEBIT"
    assert status["payment_method"] == "AMAZONPAY"
    page = anon.get(pay.url)
    assert page.status_code == 200
    assert f"Amazon Pay via {label}" in page.text
    assert "Enter the 6-digit OTP sent to ******0003" in page.text
    assert has_id(page.text, "otp")
    assert has_id(page.text, "submit-otp")
    assert has_id(page.text, "sandbox-otp")
    assert pay.otp in page.text.split("id='sandbox-otp'", 1)[1]

    charged = anon.post(pay.url, data={"otp": pay.otp})

    assert charged.status_code == 302
    params = assert_signed(charged.headers["location"], sandbox.response_key)
    assert params["status"] == "CHARGED"
    after = shop.status(pay.order_id)
    assert after["status"] == "CHARGED"
    assert after["txn_detail"]["gateway"] == gateway
    assert after["gateway_id"] == after["txn_detail"]["gateway_id"]


def test_default_gateway_is_payu_and_is_a_constructor_option() -> None:
    assert SandboxServer().ledger.redirect_gateway == "PAYU"
    assert SandboxServer(redirect_gateway="BILLDESK").ledger.redirect_gateway == (
        "BILLDESK"
    )
    with pytest.raises(ValueError, match="redirect gateway"):
        SandboxServer(redirect_gateway="PAYPAL")


def test_config_endpoint_changes_the_gateway(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    changed = anon.post(
        "/sandbox/config",
        json={"redirect_gateway": "RAZORPAY", "consent_lifetime_s": 60},
    )
    bad_name = anon.post("/sandbox/config", json={"redirect_gateway": "PAYPAL"})
    bad_key = anon.post("/sandbox/config", json={"colour": "blue"})
    shown = anon.get("/sandbox/config")

    assert changed.status_code == 200
    assert changed.json()["redirect_gateway"] == "RAZORPAY"
    assert bad_name.status_code == 400
    assert bad_key.status_code == 400
    assert shown.json() == {
        "redirect_gateway": "RAZORPAY",
        "consent_lifetime_s": 60.0,
        "token_lifetime_s": 600.0,
    }
    assert sandbox.ledger.consent_lifetime_s == 60
    pay = _redirect(shop, anon)
    assert shop.status(pay.order_id)["txn_detail"]["gateway"] == "RAZORPAY"
    assert all(r.path != "/sandbox/config" for r in sandbox.requests)


def test_wrong_then_right_otp(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    pay = _redirect(shop, anon)

    wrong = anon.post(pay.url, data={"otp": _wrong(pay.otp)})

    assert wrong.status_code == 200
    assert "That OTP is not right. 2 tries left." in wrong.text
    assert has_id(wrong.text, "otp")
    assert shop.status(pay.order_id)["status"] == "PENDING_VBV"

    right = anon.post(pay.url, data={"otp": pay.otp})

    assert right.status_code == 302
    assert right.headers["location"].startswith(f"{RETURN_URL}?")
    params = assert_signed(right.headers["location"], sandbox.response_key)
    assert params["order_id"] == pay.order_id
    assert params["status"] == "CHARGED"
    assert params["status_id"] == "21"
    status = shop.status(pay.order_id)
    assert status["status"] == "CHARGED"
    assert status["captured_amount"] == 250
    assert status["txn_detail"]["txn_amount_breakup"] == [
        {"name": "BASE", "amount": 250, "method": "ADD", "sno": 1}
    ]


def test_three_wrong_otps_fail_the_payment(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    pay = _redirect(shop, anon)
    wrong = _wrong(pay.otp)

    first = anon.post(pay.url, data={"otp": wrong})
    second = anon.post(pay.url, data={"otp": wrong})
    third = anon.post(pay.url, data={"otp": wrong})

    assert "2 tries left" in first.text
    assert "1 try left" in second.text
    assert third.status_code == 302
    params = assert_signed(third.headers["location"], sandbox.response_key)
    assert params["status"] == "AUTHENTICATION_FAILED"
    assert params["status_id"] == "26"
    status = shop.status(pay.order_id)
    assert status["status"] == "AUTHENTICATION_FAILED"
    assert status["status_id"] == 26

    late = anon.post(pay.url, data={"otp": pay.otp})  # the right one, too late

    assert late.status_code == 302
    assert "already completed" in late.text
    assert assert_signed(late.headers["location"], sandbox.response_key)["status"] == (
        "AUTHENTICATION_FAILED"
    )
    assert shop.status(pay.order_id)["status"] == "AUTHENTICATION_FAILED"


@pytest.mark.parametrize("typed", ["12ab56", "12345", "1234567", "", "１２３４５６"])
def test_malformed_otp_is_not_a_try(shop: Shop, anon: httpx.Client, typed: str) -> None:
    pay = _redirect(shop, anon)

    reply = anon.post(pay.url, data={"otp": typed})

    assert reply.status_code == 400
    assert "Enter the 6 digits of the OTP" in reply.text
    assert shop.server.ledger.orders[pay.order_id].txns[-1].otp_tries_left == 3
    assert "2 tries left" in anon.post(pay.url, data={"otp": _wrong(pay.otp)}).text


def test_otp_with_surrounding_spaces_is_accepted(
    shop: Shop, anon: httpx.Client
) -> None:
    pay = _redirect(shop, anon)

    assert anon.post(pay.url, data={"otp": f" {pay.otp} "}).status_code == 302
    assert shop.status(pay.order_id)["status"] == "CHARGED"


def test_cancel_on_the_otp_page(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    pay = _redirect(shop, anon)

    reply = anon.post(pay.url, data={"action": "cancel"})

    assert reply.status_code == 302
    params = assert_signed(reply.headers["location"], sandbox.response_key)
    assert params["status"] == "AUTHENTICATION_FAILED"
    assert shop.status(pay.order_id)["status_id"] == 26


def test_otp_is_logged_and_kept_per_txn(
    shop: Shop, anon: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="pos_app.sandbox")

    pay = _redirect(shop, anon)
    second = anon.post("/txns", data=shop.txn_form(pay.order_id, None)).json()

    otp_lines = [r.getMessage() for r in caplog.records if "OTP" in r.getMessage()]
    assert any(pay.otp in line and pay.txn_id in line for line in otp_lines)
    newest = shop.server.ledger.last_otp(pay.order_id)
    assert newest is not None
    assert any(newest in line and second["txn_id"] in line for line in otp_lines)
    assert shop.server.ledger.last_otp("no_such_order") is None


def test_older_start_path_serves_the_otp_page(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    pay = _redirect(shop, anon)

    page = anon.get(f"/pay/start/{sandbox.merchant_id}/{pay.txn_id}")

    assert page.status_code == 200
    assert has_id(page.text, "submit-otp")


def test_pages_are_logged_not_recorded_not_delayed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="pos_app.sandbox")
    with SandboxServer(latency_ms=400) as server:
        with httpx.Client(base_url=server.base_url, timeout=5) as browser:
            reply = browser.get("/pay/otp/none-here-1")
        elapsed = reply.elapsed.total_seconds()

        assert server.requests == []

    assert reply.status_code == 404
    assert elapsed < 0.35
    assert any(
        "page GET /pay/otp/none-here-1 -> 404" in r.getMessage() for r in caplog.records
    )
