"""Method cards and the rules for the Pay button."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
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


def test_unsupported_methods_are_muted_with_their_reason(
    ready_window: MainWindow,
) -> None:
    others = ready_window.payment_panel.cards[1:]

    assert [card.option for card in others] == [fakes.UPI, fakes.CARD]
    assert all(not card.isEnabled() for card in others)
    assert others[0].subtitle == "Coming soon at this counter"
    assert "not available" in others[0].accessibleName()


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


def test_not_linked_customer_sees_link_and_pay_disabled(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    ready_window.add_product(CHAI)

    controller.give_customer(fakes.customer(None, linked=False))

    link = ready_window.findChild(QPushButton, "linkAndPayButton")
    assert link.isVisible()
    assert link.text() == "Link and Pay"
    assert not link.isEnabled()
    assert not ready_window.findChild(QLabel, "balanceLabel").isVisible()
    assert not pay_button(ready_window).isEnabled()
    assert (
        ready_window.payment_panel.hint
        == "This customer has not linked Amazon Pay yet."
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
