"""The attract screen: what this is, what it takes, and one big "Tap to start".

It also carries the language switch: a customer picks English or हिन्दी here (and
on the shop and number steps, in the header) before any money can move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import language, widgets

__all__ = ["AttractScreen"]

NO_METHODS = QT_TRANSLATE_NOOP("AttractScreen", "Pay with your Amazon Pay balance.")


class AttractScreen(Retranslating, QWidget):
    """Invite a passer-by; a tap anywhere starts.

    Signals:
        start_requested(): the customer tapped the screen or the button.
        language_requested(str): the customer tapped a language button.
    """

    start_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractPage")
        self._labels: list[str] | None = None  # None: only Amazon Pay (or unknown)

        self._title = widgets.text("", "hero", name="attractTitle", center=True)
        self._lead = widgets.text("", "lead", name="attractLead", center=True)
        self._methods = widgets.text("", "body", name="attractMethods", center=True)
        self._start = widgets.button("", "startButton", "", "hero", min_width=420)
        self._how = widgets.text("", "muted", name="attractHow", center=True)
        self._choose = widgets.text("", "muted", name="attractLanguageLabel")
        self._choose.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._language = language.LanguageSwitch("attractLanguage", min_width=200)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 32, 80, 40)
        layout.setSpacing(22)
        layout.addStretch(2)
        layout.addWidget(self._title)
        layout.addWidget(self._lead)
        layout.addWidget(self._methods)
        layout.addSpacing(24)
        layout.addWidget(self._start, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self._how)
        layout.addStretch(3)
        layout.addWidget(self._choose)
        layout.addWidget(self._language, 0, Qt.AlignmentFlag.AlignHCenter)

        self._start.clicked.connect(self.on_start_clicked)
        self._language.language_requested.connect(self.language_requested)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<AttractScreen methods={self._methods.text()!r}>"

    @property
    def methods_text(self) -> str:
        return self._methods.text()

    @property
    def language_switch(self) -> language.LanguageSwitch:
        return self._language

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Welcome"))
        self._title.setText(self.tr("Self-checkout"))
        self._lead.setText(
            self.tr(
                "Choose your items on this screen and pay with your phone. "
                "It takes about a minute."
            )
        )
        self._start.setText(self.tr("Tap to start"))
        self._start.setAccessibleName(self.tr("Tap to start"))
        self._how.setText(
            self.tr("You need: your mobile number, and Amazon Pay on your phone.")
        )
        # Said in both languages: whoever cannot read one reads the other.
        self._choose.setText("Language / भाषा")
        self._show_methods()

    def set_methods(self, methods: list[types.MethodOption]) -> None:
        """Say what can be paid with here (only what this terminal takes)."""
        supported = [m for m in methods if m.supported]
        amazon = any(m.is_amazon_pay for m in supported)
        if amazon and len(supported) == 1:
            self._labels = None
        else:
            self._labels = [i18n.render(m.label) for m in supported]
        self._show_methods()

    def _show_methods(self) -> None:
        if self._labels is None:
            self._methods.setText(i18n.t("AttractScreen", NO_METHODS))
        elif self._labels:
            self._methods.setText(
                self.tr("You can pay with: {methods}.").format(
                    methods=", ".join(self._labels)
                )
            )
        else:
            self._methods.setText(
                self.tr("Payments are not available right now. Please ask staff.")
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.start_requested.emit()
        super().mousePressEvent(event)

    @Slot()
    def on_start_clicked(self) -> None:
        self.start_requested.emit()
