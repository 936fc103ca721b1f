"""The in-flight screen shown while the gateway charges the customer."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from pos_app.domain import money as money_mod
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

__all__ = ["FIRST_STEP", "TITLE", "ProgressView", "Said"]

log = logging.getLogger(__name__)

# English; shown with i18n.t("ProgressView", ...).
TITLE = QT_TRANSLATE_NOOP("ProgressView", "Charging Amazon Pay balance…")
FIRST_STEP = QT_TRANSLATE_NOOP("ProgressView", "Starting the payment…")

#: A text on this screen: as it is, or a callable that says it in the current
#: language (asked again after a LanguageChange).
Said = str | Callable[[], str]


def _source(text: Said) -> Callable[[], str]:
    return text if callable(text) else (lambda: text)


class ProgressView(Retranslating, QWidget):
    """Show the amount being charged and each step the checkout reports.

    A direct debit cannot be called back once sent, so there is no Cancel here.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self._title_text: Callable[[], str] = self._default_title
        self._explanation_text: Callable[[], str] = str
        self._step_text: Callable[[], str] = self._first_step

        self._amount_label = theme.label("", "money-xl")
        self._amount_label.setObjectName("progressAmount")
        self._amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        title = theme.label("", "title-sm")
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
        self._bar.setRange(0, 0)  # indeterminate: the gateway gives no percentage
        self._bar.setTextVisible(False)

        self._step_label = theme.label("", "muted", wrap=True)
        self._step_label.setObjectName("progressStep")
        self._step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._note = note = theme.label("", "muted", wrap=True)
        note.setObjectName("progressNote")
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

        self.retranslate()

    def __repr__(self) -> str:
        return f"<ProgressView step={self.step!r}>"

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self._bar.setAccessibleName(self.tr("Payment in progress"))
        self._note.setText(
            self.tr("Please wait. Do not close the app or charge the customer again.")
        )
        self._title.setText(self._title_text())
        self._show_explanation_text()
        self._show_step_text()

    @staticmethod
    def _default_title() -> str:
        return i18n.t("ProgressView", TITLE)

    @staticmethod
    def _first_step() -> str:
        return i18n.t("ProgressView", FIRST_STEP)

    # -- reading ----------------------------------------------------------------

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

    # -- acting -----------------------------------------------------------------

    def start(self, amount: money_mod.Money, title: Said | None = None) -> None:
        """Reset for a new payment of ``amount`` (the default title if none)."""
        self._amount_label.setText(amount.format())
        self._title_text = _source(title) if title is not None else self._default_title
        self._title.setText(self._title_text())
        self._step_text = self._first_step
        self._show_step_text()
        self.show_explanation("")

    def show_explanation(self, text: Said, *, title: Said | None = None) -> None:
        """Say what the customer does next (a hosted page); "" hides it."""
        self._explanation_text = _source(text)
        shown = self._show_explanation_text()
        if shown:
            log.info("payment explanation: %s", shown)
        if title is not None:
            self._title_text = _source(title)
            self._title.setText(self._title_text())

    def set_step(self, text: Said) -> None:
        """Show the latest step text from the checkout."""
        self._step_text = _source(text)
        log.debug("payment step: %s", self._step_text())
        self._show_step_text()

    def _show_explanation_text(self) -> str:
        text = self._explanation_text()
        self._explanation.setText(text)
        self._explanation.setVisible(bool(text))
        return text

    def _show_step_text(self) -> None:
        step = self._step_text().strip()
        if step and not step.endswith(("…", ".", "।")):
            step += "…"
        if step == self._title.text():
            step = self.tr("Waiting for Amazon Pay to answer…")  # the title says it
        self._step_label.setText(step or self._first_step())
