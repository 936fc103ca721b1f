"""The kiosk on the real controller, service, sandbox (loopback) and SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
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
    assert kiosk.screen_widget("result").title == "Done — take your receipt"
    sale = service.store.get_sale_by_order(result.order_id)
    assert sale is not None and sale.status == "paid"
    assert kiosk.grab().save(str(tmp_path / "kiosk-paid.png"))

    assert kiosk.reset("finished")
    qtbot.waitUntil(lambda: controller.customer is None, timeout=5_000)
    assert kiosk.current_screen() == "attract"
    assert len(kiosk.cart) == 0
