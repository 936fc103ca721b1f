"""The shop step: big product tiles on the left, the cart with - and + on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain import cart as cart_mod
from pos_app.domain import money as money_mod
from pos_app.ui import i18n
from pos_app.ui.cart_model import CartModel
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["ProductTile", "ShopScreen"]

log = logging.getLogger(__name__)

EMPTY_CART = QT_TRANSLATE_NOOP(
    "ShopScreen", "Your basket is empty. Tap an item to add it."
)


class ProductTile(Retranslating, QPushButton):
    """A large tile: the product's name and price; a tap adds one."""

    def __init__(self, product: cart_mod.Product, parent: QWidget | None = None):
        super().__init__(parent)
        self.product = product
        self.setObjectName(f"kioskProduct_{product.sku}")
        self.setProperty("kiosk", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.setMinimumWidth(widgets.MIN_TOUCH * 3)

        self._name = widgets.text("", "tile-name")
        price = widgets.text(product.price.format(), "tile-price", wrap=False)
        self._add = widgets.text("", "tile-add", wrap=False)
        name, add = self._name, self._add
        for part in (name, price, add):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bottom = QHBoxLayout()
        bottom.addWidget(price)
        bottom.addStretch(1)
        bottom.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(name, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

        self.retranslate()

    def __repr__(self) -> str:
        return f"<ProductTile sku={self.product.sku}>"

    def retranslate(self) -> None:
        name = i18n.render(self.product.name)
        self._name.setText(name)
        self._add.setText(self.tr("+ Add"))
        self.setAccessibleName(
            self.tr("Add {name}, {price}").format(
                name=name, price=self.product.price.format()
            )
        )


class ShopScreen(Retranslating, QWidget):
    """Pick items and adjust the basket; "Next" goes on to the mobile number.

    The cart lives in a :class:`CartModel` (shared with the pay step); the rows on
    the right are rebuilt from it after each change.

    Signals:
        next_requested(): the customer is done shopping.
        cancel_requested(): the customer wants to start again.
    """

    next_requested = Signal()
    cancel_requested = Signal()

    def __init__(
        self,
        model: CartModel,
        products: list[cart_mod.Product],
        *,
        columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shopPage")
        self._model = model
        self._products = {product.sku: product for product in products}
        self._said: object = ""  # the cart's last refusal, said again on a switch

        heading = widgets.text("", "title", name="shopTitle")
        self._heading = heading
        grid_box = QWidget()
        grid_box.setObjectName("kioskProductGrid")
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setSpacing(14)
        for position, product in enumerate(products):
            tile = ProductTile(product)
            tile.clicked.connect(self.on_tile_clicked)
            grid.addWidget(tile, position // columns, position % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(grid.rowCount(), 1)
        products_scroll = _scroll(grid_box, "kioskProductScroll")
        self._products_scroll = products_scroll

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(heading)
        left.addWidget(products_scroll, 1)

        self._cart_panel = self._build_cart()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.setSpacing(28)
        layout.addLayout(left, 3)
        layout.addWidget(self._cart_panel, 2)

        model.modelReset.connect(self.on_model_changed)
        model.rowsInserted.connect(self.on_model_changed)
        model.rowsRemoved.connect(self.on_model_changed)
        model.dataChanged.connect(self.on_model_changed)
        model.edit_rejected.connect(self.on_model_edit_rejected)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<ShopScreen lines={self._model.rowCount()}>"

    def _build_cart(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("kioskCartPanel")
        panel.setProperty("kiosk", "panel")

        self._cart_title = widgets.text("", "heading", name="kioskCartTitle")
        heading = self._cart_title
        self._empty = widgets.text("", "muted", name="kioskCartEmpty")
        self._rows_box = QWidget()
        self._rows_box.setObjectName("kioskCartRows")
        self._rows = QVBoxLayout(self._rows_box)
        self._rows.setContentsMargins(0, 0, 6, 0)
        self._rows.setSpacing(10)
        rows_wrap = QWidget()
        wrap = QVBoxLayout(rows_wrap)
        wrap.setContentsMargins(0, 0, 0, 0)
        wrap.addWidget(self._rows_box)
        wrap.addStretch(1)
        scroll = _scroll(rows_wrap, "kioskCartScroll")
        self._cart_scroll = scroll

        self._message = widgets.text("", "error", name="kioskCartMessage")
        self._message.hide()
        total_row = QHBoxLayout()
        self._total_word = widgets.text(
            "", "heading", name="kioskTotalWord", wrap=False
        )
        total_row.addWidget(self._total_word)
        total_row.addStretch(1)
        self._total = widgets.text("", "total", name="kioskTotalLabel", wrap=False)
        total_row.addWidget(self._total)

        self._next = widgets.button("", "toPhoneButton", "", "primary")
        self._cancel = widgets.button("", "shopCancelButton", "", "quiet")

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(self._empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._message)
        layout.addWidget(widgets.text("", "divider"))
        layout.addLayout(total_row)
        layout.addWidget(self._next)
        layout.addWidget(self._cancel)

        self._next.clicked.connect(self.on_next_clicked)
        self._cancel.clicked.connect(self.on_cancel_clicked)
        return panel

    def retranslate(self) -> None:
        self._heading.setText(self.tr("Tap what you want to buy"))
        self._products_scroll.setAccessibleName(self.tr("Products"))
        self._cart_title.setText(self.tr("Your basket"))
        self._cart_scroll.setAccessibleName(self.tr("Your basket"))
        self._empty.setText(i18n.t("ShopScreen", EMPTY_CART))
        self._total_word.setText(self.tr("Total"))
        self._next.setText(self.tr("Next: mobile number  →"))
        self._next.setAccessibleName(self.tr("Next: enter your mobile number"))
        self._cancel.setText(self.tr("Start again"))
        self._cancel.setAccessibleName(self.tr("Empty the basket and start again"))
        self._message.setText(i18n.render(self._said))
        self._refresh()

    # -- API --------------------------------------------------------------------

    @property
    def total_text(self) -> str:
        return self._total.text()

    @property
    def message(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def add(self, sku: str) -> bool:
        """Add one of a product, as a tap on its tile; False if refused."""
        product = self._products.get(sku)
        if product is None:
            return False
        try:
            self._model.add_product(product)
        except money_mod.InvalidAmount as exc:
            self._say(exc)
            return False
        log.debug("kiosk: added %s", sku)
        return True

    def change(self, sku: str, delta: int) -> None:
        """Add or take away one of a line; taking the last one away removes it."""
        row = self._row_of(sku)
        if row is None:
            return
        if self._model.line(row).quantity + delta <= 0:
            self._model.remove(row)
        else:
            self._model.change_quantity(row, delta)

    def _row_of(self, sku: str) -> int | None:
        for row in range(self._model.rowCount()):
            if self._model.line(row).sku == sku:
                return row
        return None

    def _say(self, message: object) -> None:
        """Show why the cart refused (a Text, an exception or a plain str)."""
        if message:
            log.info("kiosk cart: %s", message)
        self._said = message or ""
        self._message.setText(i18n.render(self._said))
        self._message.setVisible(bool(self._said))

    # -- drawing ----------------------------------------------------------------

    def _refresh(self) -> None:
        widgets.clear_layout(self._rows)
        for row in range(self._model.rowCount()):
            self._rows.addWidget(self._row_widget(self._model.line(row)))
        empty = self._model.rowCount() == 0
        self._empty.setVisible(empty)
        count = self._model.item_count
        amount = self._model.total.format()
        self._total.setText(amount)
        spoken = (
            self.tr("Total {amount}, 1 item")
            if count == 1
            else self.tr("Total {amount}, {count} items")
        )
        self._total.setAccessibleName(spoken.format(amount=amount, count=count))
        self._next.setEnabled(not empty)

    def _row_widget(self, line: cart_mod.CartLine) -> QWidget:
        row = QFrame()
        row.setObjectName(f"kioskCartRow_{line.sku}")
        row.setProperty("kiosk", "cart-row")
        product = i18n.render(line.name)
        name = widgets.text(product, "row-name")
        each = widgets.text(
            self.tr("{price} each").format(price=line.unit_price.format()),
            "muted",
            wrap=False,
        )
        total = widgets.text(line.total.format(), "row-total", wrap=False)
        total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        qty = widgets.text(str(line.quantity), "qty", wrap=False, center=True)
        qty.setObjectName(f"kioskQty_{line.sku}")
        qty.setMinimumWidth(40)
        qty.setAccessibleName(
            self.tr("{count} of {name}").format(count=line.quantity, name=product)
        )
        last = line.quantity == 1
        less = self.tr("Remove {name}") if last else self.tr("One less {name}")
        minus = widgets.button(
            "−", f"kioskMinus_{line.sku}", less.format(name=product), "step"
        )
        plus = widgets.button(
            "+",
            f"kioskPlus_{line.sku}",
            self.tr("One more {name}").format(name=product),
            "step",
        )
        minus.clicked.connect(lambda _=False, s=line.sku: self.change(s, -1))
        plus.clicked.connect(lambda _=False, s=line.sku: self.change(s, +1))

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(name, 1)
        top.addWidget(total, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(each, 1)
        bottom.addWidget(minus)
        bottom.addWidget(qty)
        bottom.addWidget(plus)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(16, 10, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        return row

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_model_changed(self) -> None:
        self._say("")
        self._refresh()

    @Slot(str)
    def on_model_edit_rejected(self, message: str) -> None:
        self._say(message)

    @Slot()
    def on_tile_clicked(self) -> None:
        tile = self.sender()
        if isinstance(tile, ProductTile):
            self.add(tile.product.sku)

    @Slot()
    def on_next_clicked(self) -> None:
        if self._model.rowCount():
            self.next_requested.emit()

    @Slot()
    def on_cancel_clicked(self) -> None:
        self.cancel_requested.emit()


def _scroll(content: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area
