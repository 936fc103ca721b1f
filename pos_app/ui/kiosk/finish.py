"""The end of the flow: "Paying…" while money moves, then a big, plain result."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.ui import theme
from pos_app.ui.kiosk import widgets

__all__ = ["ProgressScreen", "ResultScreen", "result_texts"]

PAID = "Done — take your receipt"
NOT_PAID = "Not paid — nothing was charged"
CHECKING = "We are checking your payment"


class ProgressScreen(QWidget):
    """Say that money is moving and that the customer should wait; no way out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")

        self._title = widgets.text(
            "Paying…", "title", name="kioskProgressTitle", center=True
        )
        self._amount = widgets.text(
            "", "amount", name="kioskProgressAmount", center=True
        )
        bar = QProgressBar()
        bar.setObjectName("kioskProgressBar")
        bar.setAccessibleName("Payment in progress")
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setMaximumWidth(520)
        self._step = widgets.text("", "body", name="kioskProgressStep", center=True)
        note = widgets.text(
            "Please wait here. This takes a few seconds — do not pay again.",
            "muted",
            name="kioskProgressNote",
            center=True,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 48)
        layout.setSpacing(20)
        layout.addStretch(2)
        layout.addWidget(self._title)
        layout.addWidget(self._amount)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._step)
        layout.addStretch(3)
        layout.addWidget(note)

    def __repr__(self) -> str:
        return f"<ProgressScreen step={self.step!r}>"

    @property
    def step(self) -> str:
        return self._step.text()

    def start(self, amount: money_mod.Money, title: str = "Paying…") -> None:
        self._title.setText(title)
        self._amount.setText(amount.format() if amount else "")
        self._step.setText("Starting the payment…")

    def set_step(self, step: str) -> None:
        self._step.setText(step)


def result_texts(result: types.PaymentResult) -> tuple[str, str, str]:
    """Return (title, plain sentence, tone) for the customer."""
    if result.outcome is types.Outcome.CHARGED:
        amount = result.receipt.total if result.receipt else result.amount
        return (
            PAID,
            f"You paid {amount.format()} with Amazon Pay. Thank you!",
            "success",
        )
    if result.outcome is types.Outcome.UNKNOWN:
        return (
            CHECKING,
            "We could not yet confirm whether your payment went through. Please do "
            "not pay again — tap “Call staff” and they will sort it out with you.",
            "warning",
        )
    return (NOT_PAID, result.message or "The payment did not go through.", "error")


class ResultScreen(QWidget):
    """Show how the payment ended, in a few big words, and what to do next.

    Signals:
        finish_requested(): done; clear everything for the next customer.
        retry_requested(): go back to the pay step and try again.
    """

    finish_requested = Signal()
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPage")
        self._result: types.PaymentResult | None = None

        self._icon = QLabel()
        self._icon.setObjectName("kioskResultIcon")
        self._icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._icon.setFixedHeight(110)
        self._title = widgets.text(
            "", "result-title", name="kioskResultTitle", center=True
        )
        self._message = widgets.text("", "lead", name="kioskResultMessage", center=True)
        self._detail = widgets.text("", "muted", name="kioskResultDetail", center=True)

        self._retry = widgets.button(
            "Try again",
            "kioskRetryButton",
            "Try paying again",
            "primary",
            min_width=320,
        )
        self._finish = widgets.button(
            "Finish",
            "kioskFinishButton",
            "Finish and start over",
            "primary",
            min_width=320,
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addStretch(1)
        buttons.addWidget(self._retry)
        buttons.addWidget(self._finish)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 48)
        layout.setSpacing(20)
        layout.addStretch(2)
        layout.addWidget(self._icon)
        layout.addWidget(self._title)
        layout.addWidget(self._message)
        layout.addWidget(self._detail)
        layout.addStretch(2)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._retry.clicked.connect(self.on_retry_clicked)
        self._finish.clicked.connect(self.on_finish_clicked)

    def __repr__(self) -> str:
        outcome = self._result.outcome.value if self._result else None
        return f"<ResultScreen outcome={outcome}>"

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def message(self) -> str:
        return self._message.text()

    def show_result(self, result: types.PaymentResult) -> None:
        self._result = result
        title, message, tone = result_texts(result)
        icon = {"success": "check", "warning": "pending"}.get(tone, "alert")
        self._icon.setPixmap(theme.icon_pixmap(icon, 96, self.devicePixelRatioF()))
        self._title.setText(title)
        self._title.setAccessibleName(title)
        widgets.restyle(self._title, tone=tone)
        self._message.setText(message)

        order = result.order_id
        receipt = result.receipt
        details = []
        if receipt is not None and receipt.balance_after is not None:
            details.append(f"Amazon Pay balance now {receipt.balance_after.format()}")
        if order:
            details.append(f"Reference {order}")
        self._detail.setText("   ·   ".join(details))

        charged = result.outcome is types.Outcome.CHARGED
        retry = (
            not charged
            and result.outcome is not types.Outcome.UNKNOWN
            and result.retryable
        )
        self._retry.setVisible(retry)
        self._finish.setText("Finish" if charged else "Start again")
        self._finish.setAccessibleName(
            "Finish and start over" if charged else "Cancel and start again"
        )
        widgets.restyle(self._finish, kiosk="primary" if not retry else "secondary")

    @Slot()
    def on_retry_clicked(self) -> None:
        self.retry_requested.emit()

    @Slot()
    def on_finish_clicked(self) -> None:
        self.finish_requested.emit()
