"""The end of the flow: "Paying…" while money moves, then a big, plain result.

A paid result also offers the receipt, both ways the counter has them: the signed
e-receipt QR code right on the screen (the customer scans it with a phone) and a
"Print receipt" button (the window asks the controller; its answer comes back
through :meth:`ResultScreen.show_print_answer`).
"""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.domain.text import Text, translate
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import widgets
from pos_app.ui.qr import QrWidget

__all__ = [
    "NO_PRINTER_ANSWER",
    "PRINTED_ANSWER",
    "PrintState",
    "ProgressScreen",
    "ReceiptQr",
    "ResultScreen",
    "print_state_of",
    "result_texts",
]

log = logging.getLogger(__name__)

PAID = QT_TRANSLATE_NOOP("ResultScreen", "Paid — thank you")
NOT_PAID = QT_TRANSLATE_NOOP("ResultScreen", "Not paid — nothing was charged")
CHECKING = QT_TRANSLATE_NOOP("ResultScreen", "We are checking your payment")
#: The progress screen's title while a payment runs (the window may say more).
PAYING = translate("ProgressScreen", "Paying…")
#: The side of the receipt QR code: easy for a phone at arm's length at 1280x800.
RECEIPT_QR_SIDE = 272
WORDS_MAX_WIDTH = 1040  # the result's words beside the receipt, on a big screen
#: What pos_app.receipts answers (built as Text, not marked again for lupdate):
#: the kiosk tells a customer in its own words what these mean for them.
PRINTED_ANSWER = Text("Receipts", "Receipt printed.")
NO_PRINTER_ANSWER = Text("Receipts", "No receipt printer is set up.")


class ProgressScreen(Retranslating, QWidget):
    """Say that money is moving and that the customer should wait; no way out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        self._title_text: object = PAYING
        self._step_text: object = ""

        self._title = widgets.text("", "title", name="kioskProgressTitle", center=True)
        self._amount = widgets.text(
            "", "amount", name="kioskProgressAmount", center=True
        )
        bar = QProgressBar()
        bar.setObjectName("kioskProgressBar")
        self._bar = bar
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setMaximumWidth(520)
        self._step = widgets.text("", "body", name="kioskProgressStep", center=True)
        self._note = widgets.text("", "muted", name="kioskProgressNote", center=True)
        note = self._note

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
        self.retranslate()

    def __repr__(self) -> str:
        return f"<ProgressScreen step={self.step!r}>"

    def retranslate(self) -> None:
        self._bar.setAccessibleName(self.tr("Payment in progress"))
        self._note.setText(
            self.tr("Please wait here. This takes a few seconds — do not pay again.")
        )
        self._title.setText(i18n.render(self._title_text))
        self._step.setText(i18n.render(self._step_text))

    @property
    def step(self) -> str:
        return self._step.text()

    def start(self, amount: money_mod.Money, title: object = PAYING) -> None:
        """Show ``title`` (Text is said again after a switch) and the amount."""
        self._title_text = title
        self._title.setText(i18n.render(title))
        self._amount.setText(amount.format() if amount else "")
        self.set_step(translate("ProgressScreen", "Starting the payment…"))

    def set_step(self, step: object) -> None:
        """Say what is happening (the controller's words, or the window's)."""
        self._step_text = step
        self._step.setText(i18n.render(step))


def result_texts(result: types.PaymentResult) -> tuple[str, str, str]:
    """Return (title, plain sentence, tone) for the customer, in today's language."""
    if result.outcome is types.Outcome.CHARGED:
        amount = result.receipt.total if result.receipt else result.amount
        return (
            i18n.t("ResultScreen", PAID),
            QCoreApplication.translate(
                "ResultScreen", "You paid {amount} with Amazon Pay."
            ).format(amount=amount.format()),
            "success",
        )
    if result.outcome is types.Outcome.UNKNOWN:
        return (
            i18n.t("ResultScreen", CHECKING),
            QCoreApplication.translate(
                "ResultScreen",
                "We could not yet confirm whether your payment went through. Please "
                "do not pay again — tap “Call staff” and they will sort it out with "
                "you.",
            ),
            "warning",
        )
    if result.outcome is types.Outcome.DECLINED:
        # The checkout's sentence suggests another method: the kiosk has only one.
        return (
            i18n.t("ResultScreen", NOT_PAID),
            QCoreApplication.translate(
                "ResultScreen",
                "Amazon Pay did not accept this payment. Nothing was charged. You "
                "can try again, or tap “Call staff” to pay at the counter.",
            ),
            "error",
        )
    message = i18n.render(result.message) if result.message else ""
    return (
        i18n.t("ResultScreen", NOT_PAID),
        message
        or QCoreApplication.translate(
            "ResultScreen", "The payment did not go through."
        ),
        "error",
    )


class PrintState(enum.Enum):
    """Where the paper receipt of the result on screen stands."""

    IDLE = "idle"  # not asked for (or the screen was cleared)
    PRINTING = "printing"  # asked; the controller has not answered yet
    PRINTED = "printed"
    NO_PRINTER = "no_printer"  # this kiosk has no printer set up
    FAILED = "failed"  # any other answer (the printer failed): said for a customer


def print_state_of(answer: str) -> PrintState:
    """Read the controller's receipt answer (said in today's language or English)."""
    said = answer.strip()
    if said in (str(PRINTED_ANSWER), i18n.render(PRINTED_ANSWER)):
        return PrintState.PRINTED
    missing = (str(NO_PRINTER_ANSWER), i18n.render(NO_PRINTER_ANSWER))
    if any(words and words in said for words in missing):
        return PrintState.NO_PRINTER
    return PrintState.FAILED


class ReceiptQr(QrWidget):
    """The e-receipt code: its screen names and describes it (it opens no page)."""

    def _describe(self) -> None:
        """Keep the result screen's description (QrWidget would describe a URL)."""


class ResultScreen(Retranslating, QWidget):
    """Show how the payment ended, in a few big words, and what to do next.

    A paid result shows, beside the words, a card with the customer's receipt: the
    e-receipt QR code (when it could be made) and "Print receipt".

    Signals:
        finish_requested(): done; clear everything for the next customer.
        retry_requested(): go back to the pay step and try again.
        print_requested(object): print the receipt of this ``PaymentResult`` (once
            per tap; the button waits for :meth:`show_print_answer`).
    """

    finish_requested = Signal()
    retry_requested = Signal()
    print_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPage")
        self._result: types.PaymentResult | None = None
        self._ereceipt = ""
        self._print_state = PrintState.IDLE
        self._print_answer = ""

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
            "", "kioskRetryButton", "", "primary", min_width=320
        )
        self._finish = widgets.button(
            "", "kioskFinishButton", "", "primary", min_width=320
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addStretch(1)
        buttons.addWidget(self._retry)
        buttons.addWidget(self._finish)
        buttons.addStretch(1)

        column = QWidget()  # the words; at most so wide, so a big screen stays calm
        column.setObjectName("kioskResultWords")
        column.setMaximumWidth(WORDS_MAX_WIDTH)
        words = QVBoxLayout(column)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(20)
        words.addStretch(2)
        words.addWidget(self._icon)
        words.addWidget(self._title)
        words.addWidget(self._message)
        words.addWidget(self._detail)
        words.addStretch(2)
        words.addLayout(buttons)
        words.addStretch(1)

        body = QHBoxLayout()
        body.setSpacing(40)
        body.addStretch(1)
        body.addWidget(column, 100)
        body.addWidget(self._build_receipt_card(), 0, Qt.AlignmentFlag.AlignVCenter)
        body.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 48)
        layout.addLayout(body)

        self._retry.clicked.connect(self.on_retry_clicked)
        self._finish.clicked.connect(self.on_finish_clicked)
        self._print.clicked.connect(self.on_print_clicked)
        self.retranslate()

    def _build_receipt_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("kioskReceiptCard")
        card.setProperty("kiosk", "receipt-card")
        card.setFixedWidth(RECEIPT_QR_SIDE + 2 * 84)
        card.hide()
        self._card = card
        self._card_title = widgets.text(
            "", "heading", name="kioskReceiptTitle", center=True
        )
        self._qr = ReceiptQr()
        self._qr.setObjectName("kioskReceiptQr")
        self._qr.setFixedSize(RECEIPT_QR_SIDE, RECEIPT_QR_SIDE)
        self._qr_hint = widgets.text("", "body", name="kioskReceiptHint", center=True)
        self._print = widgets.button(
            "", "kioskPrintReceiptButton", "", "secondary", min_width=260
        )
        self._print_status = widgets.text(
            "", "receipt-status", name="kioskReceiptStatus", center=True
        )
        self._print_status.setMinimumHeight(56)  # room for two lines: nothing jumps

        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 20)
        inner.setSpacing(14)
        inner.addWidget(self._card_title)
        inner.addWidget(self._qr, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self._qr_hint)
        inner.addSpacing(4)
        inner.addWidget(self._print, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self._print_status)
        return card

    def __repr__(self) -> str:
        outcome = self._result.outcome.value if self._result else None
        return (
            f"<ResultScreen outcome={outcome} qr={bool(self._ereceipt)} "
            f"print={self._print_state.value}>"
        )

    # -- reading (the window and tests) -----------------------------------------

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def message(self) -> str:
        return self._message.text()

    @property
    def result(self) -> types.PaymentResult | None:
        return self._result

    @property
    def ereceipt(self) -> str:
        """The e-receipt payload in the QR code ("" when none is shown)."""
        return self._ereceipt

    @property
    def receipt_qr(self) -> QrWidget:
        return self._qr

    @property
    def print_state(self) -> PrintState:
        return self._print_state

    @property
    def print_text(self) -> str:
        """What the screen says about the paper receipt now ("" before a tap)."""
        return self._print_status.text()

    def receipt_shown(self) -> bool:
        """Is the receipt card (QR and/or Print) part of the screen?"""
        return not self._card.isHidden()

    # -- texts --------------------------------------------------------------------

    def retranslate(self) -> None:
        self._retry.setText(self.tr("Try again"))
        self._retry.setAccessibleName(self.tr("Try paying again"))
        self._card_title.setText(self.tr("Your receipt"))
        self._qr_hint.setText(
            self.tr("Scan this code with your phone camera to keep your receipt.")
        )
        self._qr.setAccessibleName(self.tr("Your receipt as a QR code"))
        self._print.setText(self.tr("Print receipt"))
        self._print.setAccessibleName(self.tr("Print a paper receipt"))
        self._draw()

    # -- acting -------------------------------------------------------------------

    def show_result(
        self, result: types.PaymentResult, ereceipt: str | None = None
    ) -> None:
        """Show ``result``; a paid one with its receipt (``ereceipt``: the payload
        for the QR code, None when it could not be made: then no code is shown).
        """
        self._result = result
        self._print_state, self._print_answer = PrintState.IDLE, ""
        self._set_ereceipt(ereceipt if self._paid() else None)
        tone = result_texts(result)[2]
        icon = {"success": "check", "warning": "pending"}.get(tone, "alert")
        self._icon.setPixmap(theme.icon_pixmap(icon, 96, self.devicePixelRatioF()))
        self._draw()

    def clear(self) -> None:
        """Forget the result, its receipt code and every message (next customer)."""
        self._result = None
        self._print_state, self._print_answer = PrintState.IDLE, ""
        self._set_ereceipt(None)
        self._icon.clear()
        self._title.clear()
        self._title.setAccessibleName("")
        self._message.clear()
        self._detail.clear()
        self._retry.hide()
        self._draw()

    def show_print_answer(self, answer: str) -> bool:
        """Show the controller's answer to "Print receipt"; False if none was asked
        for (an answer for a customer who has gone is dropped).
        """
        if self._print_state is not PrintState.PRINTING:
            return False
        self._print_answer = answer
        self._print_state = print_state_of(answer)
        self._draw()
        return True

    def _set_ereceipt(self, payload: str | None) -> None:
        try:
            self._qr.set_url(payload or "")
        except ValueError as exc:  # too long for a QR code: no code, nothing else
            log.warning("kiosk: the e-receipt QR could not be drawn: %s", exc)
            self._qr.set_url("")
            payload = None
        self._ereceipt = payload or ""

    def _paid(self) -> bool:
        result = self._result
        return result is not None and result.outcome is types.Outcome.CHARGED

    def _draw(self) -> None:
        """Set the texts of the stored result in the language on screen."""
        self._draw_receipt()
        result = self._result
        if result is None:
            self._finish.setText(self.tr("Finish"))
            self._finish.setAccessibleName(self.tr("Finish and start over"))
            return
        title, message, tone = result_texts(result)
        self._title.setText(title)
        self._title.setAccessibleName(title)
        widgets.restyle(self._title, tone=tone)
        self._message.setText(message)

        order = result.order_id
        receipt = result.receipt
        details = []
        if receipt is not None and receipt.balance_after is not None:
            details.append(
                self.tr("Amazon Pay balance now {amount}").format(
                    amount=receipt.balance_after.format()
                )
            )
        if order:
            details.append(self.tr("Reference {order}").format(order=order))
        self._detail.setText("   ·   ".join(details))

        charged = result.outcome is types.Outcome.CHARGED
        retry = (
            not charged
            and result.outcome is not types.Outcome.UNKNOWN
            and result.retryable
        )
        self._retry.setVisible(retry)
        self._finish.setText(self.tr("Finish") if charged else self.tr("Start again"))
        self._finish.setAccessibleName(
            self.tr("Finish and start over")
            if charged
            else self.tr("Cancel and start again")
        )
        widgets.restyle(self._finish, kiosk="primary" if not retry else "secondary")

    def _draw_receipt(self) -> None:
        """The receipt card: the code, Print receipt and what printing said."""
        result = self._result
        can_print = self._paid() and result is not None and result.receipt is not None
        has_code = bool(self._ereceipt)
        self._card.setVisible(can_print or has_code)
        self._qr.setVisible(has_code)
        self._qr_hint.setVisible(has_code)
        self._print.setVisible(can_print)
        state = self._print_state
        self._print.setEnabled(state is not PrintState.PRINTING)
        if has_code and result is not None:
            amount = result.receipt.total if result.receipt else result.amount
            self._qr.setAccessibleDescription(
                self.tr(
                    "Scan this code with your phone camera to keep your receipt "
                    "for {amount}."
                ).format(amount=amount.format())
            )
        else:
            self._qr.setAccessibleDescription("")

        if state is PrintState.PRINTING:
            said = self.tr("Printing your receipt…")
        elif state is PrintState.PRINTED:
            said = self.tr("Your receipt is printed. Please take it from the printer.")
        elif state is PrintState.NO_PRINTER and has_code:
            said = self.tr(
                "The printer is not available right now. Please scan the QR code "
                "above instead."
            )
        elif state is PrintState.NO_PRINTER:
            said = self.tr(
                "The printer is not available right now. If you need a receipt, "
                "tap “Call staff”."
            )
        elif state is PrintState.FAILED and has_code:
            # The controller's answer is written for staff ("reprint it from the
            # manager area"); it is in the log. The customer gets what to do now.
            said = self.tr(
                "Your receipt could not be printed. Please scan the QR code above "
                "instead."
            )
        elif state is PrintState.FAILED:
            said = self.tr(
                "Your receipt could not be printed. If you need one, tap “Call staff”."
            )
        else:
            said = ""
        self._print_status.setText(said)
        widgets.restyle(
            self._print_status,
            tone="warning"
            if state in (PrintState.NO_PRINTER, PrintState.FAILED)
            else "",
        )

    # -- slots --------------------------------------------------------------------

    @Slot()
    def on_retry_clicked(self) -> None:
        self.retry_requested.emit()

    @Slot()
    def on_finish_clicked(self) -> None:
        self.finish_requested.emit()

    @Slot()
    def on_print_clicked(self) -> None:
        result = self._result
        if (
            self._print_state is PrintState.PRINTING
            or result is None
            or not self._paid()
            or result.receipt is None
        ):
            return  # a second quick tap, or nothing to print
        self._print_state, self._print_answer = PrintState.PRINTING, ""
        self._draw_receipt()  # disabled before anyone hears the request
        log.info("kiosk: the customer asked for a printed receipt")
        self.print_requested.emit(result)
