"""One sale in full: facts, attempts, the event timeline and the manager's actions.

The pane only asks; it never re-checks, refunds or prints itself. Its buttons emit
``recheck_requested``, ``refund_requested`` and ``reprint_requested`` with the order
id, and the manager area decides what happens (see :class:`ManagerActions`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Money
from pos_app.domain.states import SaleStatus
from pos_app.store.models import Attempt, Event, Sale
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.manager import labels
from pos_app.ui.theme import set_style

__all__ = ["DetailPane"]

log = logging.getLogger(__name__)


def _detail_text(event: Event) -> str:
    """The event's detail as "key: value" pairs, amounts in rupees."""
    try:
        data = json.loads(event.detail or "{}")
    except ValueError:
        return event.detail
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        if key.endswith("_paise") and isinstance(value, int):
            parts.append(f"{key.removesuffix('_paise')}: {Money(value).format()}")
        else:
            parts.append(f"{key}: {value}")
    return ", ".join(parts)


#: The facts under the title, in English (keys) and said through "DetailPane".
FACTS = (
    QT_TRANSLATE_NOOP("DetailPane", "Time"),
    QT_TRANSLATE_NOOP("DetailPane", "Cashier"),
    QT_TRANSLATE_NOOP("DetailPane", "Terminal"),
    QT_TRANSLATE_NOOP("DetailPane", "Phone"),
    QT_TRANSLATE_NOOP("DetailPane", "Gateway status"),
    QT_TRANSLATE_NOOP("DetailPane", "Txn id"),
)
ATTEMPT_COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("DetailPane", "Flow"),
    QT_TRANSLATE_NOOP("DetailPane", "Route"),
    QT_TRANSLATE_NOOP("DetailPane", "Status"),
    QT_TRANSLATE_NOOP("DetailPane", "Gateway"),
    QT_TRANSLATE_NOOP("DetailPane", "Error"),
)
TIMELINE_COLUMNS = (
    QT_TRANSLATE_NOOP("DetailPane", "Time"),
    QT_TRANSLATE_NOOP("DetailPane", "Event"),
    QT_TRANSLATE_NOOP("DetailPane", "From → to"),
    QT_TRANSLATE_NOOP("DetailPane", "Detail"),
)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return table


class DetailPane(Retranslating, QFrame):
    """Show one sale; ask for actions on it.

    Signals:
        recheck_requested(str): order id whose gateway status should be read again.
        refund_requested(str): order id a manager wants to refund.
        reprint_requested(str): order id whose receipt should be printed again.
    """

    recheck_requested = Signal(str)
    refund_requested = Signal(str)
    reprint_requested = Signal(str)

    def __init__(
        self, store: Store, zone: tzinfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._zone = zone
        self._order_id = ""
        self._shown: tuple[Sale, list[Attempt], list[Event]] | None = None
        self._notice_text: Callable[[], str] = str
        self.setProperty("role", "panel")
        self._setup_ui()
        self.clear()
        self.retranslate()

    def __repr__(self) -> str:
        return f"<DetailPane order_id={self._order_id!r}>"

    @property
    def order_id(self) -> str:
        return self._order_id

    @property
    def timeline(self) -> QTableWidget:
        return self._timeline

    @property
    def attempts(self) -> QTableWidget:
        return self._attempts

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)

        head = QHBoxLayout()
        self._title = QLabel()
        self._title.setProperty("role", "title")
        self._pill = QLabel()
        self._pill.setProperty("role", "pill")
        self._amount = QLabel()
        self._amount.setProperty("role", "title")
        head.addWidget(self._title)
        head.addWidget(self._pill)
        head.addStretch(1)
        head.addWidget(self._amount)
        layout.addLayout(head)

        self._facts = QGridLayout()
        self._facts.setHorizontalSpacing(16)
        self._facts.setVerticalSpacing(4)
        self._fact_values: dict[str, QLabel] = {}
        self._fact_captions: dict[str, QLabel] = {}
        for i, name in enumerate(FACTS):
            caption = QLabel()
            caption.setProperty("role", "muted")
            self._fact_captions[name] = caption
            value = QLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._facts.addWidget(caption, i // 3 * 2, i % 3)
            self._facts.addWidget(value, i // 3 * 2 + 1, i % 3)
            self._fact_values[name] = value
        layout.addLayout(self._facts)

        self._attempts_title = self._section()
        layout.addWidget(self._attempts_title)
        self._attempts = _table(len(ATTEMPT_COLUMNS))
        self._attempts.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self._attempts.setMaximumHeight(120)
        layout.addWidget(self._attempts)

        self._timeline_title = self._section()
        layout.addWidget(self._timeline_title)
        self._timeline = _table(len(TIMELINE_COLUMNS))
        # A long detail can be scrolled to (and read whole in its tooltip).
        self._timeline.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._timeline.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self._timeline, 1)

        self._notice = QLabel()
        self._notice.setProperty("role", "notice")
        self._notice.setWordWrap(True)
        self._notice.hide()
        layout.addWidget(self._notice)

        actions = QHBoxLayout()
        self._recheck = QPushButton()
        self._reprint = QPushButton()
        self._refund = QPushButton()
        self._refund.setProperty("role", "danger")
        actions.addWidget(self._recheck)
        actions.addWidget(self._reprint)
        actions.addStretch(1)
        actions.addWidget(self._refund)
        layout.addLayout(actions)

        self._recheck.clicked.connect(self.on_recheck_clicked)
        self._reprint.clicked.connect(self.on_reprint_clicked)
        self._refund.clicked.connect(self.on_refund_clicked)

        self._empty = QLabel()
        self._empty.setProperty("role", "muted")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        layout.addWidget(self._empty)

    def _section(self) -> QLabel:
        label = QLabel()
        label.setProperty("role", "section")
        return label

    def retranslate(self) -> None:
        for name, caption in self._fact_captions.items():
            caption.setText(i18n.t("DetailPane", name))
            self._fact_values[name].setAccessibleName(caption.text())
        self._attempts_title.setText(self.tr("Payment attempts"))
        self._timeline_title.setText(self.tr("Timeline"))
        self._attempts.setHorizontalHeaderLabels(
            [i18n.t("DetailPane", c) for c in ATTEMPT_COLUMNS]
        )
        self._timeline.setHorizontalHeaderLabels(
            [i18n.t("DetailPane", c) for c in TIMELINE_COLUMNS]
        )
        self._attempts.setAccessibleName(self.tr("Payment attempts"))
        self._timeline.setAccessibleName(self.tr("Timeline"))
        self._recheck.setText(self.tr("Re-check status"))
        self._reprint.setText(self.tr("Reprint receipt"))
        self._refund.setText(self.tr("Refund…"))
        self._recheck.setAccessibleName(self.tr("Re-check the payment status"))
        self._reprint.setAccessibleName(self.tr("Reprint the receipt"))
        self._refund.setAccessibleName(self.tr("Refund the payment"))
        self._empty.setText(
            self.tr("Select a transaction to see its attempts and timeline.")
        )
        if self._shown is None:
            self._title.setText(self.tr("No transaction selected"))
        else:
            self._fill(*self._shown, keep_notice=True)
        self._notice.setText(self._notice_text())

    def say(self, text: str | Callable[[], str]) -> None:
        """Show a short notice under the timeline (empty hides it).

        ``text`` may be a function that returns it: it is called again when the
        language changes.
        """
        self._notice_text = text if callable(text) else (lambda: text)
        shown = self._notice_text()
        self._notice.setText(shown)
        self._notice.setVisible(bool(shown))

    @property
    def notice(self) -> str:
        return self._notice.text() if self._notice.isVisibleTo(self) else ""

    def clear(self) -> None:
        self._order_id = ""
        self._shown = None
        self._title.setText(self.tr("No transaction selected"))
        self._pill.hide()
        self._amount.setText("")
        for value in self._fact_values.values():
            value.setText("—")
        self._attempts.setRowCount(0)
        self._timeline.setRowCount(0)
        for button in (self._recheck, self._reprint, self._refund):
            button.setEnabled(False)
        self.say("")
        self._empty.show()

    def show_sale(self, sale_id: int) -> bool:
        """Load and show a sale (three indexed lookups); ``False`` if it is gone."""
        sale = self._store.get_sale(sale_id)
        if sale is None:
            self.clear()
            return False
        attempts = self._store.attempts_for(sale_id)
        events = self._store.events_for(sale_id)
        self._fill(sale, attempts, events)
        return True

    def _fill(
        self,
        sale: Sale,
        attempts: list[Attempt],
        events: list[Event],
        *,
        keep_notice: bool = False,
    ) -> None:
        last = attempts[-1] if attempts else None
        self._order_id = sale.order_id
        self._shown = (sale, attempts, events)
        self._empty.hide()
        if not keep_notice:
            self.say("")
        self._title.setText(sale.order_id)
        status = last.status if last else None
        self._pill.setText(i18n.render(labels.status_label(sale.status, status)))
        set_style(self._pill, tone=labels.status_tone(sale.status, status))
        self._pill.show()
        self._amount.setText(Money(sale.total_paise).format())
        # Never let a narrow pane squeeze the amount away.
        self._amount.setMinimumWidth(self._amount.sizeHint().width())

        local = sale.created_at.astimezone(self._zone)
        facts = {
            "Time": local.strftime("%d %b %Y %H:%M:%S"),
            "Cashier": sale.cashier,
            "Terminal": sale.terminal_id,
            "Phone": labels.masked_phone(sale.phone_last4),
            "Gateway status": (last.gateway_status if last else None) or "—",
            "Txn id": (last.txn_id if last else None) or "—",
        }
        for name, text in facts.items():
            self._fact_values[name].setText(text)

        self._attempts.setRowCount(len(attempts))
        for row, attempt in enumerate(attempts):
            error = " ".join(
                x for x in (attempt.error_code, attempt.error_message) if x
            )
            cells = [
                str(attempt.seq),
                i18n.render(labels.flow_label(attempt.flow)),
                attempt.route,
                attempt.status.value,
                attempt.gateway_status or "—",
                error or "—",
            ]
            for column, text in enumerate(cells):
                self._attempts.setItem(row, column, QTableWidgetItem(text))

        self._timeline.setRowCount(len(events))
        for row, event in enumerate(events):
            moves = ""
            if event.from_status or event.to_status:
                moves = f"{event.from_status or '·'} → {event.to_status or '·'}"
            cells = [
                event.at.astimezone(self._zone).strftime("%H:%M:%S"),
                event.kind.replace("_", " "),
                moves,
                _detail_text(event),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self._timeline.setItem(row, column, item)

        paid = sale.status is SaleStatus.PAID
        self._recheck.setEnabled(last is not None)
        self._reprint.setEnabled(paid)
        self._refund.setEnabled(paid)

    @Slot()
    def on_recheck_clicked(self) -> None:
        if self._order_id:
            self.recheck_requested.emit(self._order_id)

    @Slot()
    def on_reprint_clicked(self) -> None:
        if self._order_id:
            self.reprint_requested.emit(self._order_id)

    @Slot()
    def on_refund_clicked(self) -> None:
        if self._order_id:
            self.refund_requested.emit(self._order_id)
