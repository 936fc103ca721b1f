"""The store's read side: lookups and the lists the screens and reports need."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from pos_app.store._session import UnitsOfWork
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Event, Sale, SaleLine

__all__ = ["StoreQueries"]


class StoreQueries:
    """Read-only queries, each its own short transaction; results are detached."""

    _units: UnitsOfWork

    def get_sale(self, sale_id: int) -> Sale | None:
        return self._units.read(lambda s: s.get(Sale, sale_id))

    def get_sale_by_order(self, order_id: str) -> Sale | None:
        statement = select(Sale).where(col(Sale.order_id) == order_id)
        return self._units.read(lambda s: s.exec(statement).first())

    def lines_for(self, sale_id: int) -> list[SaleLine]:
        """The sale's lines in cart order."""
        statement = (
            select(SaleLine)
            .where(col(SaleLine.sale_id) == sale_id)
            .order_by(col(SaleLine.position))
        )
        return self._units.read(lambda s: list(s.exec(statement).all()))

    def sales_between(self, start: datetime, end: datetime) -> list[Sale]:
        """Sales created in ``[start, end)``, oldest first. Both must be aware."""
        for value in (start, end):
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError("sales_between needs aware datetimes")
        statement = (
            select(Sale)
            .where(col(Sale.created_at) >= start, col(Sale.created_at) < end)
            .order_by(col(Sale.created_at), col(Sale.id))
        )
        return self._units.read(lambda s: list(s.exec(statement).all()))

    def get_attempt(self, attempt_id: int) -> Attempt | None:
        return self._units.read(lambda s: s.get(Attempt, attempt_id))

    def attempts_for(self, sale_id: int) -> list[Attempt]:
        """The sale's attempts, first to last."""
        statement = (
            select(Attempt)
            .where(col(Attempt.sale_id) == sale_id)
            .order_by(col(Attempt.seq))
        )
        return self._units.read(lambda s: list(s.exec(statement).all()))

    def unresolved_attempts(self) -> list[Attempt]:
        """Attempts that may still charge (not terminal), oldest first."""
        statement = (
            select(Attempt)
            .where(col(Attempt.status).in_(OPEN_ATTEMPT_STATES))
            .order_by(col(Attempt.created_at), col(Attempt.id))
        )
        return self._units.read(lambda s: list(s.exec(statement).all()))

    def events_for(self, sale_id: int) -> list[Event]:
        """The sale's events in the order they were written."""
        statement = (
            select(Event).where(col(Event.sale_id) == sale_id).order_by(col(Event.id))
        )
        return self._units.read(lambda s: list(s.exec(statement).all()))
