"""The end-of-day PDF: totals by status and flow, and the unresolved payments.

Reading the figures is SQL (:func:`gather`, for a worker thread); laying out the
HTML and printing it with ``QPdfWriter`` happens on the GUI thread (QTextDocument
uses fonts) and takes a few milliseconds.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from sqlalchemy import Engine

from pos_app.domain.money import Money
from pos_app.domain.states import Flow, SaleStatus
from pos_app.store import analytics, reports
from pos_app.ui.manager import labels

__all__ = ["EndOfDay", "gather", "render_html", "write_pdf"]

#: At most this many unresolved payments are listed (the count is always exact).
MAX_LISTED = 500


@dataclass(frozen=True, slots=True)
class EndOfDay:
    day: date
    summary: analytics.Summary
    unresolved: list[reports.TxnRow]
    unresolved_total: int
    generated_at: datetime


def gather(engine: Engine, day: date, zone: tzinfo) -> EndOfDay:
    """Read the day's figures and its open sales (blocking SQL)."""
    flt = reports.TxnFilter.for_day(day, zone)
    summary = analytics.summarise(engine, flt.start, flt.end, zone)
    open_sales = flt.with_changes(status=SaleStatus.OPEN.value)
    rows = reports.fetch_page(engine, open_sales, limit=MAX_LISTED)
    total, _paise = reports.count_rows(engine, open_sales)
    return EndOfDay(day, summary, rows, total, datetime.now(UTC))


def _money(paise: int) -> str:
    return html.escape(Money(paise).format())


def render_html(report: EndOfDay, zone: tzinfo, *, title: str = "pos_app") -> str:
    """Lay the report out as HTML for QTextDocument."""
    s = report.summary
    paid_count, paid_paise = s.paid
    rate = "—" if s.success_rate is None else f"{s.success_rate * 100:.1f}%"
    made = report.generated_at.astimezone(zone).strftime("%d %b %Y %H:%M")
    parts = [
        "<style>",
        "body { font-family: 'DejaVu Sans'; color: #1C2430; }",
        "h1 { font-size: 20pt; margin: 0; } h2 { font-size: 13pt; color: #1A5FB4; }",
        "td, th { padding: 4px 8px; } th { background: #F3F5F8; text-align: left; }",
        ".num { text-align: right; } .muted { color: #5D6675; }",
        "</style>",
        f"<h1>End of day · {html.escape(report.day.strftime('%A %d %B %Y'))}</h1>",
        f"<p class='muted'>{html.escape(title)} · local time · generated {made}</p>",
        "<table width='100%' cellspacing='0'><tr>",
        f"<td><b>Sales</b><br/>{s.sales:,}</td>",
        f"<td><b>Paid</b><br/>{paid_count:,} · {_money(paid_paise)}</td>",
        f"<td><b>Success rate</b><br/>{rate}</td>",
        f"<td><b>Unresolved</b><br/>{report.unresolved_total:,}</td>",
        f"<td><b>Refunds</b><br/>{_money(s.refunds_paise)}</td>",
        "</tr></table>",
        "<h2>Totals by status</h2>",
        "<table width='100%' cellspacing='0' border='0'>",
        "<tr><th>Status</th><th class='num'>Sales</th><th class='num'>Amount</th></tr>",
    ]
    for status in SaleStatus:
        count, paise = s.by_status.get(status.value, (0, 0))
        parts.append(
            f"<tr><td>{status.value.title()}</td><td class='num'>{count:,}</td>"
            f"<td class='num'>{_money(paise)}</td></tr>"
        )
    parts.append(
        f"<tr><td><b>Total</b></td><td class='num'><b>{s.sales:,}</b></td>"
        f"<td class='num'><b>{_money(s.value_paise)}</b></td></tr></table>"
    )

    parts += [
        "<h2>Totals by payment flow (latest attempt)</h2>",
        "<table width='100%' cellspacing='0'><tr><th>Flow</th>"
        "<th class='num'>Sales</th><th class='num'>Paid</th>"
        "<th class='num'>Paid amount</th><th class='num'>Not paid</th></tr>",
    ]
    for flow in [*(f.value for f in Flow), "none"]:
        cells = {
            st: s.by_flow_status.get((flow, st.value), (0, 0)) for st in SaleStatus
        }
        count = sum(c for c, _ in cells.values())
        if not count and flow == "none":
            continue
        paid, paid_p = cells[SaleStatus.PAID]
        parts.append(
            f"<tr><td>{labels.flow_label(flow)}</td><td class='num'>{count:,}</td>"
            f"<td class='num'>{paid:,}</td><td class='num'>{_money(paid_p)}</td>"
            f"<td class='num'>{count - paid:,}</td></tr>"
        )
    parts.append("</table>")

    parts.append(f"<h2>Unresolved payments ({report.unresolved_total:,})</h2>")
    if not report.unresolved:
        parts.append("<p>None: every sale of the day is paid or cancelled.</p>")
    else:
        parts.append(
            "<table width='100%' cellspacing='0'><tr><th>Time</th><th>Order id</th>"
            "<th class='num'>Amount</th><th>Status</th><th>Flow</th><th>Cashier</th>"
            "<th>Terminal</th><th>Phone</th></tr>"
        )
        for row in report.unresolved:
            parts.append(
                f"<tr><td>{row.created_at.astimezone(zone).strftime('%H:%M:%S')}</td>"
                f"<td>{html.escape(row.order_id)}</td>"
                f"<td class='num'>{_money(row.total_paise)}</td>"
                f"<td>{labels.status_label(row.status, row.attempt_status)}</td>"
                f"<td>{labels.flow_label(row.flow)}</td>"
                f"<td>{html.escape(row.cashier)}</td><td>{html.escape(row.terminal)}</td>"
                f"<td>{labels.masked_phone(row.phone_last4)}</td></tr>"
            )
        parts.append("</table>")
        if report.unresolved_total > len(report.unresolved):
            more = report.unresolved_total - len(report.unresolved)
            parts.append(f"<p class='muted'>… and {more:,} more (see the CSV).</p>")
    return "\n".join(parts)


def write_pdf(markup: str, path: Path) -> None:
    """Print HTML to an A4 PDF at ``path``."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle("End of day report")
    writer.setCreator("pos_app")

    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSize(9)
    document.setDefaultFont(font)
    document.setHtml(markup)
    document.print_(writer)  # lays the text out on the writer's pages
