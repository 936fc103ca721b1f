"""``pos-app report`` and the CSV: exact rows; totals equal a paise sum in SQL."""

from __future__ import annotations

import io
import re
import sqlite3
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app import cli, report
from pos_app.store import reports

from .conftest import DAY, IST, Day

EXPECTED_CSV = """\
time_local,order_id,amount_inr,status,sale_status,attempt_status,flow,route,cashier,terminal,phone,attempts
2026-03-14 09:05:00+05:30,T01D0001,145.00,Paid,paid,charged,direct_debit,AMAZONPAY,asha,T01,******3210,1
2026-03-14 09:40:00+05:30,T01D0002,1234.50,Paid,paid,charged,direct_debit,AMAZONPAY,asha,T01,******9876,2
2026-03-14 11:15:00+05:30,T01D0003,99.99,Failed,open,failed,cct_topup,AMAZONPAY,ravi,T02,******1234,1
2026-03-14 13:30:00+05:30,T01D0004,250000.00,Unresolved,open,unknown,redirect_otp,AMAZONPAY_REDIRECT,ravi,T02,,1
2026-03-14 14:00:00+05:30,T01D0005,49.50,Cancelled,cancelled,,,,asha,T01,,0
"""  # noqa: E501


@pytest.fixture
def india_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the OS local time zone India's, as on a terminal there."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _sql_totals(tmp_path: Path) -> dict[str, tuple[int, int]]:
    start, end = (
        s.strftime("%Y-%m-%d %H:%M:%S.%f") for s in reports.day_bounds(DAY, IST)
    )
    raw = sqlite3.connect(tmp_path / "data" / "pos.db")
    rows = raw.execute(
        "SELECT status, count(*), sum(total_paise) FROM sale"
        " WHERE created_at >= ? AND created_at < ? GROUP BY status",
        (start, end),
    ).fetchall()
    raw.close()
    return {status: (count, paise) for status, count, paise in rows}


def test_csv_contents_are_exact(day: Day) -> None:
    out = io.StringIO()

    written = report.write_csv(
        reports.iter_rows(day.store.engine, reports.TxnFilter.for_day(DAY, IST)),
        out,
        IST,
    )

    assert written == 5
    assert out.getvalue() == EXPECTED_CSV


@pytest.mark.parametrize(
    ("paise", "text"), [(0, "0.00"), (5, "0.05"), (123450, "1234.50"), (-99, "-0.99")]
)
def test_rupees_are_exact_strings(paise: int, text: str) -> None:
    assert report.rupees(paise) == text


def test_cli_prints_totals_that_match_the_database(
    day: Day,
    tmp_path: Path,
    india_time: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv_path = tmp_path / "out.csv"

    code = cli.main(["report", "--day", DAY.isoformat(), "--csv", str(csv_path)])

    assert code == 0
    output = capsys.readouterr().out
    assert output.startswith("pos_app report for 2026-03-14 (local time, UTC+0530)")
    printed: dict[str, tuple[int, int]] = {}
    for status, count, amount in re.findall(
        r"^  (paid|open|cancelled|total)\s+(\d+)\s+([\d.]+)$", output, re.M
    ):
        printed[status] = (int(count), int(Decimal(amount) * 100))
    expected = _sql_totals(tmp_path)
    assert {k: v for k, v in printed.items() if k != "total"} == expected
    assert printed["total"] == (
        sum(c for c, _ in expected.values()),
        sum(p for _, p in expected.values()),
    )
    assert re.search(r"^  direct_debit\s+2\s+1379\.50\s+2\s+1379\.50$", output, re.M)
    assert re.search(r"^  none\s+1\s+49\.50\s+0\s+0\.00$", output, re.M)
    for order_id in day.orders.values():
        assert order_id in output
    assert "T09BEFORE1" not in output and "T09AFTER1" not in output
    assert "Refunds: 1, INR 45.00" in output
    assert csv_path.read_text(encoding="utf-8") == EXPECTED_CSV
    assert f"wrote 5 rows to {csv_path}" in output


def test_cli_refuses_a_bad_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", "--day", "14/03/2026"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_on_an_empty_day(
    day: Day, india_time: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", "--day", "2026-01-01"]) == 0

    output = capsys.readouterr().out
    assert re.search(r"^  total\s+0\s+0\.00$", output, re.M)
