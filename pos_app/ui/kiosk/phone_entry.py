"""The mobile number step: an on-screen keypad, a clear reason when it is wrong.

The number is checked with :meth:`pos_app.domain.phone.Phone.parse` (its messages
are said with :func:`pos_app.ui.i18n.render`, in the language on screen). While it
is typed the customer sees it in full, grouped "98765 43210"; once it is accepted
the digits are dropped from the screen and only the masked number appears
afterwards.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from pos_app.domain import phone as phone_mod
from pos_app.domain.text import translate
from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
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


class PhoneScreen(Retranslating, QWidget):
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
        self._masked = ""  # the accepted number, masked, while it is looked up
        self._problem: object = ""  # what is wrong (Text, exception or str)

        self._title = widgets.text("", "title", name="phoneTitle")
        self._why = widgets.text("", "body", name="phoneWhy")
        title, why = self._title, self._why
        self._display = widgets.text(
            PLACEHOLDER, "phone-display", name="phoneDisplay", center=True, wrap=False
        )
        self._error = widgets.text("", "error", name="phoneError")
        self._error.setMinimumHeight(34)
        self._busy_label = widgets.text("", "body", name="phoneBusyLabel")
        self._busy_bar = QProgressBar()
        self._busy_bar.setObjectName("phoneBusyBar")
        self._busy_bar.setRange(0, 0)
        self._busy_bar.setTextVisible(False)
        self._busy_label.hide()
        self._busy_bar.hide()

        self._keys = keypad.Keypad("phone")
        self._continue = widgets.button("", "phoneContinueButton", "", "primary")
        self._back = widgets.button("", "phoneBackButton", "", "quiet")

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
        self.retranslate()

    def __repr__(self) -> str:
        return f"<PhoneScreen digits={len(self._digits)} busy={self.busy}>"

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Enter your mobile number"))
        self._title.setText(self.tr("Your mobile number"))
        self._why.setText(
            self.tr(
                "The number your Amazon account uses. We use it only to find your "
                "Amazon Pay and show just its last 4 digits."
            )
        )
        self._display.setAccessibleName(self.tr("Mobile number typed so far"))
        self._busy_label.setText(self.tr("Finding your Amazon Pay account…"))
        self._busy_bar.setAccessibleName(self.tr("Finding your account"))
        self._continue.setText(self.tr("Continue  →"))
        self._continue.setAccessibleName(self.tr("Continue with this number"))
        self._back.setText(self.tr("←  Back to basket"))
        self._back.setAccessibleName(self.tr("Back to basket"))
        self._error.setText(i18n.render(self._problem))
        self._show_spoken()

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
            self.show_error(translate("PhoneScreen", "Type your mobile number first."))
            return None
        try:
            phone = phone_mod.Phone.parse(self._digits)
        except phone_mod.InvalidPhone as exc:
            # Phone.parse says what is wrong without a full stop; the screen adds it.
            self.show_error(translate("PhoneScreen", "{problem}.").format(problem=exc))
            return None
        self._digits = ""  # from here on only the masked number is shown
        self._masked = phone.masked
        self._show()
        self.set_busy(True)
        log.info("kiosk: mobile number entered %s", phone.masked)
        self.phone_entered.emit(phone)
        return phone

    def show_error(self, message: object) -> None:
        """Say what is wrong: a Text, an exception or a plain str (as it is)."""
        log.info("kiosk mobile number: %s", message)
        self.set_busy(False)
        self._set_problem(message)
        widgets.restyle(self._display, invalid=True)

    def _set_problem(self, message: object) -> None:
        self._problem = message or ""
        self._error.setText(i18n.render(self._problem))

    def set_busy(self, busy: bool) -> None:
        self._busy_label.setVisible(busy)
        self._busy_bar.setVisible(busy)
        self._keys.set_keys_enabled(not busy)
        self._continue.setEnabled(not busy)

    def clear(self) -> None:
        """Forget the number (a new customer, or back to change it)."""
        self._digits = ""
        self._masked = ""
        self.set_busy(False)
        self._set_problem("")
        self._show()

    # -- drawing ----------------------------------------------------------------

    def _show(self) -> None:
        if self._masked:
            self._display.setText(self._masked)
        else:
            self._display.setText(
                _grouped(self._digits) if self._digits else PLACEHOLDER
            )
        self._show_spoken()
        widgets.restyle(self._display, invalid=False, empty=not self._digits)

    def _show_spoken(self) -> None:
        count = len(self._digits)
        spoken = (
            self.tr("1 digit typed") if count == 1 else self.tr("{count} digits typed")
        )
        self._display.setAccessibleDescription(spoken.format(count=count))

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
        self._masked = ""
        self._set_problem("")
        self._show()

    @Slot()
    def on_continue_clicked(self) -> None:
        self.submit()

    @Slot()
    def on_back_clicked(self) -> None:
        self.clear()
        self.back_requested.emit()
