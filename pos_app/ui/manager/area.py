"""The manager area window and its one entry point, :func:`open_manager_area`.

The area is never shown without the manager PIN: :func:`open_manager_area` runs the
:class:`PinDialog` first (or asks to create the first PIN) and returns ``None`` when
it is cancelled. Re-check, refund and reprint are done by whoever opens the area:
pass callables in :class:`ManagerActions`; an action without one says "not
available in this build".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QStandardPaths, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app import report as report_mod
from pos_app.domain.text import Text
from pos_app.store import reports
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.manager import eod_report, style
from pos_app.ui.manager.analytics_view import AnalyticsView
from pos_app.ui.manager.day_view import DayView
from pos_app.ui.manager.pin_dialog import PinDialog
from pos_app.ui.tasks import TaskRunner

__all__ = ["NOT_AVAILABLE", "ManagerActions", "ManagerArea", "open_manager_area"]

log = logging.getLogger(__name__)

NOT_AVAILABLE = QT_TRANSLATE_NOOP(
    "ManagerArea", "{action} is not available in this build."
)
_RECHECK = QT_TRANSLATE_NOOP("ManagerArea", "Re-check status")
_REPRINT = QT_TRANSLATE_NOOP("ManagerArea", "Reprint receipt")
_REFUND = QT_TRANSLATE_NOOP("ManagerArea", "Refund")

Action = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ManagerActions:
    """What the area's buttons do, each called with the order id on the GUI thread.

    The callable must return at once (start a worker and report back), and should
    announce its outcome itself; call :meth:`ManagerArea.refresh` when data changed.
    """

    recheck: Action | None = None
    refund: Action | None = None
    reprint: Action | None = None


class ManagerArea(Retranslating, QDialog):
    """Day review: transactions with details, analytics, CSV and end-of-day PDF.

    Create it through :func:`open_manager_area`, which checks the PIN first.
    """

    def __init__(
        self,
        store: Store,
        *,
        actions: ManagerActions | None = None,
        runner: TaskRunner | None = None,
        zone: tzinfo | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._actions = actions or ManagerActions()
        self._own_runner = runner is None
        self._runner = runner or TaskRunner()
        self._zone = zone or reports.local_zone()
        self._day = day or datetime.now(self._zone).date()
        self.last_export: Path | None = None
        self._message: tuple[str, dict[str, object]] = ("", {})

        self.setObjectName("managerArea")
        self.setStyleSheet(style.MANAGER_QSS)
        self.resize(1280, 800)
        self._setup_ui()
        self.retranslate()

        self.day_view.table.setFocus()  # not the date box: typing there changes the day
        d = self.day_view.detail
        d.recheck_requested.connect(self.on_detail_recheck_requested)
        d.refund_requested.connect(self.on_detail_refund_requested)
        d.reprint_requested.connect(self.on_detail_reprint_requested)

    def __repr__(self) -> str:
        return f"<ManagerArea day={self._day.isoformat()}>"

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)

        bar = QHBoxLayout()
        self._title = QLabel()
        self._title.setProperty("role", "title")
        bar.addWidget(self._title)
        bar.addSpacing(16)
        self.date_edit = QDateEdit(
            QDate(self._day.year, self._day.month, self._day.day)
        )
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd dd MMM yyyy")
        bar.addWidget(self.date_edit)
        self.today = QPushButton()
        bar.addWidget(self.today)
        bar.addStretch(1)
        self.message = QLabel("")
        self.message.setProperty("role", "muted")
        bar.addWidget(self.message)
        self.export_csv = QPushButton()
        self.export_pdf = QPushButton()
        self.export_pdf.setProperty("role", "primary")
        self.lock = QPushButton()
        for button in (self.export_csv, self.export_pdf, self.lock):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.tabs = QTabWidget()
        self.day_view = DayView(self._store, self._runner, self._zone, self._day)
        self.analytics = AnalyticsView(self._store, self._runner, self._zone, self._day)
        self.tabs.addTab(self.day_view, "")
        self.tabs.addTab(self.analytics, "")
        layout.addWidget(self.tabs, 1)

        self.date_edit.dateChanged.connect(self.on_date_edit_date_changed)
        self.today.clicked.connect(self.on_today_clicked)
        self.export_csv.clicked.connect(self.on_export_csv_clicked)
        self.export_pdf.clicked.connect(self.on_export_pdf_clicked)
        self.lock.clicked.connect(self.close)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager area — day review"))
        self._title.setText(self.tr("Manager · Day review"))
        self.date_edit.setAccessibleName(self.tr("Day to review"))
        self.today.setText(self.tr("Today"))
        self.today.setAccessibleName(self.tr("Show today"))
        self.export_csv.setText(self.tr("Export CSV"))
        self.export_csv.setAccessibleName(self.tr("Export the rows shown as CSV"))
        self.export_pdf.setText(self.tr("End-of-day PDF"))
        self.export_pdf.setAccessibleName(self.tr("Save the end-of-day PDF report"))
        self.lock.setText(self.tr("Lock"))
        self.lock.setAccessibleName(self.tr("Lock the manager area"))
        self.tabs.setTabText(0, self.tr("Transactions"))
        self.tabs.setTabText(1, self.tr("Analytics"))
        self.tabs.setAccessibleName(self.tr("Manager views"))
        self.tabs.tabBar().setAccessibleName(self.tr("Manager views"))
        self.message.setText(self._message_text())

    # -- public ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything (after a re-check or refund changed the data)."""
        self.day_view.refresh()
        self.analytics.set_day(self._day)

    def set_day(self, day: date) -> None:
        self._day = day
        self.day_view.set_day(day)
        self.analytics.set_day(day)

    def say(self, text: str, **fields: object) -> None:
        """Show a message in the top bar, in the current language.

        ``text`` is an English source marked with ``QT_TRANSLATE_NOOP("ManagerArea",
        ...)``, a message from below the UI (Text, shown with i18n.render), or plain
        text; ``fields`` fill its ``{names}`` (an exception is rendered too). The log
        gets the English.
        """
        self._message = (text, fields)
        english = {k: str(v) for k, v in fields.items()}
        log.info("manager area: %s", text.format(**english) if fields else text)
        self.message.setText(self._message_text())

    def _message_text(self) -> str:
        text, fields = self._message
        if isinstance(text, Text):
            return i18n.render(text)
        shown = i18n.t("ManagerArea", text) if text else ""
        if fields:
            shown = shown.format(**{k: i18n.render(v) for k, v in fields.items()})
        return shown

    def report(self, message: str) -> None:
        """Show the outcome of a re-check, refund or reprint (Text or plain text)."""
        self.say(message)

    def export_csv_to(self, path: Path) -> None:
        """Write the rows shown (current filters and order) to ``path`` on a worker."""
        model = self.day_view.model
        engine, flt, (sort, direction) = (
            self._store.engine,
            model.filter,
            model.sort_order,
        )
        zone = self._zone

        def work() -> int:
            with path.open("w", encoding="utf-8", newline="") as handle:
                rows = reports.iter_rows(engine, flt, sort, direction)
                return report_mod.write_csv(rows, handle, zone)

        def done(count: int) -> None:
            if not shiboken6.isValid(self):
                return
            self.last_export = path
            self.say(
                QT_TRANSLATE_NOOP("ManagerArea", "Exported {count} rows to {name}")
                if count != 1
                else QT_TRANSLATE_NOOP("ManagerArea", "Exported 1 row to {name}"),
                count=f"{count:,}",
                name=path.name,
            )

        self.say(QT_TRANSLATE_NOOP("ManagerArea", "Exporting…"))
        self._runner.run(work, done, self._on_export_failed)

    def export_pdf_to(self, path: Path) -> None:
        """Read the day's figures on a worker, then print the PDF to ``path``."""
        engine, day, zone = self._store.engine, self._day, self._zone

        def done(data: eod_report.EndOfDay) -> None:
            if not shiboken6.isValid(self):
                return
            try:
                eod_report.write_pdf(eod_report.render_html(data, zone), path)
            except OSError as exc:
                self._on_export_failed(exc)
                return
            self.last_export = path
            self.say(
                QT_TRANSLATE_NOOP(
                    "ManagerArea", "Saved the end-of-day report to {name}"
                ),
                name=path.name,
            )

        self.say(QT_TRANSLATE_NOOP("ManagerArea", "Preparing the end-of-day report…"))
        self._runner.run(
            lambda: eod_report.gather(engine, day, zone), done, self._on_export_failed
        )

    # -- slots -------------------------------------------------------------------------

    def _on_export_failed(self, exc: BaseException) -> None:
        log.error("export failed: %s", exc)
        if shiboken6.isValid(self):
            self.say(
                QT_TRANSLATE_NOOP("ManagerArea", "Could not export: {error}"), error=exc
            )

    def _ask_path(self, suffix: str, title: str, kind: str) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"pos-{self._day.isoformat()}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / name), f"{kind} (*.{suffix})"
        )
        return Path(chosen) if chosen else None

    @Slot()
    def on_export_csv_clicked(self) -> None:
        path = self._ask_path("csv", self.tr("Save CSV file"), self.tr("CSV file"))
        if path is not None:
            self.export_csv_to(path)

    @Slot()
    def on_export_pdf_clicked(self) -> None:
        path = self._ask_path("pdf", self.tr("Save PDF report"), self.tr("PDF report"))
        if path is not None:
            self.export_pdf_to(path)

    @Slot(QDate)
    def on_date_edit_date_changed(self, value: QDate) -> None:
        day = value.toPython()
        assert isinstance(day, date)
        self.set_day(day)

    @Slot()
    def on_today_clicked(self) -> None:
        today = datetime.now(self._zone).date()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))

    def _run_action(self, action: Action | None, name: str, order_id: str) -> None:
        if action is None:
            self.day_view.detail.say(
                lambda: i18n.t("ManagerArea", NOT_AVAILABLE).format(
                    action=i18n.t("ManagerArea", name)
                )
            )
            log.info("%s of %s asked; not available in this build", name, order_id)
            return
        action(order_id)

    @Slot(str)
    def on_detail_recheck_requested(self, order_id: str) -> None:
        self._run_action(self._actions.recheck, _RECHECK, order_id)

    @Slot(str)
    def on_detail_reprint_requested(self, order_id: str) -> None:
        self._run_action(self._actions.reprint, _REPRINT, order_id)

    def confirm_refund(self, order_id: str) -> bool:
        """Ask before a refund, with the buttons in the screen's language."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Refund"))
        box.setText(
            self.tr("Refund the payment of order {order}?").format(order=order_id)
        )
        refund = box.addButton(self.tr("Refund"), QMessageBox.ButtonRole.YesRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        refund.setAccessibleName(self.tr("Refund the payment"))
        cancel.setAccessibleName(self.tr("Cancel"))
        box.setDefaultButton(cancel)
        box.exec()
        chosen = box.clickedButton() is refund
        box.deleteLater()
        return chosen

    @Slot(str)
    def on_detail_refund_requested(self, order_id: str) -> None:
        if self._actions.refund is not None and not self.confirm_refund(order_id):
            return
        self._run_action(self._actions.refund, _REFUND, order_id)

    def done(self, result: int) -> None:
        if self._own_runner:
            self._runner.shutdown(wait=False)
        super().done(result)


def open_manager_area(
    parent: QWidget | None,
    store: Store,
    *,
    actions: ManagerActions | None = None,
    runner: TaskRunner | None = None,
    zone: tzinfo | None = None,
    day: date | None = None,
) -> ManagerArea | None:
    """Ask for the manager PIN, then show the manager area (non-modal) and return it.

    Returns ``None`` when the PIN dialog is cancelled. With no PIN stored yet the
    dialog first asks the manager to create one.
    """
    pin = PinDialog(store, parent=parent)
    accepted = pin.exec() == QDialog.DialogCode.Accepted
    pin.deleteLater()  # a parented dialog would otherwise live as long as the window
    if not accepted:
        log.info("manager area: PIN dialog cancelled")
        return None
    area = ManagerArea(
        store, actions=actions, runner=runner, zone=zone, day=day, parent=parent
    )
    area.show()
    return area
