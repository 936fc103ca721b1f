"""Test connection: each failure gets its own verdict; nothing leaves loopback.

The Juspay modes are tested with ``httpx.MockTransport`` (the client never opens a
socket) or with the sandbox on 127.0.0.1 as the gateway address.
"""

from __future__ import annotations

import json

import httpx
import pytest

from pos_app.config import AppConfig, GatewayMode
from pos_app.connection_check import CheckResult, check_connection, probe_order_id

KEY = "live_key_ABCDEF0123456789"
MERCHANT = "acme_stores"
METHODS = {
    "payment_methods": [
        {
            "payment_method_type": "WALLET",
            "payment_method": "AMAZONPAY",
            "description": "Amazon Pay",
            "wallet_direct_debit_support": True,
        }
    ]
}


def _juspay(mode: GatewayMode = GatewayMode.JUSPAY_SANDBOX, **kw: str) -> AppConfig:
    return AppConfig(mode=mode, merchant_id=MERCHANT, api_key=KEY, **kw)


def _json(status: int, body: object) -> httpx.Response:
    return httpx.Response(status, json=body)


def _mock(handler):
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return httpx.MockTransport(record), seen


def _juspay_like(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/paymentmethods"):
        return _json(200, METHODS)
    order_id = request.url.path.rsplit("/", 1)[1]
    return _json(200, {"status": "NOT_FOUND", "status_id": 40, "order_id": order_id})


# -- OK ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "host"),
    [
        (GatewayMode.JUSPAY_SANDBOX, "sandbox.juspay.in"),
        (GatewayMode.JUSPAY_PRODUCTION, "api.juspay.in"),
    ],
)
def test_ok_reads_payment_methods_then_an_unknown_order(mode, host):
    transport, seen = _mock(_juspay_like)

    report = check_connection(_juspay(mode), transport=transport)

    assert report.result is CheckResult.OK, report
    assert report.amazon_pay is True
    assert "Amazon Pay is enabled" in report.message
    assert [(r.method, r.url.host) for r in seen] == [("GET", host), ("GET", host)]
    assert seen[0].url.path == f"/merchants/{MERCHANT}/paymentmethods"
    assert seen[1].url.path.startswith("/orders/ZZPROBE")
    for request in seen:
        assert request.headers["x-merchantid"] == MERCHANT
        assert request.headers["authorization"].startswith("Basic ")
        assert KEY not in str(request.url)


def test_ok_but_amazon_pay_not_enabled_is_said():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/paymentmethods"):
            return _json(200, {"payment_methods": [{"payment_method": "VISA"}]})
        return _juspay_like(request)

    transport, _ = _mock(handler)
    report = check_connection(_juspay(), transport=transport)

    assert report.ok and report.amazon_pay is False
    assert "enable it on the Juspay dashboard" in report.message


def test_ok_against_the_sandbox_on_loopback_as_a_juspay_host(sandbox):
    config = AppConfig(
        mode=GatewayMode.JUSPAY_PRODUCTION,
        gateway_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key=sandbox.api_key,
    )

    report = check_connection(config)

    assert report.ok, report
    assert [r.endpoint for r in sandbox.requests] == ["payment_methods", "order_status"]
    assert all(r.auth == "ok" for r in sandbox.requests)
    assert not sandbox.ledger.orders  # nothing was created


def test_the_embedded_sandbox_is_tested_on_a_throw_away_one():
    report = check_connection(AppConfig())

    assert report.ok and "embedded sandbox works" in report.message


def test_the_probe_order_id_is_valid_and_never_ours():
    probe = probe_order_id()
    assert probe.isalnum() and len(probe) <= 20 and probe.startswith("ZZPROBE")
    assert probe != probe_order_id()


# -- failures ------------------------------------------------------------------------


def test_a_wrong_key_on_the_sandbox_is_an_auth_failure(sandbox):
    config = AppConfig(
        mode=GatewayMode.JUSPAY_SANDBOX,
        gateway_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key="wrong_key",
    )

    report = check_connection(config)

    assert report.result is CheckResult.AUTH_FAILED
    assert "access denied" in report.message


def _access_denied(_request: httpx.Request) -> httpx.Response:
    return _json(
        401,
        {
            "status": "Invalid Authentication",
            "error_code": "access_denied",
            "error_message": "Access denied",
        },
    )


def _unknown_merchant(_request: httpx.Request) -> httpx.Response:
    return _json(
        400,
        {
            "status": "Bad Request",
            "error_code": "invalid_request_error",
            "error_message": "[merchantAccount] cannot be null",
        },
    )


def _key_refused_on_orders(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/paymentmethods"):
        return _json(200, METHODS)
    return _access_denied(request)


def _html(status: int):
    def handler(_request: httpx.Request) -> httpx.Response:
        page = "<!DOCTYPE html><html><head><title>Bad Gateway</title></head></html>"
        return httpx.Response(
            status, text=page, headers={"content-type": "text/html; charset=utf-8"}
        )

    return handler


def _raise(error: type[httpx.TransportError]):
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return handler


def _server_error(_request: httpx.Request) -> httpx.Response:
    return _json(500, {"status": "ERROR", "error_code": "internal_error"})


@pytest.mark.parametrize(
    ("handler", "result", "words"),
    [
        (_access_denied, CheckResult.AUTH_FAILED, "API key is wrong or revoked"),
        (_key_refused_on_orders, CheckResult.AUTH_FAILED, "access denied"),
        (_unknown_merchant, CheckResult.UNKNOWN_MERCHANT, "does not know the merchant"),
        (_raise(httpx.ConnectError), CheckResult.UNREACHABLE, "no network"),
        (_raise(httpx.ConnectTimeout), CheckResult.TIMEOUT, "did not answer in time"),
        (_raise(httpx.ReadTimeout), CheckResult.TIMEOUT, "did not answer in time"),
        (_html(502), CheckResult.ERROR_PAGE, "web page, not the Juspay API"),
        (_html(200), CheckResult.ERROR_PAGE, "captive portal"),
        (_html(404), CheckResult.ERROR_PAGE, "gateway address"),
        (_server_error, CheckResult.GATEWAY_ERROR, "Try again later"),
    ],
    ids=[
        "401",
        "401-on-orders",
        "merchant",
        "unreachable",
        "connect-timeout",
        "read-timeout",
        "html-502",
        "html-200",
        "html-404",
        "500",
    ],
)
def test_each_failure_gets_a_clear_verdict(handler, result, words):
    transport, _ = _mock(handler)

    report = check_connection(_juspay(), transport=transport)

    assert report.result is result, report
    assert words in report.message
    assert KEY not in report.message + report.detail
    assert report.detail  # something for support


def test_missing_credentials_are_asked_for_before_any_request():
    transport, seen = _mock(_juspay_like)

    report = check_connection(
        AppConfig(mode=GatewayMode.JUSPAY_SANDBOX, merchant_id=MERCHANT),
        transport=transport,
    )

    assert report.result is CheckResult.INCOMPLETE
    assert "API key" in report.message
    assert seen == []


def test_the_report_detail_is_redacted():
    def handler(request: httpx.Request) -> httpx.Response:
        body = {"status": "ERROR", "error_message": f"bad api_key={KEY}"}
        return httpx.Response(500, text=json.dumps(body))

    transport, _ = _mock(handler)
    report = check_connection(_juspay(), transport=transport)

    assert KEY not in report.detail
