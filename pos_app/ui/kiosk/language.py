"""The customer's language switch: one big button per language, each in its own.

"English" and "हिन्दी" are written in their own language (a person looks for the
word they can read), so the labels are never translated; what a screen reader adds
(the description) is. The button of the language on screen is checked (filled).
The switch only asks: the window decides (never while money may move) and
installs the language; the buttons follow what is in effect.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["LanguageSwitch"]

#: What the buttons say, each in its own language (not translated on purpose).
_LABELS = dict(i18n.LANGUAGES)


class LanguageSwitch(Retranslating, QWidget):
    """Two (or more) large buttons; the current language's one is checked.

    Args:
        prefix: start of the object names (``{prefix}EnButton``, ``{prefix}HiButton``).
        kind: the buttons' look in kiosk.qss (``lang`` or ``lang-small``).

    Signals:
        language_requested(str): the customer tapped a language's button.
    """

    language_requested = Signal(str)

    def __init__(
        self,
        prefix: str,
        *,
        kind: str = "lang",
        min_width: int = 150,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Switch")
        self._buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for code, label in _LABELS.items():
            button = widgets.button(
                label,
                f"{prefix}{code.capitalize()}Button",
                label,
                kind,
                min_width=min_width,
            )
            button.setCheckable(True)
            button.clicked.connect(
                lambda _checked=False, c=code: self.on_button_clicked(c)
            )
            layout.addWidget(button)
            self._buttons[code] = button
        self.retranslate()

    def __repr__(self) -> str:
        return f"<LanguageSwitch {self.objectName()} current={i18n.current()!r}>"

    def button(self, code: str) -> QPushButton:
        return self._buttons[code]

    def retranslate(self) -> None:
        spoken = {
            "en": self.tr("Show the screens in English"),
            "hi": self.tr("Show the screens in Hindi"),
        }
        for code, button in self._buttons.items():
            button.setAccessibleDescription(spoken.get(code, ""))
        self.follow()

    def follow(self) -> None:
        """Check the button of the language in effect."""
        now = i18n.current()
        for code, button in self._buttons.items():
            button.setChecked(code == now)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a tap just beside a button is not "tap to start"

    @Slot(str)
    def on_button_clicked(self, code: str) -> None:
        self.language_requested.emit(code)
        self.follow()  # refused, or the same one again: the checks stay right
