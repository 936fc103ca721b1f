"""What the store raises. Every error is a :class:`StoreError`."""

# The names are the contract the checkout codes against (like the domain's
# InvalidAmount): they read as outcomes, so no "Error" suffix.
# ruff: noqa: N818

from __future__ import annotations

__all__ = [
    "AmountMismatch",
    "AttemptInFlight",
    "AttemptLimitReached",
    "AttemptNotFound",
    "DuplicateOrderId",
    "SaleNotFound",
    "SaleNotOpen",
    "StoreBusy",
    "StoreError",
    "UnsupportedDatabase",
]


class StoreError(Exception):
    """Base class for the store's own errors."""


class DuplicateOrderId(StoreError):
    """A sale with this gateway order id already exists (order ids are never reused)."""

    def __init__(self, order_id: str) -> None:
        super().__init__(f"order id {order_id} is already used")
        self.order_id = order_id


class SaleNotFound(StoreError, LookupError):
    """No sale has this id."""


class AttemptNotFound(StoreError, LookupError):
    """No payment attempt has this id."""


class SaleNotOpen(StoreError):
    """The sale is already paid or cancelled, so it takes no new attempt."""


class AttemptInFlight(StoreError):
    """Another attempt of the sale is not terminal: it may still charge the customer.

    A retry becomes a new attempt only once the previous one is known not to have
    charged (``failed`` or ``cancelled``).
    """


class AttemptLimitReached(StoreError):
    """The gateway accepts at most 25 transactions per order; start a new sale."""


class AmountMismatch(StoreError, ValueError):
    """An attempt must ask for the sale's total; a new amount needs a new order."""


class StoreBusy(StoreError):
    """The database stayed locked through every retry; the write did not happen."""


class UnsupportedDatabase(StoreError):
    """The migrations know SQLite and PostgreSQL only."""
