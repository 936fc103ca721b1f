"""The cart table with quantity buttons, the item count and the big total."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
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
from pos_app.ui.i18n import Retranslating

__all__ = ["CartView"]

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


class _QuantityDelegate(QStyledItemDelegate):
    """Edit a quantity by typing it: digits only, Enter sets it.

    The editor takes any number of up to four digits, so a quantity above the
    limit reaches the model and is refused there with a message (a spin box
    would silently turn 5000 into 999). A blank field changes nothing.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("quantityEditor")
        editor.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), editor)
        )
        editor.setMaxLength(4)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAccessibleName(QCoreApplication.translate("CartView", "Quantity"))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()  # the first digit typed replaces the old quantity
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        if not isinstance(editor, QLineEdit):
            super().setModelData(editor, model, index)
            return
        text = editor.text().strip()
        if not text:
            return  # nothing typed: the quantity stays as it was
        model.setData(index, int(text), Qt.ItemDataRole.EditRole)


class CartView(Retranslating, QWidget):
    """Show a :class:`CartModel`: lines, quantity buttons, the total.

    Keys, while the cart table has focus: ``+`` and ``-`` change the selected
    line's quantity by one. :meth:`edit_quantity` (F4 or Ctrl+Q in the window)
    puts the cursor in the selected line's quantity: type a number, Enter.
    """

    def __init__(self, model: CartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._message_text: Callable[[], str] | None = None

        self._heading = theme.label("", "heading")
        self._count_label = theme.label("", "muted")
        self._count_label.setObjectName("itemCountLabel")
        # The quantity keys, said where the cashier looks for the cart's state.
        self._keys_hint = theme.label("", "muted")
        self._keys_hint.setObjectName("quantityKeysHint")
        header_row = QHBoxLayout()
        header_row.setSpacing(16)
        header_row.addWidget(self._heading)
        header_row.addStretch(1)
        header_row.addWidget(self._keys_hint)
        header_row.addWidget(self._count_label)

        self._table = QTableView()
        self._table.setObjectName("cartTable")
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
        self._table.installEventFilter(self)

        self._empty_label = theme.label("", "muted")
        self._empty_label.setObjectName("cartEmptyLabel")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty_label)
        self._stack.addWidget(self._table)

        self._minus_button = self._step_button("−", "minusButton")
        self._plus_button = self._step_button("+", "plusButton")
        self._remove_button = QPushButton()
        self._remove_button.setObjectName("removeButton")

        self._message = theme.label("", "error", wrap=True)
        self._message.setObjectName("cartMessage")
        self._message.hide()

        self._total_caption = theme.label("", "heading")
        self._total_label = theme.label("", "total")
        self._total_label.setObjectName("totalLabel")
        self._total_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        bottom_row = QHBoxLayout()
        bottom_row.setSpacing(8)
        bottom_row.addWidget(self._minus_button)
        bottom_row.addWidget(self._plus_button)
        bottom_row.addWidget(self._remove_button)
        bottom_row.addStretch(1)
        bottom_row.addWidget(self._total_caption)
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

        self.retranslate()

    def __repr__(self) -> str:
        return f"<CartView rows={self._model.rowCount()}>"

    @staticmethod
    def _step_button(text: str, object_name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setProperty("role", "step")
        return button

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self._heading.setText(self.tr("Cart"))
        self._table.setAccessibleName(self.tr("Cart lines"))
        self._empty_label.setText(
            self.tr(
                "The cart is empty.\nTap a product or type an amount to start a sale."
            )
        )
        self._minus_button.setAccessibleName(self.tr("Decrease quantity"))
        self._minus_button.setToolTip(self.tr("Decrease quantity (− key)"))
        self._plus_button.setAccessibleName(self.tr("Increase quantity"))
        self._plus_button.setToolTip(self.tr("Increase quantity (+ key)"))
        self._remove_button.setText(self.tr("Remove"))
        self._remove_button.setAccessibleName(self.tr("Remove selected line"))
        self._keys_hint.setText(
            self.tr("F4 or Ctrl+Q: type the quantity, then Enter. + and − change it.")
        )
        self._total_caption.setText(self.tr("Total"))
        self._total_label.setAccessibleName(self.tr("Cart total"))
        if self._message_text is not None:
            self._message.setText(self._message_text())
        self._model.retranslate()
        self._refresh()

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

    def edit_quantity(self) -> bool:
        """Put the cursor in the quantity of the selected line (else the last one).

        The cashier types the number and presses Enter; Escape leaves it as it
        was. False when the cart is empty.
        """
        count = self._model.rowCount()
        if not count:
            return False
        row = self.selected_row()
        if row is None:
            row = count - 1
        self.select_row(row)
        index = self._model.index(row, CartModel.QTY)
        self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._table.setCurrentIndex(index)
        self._table.edit(index)
        return True

    def show_message(self, text: str | Callable[[], str]) -> None:
        """Show a short inline message about the cart (for example a refused change).

        ``text`` may be a callable that says the message in the current language;
        it is asked again when the language changes.
        """
        source = text if callable(text) else (lambda: text)
        shown = source()
        if self._message.isHidden() or shown != self._message.text():
            log.info("cart: %s", shown)  # once, not at every refused press
        self._message_text = source
        self._message.setText(shown)
        self._message.show()

    def clear_message(self) -> None:
        self._message_text = None
        self._message.hide()
        self._message.clear()

    def _refresh(self) -> None:
        empty = self._model.rowCount() == 0
        self._stack.setCurrentWidget(self._empty_label if empty else self._table)
        self._keys_hint.setVisible(not empty)

        count = self._model.item_count
        if empty:
            count_text = ""
        elif count == 1:
            count_text = self.tr("1 item")
        else:
            count_text = self.tr("{count} items").format(count=count)
        self._count_label.setText(count_text)
        self._total_label.setText(self._model.total.format())

        row = self.selected_row()
        quantity = self._model.line(row).quantity if row is not None else 0
        self._minus_button.setEnabled(quantity > 1)
        self._plus_button.setEnabled(0 < quantity < cart_mod.MAX_QUANTITY)
        self._remove_button.setEnabled(row is not None)

    # -- keys -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._table.state() != QAbstractItemView.State.EditingState
        ):
            delta = _STEP_KEYS.get(int(event.key()))
            if delta is not None:
                self._step(delta)
                return True
        return super().eventFilter(watched, event)

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
        quantity = self._model.line(row).quantity + delta
        if not 1 <= quantity <= cart_mod.MAX_QUANTITY:
            return  # at the end of the range: nothing to change, nothing to say
        if self._model.change_quantity(row, delta):
            self.clear_message()  # a refusal keeps (and logs once) its message
        self.select_row(row)


#: Keys that step the selected line's quantity while the cart table has focus.
_STEP_KEYS: dict[int, int] = {
    int(Qt.Key.Key_Plus): +1,
    int(Qt.Key.Key_Equal): +1,  # the same key without Shift
    int(Qt.Key.Key_Minus): -1,
    int(Qt.Key.Key_Underscore): -1,
}
