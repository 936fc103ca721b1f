"""Fixtures for the manager area: a real SQLite file filled through the Store API.

The known day (``DAY`` in India Standard Time) holds five sales, and one sale each
just before and just after it, so day boundaries are tested too:

=====  =========  ============  ============================================  =========
sale   local      amount        attempts (flow: path)                         sale
=====  =========  ============  ============================================  =========
s1     09:05:00   ₹145.00       direct_debit: submitting -> charged           paid
s2     09:40:00   ₹1,234.50     link_and_pay: awaiting_link -> cancelled;     paid
                                direct_debit: submitting -> charged
s3     11:15:00   ₹99.99        cct_topup: submitting -> awaiting_customer    open
                                -> failed
s4     13:30:00   ₹2,50,000.00  redirect_otp: submitting -> unknown           open
s5     14:00:00   ₹49.50        none                                          cancelled
=====  =========  ============  ============================================  =========

s1 also has two refunds (``pos_app.store.refunds``): ₹45.00 that succeeded and ₹10.00
still requested.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.store.db import open_store
from pos_app.store.refunds import Refunds, RefundState
from pos_app.store.repository import Store

IST = ZoneInfo("Asia/Kolkata")
DAY = date(2026, 3, 14)
A = AttemptStatus


class Clock:
    """A settable clock for the store: every row and event gets ``now``."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 14, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def at_local(self, hour: int, minute: int, day: date = DAY) -> None:
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=IST)
        self.now = local.astimezone(UTC)

    def tick(self, seconds: int = 5) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Day:
    store: Store
    clock: Clock
    ids: dict[str, int]  # "s1" -> sale id
    orders: dict[str, str]  # "s1" -> order id


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'pos.db'}"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_url: str, clock: Clock) -> Iterator[Store]:
    opened = open_store(db_url)
    store = Store(opened.engine, clock=clock)
    yield store
    store.close()


def _lines(paise: int) -> list[CartLine]:
    return [CartLine("Item", Money(paise), 1, sku="SKU")]


def add_sale(
    store: Store,
    clock: Clock,
    order_id: str,
    paise: int,
    *,
    cashier: str = "asha",
    terminal: str = "T01",
    phone: str | None = None,
) -> int:
    sale = store.create_sale(
        order_id, terminal, cashier, _lines(paise), phone_last4=phone
    )
    assert sale.id is not None
    return sale.id


def run_attempt(
    store: Store, clock: Clock, sale_id: int, flow: Flow, path: list[AttemptStatus]
) -> int:
    route = "AMAZONPAY_REDIRECT" if flow is Flow.REDIRECT_OTP else "AMAZONPAY"
    attempt = store.create_attempt(sale_id, flow=flow, route=route, method="WALLET")
    assert attempt.id is not None
    for target in path:
        clock.tick()
        if target is A.CHARGED:
            assert store.finalize_charged(attempt.id, txn_id=f"txn-{attempt.id}")
        else:
            assert store.transition(attempt.id, target)
    return attempt.id


def build_day(store: Store, clock: Clock) -> Day:
    ids: dict[str, int] = {}
    orders = {f"s{i}": f"T01D{i:04d}" for i in range(1, 6)}

    clock.at_local(23, 50, DAY - timedelta(days=1))
    before = add_sale(store, clock, "T09BEFORE1", 1000)
    run_attempt(store, clock, before, Flow.DIRECT_DEBIT, [A.SUBMITTING, A.CHARGED])

    clock.at_local(9, 5)
    ids["s1"] = add_sale(store, clock, orders["s1"], 14500, phone="3210")
    run_attempt(store, clock, ids["s1"], Flow.DIRECT_DEBIT, [A.SUBMITTING, A.CHARGED])
    refunds = Refunds(store, clock=clock)
    done = refunds.request(ids["s1"], 4500, "R1")
    assert refunds.move(done.id, RefundState.SUCCESS)
    refunds.request(ids["s1"], 1000, "R2")

    clock.at_local(9, 40)
    ids["s2"] = add_sale(store, clock, orders["s2"], 123450, phone="9876")
    run_attempt(
        store, clock, ids["s2"], Flow.LINK_AND_PAY, [A.AWAITING_LINK, A.CANCELLED]
    )
    run_attempt(store, clock, ids["s2"], Flow.DIRECT_DEBIT, [A.SUBMITTING, A.CHARGED])

    clock.at_local(11, 15)
    ids["s3"] = add_sale(
        store, clock, orders["s3"], 9999, cashier="ravi", terminal="T02", phone="1234"
    )
    run_attempt(
        store,
        clock,
        ids["s3"],
        Flow.CCT_TOPUP,
        [A.SUBMITTING, A.AWAITING_CUSTOMER, A.FAILED],
    )

    clock.at_local(13, 30)
    ids["s4"] = add_sale(
        store, clock, orders["s4"], 25_000_000, cashier="ravi", terminal="T02"
    )
    run_attempt(store, clock, ids["s4"], Flow.REDIRECT_OTP, [A.SUBMITTING, A.UNKNOWN])

    clock.at_local(14, 0)
    ids["s5"] = add_sale(store, clock, orders["s5"], 4950)
    assert store.cancel_sale(ids["s5"])

    clock.at_local(0, 10, DAY + timedelta(days=1))
    add_sale(store, clock, "T09AFTER1", 2000)
    return Day(store, clock, ids, orders)


@pytest.fixture
def day(store: Store, clock: Clock) -> Day:
    return build_day(store, clock)


@pytest.fixture
def shots() -> Path:
    folder = Path("/tmp/manager-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
