"""Sales: money in paise, aware timestamps, order ids, lines and day queries."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import StatementError

from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.money import MAX_AMOUNT, Money
from pos_app.domain.states import SaleStatus
from pos_app.store.errors import DuplicateOrderId
from pos_app.store.models import Sale
from pos_app.store.repository import Store

if TYPE_CHECKING:  # the fixture's class; conftest is not importable by name
    from conftest import Factory

IST = timezone(timedelta(hours=5, minutes=30))


def test_sale_round_trip(store: Store, make: Factory) -> None:
    lines = [
        CartLine("Masala tea", Money.parse("19.99"), 3, sku="TEA"),
        CartLine("Amount", Money.parse("0.01")),
    ]

    sale = make.sale(*lines, customer_ref="pos0123456789abcdef0", phone_last4="3210")
    assert sale.id is not None
    stored = store.get_sale(sale.id)

    assert stored == sale
    assert stored is not None
    assert stored.total_paise == 5998
    assert stored.status is SaleStatus.OPEN
    assert stored.currency == "INR"
    assert (stored.customer_ref, stored.phone_last4) == ("pos0123456789abcdef0", "3210")
    assert [
        (x.position, x.sku, x.unit_paise, x.quantity, x.total_paise)
        for x in store.lines_for(sale.id)
    ] == [(1, "TEA", 1999, 3, 5997), (2, "", 1, 1, 1)]
    assert store.get_sale_by_order(sale.order_id) == sale
    assert store.get_sale_by_order("NOPE") is None


def test_total_is_the_exact_sum_of_the_cart(store: Store, make: Factory) -> None:
    cart = Cart()
    for price, quantity in [("19.99", 3), ("0.01", 1), ("0.10", 7), ("333.33", 3)]:
        cart.lines.append(CartLine(price, Money.parse(price), quantity))

    sale = make.sale(*cart.lines)

    assert sale.total_paise == cart.total.paise == 5997 + 1 + 70 + 99999
    assert isinstance(sale.total_paise, int)


def test_large_totals_stay_exact(store: Store, make: Factory, engine: Engine) -> None:
    # Above 2**31 paise a 32-bit column would overflow; the columns are BIGINT.
    big = CartLine("Gold", MAX_AMOUNT, 999)
    sales = [make.sale(big) for _ in range(3)]

    with engine.connect() as conn:
        total = conn.execute(select(func.sum(Sale.total_paise))).scalar_one()  # type: ignore[arg-type]

    assert sales[0].total_paise == 100_000_000 * 999 > 2**31
    assert total == 3 * 100_000_000 * 999
    assert store.get_sale(sales[0].id or 0).total_paise == 99_900_000_000  # type: ignore[union-attr]


def test_timestamps_come_back_aware_utc(engine: Engine, db_path: Path) -> None:
    at = datetime(2025, 3, 1, 10, 0, 0, 123456, tzinfo=IST)
    store = Store(engine, clock=lambda: at)

    sale = store.create_sale("T01A", "T01", "asha", [CartLine("x", Money(100))])
    stored = store.get_sale(sale.id or 0)

    assert stored is not None
    assert stored.created_at == at
    assert stored.created_at.tzinfo is UTC
    assert stored.created_at.hour == 4 and stored.created_at.minute == 30
    with sqlite3.connect(db_path) as raw:  # on disk: UTC, no offset
        text = raw.execute("SELECT created_at FROM sale").fetchone()[0]
    assert text == "2025-03-01 04:30:00.123456"


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    store = Store(engine, clock=lambda: datetime(2025, 3, 1, 10, 0))

    with pytest.raises(StatementError, match="naive datetime refused"):
        store.create_sale("T01A", "T01", "asha", [CartLine("x", Money(100))])

    assert Store(engine).get_sale_by_order("T01A") is None


def test_order_id_is_never_reused(store: Store, make: Factory) -> None:
    sale = make.sale()

    with pytest.raises(DuplicateOrderId) as caught:
        make.sale(order_id=sale.order_id)

    assert caught.value.order_id == sale.order_id
    assert len(store.events_for(sale.id or 0)) == 1  # the first sale only


@pytest.mark.parametrize(
    ("order_id", "lines", "last4"),
    [
        ("has-dash", [CartLine("x", Money(1))], None),
        ("A" * 21, [CartLine("x", Money(1))], None),
        ("T01OK", [], None),
        ("T01OK", [CartLine("x", Money(1))], "98765"),
    ],
)
def test_bad_sales_are_refused(
    store: Store, order_id: str, lines: list[CartLine], last4: str | None
) -> None:
    with pytest.raises(ValueError):
        store.create_sale(order_id, "T01", "asha", lines, phone_last4=last4)

    assert store.get_sale_by_order(order_id) is None


def test_sale_created_event(store: Store, make: Factory) -> None:
    sale = make.sale()

    [event] = store.events_for(sale.id or 0)

    assert (event.kind, event.from_status, event.to_status) == (
        "sale_created",
        None,
        "open",
    )
    assert event.data == {"order_id": sale.order_id, "total_paise": 1999}
    assert event.at == sale.created_at


def test_sales_between_uses_aware_bounds(engine: Engine) -> None:
    stamps = [
        datetime(2025, 3, 1, 18, 29, tzinfo=UTC),  # 23:59 IST on the 1st
        datetime(2025, 3, 1, 18, 30, tzinfo=UTC),  # 00:00 IST on the 2nd
        datetime(2025, 3, 2, 18, 29, tzinfo=UTC),  # 23:59 IST on the 2nd
    ]
    now = [stamps[0]]
    store = Store(engine, clock=lambda: now[0])
    for n, at in enumerate(stamps):
        now[0] = at
        store.create_sale(f"T01D{n}", "T01", "asha", [CartLine("x", Money(100))])

    day = datetime(2025, 3, 2, tzinfo=IST)
    found = store.sales_between(day, day + timedelta(days=1))

    assert [s.order_id for s in found] == ["T01D1", "T01D2"]
    with pytest.raises(ValueError, match="aware"):
        store.sales_between(datetime(2025, 3, 2), day)


def test_cancel_open_sale(store: Store, make: Factory) -> None:
    sale = make.sale()
    assert sale.id is not None

    assert store.cancel_sale(sale.id) is True
    assert store.cancel_sale(sale.id) is False

    stored = store.get_sale(sale.id)
    assert stored is not None and stored.status is SaleStatus.CANCELLED
    kinds = [(e.kind, e.from_status, e.to_status) for e in store.events_for(sale.id)]
    assert kinds[-1] == ("sale_cancelled", "open", "cancelled")
    assert len(kinds) == 2


def test_written_objects_are_detached_and_match_the_rows(
    store: Store, make: Factory
) -> None:
    sale = make.sale(
        CartLine("Masala tea", Money(1999), 2, sku="TEA"),
        CartLine("Samosa", Money(2500), 1, sku="SAM"),
    )
    attempt = make.attempt(sale)
    event = store.add_event(sale.id or 0, attempt.id, "note", {"n": 1})

    assert store.get_sale(sale.id or 0) == sale
    assert store.attempts_for(sale.id or 0) == [attempt]
    assert store.events_for(sale.id or 0)[-1] == event
    for obj in (sale, attempt, event):
        assert inspect(obj).detached
    sale.cashier = "someone else"  # changing a returned object saves nothing
    found = store.get_sale(sale.id or 0)
    assert found is not None and found.cashier == "asha"
