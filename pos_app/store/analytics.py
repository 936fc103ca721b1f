"""Figures for a day or a range: counts, value, success rates, drop-off, refunds.

All money is integer paise summed by the database. The queries scan the range's
sales through ``ix_sale_created_at`` and reach attempts and events through their
``sale_id`` indexes; on a busy day they take tens of milliseconds, so run
:func:`summarise` on a worker thread.

Definitions (shown to managers, so keep them plain):

* **success rate**: sales paid / sales that had at least one payment attempt.
* **by flow / by route**: per attempt; rate = attempts charged / attempts made.
* **drop-off**: attempts that ended ``cancelled`` or ``failed`` straight from
  ``awaiting_link`` (link started, never consented) or ``awaiting_customer``
  (page opened, never paid).
* **refunds**: events whose kind starts with ``refund_`` on the range's sales;
  ``refund_succeeded`` / ``refund_completed`` count as money returned
  (``detail.amount_paise``), any other ``refund_`` kind as a request.
"""

# SQL here is assembled from fixed column names and clauses only; every value is a
# bound parameter.
# ruff: noqa: S608

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import Engine

from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store.reports import bind, parse_stamp

__all__ = ["FLOWS", "Breakdown", "Summary", "drop_off_by_stage", "summarise"]

_RANGE = "s.created_at >= :start AND s.created_at < :end"
_DONE_KINDS = frozenset({"refund_succeeded", "refund_completed"})
_DROP_FROM = (AttemptStatus.AWAITING_LINK.value, AttemptStatus.AWAITING_CUSTOMER.value)


@dataclass(slots=True)
class Breakdown:
    """Attempts of one flow or route."""

    attempts: int = 0
    charged: int = 0
    charged_paise: int = 0

    @property
    def success_rate(self) -> float | None:
        return self.charged / self.attempts if self.attempts else None


@dataclass(slots=True)
class Summary:
    """What happened in ``[start, end)``; buckets are local hours (or days)."""

    start: datetime
    end: datetime
    sales: int = 0
    value_paise: int = 0  # all sales, whatever their status
    by_status: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (latest attempt's flow or "none", sale status) -> (count, paise)
    by_flow_status: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    sales_attempted: int = 0
    by_flow: dict[str, Breakdown] = field(default_factory=dict)
    by_route: dict[str, Breakdown] = field(default_factory=dict)
    drop_off: dict[str, int] = field(default_factory=dict)
    refunds_paise: int = 0
    refunds: int = 0
    refund_requests: int = 0
    #: bucket start (local, aware) -> (sales, paid sales, paid paise)
    buckets: dict[datetime, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def paid(self) -> tuple[int, int]:
        return self.by_status.get(SaleStatus.PAID.value, (0, 0))

    @property
    def success_rate(self) -> float | None:
        return self.paid[0] / self.sales_attempted if self.sales_attempted else None

    @property
    def unresolved(self) -> int:
        return self.by_status.get(SaleStatus.OPEN.value, (0, 0))[0]


def summarise(engine: Engine, start: datetime, end: datetime, zone: tzinfo) -> Summary:
    """Compute the figures for ``[start, end)``; buckets by hour for one day or less."""
    summary = Summary(start=start, end=end)
    params = {"start": start, "end": end}
    hourly = end - start <= timedelta(days=1, hours=1)

    with engine.connect() as conn:
        rows = conn.execute(bind(_FLOW_STATUS_SQL, params), params)
        for status, flow, count, paise in rows:
            key = (flow or "none", status)
            summary.by_flow_status[key] = (int(count), int(paise))

        rows = conn.execute(bind(_ATTEMPTS_SQL, params), params)
        for flow, route, status, count, paise in rows:
            _add(summary.by_flow, flow, status, int(count), int(paise))
            _add(summary.by_route, route, status, int(count), int(paise))
        summary.sales_attempted = int(
            conn.execute(bind(_ATTEMPTED_SQL, params), params).scalar_one()
        )

        rows = conn.execute(bind(_EVENTS_SQL, params), params)
        for kind, from_status, to_status, detail in rows:
            _event(summary, kind, from_status, to_status, detail)

        rows = conn.execute(bind(_BUCKETS_SQL[engine.dialect.name], params), params)
        for minute, count, paid, paid_paise in rows:
            local = parse_stamp(minute).astimezone(zone)
            if hourly:
                bucket = local.replace(minute=0, second=0, microsecond=0)
            else:
                bucket = local.replace(hour=0, minute=0, second=0, microsecond=0)
            old = summary.buckets.get(bucket, (0, 0, 0))
            summary.buckets[bucket] = (
                old[0] + int(count),
                old[1] + int(paid),
                old[2] + int(paid_paise),
            )

    for (_flow, status), (count, paise) in summary.by_flow_status.items():
        old_count, old_paise = summary.by_status.get(status, (0, 0))
        summary.by_status[status] = (old_count + count, old_paise + paise)
        summary.sales += count
        summary.value_paise += paise
    return summary


def _add(
    table: dict[str, Breakdown], key: str, status: str, count: int, paise: int
) -> None:
    entry = table.setdefault(key, Breakdown())
    entry.attempts += count
    if status == AttemptStatus.CHARGED.value:
        entry.charged += count
        entry.charged_paise += paise


def _event(
    summary: Summary,
    kind: str,
    from_status: str | None,
    to_status: str | None,
    detail: str | None,
) -> None:
    if kind.startswith("refund_"):
        if kind in _DONE_KINDS:
            summary.refunds += 1
            summary.refunds_paise += _amount(detail)
        else:
            summary.refund_requests += 1
        return
    stage = f"{from_status}->{to_status}"
    summary.drop_off[stage] = summary.drop_off.get(stage, 0) + 1


def _amount(detail: str | None) -> int:
    try:
        value = json.loads(detail or "{}").get("amount_paise", 0)
    except (ValueError, AttributeError):
        return 0
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def drop_off_by_stage(summary: Summary) -> dict[str, int]:
    """Fold the drop-off counts into the two stages a manager reads."""
    stages: dict[str, int] = defaultdict(int)
    for key, count in summary.drop_off.items():
        stages[key.split("->")[0]] += count
    return {stage: stages.get(stage, 0) for stage in _DROP_FROM}


# The latest attempt's flow per sale, as the day view and the CLI report show it.
_FLOW_STATUS_SQL = (
    "SELECT s.status, la.flow, count(*), COALESCE(SUM(s.total_paise), 0) FROM sale s"
    " LEFT JOIN attempt la ON la.id = (SELECT a.id FROM attempt a"
    " WHERE a.sale_id = s.id ORDER BY a.seq DESC LIMIT 1)"
    f" WHERE {_RANGE} GROUP BY s.status, la.flow"
)
_ATTEMPTS_SQL = (
    "SELECT a.flow, a.route, a.status, count(*), COALESCE(SUM(a.amount_paise), 0)"
    " FROM sale s JOIN attempt a ON a.sale_id = s.id"
    f" WHERE {_RANGE} GROUP BY a.flow, a.route, a.status"
)
_ATTEMPTED_SQL = (
    "SELECT count(*) FROM sale s WHERE"
    f" {_RANGE} AND EXISTS (SELECT 1 FROM attempt a WHERE a.sale_id = s.id)"
)
_EVENTS_SQL = (
    "SELECT e.kind, e.from_status, e.to_status, e.detail"
    " FROM sale s JOIN event e ON e.sale_id = s.id"
    f" WHERE {_RANGE} AND (e.kind LIKE 'refund%' OR (e.kind = 'attempt_status'"
    " AND e.to_status IN ('cancelled', 'failed')"
    " AND e.from_status IN ('awaiting_link', 'awaiting_customer')))"
)
_BUCKET_TAIL = (
    ", count(*), SUM(CASE WHEN s.status = 'paid' THEN 1 ELSE 0 END),"
    " COALESCE(SUM(CASE WHEN s.status = 'paid' THEN s.total_paise ELSE 0 END), 0)"
    f" FROM sale s WHERE {_RANGE} GROUP BY 1"
)
# Per UTC minute, so any local offset (+05:30, +05:45) folds into its local hour.
_BUCKETS_SQL = {
    "sqlite": "SELECT substr(s.created_at, 1, 16)" + _BUCKET_TAIL,
    "postgresql": "SELECT date_trunc('minute', s.created_at)" + _BUCKET_TAIL,
}

#: The flows in the order reports list them.
FLOWS: tuple[Flow, ...] = tuple(Flow)
