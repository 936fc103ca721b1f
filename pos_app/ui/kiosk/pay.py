"""The pay step: the total, the customer's masked number, and how to pay.

A linked customer sees their balance and one big Pay button. An unlinked one is
offered Link and Pay, two ways: scan a QR code with their own phone, or sign in on
this screen. When the terminal cannot take Amazon Pay right now, it says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["PayScreen"]


class PayScreen(Retranslating, QWidget):
    """Offer the one way to pay that fits this customer.

    Signals:
        pay_requested(): pay from the linked balance.
        link_requested(object): link Amazon Pay first, by this ``LinkMode``.
        change_number_requested(): back to the mobile number.
    """

    pay_requested = Signal()
    link_requested = Signal(object)
    change_number_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payPage")
        self._total = money_mod.Money.zero()
        self._customer: types.CustomerInfo | None = None
        self._method: types.MethodOption | None = None

        self._title = widgets.text("", "title", name="payTitle")
        self._who = widgets.text("", "body", name="payCustomerLabel")
        self._change = widgets.button("", "changeNumberButton", "", "quiet")
        who_row = QHBoxLayout()
        who_row.setSpacing(16)
        who_row.addWidget(self._who, 1)
        who_row.addWidget(self._change)

        self._panels = QStackedWidget()
        self._panels.setObjectName("payPanels")
        self._linked = self._build_linked()
        self._unlinked = self._build_unlinked()
        self._unavailable = self._build_unavailable()
        for panel in (self._linked, self._unlinked, self._unavailable):
            self._panels.addWidget(panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 28, 64, 32)
        layout.setSpacing(16)
        layout.addWidget(self._title)
        layout.addLayout(who_row)
        layout.addSpacing(8)
        layout.addWidget(self._panels, 1)

        self._change.clicked.connect(self.on_change_clicked)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<PayScreen panel={self.panel!r}>"

    def _build_linked(self) -> QFrame:
        panel = _panel("payLinkedPanel")
        self._linked_heading = widgets.text("", "heading", name="payLinkedHeading")
        heading = self._linked_heading
        self._balance = widgets.text("", "lead", name="payBalanceLabel")
        self._short = widgets.text("", "note", name="payShortLabel")
        self._short.hide()
        self._pay = widgets.button("", "payBalanceButton", "", "primary")
        self._assure = widgets.text("", "muted", name="payAssureLabel")
        assure = self._assure

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(self._balance)
        layout.addWidget(self._short)
        layout.addSpacing(24)
        layout.addWidget(self._pay)
        layout.addWidget(assure)
        layout.addStretch(1)

        self._pay.clicked.connect(self.on_pay_clicked)
        return panel

    def _build_unlinked(self) -> QFrame:
        panel = _panel("payUnlinkedPanel")
        self._unlinked_heading = widgets.text("", "heading", name="payUnlinkedHeading")
        heading = self._unlinked_heading
        self._link_explain = widgets.text("", "body", name="payLinkExplain")
        explain = self._link_explain
        self._qr = widgets.button("", "linkQrButton", "", "choice")
        self._web = widgets.button("", "linkWebButton", "", "choice")
        choices = QHBoxLayout()
        choices.setSpacing(24)
        choices.addWidget(self._qr, 1)
        choices.addWidget(self._web, 1)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(18)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addStretch(1)
        layout.addLayout(choices)
        layout.addStretch(1)

        self._qr.clicked.connect(self.on_qr_clicked)
        self._web.clicked.connect(self.on_web_clicked)
        return panel

    def _build_unavailable(self) -> QFrame:
        panel = _panel("payUnavailablePanel")
        self._unavailable_heading = widgets.text(
            "", "heading", name="payUnavailableHeading"
        )
        heading = self._unavailable_heading
        self._unavailable_text = widgets.text("", "body", name="payUnavailableText")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(self._unavailable_text)
        layout.addStretch(1)
        return panel

    def retranslate(self) -> None:
        self._change.setText(self.tr("Not you? Change number"))
        self._change.setAccessibleName(self.tr("Change the mobile number"))
        self._linked_heading.setText(self.tr("Pay with your Amazon Pay balance"))
        self._assure.setText(
            self.tr("You will see the result on this screen in a few seconds.")
        )
        self._unlinked_heading.setText(self.tr("Link Amazon Pay to pay"))
        self._link_explain.setText(
            self.tr(
                "First time paying here with Amazon Pay? Allow it once on Amazon; "
                "after that your balance pays straight away. Choose how:"
            )
        )
        self._qr.setText(
            self.tr("Scan a code with my phone\n(uses your phone's camera)")
        )
        self._qr.setAccessibleName(
            self.tr("Link Amazon Pay by scanning a code with my phone")
        )
        self._web.setText(
            self.tr("Sign in on this screen\n(type your Amazon password here)")
        )
        self._web.setAccessibleName(
            self.tr("Link Amazon Pay by signing in on this screen")
        )
        self._unavailable_heading.setText(
            self.tr("Amazon Pay is not available right now")
        )
        self._unavailable_text.setText(
            self.tr(
                "Nothing has been charged. Please tap “Call staff” and we will help "
                "you pay at the counter."
            )
        )
        self._draw()

    # -- API --------------------------------------------------------------------

    @property
    def panel(self) -> str:
        """Which offer is on screen: ``linked``, ``unlinked`` or ``unavailable``."""
        current = self._panels.currentWidget()
        if current is self._linked:
            return "linked"
        if current is self._unlinked:
            return "unlinked"
        return "unavailable"

    @property
    def pay_text(self) -> str:
        return self._pay.text()

    def show_offer(
        self,
        total: money_mod.Money,
        customer: types.CustomerInfo,
        method: types.MethodOption | None,
    ) -> None:
        """Draw the step for this customer and the method the terminal can take."""
        self._total = total
        self._customer = customer
        self._method = method
        self.set_enabled(True)
        self._draw()

    def _draw(self) -> None:
        """Set the texts that depend on the total and the customer."""
        customer, method, total = self._customer, self._method, self._total
        if customer is None:
            return
        amount = total.format()
        self._title.setText(self.tr("Pay {amount}").format(amount=amount))
        self._title.setAccessibleName(
            self.tr("Amount to pay {amount}").format(amount=amount)
        )
        self._who.setText(
            self.tr("Mobile number {phone}").format(phone=customer.masked_phone)
        )
        if method is None:
            self._panels.setCurrentWidget(self._unavailable)
            return
        if not customer.linked:
            self._panels.setCurrentWidget(self._unlinked)
            return

        wallet = customer.amazon_pay
        balance = wallet.balance if wallet is not None else None
        self._balance.setText(
            self.tr("Your balance: {amount}").format(amount=balance.format())
            if balance is not None
            else ""
        )
        short = balance is not None and balance < total
        self._short.setVisible(short)
        if short and balance is not None:
            self._short.setText(
                self.tr(
                    "Your balance covers {covered}. On the next screen you pay the "
                    "remaining {remaining} by card, UPI or net banking."
                ).format(covered=balance.format(), remaining=(total - balance).format())
            )
        self._pay.setText(self.tr("Pay {amount}").format(amount=amount))
        self._pay.setAccessibleName(
            self.tr("Pay {amount} with Amazon Pay balance").format(amount=amount)
        )
        self._panels.setCurrentWidget(self._linked)

    def set_enabled(self, enabled: bool) -> None:
        """Refuse a second tap while the first one is on its way."""
        for control in (self._pay, self._qr, self._web, self._change):
            control.setEnabled(enabled)

    def press_pay(self) -> bool:
        """Tap Pay, as the customer would; False if it is not on screen or enabled."""
        if self.panel != "linked" or not self._pay.isEnabled():
            return False
        self._pay.click()
        return True

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_pay_clicked(self) -> None:
        self.set_enabled(False)
        self.pay_requested.emit()

    @Slot()
    def on_qr_clicked(self) -> None:
        self.set_enabled(False)
        self.link_requested.emit(types.LinkMode.QR)

    @Slot()
    def on_web_clicked(self) -> None:
        self.set_enabled(False)
        self.link_requested.emit(types.LinkMode.WEB)

    @Slot()
    def on_change_clicked(self) -> None:
        self.change_number_requested.emit()


def _panel(name: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("kiosk", "panel")
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return frame
