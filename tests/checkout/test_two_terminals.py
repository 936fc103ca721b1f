"""Two counters of one store, one database, paying at the same moment.

Runs on SQLite (a shared file) always, and on PostgreSQL too when
POS_TEST_POSTGRES_URL names a scratch database (``.ci/run`` starts one).
"""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import text

from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import Outcome
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.store.db import make_engine, open_store

PG_URL = os.environ.get("POS_TEST_POSTGRES_URL", "")
URLS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=URLS)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    pytest.importorskip("psycopg")
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


def _terminal(sandbox, url: str, terminal: str) -> CheckoutService:
    client = JuspayClient(
        GatewayConfig(
            base_url=sandbox.base_url,
            merchant_id=sandbox.merchant_id,
            api_key=sandbox.api_key,
        )
    )
    return CheckoutService(
        client,
        open_store(url),
        terminal_id=terminal,
        cashier=f"cashier-{terminal}",
        merchant_id=sandbox.merchant_id,
        return_url="https://pos.invalid/return",
        confirm_delays=(0.05, 0.1, 0.2),
    )


def test_two_terminals_pay_at_once_without_clashing(sandbox, database_url):
    sandbox.faults.set(
        "txns", "latency", latency_ms=150
    )  # keep both in flight together
    counters = [_terminal(sandbox, database_url, t) for t in ("C1", "C2")]
    phones = [Phone.parse("9999900001"), Phone.parse("9999900005")]
    barrier = threading.Barrier(2)
    results = {}

    def pay(index: int) -> None:
        service, phone = counters[index], phones[index]
        customer = service.look_up_customer(phone)
        method = next(m for m in service.payment_methods() if m.is_amazon_pay)
        lines = (CartLine("Tea", Money.parse("145.00"), index + 1, "tea"),)
        barrier.wait(timeout=10)
        results[index] = service.pay_amazon_balance(
            lines, phone, customer, method, print
        )

    threads = [threading.Thread(target=pay, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert {r.outcome for r in results.values()} == {Outcome.CHARGED}
    order_ids = {results[0].order_id, results[1].order_id}
    assert len(order_ids) == 2
    assert results[0].order_id.startswith("C1") and results[1].order_id.startswith("C2")
    # Either terminal sees both sales, each paid once, with its own attempts.
    store = counters[0].store
    for index, result in results.items():
        sale = store.get_sale_by_order(result.order_id)
        assert sale is not None and sale.status == "paid"
        assert sale.total_paise == 14500 * (index + 1)
        assert [a.status for a in store.attempts_for(sale.id)] == ["charged"]
    for service in counters:
        service.close()
