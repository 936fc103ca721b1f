"""Benchmark: the manager day view on 2,000,000 sales vs the same SQL in sqlite3.

Run: ``python tests/bench/bench_dayview.py [--db FILE] [--rounds 5] [--rebuild]``
(default ``--db /tmp/pos-bench/dayview.db``).

The first run builds the database (the real migrations, then rows bulk-inserted with
``sqlite3.executemany`` in big transactions: about a minute on two cores) with
100,000 sales on the chosen day; later runs reuse the file. Each operation is timed
through the app (the Qt model or the store's report functions: SQLAlchemy, type
conversion, row objects) and as the identical SQL text on a plain ``sqlite3``
connection that only fetches the tuples. It prints the median of ``--rounds`` runs
and the ratio. It asserts nothing (it is not a test).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ZONE = ZoneInfo("Asia/Kolkata")
DAY = date(2026, 3, 14)
FLOWS = ["direct_debit"] * 6 + ["link_and_pay"] * 2 + ["cct_topup", "redirect_otp"]
ROUTES = {"redirect_otp": "AMAZONPAY_REDIRECT"}
CASHIERS = [f"cashier{i:02d}" for i in range(1, 13)]
TERMINALS = [f"T{i:02d}" for i in range(1, 9)]
STAMP = "%Y-%m-%d %H:%M:%S.%f"
HEADER = (
    "time_local",
    "order_id",
    "amount_inr",
    "status",
    "sale_status",
    "attempt_status",
    "flow",
    "route",
    "cashier",
    "terminal",
    "phone",
    "attempts",
)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP)


def _sales(total: int, on_day: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    """Yield (created_at, order_id, ...) oldest first; ``on_day`` of them on DAY."""
    day_start = datetime(DAY.year, DAY.month, DAY.day, 8, tzinfo=ZONE)
    history_start = day_start - timedelta(days=365)
    before = total - on_day
    span = (day_start - history_start).total_seconds() - 12 * 3600
    for i in range(total):
        if i < before:
            moment = history_start + timedelta(seconds=span * i / before)
        else:
            moment = day_start + timedelta(seconds=14 * 3600 * (i - before) / on_day)
        yield (i + 1, _stamp(moment))


def build(path: Path, total: int, on_day: int) -> None:
    """Create the schema with the real migrations, then bulk-insert the rows."""
    from pos_app.store.db import make_engine
    from pos_app.store.migrations import migrate

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()

    rng = random.Random(14)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    started = time.perf_counter()
    sales: list[tuple[Any, ...]] = []
    attempts: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    day_from = total - on_day
    attempt_id = 0

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO sale (id, order_id, terminal_id, cashier, created_at,"
            " updated_at, currency, total_paise, status, customer_ref, phone_last4,"
            " paid_at, paid_attempt_id) VALUES (?,?,?,?,?,?,'INR',?,?,NULL,?,?,?)",
            sales,
        )
        conn.executemany(
            "INSERT INTO attempt (id, sale_id, seq, flow, route, method, status,"
            " amount_paise, txn_id, gateway_status, error_code, error_message,"
            " created_at, updated_at) VALUES (?,?,?,?,?,'WALLET:AMAZONPAY',?,?,"
            " NULL,NULL,NULL,NULL,?,?)",
            attempts,
        )
        conn.executemany(
            "INSERT INTO event (at, sale_id, attempt_id, kind, from_status,"
            " to_status, detail) VALUES (?,?,?,?,?,?,'{}')",
            events,
        )
        conn.execute("COMMIT")
        sales.clear()
        attempts.clear()
        events.clear()

    for sale_id, stamp in _sales(total, on_day, rng):
        roll = rng.random()
        status = "paid" if roll < 0.86 else "cancelled" if roll < 0.93 else "open"
        paise = rng.randrange(1_000, 2_500_000)
        terminal = rng.choice(TERMINALS)
        phone = f"{rng.randrange(10_000):04d}" if rng.random() < 0.8 else None
        tries = 2 if rng.random() < 0.1 else 1
        last = None
        for seq in range(1, tries + 1):
            attempt_id += 1
            flow = rng.choice(FLOWS)
            final = seq == tries
            if not final:
                state = "failed"
            elif status == "paid":
                state = "charged"
            elif status == "cancelled":
                state = "cancelled"
            else:
                state = "unknown" if rng.random() < 0.3 else "failed"
            attempts.append(
                (
                    attempt_id,
                    sale_id,
                    seq,
                    flow,
                    ROUTES.get(flow, "AMAZONPAY"),
                    state,
                    paise,
                    stamp,
                    stamp,
                )
            )
            if sale_id > day_from:
                events.append(
                    (stamp, sale_id, attempt_id, "attempt_status", "submitting", state)
                )
            last = attempt_id
        if sale_id > day_from:
            events.append((stamp, sale_id, None, "sale_created", None, "open"))
        sales.append(
            (
                sale_id,
                f"{terminal}B{sale_id:014d}",
                terminal,
                rng.choice(CASHIERS),
                stamp,
                stamp,
                paise,
                status,
                phone,
                stamp if status == "paid" else None,
                last if status == "paid" else None,
            )
        )
        if len(sales) >= 100_000:
            flush()
    flush()
    conn.execute("ANALYZE")
    conn.close()
    print(
        f"built {path} ({total:,} sales, {on_day:,} on {DAY}) in "
        f"{time.perf_counter() - started:.1f}s",
        flush=True,
    )


def _interleaved(
    app_work: Callable[[], object], raw_work: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median seconds of each, run turn about so drift on the machine hits both."""
    app_times, raw_times = [], []
    for _ in range(rounds):
        for work, times in ((app_work, app_times), (raw_work, raw_times)):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
    return statistics.median(app_times), statistics.median(raw_times)


class _NoCount:
    """A stand-in TaskRunner that drops the count, to time the first page alone."""

    def run(self, work: object, on_done: object, on_error: object) -> None:
        return None


_LABELS = {
    ("paid", None): "Paid",
    ("cancelled", None): "Cancelled",
    ("open", None): "Open",
    ("open", "unknown"): "Unresolved",
    ("open", "failed"): "Failed",
    ("open", "cancelled"): "Not paid",
}


def raw_csv(raw: sqlite3.Connection, sql: str, params: dict[str, Any]) -> str:
    """The same export written by hand on bare sqlite3 (same bytes as the app's)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for r in raw.execute(sql, params):
        local = datetime.fromisoformat(r[1]).replace(tzinfo=UTC).astimezone(ZONE)
        sale, attempt = r[4], r[5]
        label = _LABELS.get((sale, None if sale != "open" else attempt), "In progress")
        whole, part = divmod(r[3], 100)
        writer.writerow(
            [
                local.isoformat(sep=" ", timespec="seconds"),
                r[2],
                f"{whole}.{part:02d}",
                label,
                sale,
                attempt or "",
                r[6] or "",
                r[7] or "",
                r[8],
                r[9],
                f"******{r[10]}" if r[10] else "",
                r[11] or 0,
            ]
        )
    return out.getvalue()


def _raw_params(params: dict[str, Any]) -> dict[str, Any]:
    return {k: _stamp(v) if isinstance(v, datetime) else v for k, v in params.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/pos-bench/dayview.db"))
    parser.add_argument("--sales", type=int, default=2_000_000)
    parser.add_argument("--day-sales", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    if args.rebuild or not args.db.exists():
        build(args.db, args.sales, args.day_sales)
    else:
        print(f"reusing {args.db}", flush=True)

    from PySide6.QtWidgets import QApplication

    from pos_app import report
    from pos_app.store import reports
    from pos_app.store.db import open_store
    from pos_app.ui.manager.transactions_model import TransactionsModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{args.db}")
    raw = sqlite3.connect(args.db)
    day = reports.TxnFilter.for_day(DAY, ZONE)
    some_phone = raw.execute(
        "SELECT phone_last4 FROM sale WHERE phone_last4 IS NOT NULL ORDER BY id DESC"
    ).fetchone()[0]

    def raw_run(flt: reports.TxnFilter, *, count: bool = True) -> None:
        sql, params = reports.page_sql(flt)
        raw.execute(sql, _raw_params(params)).fetchall()
        if count:
            csql, cparams = reports.count_sql(flt)
            raw.execute(csql, _raw_params(cparams)).fetchall()

    def app_run(flt: reports.TxnFilter) -> None:
        # runner=None: the first page and the count, both on this thread.
        model = TransactionsModel(store, flt, zone=ZONE, runner=None)
        assert model.total_rows is not None

    sql_all, params_all = reports.page_sql(day, limit=None)

    def raw_export() -> str:
        return raw_csv(raw, sql_all, _raw_params(params_all))

    def app_export() -> str:
        out = io.StringIO()
        report.write_csv(reports.iter_rows(store.engine, day), out, ZONE)
        return out.getvalue()

    same = app_export() == raw_export()
    print(f"CSV from the app and from bare sqlite3 identical: {same}")

    def first_page() -> None:
        TransactionsModel(store, day, zone=ZONE, runner=_NoCount())  # type: ignore[arg-type]

    cancelled = day.with_changes(status="cancelled")
    cct = day.with_changes(flow="cct_topup")
    phone = day.with_changes(search=some_phone)
    cases = [
        ("open day view (page + count)", lambda: app_run(day), lambda: raw_run(day)),
        ("first page only", first_page, lambda: raw_run(day, count=False)),
        (
            "filter status=cancelled",
            lambda: app_run(cancelled),
            lambda: raw_run(cancelled),
        ),
        ("filter flow=cct_topup", lambda: app_run(cct), lambda: raw_run(cct)),
        (f"search phone {some_phone}", lambda: app_run(phone), lambda: raw_run(phone)),
        ("CSV export (100k rows)", app_export, raw_export),
    ]
    print(f"{'operation':34} {'app ms':>9} {'sqlite3 ms':>11} {'ratio':>6}")
    for name, app_work, raw_work in cases:
        app_work()
        raw_work()  # warm both caches alike
        app_t, raw_t = _interleaved(app_work, raw_work, args.rounds)
        ratio = app_t / raw_t
        print(f"{name:34} {app_t * 1000:9.1f} {raw_t * 1000:11.1f} {ratio:6.2f}")

    raw.close()
    store.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
