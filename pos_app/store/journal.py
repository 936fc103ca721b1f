"""The append-only journal: event kinds and the one function that writes an event."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlmodel import Session

from pos_app.store._detail import encode_detail
from pos_app.store.models import Event

__all__ = ["EventKind", "append_event"]


class EventKind(enum.StrEnum):
    """The event kinds the store writes itself (``add_event`` takes any string)."""

    SALE_CREATED = "sale_created"
    SALE_PAID = "sale_paid"
    SALE_CANCELLED = "sale_cancelled"
    ATTEMPT_CREATED = "attempt_created"
    ATTEMPT_STATUS = "attempt_status"
    #: The gateway charged an attempt whose sale was no longer open: needs a refund.
    CHARGED_SALE_NOT_OPEN = "charged_sale_not_open"


def append_event(
    session: Session,
    *,
    at: datetime,
    sale_id: int,
    attempt_id: int | None,
    kind: str,
    from_status: str | None = None,
    to_status: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> Event:
    """Add an event to the session's transaction, its detail scrubbed of secrets."""
    event = Event(
        at=at,
        sale_id=sale_id,
        attempt_id=attempt_id,
        kind=str(kind),
        from_status=None if from_status is None else str(from_status),
        to_status=None if to_status is None else str(to_status),
        detail=encode_detail(detail),
    )
    session.add(event)
    session.flush()
    return event
