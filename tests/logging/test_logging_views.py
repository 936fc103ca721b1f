"""The support log view and the error dialog: redacted, bounded, copyable."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from pos_app.ui import error_dialog, theme
from pos_app.ui.error_dialog import ErrorDialog, format_details, install_excepthook
from pos_app.ui.log_view import LogView, QtLogHandler

TOKEN = "tkn_9f8e7d6c5b4a"
PHONE = "9876543210"


@pytest.fixture(autouse=True)
def _themed(qapp) -> None:
    theme.apply_theme(qapp)


@pytest.fixture
def handler():
    handler = QtLogHandler(capacity=5)
    logger = logging.getLogger("tests.logview")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def logger(handler) -> logging.Logger:
    return logging.getLogger("tests.logview")


def _shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    out = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    assert widget.grab().save(str(path))
    return path


# -- the handler -----------------------------------------------------------------


def test_records_are_redacted_before_anyone_sees_them(handler, logger, qtbot):
    with qtbot.waitSignal(handler.relay.record_emitted) as emitted:
        logger.warning("debit with %s for %s", f"direct_wallet_token={TOKEN}", PHONE)

    level, text = emitted.args
    assert level == logging.WARNING
    assert TOKEN not in text and PHONE not in text
    assert "******3210" in text
    assert handler.lines()[-1].text == text


def test_the_buffer_is_bounded(handler, logger):
    for number in range(8):
        logger.info("line %d", number)

    texts = [line.text for line in handler.lines()]
    assert len(texts) == 5
    assert texts[0].endswith("line 3") and texts[-1].endswith("line 7")


def test_records_from_a_worker_thread_arrive_on_the_gui_thread(handler, logger, qtbot):
    seen: list[bool] = []
    handler.relay.record_emitted.connect(
        lambda *_: seen.append(threading.current_thread() is threading.main_thread())
    )

    worker = threading.Thread(target=lambda: logger.error("from a worker"))
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: seen == [True])


# -- the view --------------------------------------------------------------------


def test_the_view_shows_history_then_follows_and_filters(
    handler, logger, qtbot, tmp_path
):
    logger.debug("step one")
    logger.info("sale started")
    view = LogView(handler)
    qtbot.addWidget(view)
    view.show()

    assert "sale started" in view.text() and "step one" not in view.text()

    logger.warning("gateway slow, api_key=%s", "live_key_123")
    qtbot.waitUntil(lambda: "gateway slow" in view.text())
    assert "live_key_123" not in view.text()

    view.set_level(logging.WARNING)
    assert "sale started" not in view.text() and "gateway slow" in view.text()
    logger.info("not shown")
    logger.error("shown")
    qtbot.waitUntil(lambda: "shown" in view.text())
    assert "not shown" not in view.text()

    view.set_level(logging.DEBUG)
    assert "step one" in view.text()
    _shot(view, "log-view.png", tmp_path)


def test_copy_puts_the_lines_shown_on_the_clipboard(handler, logger, qtbot):
    logger.info("customer %s linked", PHONE)
    view = LogView(handler)
    qtbot.addWidget(view)

    copied = view.copy_to_clipboard()

    assert "customer ******3210 linked" in copied
    assert QGuiApplication.clipboard().text() == copied
    assert PHONE not in copied


def test_the_text_box_is_bounded_too(handler, qtbot):
    view = LogView(handler)
    qtbot.addWidget(view)
    for number in range(20):
        view.on_handler_record_emitted(logging.INFO, f"line {number}")

    assert view.text().splitlines()[0] == "line 15"


# -- the error dialog ------------------------------------------------------------------


def _boom() -> None:
    raise ValueError(f"unexpected reply for api_key=live_key_123 and {PHONE}")


def _exc_info():
    try:
        _boom()
    except ValueError:
        return sys.exc_info()
    raise AssertionError("no exception")


def test_details_have_the_traceback_redacted():
    details = format_details(*_exc_info())

    assert "Traceback" in details and "_boom" in details and "ValueError" in details
    assert "pos_app" in details.splitlines()[0]
    assert "live_key_123" not in details and PHONE not in details


def test_the_dialog_is_short_first_and_copies_its_details(qtbot, tmp_path):
    dialog = ErrorDialog(format_details(*_exc_info()))
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.details_shown()
    dialog.findChild(type(dialog._toggle), "errorToggle").click()
    assert dialog.details_shown()
    dialog.findChild(type(dialog._copy), "errorCopy").click()
    assert QGuiApplication.clipboard().text() == dialog.details
    assert "live_key_123" not in QGuiApplication.clipboard().text()
    _shot(dialog, "error-dialog.png", tmp_path)


def test_the_excepthook_logs_and_opens_one_dialog(qtbot, caplog):
    window = QWidget()
    qtbot.addWidget(window)
    uninstall = install_excepthook(lambda: window)
    try:
        with caplog.at_level(logging.ERROR, logger="pos_app.ui.error_dialog"):
            sys.excepthook(*_exc_info())
            sys.excepthook(*_exc_info())  # a second one while the first is open
        qtbot.waitUntil(lambda: len(error_dialog.open_error_dialogs()) == 1)
        dialog = error_dialog.open_error_dialogs()[0]
        assert dialog.parent() is window
        assert "ValueError" in dialog.details
        assert [r.message for r in caplog.records] == ["unexpected error"] * 2

        dialog.reject()
        qtbot.waitUntil(lambda: error_dialog.open_error_dialogs() == [])
    finally:
        uninstall()
    assert sys.excepthook is sys.__excepthook__ or sys.excepthook is not None


def test_the_excepthook_catches_worker_threads_too(qtbot):
    uninstall = install_excepthook(lambda: None)
    try:
        worker = threading.Thread(target=_boom)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(error_dialog.open_error_dialogs()) == 1)
        dialog = error_dialog.open_error_dialogs()[0]
        assert "Thread-" in dialog.details or "Thread:" in dialog.details
        dialog.reject()
        qtbot.waitUntil(lambda: error_dialog.open_error_dialogs() == [])
    finally:
        uninstall()


def test_uninstall_puts_the_previous_hooks_back(qtbot):
    before = (sys.excepthook, threading.excepthook)

    install_excepthook(lambda: None)()

    assert (sys.excepthook, threading.excepthook) == before
