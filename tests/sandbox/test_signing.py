"""The sandbox's return-URL signer against the gateway client's checker."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from pos_app.gateway import signature
from pos_app.sandbox import signing

KEY = "sandbox_response_key_0123456789"
PARAMS = {"order_id": "ord 1/ä", "status": "CHARGED", "status_id": "21"}


def test_signature_matches_the_documented_algorithm() -> None:
    assert signing.sign(PARAMS.items(), KEY) == signature.sign_return_params(
        PARAMS, KEY
    )


def test_signed_url_verifies_and_fails_with_another_key() -> None:
    url = signing.signed_url("https://shop.test/return", PARAMS, KEY)

    assert signature.verify_return_signature(url, KEY)
    assert not signature.verify_return_signature(url, "other_key")


def test_signature_is_double_encoded_in_the_raw_url() -> None:
    url = signing.signed_url("https://shop.test/return", PARAMS, KEY)

    raw = dict(pair.split("=", 1) for pair in urlsplit(url).query.split("&"))
    expected = signing.sign(PARAMS.items(), KEY)
    assert raw["signature"].endswith("%253D")
    assert unquote(unquote(raw["signature"])) == expected
    assert raw["signature_algorithm"] == "HMAC-SHA256"


def test_existing_query_is_kept_signed_and_not_duplicated() -> None:
    url = signing.signed_url(
        "https://shop.test/return?till=3&status=OLD&signature=x#top", PARAMS, KEY
    )

    pairs = parse_qsl(urlsplit(url).query)
    keys = [k for k, _ in pairs]
    assert keys == [
        "till",
        "order_id",
        "status",
        "status_id",
        "signature",
        "signature_algorithm",
    ]
    assert dict(pairs)["status"] == "CHARGED"
    assert url.endswith("#top")
    assert signature.verify_return_signature(url, KEY)
    tampered = url.replace("till=3", "till=4")
    assert not signature.verify_return_signature(tampered, KEY)


@pytest.mark.parametrize("value", ["a b", "a+b", "x&y=z", "~*", ""])
def test_awkward_values_round_trip(value: str) -> None:
    url = signing.signed_url("http://127.0.0.1:1/r", {"order_id": value}, KEY)

    assert (
        dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))["order_id"]
        == value
    )
    assert signature.verify_return_signature(url, KEY)
