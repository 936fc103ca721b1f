"""Call staff, and the staff exit behind the manager PIN."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QPushButton

from pos_app.store import settings

from . import fakes
from .conftest import CHAI, PIN, make_kiosk


def _click(kiosk, name: str) -> None:
    button = kiosk.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    button.click()


def test_call_staff_on_every_step_shows_a_calm_banner(qtbot, kiosk, controller, caplog):
    caplog.set_level(logging.INFO, logger="pos_app.ui.kiosk.window")
    calls: list[bool] = []
    kiosk.staff_called.connect(lambda: calls.append(True))

    _click(kiosk, "callStaffButton")  # the attract screen
    kiosk.start()
    _click(kiosk, "callStaffButton")  # the shop
    kiosk.add_product(CHAI)
    kiosk.findChild(QPushButton, "toPhoneButton").click()
    _click(kiosk, "callStaffButton")  # the number

    assert calls == [True, True, True]
    assert kiosk.staff_banner.isVisible()
    assert kiosk.staff_banner.message.startswith("Staff have been called.")
    assert "called staff" in caplog.text

    _click(kiosk, "staffBannerOkButton")
    assert not kiosk.staff_banner.isVisible()


def test_right_pin_exits(qtbot, kiosk):
    exits: list[bool] = []
    kiosk.exit_requested.connect(lambda: exits.append(True))
    _click(kiosk, "staffExitButton")
    assert kiosk.staff_exit.isVisible()

    for digit in PIN:
        _click(kiosk, f"pinKey{digit}")
    _click(kiosk, "pinOkButton")

    assert exits == [True]
    assert not kiosk.isVisible()


def test_wrong_pin_says_so_and_never_exits(qtbot, kiosk):
    exits: list[bool] = []
    kiosk.exit_requested.connect(lambda: exits.append(True))
    _click(kiosk, "staffExitButton")

    kiosk.staff_exit.enter("1111")
    assert not kiosk.staff_exit.submit()

    assert kiosk.staff_exit.message == "Wrong PIN. 4 tries left before a lockout."
    assert exits == []
    assert kiosk.isVisible()
    _click(kiosk, "pinCancelButton")
    assert not kiosk.staff_exit.isVisible()
    assert kiosk.isVisible()


def test_five_wrong_pins_lock_the_exit(qtbot, kiosk):
    _click(kiosk, "staffExitButton")
    for _ in range(5):
        kiosk.staff_exit.enter("0000")
        kiosk.staff_exit.submit()
    assert kiosk.staff_exit.message.startswith("Too many wrong PINs.")
    kiosk.staff_exit.enter(PIN)
    assert not kiosk.staff_exit.submit()  # locked: even the right PIN waits
    assert kiosk.isVisible()


def test_without_a_stored_pin_the_kiosk_cannot_be_left_or_given_one(
    qtbot, themed, controller, tmp_path
):
    from pos_app.store.db import open_store

    bare = open_store(f"sqlite:///{tmp_path / 'bare.db'}")
    try:
        kiosk = make_kiosk(qtbot, controller, bare)
        _click(kiosk, "staffExitButton")
        kiosk.staff_exit.enter("1234")
        assert not kiosk.staff_exit.submit()
        assert "No manager PIN is set" in kiosk.staff_exit.message
        assert not settings.has_manager_pin(bare)
        assert kiosk.isVisible()
    finally:
        bare.close()


def test_no_store_yet_means_no_exit(qtbot, themed, controller):
    kiosk = make_kiosk(qtbot, controller, None)
    _click(kiosk, "staffExitButton")
    kiosk.staff_exit.enter(PIN)
    assert not kiosk.staff_exit.submit()
    assert "still starting" in kiosk.staff_exit.message


def test_no_exit_while_a_payment_runs(qtbot, kiosk, controller):
    from .conftest import to_pay

    to_pay(kiosk, controller, fakes.customer("5000"))
    kiosk.screen_widget("pay").press_pay()
    _click(kiosk, "staffExitButton")
    kiosk.staff_exit.enter(PIN)
    assert not kiosk.staff_exit.submit()
    assert "payment is in progress" in kiosk.staff_exit.message
    assert kiosk.isVisible()


def test_the_idle_reset_closes_the_pin_pad(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.2, warning_s=1)
    kiosk.start()
    _click(kiosk, "staffExitButton")
    kiosk.staff_exit.enter("12")
    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=4000)
    assert not kiosk.staff_exit.isVisible()
