"""TransactionsModel: Qt's model tester, lazy pages, SQL sorting and filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from pos_app.domain.states import Flow
from pos_app.store import reports
from pos_app.store.repository import Store
from pos_app.ui.manager.transactions_model import Column, TransactionsModel
from pos_app.ui.tasks import TaskRunner

from .conftest import DAY, IST, Clock, Day, add_sale

ROOT = QModelIndex()


def _model(store: Store, **kwargs: object) -> TransactionsModel:
    flt = reports.TxnFilter.for_day(DAY, IST)
    return TransactionsModel(store, flt, zone=IST, runner=None, **kwargs)  # type: ignore[arg-type]


def _tested(model: TransactionsModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )


def _column(model: TransactionsModel, column: Column) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def many(store: Store, clock: Clock) -> Store:
    """250 sales on the day, one a minute from 08:00, ₹1.00 .. ₹250.00."""
    clock.at_local(8, 0)
    for i in range(1, 251):
        clock.tick(60)
        add_sale(store, clock, f"T01M{i:04d}", i * 100, phone=f"{i:04d}")
    return store


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_model_tester_passes_on_the_day(day: Day) -> None:
    model = _model(day.store)
    _tested(model)

    model.sort(Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    model.set_filter(model.filter.with_changes(cashier="ravi"))
    model.refresh()

    assert model.rowCount() == 2


def test_cells_are_formatted_for_managers(day: Day) -> None:
    model = _model(day.store)

    row = [model.index(3, c).data() for c in Column]

    assert row == [
        "13:30:00",
        day.orders["s4"],
        "₹2,50,000.00",
        "Unresolved",
        "OTP redirect",
        "AMAZONPAY_REDIRECT",
        "ravi",
        "T02",
        "—",
        "1",
    ]
    assert model.index(0, Column.PHONE).data() == "******3210"
    align = model.index(0, Column.AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(Column.AMOUNT, Qt.Orientation.Horizontal) == "Amount"
    assert model.total_rows == 5
    assert model.total_paise == 25_152_899


def test_rows_are_fetched_lazily_page_by_page(many: Store) -> None:
    model = _model(many, page_size=100)

    assert model.rowCount() == 100
    assert model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert model.rowCount() == 200
    model.fetchMore(ROOT)
    assert model.rowCount() == 250
    assert not model.canFetchMore(ROOT)
    assert _column(model, Column.ORDER_ID) == [f"T01M{i:04d}" for i in range(1, 251)]
    assert model.total_rows == 250


def test_model_tester_fetches_to_the_end(many: Store) -> None:
    model = _model(many, page_size=100)

    _tested(model)  # the tester itself calls fetchMore while canFetchMore

    assert model.rowCount() == 250


def test_sorting_goes_back_to_the_database(many: Store) -> None:
    model = _model(many, page_size=100)

    model.sort(Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 100  # back to one page
    model.fetchMore(ROOT)
    model.fetchMore(ROOT)

    amounts = [r.total_paise for r in model.loaded_rows()]
    assert amounts == sorted(range(100, 25_001, 100), reverse=True)


def test_computed_columns_do_not_sort(day: Day) -> None:
    model = _model(day.store)
    before = _column(model, Column.ORDER_ID)

    model.sort(Column.FLOW, Qt.SortOrder.DescendingOrder)

    assert _column(model, Column.ORDER_ID) == before
    assert model.sort_order == (reports.SortKey.TIME, reports.Direction.ASC)


@pytest.mark.parametrize(
    ("change", "orders"),
    [
        ({"status": "paid"}, ["T01D0001", "T01D0002"]),
        ({"flow": Flow.CCT_TOPUP}, ["T01D0003"]),
        ({"route": "AMAZONPAY_REDIRECT"}, ["T01D0004"]),
        ({"cashier": "asha"}, ["T01D0001", "T01D0002", "T01D0005"]),
        ({"terminal": "T02"}, ["T01D0003", "T01D0004"]),
        ({"search": "9876"}, ["T01D0002"]),
        ({"search": "T01D0005"}, ["T01D0005"]),
    ],
)
def test_filters_reload_the_model(
    day: Day, change: dict[str, object], orders: list[str]
) -> None:
    model = _model(day.store)
    _tested(model)

    model.set_filter(model.filter.with_changes(**change))

    assert _column(model, Column.ORDER_ID) == orders
    assert model.total_rows == len(orders)


def test_slow_pages_and_the_count_run_on_the_worker(
    qtbot: QtBot, many: Store, runner: TaskRunner
) -> None:
    flt = reports.TxnFilter.for_day(DAY, IST)
    model = TransactionsModel(many, flt, zone=IST, runner=runner, page_size=100)
    assert model.rowCount() == 100  # time order: the first page is read at once
    # (A worker that finishes before run() returns delivers at once: poll, don't
    # wait for a signal that may already have been emitted.)
    qtbot.waitUntil(lambda: model.total_rows is not None)
    assert (model.total_rows, model.total_paise) == (250, sum(range(100, 25_001, 100)))

    with qtbot.waitSignal(model.loading_changed) as loading:
        model.sort(Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    assert loading.args == [True]
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert not model.loading
    assert model.index(0, Column.AMOUNT).data() == "₹250.00"

    model.fetchMore(ROOT)
    qtbot.waitUntil(lambda: model.rowCount() == 200)


def test_a_stale_page_is_dropped(qtbot: QtBot, many: Store, runner: TaskRunner) -> None:
    flt = reports.TxnFilter.for_day(DAY, IST)
    model = TransactionsModel(many, flt, zone=IST, runner=runner, page_size=100)
    qtbot.waitUntil(lambda: model.total_rows is not None)

    model.set_filter(flt.with_changes(search="0250"))  # read on the worker...
    model.set_filter(flt.with_changes(search="T01M0001"))  # ...and replaced at once

    qtbot.waitUntil(lambda: not model.loading)
    qtbot.wait(50)
    assert _column(model, Column.ORDER_ID) == ["T01M0001"]
