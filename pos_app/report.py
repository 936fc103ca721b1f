"""``pos-app report``: a day's totals and transactions on the command line, and CSV.

A "day" is the terminal's local calendar day (the OS time zone, ``TZ`` honoured);
the database stores UTC, so the report asks for sales created from local midnight
to the next local midnight. Amounts are exact: paise summed by the database, printed
as rupees with two decimals (``1234.50``), never through a float.

The CSV writer here is also what the manager area's "Export CSV" uses.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pos_app.domain.states import Flow, SaleStatus
from pos_app.ui.manager import labels

if TYPE_CHECKING:
    from pos_app.store.analytics import Summary
    from pos_app.store.reports import TxnRow
    from pos_app.store.repository import Store

__all__ = ["CSV_HEADER", "csv_row", "format_summary", "run_report", "write_csv"]

CSV_HEADER = (
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


def rupees(paise: int) -> str:
    """Exact rupees with two decimals, no grouping: ``1234.50`` (integer maths)."""
    sign = "-" if paise < 0 else ""
    whole, part = divmod(abs(paise), 100)
    return f"{sign}{whole}.{part:02d}"


def csv_row(row: TxnRow, zone: tzinfo) -> list[str]:
    """One CSV line: local time to the second with its offset, exact rupees."""
    return [
        row.created_at.astimezone(zone).isoformat(sep=" ", timespec="seconds"),
        row.order_id,
        rupees(row.total_paise),
        labels.status_label(row.status, row.attempt_status),
        row.status.value,
        row.attempt_status.value if row.attempt_status else "",
        row.flow.value if row.flow else "",
        row.route or "",
        row.cashier,
        row.terminal,
        labels.masked_phone(row.phone_last4) if row.phone_last4 else "",
        str(row.attempts),
    ]


def write_csv(rows: Iterable[TxnRow], out: TextIO, zone: tzinfo) -> int:
    """Write the header and one line per row; return how many rows were written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    count = 0
    for row in rows:
        writer.writerow(csv_row(row, zone))
        count += 1
    return count


def format_summary(summary: Summary, day_title: str) -> list[str]:
    """Return the summary block as lines of text (counts and exact totals)."""
    lines = [day_title, ""]
    lines.append(f"{'By status':<26}{'Sales':>8}{'Amount (INR)':>16}")
    for status in SaleStatus:
        count, paise = summary.by_status.get(status.value, (0, 0))
        lines.append(f"  {status.value:<24}{count:>8}{rupees(paise):>16}")
    lines.append(f"  {'total':<24}{summary.sales:>8}{rupees(summary.value_paise):>16}")
    lines.append("")

    lines.append(
        f"{'By flow (latest attempt)':<26}{'Sales':>8}{'Amount (INR)':>16}"
        f"{'Paid':>8}{'Paid (INR)':>16}"
    )
    for flow in [*(f.value for f in Flow), "none"]:
        cells = {
            status: summary.by_flow_status.get((flow, status.value), (0, 0))
            for status in SaleStatus
        }
        count = sum(c for c, _ in cells.values())
        if not count and flow == "none":
            continue
        paise = sum(p for _, p in cells.values())
        paid, paid_paise = cells[SaleStatus.PAID]
        amounts = f"{rupees(paise):>16}{paid:>8}{rupees(paid_paise):>16}"
        lines.append(f"  {flow:<24}{count:>8}{amounts}")
    if summary.refunds or summary.refund_requests:
        lines.append("")
        lines.append(f"Refunds: {summary.refunds}, INR {rupees(summary.refunds_paise)}")
        if summary.refund_requests:
            lines.append(
                f"Refunds still settling: {summary.refund_requests} "
                "(run pos-app reconcile, or Re-check in the day review)"
            )
    return lines


def _row_line(row: TxnRow, zone: tzinfo) -> str:
    cells = csv_row(row, zone)
    time_text = row.created_at.astimezone(zone).strftime("%H:%M:%S")
    return (
        f"{time_text:<9}{row.order_id:<21}{cells[2]:>12}  {cells[3]:<12}"
        f"{cells[6] or '-':<14}{cells[7] or '-':<20}{row.cashier:<12}{row.terminal:<8}"
        f"{cells[10] or '-':<12}{row.attempts:>3}"
    )


def run_report(
    day: date | None,
    csv_path: Path | None,
    *,
    store: Store | None = None,
    zone: tzinfo | None = None,
    out: TextIO | None = None,
) -> int:
    """Print the day's summary and rows (and write the CSV); return the exit code."""
    from pos_app.store import analytics, reports
    from pos_app.store.db import open_store

    out = out or sys.stdout
    if csv_path is not None and not csv_path.parent.is_dir():
        print(
            f"pos-app report: no folder {csv_path.parent} for the CSV", file=sys.stderr
        )
        return 2

    # No zone given: the OS local time, so a summer-time day still ends at midnight.
    bounds_zone = zone
    zone = zone or reports.local_zone()
    day = day or datetime.now(zone).date()
    owned = store is None
    store = store or open_store()
    try:
        flt = reports.TxnFilter.for_day(day, bounds_zone)
        # The file first: a reader that stops early (``| head``) must not lose it.
        written: int | None = None
        if csv_path is not None:
            try:
                with csv_path.open("w", encoding="utf-8", newline="") as handle:
                    rows = reports.iter_rows(store.engine, flt)
                    written = write_csv(rows, handle, zone)
            except OSError as exc:
                print(
                    f"pos-app report: cannot write {csv_path}: {exc.strerror}",
                    file=sys.stderr,
                )
                return 2
        summary = analytics.summarise(store.engine, flt.start, flt.end, zone)
        offset = datetime.now(zone).strftime("%z")
        title = f"pos_app report for {day.isoformat()} (local time, UTC{offset})"
        for line in format_summary(summary, title):
            print(line, file=out)

        print("", file=out)
        print(
            f"{'Time':<9}{'Order id':<21}{'Amount':>12}  {'Status':<12}{'Flow':<14}"
            f"{'Route':<20}{'Cashier':<12}{'Term.':<8}{'Phone':<12}{'Tries':>3}",
            file=out,
        )
        for row in reports.iter_rows(store.engine, flt):
            print(_row_line(row, zone), file=out)

        if written is not None:
            print(f"\nwrote {written} rows to {csv_path}", file=out)
    finally:
        if owned:
            store.close()
    return 0


def parse_day(text: str) -> date:
    """Parse ``YYYY-MM-DD`` for argparse."""
    return date.fromisoformat(text)
