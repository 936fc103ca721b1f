"""The kiosk on the real controller, service, sandbox (loopback) and SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.checkout.bootstrap import build_service
from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import Outcome
from pos_app.config import AppConfig
from pos_app.sandbox.server import SandboxServer
from pos_app.ui.controller import CheckoutController
from pos_app.ui.kiosk import KioskWindow

from .conftest import CHAI, RICE

LINKED = "9999900001"


@pytest.fixture
def live(
    qtbot: QtBot, themed
) -> Iterator[tuple[KioskWindow, CheckoutController, CheckoutService]]:
    with SandboxServer() as sandbox:
        service = build_service(AppConfig(), sandbox=sandbox)
        controller = CheckoutController(lambda: service)
        kiosk = KioskWindow(controller, store_getter=lambda: controller.store)
        qtbot.addWidget(kiosk)
        kiosk.resize(1280, 800)
        kiosk.show()
        controller.start()
        qtbot.waitUntil(lambda: controller.ready, timeout=10_000)
        qtbot.waitUntil(
            lambda: "Amazon Pay" in kiosk.screen_widget("attract").methods_text,
            timeout=10_000,
        )
        yield kiosk, controller, service
        controller.shutdown()


def test_linked_customer_pays_end_to_end_on_the_kiosk(qtbot, live, tmp_path):
    kiosk, controller, service = live
    kiosk.start()
    assert kiosk.add_product(CHAI)
    assert kiosk.add_product(RICE)
    kiosk.screen_widget("shop").on_next_clicked()
    assert kiosk.enter_phone(LINKED) is not None
    qtbot.waitUntil(lambda: kiosk.current_screen() == "pay", timeout=10_000)
    pay = kiosk.screen_widget("pay")
    assert pay.panel == "linked"

    with qtbot.waitSignal(controller.payment_finished, timeout=20_000) as blocker:
        assert pay.press_pay()
    result = blocker.args[0]

    assert result.outcome is Outcome.CHARGED
    assert result.amount.to_gateway() == "334.50"
    assert kiosk.current_screen() == "result"
    assert kiosk.screen_widget("result").title == "Paid — thank you"
    sale = service.store.get_sale_by_order(result.order_id)
    assert sale is not None and sale.status == "paid"
    assert kiosk.grab().save(str(tmp_path / "kiosk-paid.png"))

    assert kiosk.reset("finished")
    qtbot.waitUntil(lambda: controller.customer is None, timeout=5_000)
    assert kiosk.current_screen() == "attract"
    assert len(kiosk.cart) == 0


def test_the_paid_kiosk_offers_this_orders_receipt(qtbot, live):
    """The QR code on the result is this order's signed e-receipt; no printer is set
    up here, and the real controller's answer is said in plain words."""
    from pos_app import receipts
    from pos_app.ui.kiosk.finish import PrintState

    from .test_receipts import _scan

    kiosk, controller, service = live
    kiosk.start()
    assert kiosk.add_product(CHAI)
    kiosk.screen_widget("shop").on_next_clicked()
    assert kiosk.enter_phone(LINKED) is not None
    qtbot.waitUntil(lambda: kiosk.current_screen() == "pay", timeout=10_000)
    with qtbot.waitSignal(controller.payment_finished, timeout=20_000) as blocker:
        assert kiosk.screen_widget("pay").press_pay()
    result = blocker.args[0]
    assert result.outcome is Outcome.CHARGED
    screen = kiosk.screen_widget("result")
    qtbot.wait(1)

    scanned = _scan(screen.receipt_qr)
    assert scanned == [screen.ereceipt]
    claim = receipts.verify(scanned[0], receipts.load_settings().ereceipt_key)
    assert claim.order_id == result.order_id
    assert claim.total == result.receipt.total
    assert service.store.get_sale_by_order(claim.order_id).status == "paid"

    with qtbot.waitSignal(controller.receipt_message, timeout=10_000):
        screen.findChild(QPushButton, "kioskPrintReceiptButton").click()
    assert screen.print_state is PrintState.NO_PRINTER
    assert screen.print_text.startswith("The printer is not available right now.")

    assert kiosk.reset("finished")
    assert screen.ereceipt == "" and screen.print_text == ""
