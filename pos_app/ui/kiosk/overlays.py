"""What floats over the kiosk's screens: the idle warning and the staff banner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["IdleWarning", "Overlay", "StaffBanner"]

BANNER_MS = 120_000  # staff answer a call in a minute or two; then it goes away


class Overlay(QWidget):
    """Cover the parent with a dimmed backdrop and show a card in the middle.

    It follows the parent's size; the card is ``self.card`` with ``self.card_layout``.
    """

    def __init__(self, parent: QWidget, name: str, *, card_width: int = 620) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)

        self.card = QFrame()
        self.card.setObjectName(f"{name}Card")
        self.card.setProperty("kiosk", "card")
        self.card.setFixedWidth(card_width)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(40, 36, 40, 36)
        self.card_layout.setSpacing(18)

        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)

        parent.installEventFilter(self)
        self.hide()

    def pop_up(self) -> None:
        """Show over everything, covering the parent."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(12, 18, 28, 170))
        painter.end()


class IdleWarning(Retranslating, Overlay):
    """ "Still there?" with the seconds left and one big button.

    Signals:
        still_here(): the customer tapped "I'm still here".
    """

    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "idleOverlay")
        self._seconds: int | None = None
        self._title = widgets.text("", "title", name="idleTitle", center=True)
        title = self._title
        self._countdown = widgets.text(
            "", "lead", name="idleCountdownLabel", center=True
        )
        self._note = widgets.text("", "muted", name="idleNote", center=True)
        note = self._note
        self._button = widgets.button("", "stillHereButton", "", "primary")

        self.card_layout.addWidget(title)
        self.card_layout.addWidget(self._countdown)
        self.card_layout.addWidget(note)
        self.card_layout.addSpacing(8)
        self.card_layout.addWidget(self._button)

        self._button.clicked.connect(self.on_button_clicked)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<IdleWarning shown={self.isVisible()} text={self.countdown_text!r}>"

    def retranslate(self) -> None:
        self._title.setText(self.tr("Still there?"))
        self._note.setText(
            self.tr(
                "If nobody touches the screen, your items and number are cleared so "
                "the next customer starts fresh."
            )
        )
        self._button.setText(self.tr("I'm still here"))
        self._button.setAccessibleName(self.tr("I'm still here"))
        if self._seconds is not None:
            self.set_seconds(self._seconds)

    @property
    def countdown_text(self) -> str:
        return self._countdown.text()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self._countdown.setText(
            self.tr("Resetting in {seconds} s").format(seconds=seconds)
        )
        self._countdown.setAccessibleName(
            self.tr("Still there? Resetting in {seconds} seconds").format(
                seconds=seconds
            )
        )

    @Slot()
    def on_button_clicked(self) -> None:
        self.still_here.emit()


class StaffBanner(Retranslating, QFrame):
    """A calm strip saying staff are on their way; it hides itself after a while.

    Signals:
        dismissed(): the customer tapped OK.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffBanner")
        self.setProperty("kiosk", "banner")

        self._message = widgets.text("", "banner-text", name="staffBannerText")
        self._ok = widgets.button("", "staffBannerOkButton", "")
        self._ok.setMinimumWidth(120)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BANNER_MS)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 16, 10)
        layout.setSpacing(16)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._ok)

        self._ok.clicked.connect(self.on_ok_clicked)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.retranslate()
        self.hide()

    def __repr__(self) -> str:
        return f"<StaffBanner shown={self.isVisible()}>"

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Staff have been called"))
        self._message.setText(
            self.tr(
                "Staff have been called. Someone will be with you shortly — you can "
                "carry on meanwhile."
            )
        )
        self._ok.setText(self.tr("OK"))
        self._ok.setAccessibleName(self.tr("Hide this message"))

    @property
    def message(self) -> str:
        return self._message.text()

    def announce(self) -> None:
        self.show()
        self._timer.start()

    def withdraw(self) -> None:
        self._timer.stop()
        self.hide()

    @Slot()
    def on_ok_clicked(self) -> None:
        self.withdraw()
        self.dismissed.emit()

    @Slot()
    def on_timer_timeout(self) -> None:
        self.withdraw()
