"""The CCT top-up page: a short direct debit paid by card, UPI or net banking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx
import pytest

from pos_app.sandbox.records import Wallet
from pos_app.sandbox.server import SandboxServer

from .conftest import RETURN_URL, assert_signed, has_id

if TYPE_CHECKING:
    from .conftest import Shop

CARD_OK = {
    "method": "card",
    "card_number": "4111 1111 1111 1111",
    "card_expiry": "12/39",
    "card_cvv": "123",
}
CARD_DECLINED = CARD_OK | {"card_number": "4000 0000 0000 0002"}
UPI_OK = {"method": "upi", "vpa": "success@upi"}
UPI_DECLINED = {"method": "upi", "vpa": "failure@upi"}
NB_OK = {"method": "nb", "bank": "HDFC", "outcome": "success"}
NB_DECLINED = {"method": "nb", "bank": "SBI", "outcome": "failure"}


@dataclass
class Short:
    """An order of ₹120.00 for a customer holding ₹50.00, debited: pending."""

    customer_id: str
    order_id: str
    url: str


def _short(shop: Shop, return_url: str = RETURN_URL) -> Short:
    customer_id = shop.customer("9999900002")
    order_id = shop.order("120.00", customer_id, return_url=return_url)
    body = shop.debit(order_id, shop.token(customer_id)).json()
    assert body["status"] == "PENDING_VBV"
    return Short(customer_id, order_id, body["payment"]["authentication"]["url"])


def _wallet_of(sandbox: SandboxServer, customer_id: str) -> Wallet:
    (wallet,) = [
        w for w in sandbox.ledger.wallets.values() if w.customer_id == customer_id
    ]
    return wallet


@pytest.fixture
def short(shop: Shop) -> Short:
    return _short(shop)


def test_page_shows_the_split_and_the_forms(short: Short, anon: httpx.Client) -> None:
    reply = anon.get(short.url)

    assert reply.status_code == 200
    page = reply.text
    assert "id='order-amount'>₹120.00<" in page
    assert "id='balance-covers'>&minus;₹50.00<" in page
    assert "id='remainder'>₹70.00<" in page
    for element in (
        "pay-card",
        "card-number",
        "card-expiry",
        "card-cvv",
        "upi-vpa",
        "pay-upi",
        "nb-bank",
        "pay-nb-success",
        "pay-nb-failure",
        "cancel",
    ):
        assert has_id(page, element), element
    assert "<script" not in page
    assert "https://" not in page


@pytest.mark.parametrize(
    ("form", "instrument"), [(CARD_OK, "CARD"), (UPI_OK, "UPI"), (NB_OK, "NB")]
)
def test_success_by_each_instrument(
    shop: Shop,
    sandbox: SandboxServer,
    short: Short,
    anon: httpx.Client,
    form: dict[str, str],
    instrument: str,
) -> None:
    reply = anon.post(short.url, data=form)

    assert reply.status_code == 302
    location = reply.headers["location"]
    assert location.startswith(f"{RETURN_URL}?")
    params = assert_signed(location, sandbox.response_key)
    assert params["order_id"] == short.order_id
    assert params["status"] == "CHARGED"
    assert params["status_id"] == "21"
    assert shop.balance_paise(short.customer_id) == 0
    status = shop.status(short.order_id)
    assert status["status"] == "CHARGED"
    assert status["status_id"] == 21
    assert status["amount"] == 120
    assert status["captured_amount"] == 120
    assert status["payment_gateway_response"]["resp_code"] == "CaptureApproved"
    detail = status["txn_detail"]
    assert detail["status"] == "CHARGED"
    assert detail["txn_amount"] == 120
    assert detail["txn_amount_breakup"] == [
        {"name": "BASE", "amount": 120, "method": "ADD", "sno": 1},
        {"name": "AMAZON_PAY_BALANCE", "amount": 50, "method": "WALLET", "sno": 2},
        {"name": instrument, "amount": 70, "method": instrument, "sno": 3},
    ]


@pytest.mark.parametrize("form", [CARD_DECLINED, UPI_DECLINED, NB_DECLINED])
def test_declined_instrument_fails_the_txn(
    shop: Shop,
    sandbox: SandboxServer,
    short: Short,
    anon: httpx.Client,
    form: dict[str, str],
) -> None:
    reply = anon.post(short.url, data=form)

    assert reply.status_code == 302
    params = assert_signed(reply.headers["location"], sandbox.response_key)
    assert params["status"] == "AUTHORIZATION_FAILED"
    assert params["status_id"] == "27"
    assert shop.balance_paise(short.customer_id) == 5_000
    status = shop.status(short.order_id)
    assert status["status"] == "AUTHORIZATION_FAILED"
    assert status["status_id"] == 27
    assert status["captured_amount"] == 0
    assert status["txn_detail"]["error_message"]


def test_cancel(
    shop: Shop, sandbox: SandboxServer, short: Short, anon: httpx.Client
) -> None:
    reply = anon.post(short.url, data={"method": "cancel"})

    assert reply.status_code == 302
    params = assert_signed(reply.headers["location"], sandbox.response_key)
    assert params["status"] == "AUTHENTICATION_FAILED"
    assert params["status_id"] == "26"
    assert shop.balance_paise(short.customer_id) == 5_000
    assert shop.status(short.order_id)["status_id"] == 26


def test_second_submit_does_not_charge_again(
    shop: Shop, sandbox: SandboxServer, short: Short, anon: httpx.Client
) -> None:
    anon.post(short.url, data=CARD_OK)
    _wallet_of(sandbox, short.customer_id).balance_paise += 1_000  # a top-up arrives

    again = anon.post(short.url, data=UPI_OK)
    declined = anon.post(short.url, data=CARD_DECLINED)
    page = anon.get(short.url)

    for reply in (again, declined):
        assert reply.status_code == 302
        assert "already completed" in reply.text
        params = assert_signed(reply.headers["location"], sandbox.response_key)
        assert params["status"] == "CHARGED"
    assert page.status_code == 200
    assert "already completed" in page.text
    assert has_id(page.text, "return")
    assert shop.balance_paise(short.customer_id) == 1_000
    breakup = shop.status(short.order_id)["txn_detail"]["txn_amount_breakup"]
    assert [line["name"] for line in breakup] == ["BASE", "AMAZON_PAY_BALANCE", "CARD"]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (CARD_OK | {"card_number": "4111"}, "12 to 19 digits"),
        (CARD_OK | {"card_number": "5555 5555 5555 4444"}, "test cards"),
        (CARD_OK | {"card_expiry": "01/20"}, "MM/YY"),
        (CARD_OK | {"card_expiry": "13/39"}, "MM/YY"),
        (CARD_OK | {"card_cvv": "12"}, "CVV"),
        ({"method": "upi", "vpa": "not a vpa"}, "name@bank"),
        ({"method": "upi", "vpa": "someone@okbank"}, "success@upi"),
        ({"method": "nb", "bank": "NOPE", "outcome": "success"}, "Choose your bank"),
        ({"method": "nb", "bank": "HDFC"}, "Success or Failure"),
        ({"method": "cash"}, "Choose how to pay"),
    ],
)
def test_bad_input_is_shown_not_charged(
    shop: Shop,
    short: Short,
    anon: httpx.Client,
    form: dict[str, str],
    message: str,
) -> None:
    reply = anon.post(short.url, data=form)

    assert reply.status_code == 400
    assert message in reply.text
    assert has_id(reply.text, "message")
    assert shop.status(short.order_id)["status"] == "PENDING_VBV"
    assert shop.balance_paise(short.customer_id) == 5_000


def test_values_are_escaped(short: Short, anon: httpx.Client) -> None:
    reply = anon.post(
        short.url, data={"method": "upi", "vpa": "<script>alert(1)</script>"}
    )

    assert "<script>" not in reply.text
    assert "&lt;script&gt;" in reply.text


def test_without_return_url_a_result_page(shop: Shop, anon: httpx.Client) -> None:
    short = _short(shop, return_url="")

    reply = anon.post(short.url, data=NB_OK)

    assert reply.status_code == 200
    assert "location" not in reply.headers
    assert "Payment successful" in reply.text
    assert shop.status(short.order_id)["status"] == "CHARGED"


def test_return_url_query_is_kept_and_signed(
    shop: Shop, sandbox: SandboxServer, anon: httpx.Client
) -> None:
    short = _short(shop, return_url="http://127.0.0.1:1/back?till=7&note=a+b")

    location = anon.post(short.url, data=UPI_OK).headers["location"]

    params = assert_signed(location, sandbox.response_key)
    assert params["till"] == "7"
    assert params["note"] == "a b"
    assert params["status"] == "CHARGED"


def test_order_paid_another_way_closes_the_page(
    shop: Shop, sandbox: SandboxServer, short: Short, anon: httpx.Client
) -> None:
    _wallet_of(sandbox, short.customer_id).balance_paise = 100_000
    shop.debit(short.order_id, shop.token(short.customer_id))

    reply = anon.post(short.url, data=CARD_OK)

    assert reply.status_code == 302
    assert "already completed" in reply.text
    assert shop.balance_paise(short.customer_id) == 100_000 - 12_000
    status = shop.status(short.order_id)
    assert status["status"] == "CHARGED"
    assert status["txn_id"].endswith("-2")


def test_unknown_txn_page(anon: httpx.Client) -> None:
    assert anon.get("/pay/cct/nothing-here-1").status_code == 404
    assert anon.post("/pay/cct/nothing-here-1", data=CARD_OK).status_code == 404


def test_charged_txn_has_no_cct_page(shop: Shop, anon: httpx.Client) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("10", customer_id)
    txn_id = shop.debit(order_id, shop.token(customer_id)).json()["txn_id"]

    assert anon.get(f"/pay/cct/{txn_id}").status_code == 404
