"""The manager's day queries on PostgreSQL (skipped unless POS_TEST_POSTGRES_URL)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.store.analytics import summarise
from pos_app.store.db import make_engine, open_store
from pos_app.store.reports import TxnFilter, count_rows, fetch_page, iter_rows

URL = os.environ.get("POS_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="POS_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_store():
    pytest.importorskip("psycopg")
    engine = make_engine(URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    store = open_store(URL)
    yield store
    store.close()


def _sale(store, order_id: str, price: str, *, pay: bool, last4: str) -> None:
    sale = store.create_sale(
        order_id,
        "T01",
        "asha",
        [CartLine("Tea", Money.parse(price), 1)],
        phone_last4=last4,
    )
    attempt = store.create_attempt(
        sale.id,
        flow=Flow.DIRECT_DEBIT,
        route="AMAZONPAY",
        method="WALLET:AMAZONPAY",
        status=AttemptStatus.SUBMITTING,
    )
    if pay:
        assert store.finalize_charged(attempt.id, gateway_status="CHARGED")
    else:
        assert store.transition(attempt.id, AttemptStatus.FAILED)


def test_day_view_filters_and_totals_on_postgresql(pg_store):
    _sale(pg_store, "T01PG0001", "145.00", pay=True, last4="0001")
    _sale(pg_store, "T01PG0002", "19.99", pay=True, last4="0002")
    _sale(pg_store, "T01PG0003", "349.00", pay=False, last4="0003")
    now = datetime.now(UTC)
    day = TxnFilter(start=now - timedelta(hours=1), end=now + timedelta(hours=1))

    rows = fetch_page(pg_store.engine, day)
    assert [r.order_id for r in rows] == ["T01PG0001", "T01PG0002", "T01PG0003"]
    assert count_rows(pg_store.engine, day) == (3, 14500 + 1999 + 34900)
    assert count_rows(pg_store.engine, day.with_changes(status="paid")) == (2, 16499)
    assert [
        r.order_id for r in fetch_page(pg_store.engine, day.with_changes(search="0003"))
    ] == ["T01PG0003"]
    assert len(list(iter_rows(pg_store.engine, day))) == 3

    summary = summarise(pg_store.engine, day.start, day.end, UTC)
    assert summary.sales == 3 and summary.paid == (2, 16499)
    assert sum(paid for _, _, paid in summary.buckets.values()) == 16499
