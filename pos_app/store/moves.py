"""The conditional status updates, each with its journal event, on one connection.

Every function here is one ``UPDATE ... WHERE <row> AND status IN (<allowed>)``: the
database decides who moves a row, so two callers racing on one attempt or sale get
one winner, whatever the isolation level. They run inside the caller's transaction
(see :class:`pos_app.store.repository.Store`) and never commit. The statements are
built once, so SQLAlchemy's compiled cache serves every call after the first.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    exists,
    literal,
    select,
    update,
)

from pos_app.domain.states import TRANSITIONS, AttemptStatus, SaleStatus
from pos_app.store._types import UTCDateTime
from pos_app.store.errors import AttemptNotFound
from pos_app.store.journal import EventKind, event_row, insert_events
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Sale

__all__ = ["ATTEMPT", "SALE", "SOURCES", "cancel_open_sale", "move_attempt", "pay_sale"]

log = logging.getLogger(__name__)

#: The ``sale`` and ``attempt`` tables (Core).
SALE = Sale.metadata.tables["sale"]
ATTEMPT = Attempt.metadata.tables["attempt"]


def status_in(column: Any, states: tuple[enum.Enum, ...]) -> ColumnElement[bool]:
    """``column IN (:s1, :s2, ...)`` with one bound value per state.

    A plain ``in_(states)`` becomes an "expanding" parameter that SQLAlchemy renders
    anew on every execution; fixed bound values keep the compiled SQL cached whole.
    """
    if not states:
        return column.in_(())  # type: ignore[no-any-return]
    return column.in_([literal(s, column.type) for s in states])  # type: ignore[no-any-return]


#: For each target, the states that may move to it: the inverse of TRANSITIONS.
SOURCES: dict[AttemptStatus, tuple[AttemptStatus, ...]] = {
    target: tuple(s for s, nexts in TRANSITIONS.items() if target in nexts)
    for target in AttemptStatus
}

# FOR UPDATE holds the row on PostgreSQL so the event's from_status is exact; on
# SQLite the writer's BEGIN IMMEDIATE already holds the whole database.
_CURRENT = (
    select(ATTEMPT.c.status, ATTEMPT.c.sale_id)
    .where(ATTEMPT.c.id == bindparam("attempt_id"))
    .with_for_update()
)
# The SET clause comes from the execution's parameters (status, updated_at and the
# fields given), so one statement per target serves every combination of fields.
_MOVE = {
    target: update(ATTEMPT).where(
        ATTEMPT.c.id == bindparam("attempt_id"), status_in(ATTEMPT.c.status, sources)
    )
    for target, sources in SOURCES.items()
}
_PAY = (
    update(SALE)
    .where(SALE.c.id == bindparam("sale_id"), SALE.c.status == SaleStatus.OPEN)
    .values(
        status=SaleStatus.PAID,
        paid_at=bindparam("now", type_=UTCDateTime()),
        paid_attempt_id=bindparam("attempt_id"),
        updated_at=bindparam("now", type_=UTCDateTime()),
    )
)
_CANCEL = (
    update(SALE)
    .where(
        SALE.c.id == bindparam("sale_id"),
        SALE.c.status == SaleStatus.OPEN,
        ~exists().where(
            ATTEMPT.c.sale_id == bindparam("sale_id"),
            status_in(ATTEMPT.c.status, OPEN_ATTEMPT_STATES),
        ),
    )
    .values(
        status=SaleStatus.CANCELLED, updated_at=bindparam("now", type_=UTCDateTime())
    )
)


def move_attempt(
    connection: Connection,
    attempt_id: int,
    target: AttemptStatus,
    *,
    now: datetime,
    fields: Mapping[str, str | None],
    detail: Mapping[str, Any] | None,
    events: list[dict[str, Any]] | None = None,
) -> int | None:
    """Move the attempt to ``target`` if allowed; return its sale id if it moved.

    ``fields`` set attempt columns alongside (``None`` values are left as stored).
    The event is inserted here, or added to ``events`` for the caller to insert
    (with :func:`~pos_app.store.journal.insert_events`) in the same transaction.
    """
    current = connection.execute(_CURRENT, {"attempt_id": attempt_id}).first()
    if current is None:
        raise AttemptNotFound(f"no attempt {attempt_id}")
    from_status, sale_id = current

    values: dict[str, Any] = {k: v for k, v in fields.items() if v is not None}
    values.update(attempt_id=attempt_id, status=target, updated_at=now)
    moved = connection.execute(_MOVE[target], values).rowcount
    if moved != 1:
        log.info("attempt %d stays %s: %s ignored", attempt_id, from_status, target)
        return None

    row = event_row(
        at=now,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=EventKind.ATTEMPT_STATUS,
        from_status=from_status,
        to_status=target,
        detail=detail,
    )
    _record(connection, row, events)
    return int(sale_id)


def _record(
    connection: Connection, row: dict[str, Any], events: list[dict[str, Any]] | None
) -> None:
    if events is None:
        insert_events(connection, [row])
    else:
        events.append(row)


def pay_sale(
    connection: Connection,
    sale_id: int,
    attempt_id: int,
    *,
    now: datetime,
    events: list[dict[str, Any]] | None = None,
) -> bool:
    """Move the sale from open to paid by this attempt; ``False`` if it was not open.

    Call it only after :func:`move_attempt` moved the attempt to charged in the same
    transaction. When the sale is not open the charge stays recorded and a
    ``charged_sale_not_open`` event flags it for a manager (it needs a refund).
    ``events`` as for :func:`move_attempt`.
    """
    paid = connection.execute(
        _PAY, {"sale_id": sale_id, "attempt_id": attempt_id, "now": now}
    ).rowcount
    if paid == 1:
        kind, from_status, to_status = (
            EventKind.SALE_PAID,
            SaleStatus.OPEN,
            SaleStatus.PAID,
        )
    else:
        log.error("attempt %d charged but sale %d is not open", attempt_id, sale_id)
        kind, from_status, to_status = EventKind.CHARGED_SALE_NOT_OPEN, None, None

    row = event_row(
        at=now,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
    )
    _record(connection, row, events)
    return paid == 1


def cancel_open_sale(connection: Connection, sale_id: int, *, now: datetime) -> bool:
    """Cancel the sale if it is open and no attempt of it may still charge."""
    moved = connection.execute(_CANCEL, {"sale_id": sale_id, "now": now}).rowcount
    if moved != 1:
        return False

    row = event_row(
        at=now,
        sale_id=sale_id,
        attempt_id=None,
        kind=EventKind.SALE_CANCELLED,
        from_status=SaleStatus.OPEN,
        to_status=SaleStatus.CANCELLED,
    )
    insert_events(connection, [row])
    return True
