"""Refunds (reference 3.5) over loopback HTTP: rules, error bodies, settling."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from pos_app.sandbox.server import SandboxServer

from .conftest import Shop


class Clock:
    """The ledger's monotonic clock, moved by hand."""

    def __init__(self) -> None:
        self.now = time.monotonic()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(sandbox: SandboxServer) -> Clock:
    fake = Clock()
    sandbox.ledger.clock = fake
    return fake


def charged_order(shop: Shop, amount: str = "250.00") -> tuple[str, str]:
    customer_id = shop.customer("9999900001")
    order_id = shop.order(amount, customer_id)
    reply = shop.debit(order_id, shop.token(customer_id))
    assert reply.json()["status"] == "CHARGED"
    return customer_id, order_id


def refund(
    client: httpx.Client, order_id: str, request_id: str | None, amount: str | None
) -> httpx.Response:
    form = {"unique_request_id": request_id, "amount": amount}
    data = {k: v for k, v in form.items() if v is not None}
    return client.post(f"/orders/{order_id}/refunds", data=data)


def refusal(reply: httpx.Response) -> dict[str, Any]:
    assert reply.status_code == 400, reply.text
    body: dict[str, Any] = reply.json()
    return body


def test_partial_refund_is_pending_then_succeeds_and_restores_the_balance(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer, clock: Clock
) -> None:
    customer_id, order_id = charged_order(shop)
    assert shop.balance_paise(customer_id) == 500_000 - 25_000

    reply = refund(client, order_id, "R1FIRST", "100.50")

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["order_id"] == order_id and body["status"] == "CHARGED"
    assert body["amount_refunded"] == 100.5
    assert body["refunded"] is False
    assert body["maximum_eligible_refund_amount"] == 149.5
    (entry,) = body["refunds"]
    assert entry["unique_request_id"] == "R1FIRST"
    assert entry["status"] == "PENDING"
    assert entry["sent_to_gateway"] is False
    assert entry["amount"] == 100.5
    assert (entry["refund_type"], entry["refund_source"]) == ("STANDARD", "AMAZONPAY")
    assert entry["initiated_by"] == "API"
    assert entry["ref"] == entry["arn"]
    assert entry["ref"].startswith("S04-") and "-R" in entry["ref"]
    assert entry["error_code"] == "Pending"
    assert entry["created"].endswith("Z")
    assert shop.balance_paise(customer_id) == 475_000  # nothing back while pending

    clock.advance(sandbox.app.refunds.settle_s)
    status = shop.status(order_id)

    (settled,) = status["refunds"]
    assert settled["status"] == "SUCCESS"
    assert settled["sent_to_gateway"] is True
    assert settled["error_code"] == ""
    assert status["amount_refunded"] == 100.5
    assert status["refunded"] is False
    assert shop.balance_paise(customer_id) == 475_000 + 10_050


def test_full_refund_in_two_parts_marks_the_order_refunded(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer, clock: Clock
) -> None:
    customer_id, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", "50").status_code == 200
    reply = refund(client, order_id, "R1B", "200")
    assert reply.status_code == 200, reply.text
    assert reply.json()["maximum_eligible_refund_amount"] == 0
    assert reply.json()["refunded"] is False  # not until they succeed

    clock.advance(sandbox.app.refunds.settle_s)
    status = shop.status(order_id)

    assert [r["status"] for r in status["refunds"]] == ["SUCCESS", "SUCCESS"]
    assert status["amount_refunded"] == 250
    assert status["refunded"] is True
    assert shop.balance_paise(customer_id) == 500_000
    body = refusal(refund(client, order_id, "R1C", "0.01"))
    assert body["error_code"] == "invalid.amount.exceeded"


def test_more_than_refundable_is_refused(shop: Shop, client: httpx.Client) -> None:
    _, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", "200").status_code == 200

    body = refusal(refund(client, order_id, "R1B", "50.01"))

    assert body == {
        "status_id": -1,
        "status": "ERROR",
        "error_code": "invalid.amount.exceeded",
        "error_message": body["error_message"],
    }
    assert "50.00" in body["error_message"]
    assert len(shop.status(order_id)["refunds"]) == 1


def test_reused_request_id_is_a_duplicate_call(
    shop: Shop, client: httpx.Client, clock: Clock
) -> None:
    _, order_id = charged_order(shop)
    assert refund(client, order_id, "R1SAME", "10").status_code == 200
    clock.advance(60)

    body = refusal(refund(client, order_id, "R1SAME", "20"))

    assert body["status_id"] == -1 and body["status"] == "ERROR"
    assert body["error_code"] == "duplicate.call"
    assert "already completed with this unique_request_id" in body["error_message"]
    status = shop.status(order_id)
    assert [r["amount"] for r in status["refunds"]] == [10]
    assert status["amount_refunded"] == 10


def test_same_amount_within_the_window_is_a_duplicate_call(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer, clock: Clock
) -> None:
    _, order_id = charged_order(shop)
    assert sandbox.app.refunds.duplicate_window_s == 5.0
    assert refund(client, order_id, "R1A", "10").status_code == 200

    clock.advance(4.9)
    body = refusal(refund(client, order_id, "R1B", "10"))
    assert body["error_code"] == "duplicate.call"
    assert "already processing with this amount" in body["error_message"]
    assert refund(client, order_id, "R1C", "11").status_code == 200  # other amount

    clock.advance(0.2)
    assert refund(client, order_id, "R1D", "10").status_code == 200
    assert len(shop.status(order_id)["refunds"]) == 3


def test_duplicate_window_is_configurable(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer, clock: Clock
) -> None:
    sandbox.app.refunds.duplicate_window_s = 0.5
    _, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", "10").status_code == 200
    clock.advance(0.6)
    assert refund(client, order_id, "R1B", "10").status_code == 200


@pytest.mark.parametrize(
    ("request_id", "amount"), [(None, "10"), ("R1X", None), ("", ""), (None, None)]
)
def test_missing_fields(
    shop: Shop, client: httpx.Client, request_id: str | None, amount: str | None
) -> None:
    _, order_id = charged_order(shop)

    body = refusal(refund(client, order_id, request_id, amount))

    assert body["status"] == "Bad Request"
    assert body["error_code"] == "Mandatory fields are missing"
    assert body["error_message"] == "Mandatory fields are missing"


@pytest.mark.parametrize("amount", ["0", "0.00", "-5", "abc", "1.234"])
def test_zero_or_bad_amount(shop: Shop, client: httpx.Client, amount: str) -> None:
    _, order_id = charged_order(shop)

    body = refusal(refund(client, order_id, "R1Z", amount))

    assert body["error_code"] == "invalid amount"
    assert body["error_message"] == "Amount is invalid."
    assert shop.status(order_id)["refunds"] == []


def test_unknown_order_is_not_found(client: httpx.Client) -> None:
    body = refusal(refund(client, "nosuchorder", "R1A", "10"))

    assert body == {"status": "NOT_FOUND", "status_id": 40, "order_id": "nosuchorder"}


def test_order_not_charged_is_refused(shop: Shop, client: httpx.Client) -> None:
    customer_id = shop.customer("9999900004")  # every debit declined
    new_order = shop.order("10", customer_id)
    declined = shop.order("20", customer_id)
    assert shop.debit(declined, shop.token(customer_id)).json()["status"] == (
        "AUTHORIZATION_FAILED"
    )

    for order_id in (new_order, declined):
        body = refusal(refund(client, order_id, f"R{order_id}", "5"))
        assert body["status"] == "ERROR"
        assert body["error_code"].startswith("invalid.order.not_successful")


def test_bad_request_id_is_refused(shop: Shop, client: httpx.Client) -> None:
    _, order_id = charged_order(shop)

    for bad in ("R1-WITH-DASH", "R" * 21):
        body = refusal(refund(client, order_id, bad, "10"))
        assert body["status"] == "ERROR"
        assert body["error_code"] == "invalid.unique_request_id"


def test_refund_needs_authentication(
    shop: Shop, anon: httpx.Client, client: httpx.Client
) -> None:
    _, order_id = charged_order(shop)

    reply = refund(anon, order_id, "R1A", "10")

    assert reply.status_code == 401
    assert shop.status(order_id)["refunds"] == []


@pytest.mark.parametrize(
    ("amount", "outcome", "code"),
    [
        ("10.13", "FAILURE", "REFUND_FAILED"),
        ("10.17", "MANUAL_REVIEW", "MANUAL_REVIEW"),
    ],
)
def test_amount_paise_choose_failure_or_manual_review(
    shop: Shop,
    client: httpx.Client,
    sandbox: SandboxServer,
    clock: Clock,
    amount: str,
    outcome: str,
    code: str,
) -> None:
    customer_id, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", amount).status_code == 200

    clock.advance(sandbox.app.refunds.settle_s)
    status = shop.status(order_id)

    (entry,) = status["refunds"]
    assert entry["status"] == outcome
    assert entry["error_code"] == code and entry["error_message"]
    assert shop.balance_paise(customer_id) == 475_000  # no money back
    if outcome == "FAILURE":  # a failed refund frees its amount again
        assert status["amount_refunded"] == 0
        assert status["maximum_eligible_refund_amount"] == 250
        assert refund(client, order_id, "R1B", amount).status_code == 200
    else:  # manual review keeps it held
        assert status["maximum_eligible_refund_amount"] == 239.83


def test_forced_outcome_knob(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer, clock: Clock
) -> None:
    sandbox.app.refunds.forced_outcome = "FAILURE"
    _, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", "10").status_code == 200

    clock.advance(sandbox.app.refunds.settle_s)

    assert shop.status(order_id)["refunds"][0]["status"] == "FAILURE"


def test_refunds_settle_on_the_real_clock(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.app.refunds.settle_s = 0.2
    _, order_id = charged_order(shop)
    assert refund(client, order_id, "R1A", "10").status_code == 200
    assert shop.status(order_id)["refunds"][0]["status"] == "PENDING"

    time.sleep(0.3)

    assert shop.status(order_id)["refunds"][0]["status"] == "SUCCESS"


def test_refund_fault_drop_after_commit_keeps_the_refund(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer
) -> None:
    _, order_id = charged_order(shop)
    sandbox.faults.set("refund", "drop_after_commit", count=1)

    with pytest.raises(httpx.RemoteProtocolError):
        refund(client, order_id, "R1A", "10")

    assert [r["unique_request_id"] for r in shop.status(order_id)["refunds"]] == ["R1A"]
    assert sandbox.requests[-2].endpoint == "refund"
    body = refusal(refund(client, order_id, "R1A", "10"))  # the harmless repeat
    assert body["error_code"] == "duplicate.call"


def test_refund_fault_5xx_does_nothing(
    shop: Shop, client: httpx.Client, sandbox: SandboxServer
) -> None:
    _, order_id = charged_order(shop)
    sandbox.faults.set("refund", "http_503", count=1)

    assert refund(client, order_id, "R1A", "10").status_code == 503

    assert shop.status(order_id)["refunds"] == []
    assert refund(client, order_id, "R1A", "10").status_code == 200
