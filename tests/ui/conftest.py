"""Fixtures for the cashier screens: a fake controller and a window around it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos_app.ui.main_window import MainWindow

from . import fakes

CHAI = "8901030865278"  # Masala Chai (250 g), ₹145.00
RICE = "8901063017231"  # Basmati Rice (1 kg), ₹189.50


@pytest.fixture
def controller() -> fakes.FakeController:
    return fakes.FakeController()


@pytest.fixture
def window(qtbot: QtBot, controller: fakes.FakeController) -> Iterator[MainWindow]:
    win = MainWindow(controller, gateway_label="Sandbox")  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def ready_window(window: MainWindow, controller: fakes.FakeController) -> MainWindow:
    controller.become_ready()
    return window


@pytest.fixture
def payable(ready_window: MainWindow, controller: fakes.FakeController) -> MainWindow:
    """A window with one chai in the cart and a linked customer with ₹5,000."""
    ready_window.add_product(CHAI)
    controller.give_customer(fakes.customer("5000"))
    return ready_window
