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
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.manager import style

__all__ = ["PinDialog"]

log = logging.getLogger(__name__)


class _Mode(enum.Enum):
    VERIFY = "verify"
    CREATE = "create"
    CONFIRM = "confirm"


_PROMPTS = {
    _Mode.VERIFY: (
        QT_TRANSLATE_NOOP("PinDialog", "Manager PIN"),
        QT_TRANSLATE_NOOP(
            "PinDialog", "Enter the manager PIN to open the manager area."
        ),
    ),
    _Mode.CREATE: (
        QT_TRANSLATE_NOOP("PinDialog", "Create a manager PIN"),
        QT_TRANSLATE_NOOP(
            "PinDialog",
            "No manager PIN is set on this terminal yet. Choose 4 to 8 digits.",
        ),
    ),
    _Mode.CONFIRM: (
        QT_TRANSLATE_NOOP("PinDialog", "Confirm the new PIN"),
        QT_TRANSLATE_NOOP("PinDialog", "Type the same PIN again."),
    ),
}
_OK_TEXT = {
    _Mode.VERIFY: QT_TRANSLATE_NOOP("PinDialog", "Unlock"),
    _Mode.CREATE: QT_TRANSLATE_NOOP("PinDialog", "Next"),
    _Mode.CONFIRM: QT_TRANSLATE_NOOP("PinDialog", "Save PIN"),
}


class PinDialog(Retranslating, QDialog):
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
        self._message_source: tuple[str, dict[str, object]] = ("", {})
        self._tick = QTimer(self)
        self._tick.setInterval(1000)

        self.setModal(True)
        self.setObjectName("managerPinDialog")
        self.setStyleSheet(style.MANAGER_QSS)
        self.setMinimumWidth(360)
        self._setup_ui()

        self._tick.timeout.connect(self.on_tick_timeout)
        self._show_mode()
        self._show_lock()
        self.retranslate()

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
            button = QPushButton(key)
            button.setProperty("role", "key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.on_digit_clicked(k))
            pad.addWidget(button, position // 3, position % 3)
            self._keys.append(button)
        layout.addLayout(pad)

        buttons = QHBoxLayout()
        self._cancel = QPushButton()
        self._cancel.clicked.connect(self.reject)
        self._ok = QPushButton()
        self._ok.setProperty("role", "primary")
        self._ok.setDefault(True)
        self._ok.clicked.connect(self.on_ok_clicked)
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)
        buttons.addWidget(self._ok)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager area"))
        title, prompt = _PROMPTS[self._mode]
        self._title.setText(i18n.t("PinDialog", title))
        self._prompt.setText(i18n.t("PinDialog", prompt))
        self._ok.setText(i18n.t("PinDialog", _OK_TEXT[self._mode]))
        self._ok.setAccessibleName(self._ok.text())
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setAccessibleName(self.tr("Cancel"))
        self._field.setAccessibleName(self.tr("Manager PIN, 4 to 8 digits"))
        for key, button in zip("123456789C0<", self._keys, strict=True):
            if key == "C":
                button.setText(self.tr("Clear"))
                button.setAccessibleName(self.tr("Clear the PIN"))
            elif key == "<":
                button.setText("⌫")
                button.setAccessibleName(self.tr("Delete the last digit"))
            else:
                button.setAccessibleName(key)
        self._message.setText(self._message_text())

    def _show_mode(self) -> None:
        self.retranslate()
        self._field.clear()
        self._field.setFocus()

    def _say(self, source: str, **fields: object) -> None:
        """Show a message (English ``source``, marked with QT_TRANSLATE_NOOP).

        The English goes to the log; the screen says it in the current language,
        again after a language change.
        """
        self._message_source = (source, fields)
        if source:
            log.info("manager PIN dialog: %s", source.format(**fields))
        self._message.setText(self._message_text())

    def _message_text(self) -> str:
        source, fields = self._message_source
        return i18n.t("PinDialog", source).format(**fields) if source else ""

    def _show_lock(self) -> None:
        left = self._guard.locked_for() if self._mode is _Mode.VERIFY else 0.0
        locked = left > 0
        for widget in (*self._keys, self._ok, self._field):
            widget.setEnabled(not locked)
        if locked:
            self._say(
                QT_TRANSLATE_NOOP(
                    "PinDialog", "Too many wrong PINs. Try again in {seconds} s."
                ),
                seconds=int(left + 0.999),
            )
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
                self._say(
                    QT_TRANSLATE_NOOP("PinDialog", "A manager PIN has 4 to 8 digits.")
                )
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
                self._say(
                    QT_TRANSLATE_NOOP(
                        "PinDialog",
                        "The two PINs were different. Choose the PIN again.",
                    )
                )
                return
            self._busy(lambda: settings.set_manager_pin(self._store, pin))
            log.info("manager PIN created")
            self.accept()
        else:
            self._verify(pin)

    def _verify(self, pin: str) -> None:
        if not pin:
            self._say(QT_TRANSLATE_NOOP("PinDialog", "Enter the PIN."))
            return
        result: list[settings.PinCheck] = []
        self._busy(lambda: result.append(self._guard.attempt(pin)))
        check = result[0]
        self._field.clear()
        if check.outcome is settings.PinOutcome.OK:
            log.info("manager area unlocked")
            self.accept()
        elif check.outcome is settings.PinOutcome.WRONG:
            self._say(
                QT_TRANSLATE_NOOP(
                    "PinDialog", "Wrong PIN. 1 try left before a lockout."
                )
                if check.tries_left == 1
                else QT_TRANSLATE_NOOP(
                    "PinDialog", "Wrong PIN. {count} tries left before a lockout."
                ),
                count=check.tries_left,
            )
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
