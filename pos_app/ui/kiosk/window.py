"""The self-service kiosk: one full-screen window a passer-by can pay at alone.

Steps, one screen each, in a stack: attract, shop, mobile number, pay (with Link
and Pay by QR code or on this screen), the gateway's own pages when the payment
needs them, progress and result. Across the top: where you are (1 Shop · 2 Mobile
· 3 Pay), the language switch (while no money can move), "Call staff" and a small
"Staff" exit behind the manager PIN.

Languages: a customer picks English or हिन्दी on the attract screen, or in the
header on the shop and number steps; from the pay step on the switch is gone, and
:meth:`KioskWindow.set_language` refuses while money may move. Every reset (idle,
finished, start again, staff) brings back the terminal's own language.

The window only talks to the controller (:class:`CheckoutController`); every
decision about money stays there. The trap: an idle reset must never fire while
money may move (a payment, a consent, a gateway page), and must leave nothing of
this customer behind when it does: cart, number, customer and the web view's
profile.

Receipts: a paid result shows the signed e-receipt QR code and "Print receipt"
(one print per tap; the controller's answer is shown under the button). A reset
clears both, and an answer that arrives after one is dropped: the next customer
never sees the previous receipt.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.domain import phone as phone_mod
from pos_app.domain.text import Text, translate
from pos_app.ui import catalogue, ereceipt_dialog, hosted_pages, i18n
from pos_app.ui.cart_model import CartModel
from pos_app.ui.controller import CheckoutController
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import (
    attract,
    finish,
    idle,
    language,
    link,
    overlays,
    pay,
    phone_entry,
    shop,
    staff_exit,
    steps,
    web_page,
    widgets,
)

__all__ = ["SCREENS", "KioskWindow"]

log = logging.getLogger(__name__)

SCREENS = ("attract", "shop", "phone", "pay", "link_qr", "web", "progress", "result")
_STEP_OF = {"shop": 0, "phone": 1}  # everything after the number is step 3, Pay
#: Where the customer may change the language (no money can move yet).
LANGUAGE_SCREENS = frozenset({"attract", "shop", "phone"})
_CONTEXT = "KioskWindow"
_HOSTED_TITLES = {
    types.HostedKind.CCT: QT_TRANSLATE_NOOP(
        "KioskWindow", "Pay the rest on this Amazon Pay page"
    ),
    types.HostedKind.OTP: QT_TRANSLATE_NOOP(
        "KioskWindow", "Enter the OTP sent to your phone"
    ),
}
_HOSTED_TITLE = QT_TRANSLATE_NOOP("KioskWindow", "Finish on the Amazon Pay page")
_CONSENT_TITLE = translate("KioskWindow", "Sign in to Amazon and tap Allow")
_ONE_MOMENT = translate("KioskWindow", "One moment, please.")
_CHECKING_PAY = translate("KioskWindow", "Checking with Amazon Pay…")


class KioskWindow(Retranslating, QWidget):
    """Self-checkout for one customer at a time, full screen and frameless.

    Args:
        controller: the checkout controller (the only thing the screens talk to).
        store_getter: returns the store for the staff PIN check (None until ready).
        idle_timeout_s: seconds without input before the "Still there?" warning.
        warning_s: seconds the warning counts down before the reset.
        products: the tiles (default: the shipped catalogue).
        language: the terminal's language ("en", "hi"; from the config). The app
            installs it at start; every reset brings it back after a customer
            chose another one.

    Signals:
        staff_called(): the customer asked for help.
        exit_requested(): staff unlocked the exit with the PIN; the window closes.
        session_reset(str): everything was cleared; why ("idle", "finished", ...).
        screen_changed(str): one of :data:`SCREENS` is now on screen.
        language_changed(str): the screens now speak this language (a code).
    """

    staff_called = Signal()
    exit_requested = Signal()
    session_reset = Signal(str)
    screen_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self,
        controller: CheckoutController,
        *,
        store_getter: staff_exit.StoreGetter,
        idle_timeout_s: float = 90,
        warning_s: int = 15,
        products: list[cart_mod.Product] | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._default_language = i18n.normalise(language)
        self._model = CartModel(parent=self)
        self._method: types.MethodOption | None = None
        self._customer: types.CustomerInfo | None = None
        self._awaiting_customer = False
        self._link_mode = types.LinkMode.QR
        self._cancel_link_wanted = False
        self._web_for_link = False
        self._prints_in_flight = 0  # print_receipt calls not yet answered
        self._stale_prints = 0  # of those, asked for by a customer who has gone

        self.setObjectName("kioskWindow")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(widgets.style_sheet())

        self._build(products if products is not None else catalogue.load_products())

        self._idle = idle.IdleWatcher(
            self._money_may_move,
            idle_timeout_s=idle_timeout_s,
            warning_s=warning_s,
            parent=self,
        )
        self._idle_warning = overlays.IdleWarning(self)
        self._staff_exit = staff_exit.StaffExit(
            self, store_getter, blocked_reason=self._exit_blocked_reason
        )

        self._connect()
        self._idle.watch(self)  # this window's widgets, and those added later
        self.retranslate()
        self._go("attract")

    def __repr__(self) -> str:
        return (
            f"<KioskWindow screen={self.current_screen()} lines={len(self.cart)} "
            f"paying={self._controller.paying}>"
        )

    # -- building ---------------------------------------------------------------

    def _build(self, products: list[cart_mod.Product]) -> None:
        header = QFrame()
        header.setObjectName("kioskHeader")
        header.setProperty("kiosk", "header")
        self._brand = widgets.text("", "brand", name="kioskBrand", wrap=False)
        self._steps = steps.StepIndicator()
        self._header_language = language.LanguageSwitch(
            "headerLanguage", kind="lang-small", min_width=96
        )
        self._call_staff = widgets.button("", "callStaffButton", "", "help")
        self._call_staff.setMinimumWidth(170)
        self._staff_button = widgets.button("", "staffExitButton", "", "corner")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(28, 12, 20, 12)
        header_layout.setSpacing(16)
        header_layout.addWidget(self._brand)
        header_layout.addStretch(1)
        header_layout.addWidget(self._steps)
        header_layout.addStretch(1)
        header_layout.addWidget(self._header_language)
        header_layout.addWidget(self._call_staff)
        header_layout.addWidget(self._staff_button)

        self._banner = overlays.StaffBanner()

        self._attract = attract.AttractScreen()
        self._shop = shop.ShopScreen(self._model, products)
        self._phone = phone_entry.PhoneScreen()
        self._phone.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pay = pay.PayScreen()
        self._qr = link.QrLinkScreen()
        self._web = web_page.WebPageScreen()
        self._progress = finish.ProgressScreen()
        self._result = finish.ResultScreen()
        self._screens: dict[str, QWidget] = {
            "attract": self._attract,
            "shop": self._shop,
            "phone": self._phone,
            "pay": self._pay,
            "link_qr": self._qr,
            "web": self._web,
            "progress": self._progress,
            "result": self._result,
        }
        self._stack = QStackedWidget()
        self._stack.setObjectName("kioskStack")
        for screen in self._screens.values():
            self._stack.addWidget(screen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self._banner)
        layout.addWidget(self._stack, 1)

    def _connect(self) -> None:
        controller = self._controller
        controller.methods_changed.connect(self.on_controller_methods_changed)
        controller.methods_failed.connect(self.on_controller_methods_failed)
        controller.customer_changed.connect(self.on_controller_customer_changed)
        controller.customer_failed.connect(self.on_controller_customer_failed)
        controller.payment_started.connect(self.on_controller_payment_started)
        controller.payment_progress.connect(self.on_controller_payment_progress)
        controller.payment_finished.connect(self.on_controller_payment_finished)
        controller.hosted_page_requested.connect(
            self.on_controller_hosted_page_requested
        )
        controller.link_started.connect(self.on_controller_link_started)
        controller.link_state_changed.connect(self.on_controller_link_state_changed)
        controller.receipt_message.connect(self.on_controller_receipt_message)

        self._call_staff.clicked.connect(self.on_call_staff_clicked)
        self._staff_button.clicked.connect(self.on_staff_button_clicked)

        self._attract.start_requested.connect(self.on_attract_start_requested)
        self._attract.language_requested.connect(self.on_language_requested)
        self._header_language.language_requested.connect(self.on_language_requested)

        self._shop.next_requested.connect(self.on_shop_next_requested)
        self._shop.cancel_requested.connect(self.on_shop_cancel_requested)

        self._phone.phone_entered.connect(self.on_phone_phone_entered)
        self._phone.back_requested.connect(self.on_phone_back_requested)

        self._pay.pay_requested.connect(self.on_pay_pay_requested)
        self._pay.link_requested.connect(self.on_pay_link_requested)
        self._pay.change_number_requested.connect(self.on_pay_change_number_requested)

        self._qr.cancel_requested.connect(self.on_link_cancel_requested)
        self._qr.other_way_requested.connect(self.on_qr_other_way_requested)

        self._web.returned.connect(self.on_web_returned)
        self._web.close_requested.connect(self.on_web_close_requested)
        self._web.other_way_requested.connect(self.on_web_other_way_requested)

        self._result.finish_requested.connect(self.on_result_finish_requested)
        self._result.retry_requested.connect(self.on_result_retry_requested)
        self._result.print_requested.connect(self.on_result_print_requested)

        self._idle.warning_started.connect(self.on_idle_warning_started)
        self._idle.warning_tick.connect(self.on_idle_warning_tick)
        self._idle.warning_cancelled.connect(self.on_idle_warning_cancelled)
        self._idle.reset_due.connect(self.on_idle_reset_due)

        self._idle_warning.still_here.connect(self.on_idle_warning_still_here)

        self._staff_exit.unlocked.connect(self.on_staff_exit_unlocked)

    # -- reading (tests and the demo) -------------------------------------------

    @property
    def controller(self) -> CheckoutController:
        return self._controller

    @property
    def cart(self) -> cart_mod.Cart:
        return self._model.cart

    @property
    def idle_watcher(self) -> idle.IdleWatcher:
        return self._idle

    @property
    def idle_warning(self) -> overlays.IdleWarning:
        return self._idle_warning

    @property
    def staff_exit(self) -> staff_exit.StaffExit:
        return self._staff_exit

    @property
    def staff_banner(self) -> overlays.StaffBanner:
        return self._banner

    @property
    def step_indicator(self) -> steps.StepIndicator:
        return self._steps

    @property
    def default_language(self) -> str:
        """The terminal's language: what every new customer starts in."""
        return self._default_language

    @property
    def language(self) -> str:
        """The language on screen now."""
        return i18n.current()

    def language_switch_allowed(self) -> bool:
        """May the customer change the language now (before any money moves)?"""
        return self.current_screen() in LANGUAGE_SCREENS and not self._money_may_move()

    def screen_widget(self, name: str) -> QWidget:
        """Return the screen widget called ``name`` (one of :data:`SCREENS`)."""
        return self._screens[name]

    def current_screen(self) -> str:
        current = self._stack.currentWidget()
        return next(name for name, widget in self._screens.items() if widget is current)

    # -- acting (as the customer would) -----------------------------------------

    def show_kiosk(self) -> None:
        """Show full screen, with no window controls."""
        self.showFullScreen()

    def start(self) -> None:
        """Tap the attract screen."""
        self.on_attract_start_requested()

    def add_product(self, sku: str) -> bool:
        return self._shop.add(sku)

    def set_language(self, code: str) -> str:
        """Speak ``code`` ("en", "hi"), as a tap on its button; returns the language
        in effect. Refused (the current one is returned) from the pay step on and
        whenever money may move.
        """
        if not self.language_switch_allowed():
            log.info("kiosk: language switch to %s refused here", code)
            return i18n.current()
        return self._install_language(code)

    def enter_phone(self, text: str) -> phone_mod.Phone | None:
        """Type on the number keypad and tap Continue."""
        self._phone.enter(text)
        return self._phone.submit()

    def reset(self, reason: str = "requested") -> bool:
        """Clear this customer and go back to the attract screen.

        Refused (False) while money may move; the idle watcher waits for calm.
        """
        if self._money_may_move():
            log.info("kiosk reset (%s) refused: a payment is in flight", reason)
            return False
        log.info("kiosk reset: %s", reason)
        self._idle.disarm()
        self._idle_warning.hide()
        self._staff_exit.dismiss()
        self._banner.withdraw()
        self._controller.new_sale()
        self._model.clear()
        self._phone.clear()
        self._qr.stop()
        self._web.clear()  # cookies, cache and history of this customer's page
        self._result.clear()  # the receipt QR code and what printing said
        self._stale_prints = self._prints_in_flight
        self._customer = None
        self._awaiting_customer = False
        self._cancel_link_wanted = False
        self._go("attract")
        self._install_language(self._default_language)  # the next customer's
        self.session_reset.emit(reason)
        return True

    # -- helpers ----------------------------------------------------------------

    def _money_may_move(self) -> bool:
        controller = self._controller
        return bool(
            controller.paying
            or controller.link_session is not None
            or controller.hosted_step is not None
            or self._web.is_open()
        )

    def _install_language(self, code: str) -> str:
        before = i18n.current()
        now = i18n.install(code)
        if now != before:
            # Say it at once, not on the next turn of the event loop.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            log.info("kiosk: language %s", now)
            self.language_changed.emit(now)
        self._follow_language()
        return now

    def _follow_language(self) -> None:
        """Show the header's switch only where the language may change."""
        name = self.current_screen()
        self._header_language.setVisible(name in LANGUAGE_SCREENS - {"attract"})
        allowed = self.language_switch_allowed()
        for switch in (self._header_language, self._attract.language_switch):
            switch.setEnabled(allowed)
            switch.follow()

    def _exit_blocked_reason(self) -> Text | str:
        if self._money_may_move():
            return translate(
                "KioskWindow",
                "A payment is in progress. Try again when it has finished.",
            )
        return ""

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Self-checkout"))
        self.setAccessibleName(self.tr("Self-checkout"))
        self._brand.setText(self.tr("Self-checkout"))
        self._call_staff.setText(self.tr("Call staff"))
        self._call_staff.setAccessibleName(self.tr("Call a member of staff for help"))
        self._staff_button.setText(self.tr("Staff"))
        self._staff_button.setAccessibleName(self.tr("Staff only: close self-checkout"))

    def _go(self, name: str) -> None:
        screen = self._screens[name]
        self._stack.setCurrentWidget(screen)
        self._steps.setVisible(name != "attract")
        self._steps.set_current(_STEP_OF.get(name, 2))
        self._follow_language()
        if name == "phone":
            self._phone.setFocus(Qt.FocusReason.OtherFocusReason)
        log.debug("kiosk screen: %s", name)
        self.screen_changed.emit(name)

    def _show_pay(self) -> None:
        if self._customer is None:
            self._phone.clear()
            self._go("phone")
            return
        self._pay.show_offer(self._model.total, self._customer, self._method)
        self._go("pay")

    def _open_consent(self, session: types.LinkSession) -> None:
        self._web_for_link = True
        try:
            self._web.open_page(
                session.consent_url,
                allowed_hosts=hosted_pages.allowed_origins(
                    session.consent_url, session.allowed_hosts
                ),
                return_url=session.return_url or "",
                title=_CONSENT_TITLE,
                explanation=translate(
                    "KioskWindow",
                    "This links Amazon Pay to this store once. Then we take "
                    "{amount} from your Amazon Pay balance.",
                ).format(amount=session.amount.format()),
                close_text=translate("KioskWindow", "Cancel"),
                offer_other_way=True,
            )
        except ValueError as exc:
            log.error("kiosk: consent page refused: %s", exc)
            self.on_link_cancel_requested()

    def _prepare_consent_page(self) -> None:
        self._web_for_link = True
        self._web.clear()
        self._web.prepare(
            title=_CONSENT_TITLE,
            explanation=translate(
                "KioskWindow",
                "You do this only once: it links Amazon Pay to this store.",
            ),
            close_text=translate("KioskWindow", "Cancel"),
            offer_other_way=True,
        )
        self._go("web")

    def _checking(self, title: Text, step: Text) -> None:
        self._progress.start(money_mod.Money.zero(), title)
        self._progress.set_step(step)
        self._go("progress")

    # -- Qt overrides -----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # No Escape, Alt+F4 or the like out of the kiosk; only the staff exit.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._idle.disarm()
        self._web.clear()
        super().closeEvent(event)

    # -- controller slots -------------------------------------------------------

    @Slot(object)
    def on_controller_methods_changed(self, methods: list[types.MethodOption]) -> None:
        self._method = next(
            (m for m in methods if m.is_amazon_pay and m.supported), None
        )
        self._attract.set_methods(methods)

    @Slot(str)
    def on_controller_methods_failed(self, message: str) -> None:
        log.warning("kiosk: payment methods unavailable: %s", message)
        self._method = None
        self._attract.set_methods([])

    @Slot(object)
    def on_controller_customer_changed(self, info: types.CustomerInfo | None) -> None:
        if info is None:
            return
        self._customer = info
        if not self._awaiting_customer:
            return  # e.g. the new balance after linking, shown on the result
        self._awaiting_customer = False
        self._phone.set_busy(False)
        self._show_pay()

    @Slot(str)
    def on_controller_customer_failed(self, message: str) -> None:
        if not self._awaiting_customer:
            return
        self._awaiting_customer = False
        self._phone.clear()
        self._phone.show_error(message)

    @Slot(object)
    def on_controller_payment_started(self, amount: money_mod.Money) -> None:
        title = (
            translate("KioskWindow", "Linked — paying from your balance…")
            if self._link_in_use()
            else finish.PAYING
        )
        self._qr.stop()
        self._progress.start(amount, title)
        self._go("progress")

    @Slot(str)
    def on_controller_payment_progress(self, step: str) -> None:
        self._progress.set_step(step)  # said with i18n.render

    @Slot(object)
    def on_controller_payment_finished(self, result: types.PaymentResult) -> None:
        self._qr.stop()
        self._web.clear()
        cancelled = self._cancel_link_wanted and result.error_code.startswith("link_")
        self._cancel_link_wanted = False
        self._web_for_link = False
        if cancelled:
            log.info("kiosk: linking cancelled by the customer")
            self._show_pay()
            return
        self._result.show_result(result, self._ereceipt_for(result))
        self._go("result")
        if result.outcome is types.Outcome.CHARGED:
            self._steps.set_current(len(steps.STEPS))  # every step ticked: done

    def _ereceipt_for(self, result: types.PaymentResult) -> str | None:
        """The signed e-receipt of a paid result, or None (then no code is shown)."""
        if result.outcome is not types.Outcome.CHARGED or result.receipt is None:
            return None
        try:
            return ereceipt_dialog.ereceipt_payload(
                result,
                terminal_id=self._controller.terminal_id,
                cashier=self._controller.cashier,
            )
        except Exception:  # a receipt code must never stand between a paid sale
            log.warning("kiosk: no e-receipt for %s", result.order_id, exc_info=True)
            return None

    @Slot(str)
    def on_controller_receipt_message(self, message: str) -> None:
        self._prints_in_flight = max(0, self._prints_in_flight - 1)
        if self._stale_prints:
            self._stale_prints -= 1
            log.info("kiosk: a receipt answer for an earlier customer: %s", message)
            return
        log.info("kiosk receipt: %s", message)
        self._result.show_print_answer(i18n.render(message))

    @Slot(object)
    def on_controller_hosted_page_requested(self, step: types.HostedStep) -> None:
        self._qr.stop()
        self._web_for_link = False
        try:
            self._web.open_page(
                step.url,
                allowed_hosts=hosted_pages.allowed_origins(
                    step.url, step.allowed_hosts
                ),
                return_url=step.return_url,
                title=Text(_CONTEXT, _HOSTED_TITLES.get(step.kind, _HOSTED_TITLE)),
                explanation=hosted_pages.explain(step),
                close_text=translate("KioskWindow", "Close this page"),
                offer_other_way=False,
            )
        except ValueError as exc:
            log.error("kiosk: hosted page refused: %s", exc)
            self._controller.hosted_page_closed()
            self._checking(_CHECKING_PAY, _ONE_MOMENT)
            return
        self._go("web")

    @Slot(object)
    def on_controller_link_started(self, session: types.LinkSession) -> None:
        if self._cancel_link_wanted:
            self._controller.cancel_link()
            return
        if session.mode is not self._link_mode:
            # The customer changed their mind while this session was on its way.
            self._switch_link(self._link_mode)
            return
        if session.mode is types.LinkMode.QR:
            self._qr.show_session(session)
        else:
            self._open_consent(session)

    @Slot(str)
    def on_controller_link_state_changed(self, state: str) -> None:
        if state == types.LinkState.LINKED.value:
            self._qr.set_status(
                translate("KioskWindow", "Linked. Paying from your balance…")
            )
            self._web.clear()

    def _link_in_use(self) -> bool:
        return self.current_screen() in ("link_qr", "web") or self._web_for_link

    def _switch_link(self, mode: types.LinkMode) -> None:
        if self._method is None:
            return
        self._controller.switch_link_mode(self._model.cart, self._method, mode)

    # -- widget slots -----------------------------------------------------------

    @Slot()
    def on_call_staff_clicked(self) -> None:
        log.info("kiosk: the customer called staff (screen %s)", self.current_screen())
        self._banner.announce()
        self.staff_called.emit()

    @Slot()
    def on_staff_button_clicked(self) -> None:
        self._staff_exit.ask()

    @Slot()
    def on_staff_exit_unlocked(self) -> None:
        log.info("kiosk: staff closed self-checkout")
        self.exit_requested.emit()
        self.close()

    @Slot(str)
    def on_language_requested(self, code: str) -> None:
        self.set_language(code)

    @Slot()
    def on_attract_start_requested(self) -> None:
        if self.current_screen() != "attract":
            return
        log.info("kiosk: a customer started")
        self._go("shop")
        self._idle.arm()

    @Slot()
    def on_shop_next_requested(self) -> None:
        self._phone.clear()
        self._go("phone")

    @Slot()
    def on_shop_cancel_requested(self) -> None:
        self.reset("start again")

    @Slot(object)
    def on_phone_phone_entered(self, phone: phone_mod.Phone) -> None:
        self._customer = None
        self._awaiting_customer = True
        try:
            self._controller.look_up_customer(phone)
        except RuntimeError:
            self._awaiting_customer = False
            self._phone.clear()
            self._phone.show_error(
                translate(
                    "KioskWindow",
                    "Self-checkout is still starting. Please try again in a moment.",
                )
            )

    @Slot()
    def on_phone_back_requested(self) -> None:
        self._go("shop")

    @Slot()
    def on_pay_pay_requested(self) -> None:
        if self._method is None or not self._controller.pay(
            self._model.cart, self._method
        ):
            log.warning("kiosk: the checkout did not start the payment")
            self._pay.set_enabled(True)

    @Slot(object)
    def on_pay_link_requested(self, mode: types.LinkMode) -> None:
        method = self._method
        self._link_mode = mode
        self._cancel_link_wanted = False
        if method is None or not self._controller.start_link(
            self._model.cart, method, mode
        ):
            log.warning("kiosk: the checkout did not start Link and Pay")
            self._pay.set_enabled(True)
            return
        log.info("kiosk: Link and Pay by %s", mode.value)
        self._qr.prepare(self._model.total)
        if mode is types.LinkMode.QR:
            self._go("link_qr")
        else:
            self._prepare_consent_page()

    @Slot()
    def on_pay_change_number_requested(self) -> None:
        self._controller.clear_customer()
        self._customer = None
        self._phone.clear()
        self._go("phone")

    @Slot()
    def on_link_cancel_requested(self) -> None:
        log.info("kiosk: the customer cancels linking")
        self._cancel_link_wanted = True
        self._qr.set_status(translate("KioskWindow", "Cancelling…"))
        self._controller.cancel_link()  # no session yet: cancelled on arrival

    @Slot()
    def on_qr_other_way_requested(self) -> None:
        self._link_mode = types.LinkMode.WEB
        self._qr.stop()
        self._prepare_consent_page()
        self._switch_link(types.LinkMode.WEB)

    @Slot()
    def on_web_other_way_requested(self) -> None:
        self._link_mode = types.LinkMode.QR
        self._web.clear()
        self._qr.prepare(self._model.total)
        self._go("link_qr")
        self._switch_link(types.LinkMode.QR)

    @Slot(str)
    def on_web_returned(self, url: str) -> None:
        if self._web_for_link:
            self._controller.link_returned(url)
            self._checking(
                translate("KioskWindow", "Checking your answer with Amazon…"),
                _ONE_MOMENT,
            )
        else:
            self._controller.hosted_page_returned(url)
            self._checking(
                _CHECKING_PAY, translate("KioskWindow", "Confirming your payment.")
            )
        self._web.clear()

    @Slot()
    def on_web_close_requested(self) -> None:
        if self._web_for_link:
            self.on_link_cancel_requested()
            return
        self._controller.hosted_page_closed()
        self._web.clear()
        self._checking(
            _CHECKING_PAY, translate("KioskWindow", "Confirming what was paid.")
        )

    @Slot()
    def on_result_finish_requested(self) -> None:
        self.reset("finished")

    @Slot()
    def on_result_retry_requested(self) -> None:
        self._show_pay()

    @Slot(object)
    def on_result_print_requested(self, result: types.PaymentResult) -> None:
        try:
            self._controller.print_receipt(result)
        except RuntimeError:
            log.warning("kiosk: the checkout could not print", exc_info=True)
            self._result.show_print_answer(i18n.render(finish.NO_PRINTER_ANSWER))
            return
        self._prints_in_flight += 1

    @Slot(int)
    def on_idle_warning_started(self, seconds: int) -> None:
        self._idle_warning.set_seconds(seconds)
        self._idle_warning.pop_up()

    @Slot(int)
    def on_idle_warning_tick(self, seconds: int) -> None:
        self._idle_warning.set_seconds(seconds)

    @Slot()
    def on_idle_warning_cancelled(self) -> None:
        self._idle_warning.hide()

    @Slot()
    def on_idle_reset_due(self) -> None:
        self.reset("idle")

    @Slot()
    def on_idle_warning_still_here(self) -> None:
        self._idle.poke()
