"""Link and Pay: a first-time customer links Amazon Pay, then the sale is paid.

Two ways to consent, one tab each: a QR code the customer scans with their own phone
(the default at a counter), or Amazon's consent page right here in the locked-down
web view. Each needs its own session at the gateway, so changing tab asks the
controller for a new one. The web view (and Chromium with it) is built only when its
tab is first shown, and cleared when the dialog closes.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.ui import hosted_pages, i18n, theme
from pos_app.ui.controller import CheckoutController
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.qr import QrWidget
from pos_app.ui.web import SecureWebView

__all__ = ["INSTRUCTION", "LinkDialog", "Stage"]

log = logging.getLogger(__name__)

INSTRUCTION = QT_TRANSLATE_NOOP(
    "LinkDialog", "Scan with your phone camera, sign in to Amazon and tap Allow"
)
QR_TAB, WEB_TAB = 0, 1
CLOSE_AFTER_LINK_MS = 1500  # long enough to read "Linked", short enough not to wait


class Stage(enum.StrEnum):
    """Where the dialog is; the link states plus the moments around them."""

    STARTING = "starting"  # asking the gateway for a session (or for a new one)
    WAITING = "waiting"  # the QR or the page is up; the customer decides
    LINKED = "linked"  # consent given: charging, then the dialog closes
    DENIED = "denied"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    FAILED = "failed"  # the session could not start


# English; shown with i18n.t("LinkDialog", ...).
_ENDINGS = {
    Stage.DENIED: (
        QT_TRANSLATE_NOOP("LinkDialog", "The customer did not allow it"),
        QT_TRANSLATE_NOOP(
            "LinkDialog",
            "The customer tapped Deny, so Amazon Pay was not linked. Nothing was "
            "charged.",
        ),
        "alert",
    ),
    Stage.EXPIRED: (
        QT_TRANSLATE_NOOP("LinkDialog", "Time ran out"),
        QT_TRANSLATE_NOOP(
            "LinkDialog",
            "The customer did not answer in time, so Amazon Pay was not linked. "
            "Nothing was charged.",
        ),
        "pending",
    ),
    Stage.CANCELLED: (
        QT_TRANSLATE_NOOP("LinkDialog", "Linking cancelled"),
        QT_TRANSLATE_NOOP(
            "LinkDialog", "Linking Amazon Pay was cancelled. Nothing was charged."
        ),
        "alert",
    ),
    Stage.FAILED: (
        QT_TRANSLATE_NOOP("LinkDialog", "Linking could not start"),
        QT_TRANSLATE_NOOP(
            "LinkDialog", "Amazon Pay linking could not start. Nothing was charged."
        ),
        "alert",
    ),
}


class LinkDialog(Retranslating, QDialog):
    """Link the customer's Amazon Pay by QR code or on this screen, then pay.

    The dialog drives the controller itself (``start_link``, ``switch_link_mode``,
    ``link_returned``, ``cancel_link``) and follows its signals. Once the wallet is
    linked the controller pays on its own; the dialog says "Linked — charging" and
    closes, and the window's progress and result screens take over.

    Signals:
        other_method_requested(): the cashier wants another payment method; the
            dialog closes.
    """

    other_method_requested = Signal()

    def __init__(
        self,
        controller: CheckoutController,
        cart: cart_mod.Cart,
        method: types.MethodOption,
        parent: QWidget | None = None,
        *,
        masked_phone: str = "",
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._cart = cart
        self._method = method
        self._amount = cart.total
        self._mode = types.LinkMode.QR  # the tab on screen: the session we want
        self._session: types.LinkSession | None = None
        self._stage = Stage.STARTING
        self._cancel_wanted = False
        self._closing = False
        self._web: SecureWebView | None = None
        self._masked_phone = masked_phone
        # What is on screen, kept so a language change can say it again.
        self._status_text: Callable[[], str] = str
        self._detail: Callable[[], str] = str
        self._charging: money_mod.Money | None = None  # linked: the amount charged
        self._balance: money_mod.Money | None = None  # linked: the balance read
        self._blocked_shown = False

        self.setObjectName("linkDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(960, 660)
        self.setMinimumSize(760, 560)

        self._title = theme.label("", "title-sm")
        self._title.setObjectName("linkTitle")
        self._subtitle = theme.label("", "muted", wrap=True)
        self._subtitle.setObjectName("linkSubtitle")

        self._tabs = QTabWidget()
        self._tabs.setObjectName("linkTabs")
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self._build_qr_tab(masked_phone), "")
        self._tabs.addTab(self._build_web_tab(), "")

        self._state_page = self._build_state_page()
        self._body = QStackedWidget()
        self._body.setObjectName("linkBody")
        self._body.addWidget(self._tabs)
        self._body.addWidget(self._state_page)

        self._status = theme.label("", "muted", wrap=True)
        self._status.setObjectName("linkStatusLabel")
        self._busy = QProgressBar()
        self._busy.setObjectName("linkBusyBar")
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setFixedWidth(120)
        self._cancel_button = QPushButton()
        self._cancel_button.setObjectName("linkCancelButton")
        self._cancel_button.setAutoDefault(False)
        self._cancel_button.setMinimumWidth(140)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._close_timer = QTimer(self)
        self._close_timer.setSingleShot(True)
        self._close_timer.setInterval(CLOSE_AFTER_LINK_MS)

        self._build_layout()

        controller.link_started.connect(self.on_controller_link_started)
        controller.link_state_changed.connect(self.on_controller_link_state_changed)
        controller.payment_started.connect(self.on_controller_payment_started)
        controller.payment_finished.connect(self.on_controller_payment_finished)
        controller.customer_changed.connect(self.on_controller_customer_changed)

        self._tabs.currentChanged.connect(self.on_tabs_current_changed)

        self._cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self._retry_button.clicked.connect(self.on_retry_button_clicked)
        self._other_button.clicked.connect(self.on_other_button_clicked)

        self._countdown.timeout.connect(self.on_countdown_timeout)
        self._close_timer.timeout.connect(self.on_close_timer_timeout)

        self.retranslate()

    def __repr__(self) -> str:
        return f"<LinkDialog {self._mode.value} {self._stage.value}>"

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self.setWindowTitle(self.tr("Link Amazon Pay and pay"))
        self._title.setText(
            self.tr("Link Amazon Pay and pay {amount}").format(
                amount=self._amount.format()
            )
        )
        self._subtitle.setText(
            self.tr(
                "First time paying with Amazon Pay here? Allow it once; after that "
                "the balance pays straight away."
            )
        )
        self._tabs.setTabText(QR_TAB, self.tr("Scan with your phone"))
        self._tabs.setTabText(WEB_TAB, self.tr("On this screen"))
        self._tabs.setTabToolTip(QR_TAB, self.tr("The customer uses their own phone"))
        self._tabs.setTabToolTip(
            WEB_TAB, self.tr("The customer signs in on this screen")
        )
        self._qr_placeholder.setText(self.tr("Preparing the code…"))
        self._instruction.setText(i18n.t("LinkDialog", INSTRUCTION))
        self._account.setText(
            self.tr("Amazon account with mobile {number}").format(
                number=self._masked_phone
            )
            if self._masked_phone
            else ""
        )
        self._caption.setText(self.tr("Then this is paid from the Amazon Pay balance:"))
        self._other_way.setText(
            self.tr("No phone camera? Choose “On this screen” above.")
        )
        self._web_hint.setText(
            self.tr(
                "Sign in to Amazon on this screen and tap Allow. Only Amazon Pay's "
                "own pages open here."
            )
        )
        self._web_placeholder.setText(self.tr("Opening the Amazon page…"))
        if self._blocked_shown:
            self._blocked.setText(self._blocked_message())
        self._busy.setAccessibleName(self.tr("Waiting for the customer"))
        self._cancel_button.setText(self.tr("Cancel"))
        self._cancel_button.setAccessibleName(self.tr("Cancel linking Amazon Pay"))
        self._retry_button.setText(self.tr("Try again"))
        self._retry_button.setAccessibleName(self.tr("Try linking Amazon Pay again"))
        self._other_button.setText(self.tr("Choose another method"))
        self._other_button.setAccessibleName(self.tr("Choose another payment method"))
        self._status.setText(self._status_text())
        self._show_state_texts()
        self.on_countdown_timeout()

    def _set_status(self, text: Callable[[], str]) -> None:
        self._status_text = text
        self._status.setText(text())

    def _blocked_message(self) -> str:
        return self.tr(
            "That link leads outside Amazon Pay, so it was not opened. The customer "
            "can carry on on this page."
        )

    def _show_state_texts(self) -> None:
        """The state page's title, message and detail for the stage on screen."""
        stage = self._stage
        if stage is Stage.LINKED:
            amount = self._charging or self._amount
            self._state_title.setText(self.tr("Amazon Pay linked"))
            self._state_message.setText(
                self.tr("Linked — charging {amount}").format(amount=amount.format())
            )
            if self._balance is not None:
                self._state_detail.setText(
                    self.tr(
                        "Amazon Pay balance {amount}. Please wait while it is charged."
                    ).format(amount=self._balance.format())
                )
            else:
                self._state_detail.setText(
                    self.tr("Please wait while the balance is charged.")
                )
        elif stage in _ENDINGS:
            title, message, _icon = _ENDINGS[stage]
            self._state_title.setText(i18n.t("LinkDialog", title))
            self._state_message.setText(i18n.t("LinkDialog", message))
            self._state_detail.setText(self._detail())

    # -- building ---------------------------------------------------------------

    def _build_qr_tab(self, masked_phone: str) -> QWidget:
        self._qr = QrWidget()
        self._qr.setFixedSize(320, 320)
        qr_frame = QFrame()
        qr_frame.setObjectName("linkQrFrame")
        qr_layout = QVBoxLayout(qr_frame)
        qr_layout.setContentsMargins(10, 10, 10, 10)
        qr_layout.addWidget(self._qr)

        self._qr_placeholder = theme.label("", "muted")
        self._qr_placeholder.setObjectName("linkQrPlaceholder")
        self._qr_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._instruction = instruction = theme.label("", "title-sm", wrap=True)
        instruction.setObjectName("linkInstruction")
        self._account = account = theme.label("", "muted", wrap=True)
        account.setObjectName("linkAccountLabel")
        account.setVisible(bool(masked_phone))
        self._caption = caption = theme.label("", "muted", wrap=True)
        self._amount_label = theme.label(self._amount.format(), "money-xl")
        self._amount_label.setObjectName("linkAmountLabel")
        self._qr_countdown = theme.label("", "muted")
        self._qr_countdown.setObjectName("linkCountdownLabel")
        self._other_way = other_way = theme.label("", "muted", wrap=True)
        other_way.setObjectName("linkOtherWayLabel")

        text = QVBoxLayout()
        text.setSpacing(10)
        text.addStretch(1)
        text.addWidget(instruction)
        text.addWidget(account)
        text.addSpacing(10)
        text.addWidget(caption)
        text.addWidget(self._amount_label)
        text.addWidget(self._qr_countdown)
        text.addStretch(1)
        text.addWidget(other_way)

        code = QVBoxLayout()
        code.addStretch(1)
        code.addWidget(qr_frame, 0, Qt.AlignmentFlag.AlignCenter)
        code.addWidget(self._qr_placeholder)
        code.addStretch(1)

        tab = QWidget()
        tab.setObjectName("linkQrTab")
        layout = QHBoxLayout(tab)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(32)
        layout.addLayout(code, 0)
        layout.addLayout(text, 1)
        return tab

    def _build_web_tab(self) -> QWidget:
        self._web_hint = hint = theme.label("", "muted", wrap=True)
        hint.setObjectName("linkWebHint")
        self._web_countdown = theme.label("", "muted")
        self._web_countdown.setObjectName("linkWebCountdownLabel")
        self._blocked = theme.label("", "warning", wrap=True)
        self._blocked.setObjectName("linkBlockedLabel")
        self._blocked.hide()
        self._web_placeholder = theme.label("", "muted")
        self._web_placeholder.setObjectName("linkWebPlaceholder")
        self._web_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self._web_countdown, 0, Qt.AlignmentFlag.AlignTop)

        tab = QWidget()
        tab.setObjectName("linkWebTab")
        self._web_layout = QVBoxLayout(tab)
        self._web_layout.setContentsMargins(16, 12, 16, 8)
        self._web_layout.setSpacing(8)
        self._web_layout.addLayout(top)
        self._web_layout.addWidget(self._blocked)
        self._web_layout.addWidget(self._web_placeholder, 1)
        return tab

    def _build_state_page(self) -> QWidget:
        self._state_icon = QLabel()
        self._state_icon.setObjectName("linkStateIcon")
        self._state_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._state_icon.setFixedHeight(72)
        self._state_title = theme.label("", "title")
        self._state_title.setObjectName("linkStateTitle")
        self._state_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._state_message = theme.label("", None, wrap=True)
        self._state_message.setObjectName("linkStateMessage")
        self._state_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._state_detail = theme.label("", "muted", wrap=True)
        self._state_detail.setObjectName("linkStateDetail")
        self._state_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._retry_button = QPushButton()
        self._retry_button.setObjectName("linkRetryButton")
        self._retry_button.setProperty("role", "primary")
        self._retry_button.setAutoDefault(False)
        self._other_button = QPushButton()
        self._other_button.setObjectName("linkOtherMethodButton")
        self._other_button.setAutoDefault(False)
        buttons = QVBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self._retry_button)
        buttons.addWidget(self._other_button)
        button_box = QWidget()
        button_box.setFixedWidth(380)
        button_box.setLayout(buttons)

        page = QWidget()
        page.setObjectName("linkStatePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self._state_icon)
        layout.addWidget(self._state_title)
        layout.addWidget(self._state_message)
        layout.addWidget(self._state_detail)
        layout.addSpacing(16)
        layout.addWidget(button_box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_layout(self) -> None:
        header = QWidget()
        header.setObjectName("linkHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(24, 18, 24, 10)
        header_layout.setSpacing(4)
        header_layout.addWidget(self._title)
        header_layout.addWidget(self._subtitle)

        footer = QWidget()
        footer.setObjectName("linkFooter")
        footer_layout = QHBoxLayout(footer)
        footer_layout.setContentsMargins(24, 10, 24, 14)
        footer_layout.setSpacing(12)
        footer_layout.addWidget(self._busy)
        footer_layout.addWidget(self._status, 1)
        footer_layout.addWidget(self._cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self._body, 1)
        layout.addWidget(footer)

    # -- reading (tests and the demo) -------------------------------------------

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def mode(self) -> types.LinkMode:
        return self._mode

    @property
    def session(self) -> types.LinkSession | None:
        return self._session

    @property
    def qr_widget(self) -> QrWidget:
        return self._qr

    @property
    def web_view(self) -> SecureWebView | None:
        """The consent page's web view; None until the web tab was first shown."""
        return self._web

    @property
    def status_text(self) -> str:
        return self._status.text()

    @property
    def state_title(self) -> str:
        return self._state_title.text() if self._body.currentIndex() == 1 else ""

    @property
    def state_message(self) -> str:
        return self._state_message.text() if self._body.currentIndex() == 1 else ""

    @property
    def blocked_text(self) -> str:
        return self._blocked.text() if not self._blocked.isHidden() else ""

    # -- acting -----------------------------------------------------------------

    def begin(self) -> bool:
        """Ask the controller for a session in the current tab's mode."""
        self._session = None
        self._cancel_wanted = False
        self._set_stage(Stage.STARTING)
        self._show_tabs()
        if self._controller.start_link(self._cart, self._method, self._mode):
            return True
        log.warning("the checkout did not start Link and Pay")
        self._show_ending(
            Stage.FAILED,
            lambda: self.tr("The checkout is busy. Try again in a moment."),
        )
        return False

    def show_web_tab(self) -> None:
        self._tabs.setCurrentIndex(WEB_TAB)

    def show_qr_tab(self) -> None:
        self._tabs.setCurrentIndex(QR_TAB)

    def cancel(self) -> None:
        """Cancel the consent (as the Cancel button); the dialog shows the result."""
        if self._stage not in (Stage.STARTING, Stage.WAITING):
            return
        log.info("Link and Pay cancelled at the counter")
        self._cancel_button.setEnabled(False)
        self._set_status(lambda: self.tr("Cancelling…"))
        if self._controller.link_session is None:
            self._cancel_wanted = True  # no session yet: cancel it when it comes
            return
        self._controller.cancel_link()

    def dismiss(self) -> None:
        """Close without cancelling: the caller ends the session (a new sale)."""
        self._closing = True
        self.accept()

    # -- Qt overrides -----------------------------------------------------------

    def reject(self) -> None:
        """Escape or the window's close: cancel a consent still open, then close."""
        if self._stage is Stage.LINKED:
            return  # the payment is running; the dialog closes by itself
        if self._stage in (Stage.STARTING, Stage.WAITING):
            self._closing = True
            self.cancel()
            if not self._cancel_wanted:
                super().reject()
            return  # else it closes when the session it waits for is cancelled
        super().reject()

    def done(self, result: int) -> None:
        self._closing = True
        self._countdown.stop()
        self._close_timer.stop()
        if self._web is not None:
            self._web.clear()  # the next customer must find nothing of this one
        super().done(result)

    # -- drawing ----------------------------------------------------------------

    def _set_stage(self, stage: Stage) -> None:
        if stage is not self._stage:
            log.info("Link and Pay: %s", stage.value)
        self._stage = stage
        waiting = stage in (Stage.STARTING, Stage.WAITING)
        self._cancel_button.setVisible(waiting)
        self._cancel_button.setEnabled(waiting and not self._cancel_wanted)
        self._busy.setVisible(waiting or stage is Stage.LINKED)
        if stage is Stage.STARTING:
            self._set_status(lambda: self.tr("Asking Amazon Pay for a link request…"))
        elif stage is Stage.WAITING:
            self._set_status(lambda: self.tr("Waiting for the customer to tap Allow…"))

    def _show_tabs(self) -> None:
        self._body.setCurrentWidget(self._tabs)

    def _show_waiting(self, session: types.LinkSession) -> None:
        self._session = session
        self._set_stage(Stage.WAITING)
        self._show_tabs()
        if session.mode is types.LinkMode.QR:
            self._qr.set_url(session.consent_url)
            self._qr_placeholder.hide()
        else:
            self._open_web(session)
        self._countdown.start()
        self.on_countdown_timeout()

    def _show_ending(self, stage: Stage, detail: object = "") -> None:
        """Show how the consent ended; ``detail`` is a text from below the UI (said
        with render) or a callable that says it in the current language."""
        self._countdown.stop()
        self._session = None
        self._qr_countdown.setText("")  # that code or request is over
        self._web_countdown.setText("")
        self._cancel_wanted = False
        self._set_stage(stage)
        _title, _message, icon = _ENDINGS[stage]
        if callable(detail):
            self._detail = detail
        else:
            self._detail = lambda: i18n.render(detail)
        theme.set_style(self._state_title, tone="warning")
        self._show_state_texts()
        self._state_detail.setVisible(bool(self._state_detail.text()))
        self._state_icon.setPixmap(
            theme.icon_pixmap(icon, 64, self.devicePixelRatioF())
        )
        self._retry_button.show()
        self._other_button.show()
        self._set_status(str)
        self._body.setCurrentWidget(self._state_page)
        self._retry_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_linked(self, amount: money_mod.Money) -> None:
        self._countdown.stop()
        self._set_stage(Stage.LINKED)
        self._charging, self._balance = amount, None
        theme.set_style(self._state_title, tone="success")
        self._show_state_texts()
        self._state_detail.show()
        self._state_icon.setPixmap(
            theme.icon_pixmap("check", 64, self.devicePixelRatioF())
        )
        self._retry_button.hide()
        self._other_button.hide()
        self._set_status(
            lambda: self.tr("Charging {amount} from the balance…").format(
                amount=amount.format()
            )
        )
        self._body.setCurrentWidget(self._state_page)
        self._close_timer.start()

    def _reset_session_view(self) -> None:
        self._session = None
        self._countdown.stop()
        self._qr.set_url("")
        self._qr_placeholder.show()
        self._qr_countdown.setText("")
        self._web_countdown.setText("")

    # -- the web view -----------------------------------------------------------

    def _ensure_web(self) -> SecureWebView:
        if self._web is None:
            view = SecureWebView()
            view.setObjectName("linkWebView")
            view.setMinimumHeight(360)
            view.hide()
            self._web_layout.addWidget(view, 1)
            view.return_url_reached.connect(self.on_web_return_url_reached)
            view.navigation_blocked.connect(self.on_web_navigation_blocked)
            view.load_finished.connect(self.on_web_load_finished)
            self._web = view
        return self._web

    def _open_web(self, session: types.LinkSession) -> None:
        view = self._ensure_web()
        self._blocked_shown = False
        self._blocked.hide()
        self._web_placeholder.hide()
        view.show()
        try:
            view.open(
                session.consent_url,
                allowed_hosts=hosted_pages.allowed_origins(
                    session.consent_url, session.allowed_hosts
                ),
                return_url=session.return_url or "",
            )
        except ValueError as exc:
            log.error("consent page refused: %s", exc)
            self._controller.cancel_link()
            self._show_ending(
                Stage.FAILED, lambda: self.tr("The consent page is not on Amazon Pay.")
            )

    def _clear_web(self) -> None:
        if self._web is not None and self._web.is_open():
            self._web.clear()
            self._web.hide()
            self._web_placeholder.show()

    # -- controller slots -------------------------------------------------------

    @Slot(object)
    def on_controller_link_started(self, session: types.LinkSession) -> None:
        if self._cancel_wanted:
            self._controller.cancel_link()
            return
        if self._closing:
            return
        if session.mode is not self._mode:
            # The tab changed while this session was on its way: ask for the other.
            self._controller.switch_link_mode(self._cart, self._method, self._mode)
            return
        self._show_waiting(session)

    @Slot(str)
    def on_controller_link_state_changed(self, state: str) -> None:
        if state == types.LinkState.WAITING.value:
            return
        if state == types.LinkState.LINKED.value:
            if not self._closing:
                self._show_linked(self._amount)
            return
        stage = Stage(state)
        if self._closing:
            if self._cancel_wanted or stage is Stage.CANCELLED:
                super().reject()  # a close waited for this cancel
            return
        self._show_ending(stage)

    @Slot(object)
    def on_controller_payment_started(self, amount: money_mod.Money) -> None:
        if self._stage is Stage.LINKED and not self._closing:
            self._charging = amount
            self._show_state_texts()

    @Slot(object)
    def on_controller_payment_finished(self, result: types.PaymentResult) -> None:
        if self._stage is Stage.LINKED:
            return  # the window shows how the payment ended
        if result.error_code.startswith("link_"):
            return  # the link state said it already
        # The session never started (refused, or the app failed): nothing to cancel.
        if self._closing:
            if self.isVisible():
                super().reject()
            return
        self._show_ending(Stage.FAILED, result.message)

    @Slot(object)
    def on_controller_customer_changed(self, info: types.CustomerInfo | None) -> None:
        wallet = info.amazon_pay if info is not None else None
        if self._stage is not Stage.LINKED or wallet is None or not wallet.linked:
            return
        if wallet.balance is not None:
            self._balance = wallet.balance
            self._show_state_texts()

    # -- widget slots -----------------------------------------------------------

    @Slot(int)
    def on_tabs_current_changed(self, index: int) -> None:
        mode = types.LinkMode.WEB if index == WEB_TAB else types.LinkMode.QR
        if mode is self._mode:
            return
        log.info("Link and Pay switches to %s", mode.value)
        self._mode = mode
        self._reset_session_view()
        if mode is types.LinkMode.QR:
            self._clear_web()  # that page belonged to the session being replaced
        else:
            self._ensure_web()  # the widget only: Chromium starts with the page
        if self._stage not in (Stage.STARTING, Stage.WAITING):
            return
        self._set_stage(Stage.STARTING)
        # With no session yet (still starting), the new one is checked on arrival.
        self._controller.switch_link_mode(self._cart, self._method, mode)

    @Slot()
    def on_cancel_button_clicked(self) -> None:
        self.cancel()

    @Slot()
    def on_retry_button_clicked(self) -> None:
        self._reset_session_view()
        self._clear_web()
        self.begin()

    @Slot()
    def on_other_button_clicked(self) -> None:
        self.other_method_requested.emit()
        self.accept()

    @Slot()
    def on_countdown_timeout(self) -> None:
        session = self._session
        if session is None:
            return
        left = int((session.expires_at - datetime.now(UTC)).total_seconds())
        if left <= 0:
            text = self.tr("Time is up. Checking for an answer…")
        else:
            clock = f"{left // 60}:{left % 60:02d}"
            text = (
                self.tr("This code expires in {time}")
                if session.mode is types.LinkMode.QR
                else self.tr("This request expires in {time}")
            ).format(time=clock)
        label = (
            self._qr_countdown
            if session.mode is types.LinkMode.QR
            else self._web_countdown
        )
        label.setText(text)

    @Slot()
    def on_close_timer_timeout(self) -> None:
        self.accept()

    @Slot(str)
    def on_web_return_url_reached(self, url: str) -> None:
        if self._stage is not Stage.WAITING:
            return
        self._set_status(lambda: self.tr("Checking the answer with Amazon Pay…"))
        self._controller.link_returned(url)

    @Slot(str)
    def on_web_navigation_blocked(self, _url: str) -> None:
        self._blocked_shown = True
        self._blocked.setText(self._blocked_message())
        self._blocked.show()

    @Slot(bool)
    def on_web_load_finished(self, ok: bool) -> None:
        # A refused return URL also ends a load "not ok"; Chromium shows its own
        # error page when the consent page itself cannot load.
        log.debug("consent page loaded: %s", ok)
