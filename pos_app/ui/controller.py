"""The Qt face of the checkout: non-blocking calls in, signals out.

Signals:
    ready_changed(bool): the checkout service is up (or went away).
    startup_failed(str): the service could not start; message for the cashier.
    methods_changed(object): ``list[MethodOption]`` enabled for the merchant.
    methods_failed(str): the method list could not be read.
    customer_changed(object): ``CustomerInfo`` or ``None`` (cleared).
    customer_failed(str): the customer look-up failed; message for the cashier.
    busy_changed(bool): a gateway call is in flight.
    payment_started(object): the ``Money`` being charged.
    payment_progress(str): a short step text ("Charging Amazon Pay balance").
    payment_finished(object): the ``PaymentResult``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from pos_app.checkout.types import CustomerInfo, MethodOption, PaymentResult
from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.phone import Phone
from pos_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pos_app.domain.money import Money

__all__ = ["CheckoutController", "CheckoutServiceLike"]

T = TypeVar("T")

log = logging.getLogger(__name__)


class CheckoutServiceLike(Protocol):
    """What the controller needs from :class:`pos_app.checkout.service.CheckoutService`.

    Every method blocks (HTTP and SQL) and is only ever called on a worker thread.
    """

    def payment_methods(self) -> list[MethodOption]: ...

    def look_up_customer(self, phone: Phone) -> CustomerInfo: ...

    def pay_amazon_balance(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        progress: Callable[[str], None],
    ) -> PaymentResult: ...

    def close(self) -> None: ...


class CheckoutController(QObject):
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
    _progress_from_worker = Signal(str)

    def __init__(
        self,
        service_factory: Callable[[], CheckoutServiceLike],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = service_factory
        self._service: CheckoutServiceLike | None = None
        self._tasks = TaskRunner(workers=2)
        self._busy = 0
        self._paying = False
        self._lookup_serial = 0
        self._customer: CustomerInfo | None = None
        self._phone: Phone | None = None
        self._progress_from_worker.connect(self.payment_progress)

    def __repr__(self) -> str:
        return f"<CheckoutController ready={self.ready} paying={self._paying}>"

    # -- state ------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._service is not None

    @property
    def paying(self) -> bool:
        return self._paying

    @property
    def customer(self) -> CustomerInfo | None:
        return self._customer

    # -- start-up ---------------------------------------------------------------

    def start(self) -> None:
        """Build the service on a worker (imports, database, sandbox); load methods."""
        self._run(self._factory, self._on_service_ready, self._on_service_failed)

    def _on_service_ready(self, service: CheckoutServiceLike) -> None:
        self._service = service
        log.info("checkout service ready")
        self.ready_changed.emit(True)
        self.load_methods()

    def _on_service_failed(self, error: BaseException) -> None:
        log.error("checkout service failed to start", exc_info=error)
        self.startup_failed.emit(f"The checkout could not start: {error}")

    # -- methods and customer ---------------------------------------------------

    def load_methods(self) -> None:
        service = self._require()
        self._run(
            service.payment_methods,
            self.methods_changed.emit,
            lambda error: self.methods_failed.emit(_message(error)),
        )

    def look_up_customer(self, phone: Phone) -> None:
        """Find the customer and their Amazon Pay wallet; the newest look-up wins."""
        service = self._require()
        self._lookup_serial += 1
        serial = self._lookup_serial
        self._phone = phone

        def done(info: CustomerInfo) -> None:
            if serial == self._lookup_serial:
                self._customer = info
                self.customer_changed.emit(info)

        def failed(error: BaseException) -> None:
            if serial == self._lookup_serial:
                self.customer_failed.emit(_message(error))

        self._run(lambda: service.look_up_customer(phone), done, failed)

    def clear_customer(self) -> None:
        self._lookup_serial += 1
        self._customer = None
        self._phone = None
        self.customer_changed.emit(None)

    # -- paying -----------------------------------------------------------------

    def pay(self, cart: Cart, method: MethodOption) -> bool:
        """Start charging the cart; returns False (and does nothing) if already paying.

        Single-flight: the flag is set before anything else, on the GUI thread, so a
        double tap can never start two payments.
        """
        if self._paying or self._service is None:
            return False
        if self._customer is None or self._phone is None or not len(cart):
            return False
        self._paying = True
        service = self._service
        lines = tuple(cart.lines)
        total: Money = cart.total
        phone, customer = self._phone, self._customer
        self.payment_started.emit(total)

        def work() -> PaymentResult:
            return service.pay_amazon_balance(
                lines, phone, customer, method, self._progress_from_worker.emit
            )

        self._run(work, self._on_paid, self._on_pay_crashed)
        return True

    def _on_paid(self, result: PaymentResult) -> None:
        self._paying = False
        self.payment_finished.emit(result)

    def _on_pay_crashed(self, error: BaseException) -> None:
        # A bug, not a decline: the service turns every gateway failure into a result.
        self._paying = False
        log.error("payment crashed", exc_info=error)
        self.payment_failed_unexpectedly(error)

    def payment_failed_unexpectedly(self, error: BaseException) -> None:
        from pos_app.checkout.types import Outcome
        from pos_app.domain.money import Money
        from pos_app.domain.states import Flow

        self.payment_finished.emit(
            PaymentResult(
                outcome=Outcome.UNKNOWN,
                order_id="",
                amount=Money.zero(),
                flow=Flow.DIRECT_DEBIT,
                message=(
                    "Something went wrong in the app. The payment is being checked; "
                    "do not charge the customer again until it is resolved."
                ),
                details={"error": repr(error)},
            )
        )

    def new_sale(self) -> None:
        """Forget the customer; the window clears the cart."""
        if self._paying:
            return
        self.clear_customer()

    # -- plumbing ---------------------------------------------------------------

    def shutdown(self) -> None:
        self._tasks.shutdown(wait=True)
        if self._service is not None:
            self._service.close()
            self._service = None

    def _require(self) -> CheckoutServiceLike:
        if self._service is None:
            raise RuntimeError("checkout service is not ready yet")
        return self._service

    def _run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._set_busy(+1)

        def done(value: T) -> None:
            self._set_busy(-1)
            on_done(value)

        def failed(error: BaseException) -> None:
            self._set_busy(-1)
            on_error(error)

        self._tasks.run(work, done, failed)

    def _set_busy(self, delta: int) -> None:
        before = self._busy > 0
        self._busy += delta
        if (self._busy > 0) != before:
            self.busy_changed.emit(self._busy > 0)

    @Slot()
    def on_app_about_to_quit(self) -> None:
        self.shutdown()


def _message(error: BaseException) -> str:
    user_message = getattr(error, "user_message", None)
    if isinstance(user_message, str) and user_message:
        return user_message
    log.error("unexpected error", exc_info=error)
    return "Something went wrong. Try again, or ask a manager."
