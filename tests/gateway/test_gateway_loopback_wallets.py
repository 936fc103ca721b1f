"""Wallet linking against the embedded sandbox over loopback HTTP.

The consent page is the sandbox's stand-in for Amazon's (reference 8.2, 12.1): the
test plays the shopper with a plain httpx client and never follows redirects, so the
consent code is read from the ``Location`` header like the web view would.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.gateway import errors
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.config import GatewayConfig
from pos_app.gateway.redirects import ConsentReturn, parse_consent_return, verify_return

server = pytest.importorskip("pos_app.sandbox.server")

UNLINKED_MOBILE = "9999900003"  # a sandbox test customer whose wallet is not linked
_ACTION = re.compile(r"<form[^>]*action=['\"]([^'\"]+)['\"]", re.I)


@pytest.fixture
def sandbox() -> Iterator[Any]:
    srv = server.SandboxServer(port=0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def live(sandbox: Any) -> Iterator[JuspayClient]:
    config = GatewayConfig(
        base_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key=sandbox.api_key,
        return_url=f"{sandbox.base_url}/pos/return",
        connect_timeout=2,
        read_timeout=5,
        lookup_timeout=5,
    )
    with JuspayClient(config) as client:
        try:
            client.get_wallet("wlm_probe")
        except errors.NotFound as exc:
            if exc.code != "object_not_found":  # "No such endpoint": not there yet
                pytest.skip("the sandbox has no wallet endpoints yet")
        yield client


@pytest.fixture
def consent_url(sandbox: Any) -> str:
    return f"{sandbox.base_url}/pos/consent"


def customer(client: JuspayClient, mobile: str) -> str:
    ref = Phone.parse(mobile).customer_ref(client.config.merchant_id)
    return client.get_or_create_customer(ref, mobile).id


def decide(page_url: str, decision: str) -> str:
    """Play the shopper on the consent page; return where it sends the browser."""
    with httpx.Client(follow_redirects=False, timeout=5) as browser:
        page = browser.get(page_url)
        page.raise_for_status()
        found = _ACTION.search(page.text)
        assert found, "the consent page has no form"
        action = httpx.URL(page_url).join(html.unescape(found.group(1)))
        answer = browser.post(action, data={"decision": decision})
    assert answer.is_redirect, f"expected a redirect, got HTTP {answer.status_code}"
    return answer.headers["location"]


def start_consent(live: JuspayClient, cid: str, back: str) -> tuple[str, str]:
    wallet = live.create_wallet(cid, mobile_number=UNLINKED_MOBILE, return_url=back)

    assert wallet.id and wallet.wallet == "AMAZONPAY"
    assert wallet.linked is False and wallet.token is None
    assert wallet.consent_status == "PENDING"
    assert wallet.consent_url
    return wallet.id, wallet.consent_url


def test_consent_link_refresh_delink(
    live: JuspayClient,
    sandbox: Any,
    consent_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore included
    cid = customer(live, UNLINKED_MOBILE)
    wallet_id, page = start_consent(live, cid, consent_url)

    # The shopper's browser is not under test: httpcore would log its Location
    # header, code included, at DEBUG.
    with caplog.at_level(logging.WARNING):
        location = decide(page, "allow")
    back = parse_consent_return(location, consent_url)
    assert isinstance(back, ConsentReturn)
    assert back.wallet_id == wallet_id and back.allowed and back.code
    assert back.signed and verify_return(back, sandbox.response_key)

    linked = live.link_wallet(wallet_id, back.code, customer_id=cid)
    assert linked.linked is True and linked.token
    assert linked.consent_status == "LINKED"
    recorded = sandbox.requests[-1]
    assert (recorded.method, recorded.path) == ("POST", f"/wallets/{wallet_id}")
    assert recorded.form == {"command": "link", "otp": back.code}
    assert recorded.headers["x-routing-id"] == cid

    with pytest.raises(errors.InvalidRequest):  # the code is single-use
        live.link_wallet(wallet_id, back.code, customer_id=cid)

    refreshed = live.refresh_wallet(wallet_id, customer_id=cid)
    fetched = live.get_wallet(wallet_id, customer_id=cid)
    assert refreshed.is_linked and isinstance(refreshed.balance, Money)
    assert fetched.is_linked and fetched.token
    assert [w.id for w in live.list_wallets(cid) if w.is_linked] == [wallet_id]

    delinked = live.delink_wallet(wallet_id, customer_id=cid)
    assert delinked.linked is False and delinked.token is None

    again = live.authenticate_wallet(wallet_id, return_url=consent_url)
    assert again.consent_status == "PENDING" and again.consent_url

    tokens = [linked.token, fetched.token, refreshed.token]
    for secret in (back.code, sandbox.api_key, UNLINKED_MOBILE, *tokens):
        assert not secret or secret not in caplog.text


def test_denied_consent_gives_no_code(
    live: JuspayClient, sandbox: Any, consent_url: str
) -> None:
    cid = customer(live, UNLINKED_MOBILE)
    wallet_id, page = start_consent(live, cid, consent_url)

    back = parse_consent_return(decide(page, "deny"), consent_url)

    assert back is not None and back.wallet_id == wallet_id
    assert not back.allowed and back.code is None
    assert (back.status or "").upper() == "DENIED"
    assert live.get_wallet(wallet_id).consent_status == "DENIED"


def test_unknown_wallet_and_bad_code(live: JuspayClient) -> None:
    cid = customer(live, UNLINKED_MOBILE)
    wallet_id = live.create_wallet(cid).id

    with pytest.raises(errors.NotFound):
        live.get_wallet("wlm_doesnotexist")
    with pytest.raises(errors.InvalidRequest) as caught:
        live.link_wallet(wallet_id, "NotARealCode00000000")

    assert "NotARealCode00000000" not in str(caught.value)
