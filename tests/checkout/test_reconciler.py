"""The reconciler settles attempts from the order status, and never guesses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos_app.checkout.reconciler import Reconciler
from pos_app.checkout.types import Outcome
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import AttemptStatus, Flow

LINKED = "9999900001"


def _lines(price: str = "100.00") -> tuple[CartLine, ...]:
    return (CartLine("Item", Money.parse(price), 1, "sku1"),)


def _pay(service, phone_text=LINKED, price="100.00"):
    phone = Phone.parse(phone_text)
    customer = service.look_up_customer(phone)
    method = next(m for m in service.payment_methods() if m.is_amazon_pay)
    return service.pay_amazon_balance(
        _lines(price), phone, customer, method, lambda _: None
    )


def _reconciler(service, **kwargs) -> Reconciler:
    return Reconciler(service.client, service.store, **kwargs)


def _attempts(service, order_id):
    sale = service.store.get_sale_by_order(order_id)
    return sale.status, [a.status for a in service.store.attempts_for(sale.id)]


def test_a_charge_we_never_heard_about_is_found_and_the_sale_paid(service, sandbox):
    sandbox.faults.set("order_status", "http_500")
    result = _pay(service)
    assert result.outcome is Outcome.UNKNOWN
    sandbox.faults.clear()

    resolved = _reconciler(service).run_once()

    assert [(r.order_id, r.from_status, r.to_status) for r in resolved] == [
        (result.order_id, "unknown", "charged")
    ]
    assert _attempts(service, result.order_id) == ("paid", ["charged"])
    assert _reconciler(service).run_once() == []  # nothing left to do


def test_an_order_that_was_never_created_closes_as_failed(service):
    # A crash right after the attempt was stored, before create order was sent.
    store = service.store
    sale = store.create_sale("T01CRASH0000001", "T01", "t", _lines())
    attempt = store.create_attempt(
        sale.id, flow=Flow.DIRECT_DEBIT, route="AMAZONPAY", method="WALLET:AMAZONPAY"
    )
    store.transition(attempt.id, AttemptStatus.SUBMITTING)

    resolved = _reconciler(service).run_once()

    assert [(r.to_status, r.gateway_status) for r in resolved] == [
        ("failed", "NOT_FOUND")
    ]
    assert store.get_attempt(attempt.id).status == "failed"


def test_no_transaction_is_closed_only_once_the_attempt_is_old(service, sandbox):
    sandbox.faults.set("txns", "http_503")  # refused: the order stays NEW
    result = _pay(service)
    assert result.outcome is Outcome.UNKNOWN
    sandbox.faults.clear()

    assert _reconciler(service).run_once() == []  # too recent to call
    later = datetime.now(UTC) + timedelta(minutes=5)
    resolved = _reconciler(service, clock=lambda: later).run_once()

    assert [(r.from_status, r.to_status) for r in resolved] == [("unknown", "failed")]
    assert _attempts(service, result.order_id) == ("open", ["failed"])


def test_an_older_decline_never_fails_a_newer_unknown_attempt(service, sandbox):
    first = _pay(service, "9999900004", "10.00")  # declined: txn 1 fails
    assert first.outcome is Outcome.DECLINED
    sandbox.faults.set("txns", "http_503")  # the retry never reaches the wallet
    second = _pay(service, "9999900004", "10.00")
    assert second.order_id == first.order_id and second.outcome is Outcome.UNKNOWN
    sandbox.faults.clear()

    resolved = _reconciler(service).run_once()

    # The order still shows txn 1's AUTHORIZATION_FAILED: not this attempt's answer.
    assert resolved == []
    assert _attempts(service, first.order_id) == ("open", ["failed", "unknown"])


def test_attempts_on_screen_and_from_before_the_gateway_started_are_skipped(
    service, sandbox
):
    sandbox.faults.set("order_status", "http_500")
    result = _pay(service)
    sandbox.faults.clear()
    sale = service.store.get_sale_by_order(result.order_id)
    attempt_id = service.store.attempts_for(sale.id)[0].id

    assert _reconciler(service).run_once(skip={attempt_id}) == []
    future = datetime.now(UTC) + timedelta(hours=1)
    assert _reconciler(service, since=future).run_once() == []
    assert len(_reconciler(service).pending()) == 1


def test_a_manager_recheck_settles_one_sale_and_says_what_happened(service, sandbox):
    sandbox.faults.set("order_status", "http_500")
    first = _pay(service)
    service.new_sale()
    second = _pay(service, "9999900005")
    sandbox.faults.clear()

    message = service.recheck(first.order_id)

    assert f"{first.order_id} is paid." in message and "unknown -> charged" in message
    assert _attempts(service, first.order_id) == ("paid", ["charged"])
    assert _attempts(service, second.order_id) == ("open", ["unknown"])  # untouched
    assert "No sale" in service.recheck("NOSUCHORDER")


def test_a_manager_refund_of_what_is_left(service):
    paid = _pay(service, price="300.00")
    assert paid.outcome is Outcome.CHARGED

    refund = service.refund_remaining(paid.order_id)

    assert refund.amount == Money.parse("300.00") and refund.status is not None
    assert service.refund_remaining(paid.order_id).status is None  # nothing left


def test_a_customer_with_a_payment_being_checked_is_not_charged_again(service, sandbox):
    sandbox.faults.set("txns", "drop_after_commit", count=1)
    sandbox.faults.set("order_status", "http_500")
    first = _pay(service, "9999900005", "250.00")
    assert first.outcome is Outcome.UNKNOWN  # the debit went through, unseen
    service.new_sale()  # the cashier moves on and rings the same goods again

    blocked = _pay(service, "9999900005", "250.00")

    assert blocked.outcome is Outcome.ERROR
    assert blocked.error_code == "earlier_payment_unsettled"
    assert (
        first.order_id in blocked.message and "still being checked" in blocked.message
    )
    sandbox.faults.clear()
    told = _pay(service, "9999900005", "250.00")  # now the status can be read
    assert "went through after all" in told.message and told.outcome is Outcome.ERROR
    assert _attempts(service, first.order_id) == ("paid", ["charged"])
    txns = [r for r in sandbox.requests if r.path == "/txns"]
    assert len(txns) == 1  # charged once, whatever the cashier pressed


def test_another_customer_is_not_held_up_by_someone_elses_unknown(service, sandbox):
    sandbox.faults.set("order_status", "http_500")
    first = _pay(service, "9999900005", "250.00")
    assert first.outcome is Outcome.UNKNOWN
    service.new_sale()
    sandbox.faults.clear()

    other = _pay(service, "9999900001", "10.00")

    assert other.outcome is Outcome.CHARGED
