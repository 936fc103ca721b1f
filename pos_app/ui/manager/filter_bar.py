"""The day view's filters: status, flow, route, cashier, terminal and a search box.

Signals:
    filters_changed(): any filter changed (the search only after typing pauses).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from pos_app.domain.states import Flow
from pos_app.store import reports
from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.manager import labels

__all__ = ["FilterBar"]

_ANY = ""


class FilterBar(Retranslating, QWidget):
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        layout.addWidget(self.search, 2)

        # The item texts are set (in the current language) by retranslate.
        self.status = self._combo([(v, "") for v, _ in labels.STATUS_FILTERS])
        self.flow = self._combo([(_ANY, ""), *((f.value, "") for f in Flow)])
        self.route = self._combo([(_ANY, "")])
        self.cashier = self._combo([(_ANY, "")])
        self.terminal = self._combo([(_ANY, "")])
        for combo in (self.status, self.flow, self.route, self.cashier, self.terminal):
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.on_combo_changed)

        self._clear = QPushButton()
        self._clear.clicked.connect(self.on_clear_clicked)
        layout.addWidget(self._clear)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.filters_changed)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search order id or last phone digits"))
        self.search.setAccessibleName(self.tr("Search transactions"))
        for index, (_value, text) in enumerate(labels.STATUS_FILTERS):
            self.status.setItemText(index, i18n.render(text))
        self.flow.setItemText(0, self.tr("All flows"))
        for index, flow in enumerate(Flow, start=1):
            self.flow.setItemText(index, i18n.render(labels.flow_label(flow)))
        self.route.setItemText(0, self.tr("All routes"))
        self.cashier.setItemText(0, self.tr("All cashiers"))
        self.terminal.setItemText(0, self.tr("All terminals"))
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.flow.setAccessibleName(self.tr("Filter by payment flow"))
        self.route.setAccessibleName(self.tr("Filter by gateway route"))
        self.cashier.setAccessibleName(self.tr("Filter by cashier"))
        self.terminal.setAccessibleName(self.tr("Filter by terminal"))
        self._clear.setText(self.tr("Clear"))
        self._clear.setAccessibleName(self.tr("Clear the filters"))

    def __repr__(self) -> str:
        return f"<FilterBar search={self.search.text()!r}>"

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Offer the day's cashiers, terminals and routes (keeping the selection)."""
        for name, combo in (
            ("route", self.route),
            ("cashier", self.cashier),
            ("terminal", self.terminal),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in choices.get(name, []):
                combo.addItem(value, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def select(self, name: str, value: str) -> None:
        """Choose ``value`` in the named combo (adding it if it is not offered)."""
        combo: QComboBox = getattr(self, name)
        index = combo.findData(value)
        if index < 0:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def apply(self, flt: reports.TxnFilter) -> reports.TxnFilter:
        """Return ``flt`` narrowed by what is chosen here."""
        flow = self.flow.currentData() or None
        return flt.with_changes(
            status=self.status.currentData() or None,
            flow=Flow(flow) if flow else None,
            route=self.route.currentData() or None,
            cashier=self.cashier.currentData() or None,
            terminal=self.terminal.currentData() or None,
            search=self.search.text().strip(),
        )

    def flush(self) -> None:
        """Apply a pending search now instead of after the typing pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.filters_changed.emit()

    @Slot(int)
    def on_combo_changed(self, _index: int) -> None:
        self.filters_changed.emit()

    @Slot(str)
    def on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def on_clear_clicked(self) -> None:
        for combo in (self.status, self.flow, self.route, self.cashier, self.terminal):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters_changed.emit()
