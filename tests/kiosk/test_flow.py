"""The kiosk's steps with a fake controller: shop, mobile number, pay, result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from pos_app.checkout import types
from pos_app.ui.kiosk import KioskWindow

from . import fakes
from .conftest import CHAI, RICE, to_pay


def _button(kiosk: KioskWindow, name: str) -> QPushButton:
    button = kiosk.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_window_is_frameless_and_opens_on_the_attract_screen(kiosk):
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.current_screen() == "attract"
    assert not kiosk.step_indicator.isVisible()
    assert "Amazon Pay" in kiosk.screen_widget("attract").methods_text


def test_show_kiosk_goes_full_screen(qtbot, themed, controller, store):
    window = KioskWindow(controller, store_getter=lambda: store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show_kiosk()
    qtbot.waitExposed(window)
    assert window.isFullScreen()


def test_tap_to_start_then_tiles_fill_the_cart_with_plus_and_minus(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "startButton"), Qt.MouseButton.LeftButton)
    assert kiosk.current_screen() == "shop"
    assert kiosk.step_indicator.current_name == "Shop"
    assert not _button(kiosk, "toPhoneButton").isEnabled()

    qtbot.mouseClick(_button(kiosk, f"kioskProduct_{CHAI}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(kiosk, f"kioskProduct_{RICE}"), Qt.MouseButton.LeftButton)
    _button(kiosk, f"kioskPlus_{CHAI}").click()
    assert kiosk.screen_widget("shop").total_text == "₹479.50"

    _button(kiosk, f"kioskMinus_{RICE}").click()  # the last one: the line goes
    qtbot.wait(1)
    assert [line.sku for line in kiosk.cart] == [CHAI]
    assert kiosk.cart.lines[0].quantity == 2
    assert kiosk.screen_widget("shop").total_text == "₹290.00"
    assert _button(kiosk, "toPhoneButton").isEnabled()


def test_bad_numbers_are_rejected_clearly_and_nothing_is_looked_up(kiosk, controller):
    kiosk.start()
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    phone = kiosk.screen_widget("phone")
    error = kiosk.findChild(QLabel, "phoneError")

    _button(kiosk, "phoneContinueButton").click()
    assert error.text() == "Type your mobile number first."

    for key in "12345":
        _button(kiosk, f"phoneKey{key}").click()
    assert phone.display_text == "12345"
    _button(kiosk, "phoneContinueButton").click()
    assert error.text() == "Enter the 10-digit mobile number."

    _button(kiosk, "phoneKeyClear").click()
    assert kiosk.enter_phone("5555555555") is None
    assert error.text() == "Indian mobile numbers start with 6, 7, 8 or 9."
    assert controller.calls.look_up == []
    assert kiosk.current_screen() == "phone"

    phone.enter("C98765432100<")  # Clear, 11 digits, Delete: 10 left
    assert phone.display_text == "98765 43210"
    assert error.text() == ""


def test_keyboard_digits_reach_the_number_keypad(qtbot, kiosk):
    kiosk.start()
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    qtbot.keyClicks(kiosk.screen_widget("phone"), "98765")
    assert kiosk.screen_widget("phone").display_text == "98765"


def test_a_valid_number_shows_only_the_masked_number_afterwards(kiosk, controller):
    kiosk.start()
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    assert kiosk.enter_phone("98765 43210".replace(" ", "")) is not None

    assert [p.digits for p in controller.calls.look_up] == ["9876543210"]
    phone = kiosk.screen_widget("phone")
    assert phone.display_text == "******3210"
    assert phone.busy

    controller.give_customer(fakes.customer("5000"))
    assert kiosk.current_screen() == "pay"
    texts = [label.text() for label in kiosk.findChildren(QLabel) if label.isVisible()]
    assert not any("9876543210" in text or "98765" in text for text in texts)
    assert any("******3210" in text for text in texts)


def test_lookup_failure_is_shown_on_the_number_step(kiosk, controller):
    kiosk.start()
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    kiosk.enter_phone("9876543210")
    controller.customer_failed.emit("Amazon Pay could not be reached. Try again.")
    assert kiosk.current_screen() == "phone"
    assert kiosk.screen_widget("phone").error.startswith("Amazon Pay could not")
    assert not kiosk.screen_widget("phone").busy


def test_linked_customer_pays_from_the_balance(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer("5000"))
    pay = kiosk.screen_widget("pay")
    assert pay.panel == "linked"
    assert pay.pay_text == "Pay ₹145.00"
    assert kiosk.step_indicator.current_name == "Pay"

    assert pay.press_pay()
    assert kiosk.current_screen() == "progress"
    assert len(controller.calls.pay) == 1
    assert not pay.press_pay()  # a second tap does nothing

    controller.finish(fakes.result(types.Outcome.CHARGED))
    assert kiosk.current_screen() == "result"
    assert kiosk.screen_widget("result").title == "Paid — thank you"
    assert kiosk.step_indicator.current_name == "Done"  # every step ticked
    spoken = [
        label.accessibleName()
        for label in kiosk.step_indicator.findChildren(QLabel)
        if label.accessibleName()
    ]
    assert len(spoken) == 3 and all(name.endswith(", done") for name in spoken)

    _button(kiosk, "kioskFinishButton").click()
    assert kiosk.current_screen() == "attract"
    assert len(kiosk.cart) == 0


def test_decline_says_nothing_was_charged_and_offers_another_try(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer("5000"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(
        fakes.result(
            types.Outcome.DECLINED,
            message="Amazon Pay declined the payment.",
            retryable=True,
        )
    )
    result = kiosk.screen_widget("result")
    assert result.title == "Not paid — nothing was charged"
    # The kiosk's own words: it has no other method to offer, staff can help.
    assert result.message.startswith("Amazon Pay did not accept this payment.")
    assert "Nothing was charged" in result.message
    assert "Call staff" in result.message
    retry = _button(kiosk, "kioskRetryButton")
    assert retry.isVisible()
    retry.click()
    assert kiosk.current_screen() == "pay"
    assert len(kiosk.cart) == 1


def test_unknown_outcome_never_says_nothing_was_charged(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer("5000"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(fakes.result(types.Outcome.UNKNOWN, message="Timed out"))
    result = kiosk.screen_widget("result")
    assert result.title == "We are checking your payment"
    assert "do not pay again" in result.message
    assert "nothing was charged" not in result.message.lower()


def test_unlinked_customer_links_by_qr_then_pays(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    assert kiosk.screen_widget("pay").panel == "unlinked"

    _button(kiosk, "linkQrButton").click()
    assert controller.link_calls == [types.LinkMode.QR]
    assert kiosk.current_screen() == "link_qr"
    assert kiosk.idle_watcher is not None

    controller.open_link(fakes.session())
    qr = kiosk.screen_widget("link_qr").qr
    assert qr.url == fakes.CONSENT_URL

    controller.grant_link()
    assert kiosk.current_screen() == "progress"
    assert qr.url == ""
    controller.finish(fakes.result(types.Outcome.CHARGED))
    assert kiosk.screen_widget("result").title == "Paid — thank you"


def test_cancelling_the_qr_goes_back_to_the_pay_step(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    _button(kiosk, "linkQrButton").click()
    _button(kiosk, "linkQrCancelButton").click()  # before the session arrived
    controller.open_link(fakes.session())  # arrives: the kiosk cancels it

    assert controller.cancel_calls == 1
    assert kiosk.current_screen() == "pay"
    assert not controller.paying


def test_qr_to_on_screen_switches_the_consent_session(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    _button(kiosk, "linkQrButton").click()
    controller.open_link(fakes.session())
    _button(kiosk, "linkQrOtherWayButton").click()

    assert kiosk.current_screen() == "web"
    assert controller.switch_calls == [types.LinkMode.WEB]
    assert kiosk.screen_widget("link_qr").qr.url == ""


def test_denied_consent_is_not_paid(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    _button(kiosk, "linkQrButton").click()
    controller.open_link(fakes.session())
    controller.link_session = None
    controller.finish(fakes.link_ended(types.LinkState.DENIED))
    assert kiosk.current_screen() == "result"
    assert kiosk.screen_widget("result").title == "Not paid — nothing was charged"


def test_no_amazon_pay_method_says_so(kiosk, controller):
    controller.methods_changed.emit([fakes.METHODS[0]])  # only UPI, unsupported
    to_pay(kiosk, controller, fakes.customer("5000"))
    assert kiosk.screen_widget("pay").panel == "unavailable"


def test_change_number_clears_the_customer(kiosk, controller):
    to_pay(kiosk, controller, fakes.customer("5000"))
    _button(kiosk, "changeNumberButton").click()
    assert kiosk.current_screen() == "phone"
    assert controller.customer is None
    assert kiosk.screen_widget("phone").display_text == "_____ _____"


def test_step_indicator_follows_the_customer(kiosk, controller):
    kiosk.start()
    assert kiosk.step_indicator.current_name == "Shop"
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    assert kiosk.step_indicator.current_name == "Mobile"
    shop = kiosk.findChild(QLabel, "stepShop")
    assert shop.text().startswith("✓")
    assert "you are here" in kiosk.findChild(QLabel, "stepMobile").accessibleName()


def test_start_again_on_the_shop_step_empties_the_cart(kiosk, controller):
    kiosk.start()
    kiosk.add_product(CHAI)
    _button(kiosk, "shopCancelButton").click()
    assert kiosk.current_screen() == "attract"
    assert len(kiosk.cart) == 0


def test_escape_does_not_leave_the_kiosk(qtbot, kiosk):
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
