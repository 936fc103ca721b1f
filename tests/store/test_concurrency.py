"""Races and locks: one winner, one attempt, and no write lost to a busy database."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from sqlalchemy import Engine

from pos_app.domain.states import AttemptStatus, Flow, SaleStatus
from pos_app.store.db import make_engine
from pos_app.store.errors import AttemptInFlight, StoreBusy
from pos_app.store.repository import Store

if TYPE_CHECKING:  # the fixture's class; conftest is not importable by name
    from conftest import Factory

T = TypeVar("T")
THREADS = 12


def _race(calls: list[Callable[[], T]]) -> list[T | BaseException]:
    """Start every call at once (a barrier), each on its own thread."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T | BaseException:
        barrier.wait()
        try:
            return call()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _submitting(store: Store, make: Factory) -> tuple[int, int]:
    attempt = make.attempt(make.sale())
    assert attempt.id is not None
    assert store.transition(attempt.id, AttemptStatus.SUBMITTING)
    return attempt.id, attempt.sale_id


def test_finalize_has_exactly_one_winner(store: Store, make: Factory) -> None:
    attempt_id, sale_id = _submitting(store, make)

    results = _race(
        [lambda: store.finalize_charged(attempt_id, txn_id="T") for _ in range(THREADS)]
    )

    assert sorted(map(str, results)) == ["False"] * (THREADS - 1) + ["True"]
    kinds = [e.kind for e in store.events_for(sale_id)]
    assert kinds.count("sale_paid") == 1
    assert kinds.count("attempt_status") == 2  # submitting, then charged once
    sale = store.get_sale(sale_id)
    assert sale is not None and sale.status is SaleStatus.PAID


def test_charge_and_failure_racing_leave_one_consistent_outcome(
    store: Store, make: Factory
) -> None:
    attempt_id, sale_id = _submitting(store, make)
    calls: list[Callable[[], bool]] = []
    for n in range(THREADS):
        if n % 2:
            calls.append(lambda: store.finalize_charged(attempt_id))
        else:
            calls.append(lambda: store.transition(attempt_id, AttemptStatus.FAILED))

    results = _race(calls)

    assert results.count(True) == 1
    assert all(r is True or r is False for r in results)
    attempt, sale = store.get_attempt(attempt_id), store.get_sale(sale_id)
    assert attempt is not None and sale is not None
    if attempt.status is AttemptStatus.CHARGED:
        assert sale.status is SaleStatus.PAID
    else:
        assert (attempt.status, sale.status) == (AttemptStatus.FAILED, SaleStatus.OPEN)


def test_concurrent_attempts_on_one_sale_make_only_one(
    store: Store, make: Factory
) -> None:
    sale = make.sale()
    assert sale.id is not None
    sale_id = sale.id

    results = _race(
        [
            lambda: store.create_attempt(
                sale_id, flow=Flow.DIRECT_DEBIT, route="AMAZONPAY", method="W"
            )
            for _ in range(THREADS)
        ]
    )

    assert sum(isinstance(r, AttemptInFlight) for r in results) == THREADS - 1
    assert len(store.attempts_for(sale_id)) == 1


class _WriteLock:
    """Hold SQLite's write lock from a second connection until released."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self._conn.execute("COMMIT")
        self._conn.close()


@pytest.fixture
def impatient(engine: Engine, db_url: str) -> Store:
    """A store whose busy timeout is too short to ride out a held lock."""
    return Store(
        make_engine(db_url, busy_timeout_ms=10), lock_retries=30, retry_delay=0.02
    )


def test_locked_write_is_retried_until_it_lands(
    store: Store,
    impatient: Store,
    make: Factory,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sale = make.sale()
    lock = _WriteLock(db_path)
    releaser = threading.Timer(0.3, lock.release)

    releaser.start()
    try:
        with caplog.at_level(logging.WARNING, logger="pos_app.store._session"):
            event = impatient.add_event(sale.id or 0, None, "note", {"n": 1})
    finally:
        releaser.join()

    assert "database locked" in caplog.text
    assert store.events_for(sale.id or 0)[-1] == event
    assert event.data == {"n": 1}


def test_write_still_locked_after_retries_raises(
    store: Store, make: Factory, db_url: str, db_path: Path
) -> None:
    sale = make.sale()
    quick = Store(
        make_engine(db_url, busy_timeout_ms=10), lock_retries=3, retry_delay=0.01
    )
    before = store.events_for(sale.id or 0)
    lock = _WriteLock(db_path)

    try:
        with pytest.raises(StoreBusy):
            quick.add_event(sale.id or 0, None, "note", {})
    finally:
        lock.release()

    assert store.events_for(sale.id or 0) == before


def test_reads_go_on_while_a_writer_holds_the_lock(
    store: Store, make: Factory, db_path: Path
) -> None:
    sale = make.sale()
    lock = _WriteLock(db_path)

    try:
        found = store.get_sale(sale.id or 0)  # WAL: readers do not wait for writers
    finally:
        lock.release()

    assert found == sale
