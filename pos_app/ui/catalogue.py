"""The product grid and the free-amount entry."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from importlib import resources

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import Retranslating

__all__ = ["Catalogue", "ProductButton", "load_products"]

log = logging.getLogger(__name__)

COLUMNS = 4


def load_products() -> list[cart_mod.Product]:
    """Read the product catalogue shipped in ``pos_app.resources/products.json``."""
    text = (
        resources.files("pos_app.resources")
        .joinpath("products.json")
        .read_text("utf-8")
    )
    rows = json.loads(text)["products"]
    return [
        cart_mod.Product(
            sku=str(row["sku"]),
            name=str(row["name"]),
            price=money_mod.Money.from_decimal(str(row["price"])),
        )
        for row in rows
    ]


class ProductButton(Retranslating, QPushButton):
    """A large button showing a product's name and price."""

    def __init__(
        self, product: cart_mod.Product, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.product = product
        self.setObjectName(f"product_{product.sku}")
        self.setProperty("role", "product")
        self.setToolTip(product.name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        name = theme.label(product.name, wrap=True)
        price = theme.label(product.price.format(), "product-price")
        for part in (name, price):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(name, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(price, 0)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<ProductButton sku={self.product.sku}>"

    def retranslate(self) -> None:
        self.setAccessibleName(
            self.tr("Add {name}, {price}").format(
                name=self.product.name, price=self.product.price.format()
            )
        )


class Catalogue(Retranslating, QWidget):
    """Pick products or type an amount.

    The catalogue only parses; the window adds to the cart and then calls
    :meth:`accept_amount` or :meth:`show_amount_error`, so a refused amount stays in
    the field for the cashier to correct.

    Signals:
        product_chosen(object): the ``Product`` the cashier tapped.
        amount_entered(object): a valid ``Money`` typed in the free-amount field.
    """

    product_chosen = Signal(object)
    amount_entered = Signal(object)

    def __init__(
        self,
        products: list[cart_mod.Product],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._products = {product.sku: product for product in products}
        self._error_text: Callable[[], str] | None = None

        self._heading = theme.label("", "heading")

        self._grid = QWidget()
        self._grid.setObjectName("productGrid")
        grid = QGridLayout(self._grid)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for position, product in enumerate(products):
            button = ProductButton(product)
            button.clicked.connect(self.on_product_clicked)
            grid.addWidget(button, position // COLUMNS, position % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)

        self._amount_heading = amount_heading = theme.label("", "heading")
        amount_heading.setMinimumWidth(140)

        self._amount_edit = QLineEdit()
        self._amount_edit.setObjectName("freeAmountEdit")
        self._amount_edit.setMaxLength(20)

        self._add_button = QPushButton()
        self._add_button.setObjectName("addAmountButton")

        self._amount_error = theme.label("", "error", wrap=True)
        self._amount_error.setObjectName("freeAmountError")
        self._amount_error.hide()

        amount_row = QHBoxLayout()
        amount_row.setSpacing(8)
        amount_row.addWidget(amount_heading)
        amount_row.addWidget(self._amount_edit, 1)
        amount_row.addWidget(self._add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._heading)
        layout.addWidget(self._grid)
        layout.addSpacing(4)
        layout.addLayout(amount_row)
        layout.addWidget(self._amount_error)

        self._amount_edit.returnPressed.connect(self.on_amount_edit_return_pressed)
        self._amount_edit.textEdited.connect(self.on_amount_edit_text_edited)

        self._add_button.clicked.connect(self.on_add_button_clicked)

        self.retranslate()

    def __repr__(self) -> str:
        return f"<Catalogue products={len(self._products)}>"

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self._heading.setText(self.tr("Products"))
        self._grid.setAccessibleName(self.tr("Products"))
        self._amount_heading.setText(self.tr("Other amount"))
        self._amount_edit.setAccessibleName(self.tr("Other amount in rupees"))
        self._amount_edit.setPlaceholderText(self.tr("Amount in ₹, e.g. 149.50"))
        self._add_button.setText(self.tr("Add amount"))
        self._add_button.setAccessibleName(self.tr("Add amount to cart"))
        if self._error_text is not None:
            self._amount_error.setText(self._error_text())

    # -- API for the window -----------------------------------------------------

    def product(self, sku: str) -> cart_mod.Product | None:
        return self._products.get(sku)

    def products(self) -> list[cart_mod.Product]:
        return list(self._products.values())

    @property
    def amount_edit(self) -> QLineEdit:
        return self._amount_edit

    @property
    def amount_error(self) -> str:
        return self._amount_error.text() if not self._amount_error.isHidden() else ""

    def submit_amount(self) -> None:
        """Parse the field; emit ``amount_entered`` or show why it is not an amount."""
        text = self._amount_edit.text()
        if not text.strip():
            self.show_amount_error(lambda: self.tr("Type an amount first, e.g. 149.50"))
            return
        try:
            amount = money_mod.Money.parse(text)
        except money_mod.InvalidAmount as exc:
            self.show_amount_error(functools.partial(i18n.render, exc))
            return
        if amount.paise <= 0:
            self.show_amount_error(lambda: self.tr("The amount must be more than zero"))
            return
        self.amount_entered.emit(amount)

    def accept_amount(self) -> None:
        """The amount went into the cart: empty the field for the next one."""
        self._amount_edit.clear()
        self._hide_error()

    def show_amount_error(self, message: str | Callable[[], str]) -> None:
        """Show why the amount was refused; leave the text for the cashier to fix.

        ``message`` may be a callable saying it in the current language (asked
        again when the language changes).
        """
        source = message if callable(message) else (lambda: message)
        self._error_text = source
        log.info("free amount refused: %s", source())
        self._amount_error.setText(source())
        self._amount_error.show()
        theme.set_style(self._amount_edit, invalid=True)
        self._amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._amount_edit.selectAll()

    def _hide_error(self) -> None:
        self._error_text = None
        self._amount_error.hide()
        self._amount_error.clear()
        theme.set_style(self._amount_edit, invalid=False)

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_product_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, ProductButton):
            self.product_chosen.emit(button.product)

    @Slot()
    def on_amount_edit_return_pressed(self) -> None:
        self.submit_amount()

    @Slot(str)
    def on_amount_edit_text_edited(self, _text: str) -> None:
        if not self._amount_error.isHidden():
            self._hide_error()

    @Slot()
    def on_add_button_clicked(self) -> None:
        self.submit_amount()
