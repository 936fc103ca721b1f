"""A stand-in for :class:`pos_app.ui.controller.CheckoutController` with no service.

It has the same signals and methods, records every call, and lets a test play the
service's part by emitting results directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Signal

from pos_app.checkout import types
from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import Flow

AMAZON = types.MethodOption(
    "WALLET", "AMAZONPAY", "Amazon Pay", True, direct_debit=True
)
UPI = types.MethodOption(
    "UPI", "UPI_COLLECT", "UPI", False, "Coming soon at this counter"
)
CARD = types.MethodOption(
    "CARD", "CARD", "Credit or debit card", False, "Use the card machine"
)
METHODS = [UPI, AMAZON, CARD]


def wallet(balance: str | None = "5000", *, linked: bool = True) -> types.WalletInfo:
    return types.WalletInfo(
        linked=linked,
        balance=Money.from_decimal(balance) if balance is not None else None,
        refreshed_at=datetime.now(UTC),
        wallet_id="wlt_1" if linked else "",
    )


def customer(
    balance: str | None = "5000", *, linked: bool = True, masked: str = "******3210"
) -> types.CustomerInfo:
    return types.CustomerInfo(masked, "cst_1", wallet(balance, linked=linked))


def result(
    outcome: types.Outcome,
    *,
    amount: str = "145.00",
    message: str = "",
    retryable: bool = False,
    lines: tuple[CartLine, ...] = (),
    error_code: str = "",
    details: dict[str, str] | None = None,
) -> types.PaymentResult:
    total = Money.from_decimal(amount)
    receipt = None
    if outcome is types.Outcome.CHARGED:
        receipt = types.Receipt(
            order_id="T01ABC123XYZ",
            lines=lines
            or (CartLine("Masala Chai (250 g)", total, 1, "8901030865278"),),
            total=total,
            paid_at=datetime(2025, 3, 14, 10, 30, tzinfo=UTC),
            method_label="Amazon Pay balance",
            txn_id="txn_1",
            masked_phone="******3210",
            balance_after=Money.from_decimal("4855.00"),
        )
    return types.PaymentResult(
        outcome=outcome,
        order_id="T01ABC123XYZ",
        amount=total,
        flow=Flow.DIRECT_DEBIT,
        message=message,
        retryable=retryable,
        receipt=receipt,
        error_code=error_code,
        details=details or {},
    )


@dataclass
class Calls:
    start: int = 0
    load_methods: int = 0
    look_up: list[Phone] = field(default_factory=list)
    clear_customer: int = 0
    pay: list[tuple[tuple[CartLine, ...], types.MethodOption]] = field(
        default_factory=list
    )
    new_sale: int = 0
    shutdown: int = 0
    start_link: list[types.LinkMode] = field(default_factory=list)
    switch_link_mode: list[types.LinkMode] = field(default_factory=list)
    link_returned: list[str] = field(default_factory=list)
    cancel_link: int = 0
    hosted_returned: list[str] = field(default_factory=list)
    hosted_closed: int = 0
    manager: list[tuple[str, object]] = field(default_factory=list)
    delink: int = 0


class FakeController(QObject):
    """Same surface as ``CheckoutController``; the test decides every answer."""

    ready_changed = Signal(bool)
    startup_failed = Signal(str)
    methods_changed = Signal(object)
    methods_failed = Signal(str)
    customer_changed = Signal(object)
    customer_failed = Signal(str)
    busy_changed = Signal(bool)
    payment_started = Signal(object)
    payment_progress = Signal(str)
    payment_finished = Signal(object)
    hosted_page_requested = Signal(object)
    link_started = Signal(object)
    link_state_changed = Signal(str)
    unresolved_changed = Signal(int)
    manager_message = Signal(str)
    receipt_message = Signal(str)
    terminal_id = "T01"
    cashier = "tester"
    store = None  # the manager area is tested on a real store in tests/manager

    def __init__(self, *, ready: bool = False) -> None:
        super().__init__()
        self.calls = Calls()
        self._ready = ready
        self._paying = False
        self._customer: types.CustomerInfo | None = None
        self.link_session: types.LinkSession | None = None
        self.hosted_step: types.HostedStep | None = None

    def __repr__(self) -> str:
        return f"<FakeController ready={self._ready} paying={self._paying}>"

    # -- the controller's surface ----------------------------------------------

    @property
    def ready(self) -> bool:
        return self._ready

    @property
    def paying(self) -> bool:
        return self._paying

    @property
    def customer(self) -> types.CustomerInfo | None:
        return self._customer

    def start(self) -> None:
        self.calls.start += 1

    def load_methods(self) -> None:
        self.calls.load_methods += 1

    def look_up_customer(self, phone: Phone) -> None:
        if not self._ready:
            raise RuntimeError("checkout service is not ready yet")
        self.calls.look_up.append(phone)

    def clear_customer(self) -> None:
        self.calls.clear_customer += 1
        self._customer = None
        self.customer_changed.emit(None)

    def pay(self, cart: Cart, method: types.MethodOption) -> bool:
        if self._paying or not self._ready or self._customer is None or not len(cart):
            return False
        self._paying = True
        self.calls.pay.append((tuple(cart.lines), method))
        self.payment_started.emit(cart.total)
        return True

    def recheck(self, order_id: str) -> None:
        self.calls.manager.append(("recheck", order_id))

    def refund(self, order_id: str) -> None:
        self.calls.manager.append(("refund", order_id))

    def reprint(self, order_id: str) -> None:
        self.calls.manager.append(("reprint", order_id))

    def print_receipt(self, result: object) -> None:
        self.calls.manager.append(("print_receipt", result))

    def new_sale(self) -> None:
        self.calls.new_sale += 1
        if self.link_session is not None:
            self.link_session = None
            self._paying = False
        if not self._paying:
            self.clear_customer()

    def delink_customer(self) -> None:
        self.calls.delink += 1

    def start_link(
        self, cart: Cart, method: types.MethodOption, mode: types.LinkMode
    ) -> bool:
        if self._paying or not self._ready or self._customer is None or not len(cart):
            return False
        self._paying = True
        self.calls.start_link.append(mode)
        return True

    def switch_link_mode(
        self, cart: Cart, method: types.MethodOption, mode: types.LinkMode
    ) -> None:
        self.calls.switch_link_mode.append(mode)
        self.link_session = None

    def link_returned(self, url: str) -> None:
        self.calls.link_returned.append(url)

    def cancel_link(self) -> None:
        self.calls.cancel_link += 1

    def hosted_page_returned(self, url: str) -> None:
        self.calls.hosted_returned.append(url)

    def hosted_page_closed(self) -> None:
        self.calls.hosted_closed += 1

    def shutdown(self) -> None:
        self.calls.shutdown += 1

    # -- playing the service ----------------------------------------------------

    def become_ready(self, methods: list[types.MethodOption] | None = None) -> None:
        self._ready = True
        self.ready_changed.emit(True)
        self.methods_changed.emit(METHODS if methods is None else methods)

    def give_customer(self, info: types.CustomerInfo | None) -> None:
        self._customer = info
        self.customer_changed.emit(info)

    def finish(self, outcome_result: types.PaymentResult) -> None:
        self._paying = False
        self.payment_finished.emit(outcome_result)

    def open_link(self, session: types.LinkSession) -> None:
        """Play the service answering ``start_link`` with a consent session."""
        self.link_session = session
        self.link_started.emit(session)
        self.link_state_changed.emit(types.LinkState.WAITING.value)

    def end_link(self, state: types.LinkState) -> None:
        """Play the consent ending without a payment (denied, expired, cancelled)."""
        session, self.link_session = self.link_session, None
        self._paying = False
        self.link_state_changed.emit(state.value)
        amount = session.amount if session is not None else Money.zero()
        self.payment_finished.emit(
            types.PaymentResult(
                outcome=types.Outcome.CANCELLED
                if state is types.LinkState.CANCELLED
                else types.Outcome.DECLINED,
                order_id=session.order_id if session is not None else "",
                amount=amount,
                flow=Flow.LINK_AND_PAY,
                message="Amazon Pay was not linked.",
                retryable=True,
                error_code=f"link_{state.value}",
            )
        )


def link_session(
    mode: types.LinkMode = types.LinkMode.QR,
    *,
    amount: str = "145.00",
    seconds: int = 180,
) -> types.LinkSession:
    web = mode is types.LinkMode.WEB
    return types.LinkSession(
        attempt_id=1,
        order_id="T01LINK123",
        wallet_id="wlt_new",
        customer_id="cst_1",
        mode=mode,
        consent_url=f"http://127.0.0.1:9/amazonpay/consent/acs_{mode.value}",
        return_url="https://pos.invalid/payment-return" if web else None,
        allowed_hosts=("127.0.0.1:9",),
        expires_at=datetime.now(UTC) + timedelta(seconds=seconds),
        amount=Money.from_decimal(amount),
    )
