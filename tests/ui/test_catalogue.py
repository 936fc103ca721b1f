"""Products and free amounts going into the cart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.money import Money
from pos_app.ui import catalogue
from pos_app.ui.main_window import MainWindow

from .conftest import CHAI, RICE


def total_text(window: MainWindow) -> str:
    return window.findChild(QLabel, "totalLabel").text()


def test_products_load_from_resources() -> None:
    products = catalogue.load_products()

    assert len(products) == 12
    assert products[0].name == "Masala Chai (250 g)"
    assert products[0].price == Money(14500)
    assert {p.price for p in products if p.sku == "8901030704621"} == {Money(13876)}


def test_tapping_products_fills_the_cart(qtbot: QtBot, window: MainWindow) -> None:
    chai = window.findChild(QPushButton, f"product_{CHAI}")

    qtbot.mouseClick(chai, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chai, Qt.MouseButton.LeftButton)
    assert window.add_product(RICE)

    table = window.findChild(QTableView, "cartTable")
    assert table.model().rowCount() == 2
    assert total_text(window) == "₹479.50"
    assert window.findChild(QLabel, "itemCountLabel").text() == "3 items"
    assert not window.add_product("no-such-sku")


def test_valid_free_amount_is_added_and_field_cleared(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit = window.findChild(QLineEdit, "freeAmountEdit")

    edit.setText("₹")  # QTest cannot type non-Latin-1 characters
    qtbot.keyClicks(edit, "1,249.50")
    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert window.cart_model.total == Money(124950)
    assert edit.text() == ""
    assert window.catalogue.amount_error == ""


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Enter an amount like 149 or 149.50"),
        ("-5", "Enter an amount like 149 or 149.50"),
        ("1.234", "Enter an amount like 149 or 149.50"),
        ("20,00,000", "Amounts above ₹10,00,000.00 are not accepted"),
        ("0", "The amount must be more than zero"),
        ("", "Type an amount first, e.g. 149.50"),
    ],
)
def test_bad_free_amount_says_why_and_keeps_the_text(
    qtbot: QtBot, window: MainWindow, typed: str, message: str
) -> None:
    edit = window.findChild(QLineEdit, "freeAmountEdit")
    button = window.findChild(QPushButton, "addAmountButton")
    edit.setText(typed)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    error = window.findChild(QLabel, "freeAmountError")
    assert error.isVisible()
    assert error.text() == message
    assert edit.text() == typed
    assert edit.property("invalid") is True
    assert window.cart_model.rowCount() == 0


def test_typing_clears_the_amount_error(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.add_amount("abc")
    edit = window.findChild(QLineEdit, "freeAmountEdit")

    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)

    assert not window.findChild(QLabel, "freeAmountError").isVisible()
    assert edit.property("invalid") is False


def test_amount_over_the_sale_limit_keeps_the_text(window: MainWindow) -> None:
    assert window.add_amount("9,99,999")

    assert not window.add_amount("5")

    assert "A sale cannot be more than ₹10,00,000.00" in window.catalogue.amount_error
    assert window.catalogue.amount_edit.text() == "5"
    assert window.cart_model.rowCount() == 1
