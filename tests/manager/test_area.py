"""The manager area: PIN first, actions, exports, and screenshots to look at."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_app import report
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.store import reports, settings
from pos_app.store.repository import Store
from pos_app.ui.manager import ManagerActions, ManagerArea, PinDialog, open_manager_area
from pos_app.ui.manager.area import NOT_AVAILABLE
from pos_app.ui.tasks import TaskRunner

from .conftest import DAY, IST, Clock, Day, add_sale, build_day, run_attempt

A = AttemptStatus


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def _area(
    qtbot: QtBot, store: Store, runner: TaskRunner, **kwargs: object
) -> ManagerArea:
    area = ManagerArea(store, runner=runner, zone=IST, day=DAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.day_view.tiles.tile("sales").value != "…")
    qtbot.waitUntil(lambda: area.analytics.summary is not None)
    return area


def _answer_pin(qtbot: QtBot, pin: str | None) -> None:
    """Type ``pin`` into the PIN dialog once it is up (None: cancel it)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(20, answer)
            return
        if pin is None:
            dialog.reject()
            return
        dialog.enter(pin)
        dialog.on_ok_clicked()

    QTimer.singleShot(0, answer)


def test_area_opens_only_after_the_pin(
    qtbot: QtBot, day: Day, runner: TaskRunner
) -> None:
    settings.set_manager_pin(day.store, "7351")
    parent = QWidget()
    qtbot.addWidget(parent)

    _answer_pin(qtbot, None)
    assert (
        open_manager_area(parent, day.store, runner=runner, zone=IST, day=DAY) is None
    )

    _answer_pin(qtbot, "7351")
    area = open_manager_area(parent, day.store, runner=runner, zone=IST, day=DAY)
    assert isinstance(area, ManagerArea)
    qtbot.addWidget(area)
    assert area.isVisible()


def test_first_open_asks_to_create_a_pin(
    qtbot: QtBot, day: Day, runner: TaskRunner
) -> None:
    def create() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(20, create)
            return
        assert dialog.mode == "create"
        for _ in range(2):
            dialog.enter("2580")
            dialog.on_ok_clicked()

    QTimer.singleShot(0, create)
    area = open_manager_area(None, day.store, runner=runner, zone=IST, day=DAY)

    assert area is not None
    qtbot.addWidget(area)
    assert settings.check_manager_pin(day.store, "2580")


def _select(qtbot: QtBot, area: ManagerArea, order_id: str) -> None:
    model = area.day_view.model
    row = next(i for i, r in enumerate(model.loaded_rows()) if r.order_id == order_id)
    area.day_view.select_row(row)
    qtbot.waitUntil(lambda: area.day_view.detail.order_id == order_id)


def test_detail_shows_the_timeline_and_attempts(
    qtbot: QtBot, day: Day, runner: TaskRunner
) -> None:
    area = _area(qtbot, day.store, runner)

    _select(qtbot, area, day.orders["s2"])

    detail = area.day_view.detail
    timeline = [
        [detail.timeline.item(r, c).text() for c in range(4)]
        for r in range(detail.timeline.rowCount())
    ]
    assert [row[1] for row in timeline] == [
        "sale created",
        "attempt created",
        "attempt status",
        "attempt status",
        "attempt created",
        "attempt status",
        "attempt status",
        "sale paid",
    ]
    assert timeline[3][2] == "awaiting_link → cancelled"
    assert timeline[0][0] == "09:40:00"
    assert detail.attempts.rowCount() == 2
    assert detail.attempts.item(0, 1).text() == "Link and pay"


def test_actions_without_callables_say_not_available(
    qtbot: QtBot, day: Day, runner: TaskRunner
) -> None:
    area = _area(qtbot, day.store, runner)
    _select(qtbot, area, day.orders["s1"])
    detail = area.day_view.detail

    with qtbot.waitSignal(detail.refund_requested) as refund:
        detail._refund.click()
    assert refund.args == [day.orders["s1"]]
    assert detail.notice == NOT_AVAILABLE.format(action="Refund")

    detail._recheck.click()
    assert detail.notice == "Re-check status is not available in this build."


def test_actions_call_the_given_callables(
    qtbot: QtBot, day: Day, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    actions = ManagerActions(
        recheck=lambda o: calls.append(("recheck", o)),
        refund=lambda o: calls.append(("refund", o)),
        reprint=lambda o: calls.append(("reprint", o)),
    )
    asked: list[str] = []
    monkeypatch.setattr(
        ManagerArea, "confirm_refund", lambda _self, order: asked.append(order) or True
    )
    area = _area(qtbot, day.store, runner, actions=actions)
    _select(qtbot, area, day.orders["s1"])
    detail = area.day_view.detail

    for button in (detail._recheck, detail._reprint, detail._refund):
        button.click()

    order = day.orders["s1"]
    assert calls == [("recheck", order), ("reprint", order), ("refund", order)]
    assert asked == [order]
    assert detail.notice == ""


def test_refund_and_reprint_only_for_paid_sales(
    qtbot: QtBot, day: Day, runner: TaskRunner
) -> None:
    area = _area(qtbot, day.store, runner)
    _select(qtbot, area, day.orders["s4"])
    detail = area.day_view.detail

    assert detail._recheck.isEnabled()
    assert not detail._refund.isEnabled()
    assert not detail._reprint.isEnabled()


def test_csv_export_writes_the_rows_shown(
    qtbot: QtBot, day: Day, runner: TaskRunner, tmp_path: Path
) -> None:
    area = _area(qtbot, day.store, runner)
    area.day_view.filters.select("cashier", "ravi")
    target = tmp_path / "shown.csv"

    area.export_csv_to(target)
    qtbot.waitUntil(lambda: area.last_export == target)

    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(report.CSV_HEADER)
    assert [line.split(",")[1] for line in lines[1:]] == [
        day.orders["s3"],
        day.orders["s4"],
    ]
    assert lines[2].split(",")[2] == "250000.00"
    assert area.message.text() == "Exported 2 rows to shown.csv"


def test_end_of_day_pdf(
    qtbot: QtBot, day: Day, runner: TaskRunner, tmp_path: Path
) -> None:
    area = _area(qtbot, day.store, runner)
    target = tmp_path / "eod.pdf"

    area.export_pdf_to(target)
    qtbot.waitUntil(lambda: area.last_export == target, timeout=10_000)

    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 10_000  # text and embedded DejaVu, not an empty page
    assert b"/Title" in data


def test_end_of_day_html_lists_unresolved_payments(day: Day) -> None:
    from pos_app.ui.manager import eod_report

    data = eod_report.gather(day.store.engine, DAY, IST)
    markup = eod_report.render_html(data, IST)

    assert data.unresolved_total == 2
    assert [r.order_id for r in data.unresolved] == [day.orders["s3"], day.orders["s4"]]
    assert "₹2,50,000.00" in markup and "Unresolved payments (2)" in markup
    assert "₹1,379.50" in markup  # paid total


# -- screens to look at -----------------------------------------------------------


def _busy_day(store: Store, clock: Clock) -> None:
    """About 120 sales from 08:00 to 21:00 with every flow and outcome."""
    build_day(store, clock)
    rng = random.Random(6)
    flows = [Flow.DIRECT_DEBIT] * 5 + [
        Flow.LINK_AND_PAY,
        Flow.CCT_TOPUP,
        Flow.REDIRECT_OTP,
    ]
    for i in range(120):
        clock.at_local(8 + i * 13 // 120, rng.randrange(60))
        sale = add_sale(
            store,
            clock,
            f"T0{1 + i % 3}K{i:05d}",
            rng.choice([4950, 14500, 23900, 56000, 128800, 349900, 1299900]),
            cashier=rng.choice(["asha", "ravi", "meena"]),
            terminal=f"T0{1 + i % 3}",
            phone=f"{rng.randrange(10_000):04d}" if rng.random() < 0.8 else None,
        )
        flow = rng.choice(flows)
        roll = rng.random()
        if roll < 0.85:
            path = [A.SUBMITTING, A.CHARGED]
        elif roll < 0.92:
            path = [A.SUBMITTING, A.AWAITING_CUSTOMER, A.FAILED]
        elif roll < 0.96:
            path = [A.AWAITING_LINK, A.CANCELLED]
        else:
            path = [A.SUBMITTING, A.UNKNOWN]
        run_attempt(store, clock, sale, flow, path)


def test_render_screens(
    qtbot: QtBot, store: Store, clock: Clock, runner: TaskRunner, shots: Path
) -> None:
    _busy_day(store, clock)
    area = _area(qtbot, store, runner)
    _select(qtbot, area, "T01D0002")
    qtbot.wait(100)  # let the layouts settle around the new texts
    area.grab().save(str(shots / "manager-transactions.png"))

    area.day_view.filters.select("status", reports.UNRESOLVED)
    qtbot.waitUntil(lambda: area.day_view.model.total_rows is not None)
    _select(qtbot, area, "T01D0004")
    qtbot.wait(100)
    area.grab().save(str(shots / "manager-unresolved.png"))

    area.tabs.setCurrentWidget(area.analytics)
    qtbot.wait(50)
    area.grab().save(str(shots / "manager-analytics.png"))
    assert area.analytics.chart.bars

    settings.set_manager_pin(store, "7351")
    pin = PinDialog(store)
    qtbot.addWidget(pin)
    pin.show()
    pin.enter("12")
    pin.grab().save(str(shots / "manager-pin.png"))

    for name in ("transactions", "unresolved", "analytics", "pin"):
        assert (shots / f"manager-{name}.png").stat().st_size > 5_000
