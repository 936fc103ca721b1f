"""The checkout service against the sandbox over loopback HTTP and a real SQLite."""

from __future__ import annotations

from urllib.parse import urlsplit

from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import HostedKind, HostedStep, MethodOption, Outcome
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import Flow

LINKED, SMALL, UNLINKED, DECLINED = (
    "9999900001",
    "9999900002",
    "9999900003",
    "9999900004",
)


def _lines(*prices: str) -> tuple[CartLine, ...]:
    return tuple(
        CartLine(f"Item {i}", Money.parse(p), 1, f"sku{i}")
        for i, p in enumerate(prices)
    )


def _amazon(service: CheckoutService) -> MethodOption:
    return next(m for m in service.payment_methods() if m.is_amazon_pay)


def _pay(service: CheckoutService, phone_text: str, lines: tuple[CartLine, ...]):
    phone = Phone.parse(phone_text)
    customer = service.look_up_customer(phone)
    steps: list[str] = []
    result = service.pay_amazon_balance(
        lines, phone, customer, _amazon(service), steps.append
    )
    return result, steps


def _statuses(
    service: CheckoutService, order_id: str
) -> tuple[str, list[str], list[str]]:
    sale = service.store.get_sale_by_order(order_id)
    assert sale is not None
    attempts = [a.status for a in service.store.attempts_for(sale.id)]
    kinds = [e.kind for e in service.store.events_for(sale.id)]
    return sale.status, attempts, kinds


def test_methods_list_amazon_pay_first_and_mark_the_rest_unsupported(service):
    methods = service.payment_methods()
    assert methods[0].is_amazon_pay and methods[0].supported and methods[0].direct_debit
    assert len(methods) > 1
    assert all(not m.supported and m.reason for m in methods[1:])


def test_look_up_shows_linked_balance_and_masks_the_number(service):
    info = service.look_up_customer(Phone.parse(LINKED))
    assert info.linked
    assert info.amazon_pay is not None and info.amazon_pay.balance == Money.parse(
        "5000"
    )
    assert info.masked_phone == "******0001"
    unlinked = service.look_up_customer(Phone.parse(UNLINKED))
    assert not unlinked.linked


def test_linked_customer_is_charged_and_every_step_is_journaled(service, sandbox):
    result, steps = _pay(service, LINKED, _lines("19.99", "19.99", "19.99"))

    assert result.outcome is Outcome.CHARGED, result.message
    assert result.amount == Money(5997)
    assert result.receipt is not None and result.receipt.masked_phone == "******0001"
    assert "Charging Amazon Pay balance" in steps
    sale_status, attempts, kinds = _statuses(service, result.order_id)
    assert sale_status == "paid"
    assert attempts == ["charged"]
    for kind in ("sale_created", "attempt_created", "debit_requested"):
        assert kind in kinds
    sale = service.store.get_sale_by_order(result.order_id)
    events = service.store.events_for(sale.id)
    debit = next(e for e in events if e.kind == "debit_requested")
    assert debit.data["order_created"] is True  # journaled before the debit was sent
    assert events[[e.kind for e in events].index("attempt_created")].to_status == (
        "submitting"
    )
    # The gateway agrees, and took the money exactly once.
    info = service.look_up_customer(Phone.parse(LINKED))
    assert info.amazon_pay is not None
    assert info.amazon_pay.balance == Money.parse("5000") - Money(5997)


def test_declined_debit_fails_cleanly_and_a_retry_reuses_the_order(service):
    lines = _lines("349.00")
    first, _ = _pay(service, DECLINED, lines)
    assert first.outcome is Outcome.DECLINED and first.retryable
    second, _ = _pay(service, DECLINED, lines)
    assert second.order_id == first.order_id  # same cart: a new attempt, same order
    sale_status, attempts, _ = _statuses(service, first.order_id)
    assert sale_status == "open"
    assert attempts == ["failed", "failed"]


def test_changing_the_cart_after_a_decline_means_a_new_order(service):
    first, _ = _pay(service, DECLINED, _lines("10.00"))
    second, _ = _pay(service, DECLINED, _lines("10.00", "5.00"))
    assert second.order_id != first.order_id
    assert service.store.get_sale_by_order(first.order_id).status == "cancelled"


def test_short_balance_leads_to_the_cct_page_with_the_split(service, sandbox):
    result, _ = _pay(service, SMALL, _lines("500.00"))

    assert isinstance(result, HostedStep), result
    assert result.kind is HostedKind.CCT and result.flow is Flow.CCT_TOPUP
    assert result.covered == Money.parse("50") and result.remaining == Money.parse(
        "450"
    )
    assert urlsplit(result.url).netloc in result.allowed_hosts
    _, attempts, kinds = _statuses(service, result.order_id)
    assert attempts == ["awaiting_customer"] and "hosted_page_opened" in kinds


def test_cct_page_closed_by_the_customer_resolves_by_status(service, sandbox):
    step, _ = _pay(service, SMALL, _lines("500.00"))
    assert isinstance(step, HostedStep)

    result = service.finish_hosted(step, None)

    # Nothing was paid on the page: the attempt stays unknown for the reconciler.
    assert result.outcome is Outcome.UNKNOWN
    _, attempts, kinds = _statuses(service, step.order_id)
    assert attempts == ["unknown"] and "hosted_page_closed" in kinds


def test_a_debit_that_times_out_is_resolved_by_order_status(service, sandbox):
    sandbox.faults.set("txns", "drop_after_commit", count=1)
    result, _ = _pay(service, LINKED, _lines("100.00"))

    # The gateway charged even though we never heard back: we must find out, not guess.
    assert result.outcome is Outcome.CHARGED, result.message
    sale_status, attempts, _ = _statuses(service, result.order_id)
    assert sale_status == "paid" and attempts == ["charged"]
    assert "unknown" in [e for e in _transitions(service, result.order_id)]


def test_create_order_lost_then_not_found_means_nothing_charged(service, sandbox):
    sandbox.faults.set("create_order", "timeout", count=1, latency_ms=1500)
    result, _ = _pay(service, LINKED, _lines("100.00"))
    assert result.outcome is Outcome.ERROR and result.retryable
    assert "Nothing was charged" in result.message
    _, attempts, _ = _statuses(service, result.order_id)
    assert attempts == ["failed"]


def test_gateway_5xx_on_debit_stays_unknown_until_the_status_says_otherwise(
    service, sandbox
):
    sandbox.faults.set("txns", "http_503", count=1)
    result, _ = _pay(service, LINKED, _lines("100.00"))
    # A 503 took nothing; the status shows no transaction, so we cannot call it paid.
    assert result.outcome is Outcome.UNKNOWN
    _, attempts, _ = _statuses(service, result.order_id)
    assert attempts == ["unknown"]


def test_status_unreadable_after_a_charge_never_marks_it_paid(service, sandbox):
    sandbox.faults.set("order_status", "http_500")
    result, _ = _pay(service, LINKED, _lines("100.00"))
    assert result.outcome is Outcome.UNKNOWN
    sale_status, attempts, _ = _statuses(service, result.order_id)
    assert sale_status == "open" and attempts == ["unknown"]


def test_unlinked_customer_cannot_be_debited(service):
    result, _ = _pay(service, UNLINKED, _lines("10.00"))
    assert result.outcome is Outcome.DECLINED
    assert "not linked" in result.message


def _transitions(service: CheckoutService, order_id: str) -> list[str]:
    sale = service.store.get_sale_by_order(order_id)
    return [e.to_status or "" for e in service.store.events_for(sale.id)]
