"""Link and Pay by QR code: a big code, three plain steps, a countdown, Cancel.

The window starts the consent session through the controller and hands the
session here; this screen only shows it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.domain.text import translate
from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import widgets
from pos_app.ui.qr import QrWidget

__all__ = ["QrLinkScreen"]

QR_SIDE = 380
_WAITING = translate("QrLinkScreen", "Waiting for your answer on your phone…")


class QrLinkScreen(Retranslating, QWidget):
    """Show the consent QR code until the customer answers on their phone.

    Signals:
        cancel_requested(): the customer gave up linking.
        other_way_requested(): sign in on this screen instead.
    """

    cancel_requested = Signal()
    other_way_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkQrPage")
        self._session: types.LinkSession | None = None
        self._amount: money_mod.Money | None = None
        self._status_text: object = _WAITING

        self._qr = QrWidget()
        self._qr.setObjectName("kioskQrCode")
        self._qr.setFixedSize(QR_SIDE, QR_SIDE)
        self._waiting = widgets.text("", "body", name="linkQrPreparing", center=True)

        self._title = widgets.text("", "title", name="linkQrTitle")
        title = self._title
        self._steps = widgets.text("", "steps", name="linkQrSteps")
        self._countdown = widgets.text("", "muted", name="linkQrCountdown")
        self._status = widgets.text("", "note", name="linkQrStatus")
        self._other = widgets.button("", "linkQrOtherWayButton", "")
        self._cancel = widgets.button("", "linkQrCancelButton", "", "quiet")

        code = QVBoxLayout()
        code.addStretch(1)
        code.addWidget(self._qr, 0, Qt.AlignmentFlag.AlignCenter)
        code.addWidget(self._waiting)
        code.addStretch(1)

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self._other)
        buttons.addWidget(self._cancel)
        buttons.addStretch(1)

        text = QVBoxLayout()
        text.setSpacing(16)
        text.addStretch(1)
        text.addWidget(title)
        text.addWidget(self._steps)
        text.addWidget(self._status)
        text.addWidget(self._countdown)
        text.addStretch(1)
        text.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(56, 28, 56, 32)
        layout.setSpacing(56)
        layout.addLayout(code, 0)
        layout.addLayout(text, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.on_tick_timeout)
        self._other.clicked.connect(self.on_other_clicked)
        self._cancel.clicked.connect(self.on_cancel_clicked)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<QrLinkScreen session={self._session is not None}>"

    @property
    def qr(self) -> QrWidget:
        return self._qr

    @property
    def status(self) -> str:
        return self._status.text()

    def retranslate(self) -> None:
        self._qr.setAccessibleName(self.tr("Code to scan with your phone"))
        self._waiting.setText(self.tr("Preparing your code…"))
        self._title.setText(self.tr("Scan this code with your phone camera"))
        self._other.setText(self.tr("No camera? Sign in on this screen"))
        self._other.setAccessibleName(self.tr("Sign in on this screen instead"))
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setAccessibleName(self.tr("Cancel linking Amazon Pay"))
        self._status.setText(i18n.render(self._status_text))
        self._show_steps()
        self.on_tick_timeout()

    def _show_steps(self) -> None:
        if self._amount is None:
            self._steps.setText("")
            return
        self._steps.setText(
            self.tr(
                "1.  Open the camera on your phone and point it at the code.\n"
                "2.  Open the link, sign in to Amazon and tap Allow.\n"
                "3.  We then take {amount} from your Amazon Pay balance."
            ).format(amount=self._amount.format())
        )

    def prepare(self, amount: money_mod.Money) -> None:
        """Show the screen while the session is being asked for."""
        self._session = None
        self._amount = amount
        self._tick.stop()
        self._qr.set_url("")
        self._waiting.show()
        self._countdown.setText("")
        self._status_text = _WAITING
        self._status.setText(i18n.render(_WAITING))
        self._other.setEnabled(False)
        self._cancel.setEnabled(True)
        self._show_steps()

    def show_session(self, session: types.LinkSession) -> None:
        self._session = session
        self._qr.set_url(session.consent_url)
        self._waiting.hide()
        self._other.setEnabled(True)
        self._tick.start()
        self.on_tick_timeout()

    def set_status(self, text: object) -> None:
        """Say where linking is (a Text, said again after a language switch)."""
        self._status_text = text
        self._status.setText(i18n.render(text))
        self._other.setEnabled(False)
        self._cancel.setEnabled(False)

    def stop(self) -> None:
        self._tick.stop()
        self._session = None
        self._qr.set_url("")

    @Slot()
    def on_tick_timeout(self) -> None:
        session = self._session
        if session is None:
            return
        left = int((session.expires_at - datetime.now(UTC)).total_seconds())
        self._countdown.setText(
            self.tr("This code works for {time} more").format(
                time=f"{left // 60}:{left % 60:02d}"
            )
            if left > 0
            else self.tr("Time is up. Checking for your answer…")
        )

    @Slot()
    def on_other_clicked(self) -> None:
        self.other_way_requested.emit()

    @Slot()
    def on_cancel_clicked(self) -> None:
        self.cancel_requested.emit()
