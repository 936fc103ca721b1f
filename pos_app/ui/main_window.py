"""The cashier's window: catalogue and cart on the left, the payment on the right.

Cold start matters: this module must not import sqlmodel, httpx or QtWebEngine, so the
window can appear while the checkout service still loads on a worker thread.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.domain import phone as phone_mod
from pos_app.domain import states
from pos_app.ui import catalogue as catalogue_mod
from pos_app.ui import hosted_pages, i18n, method_cards, theme
from pos_app.ui.cart_model import CartModel
from pos_app.ui.cart_view import CartView
from pos_app.ui.controller import CheckoutController
from pos_app.ui.customer_panel import CustomerPanel
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.link_dialog import LinkDialog, Stage
from pos_app.ui.manager_menu import ManagerMenu
from pos_app.ui.payment_panel import PaymentPanel
from pos_app.ui.progress_view import ProgressView
from pos_app.ui.result_view import ResultView
from pos_app.ui.scanner import BarcodeListener
from pos_app.ui.web import HostedPageDialog

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

# English; shown with i18n.t("MainWindow", ...).
TITLE = QT_TRANSLATE_NOOP("MainWindow", "pos_app — Counter")
NOT_READY = QT_TRANSLATE_NOOP(
    "MainWindow", "The payment gateway is still connecting. Try again in a moment."
)


def _not_ready() -> str:
    return i18n.t("MainWindow", NOT_READY)


def _panel(content: QWidget, object_name: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setProperty("role", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 16, 18, 16)
    layout.addWidget(content)
    return frame


class MainWindow(Retranslating, QMainWindow):
    """The counter screen. It talks to the checkout only through ``controller``.

    ``gateway_label`` names the gateway in the status bar ("Sandbox: connected").
    """

    def __init__(
        self,
        controller: CheckoutController,
        parent: QWidget | None = None,
        *,
        gateway_label: str = "Sandbox",
        products: list[cart_mod.Product] | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._gateway_label = gateway_label
        self._last_method: types.MethodOption | None = None
        self._link_dialog: LinkDialog | None = None
        self._hosted_pages = hosted_pages.HostedPageOpener(controller, self)
        # What the status bar says, kept as state so a language change redraws it:
        # "connecting", "reaching", "connected", "unreachable" or "failed".
        self._gateway_state = "connecting"
        self._startup_message = ""
        self._unresolved_count = 0
        self.setMinimumSize(1100, 700)
        self.resize(1280, 800)
        app = QApplication.instance()
        if not isinstance(app, QApplication) or not app.styleSheet():
            self.setStyleSheet(theme.style_sheet())

        self._model = CartModel(parent=self)
        self._catalogue = catalogue_mod.Catalogue(
            products if products is not None else catalogue_mod.load_products()
        )
        self._cart_view = CartView(self._model)
        self._left = QWidget()
        self._left.setObjectName("leftPane")
        left_layout = QVBoxLayout(self._left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(12)
        left_layout.addWidget(_panel(self._catalogue, "cataloguePanel"), 0)
        left_layout.addWidget(_panel(self._cart_view, "cartPanel"), 1)

        self._customer_panel = CustomerPanel()
        self._payment_panel = PaymentPanel()
        sale_page = QWidget()
        sale_page.setObjectName("salePanel")
        sale_layout = QVBoxLayout(sale_page)
        sale_layout.setContentsMargins(0, 0, 0, 0)
        sale_layout.setSpacing(18)
        sale_layout.addWidget(self._customer_panel)
        sale_layout.addWidget(theme.divider())
        sale_layout.addWidget(self._payment_panel, 1)
        self._sale_page = sale_page

        self._progress_view = ProgressView()
        self._result_view = ResultView()
        self._stack = QStackedWidget()
        self._stack.setObjectName("rightStack")
        for page in (self._sale_page, self._progress_view, self._result_view):
            self._stack.addWidget(page)
        right = _panel(self._stack, "rightPanel")
        right.setFixedWidth(440)

        central = QWidget()
        central.setObjectName("centralWidget")
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(12, 12, 12, 12)
        central_layout.setSpacing(12)
        central_layout.addWidget(self._left, 1)
        central_layout.addWidget(right, 0)
        self.setCentralWidget(central)

        self._gateway_status = theme.label("", "status")
        self._gateway_status.setObjectName("gatewayStatus")
        self._busy_status = theme.label("", "status")
        self._busy_status.setObjectName("busyStatus")
        self._busy_status.setProperty("tone", "wait")
        self._busy_status.hide()
        self._unresolved_status = theme.label("", "status")
        self._unresolved_status.setObjectName("unresolvedStatus")
        self._unresolved_status.setProperty("tone", "wait")
        self._unresolved_status.hide()
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().addWidget(self._gateway_status, 1)
        self.statusBar().addPermanentWidget(self._unresolved_status)
        self.statusBar().addPermanentWidget(self._busy_status)

        self._phone_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self._pay_shortcuts = [
            QShortcut(QKeySequence(key), self)
            for key in (Qt.Key.Key_F12, "Ctrl+Return", "Ctrl+Enter")
        ]
        self._new_sale_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self._quantity_shortcuts = [
            QShortcut(QKeySequence(key), self) for key in (Qt.Key.Key_F4, "Ctrl+Q")
        ]

        controller.ready_changed.connect(self.on_controller_ready_changed)
        controller.startup_failed.connect(self.on_controller_startup_failed)
        controller.methods_changed.connect(self.on_controller_methods_changed)
        controller.methods_failed.connect(self.on_controller_methods_failed)
        controller.customer_changed.connect(self.on_controller_customer_changed)
        controller.customer_failed.connect(self.on_controller_customer_failed)
        controller.busy_changed.connect(self.on_controller_busy_changed)
        controller.unresolved_changed.connect(self.on_controller_unresolved_changed)
        controller.payment_started.connect(self.on_controller_payment_started)
        controller.payment_progress.connect(self.on_controller_payment_progress)
        controller.payment_finished.connect(self.on_controller_payment_finished)
        controller.hosted_page_requested.connect(
            self.on_controller_hosted_page_requested
        )

        self._hosted_pages.ended.connect(self.on_hosted_pages_ended)

        self._model.total_changed.connect(self.on_cart_model_total_changed)

        self._catalogue.product_chosen.connect(self.on_catalogue_product_chosen)
        self._catalogue.amount_entered.connect(self.on_catalogue_amount_entered)

        self._customer_panel.lookup_requested.connect(
            self.on_customer_panel_lookup_requested
        )
        self._customer_panel.change_requested.connect(
            self.on_customer_panel_change_requested
        )
        self._customer_panel.delink_requested.connect(
            self.on_customer_panel_delink_requested
        )

        self._payment_panel.pay_requested.connect(self.on_payment_panel_pay_requested)
        self._payment_panel.link_requested.connect(self.on_payment_panel_link_requested)
        self._payment_panel.reload_requested.connect(
            self.on_payment_panel_reload_requested
        )

        self._result_view.new_sale_requested.connect(
            self.on_result_view_new_sale_requested
        )
        self._result_view.retry_requested.connect(self.on_result_view_retry_requested)
        self._result_view.other_method_requested.connect(
            self.on_result_view_other_method_requested
        )
        self._result_view.print_receipt_requested.connect(
            self.on_result_view_print_receipt_requested
        )
        self._result_view.ereceipt_requested.connect(
            self.on_result_view_ereceipt_requested
        )
        controller.receipt_message.connect(self.on_controller_receipt_message)
        self._manager_menu = ManagerMenu(self, controller)
        self._scanner = BarcodeListener(self)
        self._scanner.scanned.connect(self.on_scanner_scanned)

        self._phone_shortcut.activated.connect(self.on_phone_shortcut_activated)
        for shortcut in self._pay_shortcuts:
            shortcut.activated.connect(self.on_pay_shortcut_activated)
        self._new_sale_shortcut.activated.connect(self.on_new_sale_shortcut_activated)
        for shortcut in self._quantity_shortcuts:
            shortcut.activated.connect(self.on_quantity_shortcut_activated)

        self.retranslate()
        self.on_controller_ready_changed(controller.ready)

    def __repr__(self) -> str:
        return (
            f"<MainWindow screen={self.current_screen()} lines={len(self._model.cart)}>"
        )

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the window's own texts in the current language.

        Each panel retranslates itself on the same LanguageChange; the status bar
        is drawn again from the state it shows.
        """
        self.setWindowTitle(i18n.t("MainWindow", TITLE))
        self._busy_status.setText(self.tr("Working…"))
        self._unresolved_status.setAccessibleName(self.tr("Payments being checked"))
        for shortcut in self._pay_shortcuts:
            shortcut.setWhatsThis(self.tr("Pay"))
        self._phone_shortcut.setWhatsThis(self.tr("Customer mobile number"))
        self._new_sale_shortcut.setWhatsThis(self.tr("New sale"))
        for shortcut in self._quantity_shortcuts:
            shortcut.setWhatsThis(self.tr("Type the quantity of the selected line"))
        self._show_gateway_status()
        self._show_unresolved()

    def _show_gateway_status(self) -> None:
        state = self._gateway_state
        label = i18n.render(self._gateway_label)  # Text from config: said here
        if state == "reaching":
            text, tone = self.tr("Reaching {gateway}…").format(gateway=label), "wait"
        elif state == "connected":
            text, tone = self.tr("{gateway}: connected").format(gateway=label), "ok"
        elif state == "unreachable":
            text = self.tr("{gateway}: not reachable").format(gateway=label)
            tone = "error"
        elif state == "failed":
            text, tone = self._startup_message, "error"
        else:
            text, tone = self.tr("Connecting to payment gateway…"), "wait"
        self._gateway_status.setText(f"●  {text}")
        theme.set_style(self._gateway_status, tone=tone)

    def _show_unresolved(self) -> None:
        count = self._unresolved_count
        if count <= 0:
            self._unresolved_status.hide()
            return
        self._unresolved_status.setText(
            self.tr("⟳  1 payment being checked")
            if count == 1
            else self.tr("⟳  {count} payments being checked").format(count=count)
        )
        self._unresolved_status.setToolTip(
            self.tr(
                "Their outcome is not known yet. They are checked with the gateway "
                "every minute; do not charge these customers again until they are "
                "resolved."
            )
        )
        self._unresolved_status.show()

    # -- driver API (tests and the demo) ----------------------------------------

    @property
    def controller(self) -> CheckoutController:
        return self._controller

    @property
    def cart_model(self) -> CartModel:
        return self._model

    @property
    def catalogue(self) -> catalogue_mod.Catalogue:
        return self._catalogue

    @property
    def customer_panel(self) -> CustomerPanel:
        return self._customer_panel

    @property
    def payment_panel(self) -> PaymentPanel:
        return self._payment_panel

    @property
    def result_view(self) -> ResultView:
        return self._result_view

    @property
    def progress_view(self) -> ProgressView:
        return self._progress_view

    @property
    def link_dialog(self) -> LinkDialog | None:
        """The Link and Pay dialog on screen, or None."""
        return self._link_dialog

    @property
    def hosted_dialog(self) -> HostedPageDialog | None:
        """The CCT or OTP page dialog on screen, or None."""
        return self._hosted_pages.dialog

    def current_screen(self) -> str:
        """Return "sale", "progress" or "result"."""
        page = self._stack.currentWidget()
        if page is self._progress_view:
            return "progress"
        if page is self._result_view:
            return "result"
        return "sale"

    def add_product(self, sku: str) -> bool:
        """Add one of the product with ``sku``; False if unknown or refused."""
        product = self._catalogue.product(sku)
        if product is None or self.current_screen() != "sale":
            return False
        return self._add_product(product)

    def add_amount(self, text: str) -> bool:
        """Type ``text`` as a free amount and add it; False if it was refused."""
        before = len(self._model.cart)
        self._catalogue.amount_edit.setText(text)
        self._catalogue.submit_amount()
        return len(self._model.cart) > before

    def set_phone_text(self, text: str) -> None:
        self._customer_panel.phone_edit.setText(text)

    def look_up(self) -> None:
        """Look up the number in the mobile field (as pressing Enter there does)."""
        self._customer_panel.request_lookup()

    def select_method(self, key: str) -> bool:
        return self._payment_panel.select_method(key)

    def pay(self) -> bool:
        """Press Pay; False if Pay is not allowed now."""
        return self.current_screen() == "sale" and self._payment_panel.request_pay()

    def link_and_pay(self) -> bool:
        """Press Link and Pay on the Amazon Pay card; False if it is not allowed."""
        return self.current_screen() == "sale" and self._payment_panel.request_link()

    def new_sale(self) -> bool:
        """Clear the cart and the customer; refused (False) while a payment runs.

        A consent still open (Link and Pay) does not block it: the controller
        cancels it, so a late Allow pays nothing.
        """
        consent_open = self._controller.link_session is not None
        if self.current_screen() == "progress":
            return False
        if self._controller.paying and not consent_open:
            return False
        log.info("new sale")
        if self._link_dialog is not None:
            self._link_dialog.dismiss()  # the controller cancels the consent
        self._payment_panel.set_paying(False)
        self._last_method = None
        self._model.clear()
        self._catalogue.accept_amount()
        self._cart_view.clear_message()
        self._controller.new_sale()
        self._show_sale()
        return True

    def customer_shown(self) -> bool:
        """Whether a looked-up customer is on screen."""
        return self._customer_panel.customer_shown

    # -- helpers ----------------------------------------------------------------

    def _add_product(self, product: cart_mod.Product) -> bool:
        self._cart_view.clear_message()
        try:
            row = self._model.add_product(product)
        except money_mod.InvalidAmount as exc:
            self._cart_view.show_message(functools.partial(i18n.render, exc))
            return False
        self._cart_view.select_row(row)
        return True

    def edit_quantity(self) -> bool:
        """Put the cursor in the selected line's quantity (F4, Ctrl+Q); False if not."""
        if self.current_screen() != "sale":
            return False
        return self._cart_view.edit_quantity()

    def _show_sale(self) -> None:
        self._stack.setCurrentWidget(self._sale_page)
        self._left.setEnabled(True)

    def _start_payment(self, method: types.MethodOption) -> None:
        if self._controller.paying:
            return
        self._last_method = method
        log.info("pay %s with %s", self._model.total, method.key)
        if not self._controller.pay(self._model.cart, method):
            log.warning("the checkout did not start the payment")
            self._payment_panel.set_paying(False)

    # -- controller slots -------------------------------------------------------

    @Slot(bool)
    def on_controller_ready_changed(self, ready: bool) -> None:
        # "Ready" only once the gateway has answered (methods_changed); the service
        # being up says nothing about the network.
        self._gateway_state = "reaching" if ready else "connecting"
        self._show_gateway_status()
        self._payment_panel.set_ready(ready)

    @Slot(str)
    def on_controller_startup_failed(self, message: str) -> None:
        log.error("start-up failed: %s", message)
        self._gateway_state, self._startup_message = "failed", message
        self._show_gateway_status()
        self._payment_panel.set_methods_failed(message)

    @Slot(object)
    def on_controller_methods_changed(self, methods: list[types.MethodOption]) -> None:
        self._gateway_state = "connected"
        self._show_gateway_status()
        self._payment_panel.set_methods(methods)

    @Slot(str)
    def on_controller_methods_failed(self, message: str) -> None:
        self._gateway_state = "unreachable"
        self._show_gateway_status()
        self._payment_panel.set_methods_failed(message)

    @Slot(object)
    def on_controller_customer_changed(self, info: types.CustomerInfo | None) -> None:
        self._customer_panel.set_customer(info)
        self._payment_panel.set_customer(info)

    @Slot(str)
    def on_controller_customer_failed(self, message: str) -> None:
        self._customer_panel.show_error(message)
        self._payment_panel.set_looking_up(False)

    @Slot(int)
    def on_controller_unresolved_changed(self, count: int) -> None:
        """Say honestly how many payments are still being checked with the gateway."""
        self._unresolved_count = count
        self._show_unresolved()

    @Slot(bool)
    def on_controller_busy_changed(self, busy: bool) -> None:
        self._busy_status.setVisible(busy)

    @Slot(object)
    def on_controller_payment_started(self, amount: money_mod.Money) -> None:
        method = self._last_method
        title = None  # the progress screen's own: "Charging Amazon Pay balance…"
        if method is not None and method_cards.is_redirect(method):
            name = method_cards.route_name(method)
            title = (
                (
                    lambda: self.tr("Paying with Amazon Pay via {gateway}…").format(
                        gateway=name
                    )
                )
                if name
                else (lambda: self.tr("Paying…"))
            )
        self._payment_panel.set_paying(True)
        self._progress_view.start(amount, title)
        self._stack.setCurrentWidget(self._progress_view)
        self._left.setEnabled(False)

    @Slot(str)
    def on_controller_payment_progress(self, step: str) -> None:
        self._progress_view.set_step(step)

    @Slot(object)
    def on_controller_payment_finished(self, result: types.PaymentResult) -> None:
        self._payment_panel.set_paying(False)
        dialog = self._link_dialog
        if _consent_ended(result) or (
            dialog is not None and dialog.stage is not Stage.LINKED
        ):
            # Nothing was charged and the Link and Pay dialog says why (or was
            # closed): the sale stays on screen for another try.
            log.info("Link and Pay ended: %s", result.error_code or result.outcome)
            self._show_sale()
            return
        self._result_view.show_result(result)
        self._stack.setCurrentWidget(self._result_view)
        self._left.setEnabled(False)

    @Slot(object)
    def on_controller_hosted_page_requested(self, step: types.HostedStep) -> None:
        if self._link_dialog is not None:
            self._link_dialog.dismiss()  # linked; now the page for the rest
        route = method_cards.route_name(self._last_method)
        self._progress_view.show_explanation(
            lambda: hosted_pages.explain(step, route),
            title=lambda: hosted_pages.page_title(step, route),
        )
        self._progress_view.set_step(
            (lambda: self.tr("Waiting for the OTP on the Amazon Pay page"))
            if step.kind is types.HostedKind.OTP
            else (lambda: self.tr("The customer is paying on the Amazon Pay page"))
        )
        self._stack.setCurrentWidget(self._progress_view)
        self._left.setEnabled(False)
        self._hosted_pages.open(step, route)

    @Slot()
    def on_hosted_pages_ended(self) -> None:
        self._progress_view.show_explanation(
            "", title=lambda: self.tr("Confirming with Amazon Pay…")
        )

    # -- widget slots -----------------------------------------------------------

    @Slot(object)
    def on_cart_model_total_changed(self, total: money_mod.Money) -> None:
        self._payment_panel.set_total(total)

    @Slot(object)
    def on_catalogue_product_chosen(self, product: cart_mod.Product) -> None:
        self._add_product(product)

    @Slot(object)
    def on_catalogue_amount_entered(self, amount: money_mod.Money) -> None:
        self._cart_view.clear_message()
        try:
            row = self._model.add_amount(amount)
        except money_mod.InvalidAmount as exc:
            self._catalogue.show_amount_error(functools.partial(i18n.render, exc))
            return
        self._catalogue.accept_amount()
        self._cart_view.select_row(row)

    @Slot(object)
    def on_customer_panel_lookup_requested(self, phone: phone_mod.Phone) -> None:
        if not self._controller.ready:
            self._customer_panel.show_error(_not_ready)
            return
        self._customer_panel.set_looking_up(phone)
        self._payment_panel.set_looking_up(True)
        self._controller.look_up_customer(phone)

    @Slot()
    def on_customer_panel_change_requested(self) -> None:
        self._controller.clear_customer()
        self._customer_panel.focus_entry()

    @Slot()
    def on_customer_panel_delink_requested(self) -> None:
        customer = self._controller.customer
        if customer is None or self._controller.paying:
            self._customer_panel.set_customer(customer)  # back to how it was
            return
        log.info("remove the Amazon Pay link of %s", customer.masked_phone)
        self._controller.delink_customer()

    @Slot(object)
    def on_payment_panel_pay_requested(self, method: types.MethodOption) -> None:
        self._start_payment(method)

    @Slot(object)
    def on_payment_panel_link_requested(self, method: types.MethodOption) -> None:
        customer = self._controller.customer
        if self._controller.paying or self._link_dialog is not None:
            self._payment_panel.set_paying(False)
            return
        self._last_method = method
        log.info("link and pay %s", self._model.total)
        dialog = LinkDialog(
            self._controller,
            self._model.cart,
            method,
            self,
            masked_phone=customer.masked_phone if customer is not None else "",
        )
        self._link_dialog = dialog
        dialog.finished.connect(self.on_link_dialog_finished)
        dialog.other_method_requested.connect(
            self.on_link_dialog_other_method_requested
        )
        dialog.open()  # window-modal, and it does not block the event loop
        dialog.begin()

    @Slot(int)
    def on_link_dialog_finished(self, _result: int) -> None:
        dialog, self._link_dialog = self._link_dialog, None
        if dialog is None:
            return
        dialog.hide()
        if dialog.stage is not Stage.LINKED:
            self._show_sale()
            self._payment_panel.set_paying(self._controller.paying)
        # done() cleared the web view; its page goes on the next loop, then this.
        QTimer.singleShot(0, dialog.deleteLater)

    @Slot()
    def on_link_dialog_other_method_requested(self) -> None:
        self._show_sale()
        self._payment_panel.focus_methods()

    @Slot()
    def on_payment_panel_reload_requested(self) -> None:
        if self._controller.ready:
            self._controller.load_methods()
        else:
            self._payment_panel.set_methods_failed(_not_ready)

    @Slot()
    def on_result_view_new_sale_requested(self) -> None:
        self.new_sale()

    @Slot()
    def on_result_view_retry_requested(self) -> None:
        if self._link_dialog is not None:
            return
        if self._last_method is not None:
            self._start_payment(self._last_method)

    @Slot()
    def on_result_view_print_receipt_requested(self) -> None:
        result = self._result_view.result
        if result is not None:
            self._controller.print_receipt(result)

    @Slot()
    def on_result_view_ereceipt_requested(self) -> None:
        from pos_app.ui import ereceipt_dialog

        result = self._result_view.result
        if result is None:
            return
        payload = ereceipt_dialog.ereceipt_payload(
            result,
            terminal_id=self._controller.terminal_id,
            cashier=self._controller.cashier,
        )
        if payload is None:
            self.statusBar().showMessage(
                self.tr("The e-receipt is not available here."), 10_000
            )
            return
        dialog = ereceipt_dialog.EReceiptDialog(payload, result.amount.format(), self)
        dialog.open()

    @Slot(str)
    def on_scanner_scanned(self, code: str) -> None:
        """A barcode scanner read ``code``: add that product to the cart."""
        if self.current_screen() != "sale":
            return
        product = self._catalogue.product(code)
        if product is None:
            log.info("scanned an unknown barcode ending %s", code[-4:])
            self._cart_view.show_message(
                lambda: self.tr("No product with barcode {code}.").format(code=code)
            )
            return
        self._add_product(product)

    @Slot(str)
    def on_controller_receipt_message(self, message: str) -> None:
        log.info("receipt: %s", message)
        self.statusBar().showMessage(message, 15_000)

    @Slot()
    def on_result_view_other_method_requested(self) -> None:
        self._show_sale()
        self._payment_panel.focus_methods()

    @Slot()
    def on_phone_shortcut_activated(self) -> None:
        if self.current_screen() == "sale":
            self._customer_panel.focus_entry()

    @Slot()
    def on_pay_shortcut_activated(self) -> None:
        self.pay()

    @Slot()
    def on_new_sale_shortcut_activated(self) -> None:
        self.new_sale()

    @Slot()
    def on_quantity_shortcut_activated(self) -> None:
        self.edit_quantity()


def _consent_ended(result: types.PaymentResult) -> bool:
    """A Link and Pay consent ended (denied, expired, cancelled): nothing charged."""
    return result.flow is states.Flow.LINK_AND_PAY and result.error_code.startswith(
        "link_"
    )
