"""The cart table with quantity buttons, the item count and the big total."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.ui import theme
from pos_app.ui.cart_model import CartModel

__all__ = ["CartView"]

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


class _QuantityDelegate(QStyledItemDelegate):
    """Edit a quantity with a spin box limited to what the cart accepts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(1, cart_mod.MAX_QUANTITY)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setAccessibleName("Quantity")
        return editor


class CartView(QWidget):
    """Show a :class:`CartModel`: lines, quantity buttons, the total."""

    def __init__(self, model: CartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

        heading = theme.label("Cart", "heading")
        self._count_label = theme.label("", "muted")
        self._count_label.setObjectName("itemCountLabel")
        header_row = QHBoxLayout()
        header_row.addWidget(heading)
        header_row.addStretch(1)
        header_row.addWidget(self._count_label)

        self._table = QTableView()
        self._table.setObjectName("cartTable")
        self._table.setAccessibleName("Cart lines")
        self._table.setModel(model)
        self._table.setItemDelegateForColumn(
            CartModel.QTY, _QuantityDelegate(self._table)
        )
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._table.setAlternatingRowColors(True)
        self._table.setShowGrid(False)
        self._table.setWordWrap(False)
        self._table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._table.verticalHeader().hide()
        self._table.verticalHeader().setDefaultSectionSize(42)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self._table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(CartModel.ITEM, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CartModel.PRICE, 120), (CartModel.QTY, 72)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(CartModel.TOTAL, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(CartModel.TOTAL, 140)

        self._empty_label = theme.label(
            "The cart is empty.\nTap a product or type an amount to start a sale.",
            "muted",
        )
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty_label)
        self._stack.addWidget(self._table)

        self._minus_button = self._step_button("−", "Decrease quantity", "minusButton")
        self._plus_button = self._step_button("+", "Increase quantity", "plusButton")
        self._remove_button = QPushButton("Remove")
        self._remove_button.setObjectName("removeButton")
        self._remove_button.setAccessibleName("Remove selected line")

        self._message = theme.label("", "error", wrap=True)
        self._message.setObjectName("cartMessage")
        self._message.hide()

        total_caption = theme.label("Total", "heading")
        self._total_label = theme.label("", "total")
        self._total_label.setObjectName("totalLabel")
        self._total_label.setAccessibleName("Cart total")
        self._total_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        bottom_row = QHBoxLayout()
        bottom_row.setSpacing(8)
        bottom_row.addWidget(self._minus_button)
        bottom_row.addWidget(self._plus_button)
        bottom_row.addWidget(self._remove_button)
        bottom_row.addStretch(1)
        bottom_row.addWidget(total_caption)
        bottom_row.addSpacing(12)
        bottom_row.addWidget(self._total_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header_row)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._message)
        layout.addWidget(theme.divider())
        layout.addLayout(bottom_row)

        model.total_changed.connect(self.on_model_total_changed)
        model.edit_rejected.connect(self.on_model_edit_rejected)
        model.rowsInserted.connect(self.on_model_rows_changed)
        model.rowsRemoved.connect(self.on_model_rows_changed)
        model.modelReset.connect(self.on_model_rows_changed)

        self._table.selectionModel().selectionChanged.connect(
            self.on_selection_selection_changed
        )

        self._minus_button.clicked.connect(self.on_minus_button_clicked)
        self._plus_button.clicked.connect(self.on_plus_button_clicked)
        self._remove_button.clicked.connect(self.on_remove_button_clicked)

        self._refresh()

    def __repr__(self) -> str:
        return f"<CartView rows={self._model.rowCount()}>"

    @staticmethod
    def _step_button(text: str, name: str, object_name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setProperty("role", "step")
        return button

    # -- API --------------------------------------------------------------------

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def message(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def select_row(self, row: int) -> None:
        self._table.selectRow(row)
        self._table.scrollTo(self._model.index(row, 0))

    def selected_row(self) -> int | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_message(self, text: str) -> None:
        """Show a short inline message about the cart (for example a refused change)."""
        log.info("cart: %s", text)
        self._message.setText(text)
        self._message.show()

    def clear_message(self) -> None:
        self._message.hide()
        self._message.clear()

    def _refresh(self) -> None:
        empty = self._model.rowCount() == 0
        self._stack.setCurrentWidget(self._empty_label if empty else self._table)

        count = self._model.item_count
        self._count_label.setText(
            "" if empty else f"{count} item{'s' if count != 1 else ''}"
        )
        self._total_label.setText(self._model.total.format())

        row = self.selected_row()
        more_than_one = row is not None and self._model.line(row).quantity > 1
        self._minus_button.setEnabled(more_than_one)
        self._plus_button.setEnabled(row is not None)
        self._remove_button.setEnabled(row is not None)

    # -- slots ------------------------------------------------------------------

    @Slot(object)
    def on_model_total_changed(self, _total: money_mod.Money) -> None:
        self._refresh()

    @Slot(str)
    def on_model_edit_rejected(self, message: str) -> None:
        self.show_message(message)

    @Slot()
    def on_model_rows_changed(self) -> None:
        self._refresh()

    @Slot(QItemSelection, QItemSelection)
    def on_selection_selection_changed(self, *_args: object) -> None:
        self._refresh()

    @Slot()
    def on_minus_button_clicked(self) -> None:
        self._step(-1)

    @Slot()
    def on_plus_button_clicked(self) -> None:
        self._step(+1)

    @Slot()
    def on_remove_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.clear_message()
        self._model.remove(row)
        if self._model.rowCount():
            self.select_row(min(row, self._model.rowCount() - 1))

    def _step(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.clear_message()
        self._model.change_quantity(row, delta)
        self.select_row(row)
