"""A big numeric keypad: digits, Delete and Clear, for the mobile number and the PIN."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["BACKSPACE", "CLEAR", "Keypad"]

BACKSPACE = "<"
CLEAR = "C"
_LAYOUT = "123456789C0<"
_NAMES = {CLEAR: "Clear", BACKSPACE: "Backspace"}
_LABELS = {
    CLEAR: QT_TRANSLATE_NOOP("Keypad", "Clear"),
    BACKSPACE: QT_TRANSLATE_NOOP("Keypad", "⌫ Delete"),
}
_SPOKEN = {
    CLEAR: QT_TRANSLATE_NOOP("Keypad", "Clear all digits"),
    BACKSPACE: QT_TRANSLATE_NOOP("Keypad", "Delete the last digit"),
}


class Keypad(Retranslating, QWidget):
    """Twelve keys in a phone layout; the owner decides what a key does.

    Signals:
        key_pressed(str): a digit, :data:`CLEAR` or :data:`BACKSPACE`.
    """

    key_pressed = Signal(str)

    def __init__(
        self,
        prefix: str,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Keypad")
        self._keys: dict[str, QPushButton] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for position, key in enumerate(_LAYOUT):
            name = _NAMES.get(key, key)
            key_button = widgets.button(
                key,
                f"{prefix}Key{name}",
                key,
                "key-action" if key in _NAMES else "key",
                min_width=96,
            )
            key_button.clicked.connect(
                lambda _checked=False, k=key: self.on_key_clicked(k)
            )
            grid.addWidget(key_button, position // 3, position % 3)
            self._keys[key] = key_button
        self.retranslate()

    def __repr__(self) -> str:
        return f"<Keypad {self.objectName()}>"

    def retranslate(self) -> None:
        for key, source in _LABELS.items():
            self._keys[key].setText(i18n.t("Keypad", source))
        for key, source in _SPOKEN.items():
            self._keys[key].setAccessibleName(i18n.t("Keypad", source))

    def key(self, key: str) -> QPushButton:
        """Return the button for a digit, :data:`CLEAR` or :data:`BACKSPACE`."""
        return self._keys[key]

    def set_keys_enabled(self, enabled: bool) -> None:
        for key_button in self._keys.values():
            key_button.setEnabled(enabled)

    @Slot(str)
    def on_key_clicked(self, key: str) -> None:
        self.key_pressed.emit(key)
