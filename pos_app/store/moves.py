"""The conditional status updates, each with its journal event, inside a session.

Every function here is one ``UPDATE ... WHERE <row> AND status IN (<allowed>)``: the
database decides who moves a row, so two callers racing on one attempt or sale get
one winner, whatever the isolation level. They run inside the caller's transaction
(see :class:`pos_app.store.repository.Store`) and never commit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import exists, update
from sqlmodel import Session, col, select

from pos_app.domain.states import TRANSITIONS, AttemptStatus, SaleStatus
from pos_app.store.errors import AttemptNotFound
from pos_app.store.journal import EventKind, append_event
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Sale

__all__ = ["SOURCES", "cancel_open_sale", "move_attempt", "pay_sale"]

log = logging.getLogger(__name__)

#: For each target, the states that may move to it: the inverse of TRANSITIONS.
SOURCES: dict[AttemptStatus, tuple[AttemptStatus, ...]] = {
    target: tuple(s for s, nexts in TRANSITIONS.items() if target in nexts)
    for target in AttemptStatus
}


def move_attempt(
    session: Session,
    attempt_id: int,
    target: AttemptStatus,
    *,
    now: datetime,
    fields: Mapping[str, str | None],
    detail: Mapping[str, Any] | None,
) -> int | None:
    """Move the attempt to ``target`` if allowed; return its sale id if it moved.

    ``fields`` set attempt columns alongside (``None`` values are left as stored).
    """
    # FOR UPDATE holds the row on PostgreSQL so the event's from_status is exact; on
    # SQLite the writer's BEGIN IMMEDIATE already holds the whole database.
    current = session.exec(
        select(Attempt.status, Attempt.sale_id)
        .where(col(Attempt.id) == attempt_id)
        .with_for_update()
    ).first()
    if current is None:
        raise AttemptNotFound(f"no attempt {attempt_id}")
    from_status, sale_id = current

    values: dict[str, Any] = {k: v for k, v in fields.items() if v is not None}
    moved = session.exec(
        update(Attempt)
        .where(col(Attempt.id) == attempt_id, col(Attempt.status).in_(SOURCES[target]))
        .values(status=target, updated_at=now, **values)
    ).rowcount
    if moved != 1:
        log.info("attempt %d stays %s: %s ignored", attempt_id, from_status, target)
        return None

    append_event(
        session,
        at=now,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=EventKind.ATTEMPT_STATUS,
        from_status=from_status,
        to_status=target,
        detail=detail,
    )
    return sale_id


def pay_sale(session: Session, sale_id: int, attempt_id: int, *, now: datetime) -> bool:
    """Move the sale from open to paid by this attempt; ``False`` if it was not open.

    Call it only after :func:`move_attempt` moved the attempt to charged in the same
    transaction. When the sale is not open the charge stays recorded and a
    ``charged_sale_not_open`` event flags it for a manager (it needs a refund).
    """
    paid = session.exec(
        update(Sale)
        .where(col(Sale.id) == sale_id, col(Sale.status) == SaleStatus.OPEN)
        .values(
            status=SaleStatus.PAID,
            paid_at=now,
            paid_attempt_id=attempt_id,
            updated_at=now,
        )
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

    append_event(
        session,
        at=now,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
    )
    return paid == 1


def cancel_open_sale(session: Session, sale_id: int, *, now: datetime) -> bool:
    """Cancel the sale if it is open and no attempt of it may still charge."""
    in_flight = exists().where(
        col(Attempt.sale_id) == sale_id,
        col(Attempt.status).in_(OPEN_ATTEMPT_STATES),
    )
    moved = session.exec(
        update(Sale)
        .where(col(Sale.id) == sale_id, col(Sale.status) == SaleStatus.OPEN, ~in_flight)
        .values(status=SaleStatus.CANCELLED, updated_at=now)
    ).rowcount
    if moved != 1:
        return False

    append_event(
        session,
        at=now,
        sale_id=sale_id,
        attempt_id=None,
        kind=EventKind.SALE_CANCELLED,
        from_status=SaleStatus.OPEN,
        to_status=SaleStatus.CANCELLED,
    )
    return True
