"""Lenient parsing: string booleans and ints, exact amounts, both timestamp forms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from pos_app.domain.money import Money
from pos_app.domain.states import GatewayStatus
from pos_app.gateway import models as m


def walk(value: Any) -> list[Any]:
    """Every leaf value inside a model, list, dict or dataclass."""
    if isinstance(value, BaseModel):
        return walk(dict(value))
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in walk(v)]
    if isinstance(value, list | tuple):
        return [leaf for v in value for leaf in walk(v)]
    if is_dataclass(value) and not isinstance(value, type):
        return [value, *(getattr(value, f.name) for f in fields(value))]
    return [value]


def test_decode_json_never_makes_floats() -> None:
    body = m.decode_json('{"a": 138.76, "b": 395, "c": [0.1, 1e3]}')

    assert body == {
        "a": Decimal("138.76"),
        "b": 395,
        "c": [Decimal("0.1"), Decimal("1E+3")],
    }
    assert not any(isinstance(leaf, float) for leaf in walk(body))


def test_decode_json_refuses_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        m.decode_json('{"amount": NaN}')


def test_order_status_sample(data_text: Callable[[str], str]) -> None:
    status = m.OrderStatus.model_validate(
        m.decode_json(data_text("order_status_charged.json"))
    )

    assert status.status == "CHARGED"
    assert status.status_id == 21
    assert status.classification is GatewayStatus.SUCCESS
    assert status.amount == Money(39500)
    assert status.effective_amount == Money(39500)
    assert status.amount_refunded == Money(0)
    assert status.refunded is False
    assert status.payment_method_type == "WALLET"
    assert status.payment_method == "AMAZONPAY"
    assert status.txn_flow_type == "DIRECT_DEBIT"
    assert status.gateway_id == "38"  # a JSON number in the sample
    assert status.gateway_reference_id is None
    assert status.date_created == datetime(2024, 8, 26, 6, 37, 2, tzinfo=UTC)
    assert status.last_updated == datetime(2016, 8, 2, 8, 7, 52, tzinfo=UTC)
    assert status.udfs == {"udf1": "T1", "udf6": "cashier 7"}
    assert status.bank_error_code == ""
    assert status.error_code is None and status.error_message is None

    detail = status.txn_detail
    assert detail is not None
    assert detail.gateway == "AMAZONPAY"
    assert detail.txn_amount == Money(39500)
    assert detail.surcharge_amount is None
    assert detail.redirect is False

    assert status.gateway_resp_code == "Completed"
    assert status.gateway_resp_message == "CaptureApproved"

    (refund,) = status.refunds
    assert refund.amount == Money(13876)  # 138.76 exactly, no float rounding
    assert refund.sent_to_gateway is True  # "true" as a string
    assert refund.status == "PENDING"
    assert not any(isinstance(leaf, float) for leaf in walk(status))


@pytest.mark.parametrize("value", [True, "true", "True", "TRUE", 1, "1"])
def test_truthy_booleans(value: object) -> None:
    assert m.Wallet.model_validate({"linked": value}).linked is True


@pytest.mark.parametrize("value", [False, "false", "False", 0, "0"])
def test_falsy_booleans(value: object) -> None:
    assert m.Wallet.model_validate({"linked": value}).linked is False


def test_unknown_boolean_text_is_rejected() -> None:
    with pytest.raises(ValidationError):
        m.Wallet.model_validate({"linked": "maybe"})


@pytest.mark.parametrize(
    ("raw", "paise"),
    [(395, 39500), (Decimal("138.76"), 13876), ("138.76", 13876), ("100", 10000)],
)
def test_amounts_are_exact(raw: object, paise: int) -> None:
    status = m.OrderStatus.model_validate(
        {"order_id": "A", "status": "NEW", "amount": raw}
    )

    assert status.amount == Money(paise)


def test_amount_with_three_decimals_is_an_error_not_rounded() -> None:
    with pytest.raises(ValidationError):
        m.OrderStatus.model_validate(
            {"order_id": "A", "status": "NEW", "amount": Decimal("1.005")}
        )


def test_status_id_as_string_and_number() -> None:
    as_text = m.OrderStatus.model_validate(
        {"order_id": "A", "status": "CHARGED", "status_id": "21"}
    )
    as_number = m.OrderStatus.model_validate(
        {"order_id": 123, "status": "CHARGED", "status_id": 21}
    )

    assert as_text.status_id == as_number.status_id == 21
    assert as_number.order_id == "123"


def test_nulls_and_odd_shapes_are_tolerated() -> None:
    status = m.OrderStatus.model_validate(
        {
            "order_id": "A",
            "status": "NEW",
            "amount": None,
            "refunds": None,
            "txn_detail": None,
            "wallet": "AMAZONPAY",  # not an object: ignored, not fatal
            "payment_gateway_response": [],
            "date_created": "not a date",
            "status_id": "",
        }
    )

    assert status.amount is None
    assert status.refunds == []
    assert status.txn_detail is None
    assert status.wallet is None
    assert status.date_created is None
    assert status.status_id is None
    assert status.classification is GatewayStatus.NO_TRANSACTION


def test_order_status_without_status_is_rejected() -> None:
    with pytest.raises(ValidationError):
        m.OrderStatus.model_validate({"order_id": "A"})


def test_create_order_reply(data_text: Callable[[str], str]) -> None:
    order = m.Order.model_validate(m.decode_json(data_text("create_order.json")))

    assert order.status == "NEW"
    assert order.status_id == 10
    assert order.amount == Money(149950)
    assert order.refunded is False
    assert order.payment_links is not None
    assert order.payment_links.web is not None
    assert order.payment_links.web.endswith("/payment-page")
    assert order.udfs == {"udf1": "T1"}


def test_customer_accepts_legacy_customer_id_and_hides_contact_details() -> None:
    customer = m.Customer.model_validate(
        {"customer_id": "cst_1", "mobile_number": "9999900001"}
    )

    assert customer.id == "cst_1"
    assert customer.mobile_number == "9999900001"
    assert "9999900001" not in repr(customer)


def test_customer_sample(data_text: Callable[[str], str]) -> None:
    customer = m.Customer.model_validate(m.decode_json(data_text("customer.json")))

    assert customer.id == "cst_9x8y7z"
    assert customer.date_created == datetime(2016, 8, 2, 8, 7, 52, tzinfo=UTC)
    assert customer.last_updated == datetime(2024, 8, 26, 6, 37, 2, tzinfo=UTC)


def test_wallet_balance_prefers_wallet_sub_entry(
    data_text: Callable[[str], str],
) -> None:
    body = m.decode_json(data_text("wallets_refresh.json"))
    amazon, paytm = m.parse_list(body, "list", m.Wallet.model_validate)

    assert amazon.linked is True
    assert amazon.is_linked
    assert amazon.current_balance == Money(0)
    assert amazon.balance == Money(23050)  # WALLET entry, not the 0 nor pay-later
    assert amazon.juspay_bank_code == "JP_AMAZONPAY"
    assert amazon.token == "tkn_single_use_secret"
    assert "tkn_single_use_secret" not in repr(amazon)
    assert "9999900001" not in repr(amazon)
    assert paytm.linked is False
    assert paytm.token is None
    assert paytm.sub_details == []
    assert paytm.balance is None


def test_wallet_balance_falls_back_to_current_balance() -> None:
    wallet = m.Wallet.model_validate({"current_balance": 500, "sub_details": []})

    assert wallet.balance == Money(50000)


def test_transaction_with_post_authentication(data_text: Callable[[str], str]) -> None:
    txn = m.Transaction.model_validate(m.decode_json(data_text("txn_pending.json")))

    assert txn.status == "PENDING_VBV"
    assert txn.classification is GatewayStatus.PENDING
    assert txn.authentication is not None
    assert txn.authentication.method == "POST"
    assert (
        txn.authentication.url == "https://gateway.test/pay/start/pos_test/eulAbCdEfGh"
    )
    assert txn.authentication.params == {"session": "abc", "amount": "20"}


def test_transaction_without_payment_block() -> None:
    txn = m.Transaction.model_validate({"status": "CHARGED", "payment": None})

    assert txn.authentication is None
    assert txn.classification is GatewayStatus.SUCCESS


def test_payment_methods(data_text: Callable[[str], str]) -> None:
    body = m.decode_json(data_text("payment_methods.json"))
    methods = m.parse_list(body, "payment_methods", m.PaymentMethod.model_validate)

    assert [x.payment_method for x in methods] == ["AMAZONPAY", "PAYTM", "UPI"]
    assert [x.wallet_direct_debit_support for x in methods] == [True, False, None]


def test_parse_list_accepts_bare_list_and_rejects_other_shapes() -> None:
    assert m.parse_list([{"wallet": "X"}], "list", m.Wallet.model_validate)[0].wallet
    with pytest.raises(ValueError):
        m.parse_list({"object": "list"}, "list", m.Wallet.model_validate)


def test_order_status_error_prefers_txn_detail_then_bank() -> None:
    both = m.OrderStatus.model_validate(
        {
            "order_id": "A",
            "status": "AUTHORIZATION_FAILED",
            "bank_error_code": "BANK1",
            "bank_error_message": "bank says no",
            "txn_detail": {"error_code": "AmazonRejected", "error_message": "declined"},
        }
    )
    bank_only = m.OrderStatus.model_validate(
        {"order_id": "A", "status": "FAILED", "bank_error_code": "BANK1"}
    )

    assert (both.error_code, both.error_message) == ("AmazonRejected", "declined")
    assert bank_only.error_code == "BANK1"
    assert bank_only.classification is GatewayStatus.FAILURE
