"""The checkout service: the only place that decides what happens to a payment.

Every method here blocks on HTTP and SQL. Call them from worker threads only (the Qt
controller does); never from the GUI thread. One payment step runs at a time per
terminal (a lock), whoever calls.

Rules kept here and in :mod:`pos_app.checkout.payment` (see docs/ARCHITECTURE.md):
- the attempt is stored, and moved on, before any gateway call that could take money;
- a timeout, 5xx or unreadable answer is *outcome unknown*, resolved only by
  ``GET /orders/{order_id}``, never by guessing;
- a sale counts as paid only after the order status says ``CHARGED`` for the right
  amount, and only the caller that wins ``finalize_charged`` gets the receipt;
- a return URL from a hosted page is verified, and then still confirmed by status.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from pos_app.checkout.linking import LinkFlow
from pos_app.checkout.payment import (
    AMAZON_PAY,
    REDIRECT_ROUTES,
    PaymentContext,
    PaymentRun,
    amazon_wallet,
)
from pos_app.checkout.reconciler import Reconciler, Resolution
from pos_app.checkout.refunds import RefundResult, RefundService
from pos_app.checkout.types import (
    CustomerInfo,
    HostedStep,
    LinkMode,
    LinkSession,
    LinkState,
    MethodOption,
    Outcome,
    PaymentResult,
    WalletInfo,
)
from pos_app.domain.cart import CartLine
from pos_app.domain.ids import new_order_id
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import Flow
from pos_app.domain.text import join, translate
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.models import Wallet
from pos_app.store import DuplicateOrderId, Store

__all__ = ["REDIRECT_ROUTES", "CheckoutService", "Progress"]

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
PayOutcome = PaymentResult | HostedStep

_CARDS = translate("Payment", "Cards")
_NET_BANKING = translate("Payment", "Net banking")
# Names of methods, for the customer; "Amazon Pay" and "UPI" are the same in every
# language.
_METHOD_LABELS: dict[tuple[str, str], str] = {
    ("WALLET", "AMAZONPAY"): "Amazon Pay",
    ("UPI", "UPI"): "UPI",
    ("CARD", "CARD"): _CARDS,
    ("NB", "NB"): _NET_BANKING,
}
_TYPE_LABELS: dict[str, str] = {
    "UPI": "UPI",
    "CARD": _CARDS,
    "NB": _NET_BANKING,
    "WALLET": translate("Payment", "Wallet"),
}
_NOT_HERE = translate("Payment", "Not taken at this terminal")
#: What the manager's re-check says a sale is (its SaleStatus value).
_SALE_STATES = {
    "open": translate("Reconciler", "{order_id} is open."),
    "paid": translate("Reconciler", "{order_id} is paid."),
    "cancelled": translate("Reconciler", "{order_id} is cancelled."),
}
#: How the re-check names an attempt's status (its AttemptStatus value, in English).
_ATTEMPT_STATES = {
    "created": translate("Reconciler", "created"),
    "awaiting_link": translate("Reconciler", "awaiting_link"),
    "submitting": translate("Reconciler", "submitting"),
    "awaiting_customer": translate("Reconciler", "awaiting_customer"),
    "unknown": translate("Reconciler", "unknown"),
    "charged": translate("Reconciler", "charged"),
    "failed": translate("Reconciler", "failed"),
    "cancelled": translate("Reconciler", "cancelled"),
}


@dataclass(frozen=True, slots=True)
class _OpenSale:
    sale_id: int
    order_id: str
    lines: tuple[CartLine, ...]
    customer_id: str


class CheckoutService:
    def __init__(
        self,
        client: JuspayClient,
        store: Store,
        *,
        terminal_id: str,
        cashier: str,
        merchant_id: str,
        return_url: str,
        response_key: str | None = None,
        route: str = AMAZON_PAY,
        confirm_delays: Sequence[float] = (0.3, 0.7, 1.5, 3.0),
        hosted_delays: Sequence[float] = (0.5, 1.0, 2.0, 4.0, 8.0),
        link_timeout_s: float = 180.0,
        reconcile_since: datetime | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        if route != AMAZON_PAY and route not in REDIRECT_ROUTES:
            raise ValueError(f"unknown Amazon Pay route {route!r}")
        self._client = client
        self._store = store
        self._terminal = terminal_id
        self._cashier = cashier
        self._merchant_id = merchant_id
        self._route = route
        self._link_timeout_s = link_timeout_s
        self._ctx = PaymentContext(
            client=client,
            store=store,
            return_url=return_url,
            confirm_delays=tuple(confirm_delays),
            hosted_delays=tuple(hosted_delays),
            response_key=response_key,
        )
        self._on_close = on_close
        self._refunds = RefundService(client, store)
        self._reconciler = Reconciler(
            client,
            store,
            link_timeout_s=link_timeout_s + 60,
            since=reconcile_since,
        )
        self._open_sale: _OpenSale | None = None
        self._runs: dict[int, PaymentRun] = {}  # attempts waiting on a hosted page
        self._links: dict[int, LinkFlow] = {}  # attempts waiting on consent
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"<CheckoutService terminal={self._terminal} route={self._route}>"

    @property
    def store(self) -> Store:
        return self._store

    @property
    def client(self) -> JuspayClient:
        return self._client

    @property
    def route(self) -> str:
        return self._route

    # -- reading ----------------------------------------------------------------

    def payment_methods(self) -> list[MethodOption]:
        """The merchant's enabled methods, Amazon Pay first."""
        options = []
        for pm in self._client.payment_methods():
            method_type = (pm.payment_method_type or "").upper()
            method = (pm.payment_method or "").upper()
            if not method_type or not method:
                continue  # nothing a customer could choose
            options.append(self._option(method_type, method, pm.description, pm))
        options.sort(key=lambda o: (not o.is_amazon_pay, not o.supported, o.label))
        return options

    def _option(
        self, method_type: str, method: str, description: str | None, pm: object
    ) -> MethodOption:
        key = (method_type, method)
        if key == ("WALLET", AMAZON_PAY):
            if self._route in REDIRECT_ROUTES:
                return MethodOption(
                    method_type,
                    method,
                    _via(REDIRECT_ROUTES[self._route]),
                    supported=True,
                    direct_debit=False,
                )
            direct = bool(getattr(pm, "wallet_direct_debit_support", False))
            return MethodOption(
                method_type,
                method,
                "Amazon Pay",
                supported=direct,
                reason=""
                if direct
                else translate(
                    "Payment", "Direct debit is not enabled for this merchant"
                ),
                direct_debit=direct,
            )
        label = (
            _METHOD_LABELS.get(key)
            or description
            or _TYPE_LABELS.get(method_type, method)
        )
        return MethodOption(
            method_type, method, label, supported=False, reason=_NOT_HERE
        )

    def look_up_customer(self, phone: Phone) -> CustomerInfo:
        """Find (or create) the Juspay customer and read their Amazon Pay wallet."""
        ref = phone.customer_ref(self._merchant_id)
        with self._client.routing(ref):
            customer = self._client.get_or_create_customer(ref, phone.digits)
            wallet = amazon_wallet(self._client.refresh_wallets(customer.id))
        log.info(
            "customer %s looked up (linked=%s)",
            phone.masked,
            bool(wallet and wallet.linked),
        )
        return CustomerInfo(
            masked_phone=phone.masked,
            customer_id=customer.id,
            amazon_pay=_wallet_info(wallet),
        )

    def delink(self, phone: Phone, customer: CustomerInfo) -> CustomerInfo:
        """Remove the customer's Amazon Pay link at the gateway (their request)."""
        wallet = customer.amazon_pay
        if wallet is not None and wallet.wallet_id:
            with self._client.routing(phone.customer_ref(self._merchant_id)):
                self._client.delink_wallet(wallet.wallet_id)
            log.info("customer %s delinked Amazon Pay", phone.masked)
        return self.look_up_customer(phone)

    # -- paying -----------------------------------------------------------------

    def pay_amazon_balance(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        progress: Progress,
    ) -> PayOutcome:
        """Charge Amazon Pay by the merchant's route.

        Direct route: debit the linked balance (a short balance leads to the CCT
        page). Redirect route: open Amazon Pay through PayU & co. (an OTP page).
        A :class:`HostedStep` means the customer must see a page next; hand its
        outcome to :meth:`finish_hosted`.
        """
        with self._lock:
            redirect = self._route in REDIRECT_ROUTES
            flow = Flow.REDIRECT_OTP if redirect else Flow.DIRECT_DEBIT
            blocked = self._earlier_payment_unsettled(phone, lines, flow)
            if blocked is not None:
                return blocked
            run = self._new_run(lines, phone, customer, method, progress, flow)
            if isinstance(run, PaymentResult):
                return run
            if not run.begin():
                return _in_flight(run)
            with self._routed(run):
                outcome = run.redirect() if redirect else run.direct_debit()
            return self._settle(run, outcome)

    def finish_hosted(
        self, step: HostedStep, returned_url: str | None
    ) -> PaymentResult:
        """The hosted page ended (``returned_url``) or was closed (None)."""
        with self._lock:
            run = self._runs.pop(step.attempt_id, None)
        if run is None:
            # Not ours any more (app restarted, or already finished): the
            # reconciler resolves the attempt from the order status.
            return PaymentResult(
                Outcome.UNKNOWN,
                step.order_id,
                step.amount,
                step.flow,
                translate("Payment", "This payment is being checked with Amazon Pay."),
            )
        with self._routed(run):
            result = run.finish_hosted(returned_url)  # polls: outside the lock
        with self._lock:
            self._forget_if_done(run, result)
        return result

    # -- Link and Pay -----------------------------------------------------------

    def start_link(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        mode: LinkMode,
        progress: Progress,
    ) -> LinkSession | PaymentResult:
        """Open a consent session for an unlinked customer (QR or web view)."""
        with self._lock:
            self._cancel_links()  # one consent at a time per counter
            blocked = self._earlier_payment_unsettled(phone, lines, Flow.LINK_AND_PAY)
            if blocked is not None:
                return blocked
            run = self._new_run(
                lines, phone, customer, method, progress, Flow.LINK_AND_PAY
            )
            if isinstance(run, PaymentResult):
                return run
            flow = LinkFlow(run, mode, self._link_timeout_s)
            with self._routed(run):
                started = flow.start()
            if isinstance(started, LinkSession):
                self._links[started.attempt_id] = flow
            return started

    def poll_link(self, session: LinkSession) -> LinkState:
        flow = self._links.get(session.attempt_id)
        if flow is None:
            return LinkState.CANCELLED
        with self._routed(flow.run):
            return flow.poll()

    def complete_link(self, session: LinkSession, returned_url: str) -> LinkState:
        flow = self._links.get(session.attempt_id)
        if flow is None:
            return LinkState.CANCELLED
        with self._routed(flow.run):
            return flow.complete_from_return(returned_url)

    def cancel_link(self, session: LinkSession) -> LinkState:
        with self._lock:
            flow = self._links.pop(session.attempt_id, None)
        return flow.cancel() if flow is not None else LinkState.CANCELLED

    def pay_linked(self, session: LinkSession, progress: Progress) -> PayOutcome:
        """After consent: charge the new link directly, as for a linked customer."""
        with self._lock:
            flow = self._links.pop(session.attempt_id, None)
            if flow is None:
                return PaymentResult(
                    Outcome.CANCELLED,
                    session.order_id,
                    session.amount,
                    Flow.LINK_AND_PAY,
                    translate("Linking", "This Link and Pay session was cancelled."),
                )
            flow.run.progress = progress
            with self._routed(flow.run):
                outcome = flow.pay()
            return self._settle(flow.run, outcome)

    # -- settling what is not known ---------------------------------------------

    def reconcile(self) -> list[Resolution]:
        """Settle unknown attempts and open refunds from the order status.

        Attempts on screen right now are left to their own flow.
        """
        moved = self._reconciler.run_once(skip=self._live_attempts())
        try:
            for refund in self._refunds.refresh_open():
                log.info("refund %s: %s", refund.unique_request_id, refund.message)
        except Exception:  # a refund read must never stop payments being settled
            log.exception("refreshing open refunds failed")
        return moved

    def recheck(self, order_id: str) -> str:
        """A manager's "re-check": settle this sale's attempts and refunds now."""
        sale = self._store.get_sale_by_order(order_id)
        if sale is None or sale.id is None:
            return translate("Reconciler", "No sale {order_id} in this store.").format(
                order_id=order_id
            )
        moved = self._reconciler.run_once(skip=self._live_attempts(), sale_id=sale.id)
        with self._client.routing(sale.customer_ref or order_id):
            refunds = self._refunds.refresh(order_id) if sale.status == "paid" else []
        after = self._store.get_sale_by_order(order_id)
        state = after.status if after is not None else sale.status
        said = _SALE_STATES.get(state)
        parts: list[str] = [
            said.format(order_id=order_id)
            if said is not None
            else translate("Reconciler", "{order_id} is {state}.").format(
                order_id=order_id, state=state
            )
        ]
        parts += [
            translate("Reconciler", "Attempt {attempt}: {before} -> {after}.").format(
                attempt=m.attempt_id,
                before=_ATTEMPT_STATES.get(m.from_status, m.from_status),
                after=_ATTEMPT_STATES.get(m.to_status, m.to_status),
            )
            for m in moved
        ]
        parts += [r.message for r in refunds]
        return join(parts)

    def refund_remaining(self, order_id: str) -> RefundResult:
        """Refund what is left of a paid sale (a manager's action)."""
        sale = self._store.get_sale_by_order(order_id)
        with self._client.routing((sale.customer_ref if sale else None) or order_id):
            return self._refunds.full_refund(order_id)

    def unresolved_count(self) -> int:
        """Payments still being checked, for the cashier's indicator."""
        return len(self._reconciler.pending(skip=self._live_attempts()))

    def _live_attempts(self) -> set[int]:
        with self._lock:
            return set(self._runs) | set(self._links)

    # -- the sale ---------------------------------------------------------------

    def new_sale(self) -> None:
        """Drop the open sale and any consent still open (a late one pays nothing)."""
        with self._lock:
            self._cancel_links()
            if self._open_sale is not None:
                self._store.cancel_sale(self._open_sale.sale_id)
            self._open_sale = None

    def close(self) -> None:
        """Close the gateway client and the database (and a sandbox it started)."""
        self._client.close()
        self._store.close()
        if self._on_close is not None:
            self._on_close()

    # -- internals --------------------------------------------------------------

    def _new_run(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        progress: Progress,
        flow: Flow,
    ) -> PaymentRun | PaymentResult:
        total = sum((line.total for line in lines), Money.zero())
        if not lines or total.paise <= 0:
            return PaymentResult(
                Outcome.ERROR,
                "",
                total,
                flow,
                translate("Payment", "The cart is empty."),
            )
        if not method.is_amazon_pay or not method.supported:
            return PaymentResult(
                Outcome.ERROR,
                "",
                total,
                flow,
                translate("Payment", "{method} is not taken here.").format(
                    method=method.label
                ),
            )
        progress(translate("Payment", "Saving the sale"))
        sale_id, order_id, exists = self._sale_for(lines, phone, customer.customer_id)
        route = self._route if flow is Flow.REDIRECT_OTP else AMAZON_PAY
        return PaymentRun(
            self._ctx,
            sale_id=sale_id,
            order_id=order_id,
            order_exists=exists,
            lines=lines,
            phone=phone,
            customer=customer,
            flow=flow,
            route=route,
            method_key=method.key,
            method_label=_paid_with(flow, route),
            progress=progress,
        )

    def _earlier_payment_unsettled(
        self, phone: Phone, lines: tuple[CartLine, ...], flow: Flow
    ) -> PaymentResult | None:
        """Refuse to charge a customer whose earlier payment is not settled yet.

        After an *unknown* outcome the cashier may start a new sale and ring the same
        goods again; if the first debit did go through, that charges twice. So the
        customer's unsettled attempts (other than a retry of the open sale, which the
        store guards) are checked with the gateway now; any still unknown blocks the
        payment, and one that turns out paid is reported once before a new charge.
        """
        ref = phone.customer_ref(self._merchant_id)
        current = self._open_sale.sale_id if self._open_sale is not None else None
        total = sum((line.total for line in lines), Money.zero())
        live = self._live_attempts()
        for attempt in self._reconciler.pending(skip=live):
            sale = self._store.get_sale(attempt.sale_id)
            if sale is None or sale.customer_ref != ref or sale.id == current:
                continue
            with self._client.routing(ref):
                moved = self._reconciler.run_once(skip=live, sale_id=sale.id)
            amount = Money(sale.total_paise).format()
            if any(m.to_status == "charged" for m in moved):
                message = translate(
                    "Reconciler",
                    "This customer's earlier payment of {amount} (order {order_id}) "
                    "went through after all. Check with the customer before charging "
                    "again.",
                ).format(amount=amount, order_id=sale.order_id)
            elif any(m.to_status == "failed" for m in moved):
                continue  # settled as not charged: nothing stands in the way
            else:
                message = translate(
                    "Reconciler",
                    "This customer has a payment of {amount} (order {order_id}) still "
                    "being checked with Amazon Pay. Do not charge again until it is "
                    "resolved (Manager, Day review, Re-check status).",
                ).format(amount=amount, order_id=sale.order_id)
            log.warning("payment for %s refused: %s unsettled", phone, sale.order_id)
            return PaymentResult(
                Outcome.ERROR,
                "",
                total,
                flow,
                message,
                retryable=True,
                error_code="earlier_payment_unsettled",
                details={"earlier_order_id": sale.order_id},
            )
        return None

    def _routed(self, run: PaymentRun) -> AbstractContextManager[None]:
        """One ``x-routing-id`` for every call about this customer (reference 1.3)."""
        return self._client.routing(run.phone.customer_ref(self._merchant_id))

    def _settle(self, run: PaymentRun, outcome: PayOutcome) -> PayOutcome:
        if isinstance(outcome, HostedStep):
            self._runs[outcome.attempt_id] = run
        else:
            self._forget_if_done(run, outcome)
        return outcome

    def _forget_if_done(self, run: PaymentRun, result: PaymentResult) -> None:
        current = self._open_sale
        paid = result.outcome is Outcome.CHARGED
        if paid and current is not None and current.sale_id == run.sale_id:
            self._open_sale = None

    def _cancel_links(self) -> None:
        for flow in list(self._links.values()):
            flow.cancel()
        self._links.clear()

    def _sale_for(
        self, lines: tuple[CartLine, ...], phone: Phone, customer_id: str
    ) -> tuple[int, str, bool]:
        """Reuse the open sale for a retry of the same cart; else start a new one.

        Returns (sale id, order id, whether the gateway order may already exist).
        Changing the cart after an attempt means a new order.
        """
        current = self._open_sale
        if current and current.lines == lines and current.customer_id == customer_id:
            sale = self._store.get_sale(current.sale_id)
            if sale is not None and sale.status == "open":
                created = any(
                    e.kind == "order_created" or e.data.get("order_created")
                    for e in self._store.events_for(sale.id or 0)
                )
                return current.sale_id, current.order_id, created
        if current is not None:
            self._store.cancel_sale(current.sale_id)
        for _ in range(5):
            order_id = new_order_id(self._terminal)
            try:
                sale = self._store.create_sale(
                    order_id,
                    self._terminal,
                    self._cashier,
                    lines,
                    customer_ref=phone.customer_ref(self._merchant_id),
                    phone_last4=phone.last4,
                )
            except DuplicateOrderId:
                continue
            if sale.id is None:  # pragma: no cover - saved rows have ids
                raise RuntimeError("sale has no id")
            self._open_sale = _OpenSale(sale.id, order_id, lines, customer_id)
            return sale.id, order_id, False
        raise RuntimeError("could not find a free order id")  # pragma: no cover


def _paid_with(flow: Flow, route: str) -> str:
    if flow is Flow.REDIRECT_OTP:
        return _via(REDIRECT_ROUTES.get(route, route))
    return translate("Payment", "Amazon Pay balance")


def _via(gateway: str) -> str:
    """Amazon Pay through another gateway: "Amazon Pay (via PayU)"."""
    return translate("Payment", "Amazon Pay (via {gateway})").format(gateway=gateway)


def _in_flight(run: PaymentRun) -> PaymentResult:
    return run.result(
        Outcome.UNKNOWN,
        translate(
            "Payment",
            "An earlier try for this sale is still being checked. Do not charge "
            "again until it is resolved.",
        ),
    )


def _wallet_info(wallet: Wallet | None) -> WalletInfo | None:
    if wallet is None:
        return None
    return WalletInfo(
        linked=bool(wallet.linked),
        balance=wallet.balance if wallet.linked else None,
        refreshed_at=wallet.last_refreshed,
        wallet_id=wallet.id or "",
    )
