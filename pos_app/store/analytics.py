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
* **refunds**: rows of the ``refund`` table (migration 4) on the range's sales:
  ``SUCCESS`` counts as money returned, the states that may still settle
  (requested, unknown, pending, manual review) as pending; failures not at all.
"""

# SQL here is assembled from fixed column names and clauses only; every value is a
# bound parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import Engine

from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store.reports import bind, parse_stamp

__all__ = ["FLOWS", "Breakdown", "Summary", "drop_off_by_stage", "summarise"]

_RANGE = "s.created_at >= :start AND s.created_at < :end"
_REFUND_PENDING = frozenset({"REQUESTED", "UNKNOWN", "PENDING", "MANUAL_REVIEW"})
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
    refund_requests: int = 0  # refunds that may still settle
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

        rows = conn.execute(bind(_DROP_OFF_SQL, params), params)
        for from_status, to_status, count in rows:
            summary.drop_off[f"{from_status}->{to_status}"] = int(count)

        rows = conn.execute(bind(_REFUNDS_SQL, params), params)
        for status, count, paise in rows:
            if status == "SUCCESS":
                summary.refunds, summary.refunds_paise = int(count), int(paise)
            elif status in _REFUND_PENDING:
                summary.refund_requests += int(count)

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
_DROP_OFF_SQL = (
    "SELECT e.from_status, e.to_status, count(*)"
    " FROM sale s JOIN event e ON e.sale_id = s.id"
    f" WHERE {_RANGE} AND e.kind = 'attempt_status'"
    " AND e.to_status IN ('cancelled', 'failed')"
    " AND e.from_status IN ('awaiting_link', 'awaiting_customer')"
    " GROUP BY e.from_status, e.to_status"
)
_REFUNDS_SQL = (
    "SELECT r.status, count(*), COALESCE(SUM(r.amount_paise), 0)"
    f" FROM sale s JOIN refund r ON r.sale_id = s.id WHERE {_RANGE} GROUP BY r.status"
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
