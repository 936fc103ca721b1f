"""The day's and a range's figures, on the known day."""

from __future__ import annotations

from datetime import datetime, timedelta

from pos_app.store import analytics, reports

from .conftest import DAY, IST, Day


def _summary(day: Day, days: int = 1) -> analytics.Summary:
    start, _ = reports.day_bounds(DAY - timedelta(days=days - 1), IST)
    _, end = reports.day_bounds(DAY, IST)
    return analytics.summarise(day.store.engine, start, end, IST)


def test_counts_and_values_by_status(day: Day) -> None:
    s = _summary(day)

    assert s.sales == 5
    assert s.value_paise == 14500 + 123450 + 9999 + 25_000_000 + 4950
    assert s.by_status == {
        "paid": (2, 137950),
        "open": (2, 25_009_999),
        "cancelled": (1, 4950),
    }
    assert s.unresolved == 2


def test_success_rate_counts_sales_that_had_a_try(day: Day) -> None:
    s = _summary(day)

    assert s.sales_attempted == 4  # s5 never had an attempt
    assert s.success_rate == 0.5


def test_by_flow_and_by_route_are_per_attempt(day: Day) -> None:
    s = _summary(day)

    dd = s.by_flow["direct_debit"]
    assert (dd.attempts, dd.charged, dd.charged_paise) == (2, 2, 137950)
    assert dd.success_rate == 1.0
    assert (s.by_flow["link_and_pay"].attempts, s.by_flow["link_and_pay"].charged) == (
        1,
        0,
    )
    assert s.by_flow["cct_topup"].success_rate == 0.0
    assert set(s.by_route) == {"AMAZONPAY", "AMAZONPAY_REDIRECT"}
    assert s.by_route["AMAZONPAY"].attempts == 4
    assert s.by_route["AMAZONPAY_REDIRECT"].attempts == 1


def test_by_flow_and_status_uses_the_latest_attempt(day: Day) -> None:
    s = _summary(day)

    assert s.by_flow_status == {
        ("direct_debit", "paid"): (2, 137950),
        ("cct_topup", "open"): (1, 9999),
        ("redirect_otp", "open"): (1, 25_000_000),
        ("none", "cancelled"): (1, 4950),
    }


def test_drop_off_by_stage(day: Day) -> None:
    stages = analytics.drop_off_by_stage(_summary(day))

    assert stages == {"awaiting_link": 1, "awaiting_customer": 1}


def test_refunds_come_from_the_refund_table(day: Day) -> None:
    s = _summary(day)

    assert (s.refunds, s.refunds_paise, s.refund_requests) == (1, 4500, 1)


def test_hourly_buckets_are_local_hours(day: Day) -> None:
    s = _summary(day)

    hours = {k.strftime("%H:%M"): v for k, v in s.buckets.items()}
    assert hours == {
        "09:00": (2, 2, 137950),
        "11:00": (1, 0, 0),
        "13:00": (1, 0, 0),
        "14:00": (1, 0, 0),
    }
    assert all(k.utcoffset() == timedelta(hours=5, minutes=30) for k in s.buckets)


def test_a_range_buckets_by_day_and_includes_the_day_before(day: Day) -> None:
    s = _summary(day, days=2)

    assert s.sales == 6
    days = {k.date(): v for k, v in s.buckets.items()}
    assert days == {
        (DAY - timedelta(days=1)): (1, 1, 1000),
        DAY: (5, 2, 137950),
    }
    assert all(isinstance(k, datetime) for k in s.buckets)
