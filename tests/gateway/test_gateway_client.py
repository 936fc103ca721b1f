"""The client against a MockTransport: what it sends and how it reads replies."""

from __future__ import annotations

import base64
import logging
from urllib.parse import parse_qsl

import httpx
import pytest

from pos_app.domain.money import Money
from pos_app.domain.states import GatewayStatus
from pos_app.gateway import errors
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.config import GatewayConfig

NOT_FOUND_ORDER = '{"status": "NOT_FOUND", "status_id": 40, "order_id": "T1X"}'
OBJECT_NOT_FOUND = '{"status": "error", "error_code": "object_not_found"}'


def form_of(request: httpx.Request) -> dict[str, str]:
    pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
    assert len(pairs) == len(dict(pairs)), "a form key was sent twice"
    return dict(pairs)


# -- what goes on the wire -----------------------------------------------------------


def test_headers_and_basic_auth(client: JuspayClient, gateway, config) -> None:
    gateway.reply_file("GET", "/customers/cst_9x8y7z", "customer.json")

    client.get_customer("cst_9x8y7z")

    request = gateway.last
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(encoded).decode() == f"{config.api_key}:"
    assert request.headers["x-merchantid"] == "pos_test"
    assert request.headers["version"] == config.version
    assert request.headers["x-routing-id"] == "cst_9x8y7z"
    assert request.headers["User-Agent"].startswith("pos-app/")
    assert len(request.headers["x-request-id"]) == 32
    assert str(request.url) == "https://gateway.test/customers/cst_9x8y7z"


def test_create_order_form(client: JuspayClient, gateway) -> None:
    gateway.reply_file("POST", "/orders", "create_order.json")

    order = client.create_order(
        "T1ABC123",
        Money(149950),
        customer_id="cst_9x8y7z",
        description="Sale 42",
        udf={1: "T1", 6: "a&b=c"},
    )

    request = gateway.last
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["x-routing-id"] == "cst_9x8y7z"
    assert form_of(request) == {
        "order_id": "T1ABC123",
        "amount": "1499.50",
        "currency": "INR",
        "customer_id": "cst_9x8y7z",
        "return_url": "https://pos.test/return",  # from the config
        "description": "Sale 42",
        "udf1": "T1",
        "udf6": "a&b=c",
    }
    assert order.amount == Money(149950)
    assert order.payment_links is not None


def test_create_order_guest_routes_by_order_id(client: JuspayClient, gateway) -> None:
    gateway.reply_file("POST", "/orders", "create_order.json")

    client.create_order("T1ABC123", Money(100), return_url="https://pos.test/other")

    assert gateway.last.headers["x-routing-id"] == "T1ABC123"
    assert form_of(gateway.last)["return_url"] == "https://pos.test/other"
    assert "customer_id" not in form_of(gateway.last)


@pytest.mark.parametrize(
    ("order_id", "amount", "udf"),
    [
        ("", Money(100), None),
        ("X" * 21, Money(100), None),
        ("A1", Money(0), None),
        ("A1", Money(100), {11: "x"}),
    ],
)
def test_create_order_refuses_bad_input_without_sending(
    client: JuspayClient, gateway, order_id: str, amount: Money, udf
) -> None:
    with pytest.raises(ValueError):
        client.create_order(order_id, amount, udf=udf)

    assert gateway.requests == []


def test_payment_methods_query_uses_dotted_option(
    client: JuspayClient, gateway
) -> None:
    gateway.reply_file(
        "GET", "/merchants/pos_test/paymentmethods", "payment_methods.json"
    )

    methods = client.payment_methods()

    params = dict(gateway.last.url.params)
    assert params == {"options.check_wallet_direct_debit_support": "true"}
    assert methods[0].wallet_direct_debit_support is True


def test_direct_debit_form_keeps_token_out_of_url(
    client: JuspayClient, gateway
) -> None:
    gateway.reply("POST", "/txns", '{"order_id": "T1", "status": "CHARGED"}')

    txn = client.direct_debit("T1", "tkn_secret_1", customer_id="cst_1")

    request = gateway.last
    assert form_of(request) == {
        "order_id": "T1",
        "merchant_id": "pos_test",
        "payment_method_type": "WALLET",
        "payment_method": "AMAZONPAY",
        "redirect_after_payment": "true",
        "format": "json",
        "direct_wallet_token": "tkn_secret_1",
    }
    assert "tkn_secret_1" not in str(request.url)
    assert request.headers["x-routing-id"] == "cst_1"
    assert txn.classification is GatewayStatus.SUCCESS


def test_redirect_payment_sends_no_token(client: JuspayClient, gateway) -> None:
    gateway.reply_file("POST", "/txns", "txn_pending.json")

    txn = client.redirect_wallet_payment("T1ABC123", redirect_after_payment=False)

    form = form_of(gateway.last)
    assert "direct_wallet_token" not in form
    assert form["payment_method"] == "AMAZONPAY"
    assert form["redirect_after_payment"] == "false"
    assert txn.authentication is not None
    assert txn.authentication.method == "POST"


def test_direct_debit_needs_a_token(client: JuspayClient, gateway) -> None:
    with pytest.raises(ValueError):
        client.direct_debit("T1", "")
    assert gateway.requests == []


def test_path_segments_are_escaped(client: JuspayClient, gateway) -> None:
    gateway.reply("GET", "/customers/a/b/wallets", '{"list": []}')  # decoded path

    assert client.list_wallets("a/b") == []

    assert gateway.last.url.raw_path == b"/customers/a%2Fb/wallets"


def test_logs_carry_no_secrets(client: JuspayClient, gateway, config, caplog) -> None:
    gateway.reply("POST", "/txns", '{"status": "CHARGED"}')
    gateway.reply_file("POST", "/customers", "customer.json")
    caplog.set_level(logging.DEBUG)

    client.create_customer("CUSTREF0001", "9999900001")
    client.direct_debit("T1", "tkn_secret_1")

    text = caplog.text
    assert "POST /txns -> 200" in text
    for secret in (config.api_key, "tkn_secret_1", "9999900001"):
        assert secret not in text
    assert config.api_key not in repr(config) and config.api_key not in repr(client)


# -- reading replies --------------------------------------------------------------


def test_customer_flow_get_or_create(client: JuspayClient, gateway) -> None:
    gateway.reply("GET", "/customers/CUSTREF0001", OBJECT_NOT_FOUND, status=404)
    gateway.reply_file("POST", "/customers", "customer.json")

    customer = client.get_or_create_customer("CUSTREF0001", "9999900001")

    assert customer.id == "cst_9x8y7z"
    assert [r.method for r in gateway.requests] == ["GET", "POST"]
    assert form_of(gateway.last) == {
        "object_reference_id": "CUSTREF0001",
        "mobile_number": "9999900001",
    }


def test_get_or_create_reads_again_when_another_terminal_won(
    client: JuspayClient, gateway, data_text
) -> None:
    replies = iter([httpx.Response(404, text=OBJECT_NOT_FOUND)])
    customer_json = data_text("customer.json")

    def get(_: httpx.Request) -> httpx.Response:
        return next(replies, httpx.Response(200, text=customer_json))

    gateway.routes[("GET", "/customers/CUSTREF0001")] = get
    gateway.reply(
        "POST", "/customers", '{"status": "ERROR", "error_code": "ALREADY_EXISTS"}', 400
    )

    customer = client.get_or_create_customer("CUSTREF0001", "9999900001")

    assert customer.id == "cst_9x8y7z"
    assert [r.method for r in gateway.requests] == ["GET", "POST", "GET"]


def test_order_status_not_found_on_200_and_404(client: JuspayClient, gateway) -> None:
    gateway.reply("GET", "/orders/T1X", NOT_FOUND_ORDER, status=200)
    with pytest.raises(errors.OrderNotFound) as on_200:
        client.order_status("T1X")

    gateway.reply("GET", "/orders/T1X", OBJECT_NOT_FOUND, status=404)
    with pytest.raises(errors.OrderNotFound) as on_404:
        client.order_status("T1X")

    assert on_200.value.message == "Order T1X not found"
    assert on_404.value.http_status == 404


def test_order_status_html_404_is_not_proof_of_absence(
    client: JuspayClient, gateway
) -> None:
    gateway.reply("GET", "/orders/T1X", "<html>Not Found</html>", 404, "text/html")

    with pytest.raises(errors.NotFound) as caught:
        client.order_status("T1X")

    assert type(caught.value) is errors.NotFound


def test_customer_not_found_shape_is_plain_not_found(
    client: JuspayClient, gateway
) -> None:
    gateway.reply("GET", "/customers/C1", NOT_FOUND_ORDER, status=404)

    with pytest.raises(errors.NotFound) as caught:
        client.get_customer("C1")

    assert type(caught.value) is errors.NotFound


def test_wallet_lists(client: JuspayClient, gateway) -> None:
    gateway.reply_file("GET", "/customers/cst_1/wallets", "wallets_refresh.json")
    gateway.reply_file(
        "GET", "/customers/cst_1/wallets/refresh-balances", "wallets_refresh.json"
    )

    cached = client.list_wallets("cst_1")
    fresh = client.refresh_wallets("cst_1")

    assert [w.wallet for w in cached] == ["AMAZONPAY", "PAYTM"]
    assert fresh[0].balance == Money(23050)
    assert fresh[0].token == "tkn_single_use_secret"


def test_order_status_sample(client: JuspayClient, gateway) -> None:
    gateway.reply_file("GET", "/orders/T1ABC123", "order_status_charged.json")

    status = client.order_status("T1ABC123")

    assert status.classification is GatewayStatus.SUCCESS
    assert status.amount == Money(39500)


@pytest.mark.parametrize(
    ("status", "text", "content_type", "expected"),
    [
        (401, '{"status": "Invalid Authentication", "error_code": "access_denied"}',
         "application/json", errors.AuthenticationError),
        (400, '{"status": "ERROR", "error_info": {"code": "EXPIRED"}}',
         "application/json", errors.TokenExpired),
        (400, '{"status": "Bad Request", "error_code": "x", "error_message": "y"}',
         "application/json", errors.InvalidRequest),
        (502, "<html><title>Bad Gateway</title></html>", "text/html",
         errors.OutcomeUnknown),
        (500, "", "text/plain", errors.OutcomeUnknown),
        (200, "<html>maintenance</html>", "text/html", errors.MalformedResponse),
        (200, '{"order_id": "T1", "status": ', "application/json",
         errors.MalformedResponse),
        (200, '{"order_id": "T1"}', "application/json", errors.MalformedResponse),
        (200, '{"status": "ERROR", "status_id": -1, "error_code": "x"}',
         "application/json", errors.InvalidRequest),
    ],
)  # fmt: skip
def test_txn_reply_mapping(
    client: JuspayClient, gateway, status, text, content_type, expected
) -> None:
    gateway.reply("POST", "/txns", text, status, content_type)

    with pytest.raises(expected) as caught:
        client.direct_debit("T1", "tkn_1")

    assert type(caught.value) is expected
    assert "<" not in str(caught.value)
    assert caught.value.user_message


def test_malformed_order_status_names_the_field(client: JuspayClient, gateway) -> None:
    gateway.reply("GET", "/orders/T1", '{"order_id": "T1", "amount": "12.345"}')

    with pytest.raises(errors.MalformedResponse) as caught:
        client.order_status("T1")

    assert "status" in caught.value.message and "amount" in caught.value.message
    assert caught.value.may_have_taken_effect


# -- transport failures -----------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (httpx.ConnectError("refused"), errors.GatewayUnavailable),
        (httpx.ConnectTimeout("slow"), errors.GatewayUnavailable),
        (httpx.PoolTimeout("busy"), errors.GatewayUnavailable),
        (httpx.ReadTimeout("slow"), errors.OutcomeUnknown),
        (httpx.WriteTimeout("slow"), errors.OutcomeUnknown),
        (httpx.RemoteProtocolError("dropped"), errors.OutcomeUnknown),
        (httpx.ReadError("reset"), errors.OutcomeUnknown),
    ],
)
def test_transport_failures_are_mapped_and_chained(
    client: JuspayClient, gateway, exc: Exception, expected: type[Exception]
) -> None:
    gateway.fail("POST", "/txns", exc)

    with pytest.raises(expected) as caught:
        client.direct_debit("T1", "tkn_1")

    assert type(caught.value) is expected
    assert caught.value.__cause__ is exc
    assert caught.value.may_have_taken_effect is (expected is errors.OutcomeUnknown)


def test_timeouts_are_explicit_and_reads_are_shorter(gateway) -> None:
    config = GatewayConfig(
        base_url="https://gateway.test/",
        merchant_id="m",
        api_key="k",
        connect_timeout=2,
        read_timeout=20,
        lookup_timeout=7,
    )
    seen: dict[str, dict[str, float]] = {}

    def record(request: httpx.Request) -> httpx.Response:
        seen[request.method] = request.extensions["timeout"]
        return httpx.Response(200, text='{"order_id": "T1", "status": "NEW"}')

    gateway.routes[("GET", "/orders/T1")] = record
    gateway.routes[("POST", "/txns")] = record
    with JuspayClient(config, transport=httpx.MockTransport(gateway.handle)) as c:
        c.order_status("T1")
        c.redirect_wallet_payment("T1")

    assert seen["GET"] == {"connect": 2, "read": 7, "write": 7, "pool": 7}
    assert seen["POST"] == {"connect": 2, "read": 20, "write": 20, "pool": 20}
    assert str(gateway.last.url) == "https://gateway.test/txns"


def test_real_hosts_are_unreachable_from_tests() -> None:
    config = GatewayConfig("https://sandbox.juspay.in", "m", "k", connect_timeout=1)

    with JuspayClient(config) as client, pytest.raises(errors.GatewayUnavailable):
        client.payment_methods()  # the loopback guard refuses the DNS lookup
