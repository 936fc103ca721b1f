"""The managers' read side: the day's transactions as filtered, sorted pages.

Everything here is plain SQL (``text()``) run on the store's engine, so the database
does the filtering, sorting and counting; Python only ever holds one page. A page is
found by keyset pagination: the next page starts after the last row's
``(sort key, id)``, so page 500 costs what page 1 costs.

Day boundaries are the terminal's local midnight (:func:`day_bounds`); stored
timestamps are UTC. The functions block: call them from a worker thread unless the
query is known to be quick (one keyset page on an index is).

The flow, route and status of a sale's payment are those of its **latest attempt**
(highest ``seq``); ``seq`` also counts the attempts, since it runs 1, 2, 3...
"""

# SQL here is assembled from fixed column names and clauses only; every value is a
# bound parameter.
# ruff: noqa: S608

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, NamedTuple

from sqlalchemy import Engine, bindparam, text
from sqlalchemy.sql.elements import TextClause

from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store._types import UTCDateTime
from pos_app.store.models import OPEN_ATTEMPT_STATES

__all__ = [
    "PAGE_SIZE",
    "UNRESOLVED",
    "Direction",
    "SortKey",
    "TxnFilter",
    "TxnRow",
    "count_rows",
    "day_bounds",
    "distinct_values",
    "fetch_page",
    "iter_rows",
    "local_zone",
    "page_sql",
    "parse_stamp",
]

PAGE_SIZE = 200

#: The status filter value for "open, and the latest attempt may still charge".
UNRESOLVED = "unresolved"


class SortKey(enum.StrEnum):
    """The columns the database can sort the day by (each backed by the sale row)."""

    TIME = "created_at"
    ORDER_ID = "order_id"
    AMOUNT = "total_paise"
    STATUS = "status"
    CASHIER = "cashier"
    TERMINAL = "terminal_id"
    PHONE = "phone_last4"


class Direction(enum.StrEnum):
    ASC = "asc"
    DESC = "desc"


@dataclass(frozen=True, slots=True)
class TxnFilter:
    """Which sales to show: a UTC range ``[start, end)`` and optional narrowing.

    ``search`` is read as the last digits of the phone when it is all digits (1 to 4
    digits; a longer number is matched on its last four), otherwise as the start of
    an order id.
    """

    start: datetime
    end: datetime
    status: str | None = None  # a SaleStatus value or UNRESOLVED
    flow: Flow | None = None
    route: str | None = None
    cashier: str | None = None
    terminal: str | None = None
    search: str = ""

    def __post_init__(self) -> None:
        for value in (self.start, self.end):
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError("TxnFilter needs aware datetimes")

    @classmethod
    def for_day(cls, day: date, zone: tzinfo | None = None) -> TxnFilter:
        start, end = day_bounds(day, zone)
        return cls(start=start, end=end)

    def with_changes(self, **changes: Any) -> TxnFilter:
        return replace(self, **changes)


class TxnRow(NamedTuple):
    """One sale as the day view shows it (a tuple: pages build 200 of these)."""

    sale_id: int
    created_at: datetime  # aware UTC
    order_id: str
    total_paise: int
    status: SaleStatus
    attempt_status: AttemptStatus | None
    flow: Flow | None
    route: str | None
    cashier: str
    terminal: str
    phone_last4: str | None
    attempts: int
    #: The raw value of the sort column, for the next page's keyset.
    sort_value: Any = None


def local_zone() -> tzinfo:
    """Return the terminal's local time zone (from the OS, ``TZ`` honoured)."""
    zone = datetime.now(UTC).astimezone().tzinfo
    assert zone is not None
    return zone


def day_bounds(day: date, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Return the UTC ``[start, end)`` of a local calendar day.

    With no ``zone`` the OS local time is used, so a day that changes its UTC offset
    (summer time) still starts and ends at local midnight.
    """
    if zone is None:
        start = datetime.combine(day, time.min).astimezone()
        end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    else:
        start = datetime.combine(day, time.min, tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def parse_stamp(value: Any) -> datetime:
    """Turn a stored timestamp (SQLite text, or a PG datetime) into aware UTC."""
    if isinstance(value, str):
        # SQLite: naive UTC text; one C call instead of parse-then-replace.
        return datetime.fromisoformat(value + "+00:00")
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


# -- SQL ------------------------------------------------------------------------

_OPEN = ", ".join(f"'{s.value}'" for s in OPEN_ATTEMPT_STATES)

_COLUMNS = (
    "s.id, s.created_at, s.order_id, s.total_paise, s.status, la.status, la.flow,"
    " la.route, s.cashier, s.terminal_id, s.phone_last4, la.seq"
)
# The latest attempt of each sale, found through ux_attempt_sale_seq.
_LATEST = (
    " LEFT JOIN attempt la ON la.id = (SELECT a.id FROM attempt a"
    " WHERE a.sale_id = s.id ORDER BY a.seq DESC LIMIT 1)"
)
_SORT_EXPR = {
    key: f"COALESCE(s.{key.value}, '')" if key is SortKey.PHONE else f"s.{key.value}"
    for key in SortKey
}


def _where(flt: TxnFilter) -> tuple[list[str], dict[str, Any]]:
    clauses = ["s.created_at >= :start", "s.created_at < :end"]
    params: dict[str, Any] = {"start": flt.start, "end": flt.end}

    if flt.status == UNRESOLVED:
        clauses.append(f"s.status = 'open' AND la.status IN ({_OPEN})")
    elif flt.status:
        clauses.append("s.status = :status")
        params["status"] = SaleStatus(flt.status).value
    if flt.flow:
        clauses.append("la.flow = :flow")
        params["flow"] = Flow(flt.flow).value
    for name, column, value in (
        ("route", "la.route", flt.route),
        ("cashier", "s.cashier", flt.cashier),
        ("terminal", "s.terminal_id", flt.terminal),
    ):
        if value:
            clauses.append(f"{column} = :{name}")
            params[name] = value

    search = flt.search.strip().replace(" ", "")
    if search.isdigit():
        digits = search[-4:]
        if len(digits) == 4:
            clauses.append("s.phone_last4 = :phone")
            params["phone"] = digits
        else:
            clauses.append("s.phone_last4 LIKE :phone")
            params["phone"] = f"%{digits}"
    elif search:
        # A range, not LIKE: it can use ux_sale_order_id on SQLite and PostgreSQL.
        prefix = search.upper()
        clauses.append("s.order_id >= :order_lo AND s.order_id < :order_hi")
        params["order_lo"] = prefix
        params["order_hi"] = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return clauses, params


def _needs_attempt(flt: TxnFilter) -> bool:
    return bool(flt.flow or flt.route or flt.status == UNRESOLVED)


def page_sql(
    flt: TxnFilter,
    sort: SortKey = SortKey.TIME,
    direction: Direction = Direction.ASC,
    after: tuple[Any, int] | None = None,
    limit: int | None = PAGE_SIZE,
) -> tuple[str, dict[str, Any]]:
    """Return the SQL text and parameters of one page (or all rows: ``limit=None``).

    ``after`` is the ``(sort_value, sale_id)`` of the last row already shown. The
    text uses ``:name`` parameters, which the ``sqlite3`` module also understands
    (the benchmark runs it there as it is).
    """
    clauses, params = _where(flt)
    key = _SORT_EXPR[sort]
    op, order = (">", "ASC") if direction is Direction.ASC else ("<", "DESC")
    if after is not None:
        clauses.append(
            f"({key} {op} :after_key OR ({key} = :after_key AND s.id {op} :after_id))"
        )
        params["after_key"], params["after_id"] = after

    sql = (
        f"SELECT {_COLUMNS}, {key} FROM sale s{_LATEST}"
        f" WHERE {' AND '.join(clauses)} ORDER BY {key} {order}, s.id {order}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def count_sql(flt: TxnFilter) -> tuple[str, dict[str, Any]]:
    """Return the SQL of ``count(*)`` and the paise sum over the filtered rows."""
    clauses, params = _where(flt)
    join = _LATEST if _needs_attempt(flt) else ""
    sql = (
        "SELECT count(*), COALESCE(SUM(s.total_paise), 0)"
        f" FROM sale s{join} WHERE {' AND '.join(clauses)}"
    )
    return sql, params


def bind(sql: str, params: Mapping[str, Any]) -> TextClause:
    """Make a ``text()`` clause whose time parameters go through UTCDateTime."""
    clause = text(sql)
    stamps = [
        bindparam(name, type_=UTCDateTime())
        for name in ("start", "end")
        if name in params
    ]
    if "after_key" in params and isinstance(params["after_key"], datetime):
        stamps.append(bindparam("after_key", type_=UTCDateTime()))
    return clause.bindparams(*stamps) if stamps else clause


# Plain dict lookups: calling an Enum class per cell costs more than the SQL per row.
_SALE = {s.value: s for s in SaleStatus}
_ATTEMPT = {s.value: s for s in AttemptStatus}
_FLOW = {f.value: f for f in Flow}


def _row(values: Any) -> TxnRow:
    attempt, flow = values[5], values[6]
    return TxnRow(
        values[0],
        parse_stamp(values[1]),
        values[2],
        values[3],
        _SALE[values[4]],
        None if attempt is None else _ATTEMPT[attempt],
        None if flow is None else _FLOW[flow],
        values[7],
        values[8],
        values[9],
        values[10],
        values[11] or 0,
        values[12],
    )


def fetch_page(
    engine: Engine,
    flt: TxnFilter,
    sort: SortKey = SortKey.TIME,
    direction: Direction = Direction.ASC,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE_SIZE,
) -> list[TxnRow]:
    """Return up to ``limit`` rows after ``after`` in the given order."""
    sql, params = page_sql(flt, sort, direction, after, limit)
    with engine.connect() as conn:
        # fetchall: one C call, where iterating the result fetches row by row.
        rows = conn.execute(bind(sql, params), params).fetchall()
    return [_row(r) for r in rows]


def iter_rows(
    engine: Engine,
    flt: TxnFilter,
    sort: SortKey = SortKey.TIME,
    direction: Direction = Direction.ASC,
) -> Iterator[TxnRow]:
    """Yield every filtered row in order, streamed from one query (for export)."""
    sql, params = page_sql(flt, sort, direction, None, None)
    with engine.connect() as conn:
        result = conn.execute(bind(sql, params), params)
        while chunk := result.fetchmany(5000):
            yield from map(_row, chunk)


def count_rows(engine: Engine, flt: TxnFilter) -> tuple[int, int]:
    """Return how many sales match and their total in paise."""
    sql, params = count_sql(flt)
    with engine.connect() as conn:
        count, paise = conn.execute(bind(sql, params), params).one()
    return int(count), int(paise)


def distinct_values(
    engine: Engine, start: datetime, end: datetime
) -> dict[str, list[str]]:
    """Return the cashiers, terminals and routes seen in ``[start, end)``, sorted."""
    params = {"start": start, "end": end}
    queries = {
        "cashier": "SELECT DISTINCT s.cashier FROM sale s"
        " WHERE s.created_at >= :start AND s.created_at < :end",
        "terminal": "SELECT DISTINCT s.terminal_id FROM sale s"
        " WHERE s.created_at >= :start AND s.created_at < :end",
        "route": "SELECT DISTINCT a.route FROM sale s"
        " JOIN attempt a ON a.sale_id = s.id"
        " WHERE s.created_at >= :start AND s.created_at < :end",
    }
    found: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for name, sql in queries.items():
            rows = conn.execute(bind(sql, params), params)
            found[name] = sorted(str(r[0]) for r in rows if r[0] is not None)
    return found
