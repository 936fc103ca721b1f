"""A kiosk-sized stand-in for the controller: the cashier fake plus Link and Pay.

Extends :class:`tests.ui.fakes.FakeController` (left untouched) with what the kiosk
also calls: the consent flow, the hosted pages, and the real controller's rule that
a new sale is refused while money may move.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ui import fakes
from ui.fakes import AMAZON, METHODS, customer, result  # noqa: F401 - re-exported

from pos_app.checkout import types
from pos_app.domain.cart import Cart
from pos_app.domain.money import Money
from pos_app.domain.states import Flow
from pos_app.domain.text import Text, translate
from pos_app.ui import i18n

CONSENT_URL = "https://sandbox.example/consent/ses_1?sig=abc"


def session(
    mode: types.LinkMode = types.LinkMode.QR,
    amount: str = "145.00",
    expires_in_s: float = 300,
):
    return types.LinkSession(
        attempt_id=1,
        order_id="T01ABC123XYZ",
        wallet_id="wlt_1",
        customer_id="cst_1",
        mode=mode,
        consent_url=CONSENT_URL,
        return_url="https://pos.example/return",
        allowed_hosts=("sandbox.example",),
        expires_at=datetime.now(UTC) + timedelta(seconds=expires_in_s),
        amount=Money.from_decimal(amount),
    )


def link_ended(state: types.LinkState) -> types.PaymentResult:
    return types.PaymentResult(
        outcome=types.Outcome.CANCELLED
        if state is types.LinkState.CANCELLED
        else types.Outcome.DECLINED,
        order_id="T01ABC123XYZ",
        amount=Money.from_decimal("145.00"),
        flow=Flow.LINK_AND_PAY,
        message="Amazon Pay was not linked. Nothing was charged.",
        retryable=True,
        error_code=f"link_{state.value}",
    )


def print_answer(kind: str = "no_printer") -> Text:
    """What pos_app.receipts.print_to says: "printed", "no_printer" or "offline"."""
    if kind == "printed":
        return translate("Receipts", "Receipt printed.")
    if kind == "no_printer":
        return translate(
            "Receipts",
            "The sale is paid and saved. {problem} Show the e-receipt QR instead.",
        ).format(problem=translate("Receipts", "No receipt printer is set up."))
    return translate(
        "Receipts",
        "The sale is paid and saved. {problem} Reprint it from the manager area.",
    ).format(
        problem=translate("Receipts", "The receipt printer did not answer in time.")
    )


class KioskFakeController(fakes.FakeController):
    """The cashier fake plus the consent flow and hosted pages."""

    def __init__(self, *, ready: bool = False) -> None:
        super().__init__(ready=ready)
        # Plain attributes, as the real controller's read-only properties.
        self.link_session: types.LinkSession | None = None
        self.hosted_step: types.HostedStep | None = None
        self.link_calls: list[types.LinkMode] = []
        self.switch_calls: list[types.LinkMode] = []
        self.cancel_calls = 0
        self.returned_urls: list[str] = []
        self.hosted_closed = 0
        self.store: object = None

    def start_link(
        self, cart: Cart, method: types.MethodOption, mode: types.LinkMode
    ) -> bool:
        if self._paying or not self._ready or self._customer is None or not len(cart):
            return False
        self._paying = True
        self.link_calls.append(mode)
        return True

    def switch_link_mode(
        self, cart: Cart, method: types.MethodOption, mode: types.LinkMode
    ) -> None:
        self.switch_calls.append(mode)

    def cancel_link(self) -> None:
        if self.link_session is None:
            return
        self.cancel_calls += 1
        self.link_session = None
        self._paying = False
        self.link_state_changed.emit(types.LinkState.CANCELLED.value)
        self.payment_finished.emit(link_ended(types.LinkState.CANCELLED))

    def link_returned(self, url: str) -> None:
        self.returned_urls.append(url)

    def hosted_page_returned(self, url: str) -> None:
        self.returned_urls.append(url)
        self.hosted_step = None

    def hosted_page_closed(self) -> None:
        self.hosted_closed += 1
        self.hosted_step = None

    def new_sale(self) -> None:  # as the real one: refused while money moves
        self.calls.new_sale += 1
        if self._paying and self.link_session is None:
            return
        self.link_session = None
        self._paying = False
        self.clear_customer()

    # -- playing the service ----------------------------------------------------

    def open_link(self, link: types.LinkSession) -> None:
        self.link_session = link
        self.link_started.emit(link)
        self.link_state_changed.emit(types.LinkState.WAITING.value)

    def grant_link(self) -> None:
        assert self.link_session is not None
        amount = self.link_session.amount
        self.link_session = None
        self.link_state_changed.emit(types.LinkState.LINKED.value)
        self.payment_started.emit(amount)

    # -- receipts ----------------------------------------------------------------

    @property
    def print_calls(self) -> list[object]:
        """The results print_receipt was called with, in order."""
        return [arg for kind, arg in self.calls.manager if kind == "print_receipt"]

    def answer_print(self, kind: str = "no_printer") -> None:
        """Answer a print as the real controller does (said in today's language)."""
        self.receipt_message.emit(i18n.render(print_answer(kind)))
