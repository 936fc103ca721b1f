"""Order refunds (reference 3.5): the request, the reply, and every refusal."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import httpx
import pytest

from pos_app.domain.money import Money
from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway.client import JuspayClient

PATH = "/orders/T1ABC123/refunds"
REQUEST_ID = "R1M0ZQ8K2ABCD"


def form_of(request: httpx.Request) -> dict[str, str]:
    pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
    assert len(pairs) == len(dict(pairs)), "a form key was sent twice"
    return dict(pairs)


def refusal(code: str, message: str, **extra: object) -> str:
    return json.dumps(
        {"status_id": -1, "status": "ERROR", "error_code": code,
         "error_message": message, **extra}
    )  # fmt: skip


def test_refund_request_and_reply(client: JuspayClient, gateway, config) -> None:
    gateway.reply_file("POST", PATH, "refund_order.json")

    status = client.refund_order("T1ABC123", Money(3876), REQUEST_ID)

    request = gateway.last
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["x-routing-id"] == "T1ABC123"
    assert request.extensions["timeout"]["read"] == config.read_timeout
    assert form_of(request) == {"unique_request_id": REQUEST_ID, "amount": "38.76"}

    assert status.order_id == "T1ABC123"
    assert status.amount_refunded == Money(13876)
    refund = status.refund(REQUEST_ID)
    assert refund is not None
    assert refund.refund_status is m.RefundStatus.PENDING
    assert refund.sent_to_gateway is False  # "false" as a string: queued at Juspay
    assert refund.amount == Money(3876)
    assert (refund.ref, refund.arn) == (None, None)
    assert (refund.error_code, refund.error_message) == ("Pending", "Pending")
    assert refund.created == datetime(2024, 8, 26, 8, 15, 30, tzinfo=UTC)
    assert (refund.refund_type, refund.refund_source) == ("STANDARD", "AMAZONPAY")
    assert status.refund("R1OLDREFUND") is not None
    assert status.refund("NOSUCHREQUEST") is None


def test_refund_routes_by_customer_when_known(client: JuspayClient, gateway) -> None:
    gateway.reply_file("POST", PATH, "refund_order.json")

    client.refund_order("T1ABC123", Money(100), REQUEST_ID, customer_id="cst_1")

    assert gateway.last.headers["x-routing-id"] == "cst_1"


@pytest.mark.parametrize(
    ("request_id", "amount"),
    [
        ("", Money(100)),
        ("R" * 21, Money(100)),
        ("R-1", Money(100)),
        ("R 1", Money(100)),
        ("R_1", Money(100)),
        ("R1\n", Money(100)),
        ("R1Ä", Money(100)),
        (REQUEST_ID, Money(0)),
        (REQUEST_ID, Money(-100)),
    ],
)
def test_refund_refuses_bad_input_without_sending(
    client: JuspayClient, gateway, request_id: str, amount: Money
) -> None:
    with pytest.raises(ValueError):
        client.refund_order("T1ABC123", amount, request_id)

    assert gateway.requests == []


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (400, refusal("duplicate.call",
                      "Refund already completed with this unique_request_id"),
         errors.DuplicateRequest),
        (400, refusal("duplicate.call", "Refund already processing with this amount"),
         errors.DuplicateRequest),
        (400, refusal("invalid.amount.exceeded", "Refund amount exceeds"),
         errors.RefundExceeded),
        (400, json.dumps({"status": "Bad Request",
                          "error_code": "Mandatory fields are missing",
                          "error_message": "Mandatory fields are missing"}),
         errors.InvalidRequest),
        (400, refusal("invalid amount", "Amount is invalid."), errors.InvalidRequest),
        (400, refusal("invalid.order.not_successful", "Order is not successful"),
         errors.InvalidRequest),
        (400, json.dumps({"status": "NOT_FOUND", "status_id": 40,
                          "order_id": "T1ABC123"}), errors.OrderNotFound),
        (200, json.dumps({"status": "NOT_FOUND", "status_id": 40,
                          "order_id": "T1ABC123"}), errors.OrderNotFound),
        (200, refusal("duplicate.call", "already completed"), errors.DuplicateRequest),
        (500, refusal("internal", "boom"), errors.OutcomeUnknown),
    ],
)  # fmt: skip
def test_refund_errors_are_mapped(
    client: JuspayClient, gateway, status: int, body: str, expected: type[Exception]
) -> None:
    gateway.reply("POST", PATH, body, status)

    with pytest.raises(expected) as caught:
        client.refund_order("T1ABC123", Money(100), REQUEST_ID)

    assert type(caught.value) is expected
    assert caught.value.user_message


def test_new_refusals_are_invalid_requests_with_their_own_message() -> None:
    duplicate = errors.error_from_response(400, refusal("duplicate.call", "x"))
    exceeded = errors.error_from_response(
        400, refusal("invalid.amount.exceeded", "x", error_info={"user_message": "y"})
    )
    structured = errors.error_from_response(
        400,
        json.dumps({"status": "ERROR", "error_info": {"code": "DUPLICATE_REQUEST"}}),
    )

    assert isinstance(duplicate, errors.InvalidRequest)
    assert isinstance(exceeded, errors.InvalidRequest)
    assert type(structured) is errors.DuplicateRequest
    assert "already requested" in duplicate.user_message
    assert "refundable" in exceeded.user_message  # ours, not the gateway's "y"
    assert not duplicate.may_have_taken_effect


def test_timed_out_refund_repeated_with_same_id_is_a_harmless_duplicate(
    client: JuspayClient, gateway, caplog: pytest.LogCaptureFixture
) -> None:
    replies = iter([httpx.ReadTimeout("slow")])
    duplicate = httpx.Response(400, text=refusal("duplicate.call", "already done"))

    def answer(request: httpx.Request) -> httpx.Response:
        failure = next(replies, None)
        if failure is not None:
            raise failure
        return duplicate

    gateway.routes[("POST", PATH)] = answer
    caplog.set_level(logging.DEBUG)

    with pytest.raises(errors.OutcomeUnknown) as first:
        client.refund_order("T1ABC123", Money(100), REQUEST_ID)
    with pytest.raises(errors.DuplicateRequest):
        client.refund_order("T1ABC123", Money(100), REQUEST_ID)

    assert first.value.may_have_taken_effect and first.value.code == "TIMEOUT"
    sent = [form_of(r)["unique_request_id"] for r in gateway.requests]
    assert sent == [REQUEST_ID, REQUEST_ID]
    assert client.config.api_key not in caplog.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PENDING", m.RefundStatus.PENDING),
        ("success", m.RefundStatus.SUCCESS),
        ("FAILURE", m.RefundStatus.FAILURE),
        ("MANUAL_REVIEW", m.RefundStatus.MANUAL_REVIEW),
        ("SOMETHING_NEW", None),
        (None, None),
    ],
)
def test_refund_status_is_read_leniently(
    raw: str | None, expected: m.RefundStatus | None
) -> None:
    refund = m.Refund.model_validate({"unique_request_id": "R1", "status": raw})

    assert refund.refund_status is expected
