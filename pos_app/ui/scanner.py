"""Barcode scanners at the counter: they type the code's digits fast, then Enter.

:class:`BarcodeListener` watches the keys of one window. A burst of at least
``min_length`` digits, each within ``max_gap_ms`` of the last and ended by Enter, is a
scan: it is swallowed and reported by ``scanned(str)``. Anything slower is a person
typing and passes through untouched, so the cashier can still type a mobile number
or an amount. While a text field has focus, the digits of a scan reach the field
as they arrive (a scanner cannot be told apart before the burst ends), so a scan is
taken only when no text field has focus.

Signals:
    scanned(str): the digits of a completed scan.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QTextEdit,
    QWidget,
)

__all__ = ["BarcodeListener"]

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class BarcodeListener(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        min_length: int = 8,
        max_gap_ms: int = 60,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._min_length = min_length
        self._max_gap_ms = max_gap_ms
        self._digits = ""
        self._clock = QElapsedTimer()
        # On the window only, never the application: keys a focused child does not
        # use (buttons ignore digits and Enter) travel up to the window and arrive
        # here. An application-wide filter also sees every event of Qt WebEngine's
        # objects, and crashed the interpreter with a page open.
        window.installEventFilter(self)

    def __repr__(self) -> str:
        return f"<BarcodeListener pending={len(self._digits)}>"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QTextEdit | QAbstractSpinBox):
            self._digits = ""
            return False
        return self._on_key(event)

    def _on_key(self, event: QKeyEvent) -> bool:
        fast = self._clock.isValid() and self._clock.elapsed() <= self._max_gap_ms
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._digits = self._digits + text if fast or not self._digits else text
            self._clock.restart()
            return False  # digits alone change nothing outside a text field
        if event.key() in _ENTER and fast and len(self._digits) >= self._min_length:
            code, self._digits = self._digits, ""
            event.accept()  # not a Pay or other Enter shortcut
            self.scanned.emit(code)
            return True
        self._digits = ""
        return False
