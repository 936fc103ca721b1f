"""Time the store's writes and hot reads on a SQLite file (not collected by pytest).

Run from the repository root::

    python tests/bench/bench_store.py            # 500 iterations each
    python tests/bench/bench_store.py -n 200 --profile create_sale

Each operation runs ``-n`` times on a fresh store under a temporary folder (WAL,
``synchronous=NORMAL``, as the app opens it); the median and p95 are in ms.
``--profile OP`` prints a cProfile of that operation's loop instead.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.store.db import open_store
from pos_app.store.repository import Store

LINES = [
    CartLine("Masala tea", Money(1999), 2, sku="TEA"),
    CartLine("Samosa", Money(2500), 3, sku="SAM"),
    CartLine("Water", Money(2000), 1, sku="H2O"),
]
_orders = itertools.count(1)


def _order_id() -> str:
    return f"BENCH{next(_orders):010d}"


def _sale(store: Store) -> int:
    sale = store.create_sale(_order_id(), "T01", "asha", LINES)
    assert sale.id is not None
    return sale.id


def _attempt(store: Store, sale_id: int) -> int:
    attempt = store.create_attempt(
        sale_id, flow=Flow.DIRECT_DEBIT, route="AMAZONPAY", method="WALLET:AMAZONPAY"
    )
    assert attempt.id is not None
    return attempt.id


Setup = Callable[[Store, int], Callable[[int], object]]


def create_sale(store: Store, n: int) -> Callable[[int], object]:
    ids = [_order_id() for _ in range(n)]
    return lambda i: store.create_sale(ids[i], "T01", "asha", LINES)


def create_attempt(store: Store, n: int) -> Callable[[int], object]:
    sales = [_sale(store) for _ in range(n)]
    return lambda i: _attempt(store, sales[i])


def transition(store: Store, n: int) -> Callable[[int], object]:
    attempts = [_attempt(store, _sale(store)) for _ in range(n)]

    def run(i: int) -> object:
        moved = store.transition(
            attempts[i], AttemptStatus.SUBMITTING, detail={"step": "submit"}
        )
        assert moved
        return moved

    return run


def add_event(store: Store, n: int) -> Callable[[int], object]:
    sale_id = _sale(store)
    attempt_id = _attempt(store, sale_id)
    detail = {"status": "PENDING_VBV", "txn_id": "T01-ABC", "amount": 19.99}
    return lambda i: store.add_event(sale_id, attempt_id, "order_status", detail)


def finalize_charged(store: Store, n: int) -> Callable[[int], object]:
    attempts = []
    for _ in range(n):
        attempt_id = _attempt(store, _sale(store))
        store.transition(attempt_id, AttemptStatus.SUBMITTING)
        attempts.append(attempt_id)

    def run(i: int) -> object:
        won = store.finalize_charged(
            attempts[i], txn_id=f"TXN{i}", gateway_status="CHARGED"
        )
        assert won
        return won

    return run


def _paid_sale(store: Store) -> int:
    sale_id = _sale(store)
    attempt_id = _attempt(store, sale_id)
    store.transition(attempt_id, AttemptStatus.SUBMITTING)
    store.add_event(sale_id, attempt_id, "order_status", {"status": "CHARGED"})
    store.finalize_charged(attempt_id, txn_id="TXN", gateway_status="CHARGED")
    return sale_id


def get_sale(store: Store, n: int) -> Callable[[int], object]:
    sale_id = _paid_sale(store)
    return lambda i: store.get_sale(sale_id)


def attempts_for(store: Store, n: int) -> Callable[[int], object]:
    sale_id = _paid_sale(store)
    return lambda i: store.attempts_for(sale_id)


def events_for(store: Store, n: int) -> Callable[[int], object]:
    sale_id = _paid_sale(store)
    return lambda i: store.events_for(sale_id)


OPERATIONS: dict[str, Setup] = {
    f.__name__: f
    for f in (
        create_sale,
        create_attempt,
        transition,
        add_event,
        finalize_charged,
        get_sale,
        attempts_for,
        events_for,
    )
}


def _time(call: Callable[[int], object], n: int) -> list[float]:
    samples = []
    for i in range(n):
        start = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="iterations per operation")
    parser.add_argument("--profile", choices=sorted(OPERATIONS), help="cProfile one")
    parser.add_argument("--top", type=int, default=30, help="profile rows to print")
    parser.add_argument("only", nargs="*", choices=[[], *OPERATIONS], default=[])
    args = parser.parse_args(argv)

    names = [args.profile] if args.profile else (args.only or list(OPERATIONS))
    print(f"{'operation':<18}{'median ms':>10}{'p95 ms':>10}   (n={args.n})")
    with tempfile.TemporaryDirectory(prefix="pos-bench-") as tmp:
        for name in names:
            store = open_store(f"sqlite:///{Path(tmp) / name}.db")
            try:
                call = OPERATIONS[name](store, args.n)
                call_warm = OPERATIONS[name](store, 20)
                for i in range(20):  # warm the statement caches and the pool
                    call_warm(i)
                if args.profile:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    _time(call, args.n)
                    profiler.disable()
                    stats = pstats.Stats(profiler).sort_stats("cumulative")
                    stats.print_stats(args.top)
                    continue
                samples = _time(call, args.n)
                print(
                    f"{name:<18}{statistics.median(samples):>10.3f}"
                    f"{_p95(samples):>10.3f}"
                )
            finally:
                store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
