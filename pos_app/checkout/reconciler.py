"""Settle every attempt whose outcome is not known, from the gateway's order status.

Runs at start-up, periodically in the background, and as ``pos-app reconcile``. It
never guesses: an attempt moves only on what ``GET /orders/{order_id}`` says, with the
same verdicts the live checkout uses (:mod:`pos_app.checkout.resolution`). Two facts
let it close attempts the gateway has no transaction for:

- ``NOT_FOUND`` for the order: it was never created, so nothing was charged;
- ``NEW`` (no transaction) for an attempt older than ``quiet_after_s``: whatever
  request was in flight has long since failed or been refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from pos_app.checkout.resolution import Verdict, VerdictKind, decide
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, GatewayStatus
from pos_app.gateway import errors
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.models import OrderStatus
from pos_app.store import Attempt, Store

__all__ = ["Reconciler", "Resolution"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Resolution:
    """One attempt the reconciler moved (or could not)."""

    order_id: str
    attempt_id: int
    from_status: str
    to_status: str
    gateway_status: str
    note: str = ""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


class Reconciler:
    def __init__(
        self,
        client: JuspayClient,
        store: Store,
        *,
        quiet_after_s: float = 120.0,
        link_timeout_s: float = 300.0,
        since: datetime | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._store = store
        self._quiet_after = timedelta(seconds=quiet_after_s)
        self._link_timeout = timedelta(seconds=link_timeout_s)
        self._clock = clock
        # The embedded sandbox forgets its orders when the app exits: attempts made
        # before it started cannot be checked against it, so they are left alone.
        self._since = since
        self.unreadable = 0  # attempts whose status could not be read in the last run

    def __repr__(self) -> str:
        return f"<Reconciler quiet_after={self._quiet_after}>"

    def pending(self, *, skip: Collection[int] = ()) -> list[Attempt]:
        """Attempts still not settled, oldest first (the cashier's indicator)."""
        return [
            a
            for a in self._store.unresolved_attempts()
            if a.id is not None and a.id not in skip
        ]

    def run_once(
        self, *, skip: Collection[int] = (), sale_id: int | None = None
    ) -> list[Resolution]:
        """Check unsettled attempts once (all, or one sale's), but not ``skip``."""
        moved = []
        self.unreadable = 0
        for attempt in self.pending(skip=skip):
            if sale_id is not None and attempt.sale_id != sale_id:
                continue
            if self._since is not None and attempt.created_at < self._since:
                continue
            resolution = self._settle(attempt)
            if resolution is not None:
                moved.append(resolution)
        return moved

    def _settle(self, attempt: Attempt) -> Resolution | None:
        assert attempt.id is not None
        sale = self._store.get_sale(attempt.sale_id)
        if sale is None:  # pragma: no cover - foreign keys prevent it
            return None
        try:
            with self._client.routing(sale.customer_ref or sale.order_id):
                status: OrderStatus | None = self._client.order_status(sale.order_id)
        except errors.OrderNotFound:
            status = None
        except errors.GatewayError as exc:
            log.warning("reconcile %s: status unreadable (%s)", sale.order_id, exc)
            self.unreadable += 1
            return None

        older = {
            a.txn_id
            for a in self._store.attempts_for(attempt.sale_id)
            if a.id != attempt.id and a.txn_id
        }
        amount = Money(attempt.amount_paise)
        verdict = decide(status, amount, older_txn_ids=older)
        before = AttemptStatus(attempt.status)
        gateway_status = verdict.gateway_status
        detail: dict[str, object] = {
            "step": "reconcile",
            "gateway_status": gateway_status,
        }

        if verdict.kind is VerdictKind.CHARGED:
            won = self._store.finalize_charged(
                attempt.id,
                txn_id=verdict.txn_id,
                gateway_status=gateway_status,
                detail=detail,
            )
            note = "" if won else "charged, but the sale was no longer open: refund it"
            return self._done(
                sale.order_id, attempt, before, "charged", gateway_status, note
            )
        if verdict.kind is VerdictKind.FAILED:
            return self._fail(
                sale.order_id, attempt, before, gateway_status, detail, verdict
            )
        if verdict.kind is VerdictKind.NOT_CREATED:
            return self._fail(
                sale.order_id,
                attempt,
                before,
                gateway_status,
                detail,
                verdict,
                note="the order was never created",
            )
        if verdict.kind is VerdictKind.AMOUNT_MISMATCH:
            self._store.add_event(
                attempt.sale_id,
                attempt.id,
                "amount_mismatch",
                {"gateway_status": gateway_status, "why": verdict.error_message},
            )
            return self._done(
                sale.order_id,
                attempt,
                before,
                before.value,
                gateway_status,
                "charged a different amount: a manager must check it",
            )
        return self._maybe_quiet(sale.order_id, attempt, before, status, detail)

    def _maybe_quiet(
        self,
        order_id: str,
        attempt: Attempt,
        before: AttemptStatus,
        status: OrderStatus | None,
        detail: dict[str, object],
    ) -> Resolution | None:
        """No transaction at the gateway: close the attempt once it is old enough."""
        if status is None or status.classification is not GatewayStatus.NO_TRANSACTION:
            return None  # pending at the gateway: ask again next time
        limit = (
            self._link_timeout
            if before is AttemptStatus.AWAITING_LINK
            else self._quiet_after
        )
        if self._clock() - attempt.updated_at < limit:
            return None
        assert attempt.id is not None
        moved = self._store.transition(
            attempt.id,
            AttemptStatus.FAILED,
            detail={**detail, "why": "no transaction at the gateway"},
            gateway_status=status.status,
            error_code="no_transaction",
        )
        if not moved:
            return None
        return Resolution(
            order_id,
            attempt.id,
            before.value,
            "failed",
            status.status,
            "no transaction reached the gateway",
        )

    def _fail(
        self,
        order_id: str,
        attempt: Attempt,
        before: AttemptStatus,
        gateway_status: str,
        detail: dict[str, object],
        verdict: Verdict,
        note: str = "",
    ) -> Resolution | None:
        assert attempt.id is not None
        moved = self._store.transition(
            attempt.id,
            AttemptStatus.FAILED,
            detail=detail,
            gateway_status=gateway_status,
            error_code=verdict.error_code,
            error_message=verdict.error_message,
            txn_id=verdict.txn_id,
        )
        if not moved:
            return None
        return self._done(order_id, attempt, before, "failed", gateway_status, note)

    @staticmethod
    def _done(
        order_id: str,
        attempt: Attempt,
        before: AttemptStatus,
        after: str,
        gateway_status: str,
        note: str = "",
    ) -> Resolution:
        assert attempt.id is not None
        log.info(
            "reconciled %s attempt %s: %s -> %s", order_id, attempt.id, before, after
        )
        return Resolution(
            order_id, attempt.id, before.value, after, gateway_status, note
        )
