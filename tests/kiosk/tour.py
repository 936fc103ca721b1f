"""Walk a kiosk on the fake controller through every screen (tests and screenshots)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QPushButton

from pos_app.checkout import types
from pos_app.ui.kiosk import KioskWindow

from . import fakes

CHAI, RICE, GHEE = "8901030865278", "8901063017231", "8906002310012"


def _click(kiosk: KioskWindow, name: str) -> None:
    button = kiosk.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def _to_pay(
    kiosk: KioskWindow, controller: fakes.KioskFakeController, info: types.CustomerInfo
) -> None:
    kiosk.reset("tour")
    kiosk.start()
    for sku in (CHAI, RICE, CHAI):
        kiosk.add_product(sku)
    _click(kiosk, "toPhoneButton")
    kiosk.enter_phone("9999900001")
    controller.give_customer(info)


def tour(kiosk: KioskWindow, controller: fakes.KioskFakeController) -> Iterator[str]:
    """Put the kiosk on each screen in turn; yield a name for each."""
    yield "01-attract"

    kiosk.start()
    yield "02-shop-empty"
    for sku in (CHAI, RICE, CHAI, GHEE):
        kiosk.add_product(sku)
    yield "03-shop-cart"

    _click(kiosk, "toPhoneButton")
    yield "04-mobile-empty"
    kiosk.enter_phone("98765")
    yield "05-mobile-typing"
    kiosk.enter_phone("")
    yield "06-mobile-error"
    kiosk.enter_phone("C5555555555")
    yield "07-mobile-error-start"

    _to_pay(kiosk, controller, fakes.customer("5000", masked="******0001"))
    yield "08-pay-linked"
    _to_pay(kiosk, controller, fakes.customer("50", masked="******0002"))
    yield "09-pay-short-balance"
    _to_pay(kiosk, controller, fakes.customer(None, linked=False, masked="******0003"))
    yield "10-pay-unlinked"

    _click(kiosk, "linkQrButton")
    controller.open_link(fakes.session(amount="479.50"))
    yield "11-link-qr"
    _click(kiosk, "linkQrOtherWayButton")
    yield "12-link-on-screen"
    controller.link_session = None
    controller.finish(fakes.link_ended(types.LinkState.DENIED))
    yield "13-result-link-denied"

    _to_pay(kiosk, controller, fakes.customer("5000", masked="******0001"))
    kiosk.screen_widget("pay").press_pay()
    controller.payment_progress.emit("Charging your Amazon Pay balance")
    yield "14-progress"
    controller.finish(fakes.result(types.Outcome.CHARGED, amount="479.50"))
    yield "15-result-paid"
    _click(kiosk, "kioskPrintReceiptButton")
    yield "15b-result-printing"
    controller.answer_print("no_printer")
    yield "15c-result-no-printer"

    _to_pay(kiosk, controller, fakes.customer("5000", masked="******0001"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(
        fakes.result(
            types.Outcome.DECLINED,
            amount="479.50",
            message="Amazon Pay declined the payment. Nothing was taken from your "
            "balance.",
            retryable=True,
        )
    )
    yield "16-result-declined"

    _to_pay(kiosk, controller, fakes.customer("5000", masked="******0001"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(fakes.result(types.Outcome.UNKNOWN, amount="479.50"))
    yield "17-result-checking"

    _to_pay(kiosk, controller, fakes.customer("5000", masked="******0001"))
    _click(kiosk, "callStaffButton")
    yield "18-staff-called"
    kiosk.staff_banner.withdraw()

    kiosk.idle_watcher.on_idle_timeout()  # as if the idle time ran out
    yield "19-idle-warning"
    kiosk.idle_watcher.poke()

    _click(kiosk, "staffExitButton")
    kiosk.staff_exit.enter("1111")
    kiosk.staff_exit.submit()
    yield "20-staff-pin"
    kiosk.staff_exit.dismiss()
