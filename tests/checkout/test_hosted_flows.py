"""Link and Pay, the CCT top-up and the OTP redirect, end to end on the sandbox.

The customer's side (phone or web view) is played by an httpx client posting the
sandbox pages' own forms; the return URL it is sent to is handed to the checkout as
the web view would.
"""

from __future__ import annotations

import pytest

from pos_app.checkout.types import (
    HostedKind,
    HostedStep,
    LinkMode,
    LinkSession,
    LinkState,
    Outcome,
)
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import Flow

LINKED, SMALL, UNLINKED = "9999900001", "9999900002", "9999900003"


def _lines(price: str) -> tuple[CartLine, ...]:
    return (CartLine("Item", Money.parse(price), 1, "sku1"),)


def _setup(service, phone_text):
    phone = Phone.parse(phone_text)
    customer = service.look_up_customer(phone)
    method = next(m for m in service.payment_methods() if m.is_amazon_pay)
    return phone, customer, method


def _attempts(service, order_id):
    sale = service.store.get_sale_by_order(order_id)
    events = [e.kind for e in service.store.events_for(sale.id)]
    return sale.status, [a.status for a in service.store.attempts_for(sale.id)], events


def _link(service, mode, price="100.00", phone_text=UNLINKED):
    phone, customer, method = _setup(service, phone_text)
    assert not customer.linked
    session = service.start_link(_lines(price), phone, customer, method, mode, print)
    assert isinstance(session, LinkSession), session
    return session


# -- Link and Pay --------------------------------------------------------------


def test_link_by_qr_then_pay_directly(service, browser):
    session = _link(service, LinkMode.QR)
    assert service.poll_link(session) is LinkState.WAITING

    page = browser.get(session.consent_url)  # the customer's phone
    assert page.status_code == 200 and "******0003" in page.text
    browser.post(session.consent_url, data={"decision": "allow"})

    assert service.poll_link(session) is LinkState.LINKED
    result = service.pay_linked(session, print)
    assert result.outcome is Outcome.CHARGED, result
    assert result.flow is Flow.LINK_AND_PAY
    sale, attempts, events = _attempts(service, session.order_id)
    assert (sale, attempts) == ("paid", ["charged"])
    assert {"link_started", "wallet_linked"} <= set(events)


def test_link_in_the_web_view_verifies_the_signed_return_and_links(service, browser):
    session = _link(service, LinkMode.WEB)
    answer = browser.post(session.consent_url, data={"decision": "allow"})
    assert answer.status_code == 303
    returned = answer.headers["location"]
    assert returned.startswith("https://pos.invalid/return?")

    assert service.complete_link(session, returned) is LinkState.LINKED
    assert service.pay_linked(session, print).outcome is Outcome.CHARGED


def test_a_tampered_consent_return_is_not_trusted(service, browser):
    session = _link(service, LinkMode.WEB)
    returned = browser.post(session.consent_url, data={"decision": "allow"}).headers[
        "location"
    ]
    tampered = returned.replace("wallet_id=", "wallet_id=x")

    assert service.complete_link(session, tampered) is LinkState.WAITING
    _, _, events = _attempts(service, session.order_id)
    assert "link_return_rejected" in events


def test_deny_ends_the_session_and_charges_nothing(service, browser):
    session = _link(service, LinkMode.QR)
    browser.post(session.consent_url, data={"decision": "deny"})

    assert service.poll_link(session) is LinkState.DENIED
    assert service.pay_linked(session, print).outcome is Outcome.CANCELLED
    assert _attempts(service, session.order_id)[1] == ["failed"]


def test_an_abandoned_qr_expires(make_service):
    service = make_service(link_timeout_s=0.0)
    session = _link(service, LinkMode.QR)
    assert service.poll_link(session) is LinkState.EXPIRED
    assert _attempts(service, session.order_id)[1] == ["failed"]


def test_a_consent_after_a_new_sale_started_pays_nothing(service, browser, sandbox):
    session = _link(service, LinkMode.QR)
    service.new_sale()  # the next customer steps up
    browser.post(session.consent_url, data={"decision": "allow"})

    assert service.poll_link(session) is LinkState.CANCELLED
    assert service.pay_linked(session, print).outcome is Outcome.CANCELLED
    assert not [r for r in sandbox.requests if r.path == "/txns"]
    sale, attempts, _ = _attempts(service, session.order_id)
    assert (sale, attempts) == ("cancelled", ["cancelled"])


def test_delink_then_relink(service, browser):
    session = _link(service, LinkMode.QR)
    browser.post(session.consent_url, data={"decision": "allow"})
    assert service.poll_link(session) is LinkState.LINKED
    service.new_sale()
    phone = Phone.parse(UNLINKED)
    linked = service.look_up_customer(phone)
    assert linked.linked

    unlinked = service.delink(phone, linked)

    assert not unlinked.linked
    again = _link(service, LinkMode.QR)
    browser.post(again.consent_url, data={"decision": "allow"})
    assert service.poll_link(again) is LinkState.LINKED


# -- CCT top-up ----------------------------------------------------------------


def _cct(service):
    phone, customer, method = _setup(service, SMALL)
    step = service.pay_amazon_balance(_lines("500.00"), phone, customer, method, print)
    assert isinstance(step, HostedStep) and step.kind is HostedKind.CCT
    return step


@pytest.mark.parametrize(
    "form",
    [
        {
            "method": "card",
            "card_number": "4111 1111 1111 1111",
            "card_expiry": "12/30",
            "card_cvv": "123",
        },
        {"method": "upi", "vpa": "success@upi"},
        {"method": "nb", "bank": "HDFC", "outcome": "success"},
    ],
    ids=["card", "upi", "netbanking"],
)
def test_cct_top_up_then_verified_return_completes_the_sale(service, browser, form):
    step = _cct(service)
    answer = browser.post(step.url, data=form)
    assert answer.status_code == 302, answer.text
    returned = answer.headers["location"]
    assert "signature=" in returned and "signature_algorithm=HMAC-SHA256" in returned

    result = service.finish_hosted(step, returned)

    assert result.outcome is Outcome.CHARGED, result
    assert result.flow is Flow.CCT_TOPUP
    sale, attempts, events = _attempts(service, step.order_id)
    assert (sale, attempts) == ("paid", ["charged"])
    assert "return_received" in events
    stored = service.store.get_sale_by_order(step.order_id)
    assert service.store.attempts_for(stored.id)[0].flow == "cct_topup"  # re-labelled
    verified = next(
        e for e in service.store.events_for(stored.id) if e.kind == "return_received"
    )
    assert verified.data["return_verified"] is True  # kept, not scrubbed


def test_cct_failure_declines(service, browser):
    step = _cct(service)
    answer = browser.post(step.url, data={"method": "upi", "vpa": "failure@upi"})
    result = service.finish_hosted(step, answer.headers["location"])
    assert result.outcome is Outcome.DECLINED
    assert _attempts(service, step.order_id)[1] == ["failed"]


def test_a_forged_charged_return_never_completes_the_sale(service, browser):
    step = _cct(service)
    forged = (
        f"https://pos.invalid/return?order_id={step.order_id}&status=CHARGED"
        "&status_id=21&signature=Zm9yZ2Vk&signature_algorithm=HMAC-SHA256"
    )

    result = service.finish_hosted(step, forged)

    assert result.outcome is Outcome.UNKNOWN  # the status says it is still pending
    sale, attempts, events = _attempts(service, step.order_id)
    assert sale == "open" and attempts == ["unknown"]
    assert "return_rejected" in events


# -- OTP through another gateway ---------------------------------------------


@pytest.mark.parametrize("route", ["PAYU", "RAZORPAY", "GOCASHFREE", "BILLDESK"])
def test_otp_redirect_pays_through_the_configured_gateway(
    make_service, sandbox, browser, route
):
    service = make_service(route)
    phone, customer, method = _setup(service, LINKED)
    assert method.label.startswith("Amazon Pay (via") and not method.direct_debit
    step = service.pay_amazon_balance(_lines("250.00"), phone, customer, method, print)
    assert isinstance(step, HostedStep) and step.kind is HostedKind.OTP

    wrong = browser.post(step.url, data={"action": "verify", "otp": "000000"})
    assert wrong.status_code == 200 and "2 tries left" in wrong.text
    otp = sandbox.ledger.last_otp(step.order_id)
    answer = browser.post(step.url, data={"action": "verify", "otp": otp})
    assert answer.status_code == 302

    result = service.finish_hosted(step, answer.headers["location"])
    assert result.outcome is Outcome.CHARGED, result
    assert result.flow is Flow.REDIRECT_OTP
    sale = service.store.get_sale_by_order(step.order_id)
    assert service.store.attempts_for(sale.id)[0].route == route


# -- return URLs that must not decide a sale -------------------------------------


def test_a_signed_return_for_another_order_is_not_trusted(service, browser, sandbox):
    from pos_app.sandbox.signing import signed_url

    phone, customer, method = _setup(service, LINKED)
    paid = service.pay_amazon_balance(_lines("10.00"), phone, customer, method, print)
    assert paid.outcome is Outcome.CHARGED
    service.new_sale()
    step = _cct(service)
    genuine_for_the_other = signed_url(
        "https://pos.invalid/return",
        {"order_id": paid.order_id, "status": "CHARGED", "status_id": "21"},
        sandbox.response_key,
    )

    result = service.finish_hosted(step, genuine_for_the_other)

    assert result.outcome is Outcome.UNKNOWN  # this order is still pending
    _, attempts, events = _attempts(service, step.order_id)
    assert attempts == ["unknown"] and "return_rejected" in events


def test_a_pending_return_keeps_waiting_and_the_late_payment_still_counts(
    service, browser, sandbox
):
    from pos_app.checkout.reconciler import Reconciler
    from pos_app.sandbox.signing import signed_url

    step = _cct(service)
    pending = signed_url(
        "https://pos.invalid/return",
        {"order_id": step.order_id, "status": "PENDING_VBV", "status_id": "23"},
        sandbox.response_key,
    )

    result = service.finish_hosted(step, pending)

    assert result.outcome is Outcome.UNKNOWN  # not failed: the page may still pay
    assert _attempts(service, step.order_id)[1] == ["unknown"]
    _, _, events = _attempts(service, step.order_id)
    assert "return_received" in events  # genuine and for this order, just not final
    # The customer finishes on the page after all; the reconciler records it.
    card = {"method": "upi", "vpa": "success@upi"}
    assert browser.post(step.url, data=card).status_code == 302
    resolved = Reconciler(service.client, service.store).run_once()
    assert [(r.order_id, r.to_status) for r in resolved] == [(step.order_id, "charged")]
    assert _attempts(service, step.order_id)[:2] == ("paid", ["charged"])
