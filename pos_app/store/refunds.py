"""Refunds of paid sales: the ``refund`` table, its intent rows and status moves.

Contract (the same habits as :class:`~pos_app.store.repository.Store`):

* :meth:`Refunds.request` stores the intent (status ``REQUESTED``) BEFORE the gateway
  is called, in one transaction with the check that the sale is paid and that its
  refunds that did not fail, this one included, never add up to more than the sale's
  total; else :class:`RefundTooLarge` (or :class:`SaleNotRefundable`).
* Status only moves forward (:data:`MOVES`), by one conditional ``UPDATE``; a late or
  repeated answer finds nothing to move, returns ``False`` and writes no event.
* Each change appends its event (``refund_requested``, ``refund_status``) to the
  sale's journal in the same transaction.
* Units that meet a locked database are retried with a doubling pause, then
  :class:`~pos_app.store.errors.StoreBusy` is raised: a write is never dropped.

The schema comes from migration 4 in :mod:`pos_app.store.migrations`;
:data:`REFUND` describes it for the statements here, and a test checks the two agree.
Everything blocks (SQL): call it from worker threads.
"""

# The names are outcomes, like the store's other errors.
# ruff: noqa: N818

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from pos_app.domain.states import SaleStatus
from pos_app.store._detail import encode_detail, mask_numbers
from pos_app.store._session import UnitsOfWork
from pos_app.store._types import UTCDateTime, utc_now
from pos_app.store.errors import SaleNotFound, StoreError
from pos_app.store.models import Event, Sale

__all__ = [
    "HELD",
    "MOVES",
    "OPEN",
    "REFUND",
    "RefundNotFound",
    "RefundRow",
    "RefundState",
    "RefundTooLarge",
    "Refunds",
    "SaleNotRefundable",
]

log = logging.getLogger(__name__)


class RefundState(enum.StrEnum):
    """Where a refund is; the gateway's four plus our own two."""

    REQUESTED = "REQUESTED"  # intent stored; the POST may not have been sent
    UNKNOWN = "UNKNOWN"  # sent, but no usable answer: resolved by the order status
    PENDING = "PENDING"  # accepted by the gateway, not settled
    SUCCESS = "SUCCESS"  # the money went back
    FAILURE = "FAILURE"  # nothing refunded; a retry needs a NEW unique_request_id
    MANUAL_REVIEW = "MANUAL_REVIEW"  # ambiguous at the gateway: a person decides


_S = RefundState
#: The allowed moves. MANUAL_REVIEW may still settle (the gateway reconciles it);
#: SUCCESS and FAILURE are final.
MOVES: dict[RefundState, frozenset[RefundState]] = {
    _S.REQUESTED: frozenset(
        {_S.PENDING, _S.SUCCESS, _S.FAILURE, _S.MANUAL_REVIEW, _S.UNKNOWN}
    ),
    _S.UNKNOWN: frozenset({_S.PENDING, _S.SUCCESS, _S.FAILURE, _S.MANUAL_REVIEW}),
    _S.PENDING: frozenset({_S.SUCCESS, _S.FAILURE, _S.MANUAL_REVIEW}),
    _S.MANUAL_REVIEW: frozenset({_S.SUCCESS, _S.FAILURE}),
    _S.SUCCESS: frozenset(),
    _S.FAILURE: frozenset(),
}
#: States that may still change at the gateway: the ones a refresh looks at.
OPEN: tuple[RefundState, ...] = (_S.REQUESTED, _S.UNKNOWN, _S.PENDING, _S.MANUAL_REVIEW)
#: States whose amount counts against what is left to refund (all but FAILURE).
HELD: tuple[RefundState, ...] = tuple(s for s in RefundState if s is not _S.FAILURE)

_SOURCES: dict[RefundState, tuple[str, ...]] = {
    target: tuple(s.value for s, nexts in MOVES.items() if target in nexts)
    for target in RefundState
}

_SALE = Sale.metadata.tables["sale"]
_EVENT = Event.metadata.tables["event"]

#: The ``refund`` table as migration 4 creates it (Core; its own metadata).
REFUND = Table(
    "refund",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sale_id", Integer, ForeignKey(_SALE.c.id), nullable=False),
    Column("unique_request_id", String(20), nullable=False),
    Column("amount_paise", BigInteger, nullable=False),
    Column("status", String(32), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("gateway_ref", Text, nullable=True),
    Column("error_code", Text, nullable=True),
    Column("error_message", Text, nullable=True),
    Index("ux_refund_unique_request_id", "unique_request_id", unique=True),
    Index("ix_refund_sale_id", "sale_id"),
    Index("ix_refund_status", "status"),
)

# FOR UPDATE holds the sale on PostgreSQL while its refunds are summed (SQLite's
# BEGIN IMMEDIATE already holds the whole database).
_SALE_FOR_REFUND = (
    select(_SALE.c.status, _SALE.c.total_paise)
    .where(_SALE.c.id == bindparam("sale_id"))
    .with_for_update()
)
_HELD_SUM = select(func.coalesce(func.sum(REFUND.c.amount_paise), 0)).where(
    REFUND.c.sale_id == bindparam("sale_id"),
    REFUND.c.status.in_([s.value for s in HELD]),
)
_SUCCESS_SUM = select(func.coalesce(func.sum(REFUND.c.amount_paise), 0)).where(
    REFUND.c.sale_id == bindparam("sale_id"),
    REFUND.c.status == RefundState.SUCCESS.value,
)
_BY_ID = select(REFUND).where(REFUND.c.id == bindparam("id"))
_BY_REQUEST_ID = select(REFUND).where(
    REFUND.c.unique_request_id == bindparam("unique_request_id")
)
_OF_SALE = (
    select(REFUND).where(REFUND.c.sale_id == bindparam("sale_id")).order_by(REFUND.c.id)
)
_OPEN_ROWS = (
    select(REFUND)
    .where(REFUND.c.status.in_([s.value for s in OPEN]))
    .order_by(REFUND.c.id)
)
_CURRENT = select(REFUND).where(REFUND.c.id == bindparam("id")).with_for_update()
_INSERT = insert(REFUND)
_INSERT_EVENT = insert(_EVENT)


class RefundTooLarge(StoreError, ValueError):
    """The refunds of a sale would add up to more than it was paid."""

    def __init__(self, sale_id: int, requested_paise: int, refundable_paise: int):
        super().__init__(
            f"sale {sale_id}: refund of {requested_paise} paise, only"
            f" {refundable_paise} left to refund"
        )
        self.sale_id = sale_id
        self.requested_paise = requested_paise
        self.refundable_paise = refundable_paise


class SaleNotRefundable(StoreError):
    """Only a paid sale can be refunded."""


class RefundNotFound(StoreError, LookupError):
    """No refund has this id."""


@dataclass(frozen=True, slots=True)
class RefundRow:
    """One row of ``refund``, as read (changing it saves nothing)."""

    id: int
    sale_id: int
    unique_request_id: str
    amount_paise: int
    status: RefundState
    created_at: datetime
    updated_at: datetime
    gateway_ref: str | None
    error_code: str | None
    error_message: str | None

    @property
    def held(self) -> bool:
        """Whether its amount counts against what is left to refund."""
        return self.status in HELD


class _HasEngine(Protocol):
    engine: Engine


class Refunds:
    """The refunds of one store's sales.

    Args:
        target: a :class:`~pos_app.store.repository.Store` or its engine (migrated).
        clock: returns the aware UTC "now" stamped on rows and events.
        lock_retries: how many times a locked unit of work is tried in all.
        retry_delay: the first pause between tries, in seconds; it doubles.
    """

    def __init__(
        self,
        target: Engine | _HasEngine,
        *,
        clock: Callable[[], datetime] = utc_now,
        lock_retries: int = 6,
        retry_delay: float = 0.05,
    ) -> None:
        self.engine = target if isinstance(target, Engine) else target.engine
        # The store's own units of work: one connection and transaction each, SQLite
        # writes taking the lock at BEGIN, retried while locked, then StoreBusy.
        self._units = UnitsOfWork(
            self.engine, lock_retries=lock_retries, retry_delay=retry_delay
        )
        self._clock = clock

    def __repr__(self) -> str:
        return f"<Refunds {self.engine.url.render_as_string(hide_password=True)}>"

    # -- writes -------------------------------------------------------------------

    def request(
        self, sale_id: int, amount_paise: int, unique_request_id: str
    ) -> RefundRow:
        """Store the intent to refund ``amount_paise`` of a paid sale (``REQUESTED``).

        Raises SaleNotFound, SaleNotRefundable (not paid), RefundTooLarge (the
        refunds that did not fail plus this one would exceed the sale's total) or
        ValueError (a non-positive amount, or a ``unique_request_id`` already used).
        """
        if amount_paise <= 0:
            raise ValueError("a refund amount must be positive")
        if not 1 <= len(unique_request_id) <= 20:
            raise ValueError("unique_request_id must be 1..20 characters")

        def work(connection: Connection) -> RefundRow:
            sale = connection.execute(_SALE_FOR_REFUND, {"sale_id": sale_id}).first()
            if sale is None:
                raise SaleNotFound(f"no sale {sale_id}")
            if sale.status != SaleStatus.PAID:
                raise SaleNotRefundable(f"sale {sale_id} is {sale.status}, not paid")
            held = int(connection.execute(_HELD_SUM, {"sale_id": sale_id}).scalar_one())
            left = int(sale.total_paise) - held
            if amount_paise > left:
                raise RefundTooLarge(sale_id, amount_paise, max(left, 0))

            now = self._clock()
            values: dict[str, Any] = {
                "sale_id": sale_id,
                "unique_request_id": unique_request_id,
                "amount_paise": amount_paise,
                "status": RefundState.REQUESTED.value,
                "created_at": now,
                "updated_at": now,
                "gateway_ref": None,
                "error_code": None,
                "error_message": None,
            }
            key = connection.execute(_INSERT, values).inserted_primary_key
            values["id"] = _inserted_id(key)
            row = _row(values)
            _append_event(
                connection,
                row,
                "refund_requested",
                at=now,
                from_status=None,
                detail={"refundable_paise_before": left},
            )
            return row

        try:
            return self._units.write(work)
        except IntegrityError as exc:
            if "unique_request_id" in str(exc.orig):
                raise ValueError(
                    f"unique_request_id {unique_request_id} is already used"
                ) from exc
            raise

    def move(
        self,
        refund_id: int,
        target: RefundState,
        *,
        gateway_ref: str | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> bool:
        """Move a refund to ``target`` if :data:`MOVES` allows it from where it is.

        Returns whether this call moved it; ``False`` (a late or repeated answer, or
        a backward move) changes nothing and writes no event. Fields left ``None``
        keep their stored value. Raises RefundNotFound.
        """
        target = RefundState(target)
        fields = {
            "gateway_ref": gateway_ref,
            "error_code": error_code,
            "error_message": None
            if error_message is None
            else mask_numbers(error_message),
        }
        changes = {k: v for k, v in fields.items() if v is not None}

        def work(connection: Connection) -> bool:
            found = connection.execute(_CURRENT, {"id": refund_id}).first()
            if found is None:
                raise RefundNotFound(f"no refund {refund_id}")
            current = _row(found._asdict())
            if current.status.value not in _SOURCES[target]:
                log.debug(
                    "refund %s stays %s (not moved to %s)",
                    refund_id,
                    current.status,
                    target,
                )
                return False

            now = self._clock()
            moved = connection.execute(
                update(REFUND)
                .where(
                    REFUND.c.id == refund_id,
                    REFUND.c.status.in_(_SOURCES[target]),
                )
                .values(status=target.value, updated_at=now, **changes)
            )
            if moved.rowcount != 1:  # pragma: no cover - the row lock prevents it
                return False
            after = dataclasses.replace(
                current,
                status=target,
                gateway_ref=changes.get("gateway_ref", current.gateway_ref),
                error_code=changes.get("error_code", current.error_code),
                error_message=changes.get("error_message", current.error_message),
            )
            _append_event(
                connection,
                after,
                "refund_status",
                at=now,
                from_status=current.status,
                detail=detail,
            )
            return True

        return self._units.write(work)

    # -- reads --------------------------------------------------------------------

    def get(self, refund_id: int) -> RefundRow | None:
        return self._first(_BY_ID, {"id": refund_id})

    def by_request_id(self, unique_request_id: str) -> RefundRow | None:
        return self._first(_BY_REQUEST_ID, {"unique_request_id": unique_request_id})

    def refunds_for(self, sale_id: int) -> list[RefundRow]:
        """The sale's refunds, oldest first."""
        return self._all(_OF_SALE, {"sale_id": sale_id})

    def open_refunds(self) -> list[RefundRow]:
        """Every refund that may still change at the gateway, oldest first."""
        return self._all(_OPEN_ROWS, {})

    def refunded_total(self, sale_id: int) -> int:
        """Paise given back for the sale: the ``SUCCESS`` refunds."""
        return self._scalar(_SUCCESS_SUM, {"sale_id": sale_id})

    def held_total(self, sale_id: int) -> int:
        """Paise no longer refundable: every refund of the sale but the failed."""
        return self._scalar(_HELD_SUM, {"sale_id": sale_id})

    # -- plumbing -----------------------------------------------------------------

    def _first(self, statement: Any, params: dict[str, Any]) -> RefundRow | None:
        found = self._all(statement, params)
        return found[0] if found else None

    def _all(self, statement: Any, params: dict[str, Any]) -> list[RefundRow]:
        def work(connection: Connection) -> list[RefundRow]:
            rows = connection.execute(statement, params)
            return [_row(r._asdict()) for r in rows]

        return self._units.read(work)

    def _scalar(self, statement: Any, params: dict[str, Any]) -> int:
        return self._units.read(
            lambda c: int(c.execute(statement, params).scalar_one())
        )


def _row(values: Mapping[str, Any]) -> RefundRow:
    return RefundRow(
        id=int(values["id"]),
        sale_id=int(values["sale_id"]),
        unique_request_id=str(values["unique_request_id"]),
        amount_paise=int(values["amount_paise"]),
        status=RefundState(values["status"]),
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        gateway_ref=values["gateway_ref"],
        error_code=values["error_code"],
        error_message=values["error_message"],
    )


def _append_event(
    connection: Connection,
    row: RefundRow,
    kind: str,
    *,
    at: datetime,
    from_status: RefundState | None,
    detail: Mapping[str, Any] | None,
) -> None:
    data: dict[str, Any] = {
        "refund_id": row.id,
        "unique_request_id": row.unique_request_id,
        "amount_paise": row.amount_paise,
    }
    if row.gateway_ref:
        data["gateway_ref"] = row.gateway_ref
    if row.error_code:
        data["error_code"] = row.error_code
    data.update(detail or {})
    connection.execute(
        _INSERT_EVENT,
        {
            "at": at,
            "sale_id": row.sale_id,
            "attempt_id": None,
            "kind": kind,
            "from_status": None if from_status is None else from_status.value,
            "to_status": row.status.value,
            "detail": encode_detail(data),
        },
    )


def _inserted_id(key: Any) -> int:
    value = None if key is None else key[0]
    if not isinstance(value, int):  # pragma: no cover - the database assigns it
        raise RuntimeError("row has no id after insert")
    return value
