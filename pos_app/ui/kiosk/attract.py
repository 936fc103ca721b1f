"""The attract screen: what this is, what it takes, and one big "Tap to start"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.ui.kiosk import widgets

__all__ = ["AttractScreen"]

NO_METHODS = "Pay with your Amazon Pay balance."


class AttractScreen(QWidget):
    """Invite a passer-by; a tap anywhere starts.

    Signals:
        start_requested(): the customer tapped the screen or the button.
    """

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractPage")
        self.setAccessibleName("Welcome")

        title = widgets.text("Self-checkout", "hero", name="attractTitle", center=True)
        lead = widgets.text(
            "Choose your items on this screen and pay with your phone. "
            "It takes about a minute.",
            "lead",
            name="attractLead",
            center=True,
        )
        self._methods = widgets.text(
            NO_METHODS, "body", name="attractMethods", center=True
        )
        self._start = widgets.button(
            "Tap to start", "startButton", "Tap to start", "hero", min_width=420
        )
        how = widgets.text(
            "You need: your mobile number, and Amazon Pay on your phone.",
            "muted",
            name="attractHow",
            center=True,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 60)
        layout.setSpacing(22)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(self._methods)
        layout.addSpacing(24)
        layout.addWidget(self._start, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(how)
        layout.addStretch(3)

        self._start.clicked.connect(self.on_start_clicked)

    def __repr__(self) -> str:
        return f"<AttractScreen methods={self._methods.text()!r}>"

    @property
    def methods_text(self) -> str:
        return self._methods.text()

    def set_methods(self, methods: list[types.MethodOption]) -> None:
        """Say what can be paid with here (only what this terminal takes)."""
        labels = [m.label for m in methods if m.supported]
        amazon = any(m.is_amazon_pay for m in methods if m.supported)
        if amazon and len(labels) == 1:
            self._methods.setText(NO_METHODS)
        elif labels:
            self._methods.setText("You can pay with: " + ", ".join(labels) + ".")
        else:
            self._methods.setText(
                "Payments are not available right now. Please ask staff."
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.start_requested.emit()
        super().mousePressEvent(event)

    @Slot()
    def on_start_clicked(self) -> None:
        self.start_requested.emit()
