"""The payment methods (Amazon Pay first) and the big Pay button."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.ui import i18n, method_cards, theme
from pos_app.ui.i18n import Retranslating
from pos_app.ui.method_cards import AmazonPayCard, MethodCard

__all__ = ["PaymentPanel"]

log = logging.getLogger(__name__)

AGE_REFRESH_MS = 30_000


class PaymentPanel(Retranslating, QWidget):
    """List the merchant's payment methods and offer Pay when everything is in place.

    Signals:
        pay_requested(object): the cashier pressed Pay; the selected ``MethodOption``.
        link_requested(object): the cashier pressed Link and Pay (the customer has
            not linked Amazon Pay yet); the Amazon Pay ``MethodOption``.
        reload_requested(): the cashier asked to read the method list again.
    """

    pay_requested = Signal(object)
    link_requested = Signal(object)
    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._methods: list[types.MethodOption] = []
        self._cards: list[MethodCard] = []
        self._amazon: AmazonPayCard | None = None
        self._customer: types.CustomerInfo | None = None
        self._looking_up = False
        self._total = money_mod.Money.zero()
        self._ready = False
        self._paying = False
        self._methods_text: Callable[[], str] = self._loading_text

        self._heading = theme.label("", "heading")

        self._method_list = QWidget()
        self._method_list.setObjectName("methodList")
        self._method_layout = QVBoxLayout(self._method_list)
        self._method_layout.setContentsMargins(0, 0, 0, 0)
        self._method_layout.setSpacing(8)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)

        # Methods this counter cannot take are named in one line, not as cards.
        self._others = method_cards.OtherMethodsNote()
        self._others_methods: list[types.MethodOption] = []

        # Many methods scroll; they never squeeze each other or push Pay away.
        methods_box = QWidget()
        methods_box.setObjectName("methodsBox")
        box_layout = QVBoxLayout(methods_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(10)
        box_layout.addWidget(self._method_list)
        box_layout.addWidget(self._others)
        box_layout.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("methodScroll")
        self._scroll.setWidget(methods_box)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._methods_message = theme.label("", "muted", wrap=True)
        self._methods_message.setObjectName("methodsMessage")
        self._reload_button = QPushButton()
        self._reload_button.setObjectName("reloadMethodsButton")
        self._reload_button.hide()

        self._short_label = theme.label("", "warning", wrap=True)
        self._short_label.setObjectName("shortBalanceLabel")
        self._short_label.hide()

        self._pay_button = QPushButton()
        self._pay_button.setObjectName("payButton")
        self._pay_button.setProperty("role", "primary")
        self._pay_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hint = theme.label("", "muted", wrap=True)
        self._hint.setObjectName("payHint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._heading)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._methods_message)
        layout.addWidget(self._reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._short_label)
        layout.addWidget(self._pay_button)
        layout.addWidget(self._hint)

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REFRESH_MS)
        self._age_timer.start()

        self._age_timer.timeout.connect(self.on_age_timer_timeout)

        self._group.buttonToggled.connect(self.on_group_button_toggled)

        self._reload_button.clicked.connect(self.on_reload_button_clicked)

        self._pay_button.clicked.connect(self.on_pay_button_clicked)

        self.retranslate()

    def __repr__(self) -> str:
        return f"<PaymentPanel methods={len(self._methods)} can_pay={self.can_pay()}>"

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self._heading.setText(self.tr("Payment method"))
        self._method_list.setAccessibleName(self.tr("Payment methods"))
        self._reload_button.setText(self.tr("Try again"))
        self._reload_button.setAccessibleName(self.tr("Load payment methods again"))
        self._methods_message.setText(self._methods_text())
        self._refresh()

    def _loading_text(self) -> str:
        return self.tr("Loading payment methods…")

    # -- state from the window --------------------------------------------------

    def set_methods(self, methods: list[types.MethodOption]) -> None:
        """Show cards for what this counter takes (Amazon Pay first), and name the rest.

        Amazon Pay always gets a card, with the reason when it cannot be used; other
        methods it cannot take go into one line under the cards.
        """
        for old in self._cards:
            self._group.removeButton(old)
            self._method_layout.removeWidget(old)
            old.hide()
            old.setParent(None)  # out of the widget tree now, not at the next loop
            old.deleteLater()
        self._cards, self._amazon = [], None

        ordered = sorted(methods, key=lambda m: (not m.is_amazon_pay, not m.supported))
        shown = [m for m in ordered if m.supported or m.is_amazon_pay]
        self._methods = ordered
        self._others_methods = [m for m in ordered if m not in shown]
        self._others.set_methods(self._others_methods)
        for option in shown:
            card: MethodCard
            if option.is_amazon_pay and self._amazon is None:
                card = self._amazon = AmazonPayCard(option)
                card.link_button.clicked.connect(self.on_link_button_clicked)
            else:
                card = MethodCard(option)
            self._group.addButton(card)
            self._method_layout.addWidget(card)
            self._cards.append(card)

        default = next((c for c in self._cards if c.isEnabled()), None)
        if default is not None:
            default.setChecked(True)
        self._set_methods_message(
            (lambda: "")
            if methods
            else (lambda: self.tr("No payment methods are enabled."))
        )
        self._refresh()

    def has_methods(self) -> bool:
        """Whether the merchant's methods have arrived and are shown."""
        return bool(self._cards)

    def set_methods_failed(self, message: str | Callable[[], str]) -> None:
        """Say why the methods could not be read (a callable is asked again when
        the language changes) and offer Try again."""
        source = message if callable(message) else (lambda: message)
        log.warning("payment methods failed: %s", source())
        self._set_methods_message(source, reload=True)

    def set_customer(self, info: types.CustomerInfo | None) -> None:
        self._customer, self._looking_up = info, False
        self._refresh()

    def set_looking_up(self, looking_up: bool) -> None:
        self._looking_up = looking_up
        self._refresh()

    def set_total(self, total: money_mod.Money) -> None:
        self._total = total
        self._refresh()

    def set_ready(self, ready: bool) -> None:
        self._ready = ready
        self._refresh()

    def set_paying(self, paying: bool) -> None:
        self._paying = paying
        self._refresh()

    # -- reading ----------------------------------------------------------------

    @property
    def amazon_card(self) -> AmazonPayCard | None:
        return self._amazon

    @property
    def cards(self) -> list[MethodCard]:
        return list(self._cards)

    @property
    def other_methods(self) -> list[types.MethodOption]:
        """Enabled for the merchant but not taken here (named, not shown as cards)."""
        return list(self._others_methods)

    @property
    def other_methods_text(self) -> str:
        return self._others.text

    @property
    def hint(self) -> str:
        return self._hint.text()

    @property
    def shortfall_text(self) -> str:
        return self._short_label.text() if not self._short_label.isHidden() else ""

    def selected_method(self) -> types.MethodOption | None:
        card = self._group.checkedButton()
        return card.option if isinstance(card, MethodCard) else None

    def select_method(self, key: str) -> bool:
        for card in self._cards:
            if card.option.key == key and card.isEnabled():
                card.setChecked(True)
                return True
        return False

    def focus_methods(self) -> None:
        card = self._group.checkedButton() or next(iter(self._cards), None)
        if card is not None:
            card.setFocus(Qt.FocusReason.OtherFocusReason)

    def blocker(self) -> str:
        """Return why Pay cannot be pressed now, or "" when it can."""
        wallet = self._customer.amazon_pay if self._customer else None
        method = self.selected_method()
        if self._paying:
            return self.tr("Payment in progress…")
        if not self._ready:
            return self.tr("Waiting for the payment gateway…")
        if not self._total:
            return self.tr("Add items to the cart to start a sale.")
        if self._looking_up:
            return self.tr("Looking up the customer…")
        if self._customer is None:
            return self.tr("Enter the customer's mobile number.")
        if method is None or not method.is_amazon_pay:
            return self.tr("Choose Amazon Pay to take this payment.")
        if method_cards.is_redirect(method):
            return ""  # approved with an OTP on the Amazon Pay page: no wallet needed
        if wallet is None or not wallet.linked:
            return self.tr(
                "This customer has not linked Amazon Pay yet. Use Link and Pay."
            )
        if wallet.balance is None:
            return self.tr("The Amazon Pay balance could not be read.")
        return ""

    def can_pay(self) -> bool:
        return not self.blocker()

    def can_link(self) -> bool:
        """Whether Link and Pay may be pressed: an unlinked customer and a cart."""
        card = self._amazon
        if card is None or not card.option.supported or self._paying:
            return False
        if method_cards.is_redirect(card.option) or self._looking_up:
            return False
        if not self._ready or not self._total or self._customer is None:
            return False
        return not self._customer.linked

    def request_link(self) -> bool:
        """Emit ``link_requested`` if Link and Pay is allowed (locks Pay meanwhile)."""
        card = self._amazon
        if card is None or not self.can_link():
            return False
        card.setChecked(True)
        self._paying = True  # the window clears it when the link or payment ends
        self._refresh()
        self.link_requested.emit(card.option)
        return True

    def request_pay(self) -> bool:
        """Emit ``pay_requested`` if Pay is allowed, locking Pay against double taps."""
        method = self.selected_method()
        if not self.can_pay() or method is None:
            return False
        self._paying = True  # the window clears it when the payment ends
        self._refresh()
        self.pay_requested.emit(method)
        return True

    # -- drawing ----------------------------------------------------------------

    def _set_methods_message(
        self, text: Callable[[], str], *, reload: bool = False
    ) -> None:
        self._methods_text = text
        shown = text()
        self._methods_message.setText(shown)
        self._methods_message.setVisible(bool(shown))
        theme.set_style(self._methods_message, "error" if reload else "muted")
        self._reload_button.setVisible(reload)

    def _refresh(self) -> None:
        self._refresh_amazon_card()

        blocker = self.blocker()
        self._pay_button.setEnabled(not blocker)
        self._pay_button.setText(
            self.tr("Pay {amount}").format(amount=self._total.format())
            if self._total
            else self.tr("Pay")
        )
        self._pay_button.setAccessibleName(self._pay_button.text())
        self._hint.setText(blocker or self.tr("Press F12 or Ctrl+Enter to pay."))

        short = self._shortfall()
        self._short_label.setVisible(short is not None and not self._paying)
        if short is not None:
            self._short_label.setText(
                self.tr(
                    "The balance is {amount} short of this sale. After Pay, the "
                    "customer pays {amount} on the Amazon Pay page."
                ).format(amount=short.format())
            )

    def _refresh_amazon_card(self) -> None:
        card = self._amazon
        if card is None:
            return
        if not card.option.supported:
            card.show_balance(None, None)
            card.show_link_and_pay(False)
            reason = card.option.reason
            card.set_subtitle(
                i18n.render(reason)
                if reason
                else self.tr("Not available at this counter")
            )
            return

        if method_cards.is_redirect(card.option):
            card.show_balance(None, None)
            card.show_link_and_pay(False)
            card.set_subtitle(method_cards.redirect_subtitle(card.option))
            return

        wallet = self._customer.amazon_pay if self._customer else None
        linked = wallet is not None and wallet.linked
        card.show_link_and_pay(
            self._customer is not None and not linked, enabled=self.can_link()
        )
        if wallet is not None and linked:
            card.show_balance(wallet.balance, wallet.refreshed_at)
        else:
            card.show_balance(None, None)

        if self._looking_up:
            card.set_subtitle(self.tr("Looking up the customer…"))
        elif self._customer is None:
            card.set_subtitle(self.tr("Enter the customer's mobile number"))
        elif not linked:
            card.set_subtitle(i18n.t("MethodCard", method_cards.NOT_LINKED_SUBTITLE))
        elif wallet is None or wallet.balance is None:
            card.set_subtitle(self.tr("Balance not available right now"))
        elif self._total and wallet.balance < self._total:
            card.set_subtitle(method_cards.short_balance_subtitle(wallet.balance))
        else:
            card.set_subtitle(i18n.t("MethodCard", method_cards.DIRECT_SUBTITLE))

    def _shortfall(self) -> money_mod.Money | None:
        method = self.selected_method()
        if method is not None and method_cards.is_redirect(method):
            return None  # the balance plays no part on that route
        wallet = self._customer.amazon_pay if self._customer else None
        if wallet is None or not wallet.linked or wallet.balance is None:
            return None
        if not self._total or wallet.balance >= self._total:
            return None
        return self._total - wallet.balance

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_age_timer_timeout(self) -> None:
        if self._amazon is not None:
            self._amazon.refresh_age()

    @Slot(QAbstractButton, bool)
    def on_group_button_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._refresh()

    @Slot()
    def on_reload_button_clicked(self) -> None:
        self._set_methods_message(self._loading_text)
        self.reload_requested.emit()

    @Slot()
    def on_pay_button_clicked(self) -> None:
        self.request_pay()

    @Slot()
    def on_link_button_clicked(self) -> None:
        self.request_link()
