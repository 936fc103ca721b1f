"""The cart: lines of products or free amounts, and its total."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pos_app.domain.money import MAX_AMOUNT, InvalidAmount, Money
from pos_app.domain.text import translate

__all__ = ["MAX_QUANTITY", "Cart", "CartLine", "Product"]

MAX_QUANTITY = 999


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    price: Money


@dataclass(frozen=True, slots=True)
class CartLine:
    name: str
    unit_price: Money
    quantity: int = 1
    sku: str = ""

    @property
    def total(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(slots=True)
class Cart:
    """An ordered list of lines. Adding a product already in the cart adds one more."""

    lines: list[CartLine] = field(default_factory=list)

    def __iter__(self) -> Iterator[CartLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def total(self) -> Money:
        return sum((line.total for line in self.lines), Money.zero())

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def add_product(self, product: Product, quantity: int = 1) -> int:
        """Add a product; return the row it is on."""
        for row, line in enumerate(self.lines):
            if line.sku and line.sku == product.sku:
                self.set_quantity(row, line.quantity + quantity)
                return row
        self._append(CartLine(product.name, product.price, quantity, product.sku))
        return len(self.lines) - 1

    def add_amount(self, amount: Money, label: str = "Amount") -> int:
        if amount.paise <= 0:
            raise InvalidAmount(translate("Cart", "The amount must be more than zero"))
        self._append(CartLine(label, amount, 1))
        return len(self.lines) - 1

    def set_quantity(self, row: int, quantity: int) -> None:
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValueError(f"quantity must be 1 to {MAX_QUANTITY}")
        updated = replace(self.lines[row], quantity=quantity)
        self._check_total(self.total - self.lines[row].total + updated.total)
        self.lines[row] = updated

    def remove(self, row: int) -> None:
        del self.lines[row]

    def clear(self) -> None:
        self.lines.clear()

    def _append(self, line: CartLine) -> None:
        self._check_total(self.total + line.total)
        self.lines.append(line)

    @staticmethod
    def _check_total(total: Money) -> None:
        if total > MAX_AMOUNT:
            raise InvalidAmount(
                translate("Cart", "A sale cannot be more than {limit}").format(
                    limit=MAX_AMOUNT.format()
                )
            )
