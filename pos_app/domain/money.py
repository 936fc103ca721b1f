"""Money as integer paise: parsing, arithmetic and Indian-style formatting.

Amounts are never floats. Inside the app a :class:`Money` holds whole paise; at the
edges it is built from a ``Decimal`` or a string the cashier typed, and leaves as a
``Decimal`` or a two-decimal string for the gateway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos_app.domain.text import translate

__all__ = ["MAX_AMOUNT", "InvalidAmount", "Money"]

_PAISE_PER_RUPEE = 100
_TYPED_AMOUNT = re.compile(
    r"^\s*(?:₹|rs\.?|inr)?\s*([0-9][0-9,]*)(?:\.([0-9]{0,2}))?\s*$", re.I
)


class InvalidAmount(ValueError):  # noqa: N818 - reads as what happened
    """An amount that cannot be money: text, negatives, too many decimals, too large."""


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """A non-negative or negative amount of Indian rupees, held as whole paise."""

    paise: int

    def __post_init__(self) -> None:
        if isinstance(self.paise, bool) or not isinstance(self.paise, int):
            raise TypeError(f"Money needs whole paise as int, got {self.paise!r}")

    # -- construction -----------------------------------------------------------

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_decimal(cls, value: Decimal | int | str, *, exact: bool = True) -> Money:
        """Build from rupees.

        With ``exact`` (the default) more than two decimals is an error; without it
        the value is rounded half-up to the paisa, the way a price times a quantity
        is rounded on a bill.
        """
        if isinstance(value, float):  # pragma: no cover - guarded for callers
            raise TypeError("floats are not money; pass a Decimal or a string")
        try:
            rupees = Decimal(value)
        except (InvalidOperation, ValueError) as exc:
            raise InvalidAmount(f"not an amount: {value!r}") from exc
        if not rupees.is_finite():
            raise InvalidAmount(f"not an amount: {value!r}")
        paise = rupees * _PAISE_PER_RUPEE
        rounded = paise.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if exact and rounded != paise:
            raise InvalidAmount(f"{value} has more than two decimals")
        return cls(int(rounded))

    @classmethod
    def parse(cls, text: str) -> Money:
        """Parse what a person typed: ``"19.99"``, ``"₹1,23,456.5"``, ``"Rs 10"``.

        Raises :class:`InvalidAmount` with a message fit to show the cashier.
        """
        match = _TYPED_AMOUNT.match(text or "")
        if not match:
            raise InvalidAmount(
                translate("Money", "Enter an amount like 149 or 149.50")
            )
        whole, fraction = match.group(1).replace(",", ""), match.group(2) or ""
        money = cls(int(whole) * _PAISE_PER_RUPEE + int(fraction.ljust(2, "0") or 0))
        if money.paise > MAX_AMOUNT.paise:
            raise InvalidAmount(
                translate("Money", "Amounts above {limit} are not accepted").format(
                    limit=MAX_AMOUNT.format()
                )
            )
        return money

    @classmethod
    def from_gateway(cls, value: object) -> Money:
        """Read an amount the gateway sent (JSON number as Decimal, int or string)."""
        if isinstance(value, bool) or value is None:
            raise InvalidAmount(f"not an amount: {value!r}")
        if isinstance(value, float):
            # JSON decoded without parse_float=Decimal; repr round-trips two decimals.
            value = repr(value)
        if not isinstance(value, Decimal | int | str):
            raise InvalidAmount(f"not an amount: {value!r}")
        return cls.from_decimal(value, exact=True)

    # -- arithmetic -------------------------------------------------------------

    def __add__(self, other: Money) -> Money:
        return Money(self.paise + other.paise)

    def __sub__(self, other: Money) -> Money:
        return Money(self.paise - other.paise)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            return NotImplemented
        return Money(self.paise * quantity)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.paise)

    def __bool__(self) -> bool:
        return self.paise != 0

    # -- leaving the app --------------------------------------------------------

    def to_decimal(self) -> Decimal:
        return (Decimal(self.paise) / _PAISE_PER_RUPEE).quantize(Decimal("0.01"))

    def to_gateway(self) -> str:
        """The amount as the gateway wants it: a string with exactly two decimals."""
        return f"{self.to_decimal():.2f}"

    def format(self, *, symbol: bool = True) -> str:
        """Format with Indian digit grouping: ``₹1,23,456.00``."""
        sign = "-" if self.paise < 0 else ""
        rupees, paise = divmod(abs(self.paise), _PAISE_PER_RUPEE)
        return f"{sign}{'₹' if symbol else ''}{group_indian(rupees)}.{paise:02d}"

    def __str__(self) -> str:
        return self.format()


def group_indian(number: int) -> str:
    """Group digits the Indian way: the last three, then pairs (12,34,567)."""
    digits = str(number)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    if head:
        pairs.insert(0, head)
    return ",".join([*pairs, tail])


#: The largest single sale the counter accepts (₹10,00,000.00).
MAX_AMOUNT = Money(10_00_000 * _PAISE_PER_RUPEE)
