"""Fixtures for the kiosk: a fake controller, a kiosk window, a store with a PIN."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.store import settings
from pos_app.store.db import open_store
from pos_app.store.repository import Store
from pos_app.ui import theme
from pos_app.ui.kiosk import KioskWindow

from . import fakes

CHAI = "8901030865278"  # Masala Chai (250 g), ₹145.00
RICE = "8901063017231"  # Basmati Rice (1 kg), ₹189.50
PIN = "2468"
SIZE = (1280, 800)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The counter's app-wide theme, as in the real app (the kiosk adds its own)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'kiosk.db'}")
    settings.set_manager_pin(opened, PIN)
    yield opened
    opened.close()


@pytest.fixture
def controller() -> fakes.KioskFakeController:
    return fakes.KioskFakeController()


def make_kiosk(
    qtbot: QtBot,
    controller: fakes.KioskFakeController,
    store: Store | None,
    **options: object,
) -> KioskWindow:
    kiosk = KioskWindow(
        controller,  # type: ignore[arg-type]
        store_getter=lambda: store,
        **options,  # type: ignore[arg-type]
    )
    qtbot.addWidget(kiosk)
    kiosk.resize(*SIZE)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    if not controller.ready:
        controller.become_ready()  # after the window: it hears the methods
    return kiosk


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    themed: QApplication,
    controller: fakes.KioskFakeController,
    store: Store,
) -> KioskWindow:
    return make_kiosk(qtbot, controller, store)


def to_pay(kiosk: KioskWindow, controller: fakes.KioskFakeController, info) -> None:
    """Start, add a chai, type a valid number, get ``info`` back: the pay step."""
    kiosk.start()
    assert kiosk.add_product(CHAI)
    kiosk.screen_widget("shop").findChild(QPushButton, "toPhoneButton").click()
    assert kiosk.enter_phone("9876543210") is not None
    controller.give_customer(info)
    assert kiosk.current_screen() == "pay"
