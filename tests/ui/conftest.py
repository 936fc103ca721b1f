"""Fixtures for the cashier screens: a fake controller and a window around it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.checkout.service import CheckoutService
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox.server import SandboxServer
from pos_app.store.db import open_store
from pos_app.ui import theme
from pos_app.ui.controller import CheckoutController
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


# -- the real checkout at the counter (controller, service, sandbox, SQLite) --------


@dataclass
class Counter:
    """A live cashier window on the embedded sandbox, as the demo drives it."""

    window: MainWindow
    controller: CheckoutController
    service: CheckoutService
    sandbox: SandboxServer


@pytest.fixture
def make_counter(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Counter]]:
    """Build live counters; ``route`` and ``link_timeout_s`` reach the service.

    The service gets short polling delays so hosted pages resolve quickly.
    """
    made: list[tuple[CheckoutController, SandboxServer]] = []

    def make(route: str = "AMAZONPAY", link_timeout_s: float = 180.0) -> Counter:
        sandbox = SandboxServer()
        sandbox.start()
        if route != "AMAZONPAY":
            sandbox.ledger.redirect_gateway = route
        client = JuspayClient(
            GatewayConfig(
                base_url=sandbox.base_url,
                merchant_id=sandbox.merchant_id,
                api_key=sandbox.api_key,
            )
        )
        service = CheckoutService(
            client,
            open_store(f"sqlite:///{tmp_path / f'pos{len(made)}.db'}"),
            terminal_id="T01",
            cashier="tester",
            merchant_id=sandbox.merchant_id,
            return_url="https://pos.invalid/payment-return",
            response_key=sandbox.response_key,
            route=route,
            confirm_delays=(0.05, 0.1, 0.2),
            hosted_delays=(0.05, 0.1, 0.2),
            link_timeout_s=link_timeout_s,
        )
        controller = CheckoutController(lambda: service)
        window = MainWindow(controller, gateway_label="Embedded sandbox")
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        controller.start()
        qtbot.waitUntil(window.payment_panel.has_methods, timeout=10_000)
        made.append((controller, sandbox))
        return Counter(window, controller, service, sandbox)

    yield make
    for controller, sandbox in made:
        controller.shutdown()
        sandbox.stop()
