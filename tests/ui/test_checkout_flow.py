"""The real window, controller, service, sandbox (loopback HTTP) and SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.checkout.bootstrap import build_service
from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import Outcome, PaymentResult
from pos_app.config import AppConfig
from pos_app.sandbox.server import SandboxServer
from pos_app.ui.controller import CheckoutController
from pos_app.ui.main_window import MainWindow

from .conftest import CHAI, RICE

LINKED, DECLINED = "9999900001", "9999900004"


@pytest.fixture
def sandbox(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    latency = getattr(request, "param", 0)
    with SandboxServer(latency_ms=latency) as server:
        yield server


@pytest.fixture
def live(
    qtbot: QtBot, sandbox: SandboxServer
) -> Iterator[tuple[MainWindow, CheckoutController, CheckoutService]]:
    service = build_service(AppConfig(), sandbox=sandbox)
    controller = CheckoutController(lambda: service)
    window = MainWindow(controller, gateway_label="Embedded sandbox")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    controller.start()
    qtbot.waitUntil(window.payment_panel.has_methods, timeout=10_000)
    yield window, controller, service
    controller.shutdown()


def _ready_to_pay(qtbot: QtBot, window: MainWindow, phone: str) -> None:
    assert window.add_product(CHAI)
    assert window.add_product(RICE)
    window.set_phone_text(phone)
    window.look_up()
    qtbot.waitUntil(window.customer_shown, timeout=10_000)


def _pay(
    qtbot: QtBot, window: MainWindow, controller: CheckoutController
) -> PaymentResult:
    with qtbot.waitSignal(controller.payment_finished, timeout=20_000) as blocker:
        assert window.pay()
    result = blocker.args[0]
    assert isinstance(result, PaymentResult)
    return result


def test_linked_customer_pays_and_the_sale_is_journaled(qtbot, live, tmp_path):
    window, controller, service = live
    _ready_to_pay(qtbot, window, LINKED)

    result = _pay(qtbot, window, controller)

    assert result.outcome is Outcome.CHARGED
    assert result.amount.to_gateway() == "334.50"
    assert window.current_screen() == "result"
    assert window.result_view.title == "Payment received"
    sale = service.store.get_sale_by_order(result.order_id)
    assert sale is not None and sale.status == "paid" and sale.total_paise == 33450
    assert [a.status for a in service.store.attempts_for(sale.id)] == ["charged"]
    assert window.grab().save(str(tmp_path / "paid.png"))


def test_decline_shows_retry_and_a_retry_is_a_new_attempt_on_the_same_order(
    qtbot, live
):
    window, controller, service = live
    _ready_to_pay(qtbot, window, DECLINED)
    first = _pay(qtbot, window, controller)
    assert first.outcome is Outcome.DECLINED
    retry = window.result_view.findChild(QPushButton, "retryButton")
    assert retry is not None and retry.isVisible()

    with qtbot.waitSignal(controller.payment_finished, timeout=20_000) as blocker:
        retry.click()
    second = blocker.args[0]

    assert second.outcome is Outcome.DECLINED
    assert second.order_id == first.order_id
    sale = service.store.get_sale_by_order(first.order_id)
    assert [a.status for a in service.store.attempts_for(sale.id)] == [
        "failed",
        "failed",
    ]


@pytest.mark.parametrize("sandbox", [400], indirect=True)
def test_window_stays_responsive_while_a_slow_gateway_answers(qtbot, live):
    window, controller, _service = live
    _ready_to_pay(qtbot, window, LINKED)
    clock, gaps, last = QElapsedTimer(), [], [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    result = _pay(qtbot, window, controller)
    timer.stop()

    assert result.outcome is Outcome.CHARGED
    # 4 gateway calls at 400 ms each: the GUI thread kept ticking the whole time.
    assert clock.elapsed() >= 1600
    assert len(gaps) > 100
    assert max(gaps[1:]) < 120, max(gaps)


def test_double_tap_on_pay_charges_once(qtbot, live, sandbox):
    window, controller, _service = live
    _ready_to_pay(qtbot, window, LINKED)
    pay_button = window.findChild(QPushButton, "payButton")
    assert pay_button is not None

    with qtbot.waitSignal(controller.payment_finished, timeout=20_000):
        pay_button.click()
        pay_button.click()
        window.pay()
    qtbot.wait(300)

    txns = [r for r in sandbox.requests if r.path == "/txns"]
    assert len(txns) == 1


def test_manager_refund_and_recheck_run_off_the_gui_thread(qtbot, live):
    window, controller, service = live
    _ready_to_pay(qtbot, window, LINKED)
    paid = _pay(qtbot, window, controller)
    assert paid.outcome is Outcome.CHARGED
    assert controller.store is service.store

    with qtbot.waitSignal(controller.manager_message, timeout=10_000) as refunded:
        controller.refund(paid.order_id)
    with qtbot.waitSignal(controller.manager_message, timeout=10_000) as rechecked:
        controller.recheck(paid.order_id)

    assert "334.50" in refunded.args[0] or "₹334.50" in refunded.args[0]
    assert f"{paid.order_id} is paid." in rechecked.args[0]
    sale = service.store.get_sale_by_order(paid.order_id)
    from pos_app.store.refunds import Refunds

    assert [r.amount_paise for r in Refunds(service.store).refunds_for(sale.id)] == [
        33450
    ]
