"""The mobile number step: an on-screen keypad, a clear reason when it is wrong.

The number is checked with :meth:`pos_app.domain.phone.Phone.parse` (its messages
are shown as they are). While it is typed the customer sees it in full, grouped
"98765 43210"; once it is accepted the digits are dropped from the screen and only
the masked number appears afterwards.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from pos_app.domain import phone as phone_mod
from pos_app.ui.kiosk import keypad, widgets

__all__ = ["PhoneScreen"]

log = logging.getLogger(__name__)

MAX_DIGITS = 12  # room for 91 or 0 in front; Phone.parse decides
PLACEHOLDER = "_____ _____"


def _grouped(digits: str) -> str:
    if len(digits) <= 5:
        return digits
    if len(digits) <= 10:
        return f"{digits[:5]} {digits[5:]}"
    return f"{digits[:-10]} {digits[-10:-5]} {digits[-5:]}"


class PhoneScreen(QWidget):
    """Type the mobile number on the keypad; Continue checks it.

    Signals:
        phone_entered(object): a valid :class:`Phone`; the window looks it up.
        back_requested(): back to the basket.
    """

    phone_entered = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phonePage")
        self._digits = ""

        title = widgets.text("Your mobile number", "title", name="phoneTitle")
        why = widgets.text(
            "The number your Amazon account uses. We use it only to find your "
            "Amazon Pay and show just its last 4 digits.",
            "body",
            name="phoneWhy",
        )
        self._display = widgets.text(
            PLACEHOLDER, "phone-display", name="phoneDisplay", center=True, wrap=False
        )
        self._display.setAccessibleName("Mobile number typed so far")
        self._error = widgets.text("", "error", name="phoneError")
        self._error.setMinimumHeight(34)
        self._busy_label = widgets.text(
            "Finding your Amazon Pay account…", "body", name="phoneBusyLabel"
        )
        self._busy_bar = QProgressBar()
        self._busy_bar.setObjectName("phoneBusyBar")
        self._busy_bar.setAccessibleName("Finding your account")
        self._busy_bar.setRange(0, 0)
        self._busy_bar.setTextVisible(False)
        self._busy_label.hide()
        self._busy_bar.hide()

        self._keys = keypad.Keypad("phone")
        self._continue = widgets.button(
            "Continue  →", "phoneContinueButton", "Continue with this number", "primary"
        )
        self._back = widgets.button(
            "←  Back to basket", "phoneBackButton", "Back to basket", "quiet"
        )

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(title)
        left.addWidget(why)
        left.addSpacing(10)
        left.addWidget(self._display)
        left.addWidget(self._error)
        left.addWidget(self._busy_label)
        left.addWidget(self._busy_bar)
        left.addStretch(1)
        left.addWidget(self._back, 0, Qt.AlignmentFlag.AlignLeft)

        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._keys)
        right.addWidget(self._continue)
        right.addStretch(1)
        right_box = QWidget()
        right_box.setObjectName("phoneKeypadBox")
        right_box.setLayout(right)
        right_box.setMaximumWidth(560)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 28)
        layout.setSpacing(48)
        layout.addLayout(left, 1)
        layout.addWidget(right_box, 1)

        self._keys.key_pressed.connect(self.on_keys_key_pressed)
        self._continue.clicked.connect(self.on_continue_clicked)
        self._back.clicked.connect(self.on_back_clicked)
        self._show()

    def __repr__(self) -> str:
        return f"<PhoneScreen digits={len(self._digits)} busy={self.busy}>"

    # -- API --------------------------------------------------------------------

    @property
    def digits_typed(self) -> int:
        return len(self._digits)

    @property
    def display_text(self) -> str:
        return self._display.text()

    @property
    def error(self) -> str:
        return self._error.text()

    @property
    def busy(self) -> bool:
        return not self._busy_bar.isHidden()

    def enter(self, text: str) -> None:
        """Type on the keypad: digits, ``C`` (clear) or ``<`` (delete)."""
        for key in text:
            self.on_keys_key_pressed(key)

    def submit(self) -> phone_mod.Phone | None:
        """Check the number as Continue does; emit ``phone_entered`` when valid."""
        if self.busy:
            return None
        if not self._digits:
            self.show_error("Type your mobile number first.")
            return None
        try:
            phone = phone_mod.Phone.parse(self._digits)
        except phone_mod.InvalidPhone as exc:
            self.show_error(f"{exc}.")
            return None
        self._digits = ""  # from here on only the masked number is shown
        self._show()
        self._display.setText(phone.masked)
        self.set_busy(True)
        log.info("kiosk: mobile number entered %s", phone.masked)
        self.phone_entered.emit(phone)
        return phone

    def show_error(self, message: str) -> None:
        log.info("kiosk mobile number: %s", message)
        self.set_busy(False)
        self._error.setText(message)
        widgets.restyle(self._display, invalid=True)

    def set_busy(self, busy: bool) -> None:
        self._busy_label.setVisible(busy)
        self._busy_bar.setVisible(busy)
        self._keys.set_keys_enabled(not busy)
        self._continue.setEnabled(not busy)

    def clear(self) -> None:
        """Forget the number (a new customer, or back to change it)."""
        self._digits = ""
        self.set_busy(False)
        self._error.setText("")
        self._show()

    # -- drawing ----------------------------------------------------------------

    def _show(self) -> None:
        self._display.setText(_grouped(self._digits) if self._digits else PLACEHOLDER)
        self._display.setAccessibleDescription(f"{len(self._digits)} digits typed")
        widgets.restyle(self._display, invalid=False, empty=not self._digits)

    # -- Qt overrides -----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit():
            self.on_keys_key_pressed(event.text())
        elif event.key() == Qt.Key.Key_Backspace:
            self.on_keys_key_pressed(keypad.BACKSPACE)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)

    # -- slots ------------------------------------------------------------------

    @Slot(str)
    def on_keys_key_pressed(self, key: str) -> None:
        if self.busy:
            return
        if key == keypad.CLEAR:
            self._digits = ""
        elif key == keypad.BACKSPACE:
            self._digits = self._digits[:-1]
        elif key.isdigit() and len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._error.setText("")
        self._show()

    @Slot()
    def on_continue_clicked(self) -> None:
        self.submit()

    @Slot()
    def on_back_clicked(self) -> None:
        self.clear()
        self.back_requested.emit()
