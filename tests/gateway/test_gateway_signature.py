"""Return-URL signatures, checked against the algorithm written out independently."""

from __future__ import annotations

import base64
import hashlib
import hmac
import urllib.parse

import pytest

from pos_app.gateway.signature import sign_return_params, verify_return_signature

KEY = "resp_key_abc"
PARAMS = {"order_id": "order_id_007", "status": "CHARGED", "status_id": "21"}


def reference_signature(params: dict[str, str], key: str) -> str:
    """Reference 7.4 step by step, written without the module under test."""
    kept = {
        k: v for k, v in params.items() if k not in ("signature", "signature_algorithm")
    }
    encoded = {
        urllib.parse.quote_plus(k): urllib.parse.quote_plus(v) for k, v in kept.items()
    }
    joined = "&".join(f"{k}={encoded[k]}" for k in sorted(encoded))
    message = urllib.parse.quote_plus(joined)
    digest = hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def juspay_return_query(params: dict[str, str], key: str) -> str:
    """The raw query as Juspay sends it: the signature URL-encoded twice."""
    signature = urllib.parse.quote_plus(reference_signature(params, key))
    return urllib.parse.urlencode(
        {**params, "signature": signature, "signature_algorithm": "HMAC-SHA256"}
    )


def test_known_vector() -> None:
    # Pinned once from the written-out algorithm: message is
    # quote_plus("order_id=order_id_007&status=CHARGED&status_id=21").
    message = "order_id%3Dorder_id_007%26status%3DCHARGED%26status_id%3D21"
    expected = base64.b64encode(
        hmac.new(KEY.encode(), message.encode(), hashlib.sha256).digest()
    ).decode()

    assert reference_signature(PARAMS, KEY) == expected
    assert sign_return_params(PARAMS, KEY) == expected


def test_decoded_mapping_verifies() -> None:
    params = {**PARAMS, "signature": reference_signature(PARAMS, KEY)}
    params["signature_algorithm"] = "HMAC-SHA256"

    assert verify_return_signature(params, KEY)


def test_raw_url_with_double_encoded_signature_verifies() -> None:
    query = juspay_return_query(PARAMS, KEY)
    url = f"https://pos.test/return?{query}"

    assert "%25" in query  # the "=" padding arrives as %253D, "+" as %252B
    assert verify_return_signature(url, KEY)
    assert verify_return_signature(query, KEY)
    assert verify_return_signature("?" + query, KEY)


def test_once_decoded_signature_in_mapping_verifies() -> None:
    once = dict(urllib.parse.parse_qsl(juspay_return_query(PARAMS, KEY)))

    assert "%" in once["signature"]  # still encoded once, as the docs describe
    assert verify_return_signature(once, KEY)


def test_extra_custom_params_are_signed_too() -> None:
    params = {**PARAMS, "udf_note": "two words & more/яблоко", "cart": "7"}
    query = juspay_return_query(params, KEY)

    assert verify_return_signature(query, KEY)
    without_extra = urllib.parse.urlencode(
        {k: v for k, v in urllib.parse.parse_qsl(query) if k != "cart"}
    )
    assert not verify_return_signature(without_extra, KEY)


def test_tampered_value_fails() -> None:
    query = juspay_return_query({**PARAMS, "status": "AUTHORIZATION_FAILED"}, KEY)
    tampered = query.replace("AUTHORIZATION_FAILED", "CHARGED")

    assert verify_return_signature(query, KEY)
    assert not verify_return_signature(tampered, KEY)


def test_other_key_fails() -> None:
    assert not verify_return_signature(juspay_return_query(PARAMS, KEY), "other_key")


def test_missing_or_empty_signature_fails() -> None:
    assert not verify_return_signature(PARAMS, KEY)
    assert not verify_return_signature({**PARAMS, "signature": ""}, KEY)


def test_other_algorithm_fails() -> None:
    params = {**PARAMS, "signature": reference_signature(PARAMS, KEY)}

    assert verify_return_signature(params, KEY)  # no label: HMAC-SHA256 assumed
    assert not verify_return_signature({**params, "signature_algorithm": "MD5"}, KEY)


def test_repeated_key_fails() -> None:
    query = juspay_return_query(PARAMS, KEY) + "&status=CHARGED"

    assert not verify_return_signature(query, KEY)


def test_signing_ignores_signature_fields_and_needs_a_key() -> None:
    signed = {**PARAMS, "signature": "x", "signature_algorithm": "HMAC-SHA256"}

    assert sign_return_params(signed, KEY) == sign_return_params(PARAMS, KEY)
    with pytest.raises(ValueError):
        sign_return_params(PARAMS, "")
