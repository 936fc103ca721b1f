"""The store managers' area: day review, analytics, exports, behind a PIN.

Open it from the cashier window with::

    from pos_app.ui import manager
    area = manager.open_manager_area(window, store, actions=manager.ManagerActions(
        recheck=..., refund=..., reprint=...))   # each: Callable[[order_id], None]

Importing this package is cheap; the Qt modules load on first use of a name.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_app.ui.manager.area import ManagerActions, ManagerArea, open_manager_area
    from pos_app.ui.manager.pin_dialog import PinDialog
    from pos_app.ui.manager.transactions_model import TransactionsModel

__all__ = [
    "ManagerActions",
    "ManagerArea",
    "PinDialog",
    "TransactionsModel",
    "open_manager_area",
]

_HOME = {
    "ManagerActions": "area",
    "ManagerArea": "area",
    "open_manager_area": "area",
    "PinDialog": "pin_dialog",
    "TransactionsModel": "transactions_model",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_HOME[name]}")
    return getattr(module, name)
