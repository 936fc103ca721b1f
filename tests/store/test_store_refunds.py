"""Refund rows on a real SQLite file: intent first, never too much, forward only."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Engine, inspect
from sqlalchemy.types import TypeDecorator, TypeEngine

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus
from pos_app.store.db import make_engine
from pos_app.store.errors import SaleNotFound, StoreBusy
from pos_app.store.migrations import migrate
from pos_app.store.models import Sale
from pos_app.store.refunds import (
    HELD,
    MOVES,
    REFUND,
    RefundNotFound,
    Refunds,
    RefundState,
    RefundTooLarge,
    SaleNotRefundable,
)
from pos_app.store.repository import Store

if TYPE_CHECKING:
    from conftest import Factory

S = RefundState


def paid_sale(make: Factory, store: Store | None = None) -> Sale:
    """A sale of ₹39.98 (two teas), paid."""
    sale = make.sale(CartLine("Masala tea", Money(1999), 2, sku="TEA"), store=store)
    attempt = make.attempt(sale, store=store)
    assert attempt.id is not None
    owner = store or make.store
    assert owner.transition(attempt.id, AttemptStatus.SUBMITTING)
    assert owner.finalize_charged(attempt.id, txn_id="TXN-1")
    paid = owner.get_sale(sale.id or 0)
    assert paid is not None and paid.status == "paid"
    return paid


@pytest.fixture
def refunds(store: Store) -> Refunds:
    return Refunds(store)


def refund_events(store: Store, sale_id: int) -> list[tuple[str, str | None, str]]:
    return [
        (e.kind, e.from_status, e.to_status or "")
        for e in store.events_for(sale_id)
        if e.kind.startswith("refund_")
    ]


def kind(type_: TypeEngine[Any]) -> str:
    """What must agree between the description and the database: type and length."""
    if isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    length = getattr(type_, "length", None)
    return f"{type_.python_type.__name__}({length})"


def test_migrated_refund_table_matches_its_description(engine: Engine) -> None:
    inspector = inspect(engine)
    columns = {c["name"]: c for c in inspector.get_columns("refund")}

    assert list(columns) == [c.name for c in REFUND.columns]
    for column in REFUND.columns:
        found = columns[column.name]
        assert found["nullable"] == column.nullable or column.primary_key, column.name
        assert kind(found["type"]) == kind(column.type), column.name
    indexes = {
        i["name"]: (tuple(i["column_names"]), bool(i["unique"]))
        for i in inspector.get_indexes("refund")
    }
    assert indexes == {
        i.name: (tuple(c.name for c in i.columns), bool(i.unique))
        for i in REFUND.indexes
    }
    (fk,) = inspector.get_foreign_keys("refund")
    assert (fk["constrained_columns"], fk["referred_table"]) == (["sale_id"], "sale")


def test_version_3_database_upgrades_and_takes_refunds(
    bare_engine: Engine, make: Factory
) -> None:
    assert migrate(bare_engine, target=3) == [1, 2, 3]
    store = Store(bare_engine)
    sale = paid_sale(make, store)

    assert migrate(bare_engine) == [4]
    row = Refunds(store).request(sale.id or 0, 1000, "R1UPGRADE")

    assert row.status is S.REQUESTED
    assert store.get_sale(sale.id or 0) == sale


def test_intent_is_stored_with_its_event_before_any_call(
    store: Store, refunds: Refunds, make: Factory
) -> None:
    sale = paid_sale(make)
    assert sale.id is not None

    row = refunds.request(sale.id, 1500, "R1INTENT")

    assert (row.status, row.amount_paise, row.sale_id) == (S.REQUESTED, 1500, sale.id)
    assert row.created_at.tzinfo is not None
    assert refunds.get(row.id) == row
    assert refunds.by_request_id("R1INTENT") == row
    assert refunds.refunds_for(sale.id) == [row]
    (event,) = [e for e in store.events_for(sale.id) if e.kind == "refund_requested"]
    assert event.to_status == "REQUESTED" and event.attempt_id is None
    assert event.data == {
        "refund_id": row.id,
        "unique_request_id": "R1INTENT",
        "amount_paise": 1500,
        "refundable_paise_before": 3998,
    }


def test_only_a_paid_sale_takes_a_refund(refunds: Refunds, make: Factory) -> None:
    open_sale = make.sale()

    with pytest.raises(SaleNotRefundable):
        refunds.request(open_sale.id or 0, 100, "R1OPEN")
    with pytest.raises(SaleNotFound):
        refunds.request(99_999, 100, "R1NOSALE")
    with pytest.raises(ValueError, match="positive"):
        refunds.request(open_sale.id or 0, 0, "R1ZERO")
    assert refunds.refunds_for(open_sale.id or 0) == []


def test_refunds_never_add_up_to_more_than_the_sale(
    refunds: Refunds, make: Factory
) -> None:
    sale = paid_sale(make)
    sale_id = sale.id or 0
    refunds.request(sale_id, 2000, "R1A")

    with pytest.raises(RefundTooLarge) as refused:
        refunds.request(sale_id, 1999, "R1B")
    assert (refused.value.requested_paise, refused.value.refundable_paise) == (
        1999,
        1998,
    )

    last = refunds.request(sale_id, 1998, "R1C")  # exactly what is left
    assert refunds.held_total(sale_id) == 3998
    with pytest.raises(RefundTooLarge):
        refunds.request(sale_id, 1, "R1D")
    assert [r.unique_request_id for r in refunds.refunds_for(sale_id)] == ["R1A", "R1C"]

    # A failed refund gives its amount back; the others keep theirs held.
    assert refunds.move(last.id, S.FAILURE, error_code="REFUND_FAILED")
    assert refunds.held_total(sale_id) == 2000
    refunds.request(sale_id, 1998, "R1E")


def test_every_state_but_failure_holds_its_amount(
    refunds: Refunds, make: Factory
) -> None:
    sale_id = paid_sale(make).id or 0
    path = {
        S.REQUESTED: [],
        S.UNKNOWN: [S.UNKNOWN],
        S.PENDING: [S.PENDING],
        S.SUCCESS: [S.PENDING, S.SUCCESS],
        S.MANUAL_REVIEW: [S.MANUAL_REVIEW],
        S.FAILURE: [S.FAILURE],
    }
    for n, (state, steps) in enumerate(path.items()):
        row = refunds.request(sale_id, 100, f"R1HOLD{n}")
        for step in steps:
            assert refunds.move(row.id, step)
        assert refunds.get(row.id).status is state  # type: ignore[union-attr]

    assert set(HELD) == set(S) - {S.FAILURE}
    assert refunds.held_total(sale_id) == 500
    assert refunds.refunded_total(sale_id) == 100


def race(engines: list[Engine], sale_id: int, amount_paise: int, tag: str) -> list[str]:
    """Have each engine request the same refund at the same moment; say who won."""
    barrier = threading.Barrier(len(engines))
    results: list[str] = []

    def claim(engine: Engine, n: int) -> None:
        desk = Refunds(engine)
        barrier.wait()
        try:
            desk.request(sale_id, amount_paise, f"R{tag}{n}")
            results.append("ok")
        except RefundTooLarge:
            results.append("too large")

    threads = [
        threading.Thread(target=claim, args=(engine, n))
        for n, engine in enumerate(engines)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return sorted(results)


def test_two_threads_racing_cannot_over_refund(db_url: str, make: Factory) -> None:
    # Two terminals (own engines) refund 60% of one sale at the same moment.
    sale_id = paid_sale(make).id or 0
    engines = [make_engine(db_url) for _ in range(2)]
    try:
        for round_no in range(5):
            assert race(engines, sale_id, 2399, f"{round_no}RACE") == [
                "ok",
                "too large",
            ]
            desk = Refunds(engines[0])
            assert desk.held_total(sale_id) == 2399
            (winner,) = [r for r in desk.refunds_for(sale_id) if r.held]
            assert desk.move(winner.id, S.FAILURE)  # free it for the next round
    finally:
        for engine in engines:
            engine.dispose()


def test_many_threads_share_out_exactly_the_total(db_url: str, make: Factory) -> None:
    sale_id = paid_sale(make).id or 0  # 3998 paise
    barrier = threading.Barrier(8)
    won: list[int] = []
    lock = threading.Lock()

    def claim(n: int) -> None:
        engine = make_engine(db_url)
        try:
            barrier.wait()
            try:
                row = Refunds(engine).request(sale_id, 1000, f"R1MANY{n}")
            except RefundTooLarge:
                return
            with lock:
                won.append(row.amount_paise)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    assert won == [1000, 1000, 1000]
    engine = make_engine(db_url)
    try:
        assert Refunds(engine).held_total(sale_id) == 3000
    finally:
        engine.dispose()


@pytest.mark.parametrize("source", list(S))
@pytest.mark.parametrize("target", list(S))
def test_moves_only_go_forward(
    store: Store, refunds: Refunds, make: Factory, source: S, target: S
) -> None:
    sale_id = paid_sale(make).id or 0
    row = refunds.request(sale_id, 500, "R1MOVE")
    route = {
        S.REQUESTED: [],
        S.UNKNOWN: [S.UNKNOWN],
        S.PENDING: [S.PENDING],
        S.SUCCESS: [S.SUCCESS],
        S.FAILURE: [S.FAILURE],
        S.MANUAL_REVIEW: [S.MANUAL_REVIEW],
    }[source]
    for step in route:
        assert refunds.move(row.id, step)
    before = refund_events(store, sale_id)

    moved = refunds.move(row.id, target, gateway_ref="S04-1-2-R3")

    assert moved is (target in MOVES[source])
    after = refunds.get(row.id)
    assert after is not None
    if moved:
        assert after.status is target and after.gateway_ref == "S04-1-2-R3"
        assert refund_events(store, sale_id) == [
            *before,
            ("refund_status", source.value, target.value),
        ]
    else:
        assert after.status is source and after.gateway_ref is None
        assert refund_events(store, sale_id) == before


def test_a_repeated_answer_moves_once(
    store: Store, refunds: Refunds, make: Factory
) -> None:
    sale_id = paid_sale(make).id or 0
    row = refunds.request(sale_id, 500, "R1TWICE")

    assert refunds.move(row.id, S.PENDING)
    assert not refunds.move(row.id, S.PENDING)
    assert refunds.move(row.id, S.SUCCESS, detail={"sent_to_gateway": True})
    assert not refunds.move(row.id, S.SUCCESS)
    assert not refunds.move(row.id, S.PENDING)  # a late PENDING cannot undo it

    assert refund_events(store, sale_id) == [
        ("refund_requested", None, "REQUESTED"),
        ("refund_status", "REQUESTED", "PENDING"),
        ("refund_status", "PENDING", "SUCCESS"),
    ]
    last = store.events_for(sale_id)[-1].data
    assert last["amount_paise"] == 500 and last["sent_to_gateway"] is True
    assert refunds.open_refunds() == []
    assert refunds.refunded_total(sale_id) == 500


def test_error_text_is_kept_and_numbers_masked(refunds: Refunds, make: Factory) -> None:
    sale_id = paid_sale(make).id or 0
    row = refunds.request(sale_id, 500, "R1ERR")

    refunds.move(
        row.id,
        S.FAILURE,
        error_code="REFUND_FAILED",
        error_message="declined for 9876543210",
    )

    failed = refunds.get(row.id)
    assert failed is not None and failed.error_code == "REFUND_FAILED"
    assert failed.error_message is not None
    assert "9876543210" not in failed.error_message


def test_open_refunds_lists_what_may_still_change(
    refunds: Refunds, make: Factory
) -> None:
    sale_id = paid_sale(make).id or 0
    rows = [refunds.request(sale_id, 100, f"R1OPEN{n}") for n in range(4)]
    refunds.move(rows[1].id, S.UNKNOWN)
    refunds.move(rows[2].id, S.SUCCESS)
    refunds.move(rows[3].id, S.FAILURE)

    assert [r.id for r in refunds.open_refunds()] == [rows[0].id, rows[1].id]


def test_reused_request_id_is_refused(refunds: Refunds, make: Factory) -> None:
    sale_id = paid_sale(make).id or 0
    refunds.request(sale_id, 100, "R1SAME")

    with pytest.raises(ValueError, match="already used"):
        refunds.request(sale_id, 200, "R1SAME")
    assert refunds.held_total(sale_id) == 100


def test_unknown_refund_cannot_move(refunds: Refunds) -> None:
    with pytest.raises(RefundNotFound):
        refunds.move(12345, S.PENDING)


def test_a_locked_database_is_retried_then_reported(
    db_path: Path, db_url: str, make: Factory
) -> None:
    sale_id = paid_sale(make).id or 0
    engine = make_engine(db_url, busy_timeout_ms=0)  # locked means locked, at once
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreBusy):
            Refunds(engine, lock_retries=2, retry_delay=0.01).request(
                sale_id, 100, "R1BUSY"
            )

        timer = threading.Timer(0.2, lambda: blocker.execute("COMMIT"))
        timer.start()
        row = Refunds(engine, lock_retries=20, retry_delay=0.02).request(
            sale_id, 100, "R1WAIT"
        )
        timer.join()
    finally:
        blocker.close()
        engine.dispose()

    assert row.status is S.REQUESTED
    assert [r.unique_request_id for r in Refunds(make.store).refunds_for(sale_id)] == [
        "R1WAIT"
    ]
