"""The end of a payment: receipt on success, a plain reason and next steps otherwise."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain.states import Flow
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

__all__ = ["ResultView", "details_text"]

log = logging.getLogger(__name__)

MAX_RECEIPT_LINES = 5
UNKNOWN_TEXT = QT_TRANSLATE_NOOP(
    "ResultView", "We are checking this payment with Amazon Pay. Do not charge again."
)

# English; shown with i18n.t("ResultView", title).
_TITLES = {
    types.Outcome.CHARGED: (
        QT_TRANSLATE_NOOP("ResultView", "Payment received"),
        "success",
        "check",
    ),
    types.Outcome.DECLINED: (
        QT_TRANSLATE_NOOP("ResultView", "Payment declined"),
        "error",
        "alert",
    ),
    types.Outcome.ERROR: (
        QT_TRANSLATE_NOOP("ResultView", "Payment not made"),
        "error",
        "alert",
    ),
    types.Outcome.CANCELLED: (
        QT_TRANSLATE_NOOP("ResultView", "Payment cancelled"),
        "warning",
        "alert",
    ),
    types.Outcome.UNKNOWN: (
        QT_TRANSLATE_NOOP("ResultView", "Checking the payment"),
        "warning",
        "pending",
    ),
}

# The summary's row names (English; shown with i18n.t("ResultView", name)).
ORDER_ID = QT_TRANSLATE_NOOP("ResultView", "Order id")
ERROR_CODE = QT_TRANSLATE_NOOP("ResultView", "Error code")
TOTAL = QT_TRANSLATE_NOOP("ResultView", "Total")
TIME = QT_TRANSLATE_NOOP("ResultView", "Time")
CUSTOMER = QT_TRANSLATE_NOOP("ResultView", "Customer")
BALANCE_AFTER = QT_TRANSLATE_NOOP("ResultView", "Balance after")


def _paid_with(result: types.PaymentResult) -> str:
    """Say how a charged sale was paid, by the path it took."""
    if result.flow is Flow.CCT_TOPUP:
        return QCoreApplication.translate(
            "ResultView",
            "Paid with Amazon Pay: the balance, and the rest on the Amazon Pay page",
        )
    if result.flow is Flow.LINK_AND_PAY:
        return QCoreApplication.translate(
            "ResultView", "Amazon Pay linked, and paid from the balance"
        )
    if result.flow is Flow.REDIRECT_OTP:
        label = result.receipt.method_label if result.receipt else "Amazon Pay"
        return QCoreApplication.translate(
            "ResultView", "Paid with {method}, approved by OTP"
        ).format(method=i18n.render(label))
    return QCoreApplication.translate("ResultView", "Paid with Amazon Pay balance")


def details_text(result: types.PaymentResult) -> str:
    """Return what "Copy details" puts on the clipboard, for support."""
    lines = [
        f"Outcome: {result.outcome.value}",
        f"Order id: {result.order_id or '(none)'}",
        f"Error code: {result.error_code or '(none)'}",
        f"Amount: {result.amount.format()}",
        f"Flow: {result.flow.value}",
        f"Message: {result.message}",
    ]
    lines += [f"{key}: {value}" for key, value in sorted(result.details.items())]
    return "\n".join(lines)


class ResultView(Retranslating, QWidget):
    """Show how a payment ended and offer the next step.

    Signals:
        new_sale_requested(): start the next sale.
        retry_requested(): try the same payment again.
        other_method_requested(): go back to the sale to choose another method.
    """

    new_sale_requested = Signal()
    retry_requested = Signal()
    other_method_requested = Signal()
    print_receipt_requested = Signal()
    ereceipt_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultView")
        self._result: types.PaymentResult | None = None

        self._icon = QLabel()
        self._icon.setObjectName("resultIcon")
        self._icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._icon.setFixedHeight(72)

        self._title = theme.label("", "title")
        self._title.setObjectName("resultTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._amount = theme.label("", "money-xl")
        self._amount.setObjectName("resultAmount")
        self._amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message = theme.label("", None, wrap=True)
        self._message.setObjectName("resultMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._summary = QFrame()
        self._summary.setObjectName("resultSummary")
        self._summary.setProperty("role", "receipt")
        self._summary_grid = QGridLayout(self._summary)
        self._summary_grid.setContentsMargins(14, 12, 14, 12)
        self._summary_grid.setHorizontalSpacing(12)
        self._summary_grid.setVerticalSpacing(6)
        self._summary_grid.setColumnStretch(0, 1)

        self._new_sale_button = self._button("newSaleButton")
        self._retry_button = self._button("retryButton")
        self._other_button = self._button("otherMethodButton")
        self._copy_button = self._button("copyDetailsButton")
        self._copy_button.setProperty("role", "link")
        self._print_button = self._button("printReceiptButton")
        self._ereceipt_button = self._button("eReceiptButton")
        receipts_row = QHBoxLayout()
        receipts_row.setSpacing(10)
        receipts_row.addWidget(self._print_button)
        receipts_row.addWidget(self._ereceipt_button)

        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(2000)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(10)
        layout.addStretch(1)
        layout.addWidget(self._icon)
        layout.addWidget(self._title)
        layout.addWidget(self._amount)
        layout.addWidget(self._message)
        layout.addSpacing(6)
        layout.addWidget(self._summary)
        layout.addStretch(2)
        layout.addLayout(receipts_row)
        layout.addWidget(self._new_sale_button)
        layout.addWidget(self._retry_button)
        layout.addWidget(self._other_button)
        layout.addWidget(self._copy_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self._new_sale_button.clicked.connect(self.on_new_sale_button_clicked)
        self._retry_button.clicked.connect(self.on_retry_button_clicked)
        self._other_button.clicked.connect(self.on_other_button_clicked)
        self._copy_button.clicked.connect(self.on_copy_button_clicked)
        self._print_button.clicked.connect(self.print_receipt_requested)
        self._ereceipt_button.clicked.connect(self.ereceipt_requested)

        self._copied_timer.timeout.connect(self.on_copied_timer_timeout)

        self.retranslate()

    def __repr__(self) -> str:
        outcome = self._result.outcome.value if self._result else None
        return f"<ResultView outcome={outcome}>"

    @staticmethod
    def _button(object_name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(object_name)
        return button

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        for button, text, accessible in (
            (self._new_sale_button, self.tr("New sale"), self.tr("Start a new sale")),
            (
                self._retry_button,
                self.tr("Try again"),
                self.tr("Try the payment again"),
            ),
            (
                self._other_button,
                self.tr("Choose another method"),
                self.tr("Choose another payment method"),
            ),
            (
                self._print_button,
                self.tr("Print receipt"),
                self.tr("Print the receipt"),
            ),
            (
                self._ereceipt_button,
                self.tr("E-receipt QR"),
                self.tr("Show a QR code the customer can scan for the receipt"),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(accessible)
        self._copy_button.setAccessibleName(self.tr("Copy details"))
        self._copy_button.setText(
            self.tr("Copied")
            if self._copied_timer.isActive()
            else self.tr("Copy details")
        )
        if self._result is not None:
            self._draw(self._result)

    # -- API --------------------------------------------------------------------

    @property
    def result(self) -> types.PaymentResult | None:
        return self._result

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def message(self) -> str:
        return self._message.text()

    def summary_texts(self) -> list[str]:
        """Return every text in the summary box, top to bottom (for tests and demos)."""
        texts = []
        for index in range(self._summary_grid.count()):
            item = self._summary_grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def show_result(self, result: types.PaymentResult) -> None:
        """Draw the screen for ``result``."""
        self._result = result
        log.info("payment result shown: %s %s", result.outcome.value, result.order_id)
        self._draw(result)
        self._set_actions(result)

    def _draw(self, result: types.PaymentResult) -> None:
        """Draw the texts for ``result`` in the current language."""
        title, tone, icon = _TITLES[result.outcome]
        self._icon.setPixmap(theme.icon_pixmap(icon, 64, self.devicePixelRatioF()))
        self._title.setText(i18n.t("ResultView", title))
        theme.set_style(self._title, tone=tone)
        amount = result.receipt.total if result.receipt else result.amount
        self._amount.setText(amount.format() if amount else "")
        self._amount.setVisible(bool(amount))

        if result.outcome is types.Outcome.CHARGED:
            self._message.setText(_paid_with(result))
            self._fill_receipt(result)
        elif result.outcome is types.Outcome.UNKNOWN:
            extra = (
                i18n.render(result.message)
                if result.message and result.message != UNKNOWN_TEXT
                else ""
            )
            unknown = i18n.t("ResultView", UNKNOWN_TEXT)
            self._message.setText(f"{unknown}\n\n{extra}".strip())
            self._fill_rows([(ORDER_ID, result.order_id or "—")])
        else:
            self._message.setText(i18n.render(result.message))
            rows = [(ORDER_ID, result.order_id or "—")]
            if result.error_code:
                rows.append((ERROR_CODE, result.error_code))
            self._fill_rows(rows)

    def _set_actions(self, result: types.PaymentResult) -> None:
        charged = result.outcome is types.Outcome.CHARGED
        unknown = result.outcome is types.Outcome.UNKNOWN
        failed = not charged and not unknown
        retry = failed and result.retryable

        self._new_sale_button.setVisible(not retry)
        theme.set_style(self._new_sale_button, "primary" if charged else "")
        self._retry_button.setVisible(retry)
        theme.set_style(self._retry_button, "primary")
        self._other_button.setVisible(retry)
        self._copy_button.setVisible(not charged)
        has_receipt = charged and result.receipt is not None
        self._print_button.setVisible(has_receipt)
        self._ereceipt_button.setVisible(has_receipt)
        self._copied_timer.stop()
        self._copy_button.setText(self.tr("Copy details"))

        focus = self._retry_button if retry else self._new_sale_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- summary box ------------------------------------------------------------

    def _clear_summary(self) -> None:
        while self._summary_grid.count():
            item = self._summary_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # off screen now; deleted at the next loop
                widget.deleteLater()

    def _fill_rows(self, rows: list[tuple[str, str]], start: int = 0) -> None:
        if start == 0:
            self._clear_summary()
        for offset, (name, value) in enumerate(rows):
            said = i18n.t("ResultView", name)
            key = theme.label(said, "muted")
            shown = theme.label(
                value, "mono" if name in {ORDER_ID, ERROR_CODE} else None
            )
            shown.setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(
                f"{said}: {value}"  # a name and its value, no sentence
            )
            self._summary_grid.addWidget(key, start + offset, 0)
            self._summary_grid.addWidget(shown, start + offset, 1)
        self._summary.setVisible(self._summary_grid.count() > 0)

    def _fill_receipt(self, result: types.PaymentResult) -> None:
        self._clear_summary()
        receipt = result.receipt
        if receipt is None:
            self._fill_rows([(ORDER_ID, result.order_id or "—")])
            return

        row = 0
        for line in receipt.lines[:MAX_RECEIPT_LINES]:
            line_name = i18n.render(line.name)
            name = theme.label(
                f"{line.quantity} × {line_name}" if line.quantity > 1 else line_name,
                wrap=True,  # a long product name goes on two lines, never clipped
            )
            total = theme.label(line.total.format())
            total.setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self._summary_grid.addWidget(name, row, 0)
            self._summary_grid.addWidget(total, row, 1)
            row += 1
        hidden = len(receipt.lines) - MAX_RECEIPT_LINES
        if hidden > 0:
            more = theme.label(
                self.tr("and 1 more line")
                if hidden == 1
                else self.tr("and {count} more lines").format(count=hidden),
                "muted",
            )
            self._summary_grid.addWidget(more, row, 0, 1, 2)
            row += 1
        self._summary_grid.addWidget(theme.divider(), row, 0, 1, 2)
        row += 1

        rows = [
            (TOTAL, receipt.total.format()),
            (TIME, receipt.paid_at.astimezone().strftime("%d %b %Y, %H:%M")),
        ]
        if receipt.masked_phone:
            rows.append((CUSTOMER, receipt.masked_phone))
        if receipt.balance_after is not None:
            rows.append((BALANCE_AFTER, receipt.balance_after.format()))
        rows.append((ORDER_ID, receipt.order_id or result.order_id))
        self._fill_rows(rows, start=row)

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_new_sale_button_clicked(self) -> None:
        self.new_sale_requested.emit()

    @Slot()
    def on_retry_button_clicked(self) -> None:
        self.retry_requested.emit()

    @Slot()
    def on_other_button_clicked(self) -> None:
        self.other_method_requested.emit()

    @Slot()
    def on_copy_button_clicked(self) -> None:
        if self._result is None:
            return
        QGuiApplication.clipboard().setText(details_text(self._result))
        self._copy_button.setText(self.tr("Copied"))
        self._copied_timer.start()

    @Slot()
    def on_copied_timer_timeout(self) -> None:
        self._copy_button.setText(self.tr("Copy details"))
