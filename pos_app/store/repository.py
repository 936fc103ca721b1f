"""The store: sales, attempts, the conditional state moves and the journal.

Contract:

* Every public method is one short unit of work (one connection and transaction,
  SQLAlchemy Core statements built once and reused) and returns **detached** table
  objects: their attributes stay readable, but changing them saves nothing. Go
  through the store's methods to change anything. Writes build the objects they
  return from the values they inserted and the new row's id, without reading back.
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

from sqlalchemy import Connection, Engine, bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from pos_app.domain.cart import CartLine
from pos_app.domain.ids import is_valid_order_id
from pos_app.domain.states import AttemptStatus, Flow, SaleStatus, check_transition
from pos_app.store import moves
from pos_app.store._detail import mask_numbers
from pos_app.store._session import UnitsOfWork, detached
from pos_app.store._types import utc_now
from pos_app.store.errors import (
    AmountMismatch,
    AttemptInFlight,
    AttemptLimitReached,
    DuplicateOrderId,
    SaleNotFound,
    SaleNotOpen,
)
from pos_app.store.journal import EventKind, append_event, insert_events, inserted_id
from pos_app.store.models import OPEN_ATTEMPT_STATES, Attempt, Event, Sale, SaleLine
from pos_app.store.moves import ATTEMPT, SALE
from pos_app.store.queries import StoreQueries

__all__ = ["MAX_ATTEMPTS_PER_SALE", "Store"]

#: Juspay takes up to 25 transactions per order.
MAX_ATTEMPTS_PER_SALE = 25

_SALE_LINE = SaleLine.metadata.tables["sale_line"]
_INSERT_SALE = insert(SALE)
_INSERT_LINES = insert(_SALE_LINE)
_INSERT_ATTEMPT = insert(ATTEMPT)
# FOR UPDATE holds the sale on PostgreSQL while its attempts are counted (SQLite's
# BEGIN IMMEDIATE already holds the whole database).
# One query for the sale and its attempts (a sale without any gives one row of
# NULL attempt columns).
_SALE_AND_ATTEMPTS = (
    select(
        SALE.c.status,
        SALE.c.total_paise,
        ATTEMPT.c.id.label("attempt_id"),
        ATTEMPT.c.seq,
        ATTEMPT.c.status.label("attempt_status"),
    )
    .select_from(SALE.outerjoin(ATTEMPT, ATTEMPT.c.sale_id == SALE.c.id))
    .where(SALE.c.id == bindparam("sale_id"))
    .order_by(ATTEMPT.c.seq)
    .with_for_update(of=SALE)
)


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

        total_paise = sum(line.total.paise for line in lines)

        def work(connection: Connection) -> Sale:
            now = self._clock()
            values: dict[str, Any] = {
                "order_id": order_id,
                "terminal_id": terminal_id,
                "cashier": cashier,
                "created_at": now,
                "updated_at": now,
                "currency": currency,
                "total_paise": total_paise,
                "status": SaleStatus.OPEN,
                "customer_ref": customer_ref,
                "phone_last4": phone_last4,
                "paid_at": None,
                "paid_attempt_id": None,
            }
            result = connection.execute(_INSERT_SALE, values)
            sale_id = values["id"] = inserted_id(result.inserted_primary_key)
            connection.execute(
                _INSERT_LINES,
                [
                    _sale_line(sale_id, position, line)
                    for position, line in enumerate(lines, start=1)
                ],
            )
            append_event(
                connection,
                at=now,
                sale_id=sale_id,
                attempt_id=None,
                kind=EventKind.SALE_CREATED,
                to_status=SaleStatus.OPEN,
                detail={"order_id": order_id, "total_paise": total_paise},
            )
            return detached(Sale, values)

        try:
            return self._units.write(work)
        except IntegrityError as exc:
            if "order_id" in str(exc.orig):
                raise DuplicateOrderId(order_id) from exc
            raise

    def cancel_sale(self, sale_id: int) -> bool:
        """Cancel an open sale with no attempt that may still charge; say if it did."""
        return self._units.write(
            lambda connection: moves.cancel_open_sale(
                connection, sale_id, now=self._clock()
            )
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
        status: AttemptStatus = AttemptStatus.CREATED,
    ) -> Attempt:
        """Store a new attempt (next ``seq``) for an open sale.

        ``status`` is ``created``, or a state ``created`` may move to (``submitting``,
        ``awaiting_link``) when the caller stores its intent and the first move in
        one write. ``amount_paise`` defaults to the sale's total and must equal it.
        Raises
        SaleNotFound, SaleNotOpen, AttemptInFlight (an earlier attempt may still
        charge), AttemptLimitReached or AmountMismatch.
        """

        flow = Flow(flow)
        initial = AttemptStatus(status)
        if initial is not AttemptStatus.CREATED:
            check_transition(AttemptStatus.CREATED, initial)

        def work(connection: Connection) -> Attempt:
            now = self._clock()
            rows = connection.execute(_SALE_AND_ATTEMPTS, {"sale_id": sale_id}).all()
            if not rows:
                raise SaleNotFound(f"no sale {sale_id}")
            status, total_paise = rows[0].status, rows[0].total_paise
            if status != SaleStatus.OPEN:
                raise SaleNotOpen(f"sale {sale_id} is {status}")
            amount = total_paise if amount_paise is None else amount_paise
            if amount != total_paise:
                raise AmountMismatch(
                    f"attempt for {amount} paise on a sale of {total_paise}"
                )

            previous = [r for r in rows if r.attempt_id is not None]
            busy = [a for a in previous if a.attempt_status in OPEN_ATTEMPT_STATES]
            if busy:
                raise AttemptInFlight(
                    f"attempt {busy[0].attempt_id} of sale {sale_id}"
                    f" is {busy[0].attempt_status}"
                )
            if len(previous) >= MAX_ATTEMPTS_PER_SALE:
                raise AttemptLimitReached(
                    f"sale {sale_id} has {len(previous)} attempts"
                )

            seq = max((a.seq for a in previous), default=0) + 1
            values: dict[str, Any] = {
                "sale_id": sale_id,
                "seq": seq,
                "flow": flow,
                "route": route,
                "method": method,
                "status": initial,
                "amount_paise": amount,
                "txn_id": None,
                "gateway_status": None,
                "error_code": None,
                "error_message": None,
                "created_at": now,
                "updated_at": now,
            }
            result = connection.execute(_INSERT_ATTEMPT, values)
            attempt_id = values["id"] = inserted_id(result.inserted_primary_key)
            append_event(
                connection,
                at=now,
                sale_id=sale_id,
                attempt_id=attempt_id,
                kind=EventKind.ATTEMPT_CREATED,
                to_status=initial,
                detail={"seq": seq, "flow": flow, "route": route},
            )
            return detached(Attempt, values)

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
        flow: Flow | None = None,
    ) -> bool:
        """Move an attempt to ``target`` if the state machine allows it from here.

        ``flow`` re-labels the attempt when the payment changed path on the way (a
        direct debit that went on to the CCT top-up page).

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
            "flow": None if flow is None else Flow(flow),
        }

        def work(connection: Connection) -> bool:
            sale_id = moves.move_attempt(
                connection,
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

        def work(connection: Connection) -> bool:
            now = self._clock()
            events: list[dict[str, Any]] = []
            sale_id = moves.move_attempt(
                connection,
                attempt_id,
                AttemptStatus.CHARGED,
                now=now,
                fields=fields,
                detail=detail,
                events=events,
            )
            if sale_id is None:
                return False
            won = moves.pay_sale(
                connection, sale_id, attempt_id, now=now, events=events
            )
            insert_events(connection, events)  # both events in one execution
            return won

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

        def work(connection: Connection) -> Event:
            return append_event(
                connection,
                at=self._clock(),
                sale_id=sale_id,
                attempt_id=attempt_id,
                kind=kind,
                detail=detail,
            )

        return self._units.write(work)


def _sale_line(sale_id: int, position: int, line: CartLine) -> dict[str, Any]:
    return {
        "sale_id": sale_id,
        "position": position,
        "sku": line.sku,
        "name": line.name,
        "unit_paise": line.unit_price.paise,
        "quantity": line.quantity,
        "total_paise": line.total.paise,
    }
