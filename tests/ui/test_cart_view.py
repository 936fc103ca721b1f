"""The cart table, its buttons and the total."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView
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
    editor = table.findChild(QLineEdit, "quantityEditor")
    assert editor is not None
    assert editor.text() == "1"
    qtbot.keyClicks(editor, "5")  # the old quantity is selected: typing replaces it
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


# -- the quantity from the keyboard (F4 / Ctrl+Q, then + and -) --------------------


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shortcuts (F4, Ctrl+Q) reach the active window only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def quantity_editor(window: MainWindow) -> QLineEdit | None:
    editor = window.findChild(QLineEdit, "quantityEditor")
    return editor if editor is not None and editor.isVisible() else None


def test_f4_types_the_quantity_of_the_selected_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.add_product(CHAI)
    window.add_product(RICE)
    table = window.findChild(QTableView, "cartTable")
    table.selectRow(0)
    activate(qtbot, window)

    QTest.keyClick(window, Qt.Key.Key_F4)
    editor = quantity_editor(window)
    assert editor is not None
    assert editor.hasFocus()
    assert editor.selectedText() == "1"  # typing replaces it
    QTest.keyClicks(editor, "12")
    QTest.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.cart_model.line(0).quantity == 12)
    assert window.cart_model.line(1).quantity == 1
    assert window.findChild(QLabel, "totalLabel").text() == "₹1,929.50"


def test_ctrl_q_edits_the_last_line_when_none_is_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.add_product(CHAI)
    window.add_product(RICE)
    window.findChild(QTableView, "cartTable").clearSelection()
    activate(qtbot, window)

    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    editor = quantity_editor(window)
    assert editor is not None
    QTest.keyClicks(editor, "3")
    QTest.keyClick(editor, Qt.Key.Key_Enter)

    qtbot.waitUntil(lambda: window.cart_model.line(1).quantity == 3)
    assert window.cart_model.line(0).quantity == 1


def test_blank_or_zero_quantity_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.add_product(CHAI)
    window.cart_model.set_quantity(0, 4)

    assert window.edit_quantity()
    editor = quantity_editor(window)
    assert editor is not None
    editor.clear()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quantity_editor(window) is None)
    assert window.cart_model.line(0).quantity == 4
    assert window.findChild(QLabel, "cartMessage").isHidden()

    assert window.edit_quantity()
    editor = quantity_editor(window)
    assert editor is not None
    QTest.keyClicks(editor, "0")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quantity_editor(window) is None)
    assert window.cart_model.line(0).quantity == 4
    assert "1 to 999" in window.findChild(QLabel, "cartMessage").text()


def test_quantity_above_the_maximum_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.add_product(CHAI)

    assert window.edit_quantity()
    editor = quantity_editor(window)
    assert editor is not None
    QTest.keyClicks(editor, "1500")
    QTest.keyClick(editor, Qt.Key.Key_Return)

    message = window.findChild(QLabel, "cartMessage")
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "Quantity must be a whole number from 1 to 999"
    assert window.cart_model.line(0).quantity == 1


def test_f4_does_nothing_while_paying(qtbot: QtBot, payable: MainWindow) -> None:
    activate(qtbot, payable)
    assert payable.pay()
    QTest.keyClick(payable, Qt.Key.Key_F4)
    assert quantity_editor(payable) is None
    assert not payable.edit_quantity()


def test_plus_and_minus_keys_step_the_selected_line(window: MainWindow) -> None:
    window.add_product(CHAI)
    table = window.findChild(QTableView, "cartTable")
    table.setFocus()

    QTest.keyClick(table, Qt.Key.Key_Plus)
    QTest.keyClick(table, Qt.Key.Key_Plus)
    assert window.cart_model.line(0).quantity == 3
    QTest.keyClick(table, Qt.Key.Key_Minus)
    assert window.cart_model.line(0).quantity == 2
    QTest.keyClick(table, Qt.Key.Key_Minus)
    QTest.keyClick(table, Qt.Key.Key_Minus)  # not below 1, and no message
    assert window.cart_model.line(0).quantity == 1
    assert window.findChild(QLabel, "cartMessage").isHidden()


def test_plus_is_disabled_at_the_maximum_and_does_not_log(
    window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    window.add_product(CHAI)
    window.cart_model.set_quantity(0, 998)
    plus = button(window, "plusButton")
    assert plus.isEnabled()

    plus.click()
    assert window.cart_model.line(0).quantity == 999
    assert not plus.isEnabled()
    table = window.findChild(QTableView, "cartTable")
    table.setFocus()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            QTest.keyClick(table, Qt.Key.Key_Plus)
    assert window.cart_model.line(0).quantity == 999
    assert caplog.records == []


def test_a_refusal_is_logged_once(
    window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    window.add_amount("950000")  # near the sale limit
    table = window.findChild(QTableView, "cartTable")
    table.setFocus()
    with caplog.at_level(logging.INFO, logger="pos_app.ui.cart_view"):
        for _ in range(4):
            QTest.keyClick(table, Qt.Key.Key_Plus)
    assert window.cart_model.line(0).quantity == 1
    assert window.findChild(QLabel, "cartMessage").isVisible()
    assert len([r for r in caplog.records if r.name == "pos_app.ui.cart_view"]) == 1


def test_the_keys_are_shown_to_the_cashier(window: MainWindow) -> None:
    hint = window.findChild(QLabel, "quantityKeysHint")
    assert hint.isHidden()  # nothing to change in an empty cart

    window.add_product(CHAI)

    assert hint.isVisible()
    assert "F4" in hint.text()
    assert "+" in button(window, "plusButton").toolTip()
    assert button(window, "plusButton").accessibleName() == "Increase quantity"


def test_f4_on_an_empty_cart_does_nothing(window: MainWindow) -> None:
    assert not window.edit_quantity()
    assert quantity_editor(window) is None
