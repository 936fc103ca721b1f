"""The dialog for a bug: a short apology, and details (redacted) to copy for support.

This is for unexpected exceptions only. A network outage or a declined payment is
"the world", and the screens say so in their own words; an exception that reaches
:func:`install_excepthook` is "our bug" (STYLE.md section 8).

The details are the traceback, the app version and the platform, passed through
:func:`pos_app.logs.redact`, so a key, token or mobile number in an exception message
never reaches the clipboard. The exception is also logged (with its traceback) at
error level.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app import logs
from pos_app.domain.text import Text
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

__all__ = ["ErrorDialog", "format_details", "install_excepthook"]

log = logging.getLogger(__name__)

SUMMARY = QT_TRANSLATE_NOOP(
    "ErrorDialog",
    "Something went wrong inside pos_app. You can carry on; if it happens again, "
    "copy the details and send them to support.",
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("pos-app")
    except metadata.PackageNotFoundError:
        return "unknown"


def format_details(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> str:
    """Return the text support needs: versions, platform, traceback (redacted)."""
    header = [
        f"pos_app {_version()}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Thread: {threading.current_thread().name}",
        "",
    ]
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return logs.redact("\n".join(header) + trace)


class ErrorDialog(Retranslating, QDialog):
    """A short message, a details box (hidden at first) and a copy button.

    ``summary`` is English marked with ``QT_TRANSLATE_NOOP("ErrorDialog", ...)`` (or
    Text), said in the current language; the details stay English for support.
    """

    def __init__(
        self,
        details: str,
        parent: QWidget | None = None,
        *,
        summary: str = SUMMARY,
    ) -> None:
        super().__init__(parent)
        self._details = logs.redact(details)
        self._summary_source = summary
        self._copied = False
        self.setObjectName("errorDialog")
        self.setMinimumWidth(560)
        self._setup_ui()
        self.retranslate()

    def __repr__(self) -> str:
        return f"<ErrorDialog details={len(self._details)} chars>"

    def _setup_ui(self) -> None:
        self._summary = QLabel()
        self._summary.setObjectName("errorSummary")
        self._summary.setWordWrap(True)

        self._details_box = QPlainTextEdit(self._details)
        self._details_box.setObjectName("errorDetails")
        self._details_box.setReadOnly(True)
        self._details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._details_box.setMinimumHeight(220)
        self._details_box.setVisible(False)

        self._toggle = QPushButton()
        self._toggle.setObjectName("errorToggle")
        self._toggle.setCheckable(True)
        self._copy = QPushButton()
        self._copy.setObjectName("errorCopy")
        # Our own Close button: a standard one would take Qt's (English) text back.
        self._close = QPushButton()
        self._close.setObjectName("errorClose")
        buttons = QDialogButtonBox()
        buttons.addButton(self._close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self._toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self._copy, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self._details_box, 1)
        layout.addWidget(buttons)

        self._toggle.toggled.connect(self.on_toggle_toggled)
        self._copy.clicked.connect(self.on_copy_clicked)
        buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("pos_app — Unexpected error"))
        source = self._summary_source
        self._summary.setText(
            i18n.render(source)
            if isinstance(source, Text)
            else i18n.t("ErrorDialog", source)
        )
        shown = self._details_box.isVisibleTo(self)
        self._toggle.setText(
            self.tr("Hide details") if shown else self.tr("Show details")
        )
        self._copy.setText(
            self.tr("Copied") if self._copied else self.tr("Copy details")
        )
        self._close.setText(self.tr("Close"))
        self._toggle.setAccessibleName(self._toggle.text())
        self._copy.setAccessibleName(self.tr("Copy the details for support"))
        self._close.setAccessibleName(self.tr("Close"))
        self._details_box.setAccessibleName(self.tr("Details for support"))

    @property
    def details(self) -> str:
        return self._details

    def details_shown(self) -> bool:
        return self._details_box.isVisible()

    def copy_details(self) -> str:
        QGuiApplication.clipboard().setText(self._details)
        return self._details

    @Slot(bool)
    def on_toggle_toggled(self, shown: bool) -> None:
        self._details_box.setVisible(shown)
        self.retranslate()
        self.adjustSize()

    @Slot()
    def on_copy_clicked(self) -> None:
        self.copy_details()
        self._copied = True
        self.retranslate()


class _Reporter(QObject):
    """Lives on the GUI thread; any thread emits, the dialog opens on the GUI thread."""

    report_requested = Signal(str)

    def __init__(self, parent_getter: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self.open_dialogs: list[ErrorDialog] = []
        self.report_requested.connect(
            self.on_report_requested, Qt.ConnectionType.QueuedConnection
        )

    @Slot(str)
    def on_report_requested(self, details: str) -> None:
        if self.open_dialogs:
            return  # one bug at a time on screen; the rest are in the log
        try:
            parent = self._parent_getter()
        except Exception:
            parent = None
        dialog = ErrorDialog(details, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self.open_dialogs.remove(dialog))
        dialog.open()


_reporter: _Reporter | None = None


def install_excepthook(
    parent_getter: Callable[[], QWidget | None],
) -> Callable[[], None]:
    """Route uncaught exceptions (main and worker threads) to the log and the dialog.

    Call it on the GUI thread once a QApplication exists. ``parent_getter`` returns
    the window to centre the dialog on (it may return None). Ctrl-C still ends the
    app. Returns a function that puts the previous hooks back.
    """
    global _reporter
    if QApplication.instance() is None:
        raise RuntimeError("install_excepthook needs a QApplication")
    reporter = _Reporter(parent_getter)
    _reporter = reporter
    previous_sys, previous_threading = sys.excepthook, threading.excepthook

    def report(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        reporter.report_requested.emit(format_details(exc_type, exc, tb))

    def report_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            previous_threading(args)
            return
        report(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = report
    threading.excepthook = report_thread

    def uninstall() -> None:
        global _reporter
        sys.excepthook, threading.excepthook = previous_sys, previous_threading
        if _reporter is reporter:
            _reporter = None

    return uninstall


def open_error_dialogs() -> list[ErrorDialog]:
    """Return the error dialogs the installed hook has on screen (for tests)."""
    return list(_reporter.open_dialogs) if _reporter is not None else []
