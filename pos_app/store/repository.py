"""The store: sales, attempts, the conditional state moves and the journal.

Contract:

* Every public method is one short ``with Session(...)`` unit of work (one
  transaction) and returns **detached** table objects (``expire_on_commit=False``):
  their attributes stay readable after the session closes, but changing them saves
  nothing. Go through the store's methods to change anything.
* Attempt status only moves along :data:`pos_app.domain.states.TRANSITIONS`, by one
  conditional ``UPDATE`` (:mod:`pos_app.store.moves`); a late or repeated event finds
  nothing to move, returns ``False`` and writes no event.
* Each change appends its event in the same transaction: the journal never disagrees
  with the rows.
* Writes that meet "database is locked" are retried with a bounded backoff and then
  raise :class:`StoreBusy`; they are never dropped silently.

The methods block (SQL): call them from worker threads, never the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from pos_app.domain.cart import CartLine
from pos_app.domain.ids import is_valid_order_id
from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store import moves
from pos_app.store._detail import mask_numbers
from pos_app.store._session import UnitsOfWork
from pos_app.store._types import utc_now
from pos_app.store.errors import (
    AmountMismatch,
    AttemptInFlight,
    AttemptLimitReached,
    DuplicateOrderId,
    SaleNotFound,
    SaleNotOpen,
)
from pos_app.store.journal import EventKind, append_event
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Event, Sale, SaleLine
from pos_app.store.queries import StoreQueries

__all__ = ["MAX_ATTEMPTS_PER_SALE", "Store"]

#: Juspay takes up to 25 transactions per order.
MAX_ATTEMPTS_PER_SALE = 25


class Store(StoreQueries):
    """Sales, payment attempts and their journal, on one SQLAlchemy engine.

    Args:
        engine: from :func:`pos_app.store.db.make_engine`, already migrated.
        clock: returns the aware UTC "now" stamped on rows and events.
        lock_retries: how many times a locked unit of work is tried in all.
        retry_delay: the first pause between tries, in seconds; it doubles.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = utc_now,
        lock_retries: int = 6,
        retry_delay: float = 0.05,
    ) -> None:
        self.engine = engine
        self._units = UnitsOfWork(
            engine, lock_retries=lock_retries, retry_delay=retry_delay
        )
        self._clock = clock

    def __repr__(self) -> str:
        return f"<Store {self.engine.url.render_as_string(hide_password=True)}>"

    def close(self) -> None:
        """Close the engine's pooled connections."""
        self.engine.dispose()

    # -- sales ----------------------------------------------------------------

    def create_sale(
        self,
        order_id: str,
        terminal_id: str,
        cashier: str,
        lines: Sequence[CartLine],
        *,
        customer_ref: str | None = None,
        phone_last4: str | None = None,
        currency: str = "INR",
    ) -> Sale:
        """Store a new open sale with its lines; raise DuplicateOrderId if reused."""
        if not is_valid_order_id(order_id):
            raise ValueError(f"not a gateway order id: {order_id!r}")
        if not lines:
            raise ValueError("a sale needs at least one line")
        if phone_last4 is not None and not (
            len(phone_last4) == 4 and phone_last4.isdigit()
        ):
            raise ValueError("phone_last4 must be exactly four digits")

        def work(session: Session) -> Sale:
            now = self._clock()
            sale = Sale(
                order_id=order_id,
                terminal_id=terminal_id,
                cashier=cashier,
                created_at=now,
                updated_at=now,
                currency=currency,
                total_paise=sum(line.total.paise for line in lines),
                status=SaleStatus.OPEN,
                customer_ref=customer_ref,
                phone_last4=phone_last4,
            )
            session.add(sale)
            session.flush()
            sale_id = _id(sale.id)
            for position, line in enumerate(lines, start=1):
                session.add(_sale_line(sale_id, position, line))
            append_event(
                session,
                at=now,
                sale_id=sale_id,
                attempt_id=None,
                kind=EventKind.SALE_CREATED,
                to_status=SaleStatus.OPEN,
                detail={"order_id": order_id, "total_paise": sale.total_paise},
            )
            return sale

        try:
            return self._units.write(work)
        except IntegrityError as exc:
            if "order_id" in str(exc.orig):
                raise DuplicateOrderId(order_id) from exc
            raise

    def cancel_sale(self, sale_id: int) -> bool:
        """Cancel an open sale with no attempt that may still charge; say if it did."""
        return self._units.write(
            lambda session: moves.cancel_open_sale(session, sale_id, now=self._clock())
        )

    # -- attempts ---------------------------------------------------------------

    def create_attempt(
        self,
        sale_id: int,
        *,
        flow: Flow,
        route: str,
        method: str,
        amount_paise: int | None = None,
    ) -> Attempt:
        """Store a new attempt (status ``created``, next ``seq``) for an open sale.

        ``amount_paise`` defaults to the sale's total and must equal it. Raises
        SaleNotFound, SaleNotOpen, AttemptInFlight (an earlier attempt may still
        charge), AttemptLimitReached or AmountMismatch.
        """

        def work(session: Session) -> Attempt:
            now = self._clock()
            sale = session.exec(
                select(Sale).where(col(Sale.id) == sale_id).with_for_update()
            ).first()
            if sale is None:
                raise SaleNotFound(f"no sale {sale_id}")
            if sale.status != SaleStatus.OPEN:
                raise SaleNotOpen(f"sale {sale_id} is {sale.status}")
            amount = sale.total_paise if amount_paise is None else amount_paise
            if amount != sale.total_paise:
                raise AmountMismatch(
                    f"attempt for {amount} paise on a sale of {sale.total_paise}"
                )

            previous = session.exec(
                select(Attempt).where(col(Attempt.sale_id) == sale_id)
            ).all()
            busy = [a for a in previous if a.status in OPEN_ATTEMPT_STATES]
            if busy:
                raise AttemptInFlight(
                    f"attempt {busy[0].id} of sale {sale_id} is {busy[0].status}"
                )
            if len(previous) >= MAX_ATTEMPTS_PER_SALE:
                raise AttemptLimitReached(
                    f"sale {sale_id} has {len(previous)} attempts"
                )

            attempt = Attempt(
                sale_id=sale_id,
                seq=max((a.seq for a in previous), default=0) + 1,
                flow=flow,
                route=route,
                method=method,
                status=AttemptStatus.CREATED,
                amount_paise=amount,
                created_at=now,
                updated_at=now,
            )
            session.add(attempt)
            session.flush()
            append_event(
                session,
                at=now,
                sale_id=sale_id,
                attempt_id=_id(attempt.id),
                kind=EventKind.ATTEMPT_CREATED,
                to_status=AttemptStatus.CREATED,
                detail={"seq": attempt.seq, "flow": flow, "route": route},
            )
            return attempt

        try:
            return self._units.write(work)
        except IntegrityError as exc:  # lost the race on ux_attempt_one_open
            raise AttemptInFlight(f"sale {sale_id} got another attempt") from exc

    def transition(
        self,
        attempt_id: int,
        target: AttemptStatus,
        *,
        detail: Mapping[str, Any] | None = None,
        txn_id: str | None = None,
        gateway_status: str | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
    ) -> bool:
        """Move an attempt to ``target`` if the state machine allows it from here.

        Returns whether this call moved it. ``False`` means a late or repeated event
        (or an illegal move): nothing changes and no event is written. ``charged`` is
        handed to :meth:`finalize_charged`, so the sale is paid in the same step.
        Fields left ``None`` keep their stored value. Raises AttemptNotFound.
        """
        target = AttemptStatus(target)
        if target is AttemptStatus.CHARGED:
            if error_code is not None or error_message is not None:
                raise ValueError("a charged attempt carries no error")
            return self.finalize_charged(
                attempt_id, detail=detail, txn_id=txn_id, gateway_status=gateway_status
            )

        fields = {
            "txn_id": txn_id,
            "gateway_status": gateway_status,
            "error_code": error_code,
            "error_message": None
            if error_message is None
            else mask_numbers(error_message),
        }

        def work(session: Session) -> bool:
            sale_id = moves.move_attempt(
                session,
                attempt_id,
                target,
                now=self._clock(),
                fields=fields,
                detail=detail,
            )
            return sale_id is not None

        return self._units.write(work)

    def finalize_charged(
        self,
        attempt_id: int,
        *,
        detail: Mapping[str, Any] | None = None,
        txn_id: str | None = None,
        gateway_status: str | None = None,
    ) -> bool:
        """Mark the attempt charged and its sale paid, in one transaction.

        ``True`` for exactly one caller: the one whose call moved both the attempt
        (to ``charged``) and the sale (``open`` to ``paid``). Only that caller prints
        the receipt and counts the money. If the attempt moves but its sale is no
        longer open, the charge is still recorded (the money did move) with a
        ``charged_sale_not_open`` event for a manager, and the result is ``False``.
        Raises AttemptNotFound.
        """
        fields = {"txn_id": txn_id, "gateway_status": gateway_status}

        def work(session: Session) -> bool:
            now = self._clock()
            sale_id = moves.move_attempt(
                session,
                attempt_id,
                AttemptStatus.CHARGED,
                now=now,
                fields=fields,
                detail=detail,
            )
            if sale_id is None:
                return False
            return moves.pay_sale(session, sale_id, attempt_id, now=now)

        return self._units.write(work)

    # -- the journal ------------------------------------------------------------

    def add_event(
        self,
        sale_id: int,
        attempt_id: int | None,
        kind: str,
        detail: Mapping[str, Any] | None = None,
    ) -> Event:
        """Append an event to the journal (its detail scrubbed of secrets)."""

        def work(session: Session) -> Event:
            return append_event(
                session,
                at=self._clock(),
                sale_id=sale_id,
                attempt_id=attempt_id,
                kind=kind,
                detail=detail,
            )

        return self._units.write(work)


def _id(value: int | None) -> int:
    if value is None:  # pragma: no cover - the flush assigns it
        raise RuntimeError("row has no id after flush")
    return value


def _sale_line(sale_id: int, position: int, line: CartLine) -> SaleLine:
    return SaleLine(
        sale_id=sale_id,
        position=position,
        sku=line.sku,
        name=line.name,
        unit_paise=line.unit_price.paise,
        quantity=line.quantity,
        total_paise=line.total.paise,
    )
