"""The receipt on a paid kiosk result: the e-receipt QR code and "Print receipt".

The customer scans the signed e-receipt off the result screen, or taps Print
receipt (once per tap; the button waits for the controller's answer). Nothing of
it may be left for the next customer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from pos_app import receipts
from pos_app.checkout import types
from pos_app.ui import ereceipt_dialog, i18n
from pos_app.ui.kiosk import KioskWindow
from pos_app.ui.kiosk.finish import PrintState, ResultScreen

from . import fakes
from .conftest import CHAI, RICE, SIZE, make_kiosk, to_pay

ORDER = "T01ABC123XYZ"  # the fake result's order
NO_PRINTER_WITH_QR = (
    "The printer is not available right now. Please scan the QR code above instead."
)
NO_PRINTER_NO_QR = (
    "The printer is not available right now. If you need a receipt, tap “Call staff”."
)


def _hindi(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


@pytest.fixture
def hindi(speak: Callable[[str], str]) -> Callable[[str], str]:
    """``speak``, after checking the catalogue has the receipts' Hindi."""
    assert speak("hi") == "hi"
    assert _hindi(QCoreApplication.translate("ResultScreen", "Print receipt"))
    speak("en")
    return speak


def _button(kiosk: QWidget, name: str) -> QPushButton:
    button = kiosk.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _result(kiosk: KioskWindow) -> ResultScreen:
    screen = kiosk.screen_widget("result")
    assert isinstance(screen, ResultScreen)
    return screen


def _paid(
    kiosk: KioskWindow, controller: fakes.KioskFakeController, amount: str = "145.00"
) -> ResultScreen:
    to_pay(kiosk, controller, fakes.customer("5000"))
    assert kiosk.screen_widget("pay").press_pay()
    controller.finish(fakes.result(types.Outcome.CHARGED, amount=amount))
    assert kiosk.current_screen() == "result"
    return _result(kiosk)


def _to_pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


def _scan(widget: QWidget) -> list[str]:
    """Read the QR code off the widget's pixels, as a phone would."""
    image = _to_pil(widget.grab().toImage())
    return [found.text for found in zxingcpp.read_barcodes(image)]


# -- the e-receipt QR code ---------------------------------------------------------


def test_a_paid_result_shows_a_scannable_signed_ereceipt(qtbot, kiosk, controller):
    screen = _paid(kiosk, controller)
    qtbot.wait(1)
    qr = screen.receipt_qr

    assert screen.title == "Paid — thank you"
    assert screen.receipt_shown() and qr.isVisible()
    assert 240 <= qr.width() <= 300 and qr.height() == qr.width()
    assert screen.ereceipt and qr.url == screen.ereceipt
    hint = kiosk.findChild(QLabel, "kioskReceiptHint")
    assert hint is not None and hint.isVisible()
    assert hint.text() == "Scan this code with your phone camera to keep your receipt."
    assert qr.accessibleName() == "Your receipt as a QR code"
    assert qr.accessibleDescription() == (
        "Scan this code with your phone camera to keep your receipt for ₹145.00."
    )

    scanned = _scan(qr)
    assert scanned == [screen.ereceipt]
    claim = receipts.verify(scanned[0], receipts.load_settings().ereceipt_key)
    assert claim.order_id == ORDER
    assert claim.total.to_gateway() == "145.00"


@pytest.mark.parametrize("failure", ["none", "raises", "too long"])
def test_no_qr_when_the_ereceipt_cannot_be_made(
    qtbot, kiosk, controller, monkeypatch, failure
):
    def payload(*_args: object, **_kwargs: object) -> str | None:
        if failure == "raises":
            raise OSError("the data folder is read-only")
        return "x" * 5000 if failure == "too long" else None

    monkeypatch.setattr(ereceipt_dialog, "ereceipt_payload", payload)
    screen = _paid(kiosk, controller)

    assert screen.title == "Paid — thank you"
    assert screen.ereceipt == "" and screen.receipt_qr.url == ""
    assert not screen.receipt_qr.isVisible()
    assert not kiosk.findChild(QLabel, "kioskReceiptHint").isVisible()
    assert _button(kiosk, "kioskPrintReceiptButton").isVisible()  # still offered
    assert _button(kiosk, "kioskFinishButton").isEnabled()

    _button(kiosk, "kioskPrintReceiptButton").click()
    controller.answer_print("no_printer")
    assert screen.print_text == NO_PRINTER_NO_QR  # no code to point at


@pytest.mark.parametrize("outcome", [types.Outcome.DECLINED, types.Outcome.UNKNOWN])
def test_no_receipt_when_nothing_was_paid(kiosk, controller, outcome):
    to_pay(kiosk, controller, fakes.customer("5000"))
    kiosk.screen_widget("pay").press_pay()
    controller.finish(fakes.result(outcome, retryable=True))
    screen = _result(kiosk)
    assert not screen.receipt_shown()
    assert screen.ereceipt == ""
    assert not _button(kiosk, "kioskPrintReceiptButton").isVisible()


# -- Print receipt -----------------------------------------------------------------


def test_print_asks_the_controller_once_per_tap_and_waits(qtbot, kiosk, controller):
    screen = _paid(kiosk, controller)
    button = _button(kiosk, "kioskPrintReceiptButton")
    assert button.text() == "Print receipt"
    assert button.accessibleName() == "Print a paper receipt"
    assert button.height() >= 44 and button.width() >= 44
    assert screen.print_text == ""

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a quick second tap
    screen.on_print_clicked()  # even if a tap got through

    assert len(controller.print_calls) == 1
    assert controller.print_calls[0] is screen.result
    assert not button.isEnabled()
    assert screen.print_state is PrintState.PRINTING
    assert screen.print_text == "Printing your receipt…"

    controller.answer_print("printed")
    assert button.isEnabled()
    assert screen.print_state is PrintState.PRINTED
    assert screen.print_text == (
        "Your receipt is printed. Please take it from the printer."
    )

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # another copy: one more
    assert len(controller.print_calls) == 2


def test_no_printer_says_so_and_points_at_the_qr(kiosk, controller):
    screen = _paid(kiosk, controller)
    _button(kiosk, "kioskPrintReceiptButton").click()
    controller.answer_print("no_printer")
    assert screen.print_state is PrintState.NO_PRINTER
    assert screen.print_text == NO_PRINTER_WITH_QR
    assert screen.receipt_qr.isVisible()  # the way out stays on screen
    assert _button(kiosk, "kioskPrintReceiptButton").isEnabled()


def test_another_printer_problem_tells_the_customer_what_to_do(kiosk, controller):
    screen = _paid(kiosk, controller)
    _button(kiosk, "kioskPrintReceiptButton").click()
    controller.answer_print("offline")
    assert screen.print_state is PrintState.FAILED
    # The checkout's sentence is for staff (it says to reprint from the manager
    # area); the customer is told what they can do now.
    assert "did not answer in time" not in screen.print_text
    assert "manager" not in screen.print_text.lower()
    assert screen.print_text == (
        "Your receipt could not be printed. Please scan the QR code above instead."
    )
    assert _button(kiosk, "kioskPrintReceiptButton").isEnabled()  # may try again


def test_an_answer_nobody_asked_for_is_ignored(kiosk, controller):
    screen = _paid(kiosk, controller)
    controller.answer_print("printed")
    assert screen.print_text == ""
    assert screen.print_state is PrintState.IDLE


# -- the next customer sees nothing of it ------------------------------------------


def test_finish_clears_the_code_and_the_messages(qtbot, kiosk, controller):
    screen = _paid(kiosk, controller)
    _button(kiosk, "kioskPrintReceiptButton").click()
    controller.answer_print("no_printer")
    assert screen.ereceipt and screen.print_text

    _button(kiosk, "kioskFinishButton").click()

    assert kiosk.current_screen() == "attract"
    assert screen.result is None and screen.ereceipt == ""
    assert screen.receipt_qr.url == "" and screen.print_text == ""
    assert screen.print_state is PrintState.IDLE
    assert not screen.receipt_shown()
    assert screen.title == "" and screen.message == ""


def test_idle_on_the_result_still_resets_and_clears_the_receipt(
    qtbot, themed, controller, store
):
    kiosk = make_kiosk(qtbot, controller, store, idle_timeout_s=0.3, warning_s=1)
    screen = _paid(kiosk, controller)
    _button(kiosk, "kioskPrintReceiptButton").click()  # the answer is still to come
    resets: list[str] = []
    kiosk.session_reset.connect(resets.append)

    qtbot.waitUntil(lambda: kiosk.current_screen() == "attract", timeout=5000)

    assert resets == ["idle"]
    assert screen.ereceipt == "" and screen.print_text == ""
    assert not screen.receipt_shown()

    # The old print answers late, while the next customer has paid: not theirs.
    screen = _paid(kiosk, controller, amount="189.50")
    controller.answer_print("no_printer")
    assert screen.print_text == ""
    assert _button(kiosk, "kioskPrintReceiptButton").isEnabled()
    assert "₹189.50" in screen.receipt_qr.accessibleDescription()


# -- languages ---------------------------------------------------------------------


def _fresh(qtbot, store) -> tuple[KioskWindow, fakes.KioskFakeController]:
    controller = fakes.KioskFakeController()
    kiosk = make_kiosk(qtbot, controller, store, language=i18n.current())
    return kiosk, controller


def test_the_receipt_retranslates_live(
    qtbot, hindi, themed, store, assert_retranslates
):
    kept: list[object] = []  # the screen's kiosk must outlive build()

    def build() -> QWidget:
        kiosk, controller = _fresh(qtbot, store)
        kept.append((kiosk, controller))
        kiosk.start()
        for sku in (CHAI, RICE):
            kiosk.add_product(sku)
        _paid(kiosk, controller)
        _button(kiosk, "kioskPrintReceiptButton").click()
        controller.answer_print("no_printer")
        screen = _result(kiosk)
        assert screen.ereceipt and screen.print_state is PrintState.NO_PRINTER
        return screen

    assert_retranslates(build)


@pytest.fixture
def in_hindi(hindi: Callable[[str], str]) -> Iterator[None]:
    hindi("hi")
    yield
    hindi("en")


@pytest.mark.parametrize("answer", ["", "printing", "no_printer", "offline"])
def test_hindi_receipt_fits_at_1280x800(qtbot, in_hindi, themed, store, answer):
    kiosk, controller = _fresh(qtbot, store)
    kiosk.resize(*SIZE)
    screen = _paid(kiosk, controller)
    if answer:
        _button(kiosk, "kioskPrintReceiptButton").click()
    if answer not in ("", "printing"):
        controller.answer_print(answer)
    qtbot.wait(1)
    QCoreApplication.processEvents()

    assert _hindi(screen.title) and _hindi(screen.print_text or screen.message)
    problems = []
    for widget in [*screen.findChildren(QLabel), *screen.findChildren(QPushButton)]:
        if not widget.isVisibleTo(kiosk) or not widget.text():
            continue
        name = widget.objectName()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                problems.append(f"{name} {widget.height()} < {needed} high")
        elif widget.width() < widget.sizeHint().width():
            problems.append(f"{name} {widget.width()} < {widget.sizeHint().width()}")
        inside = widget.rect().translated(widget.mapTo(screen, widget.rect().topLeft()))
        if not screen.rect().contains(inside):
            problems.append(f"{name} runs off the screen")
    assert problems == []
    assert 240 <= screen.receipt_qr.width() <= 300
