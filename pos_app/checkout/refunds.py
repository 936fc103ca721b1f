"""Refunds of paid sales: intent stored first, repeats harmless, state from the gateway.

Blocking (HTTP and SQL): call :class:`RefundService` from worker threads only.

Rules (reference 3.5 and 9; docs/ARCHITECTURE.md):

- the refund row is stored (``REQUESTED``, with a fresh ``unique_request_id``) before
  ``POST /orders/{order_id}/refunds``, in the same transaction as the check that the
  sale's refunds never add up to more than it was paid;
- a timeout, 5xx or unreadable answer makes the refund ``UNKNOWN``; it is then repeated
  with the SAME ``unique_request_id``, which is harmless by design: had the first one
  arrived, the repeat gets ``duplicate.call``, and the order status' ``refunds[]``
  says where that refund is;
- a refusal of a request that certainly was the first makes it ``FAILURE``, shown as
  it is; a refund that failed frees its amount, and the next try gets a NEW id;
- ``refresh`` moves every open refund of a sale to the status the gateway reports.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pos_app.domain.ids import new_request_id
from pos_app.domain.money import Money
from pos_app.domain.text import Text, join, translate
from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway.client import JuspayClient
from pos_app.store import Sale, SaleNotFound, Store
from pos_app.store.refunds import (
    OPEN,
    RefundRow,
    Refunds,
    RefundState,
    RefundTooLarge,
    SaleNotRefundable,
)

__all__ = ["RefundResult", "RefundService", "RefundState"]

log = logging.getLogger(__name__)

_GATEWAY_STATES = {
    m.RefundStatus.PENDING: RefundState.PENDING,
    m.RefundStatus.SUCCESS: RefundState.SUCCESS,
    m.RefundStatus.FAILURE: RefundState.FAILURE,
    m.RefundStatus.MANUAL_REVIEW: RefundState.MANUAL_REVIEW,
}
_NOT_SENT_YET = (RefundState.REQUESTED, RefundState.UNKNOWN)
_DUPLICATE_REASON = translate(
    "Refunds",
    "a refund of the same amount was requested seconds ago; check the sale's "
    "refunds, and wait a few seconds before repeating it",
)
_NO_SALE = translate("Refunds", "No sale has order id {order_id}.")


@dataclass(frozen=True, slots=True)
class RefundResult:
    """What happened to one refund, for the manager's screen.

    ``status`` is ``None`` when the refund was refused here and nothing was stored or
    sent (unknown or unpaid sale, too large, nothing left). ``remaining`` is what can
    still be refunded on the sale: its total less every refund that did not fail.
    """

    order_id: str
    status: RefundState | None
    amount: Money
    remaining: Money
    message: str
    unique_request_id: str | None = None
    error_code: str | None = None

    @property
    def refunded(self) -> bool:
        """Whether the money went back to the customer."""
        return self.status is RefundState.SUCCESS

    @property
    def needs_attention(self) -> bool:
        """Whether a manager must not refund again until this one is resolved."""
        return self.status in (
            RefundState.REQUESTED,
            RefundState.UNKNOWN,
            RefundState.MANUAL_REVIEW,
        )


class RefundService:
    """Refund paid sales through the gateway, keeping the store in step.

    Args:
        client: the gateway client.
        store: the migrated store the sales are in.
        retry_delays: the pauses before each repeat of a request whose outcome is
            unknown (same ``unique_request_id``); one repeat per entry.
        sleep: how to pause (tests pass a fake).
    """

    def __init__(
        self,
        client: JuspayClient,
        store: Store,
        *,
        retry_delays: Sequence[float] = (0.5, 1.0, 2.0),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._store = store
        self._refunds = Refunds(store)
        self._retry_delays = tuple(retry_delays)
        self._sleep = sleep
        self._in_flight: set[str] = set()  # unique_request_ids being sent here
        # Why a refund failed, as said here (the store keeps only the English).
        self._reasons: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<RefundService {self._store!r}>"

    @property
    def refunds(self) -> Refunds:
        return self._refunds

    # -- actions ------------------------------------------------------------------

    def refund(self, order_id: str, amount: Money) -> RefundResult:
        """Refund ``amount`` of the paid sale with this gateway order id."""
        sale = self._store.get_sale_by_order(order_id)
        if sale is None or sale.id is None:
            return self._refused(order_id, amount, _NO_SALE.format(order_id=order_id))
        if amount.paise <= 0:
            return self._refused(
                sale, amount, translate("Refunds", "Enter a refund amount above zero.")
            )

        request_id = new_request_id()
        with self._lock:  # a refresh on another worker must not send it meanwhile
            self._in_flight.add(request_id)
        try:
            return self._request_and_send(sale, sale.id, amount, request_id)
        finally:
            with self._lock:
                self._in_flight.discard(request_id)

    def _request_and_send(
        self, sale: Sale, sale_id: int, amount: Money, request_id: str
    ) -> RefundResult:
        try:
            row = self._refunds.request(sale_id, amount.paise, request_id)
        except SaleNotRefundable:
            return self._refused(
                sale,
                amount,
                translate(
                    "Refunds", "Only a paid sale can be refunded (it is {status})."
                ).format(status=sale.status),
            )
        except SaleNotFound:
            message = _NO_SALE.format(order_id=sale.order_id)
            return self._refused(sale.order_id, amount, message)
        except RefundTooLarge as exc:
            left = Money(exc.refundable_paise)
            return self._refused(
                sale,
                amount,
                translate(
                    "Refunds",
                    "A refund of {amount} is more than the {left} still refundable "
                    "on this sale.",
                ).format(amount=amount.format(), left=left.format()),
            )

        log.info(
            "refund %s of %s for order %s stored; sending",
            request_id,
            amount,
            sale.order_id,
        )
        row = self._send_with_repeats(sale, row)
        return self._result(sale, row)

    def full_refund(self, order_id: str) -> RefundResult:
        """Refund whatever is still refundable on the sale."""
        sale = self._store.get_sale_by_order(order_id)
        if sale is None or sale.id is None:
            return self._refused(order_id, Money(0), _NO_SALE.format(order_id=order_id))
        left = Money(sale.total_paise - self._refunds.held_total(sale.id))
        if left.paise <= 0:
            return self._refused(
                sale,
                left,
                translate("Refunds", "Nothing is left to refund on this sale."),
            )
        return self.refund(order_id, left)

    def refresh(self, order_id: str) -> list[RefundResult]:
        """Move the sale's open refunds to the gateway's status; return them all.

        A refund whose request may never have arrived (``REQUESTED`` left by a crash,
        or ``UNKNOWN``) and that the order status does not list is sent again with
        its own ``unique_request_id``.
        """
        sale = self._store.get_sale_by_order(order_id)
        if sale is None or sale.id is None:
            return []
        todo = [
            row
            for row in self._refunds.refunds_for(sale.id)
            if row.status in OPEN and not self._is_in_flight(row)
        ]
        problem: str = ""
        if todo:
            try:
                status = self._client.order_status(order_id)
            except errors.GatewayError as exc:
                log.warning("refund refresh of %s failed: %s", order_id, exc)
                problem = translate(
                    "Refunds", "Could not check with the gateway: {reason}"
                ).format(reason=exc.user_message)
            else:
                for row in todo:
                    self._refresh_one(sale, row, status)

        rows = self._refunds.refunds_for(sale.id)
        return [
            self._result(sale, row, note=problem if row.status in OPEN else "")
            for row in rows
        ]

    def refresh_open(self) -> list[RefundResult]:
        """Refresh every sale that has an open refund (at start-up, periodically)."""
        results: list[RefundResult] = []
        for sale_id in dict.fromkeys(r.sale_id for r in self._refunds.open_refunds()):
            sale = self._store.get_sale(sale_id)
            if sale is not None:
                results.extend(self.refresh(sale.order_id))
        return results

    def remaining(self, order_id: str) -> Money:
        """What can still be refunded on the sale (zero for an unknown one)."""
        sale = self._store.get_sale_by_order(order_id)
        if sale is None or sale.id is None:
            return Money(0)
        return Money(max(sale.total_paise - self._refunds.held_total(sale.id), 0))

    # -- the request and its answer -------------------------------------------------

    def _send(self, sale: Sale, row: RefundRow) -> RefundRow:
        """POST the refund; repeat it with the same id while the outcome is unknown."""
        with self._lock:
            self._in_flight.add(row.unique_request_id)
        try:
            return self._send_with_repeats(sale, row)
        finally:
            with self._lock:
                self._in_flight.discard(row.unique_request_id)

    def _send_with_repeats(self, sale: Sale, row: RefundRow) -> RefundRow:
        amount = Money(row.amount_paise)
        for delay in (0.0, *self._retry_delays):
            if delay:
                self._sleep(delay)
            first = row.status is RefundState.REQUESTED
            try:
                status = self._client.refund_order(
                    sale.order_id, amount, row.unique_request_id
                )
            except errors.DuplicateRequest as exc:
                # Either ours arrived before (a repeat), or the same amount was
                # posted seconds ago under another id: the order status tells.
                return self._from_status(sale, row, refusal=exc)
            except errors.OutcomeUnknown as exc:
                log.warning(
                    "refund %s: outcome unknown: %s", row.unique_request_id, exc
                )
                row = self._move(
                    row,
                    RefundState.UNKNOWN,
                    error_code=exc.code or "OUTCOME_UNKNOWN",
                    error_message=exc.user_message,
                )
                continue
            except errors.GatewayUnavailable as exc:
                if first:  # certainly not received: nothing happened
                    return self._fail(row, exc)
                log.warning(
                    "refund %s: gateway unreachable: %s", row.unique_request_id, exc
                )
                continue
            except errors.GatewayError as exc:
                if first:
                    return self._fail(row, exc)
                return self._from_status(sale, row, refusal=exc)
            return self._apply(sale, row, status.refund(row.unique_request_id))
        return self._from_status(sale, row, refusal=None)

    def _from_status(
        self, sale: Sale, row: RefundRow, *, refusal: errors.GatewayError | None
    ) -> RefundRow:
        """Settle a refund from the order status' ``refunds[]``.

        Listed: it takes the listed status. Not listed after a refusal: the gateway
        has no such refund, so it failed. Not listed otherwise: still unknown.
        """
        try:
            status = self._client.order_status(sale.order_id)
        except errors.GatewayError as exc:
            log.warning(
                "order status for refund %s failed: %s", row.unique_request_id, exc
            )
            if row.status is RefundState.REQUESTED:
                return self._move(row, RefundState.UNKNOWN, error_code="UNCONFIRMED")
            return row
        found = status.refund(row.unique_request_id)
        if found is not None:
            return self._apply(sale, row, found)
        if refusal is not None:
            return self._fail(row, refusal)
        return row

    def _refresh_one(self, sale: Sale, row: RefundRow, status: m.OrderStatus) -> None:
        found = status.refund(row.unique_request_id)
        if found is not None:
            self._apply(sale, row, found)
            return
        if row.status in _NOT_SENT_YET:
            if row.status is RefundState.REQUESTED:  # left by a crash: maybe sent
                row = self._move(row, RefundState.UNKNOWN, error_code="UNCONFIRMED")
            log.info(
                "refund %s not at the gateway; sending it again", row.unique_request_id
            )
            self._send(sale, row)
            return
        log.warning(
            "refund %s is %s here but missing from the order status of %s",
            row.unique_request_id,
            row.status,
            sale.order_id,
        )

    def _apply(self, sale: Sale, row: RefundRow, found: m.Refund | None) -> RefundRow:
        """Move the row to what the gateway says about it."""
        if found is None:  # a reply without our refund in it: ask again
            log.warning("refund %s missing from the reply", row.unique_request_id)
            return self._from_status(sale, row, refusal=None)

        gateway_state = found.refund_status
        if gateway_state is None:
            log.warning(
                "refund %s has an undocumented status %r",
                row.unique_request_id,
                found.status,
            )
            if row.status is RefundState.REQUESTED:
                return self._move(row, RefundState.UNKNOWN, error_code=found.status)
            return row
        target = _GATEWAY_STATES[gateway_state]
        error_code = error_message = None
        if target in (RefundState.FAILURE, RefundState.MANUAL_REVIEW):
            error_code = found.error_code or target.value
            error_message = found.error_message or None
        if found.amount is not None and found.amount.paise != row.amount_paise:
            target = RefundState.MANUAL_REVIEW
            error_code = "AMOUNT_MISMATCH"
            error_message = (
                f"The gateway shows {found.amount.format()} for this refund."
            )
        return self._move(
            row,
            target,
            gateway_ref=found.ref or found.arn or None,
            error_code=error_code,
            error_message=error_message,
            detail={"sent_to_gateway": found.sent_to_gateway},
        )

    def _fail(self, row: RefundRow, exc: errors.GatewayError) -> RefundRow:
        log.warning("refund %s refused: %r", row.unique_request_id, exc)
        reason = exc.user_message
        if isinstance(exc, errors.DuplicateRequest):  # same amount, seconds ago
            reason = _DUPLICATE_REASON
        elif type(exc) is errors.InvalidRequest and exc.code:
            reason = join([reason, f"({exc.code})"])
        self._reasons[row.unique_request_id] = reason  # the store keeps it in English
        return self._move(
            row,
            RefundState.FAILURE,
            error_code=exc.code or type(exc).__name__,
            error_message=reason,
        )

    def _move(
        self,
        row: RefundRow,
        target: RefundState,
        *,
        gateway_ref: str | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
        detail: dict[str, object] | None = None,
    ) -> RefundRow:
        """Move the row if it may go there; return the row as stored now."""
        self._refunds.move(
            row.id,
            target,
            gateway_ref=gateway_ref,
            error_code=error_code,
            error_message=error_message,
            detail=detail,
        )
        return self._refunds.get(row.id) or row

    def _is_in_flight(self, row: RefundRow) -> bool:
        with self._lock:
            return row.unique_request_id in self._in_flight

    # -- what the manager reads ---------------------------------------------------

    def _result(self, sale: Sale, row: RefundRow, *, note: str = "") -> RefundResult:
        amount = Money(row.amount_paise)
        left = Money(max(sale.total_paise - self._refunds.held_total(row.sale_id), 0))
        message = _message(row, amount, left, self._reason(row))
        if note:
            message = join([message, note])
        log.info("refund %s: %s", row.unique_request_id, message)
        return RefundResult(
            order_id=sale.order_id,
            status=row.status,
            amount=amount,
            remaining=left,
            message=message,
            unique_request_id=row.unique_request_id,
            error_code=row.error_code,
        )

    def _reason(self, row: RefundRow) -> str | None:
        """Why the refund failed, in words the screen can translate when known."""
        stored = row.error_message
        if not stored:
            return None
        said = self._reasons.get(row.unique_request_id)
        if said is not None and said == stored:
            return said
        return _known_reasons().get(stored, stored)

    def _refused(self, sale: Sale | str, amount: Money, message: str) -> RefundResult:
        if isinstance(sale, str):
            order_id, left = sale, Money(0)
        else:
            order_id, left = sale.order_id, self.remaining(sale.order_id)
        log.info("refund for order %s refused: %s", order_id, message)
        return RefundResult(order_id, None, amount, left, message)


def _known_reasons() -> dict[str, str]:
    """The reasons this app writes, by their English (for rows read back)."""
    kinds = (
        errors.GatewayError,
        errors.AuthenticationError,
        errors.InvalidRequest,
        errors.TokenExpired,
        errors.DuplicateRequest,
        errors.RefundExceeded,
        errors.NotFound,
        errors.OrderNotFound,
        errors.GatewayUnavailable,
        errors.OutcomeUnknown,
        errors.MalformedResponse,
    )
    said = [kind(None, "").user_message for kind in kinds]
    said += [  # the other ways an unknown outcome is said
        errors.OutcomeUnknown(None, "", http_status=500).user_message,
        errors.OutcomeUnknown("CONNECTION_LOST", "").user_message,
    ]
    return {str(text): text for text in (*said, _DUPLICATE_REASON)}


def _message(
    row: RefundRow, amount: Money, left: Money, reason: str | None = None
) -> str:
    money = amount.format()
    rest = (
        translate("Refunds", "Still refundable: {left}.").format(left=left.format())
        if left.paise > 0
        else translate("Refunds", "Nothing is left to refund on this sale.")
    )
    match row.status:
        case RefundState.SUCCESS:
            said = translate(
                "Refunds", "{amount} was refunded to the customer's Amazon Pay balance."
            )
        case RefundState.PENDING:
            said = translate(
                "Refunds",
                "Refund of {amount} accepted; Amazon Pay is processing it. "
                "It usually completes within minutes.",
            )
        case RefundState.FAILURE:
            why = reason or translate("Refunds", "the gateway did not process it")
            if not isinstance(why, Text):  # the gateway's own words, or a code
                why = why.rstrip(".")
            if why.endswith("."):  # a sentence of ours: it brings its own stop
                said = translate(
                    "Refunds",
                    "Refund of {amount} failed: {reason} Nothing was refunded; you "
                    "can try again.",
                )
            else:
                said = translate(
                    "Refunds",
                    "Refund of {amount} failed: {reason}. Nothing was refunded; you "
                    "can try again.",
                )
            return join([said.format(amount=money, reason=why), rest])
        case RefundState.MANUAL_REVIEW:
            said = translate(
                "Refunds",
                "Refund of {amount} needs a manual review at the gateway. Do not "
                "refund this sale again until it is resolved.",
            )
        case _:  # REQUESTED or UNKNOWN
            said = translate(
                "Refunds",
                "The gateway has not confirmed the refund of {amount}. It is being "
                "checked; do not refund this sale again until it is resolved.",
            )
    return join([said.format(amount=money), rest])
