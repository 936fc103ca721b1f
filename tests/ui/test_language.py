"""The counter in Hindi: every screen switches live and reads the same as one built
in Hindi, the texts fit at 1280x800, and screen readers still get a name for
every control.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_app.checkout import types
from pos_app.domain.money import Money
from pos_app.domain.states import Flow
from pos_app.ui import hosted_pages
from pos_app.ui.cart_model import CartModel
from pos_app.ui.ereceipt_dialog import EReceiptDialog
from pos_app.ui.link_dialog import LinkDialog, Stage
from pos_app.ui.main_window import MainWindow
from pos_app.ui.web import HostedPageDialog, PageKind

from . import fakes
from .conftest import CHAI, RICE

Build = Callable[[], QWidget]
Retranslates = Callable[[Build], None]
Speak = Callable[[str], str]


def devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


@pytest.fixture(autouse=True)
def _counter_catalogue(request: pytest.FixtureRequest) -> None:
    """Fail at once, saying why, if the Hindi catalogue lacks the counter's texts."""
    if not {"speak", "assert_retranslates"} & set(request.fixturenames):
        return  # this test does not switch language
    speak: Speak = request.getfixturevalue("speak")
    speak("hi")
    missing = QCoreApplication.translate("CartView", "Cart") == "Cart"
    speak("en")
    assert not missing, "the Hindi catalogue has no counter texts (POS_I18N_DIR?)"


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[..., tuple[MainWindow, fakes.FakeController]]:
    """A new counter window on its own fake controller, shown at 1280x800.

    Each window lives until the test ends: a helper may return only its dialog,
    and the dialog goes when its window is collected.
    """
    made: list[tuple[MainWindow, fakes.FakeController]] = []

    def make(ready: bool = True) -> tuple[MainWindow, fakes.FakeController]:
        controller = fakes.FakeController()
        window = MainWindow(controller, gateway_label="Sandbox")  # type: ignore[arg-type]
        made.append((window, controller))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        if ready:
            controller.become_ready()
        return window, controller

    return make


def fill(window: MainWindow) -> None:
    assert window.add_product(CHAI)
    assert window.add_product(RICE)
    assert window.add_product(RICE)
    assert window.add_amount("250")


# -- the window, in each state, switches as if built in Hindi -----------------------


def test_empty_window_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    assert_retranslates(lambda: make_window()[0])


def test_starting_window_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    assert_retranslates(lambda: make_window(ready=False)[0])


def test_window_with_items_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.unresolved_changed.emit(2)
        return window

    assert_retranslates(build)


def test_window_with_a_customer_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.give_customer(fakes.customer("500"))  # short balance
        return window

    assert_retranslates(build)


def test_bad_number_and_bad_amount_retranslate(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    def build() -> QWidget:
        window, _controller = make_window()
        fill(window)
        window.set_phone_text("12345")
        window.look_up()
        assert not window.add_amount("1.234")
        return window

    assert_retranslates(build)


def test_unlinked_customer_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.give_customer(fakes.customer(linked=False))
        return window

    assert_retranslates(build)


def test_bad_number_error_is_said_in_hindi(
    speak: Speak, make_window: Callable[..., tuple]
) -> None:
    window, _controller = make_window()
    window.set_phone_text("12345")
    window.look_up()
    english = window.customer_panel.message
    assert english == "Enter the 10-digit mobile number"

    speak("hi")
    QApplication.processEvents()

    assert devanagari(window.customer_panel.message)
    speak("en")
    QApplication.processEvents()
    assert window.customer_panel.message == english


def test_progress_screen_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.give_customer(fakes.customer("5000"))
        assert window.pay()
        return window

    assert_retranslates(build)


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (types.Outcome.CHARGED, ""),
        (types.Outcome.DECLINED, "Amazon Pay declined the payment."),
        (types.Outcome.UNKNOWN, ""),
    ],
)
def test_result_screen_retranslates(
    assert_retranslates: Retranslates,
    make_window: Callable[..., tuple],
    outcome: types.Outcome,
    message: str,
) -> None:
    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.give_customer(fakes.customer("5000"))
        assert window.pay()
        lines = tuple(window.cart_model.cart.lines)
        controller.finish(
            fakes.result(
                outcome,
                amount=window.cart_model.total.to_gateway(),
                lines=lines,
                message=message,
                retryable=outcome is types.Outcome.DECLINED,
                error_code="DECLINED" if message else "",
            )
        )
        assert window.current_screen() == "result"
        return window

    assert_retranslates(build)


def test_hosted_page_progress_retranslates(
    assert_retranslates: Retranslates,
    make_window: Callable[..., tuple],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The page itself needs Chromium; the progress screen behind it does not.
    monkeypatch.setattr(hosted_pages.HostedPageOpener, "open", lambda *a: True)

    def build() -> QWidget:
        window, controller = make_window()
        fill(window)
        controller.give_customer(fakes.customer("50"))
        assert window.pay()
        controller.hosted_page_requested.emit(
            types.HostedStep(
                kind=types.HostedKind.CCT,
                order_id="T01CCT",
                attempt_id=1,
                amount=window.cart_model.total,
                url="http://127.0.0.1:9/cct",
                return_url="https://pos.invalid/return",
                allowed_hosts=("127.0.0.1:9",),
                flow=Flow.CCT_TOPUP,
                covered=Money.from_decimal("50"),
                remaining=window.cart_model.total - Money.from_decimal("50"),
            )
        )
        return window

    assert_retranslates(build)


# -- dialogs --------------------------------------------------------------------


def link_dialog(make_window: Callable[..., tuple], end: bool = False) -> LinkDialog:
    window, controller = make_window()
    assert window.add_product(CHAI)
    controller.give_customer(fakes.customer(linked=False, masked="******3210"))
    assert window.link_and_pay()
    dialog = window.link_dialog
    assert dialog is not None
    controller.open_link(fakes.link_session())
    assert dialog.stage is Stage.WAITING
    if end:
        controller.end_link(types.LinkState.DENIED)
        assert dialog.stage is Stage.DENIED
    return dialog


def test_link_dialog_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    assert_retranslates(lambda: link_dialog(make_window))


def test_link_dialog_ending_retranslates(
    assert_retranslates: Retranslates, make_window: Callable[..., tuple]
) -> None:
    assert_retranslates(lambda: link_dialog(make_window, end=True))


@pytest.mark.parametrize("kind", list(PageKind))
def test_hosted_dialog_retranslates(
    qtbot: QtBot, assert_retranslates: Retranslates, kind: PageKind
) -> None:
    step = types.HostedStep(
        kind=types.HostedKind.OTP if kind is PageKind.OTP else types.HostedKind.CCT,
        order_id="T01X",
        attempt_id=1,
        amount=Money.from_decimal("500"),
        url="http://127.0.0.1:9/page",
        return_url="https://pos.invalid/return",
        allowed_hosts=("127.0.0.1:9",),
        flow=Flow.CCT_TOPUP,
        route="PAYU",
    )

    def build() -> QWidget:
        dialog = HostedPageDialog(kind)  # no page loaded: no Chromium
        qtbot.addWidget(dialog)
        if kind is not PageKind.CONSENT:
            dialog.set_explanation(lambda: hosted_pages.explain(step, "PayU"))
        dialog.show()
        return dialog

    assert_retranslates(build)


def test_ereceipt_dialog_retranslates(
    qtbot: QtBot, assert_retranslates: Retranslates
) -> None:
    def build() -> QWidget:
        dialog = EReceiptDialog("https://pos.invalid/r/T01ABC", "₹145.00")
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    assert_retranslates(build)


# -- details ----------------------------------------------------------------------


def test_cart_header_follows_the_language(
    speak: Speak, make_window: Callable[..., tuple]
) -> None:
    window, _controller = make_window()
    fill(window)
    model = window.cart_model
    header = Qt.Orientation.Horizontal
    assert model.headerData(CartModel.QTY, header) == "Qty"
    changed: list[tuple[object, ...]] = []
    model.headerDataChanged.connect(lambda *args: changed.append(args))

    speak("hi")
    QApplication.processEvents()

    assert changed  # the header view reads the new texts at once
    assert model.headerData(CartModel.QTY, header) == "मात्रा"
    assert model.headerData(CartModel.TOTAL, header) == "कुल"
    amount_row = len(model.cart) - 1
    assert model.data(model.index(amount_row, CartModel.ITEM)) == "राशि"
    assert model.cart.lines[amount_row].name == "Amount"  # the cart keeps English
    speak("en")
    QApplication.processEvents()
    assert model.headerData(CartModel.QTY, header) == "Qty"


def test_the_methods_line_keeps_separators_with_the_word_before() -> None:
    from pos_app.ui.method_cards import other_methods_label

    options = [
        types.MethodOption("UPI", "UPI_COLLECT", "UPI", False, "no"),
        types.MethodOption("NB", "NB_HDFC", "HDFC Bank", False, "no"),
        types.MethodOption("WALLET", "PAYTM", "Paytm", False, "no"),
    ]

    text = other_methods_label(options)

    assert text == "UPI\u00a0· Net\u00a0banking\u00a0(HDFC\u00a0Bank)\u00a0· Paytm"
    assert " ·" not in text  # a line can never end before a dot


def clipped(window: QWidget) -> list[str]:
    """Visible labels and buttons that do not wrap and are narrower than their text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text():
                continue
        elif not isinstance(widget, QPushButton) or not widget.text():
            continue
        need = widget.sizeHint().width()
        if widget.width() < need:
            text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
            found.append(f"{widget.objectName()} {text!r}: {widget.width()} < {need}")
    return found


@pytest.mark.usefixtures("themed")
@pytest.mark.parametrize(
    "state", ["empty", "customer", "unlinked", "bad-number", "progress", "result"]
)
def test_hindi_fits_at_1280x800(
    speak: Speak, make_window: Callable[..., tuple], state: str
) -> None:
    speak("hi")
    window, controller = make_window()
    if state != "empty":
        fill(window)
    if state in ("customer", "progress", "result"):
        controller.give_customer(fakes.customer("500"))
    if state == "unlinked":
        controller.give_customer(fakes.customer(linked=False))
    if state == "bad-number":
        window.set_phone_text("12345")
        window.look_up()
    if state in ("progress", "result"):
        assert window.pay()
    if state == "result":
        controller.finish(
            fakes.result(
                types.Outcome.CHARGED,
                amount=window.cart_model.total.to_gateway(),
                lines=tuple(window.cart_model.cart.lines),
            )
        )
    for _ in range(3):
        QApplication.processEvents()
    assert window.size().width() == 1280

    assert clipped(window) == []


@pytest.mark.usefixtures("themed")
def test_link_dialog_fits_in_hindi(
    speak: Speak, make_window: Callable[..., tuple]
) -> None:
    speak("hi")
    dialog = link_dialog(make_window)
    QApplication.processEvents()
    assert clipped(dialog) == []


def test_every_focusable_widget_has_an_accessible_name_in_hindi(
    speak: Speak, make_window: Callable[..., tuple]
) -> None:
    speak("hi")
    window, controller = make_window()
    fill(window)
    controller.give_customer(fakes.customer("5000"))
    assert window.pay()
    controller.finish(
        fakes.result(types.Outcome.DECLINED, message="No.", retryable=True)
    )
    controller.give_customer(fakes.customer(linked=False))

    focusable = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    missing = [
        f"{type(w).__name__}#{w.objectName()}"
        for w in focusable
        if not w.accessibleName()
    ]
    assert missing == []
    named = [w.accessibleName() for w in focusable]
    assert sum(devanagari(name) for name in named) > len(named) // 2


def test_the_gateway_named_by_the_settings_is_said_in_hindi(qtbot: QtBot, speak: Speak):
    from PySide6.QtWidgets import QLabel

    from pos_app.config import AppConfig

    controller = fakes.FakeController()
    window = MainWindow(controller, gateway_label=AppConfig().gateway_label)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    controller.become_ready()
    status = window.findChild(QLabel, "gatewayStatus")
    assert status is not None
    assert "Embedded sandbox" in status.text()
    speak("hi")
    qtbot.wait(20)  # LanguageChange is posted to each widget
    assert "Embedded sandbox" not in status.text()
    assert devanagari(status.text())
