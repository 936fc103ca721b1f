"""The customer's language: the switch, live retranslation, resets, Hindi that fits.

The checks of Hindi words run on the shipped catalogue (or ``POS_I18N_DIR``); a
catalogue without the kiosk's Hindi fails them, it never skips them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from pos_app.checkout import types
from pos_app.ui import i18n
from pos_app.ui.kiosk import KioskWindow

from . import fakes, tour
from .conftest import CHAI, RICE, SIZE, make_kiosk, to_pay

MIN_TARGET = 44
DEVANAGARI = ("\u0900", "\u097f")


def _hindi(text: str) -> bool:
    return any(DEVANAGARI[0] <= ch <= DEVANAGARI[1] for ch in text)


@pytest.fixture
def hindi(speak: Callable[[str], str]) -> Callable[[str], str]:
    """``speak``, after checking the catalogue has the kiosk's Hindi."""
    assert speak("hi") == "hi"
    assert _hindi(QCoreApplication.translate("KioskWindow", "Call staff"))
    speak("en")
    return speak


def _button(kiosk: KioskWindow, name: str) -> QPushButton:
    button = kiosk.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _settle(qtbot) -> None:
    qtbot.wait(1)
    QCoreApplication.processEvents()


# -- the switch ---------------------------------------------------------------------


def test_attract_buttons_switch_and_show_the_current_one(qtbot, hindi, kiosk):
    changes: list[str] = []
    kiosk.language_changed.connect(changes.append)
    english = _button(kiosk, "attractLanguageEnButton")
    hindi_button = _button(kiosk, "attractLanguageHiButton")
    assert english.text() == "English" and hindi_button.text() == "हिन्दी"
    assert english.isVisible() and hindi_button.isVisible()
    assert english.isChecked() and not hindi_button.isChecked()
    for button in (english, hindi_button):
        assert button.accessibleName() == button.text()
        assert button.width() >= MIN_TARGET and button.height() >= MIN_TARGET

    qtbot.mouseClick(hindi_button, Qt.MouseButton.LeftButton)

    assert changes == ["hi"]
    assert kiosk.language == "hi"
    assert hindi_button.isChecked() and not english.isChecked()
    assert hindi_button.text() == "हिन्दी"  # each in its own language, always
    assert kiosk.current_screen() == "attract"  # a language tap does not start
    assert _hindi(_button(kiosk, "startButton").text())
    assert _hindi(_button(kiosk, "callStaffButton").text())
    assert _hindi(hindi_button.accessibleDescription())

    qtbot.mouseClick(english, Qt.MouseButton.LeftButton)
    assert changes == ["hi", "en"]
    assert _button(kiosk, "startButton").text() == "Tap to start"


def test_the_header_switch_is_there_only_while_no_money_can_move(
    qtbot, speak, kiosk, controller
):
    header = kiosk.findChild(QWidget, "headerLanguageSwitch")
    assert not header.isVisible()  # the attract screen has its own, big one
    kiosk.start()
    assert header.isVisible() and header.isEnabled()
    _button(kiosk, "headerLanguageHiButton").click()
    assert kiosk.language == "hi"
    assert _button(kiosk, "headerLanguageHiButton").isChecked()
    kiosk.add_product(CHAI)
    _button(kiosk, "toPhoneButton").click()
    assert header.isVisible()

    kiosk.enter_phone("9876543210")
    controller.give_customer(fakes.customer("5000"))
    assert kiosk.current_screen() == "pay"
    assert not header.isVisible()
    assert kiosk.set_language("en") == "hi"  # refused from the pay step on


def test_switching_is_refused_while_a_payment_is_in_flight(
    qtbot, speak, kiosk, controller
):
    to_pay(kiosk, controller, fakes.customer("5000"))
    assert kiosk.screen_widget("pay").press_pay()
    assert kiosk.set_language("hi") == "en"
    assert i18n.current() == "en"
    header = kiosk.findChild(QWidget, "headerLanguageSwitch")
    assert not header.isVisible()

    # Even on a screen that allows it, money in flight wins (e.g. a late tap).
    controller.finish(fakes.result(types.Outcome.CHARGED))
    kiosk.reset("finished")
    controller._paying = True
    assert not kiosk.language_switch_allowed()
    assert kiosk.set_language("hi") == "en"
    controller._paying = False
    assert kiosk.set_language("hi") == "hi"


def test_no_switch_while_the_consent_qr_or_page_is_open(
    qtbot, speak, kiosk, controller
):
    to_pay(kiosk, controller, fakes.customer(None, linked=False))
    _button(kiosk, "linkQrButton").click()
    controller.open_link(fakes.session())
    assert kiosk.current_screen() == "link_qr"
    assert kiosk.set_language("hi") == "en"
    _button(kiosk, "linkQrOtherWayButton").click()
    assert kiosk.current_screen() == "web"
    assert kiosk.set_language("hi") == "en"


# -- back to the terminal's language ------------------------------------------------


def test_the_idle_reset_brings_back_the_terminals_language(
    qtbot, speak, themed, controller, store
):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.3, warning_s=1)
    changes: list[str] = []
    kiosk.language_changed.connect(changes.append)
    kiosk.start()
    assert kiosk.set_language("hi") == "hi"
    kiosk.add_product(CHAI)

    qtbot.waitUntil(lambda: kiosk.idle_warning.isVisible(), timeout=3000)
    assert i18n.current() == "hi"  # the warning speaks the customer's language
    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=3000)

    assert i18n.current() == "en"
    assert changes == ["hi", "en"]
    assert _button(kiosk, "startButton").text() == "Tap to start"
    assert _button(kiosk, "attractLanguageEnButton").isChecked()


def test_a_finished_or_abandoned_sale_brings_back_the_terminals_language(
    qtbot, speak, themed, controller, store
):
    speak("hi")  # a Hindi terminal; this customer prefers English
    kiosk = make_kiosk(qtbot, controller, store, language="hi")
    assert kiosk.default_language == "hi"
    assert kiosk.set_language("en") == "en"
    to_pay(kiosk, controller, fakes.customer("5000"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(fakes.result(types.Outcome.CHARGED))
    assert kiosk.screen_widget("result").title == "Paid — thank you"

    _button(kiosk, "kioskFinishButton").click()
    assert kiosk.current_screen() == "attract"
    assert i18n.current() == "hi"
    assert _button(kiosk, "attractLanguageHiButton").isChecked()

    kiosk.start()  # the next one switches, then starts again
    assert kiosk.set_language("en") == "en"
    _button(kiosk, "shopCancelButton").click()
    assert i18n.current() == "hi"


def test_the_staff_exit_reset_path_also_restores_the_language(
    qtbot, speak, themed, controller, store
):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.2, warning_s=1)
    kiosk.start()
    kiosk.set_language("hi")
    _button(kiosk, "staffExitButton").click()
    kiosk.staff_exit.enter("12")
    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=4000)
    assert not kiosk.staff_exit.isVisible()
    assert i18n.current() == "en"


# -- every screen retranslates live -------------------------------------------------


def _fresh(qtbot, themed, store) -> tuple[KioskWindow, fakes.KioskFakeController]:
    controller = fakes.KioskFakeController()
    kiosk = make_kiosk(qtbot, controller, store, language=i18n.current())
    return kiosk, controller


@pytest.mark.parametrize(
    "state", ["attract", "shop", "phone-error", "pay", "link-qr", "progress", "result"]
)
def test_the_whole_kiosk_retranslates_on_every_screen(
    qtbot, hindi, themed, store, assert_retranslates, state
):
    def build() -> KioskWindow:
        kiosk, controller = _fresh(qtbot, themed, store)
        if state == "attract":
            return kiosk
        kiosk.start()
        for sku in (CHAI, RICE, CHAI):
            kiosk.add_product(sku)
        if state == "shop":
            return kiosk
        _button(kiosk, "toPhoneButton").click()
        if state == "phone-error":
            kiosk.enter_phone("12345")  # too short: the error is on screen
            assert kiosk.screen_widget("phone").error
            return kiosk
        kiosk.enter_phone("9876543210")
        linked = state != "link-qr"
        controller.give_customer(
            fakes.customer("50" if linked else None, linked=linked)
        )
        if state == "pay":
            return kiosk
        if state == "link-qr":
            _button(kiosk, "linkQrButton").click()
            # An expired code: its countdown text does not tick during the check.
            controller.open_link(fakes.session(amount="479.50", expires_in_s=-1))
            return kiosk
        kiosk.screen_widget("pay").press_pay()
        if state == "progress":
            return kiosk
        controller.finish(
            fakes.result(types.Outcome.DECLINED, message="", retryable=True)
        )
        return kiosk

    assert_retranslates(build)


def test_result_texts_follow_the_language(hindi):
    from pos_app.ui.kiosk.finish import result_texts

    paid = fakes.result(types.Outcome.CHARGED)
    assert result_texts(paid)[0] == "Paid — thank you"
    hindi("hi")
    title, message, tone = result_texts(paid)
    assert _hindi(title) and _hindi(message) and "₹" in message
    assert tone == "success"


# -- Hindi on every screen: it fits, it is named, fingers can hit it ------------------


def _visible(kiosk: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in kiosk.findChildren(kind) if w.isVisibleTo(kiosk)]


def _too_narrow(kiosk: KioskWindow) -> list[str]:
    found = []
    for widget in _visible(kiosk, QLabel) + _visible(kiosk, QPushButton):
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if isinstance(widget, QLabel) and widget.pixmap() and not widget.text():
            continue
        hint = widget.sizeHint().width()
        if widget.width() < hint:
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name} {widget.width()} < {hint}: {widget.text()!r}")
    return found


@pytest.mark.parametrize("language", ["en", "hi"])
def test_every_screen_fits_is_named_and_tappable(
    qtbot, request, speak, themed, store, language
):
    if language != "en":
        request.getfixturevalue("hindi")  # fails without the kiosk's Hindi
    speak(language)
    kiosk, controller = _fresh(qtbot, themed, store)
    kiosk.resize(*SIZE)
    problems: list[str] = []
    for screen in tour.tour(kiosk, controller):
        _settle(qtbot)
        problems += [f"{screen}: {p}" for p in _too_narrow(kiosk)]
        for widget in _visible(kiosk, QWidget):
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            name = widget.accessibleName()
            if focusable and not name:
                problems.append(f"{screen}: {widget.objectName()} unnamed")
        for button in _visible(kiosk, QAbstractButton):
            if button.width() < MIN_TARGET or button.height() < MIN_TARGET:
                problems.append(
                    f"{screen}: {button.objectName()} is "
                    f"{button.width()}x{button.height()}"
                )
    assert problems == []


def test_accessible_names_are_hindi_on_every_screen(qtbot, hindi, themed, store):
    hindi("hi")
    kiosk, controller = _fresh(qtbot, themed, store)
    kiosk.resize(*SIZE)
    english: list[str] = []
    for screen in tour.tour(kiosk, controller):
        _settle(qtbot)
        for widget in _visible(kiosk, QWidget):
            name = widget.accessibleName()
            if not name or _hindi(name):
                continue
            if name in ("English", *"0123456789"):  # a language's own name, digits
                continue
            english.append(f"{screen}: {widget.objectName()}: {name!r}")
    assert english == []
