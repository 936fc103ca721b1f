"""The append-only journal: event kinds and the one function that writes an event."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert

from pos_app.store._detail import encode_detail
from pos_app.store._session import detached
from pos_app.store.models import Event

__all__ = ["EVENT", "EventKind", "append_event", "event_row", "insert_events"]

#: The ``event`` table (Core), for statements built once and reused.
EVENT = Event.metadata.tables["event"]
_INSERT = insert(EVENT)


class EventKind(enum.StrEnum):
    """The event kinds the store writes itself (``add_event`` takes any string)."""

    SALE_CREATED = "sale_created"
    SALE_PAID = "sale_paid"
    SALE_CANCELLED = "sale_cancelled"
    ATTEMPT_CREATED = "attempt_created"
    ATTEMPT_STATUS = "attempt_status"
    #: The gateway charged an attempt whose sale was no longer open: needs a refund.
    CHARGED_SALE_NOT_OPEN = "charged_sale_not_open"


def event_row(
    *,
    at: datetime,
    sale_id: int,
    attempt_id: int | None,
    kind: str,
    from_status: str | None = None,
    to_status: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The column values of one event (no id yet), its detail scrubbed of secrets."""
    return {
        "at": at,
        "sale_id": sale_id,
        "attempt_id": attempt_id,
        "kind": str(kind),
        "from_status": None if from_status is None else str(from_status),
        "to_status": None if to_status is None else str(to_status),
        "detail": encode_detail(detail),
    }


def insert_events(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert events (from :func:`event_row`) in order, in one statement execution.

    For the callers that need no :class:`Event` back; ids still follow list order.
    """
    if rows:
        connection.execute(_INSERT, rows[0] if len(rows) == 1 else rows)


def append_event(
    connection: Connection,
    *,
    at: datetime,
    sale_id: int,
    attempt_id: int | None,
    kind: str,
    from_status: str | None = None,
    to_status: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> Event:
    """Insert an event in the connection's transaction, its detail scrubbed."""
    values = event_row(
        at=at,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        detail=detail,
    )
    values["id"] = inserted_id(connection.execute(_INSERT, values).inserted_primary_key)
    return detached(Event, values)


def inserted_id(key: Any) -> int:
    """The integer id of a one-row INSERT (``lastrowid`` on SQLite, RETURNING on PG)."""
    value = None if key is None else key[0]
    if not isinstance(value, int):  # pragma: no cover - the database assigns it
        raise RuntimeError("row has no id after insert")
    return value
