"""The store's read side: lookups and the lists the screens and reports need.

Core ``SELECT`` statements built once (SQLAlchemy's compiled cache serves every call
after the first); the rows become detached table objects without an ORM session.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, bindparam, select

from pos_app.store._session import UnitsOfWork, detached
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Event, Sale, SaleLine

__all__ = ["StoreQueries"]

M = TypeVar("M")

_SALE = Sale.metadata.tables["sale"]
_LINE = SaleLine.metadata.tables["sale_line"]
_ATTEMPT = Attempt.metadata.tables["attempt"]
_EVENT = Event.metadata.tables["event"]

_SALE_BY_ID = select(_SALE).where(_SALE.c.id == bindparam("id"))
_SALE_BY_ORDER = select(_SALE).where(_SALE.c.order_id == bindparam("order_id"))
_LINES_OF_SALE = (
    select(_LINE)
    .where(_LINE.c.sale_id == bindparam("sale_id"))
    .order_by(_LINE.c.position)
)
_SALES_BETWEEN = (
    select(_SALE)
    .where(
        _SALE.c.created_at >= bindparam("start"), _SALE.c.created_at < bindparam("end")
    )
    .order_by(_SALE.c.created_at, _SALE.c.id)
)
_ATTEMPT_BY_ID = select(_ATTEMPT).where(_ATTEMPT.c.id == bindparam("id"))
_ATTEMPTS_OF_SALE = (
    select(_ATTEMPT)
    .where(_ATTEMPT.c.sale_id == bindparam("sale_id"))
    .order_by(_ATTEMPT.c.seq)
)
_UNRESOLVED = (
    select(_ATTEMPT)
    .where(_ATTEMPT.c.status.in_(OPEN_ATTEMPT_STATES))
    .order_by(_ATTEMPT.c.created_at, _ATTEMPT.c.id)
)
_EVENTS_OF_SALE = (
    select(_EVENT).where(_EVENT.c.sale_id == bindparam("sale_id")).order_by(_EVENT.c.id)
)


def _all(
    connection: Connection,
    cls: type[M],
    statement: Select[Any],
    params: dict[str, Any] | None = None,
) -> list[M]:
    result = connection.execute(statement, params)
    keys = tuple(result.keys())
    return [detached(cls, dict(zip(keys, row, strict=True))) for row in result]


def _one(
    connection: Connection, cls: type[M], statement: Select[Any], params: dict[str, Any]
) -> M | None:
    found = _all(connection, cls, statement, params)
    return found[0] if found else None


class StoreQueries:
    """Read-only queries, each its own short transaction; results are detached."""

    _units: UnitsOfWork

    def get_sale(self, sale_id: int) -> Sale | None:
        return self._units.read(lambda c: _one(c, Sale, _SALE_BY_ID, {"id": sale_id}))

    def get_sale_by_order(self, order_id: str) -> Sale | None:
        params = {"order_id": order_id}
        return self._units.read(lambda c: _one(c, Sale, _SALE_BY_ORDER, params))

    def lines_for(self, sale_id: int) -> list[SaleLine]:
        """The sale's lines in cart order."""
        params = {"sale_id": sale_id}
        return self._units.read(lambda c: _all(c, SaleLine, _LINES_OF_SALE, params))

    def sales_between(self, start: datetime, end: datetime) -> list[Sale]:
        """Sales created in ``[start, end)``, oldest first. Both must be aware."""
        for value in (start, end):
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError("sales_between needs aware datetimes")
        params = {"start": start, "end": end}
        return self._units.read(lambda c: _all(c, Sale, _SALES_BETWEEN, params))

    def get_attempt(self, attempt_id: int) -> Attempt | None:
        params = {"id": attempt_id}
        return self._units.read(lambda c: _one(c, Attempt, _ATTEMPT_BY_ID, params))

    def attempts_for(self, sale_id: int) -> list[Attempt]:
        """The sale's attempts, first to last."""
        params = {"sale_id": sale_id}
        return self._units.read(lambda c: _all(c, Attempt, _ATTEMPTS_OF_SALE, params))

    def unresolved_attempts(self) -> list[Attempt]:
        """Attempts that may still charge (not terminal), oldest first."""
        return self._units.read(lambda c: _all(c, Attempt, _UNRESOLVED))

    def events_for(self, sale_id: int) -> list[Event]:
        """The sale's events in the order they were written."""
        params = {"sale_id": sale_id}
        return self._units.read(lambda c: _all(c, Event, _EVENTS_OF_SALE, params))
