"""The manager PIN dialog: a numeric keypad, first-run PIN creation and a lockout.

With no PIN stored the dialog asks to create one (4 to 8 digits, typed twice); there
is no default PIN. Otherwise it checks the PIN through :class:`PinGuard`: five wrong
tries in a row lock it for 60 seconds (the lock is kept in the database, so closing
the dialog does not lift it). The check is one scrypt hash and two tiny queries,
about 60 ms, so it runs on the GUI thread behind a wait cursor.
"""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.store import settings
from pos_app.ui.manager import style

__all__ = ["PinDialog"]

log = logging.getLogger(__name__)


class _Mode(enum.Enum):
    VERIFY = "verify"
    CREATE = "create"
    CONFIRM = "confirm"


_PROMPTS = {
    _Mode.VERIFY: ("Manager PIN", "Enter the manager PIN to open the manager area."),
    _Mode.CREATE: (
        "Create a manager PIN",
        "No manager PIN is set on this terminal yet. Choose 4 to 8 digits.",
    ),
    _Mode.CONFIRM: ("Confirm the new PIN", "Type the same PIN again."),
}


class PinDialog(QDialog):
    """Ask for the manager PIN (or create the first one); accepted when it is right."""

    def __init__(
        self,
        store: settings.StoreOrEngine,
        *,
        guard: settings.PinGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._guard = guard or settings.PinGuard(store)
        self._mode = _Mode.VERIFY if settings.has_manager_pin(store) else _Mode.CREATE
        self._first_entry = ""
        self._tick = QTimer(self)
        self._tick.setInterval(1000)

        self.setWindowTitle("Manager area")
        self.setModal(True)
        self.setObjectName("managerPinDialog")
        self.setStyleSheet(style.MANAGER_QSS)
        self.setMinimumWidth(360)
        self._setup_ui()

        self._tick.timeout.connect(self.on_tick_timeout)
        self._show_mode()
        self._show_lock()

    def __repr__(self) -> str:
        return f"<PinDialog mode={self._mode.value}>"

    @property
    def mode(self) -> str:
        return self._mode.value

    @property
    def message(self) -> str:
        return self._message.text()

    def enter(self, digits: str) -> None:
        """Type digits as if pressed on the keypad."""
        for digit in digits:
            self.on_digit_clicked(digit)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)

        self._title = QLabel()
        self._title.setProperty("role", "title")
        layout.addWidget(self._title)

        self._prompt = QLabel()
        self._prompt.setWordWrap(True)
        self._prompt.setProperty("role", "muted")
        layout.addWidget(self._prompt)

        self._field = QLineEdit()
        self._field.setObjectName("pinField")
        self._field.setEchoMode(QLineEdit.EchoMode.Password)
        self._field.setMaxLength(8)
        self._field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._field.setValidator(QRegularExpressionValidator(r"\d{0,8}", self._field))
        layout.addWidget(self._field)

        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setProperty("role", "error")
        self._message.setMinimumHeight(36)
        layout.addWidget(self._message)

        pad = QGridLayout()
        pad.setSpacing(8)
        self._keys: list[QPushButton] = []
        for position, key in enumerate("123456789C0<"):
            text = {"C": "Clear", "<": "⌫"}.get(key, key)
            button = QPushButton(text)
            button.setProperty("role", "key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.on_digit_clicked(k))
            pad.addWidget(button, position // 3, position % 3)
            self._keys.append(button)
        layout.addLayout(pad)

        buttons = QHBoxLayout()
        self._cancel = QPushButton("Cancel")
        self._cancel.clicked.connect(self.reject)
        self._ok = QPushButton("Unlock")
        self._ok.setProperty("role", "primary")
        self._ok.setDefault(True)
        self._ok.clicked.connect(self.on_ok_clicked)
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self._ok)
        layout.addLayout(buttons)

    def _show_mode(self) -> None:
        title, prompt = _PROMPTS[self._mode]
        self._title.setText(title)
        self._prompt.setText(prompt)
        self._ok.setText(
            {_Mode.VERIFY: "Unlock", _Mode.CREATE: "Next", _Mode.CONFIRM: "Save PIN"}[
                self._mode
            ]
        )
        self._field.clear()
        self._field.setFocus()

    def _say(self, text: str) -> None:
        if text:
            log.info("manager PIN dialog: %s", text)
        self._message.setText(text)

    def _show_lock(self) -> None:
        left = self._guard.locked_for() if self._mode is _Mode.VERIFY else 0.0
        locked = left > 0
        for widget in (*self._keys, self._ok, self._field):
            widget.setEnabled(not locked)
        if locked:
            self._say(f"Too many wrong PINs. Try again in {int(left + 0.999)} s.")
            if not self._tick.isActive():
                self._tick.start()
        elif self._tick.isActive():
            self._tick.stop()
            self._say("")

    @Slot(str)
    def on_digit_clicked(self, key: str) -> None:
        text = self._field.text()
        if key == "C":
            self._field.clear()
        elif key == "<":
            self._field.setText(text[:-1])
        elif key.isdigit() and len(text) < 8:
            self._field.setText(text + key)

    @Slot()
    def on_tick_timeout(self) -> None:
        self._show_lock()

    @Slot()
    def on_ok_clicked(self) -> None:
        pin = self._field.text()
        if self._mode is _Mode.CREATE:
            if not settings.is_valid_pin(pin):
                self._say("A manager PIN has 4 to 8 digits.")
                return
            self._first_entry = pin
            self._mode = _Mode.CONFIRM
            self._say("")
            self._show_mode()
        elif self._mode is _Mode.CONFIRM:
            if pin != self._first_entry:
                self._first_entry = ""
                self._mode = _Mode.CREATE
                self._show_mode()
                self._say("The two PINs were different. Choose the PIN again.")
                return
            self._busy(lambda: settings.set_manager_pin(self._store, pin))
            log.info("manager PIN created")
            self.accept()
        else:
            self._verify(pin)

    def _verify(self, pin: str) -> None:
        if not pin:
            self._say("Enter the PIN.")
            return
        result: list[settings.PinCheck] = []
        self._busy(lambda: result.append(self._guard.attempt(pin)))
        check = result[0]
        self._field.clear()
        if check.outcome is settings.PinOutcome.OK:
            log.info("manager area unlocked")
            self.accept()
        elif check.outcome is settings.PinOutcome.WRONG:
            tries = "try" if check.tries_left == 1 else "tries"
            self._say(f"Wrong PIN. {check.tries_left} {tries} left before a lockout.")
        else:
            self._show_lock()

    def _busy(self, work: object) -> None:
        assert callable(work)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit():
            self.on_digit_clicked(event.text())
            return
        super().keyPressEvent(event)
