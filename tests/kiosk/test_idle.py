"""The idle reset: a visible warning, "I'm still here", and never while paying."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from pos_app.checkout import types

from . import fakes
from .conftest import CHAI, make_kiosk, to_pay

IDLE_S = 0.3


def _kiosk(qtbot, controller, store):
    return make_kiosk(qtbot, controller, store, idle_timeout_s=IDLE_S, warning_s=1)


def test_idle_warns_then_wipes_cart_number_and_customer(
    qtbot, themed, controller, store
):
    kiosk = _kiosk(qtbot, controller, store)
    to_pay(kiosk, controller, fakes.customer("5000"))
    resets: list[str] = []
    kiosk.session_reset.connect(resets.append)

    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)
    assert kiosk.idle_warning.countdown_text == "Resetting in 1 s"
    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=3000)

    assert resets == ["idle"]
    assert len(kiosk.cart) == 0
    assert controller.customer is None
    assert controller.calls.new_sale == 1
    assert kiosk.screen_widget("phone").display_text == "_____ _____"
    assert not kiosk.idle_warning.isVisible()


def test_warning_shows_the_full_countdown_by_default(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.2)
    kiosk.start()
    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)
    assert kiosk.idle_warning.countdown_text == "Resetting in 15 s"
    assert kiosk.idle_watcher.seconds_left == 15


def test_im_still_here_keeps_the_sale(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=IDLE_S, warning_s=3)
    kiosk.start()
    kiosk.add_product(CHAI)
    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)

    button = kiosk.findChild(QPushButton, "stillHereButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert not kiosk.idle_warning.isVisible()
    assert kiosk.current_screen() == "shop"
    assert len(kiosk.cart) == 1


def test_any_input_restarts_the_idle_timer(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.5, warning_s=1)
    kiosk.start()
    shop = kiosk.screen_widget("shop")
    for _ in range(4):
        qtbot.wait(250)
        qtbot.mouseClick(shop, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not kiosk.idle_warning.isVisible()
    assert kiosk.current_screen() == "shop"


def test_no_reset_while_paying_then_it_happens_after(qtbot, themed, controller, store):
    kiosk = _kiosk(qtbot, controller, store)
    to_pay(kiosk, controller, fakes.customer("5000"))
    assert kiosk.screen_widget("pay").press_pay()
    postponed: list[bool] = []
    kiosk.idle_watcher.postponed.connect(lambda: postponed.append(True))

    qtbot.wait(1800)  # well past the idle time and the countdown
    assert postponed == [True]
    assert kiosk.current_screen() == "progress"
    assert not kiosk.idle_warning.isVisible()
    assert controller.calls.new_sale == 0
    assert not kiosk.reset("test")  # refused outright too

    controller.finish(fakes.result(types.Outcome.CHARGED))
    assert kiosk.current_screen() == "result"
    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=3000)
    assert len(kiosk.cart) == 0


def test_no_reset_while_a_consent_is_open(qtbot, themed, controller, store):
    kiosk = _kiosk(qtbot, controller, store)
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    kiosk.findChild(QPushButton, "linkQrButton").click()
    controller.open_link(fakes.session())
    controller._paying = False  # even if the flag were off, the session counts

    qtbot.wait(1800)
    assert kiosk.current_screen() == "link_qr"
    assert controller.calls.new_sale == 0
    assert kiosk.idle_watcher.postponed_now


def test_no_reset_while_a_hosted_page_is_open(qtbot, themed, controller, store):
    kiosk = _kiosk(qtbot, controller, store)
    to_pay(kiosk, controller, fakes.customer("50"))
    kiosk.screen_widget("pay").press_pay()
    controller.hosted_step = object()  # type: ignore[assignment]

    qtbot.wait(1500)
    assert kiosk.current_screen() == "progress"
    assert controller.calls.new_sale == 0


def test_a_payment_started_under_the_warning_stops_it(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=IDLE_S, warning_s=2)
    to_pay(kiosk, controller, fakes.customer("5000"))
    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)
    controller._paying = True  # e.g. a late tap reached the controller

    qtbot.waitUntil(lambda: not kiosk.idle_warning.isVisible(), timeout=3000)
    qtbot.wait(1200)
    assert controller.calls.new_sale == 0
    assert kiosk.current_screen() == "pay"


def test_attract_screen_does_not_count_idle_time(qtbot, themed, controller, store):
    kiosk = _kiosk(qtbot, controller, store)
    qtbot.wait(800)
    assert not kiosk.idle_warning.isVisible()
    assert not kiosk.idle_watcher.armed
