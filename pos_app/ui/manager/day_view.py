"""The Transactions tab: the day's tiles, the filters, the table and the detail pane.

Signals:
    summary_ready(object): the day's :class:`analytics.Summary` arrived.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, tzinfo

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, SaleStatus
from pos_app.store import analytics, reports
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.manager import labels
from pos_app.ui.manager.detail_pane import DetailPane
from pos_app.ui.manager.filter_bar import FilterBar
from pos_app.ui.manager.tiles import TileRow
from pos_app.ui.manager.transactions_model import SORTABLE, Column, TransactionsModel
from pos_app.ui.tasks import TaskRunner

__all__ = ["DayView", "summary_tiles"]

log = logging.getLogger(__name__)

#: The tiles' captions (context "SummaryTiles", translated by each tile).
TILES = {
    "sales": QT_TRANSLATE_NOOP("SummaryTiles", "Sales"),
    "paid": QT_TRANSLATE_NOOP("SummaryTiles", "Paid value"),
    "success": QT_TRANSLATE_NOOP("SummaryTiles", "Success rate"),
    "unresolved": QT_TRANSLATE_NOOP("SummaryTiles", "Unresolved"),
    "refunds": QT_TRANSLATE_NOOP("SummaryTiles", "Refunds"),
}
TILE_CONTEXT = "SummaryTiles"


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def summary_tiles(tiles: TileRow, summary: analytics.Summary) -> None:
    """Fill the five summary tiles from a summary (in the current language)."""
    paid_count, paid_paise = summary.paid
    tiles.tile("sales").set_value(
        f"{summary.sales:,}",
        QCoreApplication.translate("SummaryTiles", "{amount} asked").format(
            amount=Money(summary.value_paise).format()
        ),
    )
    paid_note = (
        QCoreApplication.translate("SummaryTiles", "1 paid sale")
        if paid_count == 1
        else QCoreApplication.translate("SummaryTiles", "{count} paid sales")
    )
    tiles.tile("paid").set_value(
        Money(paid_paise).format(),
        paid_note.format(count=f"{paid_count:,}"),
        tone="success",
    )
    tiles.tile("success").set_value(
        _percent(summary.success_rate),
        QCoreApplication.translate(
            "SummaryTiles", "of {count} sales with a payment try"
        ).format(count=f"{summary.sales_attempted:,}"),
    )
    unresolved = summary.unresolved
    tiles.tile("unresolved").set_value(
        f"{unresolved:,}",
        QCoreApplication.translate("SummaryTiles", "open sales, not paid")
        if unresolved
        else QCoreApplication.translate("SummaryTiles", "nothing left open"),
        tone="warning" if unresolved else "",
    )
    tiles.tile("refunds").set_value(
        Money(summary.refunds_paise).format(),
        QCoreApplication.translate(
            "SummaryTiles", "{refunded} refunded, {pending} pending"
        ).format(
            refunded=f"{summary.refunds:,}", pending=f"{summary.refund_requests:,}"
        ),
    )


class DayView(Retranslating, QWidget):
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
        self._summary: analytics.Summary | None = None
        self._footer_text: Callable[[], str] = lambda: self.tr("Counting…")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)

        self.tiles = TileRow(TILES, context=TILE_CONTEXT)
        layout.addWidget(self.tiles)

        self.filters = FilterBar()
        layout.addWidget(self.filters)

        # A child of this view, so it hears LanguageChange and renames its columns.
        self.model = TransactionsModel(
            store, self._base, zone=zone, runner=runner, parent=self
        )
        self.table = QTableView()
        self.table.setObjectName("transactions")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
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

        self.footer = QLabel()
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
        layout.addWidget(self.splitter, 1)
        self._fitted = False
        self.retranslate()

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

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Transactions of the day"))
        self.fit_columns()
        self.footer.setText(self._footer_text())
        if self._summary is not None:
            summary_tiles(self.tiles, self._summary)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # now the manager style sheet gives the real fonts
            self._fitted = True
            self.fit_columns()
            table = sum(self.column_widths()) + 30
            rest = max(self.splitter.width() - table, 360)
            self.splitter.setSizes([table, rest])

    def column_widths(self) -> list[int]:
        """Widths that show every title, time, amount and status whole.

        Measured in the table's font for the current language: the time, amount,
        status and tries columns always fit their widest value; order id, flow,
        route, cashier, terminal and phone fit a typical value and elide a longer
        one (free text a person typed, or a code shown whole in the detail pane).
        """
        self.table.ensurePolished()
        self.table.horizontalHeader().ensurePolished()
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        statuses = {
            i18n.render(labels.status_label(sale, attempt))
            for sale in SaleStatus
            for attempt in [None, *(a.value for a in AttemptStatus)]
        }
        flows = [i18n.render(text) for text in labels.FLOW_LABELS.values()]
        samples: dict[Column, list[str]] = {
            Column.TIME: ["00:00:00"],  # one day: the time only
            Column.ORDER_ID: ["T01MX99K4OUPKX48"],  # a real id, whole (the key)
            Column.AMOUNT: ["₹99,99,999.00"],
            Column.STATUS: sorted(statuses),
            Column.FLOW: flows,
            Column.ROUTE: ["AMAZONPAY."],  # the usual route, whole
            Column.CASHIER: ["meena"],
            Column.TERMINAL: ["T01"],
            Column.PHONE: ["******0000"],
            Column.ATTEMPTS: ["99"],
        }
        widths = []
        for column in Column:
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            # The header is bold, padded 6 px a side; a sortable one shows an arrow.
            need = header_metrics.horizontalAdvance(str(title)) * 1.1 + 14
            if column in SORTABLE:
                need += 14
            for text in samples[column]:
                # theme.qss pads a cell 10 px a side; the current cell's focus
                # frame draws inside that.
                need = max(need, metrics.horizontalAdvance(text) + 26)
            widths.append(int(need + 0.5))
        return widths

    def fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate(self.column_widths()):
            header.resizeSection(column, width)

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
            self._summary = summary
            summary_tiles(self.tiles, summary)
            self.filters.set_choices(choices)
            self.summary_ready.emit(summary)

        def failed(exc: BaseException) -> None:
            log.error("could not compute the day's figures: %s", exc)
            if not shiboken6.isValid(self):
                return
            self._set_footer(
                lambda: self.tr("Could not compute the day's figures: {error}").format(
                    error=i18n.render(exc)
                )
            )

        self._runner.run(work, done, failed)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _set_footer(self, text: Callable[[], str]) -> None:
        """Show ``text()`` under the table, and again after a language change."""
        self._footer_text = text
        self.footer.setText(text())

    @Slot()
    def on_filters_filters_changed(self) -> None:
        self._set_footer(lambda: self.tr("Counting…"))
        self.model.set_filter(self.filters.apply(self._base))

    @Slot(object, object)
    def on_model_totals_changed(self, rows: int, paise: int) -> None:
        shown = self._day.strftime("%A %d %B %Y")
        amount = Money(paise).format()

        def text() -> str:
            sentence = (
                self.tr("1 transaction · {amount} · {day} (local time)")
                if rows == 1
                else self.tr("{count} transactions · {amount} · {day} (local time)")
            )
            return sentence.format(count=f"{rows:,}", amount=amount, day=shown)

        self._set_footer(text)

    @Slot(bool)
    def on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self._set_footer(lambda: self.tr("Loading…"))

    @Slot(str)
    def on_model_load_failed(self, message: str) -> None:
        self._set_footer(lambda: message)

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
