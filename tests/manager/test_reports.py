"""The day view's SQL: filters, search, sorting, keyset pages, counts and indexes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_app.domain.states import Flow
from pos_app.store import reports
from pos_app.store.repository import Store

from .conftest import DAY, IST, Clock, Day, add_sale


def _day_filter() -> reports.TxnFilter:
    return reports.TxnFilter.for_day(DAY, IST)


def _orders(day: Day, flt: reports.TxnFilter, **kwargs: object) -> list[str]:
    rows = reports.fetch_page(day.store.engine, flt, **kwargs)  # type: ignore[arg-type]
    names = {v: k for k, v in day.orders.items()}
    return [names.get(r.order_id, r.order_id) for r in rows]


def test_day_bounds_are_local_midnights_in_utc() -> None:
    start, end = reports.day_bounds(DAY, IST)

    assert start.isoformat() == "2026-03-13T18:30:00+00:00"
    assert end.isoformat() == "2026-03-14T18:30:00+00:00"


def test_the_day_holds_only_its_own_sales_in_time_order(day: Day) -> None:
    assert _orders(day, _day_filter()) == ["s1", "s2", "s3", "s4", "s5"]


def test_rows_carry_the_latest_attempt(day: Day) -> None:
    rows = {r.order_id: r for r in reports.fetch_page(day.store.engine, _day_filter())}

    s2 = rows[day.orders["s2"]]
    assert (s2.flow, s2.attempts, s2.status.value) == (Flow.DIRECT_DEBIT, 2, "paid")
    assert s2.route == "AMAZONPAY"
    s4 = rows[day.orders["s4"]]
    assert (s4.flow, s4.attempt_status, s4.route) == (
        Flow.REDIRECT_OTP,
        "unknown",
        "AMAZONPAY_REDIRECT",
    )
    s5 = rows[day.orders["s5"]]
    assert (s5.flow, s5.attempts, s5.attempt_status) == (None, 0, None)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"status": "paid"}, ["s1", "s2"]),
        ({"status": "open"}, ["s3", "s4"]),
        ({"status": "cancelled"}, ["s5"]),
        ({"status": reports.UNRESOLVED}, ["s4"]),
        ({"flow": Flow.DIRECT_DEBIT}, ["s1", "s2"]),
        ({"flow": Flow.CCT_TOPUP}, ["s3"]),
        ({"flow": Flow.LINK_AND_PAY}, []),  # s2's latest attempt is a direct debit
        ({"route": "AMAZONPAY_REDIRECT"}, ["s4"]),
        ({"cashier": "ravi"}, ["s3", "s4"]),
        ({"terminal": "T01"}, ["s1", "s2", "s5"]),
        ({"cashier": "ravi", "status": "open", "flow": Flow.CCT_TOPUP}, ["s3"]),
    ],
)
def test_each_filter(day: Day, change: dict[str, object], expected: list[str]) -> None:
    assert _orders(day, _day_filter().with_changes(**change)) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("1234", ["s3"]),  # last four digits
        ("34", ["s3"]),  # fewer digits: the end of the number
        ("10", ["s1"]),  # ******3210
        ("98765 43210", ["s1"]),  # a whole number matches on its last four
        ("t01d0002", ["s2"]),  # order id prefix, any case
        ("T01D", ["s1", "s2", "s3", "s4", "s5"]),
        ("T09", []),  # those sales are on other days
        ("5555", []),
    ],
)
def test_search(day: Day, search: str, expected: list[str]) -> None:
    assert _orders(day, _day_filter().with_changes(search=search)) == expected


@pytest.mark.parametrize(
    ("sort", "direction", "expected"),
    [
        (reports.SortKey.AMOUNT, reports.Direction.ASC, ["s5", "s3", "s1", "s2", "s4"]),
        (
            reports.SortKey.AMOUNT,
            reports.Direction.DESC,
            ["s4", "s2", "s1", "s3", "s5"],
        ),
        (reports.SortKey.TIME, reports.Direction.DESC, ["s5", "s4", "s3", "s2", "s1"]),
        (reports.SortKey.PHONE, reports.Direction.ASC, ["s4", "s5", "s3", "s1", "s2"]),
        (reports.SortKey.STATUS, reports.Direction.ASC, ["s5", "s3", "s4", "s1", "s2"]),
    ],
)
def test_sorting_happens_in_sql(
    day: Day,
    sort: reports.SortKey,
    direction: reports.Direction,
    expected: list[str],
) -> None:
    assert _orders(day, _day_filter(), sort=sort, direction=direction) == expected


@pytest.mark.parametrize("sort", list(reports.SortKey))
@pytest.mark.parametrize("direction", list(reports.Direction))
def test_keyset_pages_cover_every_row_once(
    day: Day, sort: reports.SortKey, direction: reports.Direction
) -> None:
    flt = _day_filter()
    everything = [
        r.sale_id for r in reports.iter_rows(day.store.engine, flt, sort, direction)
    ]

    paged: list[int] = []
    after = None
    while True:
        page = reports.fetch_page(
            day.store.engine, flt, sort, direction, after=after, limit=2
        )
        paged += [r.sale_id for r in page]
        if len(page) < 2:
            break
        after = (page[-1].sort_value, page[-1].sale_id)

    assert paged == everything
    assert sorted(paged) == sorted(day.ids.values())


def test_count_and_total_match_a_plain_sum(day: Day, tmp_path: Path) -> None:
    flt = _day_filter()
    start, end = (s.strftime("%Y-%m-%d %H:%M:%S.%f") for s in (flt.start, flt.end))
    raw = sqlite3.connect(tmp_path / "data" / "pos.db")
    expected = raw.execute(
        "SELECT count(*), sum(total_paise) FROM sale"
        " WHERE created_at >= ? AND created_at < ?",
        (start, end),
    ).fetchone()
    raw.close()

    assert reports.count_rows(day.store.engine, flt) == tuple(expected)
    assert expected == (5, 14500 + 123450 + 9999 + 25_000_000 + 4950)
    assert reports.count_rows(day.store.engine, flt.with_changes(status="paid")) == (
        2,
        137950,
    )


def test_distinct_values_for_the_filter_choices(day: Day) -> None:
    flt = _day_filter()

    found = reports.distinct_values(day.store.engine, flt.start, flt.end)

    assert found == {
        "cashier": ["asha", "ravi"],
        "terminal": ["T01", "T02"],
        "route": ["AMAZONPAY", "AMAZONPAY_REDIRECT"],
    }


@pytest.mark.parametrize(
    ("change", "index"),
    [
        ({}, "ix_sale_created_at"),
        ({"status": "paid"}, "ix_sale_status_created_at"),
        ({"search": "1234"}, "ix_sale_phone_last4_created_at"),
        ({"cashier": "ravi"}, "ix_sale_cashier_created_at"),
        ({"terminal": "T02"}, "ix_sale_terminal_created_at"),
    ],
)
def test_queries_use_an_index(
    store: Store, clock: Clock, tmp_path: Path, change: dict[str, object], index: str
) -> None:
    # Enough rows that the planner prefers the selective index, as on a real day.
    for i in range(60):
        add_sale(store, clock, f"T01P{i:04d}", 100, phone=f"{i:04d}", cashier=f"c{i}")
    flt = _day_filter().with_changes(**change)
    raw = sqlite3.connect(tmp_path / "data" / "pos.db")
    raw.execute("ANALYZE")

    for sql, params in (reports.page_sql(flt), reports.count_sql(flt)):
        values = {
            k: v.strftime("%Y-%m-%d %H:%M:%S.%f") if hasattr(v, "strftime") else v
            for k, v in params.items()
        }
        plan = " ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql, values))
        assert f"USING INDEX {index}" in plan, plan
        assert "SCAN s" not in plan, plan
    raw.close()
