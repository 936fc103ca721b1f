"""Method cards and the rules for the Pay button."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.checkout import types
from pos_app.ui.main_window import MainWindow
from pos_app.ui.method_cards import describe_age

from . import fakes
from .conftest import CHAI


def pay_button(window: MainWindow) -> QPushButton:
    return window.findChild(QPushButton, "payButton")


def amazon_card(window: MainWindow) -> QPushButton:
    return window.findChild(QPushButton, "amazonPayCard")


def test_amazon_pay_comes_first_and_is_selected(ready_window: MainWindow) -> None:
    cards = ready_window.payment_panel.cards

    assert cards[0].objectName() == "amazonPayCard"
    assert cards[0].isChecked()
    assert ready_window.payment_panel.selected_method() == fakes.AMAZON
    assert "Enter the customer's mobile number" in cards[0].subtitle


def test_unsupported_methods_are_named_in_one_line_not_as_cards(
    ready_window: MainWindow,
) -> None:
    panel = ready_window.payment_panel

    assert [card.option for card in panel.cards] == [fakes.AMAZON]
    assert panel.other_methods == [fakes.UPI, fakes.CARD]
    assert panel.other_methods_text == "Cards (Credit or debit card) · UPI"
    note = ready_window.findChild(QWidget, "otherMethods")
    assert note.isVisible()
    assert "taken on the card machine" in note.accessibleName()


def test_linked_customer_shows_the_balance(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    controller.give_customer(fakes.customer("5000"))

    balance = ready_window.findChild(QLabel, "balanceLabel")
    assert balance.isVisible()
    assert balance.text() == "Balance ₹5,000.00"
    assert (
        ready_window.findChild(QLabel, "balanceAgeLabel").text() == "updated just now"
    )
    assert not ready_window.findChild(QPushButton, "linkAndPayButton").isVisible()


def test_not_linked_customer_is_offered_link_and_pay(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    ready_window.add_product(CHAI)

    controller.give_customer(fakes.customer(None, linked=False))

    link = ready_window.findChild(QPushButton, "linkAndPayButton")
    assert link.isVisible()
    assert link.text() == "Link and Pay"
    assert link.isEnabled()
    assert not ready_window.findChild(QLabel, "balanceLabel").isVisible()
    assert not pay_button(ready_window).isEnabled()
    assert (
        ready_window.payment_panel.hint
        == "This customer has not linked Amazon Pay yet. Use Link and Pay."
    )


def test_methods_failing_offers_a_reload(
    qtbot: QtBot, window: MainWindow, controller: fakes.FakeController
) -> None:
    controller.become_ready(methods=[])
    controller.methods_failed.emit("Payment methods could not be read.")
    reload_button = window.findChild(QPushButton, "reloadMethodsButton")
    assert reload_button.isVisible()

    reload_button.click()

    assert controller.calls.load_methods == 1


def test_pay_is_enabled_only_when_everything_is_in_place(
    window: MainWindow, controller: fakes.FakeController
) -> None:
    button = pay_button(window)
    assert not button.isEnabled()
    assert window.payment_panel.hint == "Waiting for the payment gateway…"

    controller.become_ready()
    assert not button.isEnabled()
    assert window.payment_panel.hint == "Add items to the cart to start a sale."

    window.add_product(CHAI)
    assert button.text() == "Pay ₹145.00"
    assert not button.isEnabled()
    assert window.payment_panel.hint == "Enter the customer's mobile number."

    controller.give_customer(fakes.customer(None))
    assert not button.isEnabled()
    assert window.payment_panel.hint == "The Amazon Pay balance could not be read."

    controller.give_customer(fakes.customer("5000"))
    assert button.isEnabled()
    assert button.accessibleName() == "Pay ₹145.00"

    window.cart_model.clear()
    assert not button.isEnabled()
    assert button.text() == "Pay"


def test_pay_needs_a_supported_amazon_method(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    unsupported_amazon = types.MethodOption(
        "WALLET", "AMAZONPAY", "Amazon Pay", False, "Not enabled for this merchant"
    )
    controller.methods_changed.emit([unsupported_amazon])
    ready_window.add_product(CHAI)
    controller.give_customer(fakes.customer("5000"))

    assert not amazon_card(ready_window).isEnabled()
    assert not pay_button(ready_window).isEnabled()
    assert (
        "Not enabled for this merchant" in ready_window.payment_panel.cards[0].subtitle
    )


def test_short_balance_is_said_plainly_and_pay_still_tries(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    ready_window.add_amount("1234")

    controller.give_customer(fakes.customer("500"))

    short = ready_window.payment_panel.shortfall_text
    assert "₹734.00 short" in short
    assert ready_window.findChild(QLabel, "shortBalanceLabel").isVisible()
    assert pay_button(ready_window).isEnabled()


@pytest.mark.parametrize(
    ("age", "text"),
    [
        (timedelta(seconds=5), "updated just now"),
        (timedelta(minutes=5, seconds=10), "updated 5 min ago"),
    ],
)
def test_describe_age(age: timedelta, text: str) -> None:
    now = datetime(2025, 3, 14, 10, 30, tzinfo=UTC)

    assert describe_age(now - age, now) == text


def test_describe_age_after_an_hour_gives_the_time() -> None:
    now = datetime(2025, 3, 14, 10, 30, tzinfo=UTC)

    assert describe_age(now - timedelta(hours=2), now).startswith("updated at ")
    assert describe_age(None, now) == ""


# -- the sandbox's real method list at the counter's size ---------------------------

SANDBOX_METHODS = [
    types.MethodOption("WALLET", "AMAZONPAY", "Amazon Pay", True, direct_debit=True),
    *(
        types.MethodOption(kind, method, label, False, "Not taken at this terminal")
        for kind, method, label in [
            ("NB", "NB_HDFC", "HDFC Bank"),
            ("CARD", "MASTERCARD", "Mastercard"),
            ("WALLET", "PAYTM", "Paytm"),
            ("UPI", "UPI", "UPI"),
            ("CARD", "VISA", "Visa"),
        ]
    ),
]
REDIRECT = types.MethodOption(
    "WALLET", "AMAZONPAY", "Amazon Pay (via PayU)", True, direct_debit=False
)
SHOTS = Path("/tmp/ui-shots")


@pytest.fixture
def counter(
    themed: object, window: MainWindow, controller: fakes.FakeController
) -> MainWindow:
    """The themed window at the counter's 1280x800 with four cart lines."""
    window.resize(1280, 800)
    controller.become_ready(methods=SANDBOX_METHODS)
    for _ in range(3):
        window.add_product(CHAI)
    window.add_amount("49.50")
    return window


def settle(qtbot: QtBot) -> None:
    """Let the posted layout requests run (new cards lay out on the next loops)."""
    qtbot.wait(100)


def assert_laid_out_cleanly(window: MainWindow) -> None:
    panel = window.payment_panel
    cards = [card for card in panel.cards if card.isVisible()]
    boxes = [card.geometry() for card in cards]
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.intersects(other), (box, other)
    for card in cards:  # each card is as tall as its content wants
        assert card.height() >= card.heightForWidth(card.width())

    pay = pay_button(window)
    top_left = pay.mapTo(panel, pay.rect().topLeft())
    assert pay.isVisible()
    assert panel.rect().contains(top_left)
    assert panel.rect().contains(top_left + pay.rect().bottomRight())
    assert window.height() <= 800 and window.width() <= 1280


@pytest.mark.parametrize(
    ("scene", "info"),
    [
        ("linked", fakes.customer("5000")),
        ("short", fakes.customer("100")),
        ("not-linked", fakes.customer(None, linked=False)),
        ("no-customer", None),
    ],
)
def test_sandbox_methods_fit_at_1280x800(
    qtbot: QtBot,
    counter: MainWindow,
    controller: fakes.FakeController,
    scene: str,
    info: types.CustomerInfo | None,
) -> None:
    controller.give_customer(info)
    settle(qtbot)

    counter.grab().save(str(SHOTS / f"methods-{scene}.png"))

    assert_laid_out_cleanly(counter)
    text = counter.payment_panel.other_methods_text
    for name in ("Visa", "Mastercard", "UPI", "HDFC Bank", "Paytm"):
        assert name in text
    assert text == "Cards (Mastercard, Visa) · UPI · Net banking (HDFC Bank) · Paytm"


def test_amazon_card_subtitle_is_not_clipped(
    qtbot: QtBot, counter: MainWindow, controller: fakes.FakeController
) -> None:
    controller.give_customer(fakes.customer("5000"))
    settle(qtbot)

    card = counter.payment_panel.amazon_card
    assert card is not None
    subtitle = card.findChild(QLabel, "methodSubtitle")
    assert subtitle.isVisible()
    bottom = subtitle.mapTo(card, subtitle.rect().bottomLeft()).y()
    assert bottom < card.height()
    assert subtitle.height() >= subtitle.heightForWidth(subtitle.width())


def test_redirect_route_pays_without_a_linked_wallet(
    qtbot: QtBot, counter: MainWindow, controller: fakes.FakeController
) -> None:
    controller.methods_changed.emit([REDIRECT, *SANDBOX_METHODS[1:]])

    controller.give_customer(fakes.customer(None, linked=False))
    settle(qtbot)
    counter.grab().save(str(SHOTS / "methods-redirect.png"))

    card = counter.payment_panel.amazon_card
    assert card is not None
    assert card.option == REDIRECT
    assert card.subtitle == "Amazon Pay via PayU — OTP on your phone"
    assert card.balance_text == ""
    assert not card.link_button.isVisible()
    assert pay_button(counter).isEnabled()
    assert counter.payment_panel.shortfall_text == ""
    assert_laid_out_cleanly(counter)
    assert counter.pay()
    assert controller.calls.pay[0][1] == REDIRECT


def test_redirect_route_still_needs_the_customer(
    counter: MainWindow, controller: fakes.FakeController
) -> None:
    controller.methods_changed.emit([REDIRECT])

    assert not pay_button(counter).isEnabled()
    assert counter.payment_panel.hint == "Enter the customer's mobile number."
    assert counter.payment_panel.other_methods_text == ""


def test_many_supported_methods_scroll_instead_of_squeezing(
    qtbot: QtBot, counter: MainWindow, controller: fakes.FakeController
) -> None:
    extra = [
        types.MethodOption("CARD", f"C{i}", f"Card route {i}", True) for i in range(8)
    ]
    controller.methods_changed.emit([SANDBOX_METHODS[0], *extra])
    controller.give_customer(fakes.customer("5000"))
    settle(qtbot)

    assert_laid_out_cleanly(counter)
