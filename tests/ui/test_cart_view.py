"""The cart table, its buttons and the total."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from pos_app.ui.cart_model import CartModel
from pos_app.ui.main_window import MainWindow

from .conftest import CHAI, RICE


def button(window: MainWindow, name: str) -> QPushButton:
    return window.findChild(QPushButton, name)


def test_plus_minus_remove_act_on_the_selected_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.add_product(CHAI)
    window.add_product(RICE)  # the new line is selected
    total = window.findChild(QLabel, "totalLabel")
    assert not button(window, "minusButton").isEnabled()

    qtbot.mouseClick(button(window, "plusButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, "plusButton"), Qt.MouseButton.LeftButton)
    assert total.text() == "₹713.50"
    qtbot.mouseClick(button(window, "minusButton"), Qt.MouseButton.LeftButton)
    assert window.cart_model.line(1).quantity == 2
    qtbot.mouseClick(button(window, "removeButton"), Qt.MouseButton.LeftButton)

    assert window.cart_model.rowCount() == 1
    assert total.text() == "₹145.00"


def test_quantity_is_edited_in_place(qtbot: QtBot, window: MainWindow) -> None:
    window.add_product(CHAI)
    table = window.findChild(QTableView, "cartTable")
    index = table.model().index(0, CartModel.QTY)

    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QSpinBox)
    assert editor is not None
    assert (editor.minimum(), editor.maximum()) == (1, 999)
    editor.setValue(5)
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.cart_model.line(0).quantity == 5)
    assert window.findChild(QLabel, "totalLabel").text() == "₹725.00"


def test_refused_quantity_is_explained(window: MainWindow) -> None:
    window.add_product(CHAI)

    assert not window.cart_model.set_quantity(0, 0)

    message = window.findChild(QLabel, "cartMessage")
    assert message.isVisible()
    assert "1 to 999" in message.text()


def test_empty_cart_shows_a_hint(window: MainWindow) -> None:
    table = window.findChild(QTableView, "cartTable")
    assert not table.isVisible()

    window.add_product(CHAI)

    assert table.isVisible()
