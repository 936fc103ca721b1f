"""The staff exit: a PIN keypad over the kiosk; only the manager PIN closes it.

It checks through :class:`pos_app.store.settings.PinGuard` (five wrong PINs lock it
for a minute, kept in the database). Unlike the counter's PIN dialog it never offers
to *create* a PIN: on a kiosk anyone could. With no PIN set the kiosk cannot be
left from the screen, and says so. The check is one scrypt hash and two tiny
queries (~60 ms), so it runs on the GUI thread, as the counter's dialog does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from pos_app.domain.text import translate
from pos_app.store import settings
from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import keypad, overlays, widgets

__all__ = ["StaffExit", "StoreGetter"]

log = logging.getLogger(__name__)

StoreGetter = Callable[[], settings.StoreOrEngine | None]
MAX_DIGITS = 8


class StaffExit(Retranslating, overlays.Overlay):
    """Ask for the manager PIN; emit ``unlocked`` only when it is right.

    Signals:
        unlocked(): the PIN was right; the kiosk may close.
        cancelled(): staff closed the keypad.
    """

    unlocked = Signal()
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        store_getter: StoreGetter,
        *,
        guard_factory: Callable[[settings.StoreOrEngine], settings.PinGuard] = (
            settings.PinGuard
        ),
        blocked_reason: Callable[[], object] = lambda: "",
    ) -> None:
        super().__init__(parent, "pinOverlay", card_width=560)
        self._store_getter = store_getter
        self._guard_factory = guard_factory
        self._blocked_reason = blocked_reason
        self._pin = ""
        self._said: object = ""  # the last message (Text), said again on a switch

        self._title = widgets.text("", "title", name="pinTitle", center=True)
        self._prompt = widgets.text("", "muted", name="pinPrompt", center=True)
        title, prompt = self._title, self._prompt
        self._dots = widgets.text("", "pin-dots", name="pinDots", center=True)
        self._message = widgets.text("", "error", name="pinMessage", center=True)
        self._message.setMinimumHeight(30)
        self._keys = keypad.Keypad("pin")

        self._cancel = widgets.button("", "pinCancelButton", "")
        self._ok = widgets.button("", "pinOkButton", "", "primary")
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self._cancel, 1)
        buttons.addWidget(self._ok, 1)

        self.card_layout.setSpacing(12)
        self.card_layout.addWidget(title)
        self.card_layout.addWidget(prompt)
        self.card_layout.addWidget(self._dots)
        self.card_layout.addWidget(self._message)
        self.card_layout.addWidget(self._keys)
        self.card_layout.addLayout(buttons)

        self._keys.key_pressed.connect(self.on_keys_key_pressed)
        self._cancel.clicked.connect(self.on_cancel_clicked)
        self._ok.clicked.connect(self.on_ok_clicked)
        self._show_dots()
        self.retranslate()

    def __repr__(self) -> str:
        return f"<StaffExit shown={self.isVisible()} digits={len(self._pin)}>"

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff only"))
        self._prompt.setText(self.tr("Enter the manager PIN to close self-checkout."))
        self._dots.setAccessibleName(self.tr("PIN digits entered"))
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setAccessibleName(self.tr("Cancel and go back"))
        self._ok.setText(self.tr("Unlock"))
        self._ok.setAccessibleName(self.tr("Unlock and close self-checkout"))
        self._message.setText(i18n.render(self._said))

    # -- API ----------------------------------------------------------------------

    @property
    def message(self) -> str:
        return self._message.text()

    def ask(self) -> None:
        """Show the keypad, empty."""
        self._pin = ""
        self._say("")
        self._show_dots()
        log.info("kiosk: staff exit asked")
        self.pop_up()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        """Hide and forget what was typed (the idle reset does this too)."""
        self._pin = ""
        self._show_dots()
        self.hide()

    def enter(self, digits: str) -> None:
        """Type digits as if tapped on the keypad."""
        for digit in digits:
            self.on_keys_key_pressed(digit)

    def submit(self) -> bool:
        """Check the PIN; True (and ``unlocked``) only when it is right."""
        pin, self._pin = self._pin, ""
        self._show_dots()
        if not pin:
            self._say(translate("StaffExit", "Enter the PIN first."))
            return False
        reason = self._blocked_reason()
        if reason:
            self._say(reason)
            return False
        store = self._store_getter()
        if store is None:
            self._say(
                translate(
                    "StaffExit",
                    "The terminal is still starting. Try again in a moment.",
                )
            )
            return False
        if not settings.has_manager_pin(store):
            self._say(
                translate(
                    "StaffExit",
                    "No manager PIN is set on this terminal, so self-checkout cannot "
                    "be closed here. Set one in the manager area at the counter.",
                )
            )
            return False

        check = self._guard_factory(store).attempt(pin)
        if check.outcome is settings.PinOutcome.OK:
            log.info("kiosk: staff exit unlocked")
            self.hide()
            self.unlocked.emit()
            return True
        if check.outcome is settings.PinOutcome.WRONG:
            wrong = (
                translate("StaffExit", "Wrong PIN. 1 try left before a lockout.")
                if check.tries_left == 1
                else translate(
                    "StaffExit", "Wrong PIN. {count} tries left before a lockout."
                )
            )
            self._say(wrong.format(count=check.tries_left))
        else:
            self._say(
                translate(
                    "StaffExit", "Too many wrong PINs. Try again in {seconds} s."
                ).format(seconds=int(check.locked_for + 0.999))
            )
        return False

    # -- helpers ------------------------------------------------------------------

    def _say(self, message: object) -> None:
        if message:
            log.info("kiosk staff exit: %s", message)
        self._said = message or ""
        self._message.setText(i18n.render(self._said))

    def _show_dots(self) -> None:
        self._dots.setText("● " * len(self._pin) if self._pin else "_ _ _ _")
        self._ok.setEnabled(bool(self._pin))

    # -- Qt overrides -------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit():
            self.on_keys_key_pressed(event.text())
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self.on_keys_key_pressed(keypad.BACKSPACE)
        elif event.key() == Qt.Key.Key_Escape:
            self.on_cancel_clicked()
        else:
            super().keyPressEvent(event)

    # -- slots --------------------------------------------------------------------

    @Slot(str)
    def on_keys_key_pressed(self, key: str) -> None:
        if key == keypad.CLEAR:
            self._pin = ""
        elif key == keypad.BACKSPACE:
            self._pin = self._pin[:-1]
        elif key.isdigit() and len(self._pin) < MAX_DIGITS:
            self._pin += key
        self._say("")
        self._show_dots()

    @Slot()
    def on_cancel_clicked(self) -> None:
        self.dismiss()
        self.cancelled.emit()

    @Slot()
    def on_ok_clicked(self) -> None:
        self.submit()
