"""CartModel: the cart as a table model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import Product
from pos_app.domain.money import InvalidAmount, Money
from pos_app.ui.cart_model import CartModel

CHAI = Product("1", "Masala Chai", Money.from_decimal("145.00"))
RICE = Product("2", "Basmati Rice", Money.from_decimal("189.50"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@pytest.fixture
def model() -> CartModel:
    cart_model = CartModel()
    QAbstractItemModelTester(
        cart_model, QAbstractItemModelTester.FailureReportingMode.Fatal, cart_model
    )
    return cart_model


def text(model: CartModel, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))


def test_adding_products_and_amounts_fills_rows(model: CartModel) -> None:
    model.add_product(CHAI)
    model.add_product(RICE)
    row = model.add_product(CHAI)
    model.add_amount(Money.from_decimal("20"))

    assert row == 0
    assert model.rowCount() == 3
    assert [text(model, 0, c) for c in range(4)] == [
        "Masala Chai",
        "₹145.00",
        "2",
        "₹290.00",
    ]
    assert text(model, 2, CartModel.ITEM) == "Amount"
    assert model.total == Money.from_decimal("499.50")
    assert model.item_count == 4


def test_money_and_quantity_are_right_aligned(model: CartModel) -> None:
    model.add_product(CHAI)

    align = Qt.ItemDataRole.TextAlignmentRole
    for column in (CartModel.PRICE, CartModel.QTY, CartModel.TOTAL):
        assert model.data(model.index(0, column), align) == RIGHT
        assert model.headerData(column, Qt.Orientation.Horizontal, align) == RIGHT
    assert model.data(model.index(0, CartModel.ITEM), align) != RIGHT


def test_only_quantity_is_editable(model: CartModel) -> None:
    model.add_product(CHAI)

    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, CartModel.QTY)) & editable
    assert not model.flags(model.index(0, CartModel.ITEM)) & editable
    assert not model.setData(model.index(0, CartModel.ITEM), "Tea")


def test_quantity_edit_updates_total(qtbot: QtBot, model: CartModel) -> None:
    model.add_product(CHAI)

    with qtbot.waitSignal(model.total_changed) as blocker:
        assert model.setData(model.index(0, CartModel.QTY), 3)

    assert blocker.args == [Money.from_decimal("435.00")]
    assert text(model, 0, CartModel.TOTAL) == "₹435.00"
    assert model.setData(model.index(0, CartModel.QTY), " 4 ")
    assert model.line(0).quantity == 4


@pytest.mark.parametrize("value", [0, -1, 1000, "abc", "1.5", "", True, None])
def test_bad_quantity_is_refused(qtbot: QtBot, model: CartModel, value: object) -> None:
    model.add_product(CHAI)

    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(model.index(0, CartModel.QTY), value)

    assert "1 to 999" in blocker.args[0]
    assert model.line(0).quantity == 1


def test_sale_limit_refuses_without_changing_the_cart(model: CartModel) -> None:
    model.add_amount(Money.parse("10,00,000"))

    with pytest.raises(InvalidAmount, match="cannot be more than"):
        model.add_product(CHAI)
    with pytest.raises(InvalidAmount):
        model.add_amount(Money.from_decimal("1"))

    assert model.rowCount() == 1
    assert model.total == Money.parse("10,00,000")


def test_quantity_over_the_limit_says_why(qtbot: QtBot, model: CartModel) -> None:
    model.add_amount(Money.parse("6,00,000"))

    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.set_quantity(0, 2)

    assert "cannot be more than" in blocker.args[0]


def test_remove_and_clear(qtbot: QtBot, model: CartModel) -> None:
    model.add_product(CHAI)
    model.add_product(RICE)

    model.remove(0)
    assert text(model, 0, CartModel.ITEM) == "Basmati Rice"
    with qtbot.waitSignal(model.total_changed) as blocker:
        model.clear()

    assert model.rowCount() == 0
    assert blocker.args == [Money.zero()]


def test_change_quantity_steps(model: CartModel) -> None:
    model.add_product(CHAI)

    assert model.change_quantity(0, +1)
    assert not model.change_quantity(0, -2)
    assert model.line(0).quantity == 2
