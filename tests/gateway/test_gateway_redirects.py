"""The browser leg: auto-submitting POST forms, return URLs and their signatures."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote_plus, urlencode

import pytest

from pos_app.domain.states import GatewayStatus
from pos_app.gateway import models as m
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.redirects import (
    ConsentReturn,
    auto_submit_form,
    parse_consent_return,
    parse_return_url,
    verify_return,
)
from pos_app.gateway.signature import sign_return_params

KEY = "resp_key_abc"
RETURN = "https://pos.test/return"
CONSENT = "https://pos.test/consent"
PARAMS = {"order_id": "T1ABC123", "status": "CHARGED", "status_id": "21"}


def signed_query(params: dict[str, str], *, raw_prefix: str = "") -> str:
    """A query as Juspay sends it: the Base64 signature URL-encoded twice."""
    signature = sign_return_params(params, KEY)
    tail = urlencode(
        {"signature": quote_plus(signature), "signature_algorithm": "HMAC-SHA256"}
    )
    if raw_prefix:
        return f"{raw_prefix}&{tail}"
    return f"{urlencode(params)}&{tail}"


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str | None]] = []
        self.inputs: list[tuple[str | None, str | None]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms.append(found)
        elif tag == "input" and found.get("type") == "hidden":
            self.inputs.append((found.get("name"), found.get("value")))
        elif tag == "script":
            self.scripts += 1


# -- the POST form -------------------------------------------------------------------


def test_form_posts_every_dynamic_param_escaped() -> None:
    params = {
        "session": "abc",
        'x"><script>alert(1)</script>': "k",
        "amount": "20",
        "note": "a&b<c>'d\"",
    }
    auth = m.Authentication(
        method="post", url="https://gw.test/pay?a=1&b=2", params=params
    )

    page = auto_submit_form(auth, title="<Pay>")

    assert "<script>alert" not in page
    assert "<Pay>" not in page and "&lt;Pay&gt;" in page
    parsed = _Form()
    parsed.feed(page)
    assert parsed.forms == [{"method": "post", "action": "https://gw.test/pay?a=1&b=2"}]
    assert parsed.inputs == list(params.items())  # names as sent, order kept
    assert parsed.scripts == 0  # the submit is an onload attribute, no script block
    assert "document.forms[0].submit()" in page
    assert "<noscript>" in page


def test_form_from_a_redirect_payment_reply(client: JuspayClient, gateway) -> None:
    gateway.reply_file("POST", "/txns", "txn_pending.json")

    txn = client.redirect_wallet_payment("T1ABC123")

    auth = txn.authentication
    assert auth is not None and auth.is_post
    assert auth.url == "https://gateway.test/pay/start/pos_test/eulAbCdEfGh"
    assert auth.params == {"session": "abc", "amount": "20"}
    parsed = _Form()
    parsed.feed(auto_submit_form(auth))
    assert parsed.inputs == [("session", "abc"), ("amount", "20")]


@pytest.mark.parametrize(
    "auth",
    [
        m.Authentication(method="GET", url="https://gw.test/pay"),
        m.Authentication(method=None, url="https://gw.test/pay"),
        m.Authentication(method="POST", url="javascript:alert(1)"),
        m.Authentication(method="POST", url=None),
    ],
)
def test_form_refuses_get_and_non_http_urls(auth: m.Authentication) -> None:
    with pytest.raises(ValueError):
        auto_submit_form(auth)


# -- return URLs ---------------------------------------------------------------------


def test_our_return_url_is_read_and_verified() -> None:
    query = signed_query(PARAMS)
    url = f"{RETURN}?{query}"

    found = parse_return_url(url, RETURN)

    assert found is not None
    assert (found.order_id, found.status, found.status_id) == (
        "T1ABC123",
        "CHARGED",
        21,
    )
    assert found.signed and found.query == query
    assert found.params["signature_algorithm"] == "HMAC-SHA256"
    assert found.classification is GatewayStatus.SUCCESS
    assert "%25" in query  # the signature's "=", "+" or "/" arrive encoded twice
    assert verify_return(url, KEY)
    assert verify_return(found, KEY)
    assert verify_return(query, KEY)
    assert verify_return("?" + query, KEY)
    assert not verify_return(url, "other_key")


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.test/return?order_id=T1",
        "http://pos.test/return?order_id=T1",
        "https://pos.test:8443/return?order_id=T1",
        "https://pos.test/other?order_id=T1",
        "https://pos.test/return/?order_id=T1",
        "https://pos.test/return/x?order_id=T1",
        "https://pos.test@evil.test/return?order_id=T1",
        "https://pos.test.evil.test/return?order_id=T1",
        "https://pos.test:99999/return?order_id=T1",
        "about:blank",
        "",
    ],
)
def test_other_urls_are_not_ours(url: str) -> None:
    assert parse_return_url(url, RETURN) is None


def test_host_case_default_port_and_fragment_do_not_matter() -> None:
    url = f"HTTPS://POS.test:443/return?{signed_query(PARAMS)}#top"

    found = parse_return_url(url, "https://pos.test/return?terminal=7")

    assert found is not None and found.order_id == "T1ABC123"
    assert verify_return(url, KEY)


def test_extra_params_are_kept_and_signed() -> None:
    params = {**PARAMS, "udf1": "T1", "note": "two words & more"}
    url = f"{RETURN}?{signed_query(params)}"

    found = parse_return_url(url, RETURN)

    assert found is not None and found.params["note"] == "two words & more"
    assert verify_return(url, KEY)
    assert not verify_return(url.replace("udf1=T1", "udf1=T2"), KEY)


def test_missing_signature_is_unsigned_and_fails() -> None:
    url = f"{RETURN}?{urlencode(PARAMS)}"

    found = parse_return_url(url, RETURN)

    assert found is not None and found.signed is False
    assert found.status == "CHARGED"
    assert not verify_return(found, KEY)


def test_signature_decoded_once_or_fully_still_verifies() -> None:
    signature = sign_return_params(PARAMS, KEY)
    once = urlencode({**PARAMS, "signature": signature})  # encoded a single time

    assert verify_return(f"{RETURN}?{once}", KEY)


def test_repeated_keys_take_the_first_value_and_never_verify() -> None:
    url = f"{RETURN}?{signed_query(PARAMS)}&status=AUTHORIZATION_FAILED"

    found = parse_return_url(url, RETURN)

    assert found is not None and found.status == "CHARGED"
    assert not verify_return(url, KEY)


def test_literal_question_mark_in_a_value_is_part_of_the_query() -> None:
    params = {**PARAMS, "note": "why?"}
    query = signed_query(params, raw_prefix=f"{urlencode(PARAMS)}&note=why?")

    assert verify_return(query, KEY)
    assert verify_return(f"{RETURN}?{query}", KEY)


def test_odd_values_are_tolerated() -> None:
    found = parse_return_url(f"{RETURN}?status_id=abc&order_id=", RETURN)

    assert found is not None
    assert (found.order_id, found.status, found.status_id) == (None, None, None)
    assert found.classification is GatewayStatus.PENDING  # unknown: ask the gateway


def test_bad_expected_url_or_key_is_a_bug() -> None:
    with pytest.raises(ValueError):
        parse_return_url(f"{RETURN}?order_id=T1", "/return")
    with pytest.raises(ValueError):
        verify_return(signed_query(PARAMS), "")


# -- the consent return --------------------------------------------------------------


def test_consent_return_keeps_the_code_out_of_repr() -> None:
    url = f"{CONSENT}?wallet_id=wlm_amazon01&status=ALLOWED&code=AmznSecretCode123"

    found = parse_consent_return(url, CONSENT)

    assert found is not None
    assert (found.wallet_id, found.status, found.code) == (
        "wlm_amazon01",
        "ALLOWED",
        "AmznSecretCode123",
    )
    assert found.allowed and not found.signed
    assert "AmznSecretCode123" not in repr(found)


def test_signed_consent_return_verifies() -> None:
    params = {"wallet_id": "wlm_1", "status": "ALLOWED", "code": "C0DE"}
    found = parse_consent_return(f"{CONSENT}?{signed_query(params)}", CONSENT)

    assert found is not None and found.signed
    assert verify_return(found, KEY)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (f"{CONSENT}?wallet_id=wlm_1&status=DENIED", False),
        (f"{CONSENT}?wallet_id=wlm_1&status=allowed", False),  # no code
        (f"{CONSENT}?wallet_id=wlm_1&status=allowed&code=X", True),
    ],
)
def test_consent_decisions(url: str, allowed: bool) -> None:
    found = parse_consent_return(url, CONSENT)

    assert isinstance(found, ConsentReturn) and found.allowed is allowed


@pytest.mark.parametrize(
    "url",
    [f"{CONSENT}?status=ALLOWED&code=X", f"{RETURN}?wallet_id=wlm_1&code=X"],
)
def test_not_a_consent_return(url: str) -> None:
    assert parse_consent_return(url, CONSENT) is None
