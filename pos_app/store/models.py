"""The tables: sales, their lines, payment attempts and the append-only event log.

Table classes only; the schema itself is created by :mod:`pos_app.store.migrations`,
and a test checks that the two agree. Money columns hold integer paise (``BIGINT``),
never a float or a decimal. Timestamps are aware UTC datetimes (:class:`UTCDateTime`).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Text, text
from sqlmodel import Field, SQLModel

from pos_app.domain.states import TERMINAL, AttemptStatus, Flow, SaleStatus
from pos_app.store._types import EnumText, UTCDateTime, utc_now

__all__ = ["OPEN_ATTEMPT_STATES", "TABLES", "Attempt", "Event", "Sale", "SaleLine"]

#: Attempt states that may still charge the customer, in a stable order.
OPEN_ATTEMPT_STATES: tuple[AttemptStatus, ...] = tuple(
    s for s in AttemptStatus if s not in TERMINAL
)
_OPEN_IN_SQL = ", ".join(f"'{s.value}'" for s in OPEN_ATTEMPT_STATES)


class Sale(SQLModel, table=True):
    """One cart, fixed, with one gateway order id."""

    __tablename__ = "sale"
    __table_args__ = (
        Index("ux_sale_order_id", "order_id", unique=True),
        Index("ix_sale_created_at", "created_at"),
        Index("ix_sale_status_created_at", "status", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: str = Field(max_length=20)
    terminal_id: str = Field(max_length=32)
    cashier: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime())
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime())
    currency: str = Field(default="INR", max_length=3)
    total_paise: int = Field(sa_type=BigInteger())
    status: SaleStatus = Field(default=SaleStatus.OPEN, sa_type=EnumText(SaleStatus))
    #: A pseudonym (``Phone.customer_ref``), never the number itself.
    customer_ref: str | None = Field(default=None, max_length=64)
    phone_last4: str | None = Field(default=None, max_length=4)
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime())
    # No foreign key: sale and attempt would point at each other, and SQLite cannot
    # add a constraint to an existing table. finalize_charged is the only writer.
    paid_attempt_id: int | None = Field(default=None)


class SaleLine(SQLModel, table=True):
    """One line of a sale's cart, as it was when the sale was made."""

    __tablename__ = "sale_line"
    __table_args__ = (
        Index("ux_sale_line_sale_position", "sale_id", "position", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    sale_id: int = Field(foreign_key="sale.id")
    position: int
    sku: str = Field(default="", max_length=64)
    name: str = Field(max_length=200)
    unit_paise: int = Field(sa_type=BigInteger())
    quantity: int
    total_paise: int = Field(sa_type=BigInteger())


class Attempt(SQLModel, table=True):
    """One try to pay a sale (one gateway transaction)."""

    __tablename__ = "attempt"
    __table_args__ = (
        # Also serves "the attempts of a sale" (its leading column is sale_id).
        Index("ux_attempt_sale_seq", "sale_id", "seq", unique=True),
        Index("ix_attempt_status", "status"),
        # At most one attempt per sale that may still charge: the database's own guard
        # against two concurrent payments of one sale (partial index: SQLite and PG).
        Index(
            "ux_attempt_one_open",
            "sale_id",
            unique=True,
            sqlite_where=text(f"status IN ({_OPEN_IN_SQL})"),
            postgresql_where=text(f"status IN ({_OPEN_IN_SQL})"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    sale_id: int = Field(foreign_key="sale.id")
    seq: int
    flow: Flow = Field(sa_type=EnumText(Flow))
    route: str = Field(max_length=32)
    method: str = Field(max_length=64)
    status: AttemptStatus = Field(
        default=AttemptStatus.CREATED, sa_type=EnumText(AttemptStatus)
    )
    amount_paise: int = Field(sa_type=BigInteger())
    # Gateway strings have no documented length limit: TEXT, so PostgreSQL never
    # refuses the row that records a charge.
    txn_id: str | None = Field(default=None, sa_type=Text())
    gateway_status: str | None = Field(default=None, sa_type=Text())
    error_code: str | None = Field(default=None, sa_type=Text())
    error_message: str | None = Field(default=None, sa_type=Text())
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime())
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime())


class Event(SQLModel, table=True):
    """One line of the append-only journal (the database refuses UPDATE and DELETE)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_sale_id", "sale_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime())
    sale_id: int = Field(foreign_key="sale.id")
    attempt_id: int | None = Field(default=None, foreign_key="attempt.id")
    kind: str = Field(max_length=64)
    from_status: str | None = Field(default=None, max_length=32)
    to_status: str | None = Field(default=None, max_length=32)
    #: JSON object text, scrubbed of secrets before it is written.
    detail: str = Field(default="{}", sa_type=Text())

    @property
    def data(self) -> dict[str, Any]:
        """The decoded ``detail``."""
        decoded = json.loads(self.detail or "{}")
        return decoded if isinstance(decoded, dict) else {"value": decoded}


#: The store's tables, in creation order.
TABLES: tuple[type[SQLModel], ...] = (Sale, SaleLine, Attempt, Event)
