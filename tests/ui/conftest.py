"""Fixtures for the cashier screens: a fake controller and a window around it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.ui import theme
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


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The counter's style sheet and font for one test (for screenshots)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    # Earlier tests' widgets wait for deletion; re-styling thousands of them is slow.
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
