"""The local store: SQLModel tables on SQLite (WAL) or PostgreSQL, and its journal.

Importing this package is cheap: the submodules (and sqlmodel with them) load on
first use of a name, so ``pos_app.store.db.default_data_dir`` can be called at
start-up before the heavy imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_app.store.db import open_store
    from pos_app.store.errors import (
        AmountMismatch,
        AttemptInFlight,
        AttemptLimitReached,
        AttemptNotFound,
        DuplicateOrderId,
        SaleNotFound,
        SaleNotOpen,
        StoreBusy,
        StoreError,
        UnsupportedDatabase,
    )
    from pos_app.store.journal import EventKind
    from pos_app.store.models import Attempt, Event, Sale, SaleLine
    from pos_app.store.repository import Store

__all__ = [
    "AmountMismatch",
    "Attempt",
    "AttemptInFlight",
    "AttemptLimitReached",
    "AttemptNotFound",
    "DuplicateOrderId",
    "Event",
    "EventKind",
    "Sale",
    "SaleLine",
    "SaleNotFound",
    "SaleNotOpen",
    "Store",
    "StoreBusy",
    "StoreError",
    "UnsupportedDatabase",
    "open_store",
]

_HOME = {
    "open_store": "db",
    "Store": "repository",
    "EventKind": "journal",
    **dict.fromkeys(["Attempt", "Event", "Sale", "SaleLine"], "models"),
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_HOME.get(name, 'errors')}")
    return getattr(module, name)
