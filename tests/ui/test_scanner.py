"""A barcode scanner types fast and ends with Enter; a person types slowly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from .conftest import CHAI, RICE


def _scan(qtbot, widget, code: str) -> None:
    for digit in code:
        QTest.keyClick(widget, digit)  # back to back: well under the gap
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_scan_adds_the_product_and_a_second_scan_adds_one_more(ready_window, qtbot):
    ready_window.setFocus()

    _scan(qtbot, ready_window, CHAI)
    _scan(qtbot, ready_window, CHAI)
    _scan(qtbot, ready_window, RICE)

    model = ready_window.cart_model
    assert model.rowCount() == 2
    assert [line.quantity for line in model.cart.lines] == [2, 1]


def test_an_unknown_barcode_says_so_and_adds_nothing(ready_window, qtbot):
    ready_window.setFocus()
    _scan(qtbot, ready_window, "1234567890123")

    assert ready_window.cart_model.rowCount() == 0
    message = ready_window.findChild(QLabel, "cartMessage")
    assert message is not None
    assert "No product with barcode 1234567890123" in message.text()


def test_digits_typed_into_the_mobile_field_are_never_a_scan(ready_window, qtbot):
    field = ready_window.customer_panel.phone_edit
    field.setFocus()
    _scan(qtbot, field, CHAI)

    assert ready_window.cart_model.rowCount() == 0
    assert field.text() == CHAI  # the cashier's typing is untouched


def test_slow_typing_is_not_a_scan(ready_window, qtbot):
    ready_window.setFocus()
    for digit in CHAI:
        QTest.keyClick(ready_window, digit)
        qtbot.wait(90)  # slower than any scanner
    QTest.keyClick(ready_window, Qt.Key.Key_Return)

    assert ready_window.cart_model.rowCount() == 0


def test_a_scan_while_a_product_button_has_focus_reaches_the_window(
    ready_window, qtbot
):
    from PySide6.QtWidgets import QPushButton

    button = ready_window.findChild(QPushButton, f"product_{RICE}")
    assert button is not None
    button.setFocus()

    _scan(qtbot, button, CHAI)  # the keys go to the focused button first

    assert [line.sku for line in ready_window.cart_model.cart.lines] == [CHAI]
