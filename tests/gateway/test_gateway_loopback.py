"""The client against the embedded sandbox over real loopback HTTP."""

from __future__ import annotations

import base64
import logging
import socket
from collections.abc import Iterator
from itertools import count
from typing import Any

import pytest

from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import GatewayStatus
from pos_app.gateway import errors
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.config import GatewayConfig

server = pytest.importorskip("pos_app.sandbox.server")

_ids = count(1)


def new_order_id() -> str:
    return f"LB{next(_ids):06d}"


@pytest.fixture
def sandbox() -> Iterator[Any]:
    srv = server.SandboxServer(port=0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def make_config(srv: Any, **overrides: Any) -> GatewayConfig:
    settings: dict[str, Any] = {
        "base_url": srv.base_url,
        "merchant_id": srv.merchant_id,
        "api_key": srv.api_key,
        "return_url": f"{srv.base_url}/pos/return",
        "connect_timeout": 2,
        "read_timeout": 5,
        "lookup_timeout": 5,
    }
    settings.update(overrides)
    return GatewayConfig(**settings)


@pytest.fixture
def live(sandbox: Any) -> Iterator[JuspayClient]:
    with JuspayClient(make_config(sandbox)) as client:
        yield client


def customer(client: JuspayClient, mobile: str) -> str:
    # The app's own pseudonymous reference, so the number stays out of URLs.
    ref = Phone.parse(mobile).customer_ref(client.config.merchant_id)
    return client.get_or_create_customer(ref, mobile).id


def test_sandbox_is_on_loopback(sandbox: Any) -> None:
    assert sandbox.base_url.startswith("http://127.0.0.1:")


def test_customer_get_or_create_then_get(live: JuspayClient, sandbox: Any) -> None:
    created = live.get_or_create_customer("POSREF9999900001", "9999900001")
    again = live.get_or_create_customer("POSREF9999900001", "9999900001")

    assert created.id.startswith("cst_")
    assert again.id == created.id
    assert created.object_reference_id == "POSREF9999900001"
    assert live.get_customer(created.id).id == created.id
    methods = [r.method for r in sandbox.requests]
    assert methods == ["GET", "POST", "GET", "GET"]


def test_request_headers_reach_the_sandbox(live: JuspayClient, sandbox: Any) -> None:
    cid = customer(live, "9999900001")

    live.list_wallets(cid)

    recorded = sandbox.requests[-1]
    assert recorded.auth == "ok"
    assert recorded.headers["x-merchantid"] == sandbox.merchant_id
    assert recorded.headers["x-routing-id"] == cid
    assert recorded.headers["version"] == live.config.version


def test_direct_debit_charged(live: JuspayClient) -> None:
    cid = customer(live, "9999900001")
    order_id = new_order_id()
    order = live.create_order(order_id, Money(39500), customer_id=cid)

    (wallet,) = [w for w in live.refresh_wallets(cid) if w.wallet == "AMAZONPAY"]
    txn = live.direct_debit(order_id, wallet.token or "", customer_id=cid)
    status = live.order_status(order_id)

    assert order.status == "NEW" and order.amount == Money(39500)
    assert order.payment_links is not None and order.payment_links.web
    assert wallet.is_linked and wallet.balance == Money(500_000)
    assert txn.status == "CHARGED"
    assert status.classification is GatewayStatus.SUCCESS
    assert status.amount == Money(39500)
    assert status.txn_flow_type == "DIRECT_DEBIT"
    assert live.refresh_wallets(cid)[0].balance == Money(500_000 - 39500)


def test_reused_token_is_token_expired(live: JuspayClient) -> None:
    cid = customer(live, "9999900001")
    first, second = new_order_id(), new_order_id()
    live.create_order(first, Money(100), customer_id=cid)
    live.create_order(second, Money(100), customer_id=cid)
    token = live.list_wallets(cid)[0].token or ""
    live.direct_debit(first, token)

    with pytest.raises(errors.TokenExpired) as caught:
        live.direct_debit(second, token)

    assert caught.value.code == "EXPIRED"
    assert caught.value.http_status == 400


def test_short_balance_is_pending_with_topup_url(live: JuspayClient) -> None:
    cid = customer(live, "9999900002")
    order_id = new_order_id()
    live.create_order(order_id, Money(10_000), customer_id=cid)

    txn = live.direct_debit(order_id, live.refresh_wallets(cid)[0].token or "")

    assert txn.classification is GatewayStatus.PENDING
    assert txn.authentication is not None and txn.authentication.url


def test_declined_debit_is_failure(live: JuspayClient) -> None:
    cid = customer(live, "9999900004")
    order_id = new_order_id()
    live.create_order(order_id, Money(100), customer_id=cid)

    txn = live.direct_debit(order_id, live.refresh_wallets(cid)[0].token or "")
    status = live.order_status(order_id)

    assert txn.classification is GatewayStatus.FAILURE
    assert status.classification is GatewayStatus.FAILURE
    assert status.error_code == "AmazonRejected"


def test_unlinked_wallet_has_no_token(live: JuspayClient) -> None:
    cid = customer(live, "9999900003")

    (wallet,) = live.list_wallets(cid)

    assert wallet.linked is False
    assert wallet.token is None


def test_redirect_payment(live: JuspayClient) -> None:
    cid = customer(live, "9999900003")
    order_id = new_order_id()
    live.create_order(order_id, Money(2500), customer_id=cid)

    txn = live.redirect_wallet_payment(order_id, customer_id=cid)

    assert txn.status == "PENDING_VBV"
    assert txn.authentication is not None
    assert txn.authentication.method == "GET"


def test_payment_methods(live: JuspayClient) -> None:
    methods = {m.payment_method: m for m in live.payment_methods()}

    assert methods["AMAZONPAY"].wallet_direct_debit_support is True
    assert methods["AMAZONPAY"].payment_method_type == "WALLET"


def test_error_shapes(live: JuspayClient) -> None:
    with pytest.raises(errors.OrderNotFound):
        live.order_status("NOSUCHORDER")
    with pytest.raises(errors.NotFound):
        live.get_customer("POSREFUNKNOWN")
    with pytest.raises(errors.NotFound):
        live.refresh_wallets("POSREFUNKNOWN")  # "Invalid Request" / null_error
    order_id = new_order_id()
    live.create_order(order_id, Money(100))
    with pytest.raises(errors.InvalidRequest) as duplicate:
        live.create_order(order_id, Money(100))  # structured shape

    assert duplicate.value.code == "ALREADY_EXISTS"
    assert duplicate.value.fields[0].field_name == "order_id"


def test_wrong_api_key(sandbox: Any) -> None:
    with (
        JuspayClient(make_config(sandbox, api_key="wrong")) as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.order_status("ANY")

    assert caught.value.http_status == 401
    assert caught.value.code == "access_denied"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("http_500", errors.OutcomeUnknown),
        ("http_503", errors.OutcomeUnknown),
        ("html", errors.OutcomeUnknown),
        ("malformed", errors.MalformedResponse),
        ("drop_after_commit", errors.OutcomeUnknown),
    ],
)
def test_faults_on_create_order(
    live: JuspayClient, sandbox: Any, kind: str, expected: type[Exception]
) -> None:
    sandbox.faults.set("create_order", kind, count=1)

    with pytest.raises(expected) as caught:
        live.create_order(new_order_id(), Money(100))

    assert type(caught.value) is expected
    assert "<" not in str(caught.value)


def test_html_fault_message(live: JuspayClient, sandbox: Any) -> None:
    sandbox.faults.set("order_status", "html", count=1)

    with pytest.raises(errors.OutcomeUnknown) as caught:
        live.order_status("ANY")

    assert caught.value.message == (
        "The payment gateway returned an error page (HTTP 502)"
    )


@pytest.mark.parametrize("kind", ["latency", "timeout"])
def test_real_read_timeout_is_outcome_unknown(sandbox: Any, kind: str) -> None:
    sandbox.faults.set("txns", kind, latency_ms=1500, count=1)
    config = make_config(sandbox, read_timeout=0.3)

    with (
        JuspayClient(config) as client,
        pytest.raises(errors.OutcomeUnknown) as caught,
    ):
        client.redirect_wallet_payment("ANY")

    assert caught.value.code == "TIMEOUT"
    assert caught.value.may_have_taken_effect


def test_connection_refused_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = GatewayConfig(f"http://127.0.0.1:{port}", "m", "k", connect_timeout=1)

    with (
        JuspayClient(config) as client,
        pytest.raises(errors.GatewayUnavailable) as caught,
    ):
        client.order_status("ANY")

    assert not caught.value.may_have_taken_effect
    assert isinstance(caught.value.__cause__, Exception)


def test_debug_logs_of_every_layer_hold_no_secrets(
    live: JuspayClient, sandbox: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore included
    cid = customer(live, "9999900001")
    order_id = new_order_id()
    live.create_order(order_id, Money(100), customer_id=cid)
    token = live.refresh_wallets(cid)[0].token or ""
    live.direct_debit(order_id, token)

    basic = base64.b64encode(f"{sandbox.api_key}:".encode()).decode()
    assert "POST /txns -> 200" in caplog.text
    for secret in (sandbox.api_key, basic, token, "9999900001"):
        assert secret not in caplog.text
