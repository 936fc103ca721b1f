"""Decide what an order status says about one attempt.

Used while a payment is on screen and by the reconciler afterwards, so both reach the
same verdict from the same facts. The trap: an order carries several transactions,
and its status is that of the highest-precedence one. After a declined first try, the
order still says ``AUTHORIZATION_FAILED`` while a second try is in flight; that failure
belongs to the older attempt and must never fail the newer one.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass

from pos_app.domain.money import Money
from pos_app.domain.states import GatewayStatus
from pos_app.gateway.models import OrderStatus

__all__ = ["Verdict", "VerdictKind", "decide"]


class VerdictKind(enum.Enum):
    CHARGED = "charged"  # the order is paid, for this amount
    FAILED = "failed"  # this attempt's transaction failed
    NOT_CREATED = "not_created"  # the order does not exist at the gateway
    AMOUNT_MISMATCH = "amount_mismatch"  # paid, but not what the sale says
    WAIT = "wait"  # nothing final about this attempt yet


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    gateway_status: str
    txn_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None


def decide(
    status: OrderStatus | None,
    amount: Money,
    *,
    older_txn_ids: Collection[str] = (),
) -> Verdict:
    """What ``status`` (None: the order was not found) means for an attempt.

    ``older_txn_ids`` are the gateway transaction ids of this sale's earlier attempts;
    a failure reported for one of them says nothing about this attempt.
    """
    if status is None:
        return Verdict(VerdictKind.NOT_CREATED, "NOT_FOUND")

    kind = status.classification
    txn_id = status.txn_id or None
    if kind is GatewayStatus.SUCCESS:
        if status.amount != amount:
            return Verdict(
                VerdictKind.AMOUNT_MISMATCH,
                status.status,
                txn_id,
                error_code="amount_mismatch",
                error_message=f"gateway charged {status.amount}, sale is {amount}",
            )
        return Verdict(VerdictKind.CHARGED, status.status, txn_id)
    if kind is GatewayStatus.FAILURE:
        if (txn_id is None and older_txn_ids) or (txn_id in older_txn_ids):
            return Verdict(VerdictKind.WAIT, status.status, txn_id)
        return Verdict(
            VerdictKind.FAILED,
            status.status,
            txn_id,
            error_code=status.error_code or status.status,
            error_message=status.error_message,
        )
    if kind is GatewayStatus.NOT_FOUND:
        return Verdict(VerdictKind.NOT_CREATED, status.status)
    return Verdict(VerdictKind.WAIT, status.status, txn_id)
