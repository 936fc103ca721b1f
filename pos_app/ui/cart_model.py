"""The cart as a Qt table model: item, unit price, quantity and line total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.domain import text as text_mod
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP

__all__ = ["CartModel"]

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class CartModel(QAbstractTableModel):
    """Show and edit the lines of a :class:`~pos_app.domain.cart.Cart`.

    The model owns every change to the cart so views stay in step. Adding raises
    :class:`~pos_app.domain.money.InvalidAmount` (cart unchanged) when the sale would
    go over the limit; quantity edits through ``setData`` are refused instead, with
    ``edit_rejected``.

    Signals:
        total_changed(object): the cart's new total ``Money``, after every change.
        edit_rejected(str): a quantity change was refused; message for the cashier.
    """

    total_changed = Signal(object)
    edit_rejected = Signal(str)

    ITEM, PRICE, QTY, TOTAL = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("CartModel", "Item"),
        QT_TRANSLATE_NOOP("CartModel", "Price"),
        QT_TRANSLATE_NOOP("CartModel", "Qty"),
        QT_TRANSLATE_NOOP("CartModel", "Total"),
    )

    def __init__(
        self, cart: cart_mod.Cart | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._cart = cart if cart is not None else cart_mod.Cart()

    def __repr__(self) -> str:
        return f"<CartModel lines={len(self._cart)} total={self._cart.total}>"

    # -- reading ----------------------------------------------------------------

    @property
    def cart(self) -> cart_mod.Cart:
        return self._cart

    @property
    def total(self) -> money_mod.Money:
        return self._cart.total

    @property
    def item_count(self) -> int:
        return self._cart.item_count

    def line(self, row: int) -> cart_mod.CartLine:
        return self._cart.lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cart)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cart):
            return None
        line, column = self._cart.lines[index.row()], index.column()

        if role == Qt.ItemDataRole.DisplayRole:
            return _display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return line.quantity if column == self.QTY else _display(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LEFT if column == self.ITEM else _RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ITEM:
            return i18n.render(line.name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _display(line, column)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return i18n.t("CartModel", self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LEFT if section == self.ITEM else _RIGHT)
        return None

    def retranslate(self) -> None:
        """The language changed: views read the headers and line names again.

        A model gets no LanguageChange of its own (it is not a widget); the cart
        view calls this from its ``changeEvent``.
        """
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if len(self._cart):
            last = len(self._cart) - 1
            self.dataChanged.emit(self.index(0, self.ITEM), self.index(last, self.ITEM))

    def quantity_message(self) -> str:
        """Why a quantity was refused, in the current language."""
        return self.tr("Quantity must be a whole number from 1 to {max}").format(
            max=cart_mod.MAX_QUANTITY
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.QTY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- changing ---------------------------------------------------------------

    def setData(
        self,
        index: _Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != self.QTY:
            return False
        return self.set_quantity(index.row(), value)

    def set_quantity(self, row: int, value: object) -> bool:
        """Set a line's quantity; if refused emit ``edit_rejected`` and return False."""
        quantity = _parse_quantity(value)
        if quantity is None:
            self.edit_rejected.emit(self.quantity_message())
            return False
        if quantity == self._cart.lines[row].quantity:
            return True

        try:
            self._cart.set_quantity(row, quantity)
        except money_mod.InvalidAmount as exc:
            self.edit_rejected.emit(i18n.render(exc))
            return False
        except ValueError:
            self.edit_rejected.emit(self.quantity_message())
            return False

        self._row_changed(row)
        return True

    def change_quantity(self, row: int, delta: int) -> bool:
        """Add ``delta`` to a line's quantity (the plus and minus buttons)."""
        return self.set_quantity(row, self._cart.lines[row].quantity + delta)

    def add_product(self, product: cart_mod.Product) -> int:
        """Add one of a product and return its row; raises InvalidAmount if too much."""
        trial = cart_mod.Cart(list(self._cart.lines))
        row = trial.add_product(product)  # raises before anything changes

        if row < len(self._cart):
            self._cart.add_product(product)
            self._row_changed(row)
        else:
            self.beginInsertRows(QModelIndex(), row, row)
            self._cart.add_product(product)
            self.endInsertRows()
            self.total_changed.emit(self._cart.total)
        return row

    def add_amount(self, amount: money_mod.Money, label: str | None = None) -> int:
        """Add a free amount line and return its row; raises InvalidAmount.

        The default label stays English in the cart (receipts, the database) and
        is shown in the screen's language.
        """
        if label is None:
            label = text_mod.translate("CartModel", "Amount")
        trial = cart_mod.Cart(list(self._cart.lines))
        row = trial.add_amount(amount, label)

        self.beginInsertRows(QModelIndex(), row, row)
        self._cart.add_amount(amount, label)
        self.endInsertRows()
        self.total_changed.emit(self._cart.total)
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._cart.remove(row)
        self.endRemoveRows()
        self.total_changed.emit(self._cart.total)

    def clear(self) -> None:
        self.beginResetModel()
        self._cart.clear()
        self.endResetModel()
        self.total_changed.emit(self._cart.total)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, self.QTY), self.index(row, self.TOTAL))
        self.total_changed.emit(self._cart.total)


def _display(line: cart_mod.CartLine, column: int) -> str:
    if column == CartModel.ITEM:
        return i18n.render(line.name)
    if column == CartModel.PRICE:
        return line.unit_price.format()
    if column == CartModel.QTY:
        return str(line.quantity)
    return line.total.format()


def _parse_quantity(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        quantity = value
    elif isinstance(value, str) and value.strip().isdigit():
        quantity = int(value.strip())
    else:
        return None
    return quantity if 1 <= quantity <= cart_mod.MAX_QUANTITY else None
