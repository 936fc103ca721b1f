"""Mobile number entry, look-up and the masked customer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.ui.main_window import MainWindow

from . import fakes


def phone_edit(window: MainWindow) -> QLineEdit:
    return window.findChild(QLineEdit, "phoneEdit")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Enter the 10-digit mobile number"),
        ("98765abcde", "A mobile number has digits only"),
        ("5876543210", "Indian mobile numbers start with 6, 7, 8 or 9"),
        ("", "Enter the 10-digit mobile number"),
    ],
)
def test_bad_numbers_are_refused_clearly(
    qtbot: QtBot,
    ready_window: MainWindow,
    controller: fakes.FakeController,
    typed: str,
    message: str,
) -> None:
    edit = phone_edit(ready_window)
    edit.setText(typed)

    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert ready_window.customer_panel.message == message
    assert edit.text() == typed
    assert edit.property("invalid") is True
    assert controller.calls.look_up == []


def test_enter_looks_up_and_only_the_masked_number_remains(
    qtbot: QtBot, ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    edit = phone_edit(ready_window)
    qtbot.keyClicks(edit, "+91 98765 43210")

    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert [p.digits for p in controller.calls.look_up] == ["9876543210"]
    assert not edit.isEnabled()
    assert ready_window.customer_panel.message == "Looking up ******3210…"
    lookup = ready_window.findChild(QPushButton, "lookupButton")
    assert lookup.text() == "Looking up…"
    assert not lookup.isEnabled()

    controller.give_customer(fakes.customer())

    assert edit.text() == ""
    masked = ready_window.findChild(QLabel, "maskedPhoneLabel")
    assert masked.isVisible()
    assert masked.text() == "******3210"
    for widget in ready_window.findChildren(QLabel) + ready_window.findChildren(
        QLineEdit
    ):
        assert "98765" not in widget.text()


def test_failed_look_up_keeps_the_number_to_fix(
    ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    ready_window.set_phone_text("9876543210")
    ready_window.look_up()

    controller.customer_failed.emit("The gateway is not answering. Try again.")

    edit = phone_edit(ready_window)
    assert edit.isEnabled()
    assert edit.text() == "9876543210"
    assert (
        ready_window.customer_panel.message
        == "The gateway is not answering. Try again."
    )


def test_look_up_waits_for_the_gateway(
    window: MainWindow, controller: fakes.FakeController
) -> None:
    window.set_phone_text("9876543210")

    window.look_up()

    assert "still connecting" in window.customer_panel.message
    assert controller.calls.look_up == []


def test_change_clears_the_customer(
    qtbot: QtBot, ready_window: MainWindow, controller: fakes.FakeController
) -> None:
    controller.give_customer(fakes.customer())

    change = ready_window.findChild(QPushButton, "changeCustomerButton")
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)

    assert controller.calls.clear_customer == 1
    assert phone_edit(ready_window).isVisible()
    assert not ready_window.findChild(QLabel, "maskedPhoneLabel").isVisible()
