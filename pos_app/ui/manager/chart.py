"""The hourly (or daily) bar chart of paid value; QtCharts is imported on first use.

QtCharts is a large module that the cashier screens never need, so it loads only
when a manager opens the analytics.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

__all__ = ["HourlyChart", "bar_values"]


def bar_values(
    buckets: dict[datetime, tuple[int, int, int]], *, hourly: bool
) -> list[tuple[str, int, int]]:
    """Return (label, sales, paid paise) per bucket, gaps filled with zeros."""
    if not buckets:
        return []
    step = timedelta(hours=1) if hourly else timedelta(days=1)
    first, last = min(buckets), max(buckets)
    values: list[tuple[str, int, int]] = []
    moment = first
    while moment <= last:
        sales, _paid, paise = buckets.get(moment, (0, 0, 0))
        label = moment.strftime("%H:00") if hourly else moment.strftime("%d %b")
        values.append((label, sales, paise))
        moment += step
    return values


class HourlyChart(QWidget):
    """Bars of paid value (rupees) per hour of a day, or per day of a range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: Any = None
        self._buckets: dict[datetime, tuple[int, int, int]] | None = None
        self._hourly = True
        self.bars: list[tuple[str, int, int]] = []
        self.title = ""
        self.setMinimumHeight(240)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._buckets is not None:
            self.set_buckets(self._buckets, hourly=self._hourly)  # new titles
        super().changeEvent(event)

    def __repr__(self) -> str:
        return f"<HourlyChart bars={len(self.bars)}>"

    def set_buckets(
        self, buckets: dict[datetime, tuple[int, int, int]], *, hourly: bool
    ) -> None:
        from PySide6 import QtCharts  # lazily: heavy, and only managers need it

        self._buckets, self._hourly = buckets, hourly
        self.bars = bar_values(buckets, hourly=hourly)
        paid = QtCharts.QBarSet(self.tr("Paid value (₹)"))
        paid.setColor(QColor("#1A5FB4"))
        paid.setBorderColor(QColor("#1A5FB4"))
        for _label, _sales, paise in self.bars:
            paid.append(paise / 100)  # display only; totals elsewhere stay in paise
        series = QtCharts.QBarSeries()
        series.append(paid)
        series.setBarWidth(0.7)

        chart = QtCharts.QChart()
        chart.addSeries(series)
        self.title = (
            self.tr("Paid value by hour (₹)")
            if hourly
            else self.tr("Paid value by day (₹)")
        )
        chart.setTitle(self.title)
        title_font = QFont("DejaVu Sans")
        title_font.setPixelSize(14)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundVisible(False)  # the panel around it is the background

        axis_x = QtCharts.QBarCategoryAxis()
        axis_x.append([label for label, _s, _p in self.bars] or ["—"])
        axis_y = QtCharts.QValueAxis()
        top = max((p for _l, _s, p in self.bars), default=0) / 100
        axis_y.setRange(0, max(top * 1.1, 1.0))
        axis_y.setLabelFormat("%.0f")
        axis_y.applyNiceNumbers()
        small = QFont("DejaVu Sans")
        small.setPixelSize(11)
        for axis in (axis_x, axis_y):
            axis.setLabelsFont(small)
            axis.setGridLineColor(QColor("#E3E6EA"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

        if self._view is None:
            self._view = QtCharts.QChartView()
            self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._view.setStyleSheet("background: transparent; border: none;")
            self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture, no keys
            self._view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._layout.addWidget(self._view)
        self._view.setAccessibleName(self.title)
        old = self._view.chart()
        self._view.setChart(chart)
        if old is not None:
            old.deleteLater()
