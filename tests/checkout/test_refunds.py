"""Refunds end to end: the sandbox on loopback, the real client, a SQLite file."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pos_app.checkout.refunds import RefundResult, RefundService, RefundState
from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import Outcome, PaymentResult
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox.server import SandboxServer

LINKED = "9999900001"  # ₹5,000.00
S = RefundState


class Clock:
    """The sandbox ledger's monotonic clock, moved by hand."""

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


@pytest.fixture
def refunds(service: CheckoutService) -> RefundService:
    return RefundService(service.client, service.store, retry_delays=(0.01, 0.02))


@pytest.fixture
def paid(service: CheckoutService) -> str:
    """The order id of a ₹250.00 sale paid from the linked customer's balance."""
    phone = Phone.parse(LINKED)
    customer = service.look_up_customer(phone)
    amazon = next(o for o in service.payment_methods() if o.is_amazon_pay)
    lines = (CartLine("Kettle", Money.parse("250.00"), 1, "KETTLE"),)
    result = service.pay_amazon_balance(lines, phone, customer, amazon, lambda _: None)
    assert isinstance(result, PaymentResult) and result.outcome is Outcome.CHARGED
    return result.order_id


def balance(service: CheckoutService) -> Money:
    info = service.look_up_customer(Phone.parse(LINKED))
    assert info.amazon_pay is not None and info.amazon_pay.balance is not None
    return info.amazon_pay.balance


def refund_posts(sandbox: SandboxServer) -> list[dict[str, str]]:
    return [r.form for r in sandbox.requests if r.endpoint == "refund"]


def gateway_refunds(sandbox: SandboxServer, order_id: str) -> list[tuple[str, int]]:
    with sandbox.ledger.lock:
        order = sandbox.ledger.orders[order_id]
        return [(r.status, r.amount_paise) for r in order.refunds]


def events(service: CheckoutService, order_id: str) -> list[tuple[str, str | None]]:
    sale = service.store.get_sale_by_order(order_id)
    assert sale is not None and sale.id is not None
    return [
        (e.kind, e.to_status)
        for e in service.store.events_for(sale.id)
        if e.kind.startswith("refund_")
    ]


def settle(sandbox: SandboxServer, clock: Clock) -> None:
    clock.advance(sandbox.app.refunds.settle_s + sandbox.app.refunds.duplicate_window_s)


def test_partial_then_full_refund_restores_the_balance(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    clock: Clock,
    paid: str,
) -> None:
    before = balance(service)

    part = refunds.refund(paid, Money.parse("100"))

    assert part.status is S.PENDING, part.message
    assert (part.amount, part.remaining) == (Money.parse("100"), Money.parse("150"))
    assert "processing" in part.message and "₹150.00" in part.message
    assert not part.refunded and not part.needs_attention

    rest = refunds.full_refund(paid)

    assert rest.status is S.PENDING, rest.message
    assert (rest.amount, rest.remaining) == (Money.parse("150"), Money(0))
    assert part.unique_request_id != rest.unique_request_id
    assert gateway_refunds(sandbox, paid) == [("PENDING", 10_000), ("PENDING", 15_000)]
    assert balance(service) == before  # nothing back while pending

    settle(sandbox, clock)
    results = refunds.refresh(paid)

    assert [r.status for r in results] == [S.SUCCESS, S.SUCCESS]
    assert all(r.refunded for r in results)
    assert "refunded to the customer's Amazon Pay balance" in results[0].message
    assert balance(service) == before + Money.parse("250")
    status = service.client.order_status(paid)
    assert status.refunded is True and status.amount_refunded == Money.parse("250")
    assert refunds.refunds.refunded_total(refunds_sale_id(service, paid)) == 25_000
    assert events(service, paid) == [
        ("refund_requested", "REQUESTED"),
        ("refund_status", "PENDING"),
        ("refund_requested", "REQUESTED"),
        ("refund_status", "PENDING"),
        ("refund_status", "SUCCESS"),
        ("refund_status", "SUCCESS"),
    ]

    again = refunds.full_refund(paid)
    assert again.status is None and "Nothing is left" in again.message
    assert len(refund_posts(sandbox)) == 2


def refunds_sale_id(service: CheckoutService, order_id: str) -> int:
    sale = service.store.get_sale_by_order(order_id)
    assert sale is not None and sale.id is not None
    return sale.id


def test_over_refund_is_refused_here_without_a_call(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    assert refunds.refund(paid, Money.parse("200")).status is S.PENDING

    refused = refunds.refund(paid, Money.parse("50.01"))

    assert refused.status is None
    assert refused.message == (
        "A refund of ₹50.01 is more than the ₹50.00 still refundable on this sale."
    )
    assert refused.remaining == Money.parse("50")
    assert len(refund_posts(sandbox)) == 1
    assert len(refunds.refunds.refunds_for(refunds_sale_id(service, paid))) == 1


def test_over_refund_refused_by_the_gateway_is_a_plain_failure(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    # Someone refunded ₹200 at the gateway (the dashboard, another till).
    service.client.refund_order(paid, Money.parse("200"), "RDASHBOARD1")

    result = refunds.refund(paid, Money.parse("100"))

    assert result.status is S.FAILURE
    assert result.error_code == "invalid.amount.exceeded"
    assert result.message.startswith(
        "Refund of ₹100.00 failed: The refund is more than the amount still "
        "refundable on this sale. Nothing was refunded"
    )
    assert gateway_refunds(sandbox, paid) == [("PENDING", 20_000)]
    assert events(service, paid)[-1] == ("refund_status", "FAILURE")


def test_a_lost_answer_is_repeated_with_the_same_id_and_refunds_once(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    sandbox.faults.set("refund", "drop_after_commit", count=1)

    result = refunds.refund(paid, Money.parse("40"))

    assert result.status is S.PENDING, result.message
    posts = refund_posts(sandbox)
    assert len(posts) == 2
    assert (
        posts[0]
        == posts[1]
        == {
            "unique_request_id": result.unique_request_id,
            "amount": "40.00",
        }
    )
    assert gateway_refunds(sandbox, paid) == [("PENDING", 4_000)]  # refunded once
    assert events(service, paid) == [
        ("refund_requested", "REQUESTED"),
        ("refund_status", "UNKNOWN"),
        ("refund_status", "PENDING"),
    ]
    assert result.remaining == Money.parse("210")


@pytest.mark.parametrize(
    ("kind", "latency_ms"), [("http_503", 0), ("http_500", 0), ("timeout", 1500)]
)
def test_a_5xx_or_timeout_is_repeated_with_the_same_id(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    paid: str,
    kind: str,
    latency_ms: int,
) -> None:
    sandbox.faults.set("refund", kind, count=1, latency_ms=latency_ms)

    result = refunds.refund(paid, Money.parse("25"))

    assert result.status is S.PENDING, result.message
    ids = {p["unique_request_id"] for p in refund_posts(sandbox)}
    assert ids == {result.unique_request_id}
    assert gateway_refunds(sandbox, paid) == [("PENDING", 2_500)]
    assert ("refund_status", "UNKNOWN") in events(service, paid)


def test_a_gateway_that_stays_broken_leaves_it_unknown_until_refreshed(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    clock: Clock,
    paid: str,
) -> None:
    sandbox.faults.set("refund", "http_502")

    result = refunds.refund(paid, Money.parse("30"))

    assert result.status is S.UNKNOWN
    assert result.needs_attention
    assert "has not confirmed the refund of ₹30.00" in result.message
    assert "do not refund this sale again" in result.message
    assert result.remaining == Money.parse("220")  # held until we know
    assert len(refund_posts(sandbox)) == 3  # the first and two repeats, one id
    assert gateway_refunds(sandbox, paid) == []
    refused = refunds.refund(paid, Money.parse("220.01"))
    assert refused.status is None  # the unknown one still counts

    sandbox.faults.clear("refund")
    (checked,) = refunds.refresh(paid)

    assert checked.status is S.PENDING
    assert checked.unique_request_id == result.unique_request_id
    assert {p["unique_request_id"] for p in refund_posts(sandbox)} == {
        result.unique_request_id
    }
    settle(sandbox, clock)
    (done,) = refunds.refresh(paid)
    assert done.status is S.SUCCESS
    assert gateway_refunds(sandbox, paid) == [("SUCCESS", 3_000)]


def test_refresh_while_the_gateway_is_down_says_so(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    assert refunds.refund(paid, Money.parse("10")).status is S.PENDING
    sandbox.faults.set("order_status", "http_503")

    (result,) = refunds.refresh(paid)

    assert result.status is S.PENDING
    assert "Could not check with the gateway" in result.message


def test_failure_at_the_gateway_is_shown_and_a_new_id_can_retry(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    clock: Clock,
    paid: str,
) -> None:
    before = balance(service)
    first = refunds.refund(paid, Money.parse("10.13"))  # the sandbox fails .13
    assert first.status is S.PENDING

    settle(sandbox, clock)
    (failed,) = refunds.refresh(paid)

    assert failed.status is S.FAILURE
    assert failed.error_code == "REFUND_FAILED"
    assert failed.message.startswith(
        "Refund of ₹10.13 failed: Refund declined by Amazon Pay. Nothing was refunded"
    )
    assert failed.remaining == Money.parse("250")  # the failed amount is free again
    assert balance(service) == before

    retry = refunds.refund(paid, Money.parse("10"))

    assert retry.status is S.PENDING
    assert retry.unique_request_id != first.unique_request_id
    assert [p["unique_request_id"] for p in refund_posts(sandbox)] == [
        first.unique_request_id,
        retry.unique_request_id,
    ]


def test_manual_review_is_surfaced_and_keeps_the_amount_held(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    clock: Clock,
    paid: str,
) -> None:
    before = balance(service)
    assert refunds.refund(paid, Money.parse("20.17")).status is S.PENDING

    settle(sandbox, clock)
    (review,) = refunds.refresh(paid)

    assert review.status is S.MANUAL_REVIEW
    assert review.needs_attention and not review.refunded
    assert "needs a manual review" in review.message
    assert review.remaining == Money.parse("229.83")
    assert review.error_code == "MANUAL_REVIEW"
    assert balance(service) == before


def test_refresh_moves_pending_to_success_on_the_real_clock(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    sandbox.app.refunds.settle_s = 0.2
    assert refunds.refund(paid, Money.parse("5")).status is S.PENDING
    assert [r.status for r in refunds.refresh(paid)] == [S.PENDING]

    deadline = time.monotonic() + 5
    results: list[RefundResult] = []
    while time.monotonic() < deadline:
        results = refunds.refresh(paid)
        if results[0].status is not S.PENDING:
            break
        time.sleep(0.05)

    assert [r.status for r in results] == [S.SUCCESS]


def test_same_amount_seconds_later_under_a_new_id_is_not_refunded_twice(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    assert refunds.refund(paid, Money.parse("15")).status is S.PENDING

    second = refunds.refund(paid, Money.parse("15"))

    assert second.status is S.FAILURE
    assert "same amount was requested seconds ago" in second.message
    assert gateway_refunds(sandbox, paid) == [("PENDING", 1_500)]
    assert second.remaining == Money.parse("235")


def test_an_intent_left_by_a_crash_is_sent_by_refresh(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    # The app stored the intent and died before (or while) posting it.
    row = refunds.refunds.request(refunds_sale_id(service, paid), 7_000, "RCRASH1")

    (result,) = refunds.refresh_open()

    assert result.status is S.PENDING
    assert refund_posts(sandbox) == [
        {"unique_request_id": "RCRASH1", "amount": "70.00"}
    ]
    assert refunds.refunds.get(row.id).status is S.PENDING  # type: ignore[union-attr]


def test_an_intent_that_did_arrive_before_the_crash_is_adopted(
    service: CheckoutService, refunds: RefundService, sandbox: SandboxServer, paid: str
) -> None:
    row = refunds.refunds.request(refunds_sale_id(service, paid), 7_000, "RCRASH2")
    service.client.refund_order(paid, Money(7_000), "RCRASH2")  # sent, answer lost

    (result,) = refunds.refresh(paid)

    assert result.status is S.PENDING
    assert gateway_refunds(sandbox, paid) == [("PENDING", 7_000)]
    assert len(refund_posts(sandbox)) == 1  # found in the status: no repeat needed
    assert refunds.refunds.get(row.id).gateway_ref.startswith("S04-")  # type: ignore[union-attr]


def test_unreachable_gateway_fails_at_once_and_nothing_is_held(
    service: CheckoutService, sandbox: SandboxServer, paid: str
) -> None:
    offline = JuspayClient(
        GatewayConfig(
            base_url="http://127.0.0.1:9",
            merchant_id=sandbox.merchant_id,
            api_key=sandbox.api_key,
            connect_timeout=0.5,
        )
    )
    desk = RefundService(offline, service.store, retry_delays=())

    result = desk.refund(paid, Money.parse("10"))

    assert result.status is S.FAILURE
    assert "Cannot reach the payment gateway" in result.message
    assert result.remaining == Money.parse("250")


def test_only_a_paid_sale_can_be_refunded(
    make_service: Callable[..., CheckoutService],
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
) -> None:
    lines = [CartLine("Tea", Money(1999), 1, "TEA")]
    sale = service.store.create_sale("T01OPENSALE1", "T01", "tester", lines)

    open_sale = refunds.refund(sale.order_id, Money(500))
    unknown = refunds.refund("T01NOSUCHSALE", Money(500))
    zero = refunds.refund(sale.order_id, Money(0))

    assert open_sale.status is None and "Only a paid sale" in open_sale.message
    assert unknown.status is None and "No sale has order id" in unknown.message
    assert zero.status is None and "above zero" in zero.message
    assert refund_posts(sandbox) == []


def test_the_periodic_reconcile_settles_a_pending_refund(
    service: CheckoutService,
    refunds: RefundService,
    sandbox: SandboxServer,
    clock: Clock,
    paid: str,
) -> None:
    result = refunds.refund(paid, Money.parse("40"))
    assert result.status is S.PENDING
    settle(sandbox, clock)  # the gateway finishes it later

    assert ("refund_status", "SUCCESS") not in events(service, paid)

    service.reconcile()  # what the counter runs every minute (and at start-up)

    assert ("refund_status", "SUCCESS") in events(service, paid)
