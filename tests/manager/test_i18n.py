"""The manager screens in Hindi: live switch, header titles, fit at 1280x800, a11y.

PNGs of every screen in both languages go to ``SCREENSHOT_DIR`` (default: the
test's tmp_path) to look at.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_app.store import settings
from pos_app.store.repository import Store
from pos_app.ui import i18n
from pos_app.ui.error_dialog import ErrorDialog
from pos_app.ui.log_view import LogView, QtLogHandler
from pos_app.ui.manager import ManagerArea, PinDialog
from pos_app.ui.manager.analytics_view import AnalyticsView
from pos_app.ui.manager.transactions_model import Column, TransactionsModel
from pos_app.ui.tasks import TaskRunner

from .conftest import DAY, IST, Day

Speak = Callable[[str], str]


def _devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


@pytest.fixture(autouse=True)
def _fonts(qapp: object) -> None:
    i18n.register_fonts()  # as the app does: the shipped Devanagari font


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(30)


def _area(qtbot: QtBot, store: Store, runner: TaskRunner) -> ManagerArea:
    area = ManagerArea(store, runner=runner, zone=IST, day=DAY)
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.day_view.tiles.tile("sales").value != "…")
    qtbot.waitUntil(lambda: area.analytics.summary is not None)
    qtbot.waitUntil(lambda: area.day_view.model.total_rows is not None)
    qtbot.waitUntil(lambda: "·" in area.day_view.footer.text())
    return area


def _select(qtbot: QtBot, area: ManagerArea, order_id: str) -> None:
    model = area.day_view.model
    row = next(i for i, r in enumerate(model.loaded_rows()) if r.order_id == order_id)
    area.day_view.select_row(row)
    qtbot.waitUntil(lambda: area.day_view.detail.order_id == order_id)


def _too_narrow(root: QWidget) -> list[str]:
    """Non-wrapping labels and buttons narrower than their text needs."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue
        if not isinstance(w, (QLabel, QAbstractButton)):
            continue
        if isinstance(w, QAbstractButton) and not w.text():
            continue
        if w.width() < w.sizeHint().width():
            found.append(
                f"{w.objectName() or type(w).__name__} {w.text()!r}: "
                f"{w.width()} < {w.sizeHint().width()}"
            )
    return found


def _focusable_without_a_name(root: QWidget) -> list[str]:
    """Widgets a keyboard reaches whose accessible name is missing or not Hindi."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not w.isEnabled():
            continue
        parent = w.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a date box or a combo: the box has the name
        if w.isWindow():
            continue  # a window is named by its title
        name = w.accessibleName()
        if not name or not _devanagari(name):
            found.append(
                f"{type(w).__name__} {w.objectName()!r} in {type(parent).__name__}: "
                f"{name!r}"
            )
    return found


def _day_columns_fit(area: ManagerArea) -> list[str]:
    """Time, order id, amount, status and tries are never cut, nor any title.

    A cell is cut ("…") below its text plus theme.qss's 10 px padding a side.
    """
    table = area.day_view.table
    model = area.day_view.model
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    header_metrics = header.fontMetrics()
    cut = []
    for column in Column:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.sectionSize(column) < header_metrics.horizontalAdvance(title) + 12:
            cut.append(f"title {title!r}")
    from pos_app.domain.ids import new_order_id

    real_id = new_order_id("T01")  # the fixtures' ids are shorter than real ones
    if header.sectionSize(Column.ORDER_ID) < metrics.horizontalAdvance(real_id) + 20:
        cut.append(f"ORDER_ID {real_id!r}")
    whole = (Column.TIME, Column.ORDER_ID, Column.AMOUNT, Column.STATUS)
    for column in (*whole, Column.ATTEMPTS):
        width = header.sectionSize(column)
        for row in range(model.rowCount()):
            text = model.index(row, column).data()
            if width < metrics.horizontalAdvance(text) + 20:
                cut.append(f"{column.name} {text!r}")
    return cut


# -- live switch -------------------------------------------------------------------


def test_the_manager_area_switches_language_live(
    qtbot: QtBot, day: Day, runner: TaskRunner, assert_retranslates
) -> None:
    def build() -> ManagerArea:
        area = _area(qtbot, day.store, runner)
        _select(qtbot, area, day.orders["s2"])
        return area

    assert_retranslates(build)


def test_the_analytics_tab_switches_language_live(
    qtbot: QtBot, day: Day, runner: TaskRunner, assert_retranslates
) -> None:
    def build() -> AnalyticsView:
        view = AnalyticsView(day.store, runner, IST, DAY)
        qtbot.addWidget(view)
        view.resize(1240, 700)
        view.show()
        qtbot.waitUntil(lambda: view.summary is not None)
        return view

    assert_retranslates(build)


def test_the_chart_title_follows_the_language(
    qtbot: QtBot, day: Day, runner: TaskRunner, speak: Speak
) -> None:
    view = AnalyticsView(day.store, runner, IST, DAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.summary is not None)
    assert view.chart.title == "Paid value by hour (₹)"

    speak("hi")
    _settle(qtbot)

    assert _devanagari(view.chart.title) and "(₹)" in view.chart.title
    assert view.chart.bars  # same bars, new words


@pytest.mark.parametrize("state", ["create", "verify", "wrong", "locked"])
def test_the_pin_dialog_switches_language_live(
    qtbot: QtBot, store: Store, assert_retranslates, state: str
) -> None:
    if state != "create":
        settings.set_manager_pin(store, "7351")

    def build() -> PinDialog:
        # Each dialog starts from no wrong tries (the count is kept in the database).
        settings.set_setting(store, "manager_pin.failures", "0")
        settings.set_setting(store, "manager_pin.locked_until", "0")
        dialog = PinDialog(store, guard=settings.PinGuard(store, clock=lambda: 1e6))
        qtbot.addWidget(dialog)
        dialog.show()
        for _ in range({"wrong": 1, "locked": 5}.get(state, 0)):
            dialog.enter("1111")
            dialog.on_ok_clicked()
        return dialog

    assert_retranslates(build)


def test_pin_messages_in_hindi_and_english_in_the_log(
    qtbot: QtBot, store: Store, speak: Speak, caplog: pytest.LogCaptureFixture
) -> None:
    settings.set_manager_pin(store, "7351")
    speak("hi")
    dialog = PinDialog(store)
    qtbot.addWidget(dialog)

    with caplog.at_level(logging.INFO, logger="pos_app.ui.manager.pin_dialog"):
        dialog.enter("1111")
        dialog.on_ok_clicked()

    assert _devanagari(dialog.message) and "4" in dialog.message
    assert "Wrong PIN. 4 tries left before a lockout." in caplog.text
    speak("en")
    _settle(qtbot)
    assert dialog.message == "Wrong PIN. 4 tries left before a lockout."


def test_the_log_view_switches_language_live(qtbot: QtBot, assert_retranslates) -> None:
    handler = QtLogHandler(capacity=50)
    handler.handle(
        logging.LogRecord(
            "pos_app.test", logging.INFO, __file__, 1, "sale started", None, None
        )
    )

    def build() -> LogView:
        view = LogView(handler)
        qtbot.addWidget(view)
        view.show()
        return view

    assert_retranslates(build)


def test_log_lines_stay_english(qtbot: QtBot, speak: Speak) -> None:
    handler = QtLogHandler(capacity=50)
    handler.handle(
        logging.LogRecord(
            "pos_app.test", logging.INFO, __file__, 1, "sale started", None, None
        )
    )
    speak("hi")
    view = LogView(handler)
    qtbot.addWidget(view)

    assert view.text().endswith("sale started")
    assert _devanagari(view.windowTitle())


def test_the_error_dialog_switches_language_live(
    qtbot: QtBot, assert_retranslates
) -> None:
    def build() -> ErrorDialog:
        dialog = ErrorDialog("Traceback (most recent call last):\nValueError: boom")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.on_toggle_toggled(True)
        return dialog

    assert_retranslates(build)


# -- the table's titles -------------------------------------------------------------


def test_header_titles_follow_the_language(
    qtbot: QtBot, day: Day, speak: Speak
) -> None:
    from pos_app.store import reports

    owner = QWidget()  # a widget passes LanguageChange on to its children
    qtbot.addWidget(owner)
    model = TransactionsModel(
        day.store,
        reports.TxnFilter.for_day(DAY, IST),
        zone=IST,
        runner=None,
        parent=owner,
    )
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(Column.AMOUNT, horizontal) == "Amount"
    status = model.index(0, Column.STATUS).data()

    with qtbot.waitSignal(model.headerDataChanged) as changed:
        speak("hi")
    assert changed.args == [horizontal, 0, len(Column) - 1]

    titles = [model.headerData(c, horizontal) for c in Column]
    assert all(_devanagari(t) for t in titles)
    assert titles[Column.AMOUNT] == "राशि" or _devanagari(titles[Column.AMOUNT])
    assert _devanagari(model.index(0, Column.STATUS).data())
    assert model.index(0, Column.AMOUNT).data() == "₹145.00"  # amounts stay
    speak("en")
    _settle(qtbot)
    assert model.headerData(Column.AMOUNT, horizontal) == "Amount"
    assert model.index(0, Column.STATUS).data() == status


# -- fit and names at 1280x800 ------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "hi"])
def test_the_day_review_fits_at_1280x800(
    qtbot: QtBot,
    day: Day,
    runner: TaskRunner,
    speak: Speak,
    out: Path,
    language: str,
) -> None:
    speak(language)
    area = _area(qtbot, day.store, runner)
    _select(qtbot, area, day.orders["s2"])
    _settle(qtbot)
    area.grab().save(str(out / f"manager-transactions-{language}.png"))

    assert _too_narrow(area) == []
    assert _day_columns_fit(area) == []
    # The columns a manager reads first are in view without scrolling sideways
    # (the rest scroll; the detail pane shows them for the selected sale).
    table = area.day_view.table
    header = table.horizontalHeader()
    for column in (Column.TIME, Column.ORDER_ID, Column.AMOUNT, Column.STATUS):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= table.viewport().width(), column.name

    area.tabs.setCurrentWidget(area.analytics)
    _settle(qtbot)
    area.grab().save(str(out / f"manager-analytics-{language}.png"))
    assert _too_narrow(area) == []


def test_every_focusable_widget_has_a_hindi_name(
    qtbot: QtBot, day: Day, runner: TaskRunner, speak: Speak
) -> None:
    speak("hi")
    area = _area(qtbot, day.store, runner)
    _select(qtbot, area, day.orders["s1"])
    _settle(qtbot)
    missing = _focusable_without_a_name(area)
    assert missing == [], "\n".join(missing)

    area.tabs.setCurrentWidget(area.analytics)
    _settle(qtbot)
    missing = _focusable_without_a_name(area)
    assert missing == [], "\n".join(missing)

    settings.set_manager_pin(day.store, "7351")
    pin = PinDialog(day.store)
    qtbot.addWidget(pin)
    pin.show()
    assert _focusable_without_a_name(pin) == []

    view = LogView(QtLogHandler(capacity=10))
    qtbot.addWidget(view)
    view.show()
    assert _focusable_without_a_name(view) == []

    error = ErrorDialog("details")
    qtbot.addWidget(error)
    error.show()
    assert _focusable_without_a_name(error) == []


@pytest.mark.parametrize("language", ["en", "hi"])
def test_pin_log_and_error_windows_fit(
    qtbot: QtBot, store: Store, speak: Speak, out: Path, language: str
) -> None:
    speak(language)
    create = PinDialog(store)
    qtbot.addWidget(create)
    create.show()
    _settle(qtbot)
    create.grab().save(str(out / f"manager-pin-create-{language}.png"))
    assert _too_narrow(create) == []

    settings.set_manager_pin(store, "7351")
    locked = PinDialog(store)
    qtbot.addWidget(locked)
    locked.show()
    for _ in range(5):
        locked.enter("1111")
        locked.on_ok_clicked()
    _settle(qtbot)
    locked.grab().save(str(out / f"manager-pin-locked-{language}.png"))
    assert _too_narrow(locked) == []

    view = LogView(QtLogHandler(capacity=10))
    qtbot.addWidget(view)
    view.show()
    _settle(qtbot)
    view.grab().save(str(out / f"support-log-{language}.png"))
    assert _too_narrow(view) == []

    error = ErrorDialog("Traceback (most recent call last):\nValueError: boom")
    qtbot.addWidget(error)
    error.show()
    _settle(qtbot)
    error.grab().save(str(out / f"error-dialog-{language}.png"))
    assert _too_narrow(error) == []


def test_a_refund_is_confirmed_in_the_screen_language(
    qtbot: QtBot, day: Day, runner: TaskRunner, speak: Speak
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    speak("hi")
    area = _area(qtbot, day.store, runner)
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append([b.text() for b in box.buttons()] + [box.text()])
        yes = QMessageBox.ButtonRole.YesRole
        next(b for b in box.buttons() if box.buttonRole(b) == yes).click()

    QTimer.singleShot(0, answer)
    assert area.confirm_refund(day.orders["s1"])
    assert seen and all(_devanagari(t) for t in seen[0])
    assert day.orders["s1"] in seen[0][-1]


def test_action_results_are_rendered(
    qtbot: QtBot, day: Day, runner: TaskRunner, speak: Speak
) -> None:
    from pos_app.domain.text import translate

    area = _area(qtbot, day.store, runner)
    message = translate("ManagerArea", "Exporting…")
    speak("hi")
    area.report(message)
    assert _devanagari(area.message.text())
    speak("en")
    _settle(qtbot)
    assert area.message.text() == "Exporting…"
    area.report("Refund of ₹45.00 requested.")  # a plain message is shown as it is
    assert area.message.text() == "Refund of ₹45.00 requested."


def test_not_available_is_said_in_hindi(
    qtbot: QtBot, day: Day, runner: TaskRunner, speak: Speak
) -> None:
    area = _area(qtbot, day.store, runner)
    _select(qtbot, area, day.orders["s1"])
    area.day_view.detail._recheck.click()
    assert area.day_view.detail.notice == (
        "Re-check status is not available in this build."
    )
    speak("hi")
    _settle(qtbot)
    assert _devanagari(area.day_view.detail.notice)
    assert i18n.current() == "hi"
