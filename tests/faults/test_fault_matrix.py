"""Every gateway call of every flow, under every fault: money and records agree.

One case = one flow x one gateway call that flow makes x one fault kind (firing
once, so the next try works). The cashier runs the flow through the real
``CheckoutService`` against the loopback sandbox, the customer finishes any page
(consent, CCT card form, OTP), the cashier tries once more when told that nothing
was charged, and then the ``Reconciler`` runs with its clock pushed an hour on so
quiet attempts can close. Every case then checks:

(a) ledger and database agree: an order CHARGED at the sandbox has exactly one
    ``charged`` attempt and a ``paid`` sale of the same amount; a ``paid`` sale is
    CHARGED at the sandbox;
(b) nothing was charged twice: at most one CHARGED txn per order, and the
    customer's Amazon Pay balance dropped by exactly what the charges took from it;
(c) nothing was lost: every sale is paid, open with only final attempts, or
    cancelled.

A hosted page the customer never saw (its ``/txns`` answer was lost, so the
counter never showed it) stays pending at the sandbox, which has no page expiry;
Juspay fails such a transaction (``AUTHENTICATION_FAILED``) when the page times
out, and the test does the same before reconciling, counting it in the case.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from pos_app.checkout.reconciler import Reconciler
from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import (
    HostedKind,
    HostedStep,
    LinkMode,
    LinkSession,
    LinkState,
    Outcome,
    PaymentResult,
)
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import TERMINAL, AttemptStatus
from pos_app.sandbox import fixtures
from pos_app.sandbox.server import SandboxServer

LINKED, SMALL, UNLINKED = "9999900001", "9999900002", "9999900003"
CARD = {
    "method": "card",
    "card_number": "4111 1111 1111 1111",
    "card_expiry": "12/30",
    "card_cvv": "123",
}
#: A ``timeout`` fault hangs this long (past the client's timeout), then drops.
TIMEOUT_HANG_MS = 800
KINDS = ("timeout", "http_500", "http_502", "http_503", "html", "malformed")
KINDS += ("drop_after_commit",)


@dataclass(frozen=True)
class FlowSpec:
    """A payment flow: who pays, by which route, and the gateway calls it makes."""

    name: str
    mobile: str
    price: str
    calls: tuple[str, ...]  # in the order the flow first makes them
    route: str = "AMAZONPAY"
    link: LinkMode | None = None


FLOWS = (
    FlowSpec("direct", LINKED, "100.00", ("create_order", "refresh_wallets", "txns")),
    FlowSpec(
        "link_qr",
        UNLINKED,
        "100.00",
        ("create_wallet", "get_wallet", "create_order", "refresh_wallets", "txns"),
        link=LinkMode.QR,
    ),
    FlowSpec(
        "link_web",
        UNLINKED,
        "100.00",
        ("create_wallet", "wallet_command", "create_order", "refresh_wallets", "txns"),
        link=LinkMode.WEB,
    ),
    FlowSpec("cct", SMALL, "500.00", ("create_order", "refresh_wallets", "txns")),
    FlowSpec("otp", LINKED, "250.00", ("create_order", "txns"), route="PAYU"),
)
# Every flow confirms by order status after its last call.
FLOWS = tuple(
    FlowSpec(f.name, f.mobile, f.price, (*f.calls, "order_status"), f.route, f.link)
    for f in FLOWS
)
# Generated, not skipped: a flow is paired only with the calls it makes (checked
# by test_each_flow_makes_exactly_its_calls).
CASES = [
    pytest.param(flow, call, kind, id=f"{flow.name}-{call}-{kind}")
    for flow in FLOWS
    for call in flow.calls
    for kind in KINDS
]


# -- the cashier and the customer -----------------------------------------------


@dataclass
class Run:
    """What happened at the counter, for the failure message."""

    outcomes: list[str] = field(default_factory=list)
    expired_pages: int = 0

    def note(self, what: str) -> None:
        self.outcomes.append(what)


class Counter:
    """The cashier's side of one sale, and the customer's pages."""

    def __init__(
        self,
        flow: FlowSpec,
        service: CheckoutService,
        sandbox: SandboxServer,
        browser: httpx.Client,
    ) -> None:
        self.flow = flow
        self.service = service
        self.sandbox = sandbox
        self.browser = browser
        self.lines = (CartLine("Item", Money.parse(flow.price), 1, "sku1"),)
        self.phone = Phone.parse(flow.mobile)
        self.run = Run()

    def sell(self, arm: Callable[[], None]) -> Run:
        """Pay; try once more if told nothing was charged. ``arm`` fires once."""
        for attempt in range(2):
            result = self._one_try(arm if attempt == 0 else _nothing)
            self.run.note(_describe(result))
            if not _worth_retrying(result):
                break
        return self.run

    def _one_try(self, arm: Callable[[], None]) -> PaymentResult | None:
        svc = self.service
        customer = svc.look_up_customer(self.phone)  # may refresh wallets itself
        method = next(m for m in svc.payment_methods() if m.is_amazon_pay)
        arm()
        if self.flow.link is None or customer.linked:
            return self._hosted(
                svc.pay_amazon_balance(self.lines, self.phone, customer, method, _quiet)
            )
        started = svc.start_link(
            self.lines, self.phone, customer, method, self.flow.link, _quiet
        )
        if isinstance(started, PaymentResult):
            return started
        if self._consent(started) is not LinkState.LINKED:
            svc.cancel_link(started)
            return None  # the cashier cancels the session and starts again
        return self._hosted(svc.pay_linked(started, _quiet))

    def _consent(self, session: LinkSession) -> LinkState:
        answer = self.browser.post(session.consent_url, data={"decision": "allow"})
        if session.mode is LinkMode.WEB and answer.status_code == 303:
            state = self.service.complete_link(session, answer.headers["location"])
        else:
            state = self.service.poll_link(session)
        for _ in range(4):  # the counter keeps polling while it waits
            if state is not LinkState.WAITING:
                break
            time.sleep(0.02)
            state = self.service.poll_link(session)
        return state

    def _hosted(self, outcome: PaymentResult | HostedStep) -> PaymentResult:
        if isinstance(outcome, PaymentResult):
            return outcome
        if outcome.kind is HostedKind.CCT:
            answer = self.browser.post(outcome.url, data=CARD)
        else:
            otp = self.sandbox.ledger.last_otp(outcome.order_id) or ""
            answer = self.browser.post(
                outcome.url, data={"action": "verify", "otp": otp}
            )
        returned = answer.headers.get("location") if answer.is_redirect else None
        return self.service.finish_hosted(outcome, returned)

    def expire_abandoned_pages(self) -> None:
        """Fail pending page txns nobody saw, as the gateway's page timeout does."""
        ledger = self.sandbox.ledger
        with ledger.lock:
            pending = [
                (txn.txn_id, txn.otp is not None)
                for order in ledger.orders.values()
                for txn in order.txns
                if txn.status == "PENDING_VBV"
            ]
        for txn_id, otp in pending:
            ledger.cancel_page_txn(txn_id, "otp" if otp else "cct")
        self.run.expired_pages = len(pending)


def _nothing() -> None:
    pass


def _quiet(_step: str) -> None:
    pass


def _worth_retrying(result: PaymentResult | None) -> bool:
    if result is None:
        return True
    return result.retryable and result.outcome in (Outcome.ERROR, Outcome.DECLINED)


def _describe(result: PaymentResult | None) -> str:
    if result is None:
        return "link cancelled"
    return f"{result.outcome.value}: {result.message}"


# -- the checks ----------------------------------------------------------------


def problems(counter: Counter) -> list[str]:
    """Every way the sandbox's ledger and our database disagree (empty: none)."""
    store = counter.service.store
    ledger = counter.sandbox.ledger
    found: list[str] = []
    sales = store.sales_between(
        datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(days=1)
    )
    by_order = {sale.order_id: sale for sale in sales}
    with ledger.lock:
        orders = {
            oid: (o.amount_paise, [(t.status, t.flow, list(t.breakup)) for t in o.txns])
            for oid, o in ledger.orders.items()
        }
        wallet = next(
            w for w in ledger.wallets.values() if w.mobile_number == counter.flow.mobile
        )
        balance = wallet.balance_paise

    took_from_wallet = charged_total = 0
    for order_id, (amount, txns) in orders.items():
        charged = [t for t in txns if t[0] == "CHARGED"]
        sale = by_order.get(order_id)
        if len(charged) > 1:
            found.append(f"(b) order {order_id} has {len(charged)} CHARGED txns")
        if sale is None:
            found.append(f"(a) order {order_id} at the gateway has no sale here")
            continue
        if not charged:
            continue
        charged_total += amount
        took_from_wallet += sum(_from_wallet(amount, t[1], t[2]) for t in charged)
        won = [a for a in store.attempts_for(sale.id) if a.status == "charged"]
        if sale.status != "paid" or len(won) != 1 or sale.total_paise != amount:
            found.append(
                f"(a) order {order_id} CHARGED {amount} at the gateway, but the sale "
                f"is {sale.status} ({sale.total_paise}) with {len(won)} charged "
                "attempts"
            )

    paid_total = 0
    for sale in sales:
        attempts = store.attempts_for(sale.id)
        live = [f"{a.id}:{a.status}" for a in attempts if a.status not in TERMINAL]
        if live:
            found.append(f"(c) sale {sale.order_id} has live attempts {live}")
        if sale.status == "paid":
            paid_total += sale.total_paise
            statuses = [t[0] for t in orders.get(sale.order_id, (0, []))[1]]
            if "CHARGED" not in statuses:
                found.append(f"(a) sale {sale.order_id} is paid, gateway: {statuses}")
        elif sale.status not in ("open", "cancelled"):
            found.append(f"(c) sale {sale.order_id} is {sale.status}")

    initial = fixtures.find_test_customer(counter.flow.mobile)
    assert initial is not None
    if initial.balance_paise - balance != took_from_wallet:
        found.append(
            f"(b) the wallet dropped by {initial.balance_paise - balance} paise, the "
            f"charges took {took_from_wallet}"
        )
    if paid_total != charged_total:
        found.append(f"(a) paid here {paid_total}, charged there {charged_total}")
    return found


def _from_wallet(amount: int, flow: str, breakup: list[object]) -> int:
    """What a CHARGED txn took from the linked balance (a redirect takes none)."""
    if flow == "REDIRECT_DEBIT":
        return 0
    for line in breakup:
        if getattr(line, "name", "") == "AMAZON_PAY_BALANCE":
            return int(getattr(line, "amount_paise", 0))
    return amount


def reconcile(counter: Counter) -> list[str]:
    """Reconcile with the clock an hour on; a second run must find nothing."""
    later = datetime.now(UTC) + timedelta(hours=1)
    service = counter.service
    resolver = Reconciler(service.client, service.store, clock=lambda: later)
    first = [
        f"{r.from_status}->{r.to_status} ({r.gateway_status})"
        for r in resolver.run_once()
    ]
    again = resolver.run_once()
    return first + [f"second run moved {again}"] * bool(again)


# -- the tests -----------------------------------------------------------------


@pytest.mark.parametrize("flow", FLOWS, ids=[f.name for f in FLOWS])
def test_each_flow_makes_exactly_its_calls(
    flow: FlowSpec,
    make_service: Callable[..., CheckoutService],
    sandbox: SandboxServer,
    browser: httpx.Client,
) -> None:
    counter = Counter(flow, make_service(flow.route), sandbox, browser)

    run = counter.sell(arm=sandbox.clear_requests)

    calls = list(dict.fromkeys(r.endpoint for r in sandbox.requests))
    assert tuple(calls) == flow.calls
    assert run.outcomes[-1].startswith("charged"), run.outcomes
    assert problems(counter) == []


@pytest.mark.parametrize(("flow", "call", "kind"), CASES)
def test_fault_case(
    flow: FlowSpec,
    call: str,
    kind: str,
    make_service: Callable[..., CheckoutService],
    sandbox: SandboxServer,
    browser: httpx.Client,
) -> None:
    counter = Counter(flow, make_service(flow.route), sandbox, browser)
    hang = TIMEOUT_HANG_MS if kind == "timeout" else 0

    def arm() -> None:
        sandbox.faults.set(call, kind, count=1, latency_ms=hang)

    run = counter.sell(arm)
    assert call not in sandbox.faults.snapshot(), f"{call} was never called"
    counter.expire_abandoned_pages()
    resolved = reconcile(counter)

    found = problems(counter)
    assert found == [], (
        f"{found}\ncounter: {run.outcomes}\nexpired pages: {run.expired_pages}\n"
        f"reconciled: {resolved}"
    )


def test_status_unknown_attempts_are_not_left_when_the_gateway_is_final(
    make_service: Callable[..., CheckoutService],
    sandbox: SandboxServer,
    browser: httpx.Client,
) -> None:
    """The reconciler closes what it can; only the gateway's pending stays open."""
    flow = FLOWS[3]  # cct: a lost /txns answer leaves the page pending
    counter = Counter(flow, make_service(), sandbox, browser)

    def arm() -> None:
        sandbox.faults.set("txns", "drop_after_commit", count=1)

    counter.sell(arm)
    reconcile(counter)

    live = [
        a.status
        for a in counter.service.store.unresolved_attempts()
        if a.status == AttemptStatus.UNKNOWN
    ]
    assert live == ["unknown"]  # pending at the gateway: honestly still open
    counter.expire_abandoned_pages()
    reconcile(counter)
    assert counter.service.store.unresolved_attempts() == []
    assert problems(counter) == []


def test_the_checks_see_a_lost_sale_and_a_double_charge(
    make_service: Callable[..., CheckoutService],
    sandbox: SandboxServer,
    browser: httpx.Client,
) -> None:
    """The oracle itself: break each invariant by hand and it must say so."""
    counter = Counter(FLOWS[0], make_service(), sandbox, browser)
    counter.sell(arm=_nothing)
    assert problems(counter) == []
    store = counter.service.store

    lost = store.create_sale("T01LOSTSALE000001", "T01", "t", counter.lines)
    attempt = store.create_attempt(
        lost.id, flow="direct_debit", route="AMAZONPAY", method="WALLET:AMAZONPAY"
    )
    store.transition(attempt.id, AttemptStatus.SUBMITTING)
    with sandbox.ledger.lock:
        order = next(iter(sandbox.ledger.orders.values()))
        order.txns.append(dataclasses.replace(order.txns[0], txn_id="second"))

    found = problems(counter)

    assert any(p.startswith("(c) sale T01LOSTSALE000001 has live") for p in found)
    assert any("2 CHARGED txns" in p for p in found)
    assert any(p.startswith("(b) the wallet dropped") for p in found)
