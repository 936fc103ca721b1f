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
    hosted_page_requested(object): a ``HostedStep``: show its page in the web view,
        then call :meth:`hosted_page_returned` or :meth:`hosted_page_closed`.
    link_started(object): a ``LinkSession``: show its QR or its page.
    link_state_changed(str): a ``LinkState`` value (waiting, linked, denied, ...).
    payment_finished(object): the ``PaymentResult``.
    unresolved_changed(int): how many payments are still being checked with the
        gateway (the reconciler runs at start-up and every minute).
    manager_message(str): the outcome of a manager's re-check, refund or reprint.
    receipt_message(str): the outcome of printing a receipt (printing is best
        effort: the sale is already paid and saved).

The trap: every service call blocks, so each one runs on a worker; the callbacks here
run on the GUI thread and may touch widgets through the signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from pos_app.checkout.types import (
    CustomerInfo,
    HostedStep,
    LinkMode,
    LinkSession,
    LinkState,
    MethodOption,
    Outcome,
    PaymentResult,
)
from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import Flow
from pos_app.domain.text import translate
from pos_app.ui import i18n
from pos_app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the reconciler pulls in httpx: not before the first window
    from pos_app.checkout.reconciler import Resolution
    from pos_app.checkout.refunds import RefundResult
    from pos_app.store import Store

__all__ = ["CheckoutController", "CheckoutServiceLike"]

log = logging.getLogger(__name__)

T = TypeVar("T")
PayOutcome = PaymentResult | HostedStep
Progress = Callable[[str], None]

LINK_POLL_MS = 1500
RECONCILE_MS = 60_000


class CheckoutServiceLike(Protocol):
    """What the controller needs from :class:`pos_app.checkout.service.CheckoutService`.

    Every method blocks (HTTP and SQL) and is only ever called on a worker thread.
    """

    def payment_methods(self) -> list[MethodOption]: ...

    def look_up_customer(self, phone: Phone) -> CustomerInfo: ...

    def delink(self, phone: Phone, customer: CustomerInfo) -> CustomerInfo: ...

    def pay_amazon_balance(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        progress: Progress,
    ) -> PayOutcome: ...

    def finish_hosted(
        self, step: HostedStep, returned_url: str | None
    ) -> PaymentResult: ...

    def start_link(
        self,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        method: MethodOption,
        mode: LinkMode,
        progress: Progress,
    ) -> LinkSession | PaymentResult: ...

    def poll_link(self, session: LinkSession) -> LinkState: ...

    def complete_link(self, session: LinkSession, returned_url: str) -> LinkState: ...

    def cancel_link(self, session: LinkSession) -> LinkState: ...

    def pay_linked(self, session: LinkSession, progress: Progress) -> PayOutcome: ...

    def new_sale(self) -> None: ...

    def reconcile(self) -> list[Resolution]: ...

    def recheck(self, order_id: str) -> str: ...

    def refund_remaining(self, order_id: str) -> RefundResult: ...

    @property
    def store(self) -> Store: ...

    def unresolved_count(self) -> int: ...

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
    hosted_page_requested = Signal(object)
    link_started = Signal(object)
    link_state_changed = Signal(str)
    payment_finished = Signal(object)
    unresolved_changed = Signal(int)
    manager_message = Signal(str)
    receipt_message = Signal(str)
    # object, not str: a Text step keeps its source to be said in the screen's
    # language on the GUI thread (a str signal would pass only its English).
    _progress_from_worker = Signal(object)

    def __init__(
        self,
        service_factory: Callable[[], CheckoutServiceLike],
        parent: QObject | None = None,
        *,
        terminal_id: str = "T01",
        cashier: str = "cashier",
    ) -> None:
        super().__init__(parent)
        self._factory = service_factory
        self._terminal_id = terminal_id
        self._cashier = cashier
        self._service: CheckoutServiceLike | None = None
        self._tasks = TaskRunner(workers=2)
        self._busy = 0
        self._paying = False
        self._lookup_serial = 0
        self._customer: CustomerInfo | None = None
        self._phone: Phone | None = None
        self._hosted: HostedStep | None = None
        self._last_hosted: HostedStep | None = None  # for the receipt's top-up split
        self._link: LinkSession | None = None
        self._link_polling = False
        self._link_timer = QTimer(self)
        self._link_timer.setInterval(LINK_POLL_MS)
        self._link_timer.timeout.connect(self.on_link_timer_timeout)
        self._progress_from_worker.connect(self.on_progress_from_worker)
        self._reconciling = False
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(RECONCILE_MS)
        self._reconcile_timer.timeout.connect(self.reconcile)

    def __repr__(self) -> str:
        return f"<CheckoutController ready={self.ready} paying={self._paying}>"

    # -- state ------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._service is not None

    @property
    def paying(self) -> bool:
        """A payment is running: a gateway call, a hosted page or a consent."""
        return self._paying

    @property
    def customer(self) -> CustomerInfo | None:
        return self._customer

    @property
    def link_session(self) -> LinkSession | None:
        return self._link

    @property
    def hosted_step(self) -> HostedStep | None:
        return self._hosted

    # -- start-up ---------------------------------------------------------------

    def start(self) -> None:
        """Build the service on a worker (imports, database, sandbox); load methods."""
        self._run(self._factory, self._on_service_ready, self._on_service_failed)

    def _on_service_ready(self, service: CheckoutServiceLike) -> None:
        self._service = service
        log.info("checkout service ready")
        self.ready_changed.emit(True)
        self.load_methods()
        self.reconcile()
        self._reconcile_timer.start()

    def _on_service_failed(self, error: BaseException) -> None:
        log.error("checkout service failed to start", exc_info=error)
        self.startup_failed.emit(
            self.tr("The checkout could not start: {error}").format(
                error=i18n.render(error)
            )
        )

    @Slot(object)
    def on_progress_from_worker(self, step: object) -> None:
        """A step from the worker: said in the screen's language, on this thread."""
        self.payment_progress.emit(i18n.render(step))

    # -- settling unknown payments ---------------------------------------------

    @Slot()
    def reconcile(self) -> None:
        """Check unsettled payments with the gateway, off the GUI thread."""
        if self._service is None or self._reconciling:
            return
        service = self._service
        self._reconciling = True

        def work() -> int:
            for resolution in service.reconcile():
                log.info("reconciled: %s", resolution)
            return service.unresolved_count()

        def done(count: int) -> None:
            self._reconciling = False
            self.unresolved_changed.emit(count)

        def failed(error: BaseException) -> None:
            self._reconciling = False
            log.warning("reconcile failed: %s", error)

        self._run(work, done, failed)

    # -- manager actions --------------------------------------------------------

    @property
    def terminal_id(self) -> str:
        return self._terminal_id

    @property
    def cashier(self) -> str:
        return self._cashier

    @property
    def store(self) -> Store | None:
        """The store, for the manager's reports (None until the service is up)."""
        return self._service.store if self._service is not None else None

    def recheck(self, order_id: str) -> None:
        """Ask the gateway about one sale now; the answer comes as manager_message."""
        service = self._require()
        self._run(
            lambda: service.recheck(order_id),
            self._on_manager_done,
            lambda error: self.manager_message.emit(_message(error)),
        )

    def refund(self, order_id: str) -> None:
        """Refund what is left of a paid sale; the answer comes as manager_message."""
        service = self._require()
        self._run(
            lambda: service.refund_remaining(order_id).message,
            lambda message: self._on_manager_done(i18n.render(message)),
            lambda error: self.manager_message.emit(_message(error)),
        )

    def reprint(self, order_id: str) -> None:
        """Print a duplicate receipt rebuilt from the store."""
        service = self._require()

        def work() -> str:
            from pos_app import receipts

            settings = receipts.load_settings()
            document = receipts.from_store(service.store, order_id, settings)
            return receipts.print_to(settings, document).message

        self._run(
            work,
            lambda message: self.manager_message.emit(i18n.render(message)),
            lambda error: self.manager_message.emit(_message(error)),
        )

    def print_receipt(self, result: PaymentResult) -> None:
        """Print the receipt of a payment just made (best effort, on a worker)."""
        receipt, hosted = result.receipt, self._last_hosted
        if receipt is None:
            return
        step = (
            hosted
            if hosted is not None and hosted.order_id == result.order_id
            else None
        )

        def work() -> str:
            from pos_app import receipts

            settings = receipts.load_settings()
            document = receipts.from_receipt(
                receipt,
                settings,
                terminal_id=self._terminal_id,
                cashier=self._cashier,
                flow=result.flow,
                covered=step.covered if step else None,
                remaining=step.remaining if step else None,
            )
            return receipts.print_to(settings, document).message

        self._run(
            work,
            lambda message: self.receipt_message.emit(i18n.render(message)),
            lambda error: self.receipt_message.emit(_message(error)),
        )

    def _on_manager_done(self, message: object) -> None:
        self.manager_message.emit(i18n.render(message))
        self.reconcile()

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
        self._run(
            lambda: service.look_up_customer(phone),
            lambda info: self._on_customer(serial, info),
            lambda error: self._on_customer_failed(serial, error),
        )

    def delink_customer(self) -> None:
        """Remove the customer's Amazon Pay link (they asked to)."""
        service, phone, customer = self._require(), self._phone, self._customer
        if phone is None or customer is None or self._paying:
            return
        self._lookup_serial += 1
        serial = self._lookup_serial
        self._run(
            lambda: service.delink(phone, customer),
            lambda info: self._on_customer(serial, info),
            lambda error: self._on_customer_failed(serial, error),
        )

    def _on_customer(self, serial: int, info: CustomerInfo) -> None:
        if serial == self._lookup_serial:
            self._customer = info
            self.customer_changed.emit(info)

    def _on_customer_failed(self, serial: int, error: BaseException) -> None:
        if serial == self._lookup_serial:
            self.customer_failed.emit(_message(error))

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
        started = self._begin_payment(cart)
        if started is None:
            return False
        service, lines, phone, customer = started
        self._run(
            lambda: service.pay_amazon_balance(
                lines, phone, customer, method, self._progress_from_worker.emit
            ),
            self._on_pay_outcome,
            self._on_pay_crashed,
        )
        return True

    def hosted_page_returned(self, url: str) -> None:
        """The web view reached the return URL: verify and confirm it."""
        self._finish_hosted(url)

    def hosted_page_closed(self) -> None:
        """The customer closed the page: resolve the payment by its status."""
        self._finish_hosted(None)

    def _finish_hosted(self, url: str | None) -> None:
        step, self._hosted = self._hosted, None
        if step is None or self._service is None:
            return
        service = self._service
        self.payment_progress.emit(self.tr("Confirming with Amazon Pay"))
        self._run(
            lambda: service.finish_hosted(step, url),
            self._on_pay_outcome,
            self._on_pay_crashed,
        )

    # -- Link and Pay -----------------------------------------------------------

    def start_link(self, cart: Cart, method: MethodOption, mode: LinkMode) -> bool:
        """Open a consent session (QR or web view) for an unlinked customer."""
        started = self._begin_payment(cart, emit=False)
        if started is None:
            return False
        service, lines, phone, customer = started
        self._run(
            lambda: service.start_link(
                lines, phone, customer, method, mode, self._progress_from_worker.emit
            ),
            self._on_link_started,
            self._on_pay_crashed,
        )
        return True

    def switch_link_mode(
        self, cart: Cart, method: MethodOption, mode: LinkMode
    ) -> None:
        """Cancel the open session and start one in the other mode."""
        session = self._link
        if session is None or session.mode is mode or self._service is None:
            return
        service = self._service
        self._stop_link()
        self._paying = False

        def restart(_state: LinkState) -> None:
            self.start_link(cart, method, mode)

        self._run(lambda: service.cancel_link(session), restart, self._on_pay_crashed)

    def link_returned(self, url: str) -> None:
        """The consent page in the web view reached the return URL."""
        session = self._link
        if session is None or self._service is None:
            return
        service = self._service
        self._run(
            lambda: service.complete_link(session, url),
            self._on_link_state,
            lambda error: log.warning("link return failed: %s", error),
        )

    def cancel_link(self) -> None:
        session = self._link
        if session is None or self._service is None:
            return
        service = self._service
        self._link_timer.stop()  # keep the session: its answer must still arrive

        def done(state: LinkState) -> None:
            if self._link is session:  # not replaced by a new session meanwhile
                self._on_link_state(state)

        self._run(lambda: service.cancel_link(session), done, self._on_pay_crashed)

    @Slot()
    def on_link_timer_timeout(self) -> None:
        session = self._link
        if session is None or self._service is None or self._link_polling:
            return
        service = self._service
        self._link_polling = True

        def done(state: LinkState) -> None:
            self._link_polling = False
            self._on_link_state(state)

        def failed(error: BaseException) -> None:
            self._link_polling = False
            log.warning("link poll failed: %s", error)

        self._run(lambda: service.poll_link(session), done, failed)

    def _on_link_started(self, outcome: LinkSession | PaymentResult) -> None:
        if isinstance(outcome, PaymentResult):
            self._on_pay_outcome(outcome)
            return
        self._link = outcome
        self.link_started.emit(outcome)
        self.link_state_changed.emit(LinkState.WAITING.value)
        self._link_timer.start()

    def _on_link_state(self, state: LinkState) -> None:
        session = self._link
        if state is LinkState.WAITING:
            return
        if session is None:  # already finished (a poll and a return raced)
            return
        self._stop_link()
        self.link_state_changed.emit(state.value)
        if state is LinkState.LINKED:
            self._pay_after_link(session)
            return
        self._paying = False
        self.payment_finished.emit(_link_result(session, state))

    def _pay_after_link(self, session: LinkSession) -> None:
        service = self._require()
        if self._phone is not None:
            self.look_up_customer(self._phone)  # show the new balance
        self.payment_started.emit(session.amount)
        self._run(
            lambda: service.pay_linked(session, self._progress_from_worker.emit),
            self._on_pay_outcome,
            self._on_pay_crashed,
        )

    def _stop_link(self) -> None:
        self._link_timer.stop()
        self._link = None

    # -- outcomes ---------------------------------------------------------------

    def _begin_payment(
        self, cart: Cart, *, emit: bool = True
    ) -> tuple[CheckoutServiceLike, tuple[CartLine, ...], Phone, CustomerInfo] | None:
        if self._paying or self._service is None:
            return None
        if self._customer is None or self._phone is None or not len(cart):
            return None
        self._paying = True
        if emit:
            self.payment_started.emit(cart.total)
        return self._service, tuple(cart.lines), self._phone, self._customer

    def _on_pay_outcome(self, outcome: PayOutcome) -> None:
        if isinstance(outcome, HostedStep):
            self._hosted = self._last_hosted = outcome
            self.hosted_page_requested.emit(outcome)
            return
        self._paying = False
        self.payment_finished.emit(outcome)
        if outcome.outcome is Outcome.UNKNOWN:
            self.reconcile()  # shows it in the "being checked" count at once

    def _on_pay_crashed(self, error: BaseException) -> None:
        # A bug, not a decline: the service turns every gateway failure into a result.
        self._paying = False
        self._hosted = None
        self._stop_link()
        log.error("payment crashed", exc_info=error)
        self.payment_finished.emit(
            PaymentResult(
                outcome=Outcome.UNKNOWN,
                order_id="",
                amount=Money.zero(),
                flow=Flow.DIRECT_DEBIT,
                # Text: English in the result, said in the screen's language.
                message=translate(
                    "CheckoutController",
                    "Something went wrong in the app. The payment is being checked; "
                    "do not charge the customer again until it is resolved.",
                ),
                details={"error": repr(error)},
            )
        )

    def new_sale(self) -> None:
        """Forget the customer and cancel any open consent; the window clears the cart.

        Refused while a gateway call or hosted page is running (the money may move).
        """
        if self._paying and self._link is None:
            return
        session = self._link
        self._stop_link()
        self._paying = False
        self.clear_customer()
        if self._service is not None:
            service = self._service

            def drop() -> None:
                if session is not None:
                    service.cancel_link(session)
                service.new_sale()

            self._run(drop, lambda _: None, lambda e: log.error("new sale: %s", e))

    # -- plumbing ---------------------------------------------------------------

    def shutdown(self) -> None:
        self._link_timer.stop()
        self._reconcile_timer.stop()
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


# Text: English in the result (and the logs), said in the screen's language.
_LINK_MESSAGES = {
    LinkState.DENIED: translate(
        "CheckoutController",
        "The customer declined linking Amazon Pay. Nothing was charged.",
    ),
    LinkState.EXPIRED: translate(
        "CheckoutController", "The Amazon Pay consent timed out. Nothing was charged."
    ),
    LinkState.CANCELLED: translate(
        "CheckoutController", "Linking Amazon Pay was cancelled. Nothing was charged."
    ),
}


def _link_result(session: LinkSession, state: LinkState) -> PaymentResult:
    outcome = Outcome.CANCELLED if state is LinkState.CANCELLED else Outcome.DECLINED
    return PaymentResult(
        outcome=outcome,
        order_id=session.order_id,
        amount=session.amount,
        flow=Flow.LINK_AND_PAY,
        message=_LINK_MESSAGES.get(
            state, translate("CheckoutController", "Amazon Pay was not linked.")
        ),
        retryable=True,
        error_code=f"link_{state.value}",
    )


def _message(error: BaseException) -> str:
    """What the cashier reads about ``error``, in the screen's language."""
    user_message = getattr(error, "user_message", None)
    if isinstance(user_message, str) and user_message:
        return i18n.render(user_message)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "CheckoutController", "Something went wrong. Try again, or ask a manager."
    )
