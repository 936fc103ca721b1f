"""The same store on PostgreSQL (skipped unless POS_TEST_POSTGRES_URL is set).

Point it at an empty scratch database, e.g.
``POS_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/pos_test``:
each test drops and recreates its ``public`` schema. Needs ``psycopg``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from pos_app.domain.cart import CartLine
from pos_app.domain.money import MAX_AMOUNT, Money
from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store.db import make_engine
from pos_app.store.errors import AttemptInFlight, DuplicateOrderId
from pos_app.store.migrations import MIGRATIONS, migrate
from pos_app.store.repository import Store

URL = os.environ.get("POS_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="POS_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    pytest.importorskip("psycopg")
    engine = make_engine(URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    assert migrate(engine) == [m.version for m in MIGRATIONS]
    yield engine
    engine.dispose()


@pytest.fixture
def pg_store(pg_engine: Engine) -> Store:
    return Store(pg_engine)


def _sale_and_attempt(store: Store, order_id: str) -> tuple[int, int]:
    sale = store.create_sale(order_id, "T01", "asha", [CartLine("Tea", Money(1999), 3)])
    assert sale.id is not None
    attempt = store.create_attempt(
        sale.id, flow=Flow.DIRECT_DEBIT, route="AMAZONPAY", method="WALLET:AMAZONPAY"
    )
    assert attempt.id is not None
    return sale.id, attempt.id


def test_schema_matches_and_rerun_is_a_no_op(
    pg_engine: Engine, check_schema: Callable[[Engine], None]
) -> None:
    check_schema(pg_engine)
    assert migrate(pg_engine) == []


def test_round_trip(pg_engine: Engine) -> None:
    at = datetime(2025, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    store = Store(pg_engine, clock=lambda: at)

    sale = store.create_sale(
        "T01PG", "T01", "asha", [CartLine("Gold", MAX_AMOUNT, 999)]
    )
    stored = store.get_sale(sale.id or 0)

    assert stored is not None
    assert stored.created_at == at and stored.created_at.tzinfo is UTC
    assert stored.total_paise == 99_900_000_000
    with pytest.raises(DuplicateOrderId):
        store.create_sale("T01PG", "T01", "asha", [CartLine("x", Money(1))])


def test_finalize_single_winner(pg_store: Store) -> None:
    sale_id, attempt_id = _sale_and_attempt(pg_store, "T01RACE")
    assert pg_store.transition(attempt_id, AttemptStatus.SUBMITTING)
    barrier = threading.Barrier(8)

    def finalize() -> bool:
        barrier.wait()
        return pg_store.finalize_charged(attempt_id)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: finalize(), range(8)))

    assert results.count(True) == 1
    sale = pg_store.get_sale(sale_id)
    assert sale is not None and sale.status is SaleStatus.PAID
    assert [e.kind for e in pg_store.events_for(sale_id)].count("sale_paid") == 1


def test_one_open_attempt_per_sale(pg_store: Store) -> None:
    sale_id, _ = _sale_and_attempt(pg_store, "T01ONE")

    with pytest.raises(AttemptInFlight):
        pg_store.create_attempt(sale_id, flow=Flow.DIRECT_DEBIT, route="R", method="M")


def test_events_are_append_only(pg_engine: Engine, pg_store: Store) -> None:
    _sale_and_attempt(pg_store, "T01LOG")

    for sql in ("UPDATE event SET kind = 'x'", "DELETE FROM event", "TRUNCATE event"):
        with pytest.raises(DBAPIError, match="append-only"), pg_engine.begin() as conn:
            conn.exec_driver_sql(sql)
