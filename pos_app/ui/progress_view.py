"""The in-flight screen shown while the gateway charges the customer."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from pos_app.domain import money as money_mod
from pos_app.ui import theme

__all__ = ["ProgressView"]

log = logging.getLogger(__name__)

TITLE = "Charging Amazon Pay balance…"
FIRST_STEP = "Starting the payment…"


class ProgressView(QWidget):
    """Show the amount being charged and each step the checkout reports.

    A direct debit cannot be called back once sent, so there is no Cancel here.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")

        self._amount_label = theme.label("", "money-xl")
        self._amount_label.setObjectName("progressAmount")
        self._amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        title = theme.label(TITLE, "title-sm")
        title.setObjectName("progressTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        self._title = title

        # What happens next when the customer has a page to fill in (CCT, OTP).
        self._explanation = theme.label("", "info", wrap=True)
        self._explanation.setObjectName("progressExplanation")
        self._explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._explanation.hide()

        self._bar = QProgressBar()
        self._bar.setObjectName("progressBar")
        self._bar.setAccessibleName("Payment in progress")
        self._bar.setRange(0, 0)  # indeterminate: the gateway gives no percentage
        self._bar.setTextVisible(False)

        self._step_label = theme.label(FIRST_STEP, "muted", wrap=True)
        self._step_label.setObjectName("progressStep")
        self._step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        note = theme.label(
            "Please wait. Do not close the app or charge the customer again.",
            "muted",
            wrap=True,
        )
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addStretch(2)
        layout.addWidget(self._amount_label)
        layout.addWidget(title)
        layout.addWidget(self._explanation)
        layout.addSpacing(8)
        layout.addWidget(self._bar)
        layout.addWidget(self._step_label)
        layout.addStretch(3)
        layout.addWidget(note)

    def __repr__(self) -> str:
        return f"<ProgressView step={self.step!r}>"

    @property
    def step(self) -> str:
        return self._step_label.text()

    @property
    def amount_text(self) -> str:
        return self._amount_label.text()

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def explanation(self) -> str:
        return self._explanation.text() if not self._explanation.isHidden() else ""

    def start(self, amount: money_mod.Money, title: str = TITLE) -> None:
        """Reset for a new payment of ``amount``."""
        self._amount_label.setText(amount.format())
        self._title.setText(title)
        self._step_label.setText(FIRST_STEP)
        self.show_explanation("")

    def show_explanation(self, text: str, *, title: str | None = None) -> None:
        """Say what the customer does next (a hosted page); "" hides it."""
        if text:
            log.info("payment explanation: %s", text)
        self._explanation.setText(text)
        self._explanation.setVisible(bool(text))
        if title is not None:
            self._title.setText(title)

    def set_step(self, text: str) -> None:
        """Show the latest step text from the checkout."""
        log.debug("payment step: %s", text)
        step = text.strip()
        if step and not step.endswith(("…", ".")):
            step += "…"
        if step == self._title.text():
            step = "Waiting for Amazon Pay to answer…"  # the title already says it
        self._step_label.setText(step or FIRST_STEP)
