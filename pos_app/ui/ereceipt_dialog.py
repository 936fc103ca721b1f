"""Show the customer a QR code of their receipt (the e-receipt)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.checkout.types import PaymentResult
from pos_app.ui import theme
from pos_app.ui.i18n import Retranslating
from pos_app.ui.qr import QrWidget

__all__ = ["EReceiptDialog", "ereceipt_payload"]

log = logging.getLogger(__name__)


def ereceipt_payload(
    result: PaymentResult, *, terminal_id: str, cashier: str
) -> str | None:
    """The signed e-receipt payload for a paid result, or None if it cannot be made."""
    from pos_app import receipts

    if result.receipt is None:
        return None
    try:
        settings = receipts.load_settings()
    except receipts.ReceiptSettingsError as exc:
        log.warning("e-receipt unavailable: %s", exc)
        return None
    document = receipts.from_receipt(
        result.receipt,
        settings,
        terminal_id=terminal_id,
        cashier=cashier,
        flow=result.flow,
    )
    return document.ereceipt or None


class EReceiptDialog(Retranslating, QDialog):
    """A large QR code and one sentence; Done closes it."""

    def __init__(self, payload: str, amount_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eReceiptDialog")
        self.setModal(True)
        self._amount_text = amount_text

        self._title = title = theme.label("", "title")
        title.setObjectName("eReceiptTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint = hint = QLabel()
        hint.setObjectName("eReceiptHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.qr = QrWidget(payload)
        self.qr.setMinimumSize(300, 300)
        self._done = done = QPushButton()
        done.setObjectName("eReceiptDoneButton")
        theme.set_style(done, "primary")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.qr, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(done)

        done.clicked.connect(self.accept)

        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self.setWindowTitle(self.tr("E-receipt"))
        self._title.setText(
            self.tr("Your receipt for {amount}").format(amount=self._amount_text)
        )
        self._hint.setText(
            self.tr("Scan with your phone camera to keep a copy of this receipt.")
        )
        self.qr.setAccessibleName(self.tr("E-receipt QR code"))
        self._done.setText(self.tr("Done"))
        self._done.setAccessibleName(self.tr("Close the e-receipt"))
