"""Attempts: creation rules and every move of the state machine."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import pytest

from pos_app.domain.states import TRANSITIONS, AttemptStatus, Flow, SaleStatus
from pos_app.store.errors import (
    AmountMismatch,
    AttemptInFlight,
    AttemptLimitReached,
    AttemptNotFound,
    SaleNotFound,
    SaleNotOpen,
)
from pos_app.store.models import Attempt
from pos_app.store.repository import MAX_ATTEMPTS_PER_SALE, Store

if TYPE_CHECKING:  # the fixture's class; conftest is not importable by name
    from conftest import Factory

A = AttemptStatus
LEGAL = [(src, dst) for src, nexts in TRANSITIONS.items() for dst in sorted(nexts)]
ILLEGAL = [
    (src, dst)
    for src in AttemptStatus
    for dst in AttemptStatus
    if dst not in TRANSITIONS[src]
]


def _path_to(state: AttemptStatus) -> list[AttemptStatus]:
    """The shortest list of moves from ``created`` to ``state``."""
    paths: dict[AttemptStatus, list[AttemptStatus]] = {A.CREATED: []}
    queue = deque([A.CREATED])
    while queue:
        here = queue.popleft()
        for nxt in sorted(TRANSITIONS[here]):
            if nxt not in paths:
                paths[nxt] = [*paths[here], nxt]
                queue.append(nxt)
    return paths[state]


def _attempt_in(store: Store, make: Factory, state: AttemptStatus) -> Attempt:
    attempt = make.attempt(make.sale())
    assert attempt.id is not None
    for step in _path_to(state):
        assert store.transition(attempt.id, step), step
    return attempt


def test_first_attempt(store: Store, make: Factory) -> None:
    sale = make.sale()

    attempt = make.attempt(sale)

    assert (attempt.seq, attempt.status, attempt.amount_paise) == (1, A.CREATED, 1999)
    assert (attempt.flow, attempt.route, attempt.method) == (
        Flow.DIRECT_DEBIT,
        "AMAZONPAY",
        "WALLET:AMAZONPAY",
    )
    assert store.get_attempt(attempt.id or 0) == attempt
    assert store.events_for(sale.id or 0)[-1].kind == "attempt_created"


@pytest.mark.parametrize(
    "state", [A.CREATED, A.AWAITING_LINK, A.SUBMITTING, A.AWAITING_CUSTOMER, A.UNKNOWN]
)
def test_no_second_attempt_while_one_may_charge(
    store: Store, make: Factory, state: AttemptStatus
) -> None:
    first = _attempt_in(store, make, state)
    sale = store.get_sale(first.sale_id)
    assert sale is not None

    with pytest.raises(AttemptInFlight):
        make.attempt(sale)

    assert store.attempts_for(first.sale_id) == [store.get_attempt(first.id or 0)]


@pytest.mark.parametrize("ended", [A.FAILED, A.CANCELLED])
def test_retry_after_a_known_non_charge(
    store: Store, make: Factory, ended: AttemptStatus
) -> None:
    first = _attempt_in(store, make, ended)
    sale = store.get_sale(first.sale_id)
    assert sale is not None

    second = make.attempt(sale)

    assert second.seq == 2
    assert [a.seq for a in store.attempts_for(first.sale_id)] == [1, 2]


def test_paid_or_cancelled_sale_takes_no_attempt(store: Store, make: Factory) -> None:
    paid = _attempt_in(store, make, A.CHARGED)
    cancelled = make.sale()
    assert store.cancel_sale(cancelled.id or 0)

    for sale_id in (paid.sale_id, cancelled.id or 0):
        sale = store.get_sale(sale_id)
        assert sale is not None
        with pytest.raises(SaleNotOpen):
            make.attempt(sale)


def test_attempt_rules(store: Store, make: Factory) -> None:
    sale = make.sale()
    assert sale.id is not None

    with pytest.raises(SaleNotFound):
        store.create_attempt(9999, flow=Flow.CCT_TOPUP, route="R", method="M")
    with pytest.raises(AmountMismatch):
        store.create_attempt(
            sale.id, flow=Flow.CCT_TOPUP, route="R", method="M", amount_paise=1998
        )
    assert store.attempts_for(sale.id) == []


def test_attempt_limit(store: Store, make: Factory) -> None:
    sale = make.sale()
    for _ in range(MAX_ATTEMPTS_PER_SALE):
        assert store.transition(make.attempt(sale).id or 0, A.FAILED)

    with pytest.raises(AttemptLimitReached):
        make.attempt(sale)


def test_cancel_sale_waits_for_attempts(store: Store, make: Factory) -> None:
    attempt = _attempt_in(store, make, A.UNKNOWN)

    assert store.cancel_sale(attempt.sale_id) is False
    assert store.transition(attempt.id or 0, A.FAILED)
    assert store.cancel_sale(attempt.sale_id) is True


@pytest.mark.parametrize(("src", "dst"), LEGAL, ids=[f"{s}->{d}" for s, d in LEGAL])
def test_every_legal_move_succeeds(
    store: Store, make: Factory, src: AttemptStatus, dst: AttemptStatus
) -> None:
    attempt = _attempt_in(store, make, src)
    assert attempt.id is not None

    assert store.transition(attempt.id, dst, detail={"why": "test"}) is True

    moved = store.get_attempt(attempt.id)
    assert moved is not None and moved.status is dst
    last = store.events_for(attempt.sale_id)
    status_events = [e for e in last if e.kind == "attempt_status"]
    assert (status_events[-1].from_status, status_events[-1].to_status) == (src, dst)
    assert status_events[-1].data == {"why": "test"}
    sale = store.get_sale(attempt.sale_id)
    assert sale is not None
    expected = SaleStatus.PAID if dst is A.CHARGED else SaleStatus.OPEN
    assert sale.status is expected


@pytest.mark.parametrize(("src", "dst"), ILLEGAL, ids=[f"{s}->{d}" for s, d in ILLEGAL])
def test_illegal_or_backward_moves_change_nothing(
    store: Store, make: Factory, src: AttemptStatus, dst: AttemptStatus
) -> None:
    attempt = _attempt_in(store, make, src)
    assert attempt.id is not None
    before = (store.get_attempt(attempt.id), store.get_sale(attempt.sale_id))
    events = store.events_for(attempt.sale_id)

    assert store.transition(attempt.id, dst, gateway_status="LATE") is False

    assert (store.get_attempt(attempt.id), store.get_sale(attempt.sale_id)) == before
    assert store.events_for(attempt.sale_id) == events


def test_transition_records_gateway_fields(store: Store, make: Factory) -> None:
    attempt = _attempt_in(store, make, A.SUBMITTING)
    assert attempt.id is not None

    assert store.transition(
        attempt.id,
        A.UNKNOWN,
        txn_id="TXN-1",
        gateway_status="PENDING_VBV",
        error_code="TIMEOUT",
        error_message="no answer for customer 9876543210",
    )
    assert store.transition(attempt.id, A.FAILED, gateway_status="JUSPAY_DECLINED")

    stored = store.get_attempt(attempt.id)
    assert stored is not None
    assert stored.txn_id == "TXN-1"  # a field not given keeps its value
    assert stored.gateway_status == "JUSPAY_DECLINED"
    assert stored.error_code == "TIMEOUT"
    assert stored.error_message == "no answer for customer ******3210"
    assert stored.updated_at >= attempt.updated_at


def test_finalize_charged_pays_the_sale(store: Store, make: Factory) -> None:
    attempt = _attempt_in(store, make, A.AWAITING_CUSTOMER)
    assert attempt.id is not None

    assert store.finalize_charged(attempt.id, txn_id="TXN-9", gateway_status="CHARGED")
    assert store.finalize_charged(attempt.id) is False  # the duplicate webhook

    sale = store.get_sale(attempt.sale_id)
    charged = store.get_attempt(attempt.id)
    assert sale is not None and charged is not None
    assert (sale.status, sale.paid_attempt_id, sale.paid_at) == (
        SaleStatus.PAID,
        attempt.id,
        charged.updated_at,
    )
    assert (charged.status, charged.txn_id) == (A.CHARGED, "TXN-9")
    kinds = [e.kind for e in store.events_for(attempt.sale_id)]
    assert kinds[-2:] == ["attempt_status", "sale_paid"]
    assert store.unresolved_attempts() == []


def test_charge_on_a_sale_no_longer_open_is_kept_and_flagged(
    store: Store, make: Factory, engine: object
) -> None:
    attempt = _attempt_in(store, make, A.UNKNOWN)
    assert attempt.id is not None
    # Only possible through a bug or a hand edit: the sale is closed under it.
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sale SET status = 'cancelled' WHERE id = ?", (attempt.sale_id,)
        )

    assert store.finalize_charged(attempt.id) is False

    charged = store.get_attempt(attempt.id)
    assert charged is not None and charged.status is A.CHARGED
    assert store.events_for(attempt.sale_id)[-1].kind == "charged_sale_not_open"


def test_unknown_attempt_is_an_error(store: Store) -> None:
    with pytest.raises(AttemptNotFound):
        store.transition(12345, A.FAILED)
    with pytest.raises(AttemptNotFound):
        store.finalize_charged(12345)


def test_unresolved_attempts_oldest_first(store: Store, make: Factory) -> None:
    waiting = _attempt_in(store, make, A.UNKNOWN)
    _attempt_in(store, make, A.CHARGED)
    newer = _attempt_in(store, make, A.CREATED)
    _attempt_in(store, make, A.FAILED)

    assert [a.id for a in store.unresolved_attempts()] == [waiting.id, newer.id]
