"""The whole window: paying, progress, results, new sale, keys and accessibility."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.checkout.types import Outcome
from pos_app.ui.main_window import MainWindow

from . import fakes
from .conftest import CHAI


def button(window: MainWindow, name: str) -> QPushButton:
    return window.findChild(QPushButton, name)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_title_size_and_status(
    window: MainWindow, controller: fakes.FakeController
) -> None:
    status = window.findChild(QLabel, "gatewayStatus")
    assert window.windowTitle() == "pos_app — Counter"
    assert window.minimumWidth() >= 1100
    assert window.minimumHeight() >= 700
    assert "Connecting to payment gateway…" in status.text()

    controller.become_ready()
    controller.busy_changed.emit(True)

    assert "Sandbox: connected" in status.text()
    assert window.findChild(QLabel, "busyStatus").isVisible()
    controller.methods_failed.emit("Cannot reach the payment gateway.")
    assert "Sandbox: not reachable" in status.text()


def test_startup_failure_is_shown(
    window: MainWindow, controller: fakes.FakeController
) -> None:
    controller.startup_failed.emit("The checkout could not start: disk full")

    assert "disk full" in window.findChild(QLabel, "gatewayStatus").text()
    assert not button(window, "payButton").isEnabled()


def test_pay_shows_progress_with_steps(
    qtbot: QtBot, payable: MainWindow, controller: fakes.FakeController
) -> None:
    qtbot.mouseClick(button(payable, "payButton"), Qt.MouseButton.LeftButton)

    assert payable.current_screen() == "progress"
    lines, method = controller.calls.pay[0]
    assert method == fakes.AMAZON
    assert [line.sku for line in lines] == [CHAI]
    progress = payable.findChild(QWidget, "progressView")
    assert progress.isVisible()
    assert payable.progress_view.amount_text == "₹145.00"
    assert not payable.findChild(QWidget, "leftPane").isEnabled()

    controller.payment_progress.emit("Confirming with Amazon Pay")

    assert payable.progress_view.step == "Confirming with Amazon Pay…"


def test_double_click_while_paying_pays_once(
    qtbot: QtBot, payable: MainWindow, controller: fakes.FakeController
) -> None:
    pay = button(payable, "payButton")

    qtbot.mouseDClick(pay, Qt.MouseButton.LeftButton)
    pay.click()
    assert not payable.pay()

    assert len(controller.calls.pay) == 1


class _SlowController(fakes.FakeController):
    """Accepts the payment but announces it only later (a slow GUI thread)."""

    def pay(self, cart, method):  # type: ignore[no-untyped-def]
        self.calls.pay.append((tuple(cart.lines), method))
        return True


def test_pay_locks_itself_before_the_controller_answers(qtbot: QtBot) -> None:
    controller = _SlowController()
    window = MainWindow(controller)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    controller.become_ready()
    window.add_product(CHAI)
    controller.give_customer(fakes.customer())
    pay = button(window, "payButton")

    pay.click()
    pay.click()
    window.pay()

    assert len(controller.calls.pay) == 1
    assert not pay.isEnabled()


def test_success_shows_the_receipt(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()

    controller.finish(fakes.result(Outcome.CHARGED))

    view = payable.result_view
    assert payable.current_screen() == "result"
    assert payable.findChild(QLabel, "resultTitle").text() == "Payment received"
    assert view.message == "Paid with Amazon Pay balance"
    summary = view.summary_texts()
    for expected in ("Masala Chai (250 g)", "₹145.00", "******3210", "₹4,855.00"):
        assert expected in summary
    assert "T01ABC123XYZ" in summary
    assert "Balance after" in summary
    assert button(payable, "newSaleButton").isVisible()
    assert not button(payable, "retryButton").isVisible()


@pytest.mark.parametrize(
    ("outcome", "title"),
    [
        (Outcome.DECLINED, "Payment declined"),
        (Outcome.ERROR, "Payment not made"),
        (Outcome.CANCELLED, "Payment cancelled"),
    ],
)
def test_failure_explains_and_offers_next_steps(
    qtbot: QtBot,
    payable: MainWindow,
    controller: fakes.FakeController,
    outcome: Outcome,
    title: str,
) -> None:
    payable.pay()
    message = "The balance is too low. Nothing was charged."

    controller.finish(
        fakes.result(
            outcome,
            message=message,
            retryable=True,
            error_code="E42",
            details={"status": "JUSPAY_DECLINED"},
        )
    )

    assert payable.result_view.title == title
    assert payable.result_view.message == message
    assert button(payable, "retryButton").isVisible()
    assert button(payable, "otherMethodButton").isVisible()
    assert not button(payable, "newSaleButton").isVisible()

    qtbot.mouseClick(button(payable, "copyDetailsButton"), Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    for expected in ("T01ABC123XYZ", "E42", "status: JUSPAY_DECLINED"):
        assert expected in copied


def test_retry_pays_again_with_the_same_method(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()
    controller.finish(fakes.result(Outcome.DECLINED, message="No.", retryable=True))

    button(payable, "retryButton").click()

    assert len(controller.calls.pay) == 2
    assert controller.calls.pay[1][1] == fakes.AMAZON
    assert payable.current_screen() == "progress"


def test_other_method_goes_back_to_the_sale(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()
    controller.finish(fakes.result(Outcome.ERROR, message="No.", retryable=True))

    button(payable, "otherMethodButton").click()

    assert payable.current_screen() == "sale"
    assert payable.cart_model.rowCount() == 1
    assert button(payable, "payButton").isEnabled()


def test_not_retryable_failure_offers_only_a_new_sale(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()

    controller.finish(fakes.result(Outcome.DECLINED, message="Blocked."))

    assert not button(payable, "retryButton").isVisible()
    assert button(payable, "newSaleButton").isVisible()


def test_unknown_is_honest(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()

    controller.finish(fakes.result(Outcome.UNKNOWN, message=""))

    assert payable.result_view.title == "Checking the payment"
    assert payable.result_view.message == (
        "We are checking this payment with Amazon Pay. Do not charge again."
    )
    assert "T01ABC123XYZ" in payable.result_view.summary_texts()
    assert not button(payable, "retryButton").isVisible()


def test_new_sale_resets_everything(
    qtbot: QtBot, payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()
    controller.finish(fakes.result(Outcome.CHARGED))

    qtbot.mouseClick(button(payable, "newSaleButton"), Qt.MouseButton.LeftButton)

    assert payable.current_screen() == "sale"
    assert payable.cart_model.rowCount() == 0
    assert payable.findChild(QLabel, "totalLabel").text() == "₹0.00"
    assert controller.calls.new_sale == 1
    assert payable.findChild(QLineEdit, "phoneEdit").isVisible()
    assert payable.findChild(QWidget, "leftPane").isEnabled()
    assert not button(payable, "payButton").isEnabled()


def test_shortcuts(
    qtbot: QtBot, payable: MainWindow, controller: fakes.FakeController
) -> None:
    activate(qtbot, payable)
    controller.give_customer(None)

    QTest.keyClick(payable, Qt.Key.Key_F2)
    assert payable.focusWidget() is payable.findChild(QLineEdit, "phoneEdit")

    controller.give_customer(fakes.customer())
    QTest.keyClick(
        payable.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert len(controller.calls.pay) == 1

    QTest.keyClick(payable, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert payable.current_screen() == "progress"  # no new sale while paying

    controller.finish(fakes.result(Outcome.CHARGED))
    QTest.keyClick(payable, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert payable.current_screen() == "sale"
    assert payable.cart_model.rowCount() == 0


def test_f12_pays(
    qtbot: QtBot, payable: MainWindow, controller: fakes.FakeController
) -> None:
    activate(qtbot, payable)

    QTest.keyClick(payable, Qt.Key.Key_F12)

    assert len(controller.calls.pay) == 1


def test_every_focusable_widget_has_an_accessible_name(
    payable: MainWindow, controller: fakes.FakeController
) -> None:
    payable.pay()
    controller.finish(fakes.result(Outcome.DECLINED, message="No.", retryable=True))
    controller.give_customer(fakes.customer(linked=False))

    missing = [
        f"{type(widget).__name__}#{widget.objectName()}"
        for widget in payable.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
    ]

    assert missing == []


def test_key_object_names_exist(
    window: MainWindow, controller: fakes.FakeController
) -> None:
    controller.become_ready()
    names = [
        "productGrid",
        "freeAmountEdit",
        "addAmountButton",
        "cartTable",
        "totalLabel",
        "phoneEdit",
        "lookupButton",
        "methodList",
        "amazonPayCard",
        "balanceLabel",
        "payButton",
        "progressView",
        "resultView",
        "resultTitle",
        "newSaleButton",
        "retryButton",
        "otherMethodButton",
    ]

    assert [n for n in names if window.findChild(QWidget, n) is None] == []


def test_window_module_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, pos_app.ui.main_window;"
        "heavy = ('sqlmodel', 'sqlalchemy', 'httpx', 'PySide6.QtWebEngine');"
        "print([m for m in sys.modules if m.startswith(heavy)])"
    )

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert out.stdout.strip() == "[]"


def test_demo_driver_methods(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    assert ready_window.controller is controller
    ready_window.add_product(CHAI)
    assert ready_window.add_amount("20")

    ready_window.set_phone_text("9876543210")
    ready_window.look_up()
    assert not ready_window.customer_shown()
    controller.give_customer(fakes.customer())

    assert ready_window.customer_shown()
    assert ready_window.pay()
    controller.finish(fakes.result(Outcome.CHARGED))
    assert ready_window.new_sale()
    assert ready_window.cart_model.rowCount() == 0


def test_payments_being_checked_are_shown_honestly(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    from PySide6.QtWidgets import QLabel

    label = ready_window.findChild(QLabel, "unresolvedStatus")
    assert label is not None and not label.isVisible()

    controller.unresolved_changed.emit(2)
    assert label.isVisible() and "2 payments being checked" in label.text()
    controller.unresolved_changed.emit(1)
    assert "1 payment being checked" in label.text()
    controller.unresolved_changed.emit(0)
    assert not label.isVisible()


def test_a_paid_result_offers_a_printed_receipt_and_an_ereceipt_qr(
    payable: MainWindow, controller: fakes.FakeController, qtbot, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from pos_app.ui.ereceipt_dialog import EReceiptDialog

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    assert payable.pay()
    controller.finish(fakes.result(Outcome.CHARGED))
    print_button = payable.findChild(QPushButton, "printReceiptButton")
    qr_button = payable.findChild(QPushButton, "eReceiptButton")
    assert print_button.isVisible() and qr_button.isVisible()

    print_button.click()
    qr_button.click()

    assert [kind for kind, _ in controller.calls.manager] == ["print_receipt"]
    dialog = payable.findChild(EReceiptDialog)
    assert dialog is not None and dialog.isVisible()
    assert "T01ABC123XYZ" in dialog.qr.url  # the signed payload names the order
    controller.receipt_message.emit("Printed.")
    assert payable.statusBar().currentMessage() == "Printed."


def test_the_manager_menu_is_there_and_waits_for_the_checkout(
    ready_window: MainWindow, monkeypatch
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: said.append(text)
    )
    actions = {a.objectName(): a for a in ready_window.findChildren(QAction)}
    assert {"dayReviewAction", "gatewaySettingsAction", "supportLogAction"} <= set(
        actions
    )

    actions["dayReviewAction"].trigger()  # the fake has no store

    assert said and "still connecting" in said[0]


def test_settings_wait_for_the_payment_in_progress(
    payable: MainWindow, controller: fakes.FakeController, monkeypatch
) -> None:
    # The settings dialog applies the language at once: never mid-payment.
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from pos_app.ui import settings_dialog

    said: list[str] = []
    opened: list[object] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: said.append(text)
    )
    monkeypatch.setattr(
        settings_dialog, "open_settings", lambda *a, **k: opened.append(a)
    )
    actions = {a.objectName(): a for a in payable.findChildren(QAction)}
    assert payable.pay()
    assert controller.paying

    actions["gatewaySettingsAction"].trigger()

    assert opened == []
    assert said and "payment is in progress" in said[0]
