"""The support log view: recent log records, redacted, filtered by level, copyable.

:class:`QtLogHandler` is a ``logging.Handler`` that keeps the last records in a
bounded buffer and re-emits each one as a Qt signal (the idea of dangerzone's
``gui/log_window.py``). Every record passes :class:`pos_app.logs.RedactingFilter`
before it is formatted, so the view shows what the log file shows and nothing more.
Records may come from any thread; the signal is queued onto the GUI thread.

Install the handler once at start-up (:func:`install_log_handler`), so the view shows
what happened before it was opened.
"""

from __future__ import annotations

import collections
import logging
import threading
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app import logs
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

__all__ = ["LEVELS", "LogLine", "LogView", "QtLogHandler", "install_log_handler"]

log = logging.getLogger(__name__)

DEFAULT_CAPACITY = 2000
#: The level filter's choices, lowest first (English; shown through "LogView").
LEVELS: tuple[tuple[str, int], ...] = (
    (QT_TRANSLATE_NOOP("LogView", "Debug"), logging.DEBUG),
    (QT_TRANSLATE_NOOP("LogView", "Info"), logging.INFO),
    (QT_TRANSLATE_NOOP("LogView", "Warnings"), logging.WARNING),
    (QT_TRANSLATE_NOOP("LogView", "Errors"), logging.ERROR),
)
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class LogLine(NamedTuple):
    levelno: int
    text: str


class _Relay(QObject):
    record_emitted = Signal(int, str)  # level number, formatted (redacted) text


class QtLogHandler(logging.Handler):
    """Keep the last ``capacity`` records and announce each one as a Qt signal.

    Signals (on :attr:`relay`):
        record_emitted(int, str): the level number and the formatted, redacted line.

    Create it on the GUI thread (its relay object lives there).
    """

    def __init__(
        self, capacity: int = DEFAULT_CAPACITY, level: int = logging.NOTSET
    ) -> None:
        super().__init__(level)
        self.relay = _Relay()
        self._lines: collections.deque[LogLine] = collections.deque(maxlen=capacity)
        self._lines_lock = threading.Lock()
        self.addFilter(logs.RedactingFilter())
        self.setFormatter(logging.Formatter(_FORMAT))

    def __repr__(self) -> str:
        return f"<QtLogHandler lines={len(self._lines)}/{self._lines.maxlen}>"

    @property
    def capacity(self) -> int:
        return self._lines.maxlen or 0

    def lines(self) -> list[LogLine]:
        """Return a copy of the buffered lines, oldest first."""
        with self._lines_lock:
            return list(self._lines)

    def clear(self) -> None:
        with self._lines_lock:
            self._lines.clear()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            # Filters ran in handle(); format again through redact in case a
            # formatter adds text of its own (the traceback is already clean).
            text = logs.redact(self.format(record))
            with self._lines_lock:
                self._lines.append(LogLine(record.levelno, text))
            self.relay.record_emitted.emit(record.levelno, text)
        except RuntimeError:
            pass  # the relay was deleted at shutdown: nowhere left to show it
        except Exception:
            self.handleError(record)


_installed: QtLogHandler | None = None


def install_log_handler(capacity: int = DEFAULT_CAPACITY) -> QtLogHandler:
    """Attach one :class:`QtLogHandler` to the root logger (once) and return it."""
    global _installed
    if _installed is None:
        _installed = QtLogHandler(capacity)
        logging.getLogger().addHandler(_installed)
    return _installed


class LogView(Retranslating, QWidget):
    """Recent log lines for support staff, with a level filter and a copy button.

    It shows the handler's buffer on opening, then follows new records; the text box
    holds at most the handler's capacity of lines. The window speaks the screen's
    language; the log lines stay English (support reads them).
    """

    def __init__(
        self,
        handler: QtLogHandler,
        parent: QWidget | None = None,
        *,
        level: int = logging.INFO,
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._level = level
        self.setObjectName("logView")
        self.resize(900, 520)
        self._setup_ui()
        self.retranslate()
        self._reload()
        handler.relay.record_emitted.connect(self.on_handler_record_emitted)

    def __repr__(self) -> str:
        return f"<LogView level={logging.getLevelName(self._level)}>"

    def _setup_ui(self) -> None:
        self._level_box = QComboBox()
        self._level_box.setObjectName("logLevel")
        for label, number in LEVELS:
            self._level_box.addItem(label, number)
        self._level_box.setCurrentIndex(
            next((i for i, (_, n) in enumerate(LEVELS) if n >= self._level), 1)
        )

        self._copy = QPushButton()
        self._copy.setObjectName("logCopy")
        self._clear = QPushButton()
        self._clear.setObjectName("logClear")
        self._count = QLabel()
        self._count.setObjectName("logCount")

        self._text = QPlainTextEdit()
        self._text.setObjectName("logText")
        self._text.setReadOnly(True)
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text.setMaximumBlockCount(self._handler.capacity)

        bar = QHBoxLayout()
        self._show_label = QLabel()
        self._show_label.setBuddy(self._level_box)
        bar.addWidget(self._show_label)
        bar.addWidget(self._level_box)
        bar.addWidget(self._count, 1)
        bar.addWidget(self._clear)
        bar.addWidget(self._copy)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._text, 1)

        self._level_box.currentIndexChanged.connect(
            self.on_level_box_current_index_changed
        )
        self._copy.clicked.connect(self.on_copy_clicked)
        self._clear.clicked.connect(self.on_clear_clicked)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("pos_app — Support log"))
        self._show_label.setText(self.tr("Show"))
        self._level_box.setAccessibleName(self.tr("Show messages from level"))
        for index, (label, _number) in enumerate(LEVELS):
            self._level_box.setItemText(index, i18n.t("LogView", label))
        self._copy.setText(self.tr("Copy"))
        self._copy.setToolTip(self.tr("Copy the lines shown to the clipboard"))
        self._copy.setAccessibleName(self.tr("Copy the lines shown"))
        self._clear.setText(self.tr("Clear"))
        self._clear.setAccessibleName(self.tr("Clear the log lines"))
        self._text.setAccessibleName(self.tr("Log messages"))
        self._update_count()

    # -- driver API (tests) ------------------------------------------------------

    @property
    def level(self) -> int:
        return self._level

    def set_level(self, level: int) -> None:
        index = self._level_box.findData(level)
        if index < 0:
            raise ValueError(f"no level filter {level}")
        self._level_box.setCurrentIndex(index)

    def text(self) -> str:
        return self._text.toPlainText()

    def copy_to_clipboard(self) -> str:
        """Put the lines shown on the clipboard and return them."""
        text = self.text()
        QGuiApplication.clipboard().setText(text)
        return text

    # -- slots -------------------------------------------------------------------

    def _reload(self) -> None:
        shown = [
            line.text for line in self._handler.lines() if line.levelno >= self._level
        ]
        self._text.setPlainText("\n".join(shown))
        self._text.moveCursor(QTextCursor.MoveOperation.End)
        self._update_count()

    def _update_count(self) -> None:
        count = self._text.blockCount() if self._text.toPlainText() else 0
        text = self.tr("1 line") if count == 1 else self.tr("{count} lines")
        self._count.setText(text.format(count=f"{count:,}"))

    @Slot(int, str)
    def on_handler_record_emitted(self, levelno: int, text: str) -> None:
        if levelno < self._level:
            return
        self._text.appendPlainText(text)
        self._update_count()

    @Slot(int)
    def on_level_box_current_index_changed(self, index: int) -> None:
        self._level = int(self._level_box.itemData(index))
        self._reload()

    @Slot()
    def on_copy_clicked(self) -> None:
        self.copy_to_clipboard()
        log.info("support log copied to the clipboard")

    @Slot()
    def on_clear_clicked(self) -> None:
        self._handler.clear()
        self._reload()
