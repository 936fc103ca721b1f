"""The kiosk with Qt WebEngine: a gateway page opens, is used, and the kiosk lives.

Real controller, service, SQLite file, loopback sandbox and web engine. The idle
watcher follows only the kiosk's own widgets: an application-wide Python event
filter also saw WebEngine's internal objects, and PySide6 crashed the process
(SIGSEGV) as soon as a page opened on the kiosk.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.checkout.bootstrap import build_service
from pos_app.checkout.types import Outcome
from pos_app.config import AppConfig
from pos_app.sandbox.server import SandboxServer
from pos_app.ui.controller import CheckoutController
from pos_app.ui.kiosk import KioskWindow, idle

from .conftest import CHAI

SHORT = "9999900002"  # ₹50.00 balance: the rest on the CCT page
CARD_FORM = """
document.getElementById('card-number').value = '4111 1111 1111 1111';
document.getElementById('card-expiry').value = '12/30';
document.getElementById('card-cvv').value = '123';
document.getElementById('pay-card').click();
true
"""


@pytest.fixture
def live(qtbot: QtBot, themed) -> Iterator[tuple[KioskWindow, CheckoutController]]:
    with SandboxServer() as sandbox:
        service = build_service(AppConfig(), sandbox=sandbox)
        controller = CheckoutController(lambda: service)
        kiosk = KioskWindow(controller, store_getter=lambda: controller.store)
        qtbot.addWidget(kiosk)
        kiosk.resize(1280, 800)
        kiosk.show()
        controller.start()
        qtbot.waitUntil(lambda: controller.ready, timeout=10_000)
        yield kiosk, controller
        controller.shutdown()


def _js(qtbot: QtBot, view, script: str) -> object:
    answer: list[object] = []
    view.run_js(script, answer.append)
    qtbot.waitUntil(lambda: bool(answer), timeout=15_000)
    return answer[0]


def _wait_for_element(qtbot: QtBot, view, element: str) -> None:
    deadline = time.monotonic() + 20
    while _js(qtbot, view, f"!!document.getElementById({element!r})") is not True:
        assert time.monotonic() < deadline, f"the page never showed #{element}"
        qtbot.wait(50)


def test_a_short_balance_pays_the_rest_on_the_page_and_the_kiosk_lives(qtbot, live):
    kiosk, controller = live
    kiosk.start()
    for _ in range(4):  # ₹580.00 against a ₹50.00 balance
        assert kiosk.add_product(CHAI)
    kiosk.screen_widget("shop").on_next_clicked()
    assert kiosk.enter_phone(SHORT) is not None
    qtbot.waitUntil(lambda: kiosk.current_screen() == "pay", timeout=10_000)

    with qtbot.waitSignal(controller.payment_finished, timeout=60_000) as finished:
        assert kiosk.screen_widget("pay").press_pay()
        qtbot.waitUntil(lambda: kiosk.current_screen() == "web", timeout=20_000)
        view = kiosk.screen_widget("web").view
        assert view is not None
        assert view.property(idle.SKIP_PROPERTY) is True  # not watched
        _wait_for_element(qtbot, view, "card-number")
        qtbot.wait(300)  # the page is drawn and takes input: the process is alive
        _js(qtbot, view, CARD_FORM)

    assert finished.args[0].outcome is Outcome.CHARGED
    qtbot.waitUntil(lambda: kiosk.current_screen() == "result", timeout=10_000)


def test_widgets_added_later_still_count_as_the_customer_being_there(qtbot, kiosk):
    # Cart rows are built when an item is added: the watcher follows them.
    watcher = kiosk.idle_watcher
    kiosk.start()
    assert watcher.armed
    assert kiosk.add_product(CHAI)
    qtbot.wait(20)  # ChildPolished reaches the watcher
    plus = next(
        b
        for b in kiosk.screen_widget("shop").findChildren(QPushButton)
        if b.isVisible() and b.text() == "+"
    )
    watcher.on_idle_timeout()  # the warning is up ...
    assert watcher.warning_shown
    qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
    assert not watcher.warning_shown  # ... and a tap on a new row cancels it
