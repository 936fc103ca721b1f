"""The Analytics tab: a day or a range, in tiles, a chart and breakdown tables.

The figures are computed on the TaskRunner (:func:`analytics.summarise`); the view
shows "Calculating…" until they arrive.

Signals:
    summary_ready(object): a :class:`analytics.Summary` was shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta, tzinfo

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Money
from pos_app.store import analytics, reports
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.manager import labels
from pos_app.ui.manager.chart import HourlyChart
from pos_app.ui.manager.day_view import TILE_CONTEXT, TILES, summary_tiles
from pos_app.ui.manager.tiles import TileRow
from pos_app.ui.tasks import TaskRunner

__all__ = ["AnalyticsView"]

log = logging.getLogger(__name__)

_PRESETS = (
    QT_TRANSLATE_NOOP("AnalyticsView", "Chosen day"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Previous day"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Last 7 days"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Last 30 days"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Custom range"),
)
_BREAKDOWN_COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("AnalyticsView", "Attempts"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Charged"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Success"),
    QT_TRANSLATE_NOOP("AnalyticsView", "Value"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _breakdown_table() -> QTableWidget:
    table = QTableWidget(0, 5)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, 5):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill_breakdown(
    table: QTableWidget, rows: dict[str, analytics.Breakdown], names: dict[str, str]
) -> None:
    table.setRowCount(len(rows))
    for row, (key, entry) in enumerate(sorted(rows.items())):
        rate = entry.success_rate
        cells = [
            i18n.render(names.get(key, key)),
            f"{entry.attempts:,}",
            f"{entry.charged:,}",
            "—" if rate is None else f"{rate * 100:.1f}%",
            Money(entry.charged_paise).format(),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(_RIGHT)
            table.setItem(row, column, item)


def _panel(body: QWidget) -> tuple[QFrame, QLabel]:
    """A white panel with a heading (its text is set by retranslate) over ``body``."""
    frame = QFrame()
    frame.setProperty("role", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    heading = QLabel()
    heading.setProperty("role", "section")
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return frame, heading


class AnalyticsView(Retranslating, QWidget):
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
        self._generation = 0
        self.summary: analytics.Summary | None = None
        self._status_text: Callable[[], str] = str
        self._setup_ui()
        self.retranslate()
        self.set_day(day)

    def __repr__(self) -> str:
        return f"<AnalyticsView {self.range_text()}>"

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.addItems(["" for _ in _PRESETS])  # texts: retranslate
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
        self.status = QLabel("")
        self.status.setProperty("role", "muted")
        self._period_label = QLabel()
        self._from_label = QLabel()
        self._to_label = QLabel()
        self._period_label.setBuddy(self.preset)
        self._from_label.setBuddy(self.start_edit)
        self._to_label.setBuddy(self.end_edit)
        bar.addWidget(self._period_label)
        bar.addWidget(self.preset)
        bar.addWidget(self._from_label)
        bar.addWidget(self.start_edit)
        bar.addWidget(self._to_label)
        bar.addWidget(self.end_edit)
        bar.addStretch(1)
        bar.addWidget(self.status)
        layout.addLayout(bar)

        self.tiles = TileRow(TILES, context=TILE_CONTEXT)
        layout.addWidget(self.tiles)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.chart = HourlyChart()
        chart_panel = QFrame()
        chart_panel.setProperty("role", "panel")
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(6, 6, 6, 6)
        chart_layout.addWidget(self.chart)
        grid.addWidget(chart_panel, 0, 0, 2, 1)

        self.by_flow = _breakdown_table()
        self.by_route = _breakdown_table()
        self.drop_off = QLabel("")
        self.drop_off.setWordWrap(True)
        self.drop_off.setAlignment(Qt.AlignmentFlag.AlignTop)
        flow_panel, self._flow_heading = _panel(self.by_flow)
        route_panel, self._route_heading = _panel(self.by_route)
        drop_panel, self._drop_heading = _panel(self.drop_off)
        grid.addWidget(flow_panel, 0, 1)
        grid.addWidget(route_panel, 1, 1)
        grid.addWidget(drop_panel, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 1)

        self.preset.currentIndexChanged.connect(self.on_preset_current_index_changed)
        self.start_edit.dateChanged.connect(self.on_range_edit_date_changed)
        self.end_edit.dateChanged.connect(self.on_range_edit_date_changed)

    def retranslate(self) -> None:
        for index, text in enumerate(_PRESETS):
            self.preset.setItemText(index, i18n.t("AnalyticsView", text))
        self._period_label.setText(self.tr("Period"))
        self._from_label.setText(self.tr("from"))
        self._to_label.setText(self.tr("to"))
        self.preset.setAccessibleName(self.tr("Period"))
        self.start_edit.setAccessibleName(self.tr("First day"))
        self.end_edit.setAccessibleName(self.tr("Last day"))
        self._flow_heading.setText(self.tr("By payment flow"))
        self._route_heading.setText(self.tr("By gateway route"))
        self._drop_heading.setText(self.tr("Drop-off"))
        headers = [i18n.t("AnalyticsView", c) for c in _BREAKDOWN_COLUMNS]
        for table, name in (
            (self.by_flow, self.tr("By payment flow")),
            (self.by_route, self.tr("By gateway route")),
        ):
            table.setHorizontalHeaderLabels(headers)
            table.setAccessibleName(name)
        self.status.setText(self._status_text())
        if self.summary is not None:
            self._show_figures(self.summary)

    def _set_status(self, text: Callable[[], str]) -> None:
        self._status_text = text
        self.status.setText(text())

    # -- the period --------------------------------------------------------------------

    def set_day(self, day: date) -> None:
        """Follow the day chosen in the window (the "Chosen day" preset)."""
        self._day = day
        self.on_preset_current_index_changed(self.preset.currentIndex())

    def set_range(self, first: date, last: date) -> None:
        """Show the inclusive local days ``first`` .. ``last``."""
        for edit, value in ((self.start_edit, first), (self.end_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self._recompute()

    def range_text(self) -> str:
        first, last = self._dates()
        if first == last:
            return first.strftime("%a %d %b %Y")
        return f"{first.strftime('%d %b')} – {last.strftime('%d %b %Y')}"

    def _dates(self) -> tuple[date, date]:
        first = self.start_edit.date().toPython()
        last = self.end_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return (first, last) if first <= last else (last, first)

    @Slot(int)
    def on_preset_current_index_changed(self, index: int) -> None:
        day = self._day
        spans = {
            0: (day, day),
            1: (day - timedelta(days=1), day - timedelta(days=1)),
            2: (day - timedelta(days=6), day),
            3: (day - timedelta(days=29), day),
        }
        if index in spans:
            self.set_range(*spans[index])

    @Slot(QDate)
    def on_range_edit_date_changed(self, _value: QDate) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(_PRESETS) - 1)
        self.preset.blockSignals(False)
        self._recompute()

    # -- the figures -------------------------------------------------------------------

    def _recompute(self) -> None:
        self._generation += 1
        generation = self._generation
        first, last = self._dates()
        start, _ = reports.day_bounds(first, self._zone)
        _, end = reports.day_bounds(last, self._zone)
        engine, zone = self._store.engine, self._zone
        self._set_status(lambda: self.tr("Calculating…"))

        def done(summary: analytics.Summary) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_summary(summary)

        def failed(exc: BaseException) -> None:
            log.error("analytics failed: %s", exc)
            if not shiboken6.isValid(self):
                return
            self._set_status(
                lambda: self.tr("Could not compute the figures: {error}").format(
                    error=i18n.render(exc)
                )
            )

        self._runner.run(
            lambda: analytics.summarise(engine, start, end, zone), done, failed
        )

    def show_summary(self, summary: analytics.Summary) -> None:
        self.summary = summary
        hourly = summary.end - summary.start <= timedelta(days=1, hours=1)
        self.chart.set_buckets(summary.buckets, hourly=hourly)
        self._show_figures(summary)
        shown = self.range_text()
        self._set_status(lambda: self.tr("{period} · local time").format(period=shown))
        self.summary_ready.emit(summary)

    def _show_figures(self, summary: analytics.Summary) -> None:
        """The tiles, tables and drop-off sentence, in the current language."""
        summary_tiles(self.tiles, summary)
        _fill_breakdown(self.by_flow, summary.by_flow, labels.FLOW_LABELS)
        _fill_breakdown(self.by_route, summary.by_route, {})

        stages = analytics.drop_off_by_stage(summary)
        self.drop_off.setText(
            self.tr(
                "<b>{linked}</b> link started but never consented &nbsp;·&nbsp; "
                "<b>{opened}</b> payment page opened but not paid &nbsp;·&nbsp; "
                "attempts that ended cancelled or failed at that step"
            ).format(
                linked=f"{stages['awaiting_link']:,}",
                opened=f"{stages['awaiting_customer']:,}",
            )
        )
