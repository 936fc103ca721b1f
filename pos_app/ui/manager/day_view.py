"""The Transactions tab: the day's tiles, the filters, the table and the detail pane.

Signals:
    summary_ready(object): the day's :class:`analytics.Summary` arrived.
"""

from __future__ import annotations

import logging
from datetime import date, tzinfo

import shiboken6
from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Money
from pos_app.store import analytics, reports
from pos_app.store.repository import Store
from pos_app.ui.manager.detail_pane import DetailPane
from pos_app.ui.manager.filter_bar import FilterBar
from pos_app.ui.manager.tiles import TileRow
from pos_app.ui.manager.transactions_model import SORTABLE, Column, TransactionsModel
from pos_app.ui.tasks import TaskRunner

__all__ = ["DayView", "summary_tiles"]

log = logging.getLogger(__name__)

TILES = {
    "sales": "Sales",
    "paid": "Paid value",
    "success": "Success rate",
    "unresolved": "Unresolved",
    "refunds": "Refunds",
}


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def summary_tiles(tiles: TileRow, summary: analytics.Summary) -> None:
    """Fill the five summary tiles from a summary."""
    paid_count, paid_paise = summary.paid
    tiles.tile("sales").set_value(
        f"{summary.sales:,}", f"{Money(summary.value_paise).format()} asked"
    )
    tiles.tile("paid").set_value(
        Money(paid_paise).format(), f"{paid_count:,} paid sales", tone="success"
    )
    tiles.tile("success").set_value(
        _percent(summary.success_rate),
        f"of {summary.sales_attempted:,} sales with a payment try",
    )
    unresolved = summary.unresolved
    tiles.tile("unresolved").set_value(
        f"{unresolved:,}",
        "open sales, not paid" if unresolved else "nothing left open",
        tone="warning" if unresolved else "",
    )
    tiles.tile("refunds").set_value(
        Money(summary.refunds_paise).format(),
        f"{summary.refunds} refunded, {summary.refund_requests} pending",
    )


class DayView(QWidget):
    summary_ready = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        zone: tzinfo,
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._zone = zone
        self._day = day
        self._base = reports.TxnFilter.for_day(day, zone)
        self._summary_generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)

        self.tiles = TileRow(TILES)
        layout.addWidget(self.tiles)

        self.filters = FilterBar()
        layout.addWidget(self.filters)

        self.model = TransactionsModel(store, self._base, zone=zone, runner=runner)
        self.table = QTableView()
        self.table.setObjectName("transactions")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.TIME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        widths = [64, 104, 96, 78, 88, 84, 62, 70, 78, 42]
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

        self.footer = QLabel("Counting…")
        self.footer.setProperty("role", "muted")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.footer)

        self.detail = DetailPane(store, zone)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([sum(widths) + 30, 440])
        layout.addWidget(self.splitter, 1)

        self.filters.filters_changed.connect(self.on_filters_filters_changed)
        self.model.totals_changed.connect(self.on_model_totals_changed)
        self.model.loading_changed.connect(self.on_model_loading_changed)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.model.modelReset.connect(self.detail.clear)
        self.table.selectionModel().selectionChanged.connect(
            self.on_table_selection_changed
        )
        header.sortIndicatorChanged.connect(self.on_header_sort_indicator_changed)

        self.refresh_day_figures()

    def __repr__(self) -> str:
        return f"<DayView day={self._day.isoformat()}>"

    @property
    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        self._day = day
        self._base = reports.TxnFilter.for_day(day, self._zone)
        self.model.set_filter(self.filters.apply(self._base))
        self.refresh_day_figures()

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_day_figures()

    def refresh_day_figures(self) -> None:
        """Recompute the tiles and the filter choices on a worker."""
        self._summary_generation += 1
        generation = self._summary_generation
        engine, base, zone = self._store.engine, self._base, self._zone

        def work() -> tuple[analytics.Summary, dict[str, list[str]]]:
            summary = analytics.summarise(engine, base.start, base.end, zone)
            return summary, reports.distinct_values(engine, base.start, base.end)

        def done(result: tuple[analytics.Summary, dict[str, list[str]]]) -> None:
            if not shiboken6.isValid(self) or generation != self._summary_generation:
                return  # closed, or a newer day was asked for
            summary, choices = result
            summary_tiles(self.tiles, summary)
            self.filters.set_choices(choices)
            self.summary_ready.emit(summary)

        def failed(exc: BaseException) -> None:
            log.error("could not compute the day's figures: %s", exc)
            if not shiboken6.isValid(self):
                return
            self.footer.setText(f"Could not compute the day's figures: {exc}")

        self._runner.run(work, done, failed)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot()
    def on_filters_filters_changed(self) -> None:
        self.footer.setText("Counting…")
        self.model.set_filter(self.filters.apply(self._base))

    @Slot(object, object)
    def on_model_totals_changed(self, rows: int, paise: int) -> None:
        shown = self._day.strftime("%A %d %B %Y")
        self.footer.setText(
            f"{rows:,} transactions · {Money(paise).format()} · {shown} (local time)"
        )

    @Slot(bool)
    def on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.footer.setText("Loading…")

    @Slot(str)
    def on_model_load_failed(self, message: str) -> None:
        self.footer.setText(message)

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(
        self, selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0].row()) if indexes else None
        if row is None:
            self.detail.clear()
            return
        self.detail.show_sale(row.sale_id)

    @Slot(int, Qt.SortOrder)
    def on_header_sort_indicator_changed(
        self, column: int, _order: Qt.SortOrder
    ) -> None:
        if column in SORTABLE:
            return
        # Computed columns are not sorted; put the indicator back where the data is.
        key, direction = self.model.sort_order
        current = next(c for c, k in SORTABLE.items() if k is key)
        order = (
            Qt.SortOrder.AscendingOrder
            if direction is reports.Direction.ASC
            else Qt.SortOrder.DescendingOrder
        )
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(current, order)
        header.blockSignals(False)
