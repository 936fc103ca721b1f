"""The day's transactions as a lazily fetched, database-sorted table model.

The model holds only the pages the view has asked for: the first page, then one more
each time the view scrolls near the end (``canFetchMore``/``fetchMore``). Sorting and
filtering go back to the database as ORDER BY and WHERE; nothing is sorted in Python.

Pages in time order walk an index and take 1-5 ms on a day of 100,000 sales (see
``tests/bench/bench_dayview.py``), so they are read on the GUI thread. A page sorted
by another column, or narrowed by a search, may scan the whole day (30-120 ms), so it
is read on the TaskRunner and inserted when it arrives (``loading_changed``). The
count and total of the filtered rows always run there and arrive as
``totals_changed``.
"""

from __future__ import annotations

import enum
import logging
from datetime import timedelta, tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from pos_app.domain.money import Money
from pos_app.store import reports
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP
from pos_app.ui.manager import labels
from pos_app.ui.tasks import TaskRunner

__all__ = ["Column", "TransactionsModel"]

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    TIME = 0
    ORDER_ID = 1
    AMOUNT = 2
    STATUS = 3
    FLOW = 4
    ROUTE = 5
    CASHIER = 6
    TERMINAL = 7
    PHONE = 8
    ATTEMPTS = 9


#: Column titles in English; headerData says them in the current language.
HEADERS = {
    Column.TIME: QT_TRANSLATE_NOOP("TransactionsModel", "Time"),
    Column.ORDER_ID: QT_TRANSLATE_NOOP("TransactionsModel", "Order id"),
    Column.AMOUNT: QT_TRANSLATE_NOOP("TransactionsModel", "Amount"),
    Column.STATUS: QT_TRANSLATE_NOOP("TransactionsModel", "Status"),
    Column.FLOW: QT_TRANSLATE_NOOP("TransactionsModel", "Flow"),
    Column.ROUTE: QT_TRANSLATE_NOOP("TransactionsModel", "Route"),
    Column.CASHIER: QT_TRANSLATE_NOOP("TransactionsModel", "Cashier"),
    Column.TERMINAL: QT_TRANSLATE_NOOP("TransactionsModel", "Terminal"),
    Column.PHONE: QT_TRANSLATE_NOOP("TransactionsModel", "Phone"),
    Column.ATTEMPTS: QT_TRANSLATE_NOOP("TransactionsModel", "Tries"),
}

#: Columns the database sorts by; the others are computed per row and not sortable.
SORTABLE: dict[Column, reports.SortKey] = {
    Column.TIME: reports.SortKey.TIME,
    Column.ORDER_ID: reports.SortKey.ORDER_ID,
    Column.AMOUNT: reports.SortKey.AMOUNT,
    Column.STATUS: reports.SortKey.STATUS,
    Column.CASHIER: reports.SortKey.CASHIER,
    Column.TERMINAL: reports.SortKey.TERMINAL,
    Column.PHONE: reports.SortKey.PHONE,
}

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class TransactionsModel(QAbstractTableModel):
    """Sales matching a :class:`reports.TxnFilter`, one page at a time.

    Signals:
        totals_changed(int, int): rows matching the filter and their paise total.
        loading_changed(bool): a page is being read on a worker (or has arrived).
        load_failed(str): a page or the count could not be read.

    ``runner`` None reads everything synchronously (benchmarks, scripts).

    Header titles, statuses and flows follow the current language: on
    ``LanguageChange`` (which a parent widget passes on to the model) it emits
    ``headerDataChanged`` and ``dataChanged`` for those columns.
    """

    # object, not int: a day's paise overflow a C++ int.
    totals_changed = Signal(object, object)
    loading_changed = Signal(bool)
    load_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        flt: reports.TxnFilter,
        *,
        zone: tzinfo,
        runner: TaskRunner | None,
        page_size: int = reports.PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._zone = zone
        self._runner = runner
        self._page_size = page_size
        self._filter = flt
        self._sort = reports.SortKey.TIME
        self._direction = reports.Direction.ASC
        self._rows: list[reports.TxnRow] = []
        self._more = False
        self._loading = False
        self._generation = 0
        self.total_rows: int | None = None
        self.total_paise: int | None = None
        self._reload()

    def __repr__(self) -> str:
        return f"<TransactionsModel rows={len(self._rows)} more={self._more}>"

    # -- what the view and the screens use ---------------------------------------

    @property
    def filter(self) -> reports.TxnFilter:
        return self._filter

    @property
    def sort_order(self) -> tuple[reports.SortKey, reports.Direction]:
        return self._sort, self._direction

    def set_filter(self, flt: reports.TxnFilter) -> None:
        """Show the rows matching ``flt`` (back to the first page)."""
        if flt == self._filter:
            return
        self._filter = flt
        self._reload()

    def refresh(self) -> None:
        self._reload()

    def row_at(self, row: int) -> reports.TxnRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_rows(self) -> list[reports.TxnRow]:
        return list(self._rows)

    @property
    def loading(self) -> bool:
        return self._loading

    def retranslate(self) -> None:
        """Tell the views that the titles and the worded columns changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, Column.STATUS),
                self.index(last, Column.FLOW),
                [Qt.ItemDataRole.DisplayRole],
            )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    # -- Qt's model interface ------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or not self._more or self._loading or not self._rows:
            return
        last = self._rows[-1]
        self._load(after=(last.sort_value, last.sale_id))

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        try:
            key = SORTABLE[Column(column)]
        except (KeyError, ValueError):
            log.debug("column %d is not sortable; order kept", column)
            return
        direction = (
            reports.Direction.ASC
            if order == Qt.SortOrder.AscendingOrder
            else reports.Direction.DESC
        )
        if (key, direction) == (self._sort, self._direction):
            return
        self._sort, self._direction = key, direction
        self._reload()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return i18n.t("TransactionsModel", HEADERS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.AMOUNT, Column.ATTEMPTS) else _LEFT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())

        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.AMOUNT, Column.ATTEMPTS) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            tone = labels.status_tone(row.status, row.attempt_status)
            return QColor(labels.STATUS_COLOURS[tone])
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    # -- internals -------------------------------------------------------------------

    def _display(self, row: reports.TxnRow, column: Column) -> str:
        if column is Column.TIME:
            local = row.created_at.astimezone(self._zone)
            if self._filter.end - self._filter.start > timedelta(days=1, hours=1):
                return local.strftime("%d %b %H:%M")
            return local.strftime("%H:%M:%S")
        values = {
            Column.ORDER_ID: row.order_id,
            Column.AMOUNT: Money(row.total_paise).format(),
            Column.STATUS: i18n.render(
                labels.status_label(row.status, row.attempt_status)
            ),
            Column.FLOW: i18n.render(labels.flow_label(row.flow)),
            Column.ROUTE: row.route or "—",
            Column.CASHIER: row.cashier,
            Column.TERMINAL: row.terminal,
            Column.PHONE: labels.masked_phone(row.phone_last4),
            Column.ATTEMPTS: str(row.attempts),
        }
        return values[column]

    def _quick(self) -> bool:
        """Tell whether a page can be read on the GUI thread (it walks an index)."""
        return self._sort is reports.SortKey.TIME and not self._filter.search.strip()

    def _reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._more = False
        self.endResetModel()
        self._set_loading(False)  # a page still being read is now stale
        self._load(after=None)
        self._start_count()

    def _load(self, after: tuple[Any, int] | None) -> None:
        generation = self._generation
        engine, flt, size = self._store.engine, self._filter, self._page_size
        sort, direction = self._sort, self._direction

        def work() -> list[reports.TxnRow]:
            return reports.fetch_page(
                engine, flt, sort, direction, after=after, limit=size
            )

        def done(page: list[reports.TxnRow]) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return  # the filter or order changed while reading
            self._set_loading(False)
            self._append(page)

        def failed(exc: BaseException) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self._set_loading(False)
            log.error("could not read transactions: %s", exc)
            self.load_failed.emit(
                self.tr("Could not read the transactions: {error}").format(
                    error=i18n.render(exc)
                )
            )

        if self._runner is None or self._quick():
            try:
                page = work()
            except Exception as exc:  # a broken database must not take the window down
                failed(exc)
                return
            self._append(page)
            return
        self._set_loading(True)
        self._runner.run(work, done, failed)

    def _append(self, page: list[reports.TxnRow]) -> None:
        self._more = len(page) == self._page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _start_count(self) -> None:
        generation = self._generation
        self.total_rows = self.total_paise = None
        engine, flt = self._store.engine, self._filter

        def work() -> tuple[int, int]:
            return reports.count_rows(engine, flt)

        def done(result: tuple[int, int]) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return  # the filter changed while counting
            self.total_rows, self.total_paise = result
            self.totals_changed.emit(*result)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("could not count transactions: %s", exc)
            self.load_failed.emit(
                self.tr("Could not count the transactions: {error}").format(
                    error=i18n.render(exc)
                )
            )

        if self._runner is None:
            done(work())
        else:
            self._runner.run(work, done, failed)
