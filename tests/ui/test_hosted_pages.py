"""The CCT top-up and the OTP page inside the app, on the real checkout and sandbox.

The customer fills the gateway's own forms in the web view (by JavaScript here); the
return URL is caught in the view and verified by the checkout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.checkout.types import Outcome
from pos_app.ui.main_window import MainWindow
from pos_app.ui.web import HostedPageDialog, PageKind

from .conftest import Counter
from .test_web_view import webengine

SMALL, LINKED = "9999900002", "9999900001"  # ₹50.00 balance; ₹5,000.00
SHOTS = Path("/tmp/ui-shots")
WAIT_MS = 20_000

CARD = """
document.getElementById('card-number').value = '4111 1111 1111 1111';
document.getElementById('card-expiry').value = '12/30';
document.getElementById('card-cvv').value = '123';
document.getElementById('pay-card').click();
"""


def ready_to_pay(qtbot: QtBot, window: MainWindow, number: str, amount: str) -> None:
    assert window.add_amount(amount)
    window.set_phone_text(number)
    window.look_up()
    qtbot.waitUntil(window.customer_shown, timeout=WAIT_MS)


def open_page(qtbot: QtBot, window: MainWindow) -> HostedPageDialog:
    assert window.pay()
    qtbot.waitUntil(lambda: window.hosted_dialog is not None, timeout=WAIT_MS)
    dialog = window.hosted_dialog
    assert dialog is not None
    qtbot.waitUntil(
        lambda: js(qtbot, dialog, "!!document.getElementById('heading')") is True,
        timeout=WAIT_MS,
    )
    return dialog


def js(qtbot: QtBot, dialog: HostedPageDialog, script: str) -> Any:
    done: list[Any] = []
    dialog.view.run_js(script, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    return done[0]


def header(dialog: HostedPageDialog) -> str:
    return dialog.findChild(QLabel, "hostedExplanation").text()


@webengine
@pytest.mark.usefixtures("themed")
def test_short_balance_pays_the_rest_by_card_on_the_cct_page(
    qtbot: QtBot, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    window = counter.window
    ready_to_pay(qtbot, window, SMALL, "500")
    card = window.payment_panel.amazon_card
    assert card is not None
    assert card.subtitle == (
        "Balance covers ₹50.00 — the rest by card, UPI or net banking on the next page"
    )
    window.grab().save(str(SHOTS / "methods-short-live.png"))

    dialog = open_page(qtbot, window)

    assert dialog.kind is PageKind.TOP_UP
    explained = (
        "Your Amazon Pay balance covers ₹50.00. Pay the remaining ₹450.00 by card, "
        "UPI or net banking."
    )
    assert header(dialog) == explained
    assert window.progress_view.explanation == explained
    qtbot.wait(300)
    dialog.grab().save(str(SHOTS / "hosted-cct-dialog.png"))
    window.grab().save(str(SHOTS / "hosted-cct-progress.png"))
    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        js(qtbot, dialog, CARD)

    result = got.args[0]
    assert result.outcome is Outcome.CHARGED, result
    assert result.flow.value == "cct_topup"
    assert window.hosted_dialog is None
    assert window.result_view.title == "Payment received"
    window.grab().save(str(SHOTS / "hosted-cct-result.png"))


@webengine
def test_cct_page_closed_by_the_customer_is_checked_by_status(
    qtbot: QtBot, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    window = counter.window
    ready_to_pay(qtbot, window, SMALL, "500")
    dialog = open_page(qtbot, window)

    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        dialog.findChild(QPushButton, "hostedCloseButton").click()

    result = got.args[0]
    assert result.outcome is Outcome.UNKNOWN, result
    assert window.current_screen() == "result"
    assert window.result_view.title == "Checking the payment"
    sale = counter.service.store.get_sale_by_order(result.order_id)
    assert sale is not None and sale.status == "open"
    assert not any(
        r.path.startswith("/pay/cct") and r.method == "POST"
        for r in counter.sandbox.requests
    )


@webengine
@pytest.mark.usefixtures("themed")
def test_otp_wrong_then_right_pays_through_payu(
    qtbot: QtBot, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter(route="PAYU")
    window = counter.window
    ready_to_pay(qtbot, window, LINKED, "250")
    card = window.payment_panel.amazon_card
    assert card is not None
    assert card.subtitle == "Amazon Pay via PayU — OTP on your phone"
    window.grab().save(str(SHOTS / "methods-redirect-live.png"))

    dialog = open_page(qtbot, window)

    assert dialog.kind is PageKind.OTP
    assert header(dialog) == "Amazon Pay via PayU: enter the OTP sent to your phone."
    order_id = counter.controller.hosted_step.order_id  # type: ignore[union-attr]
    js(
        qtbot,
        dialog,
        "document.getElementById('otp').value = '000000';"
        "document.getElementById('submit-otp').click(); true",
    )
    qtbot.waitUntil(
        lambda: "2 tries left" in js(qtbot, dialog, "document.body.innerText"),
        timeout=WAIT_MS,
    )
    assert window.hosted_dialog is dialog and dialog.isVisible()
    qtbot.wait(300)
    dialog.grab().save(str(SHOTS / "hosted-otp-wrong.png"))

    otp = js(qtbot, dialog, "document.querySelector('#sandbox-otp .code').textContent")
    assert otp == counter.sandbox.ledger.last_otp(order_id)
    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        js(
            qtbot,
            dialog,
            f"document.getElementById('otp').value = {otp!r};"
            "document.getElementById('submit-otp').click(); true",
        )

    result = got.args[0]
    assert result.outcome is Outcome.CHARGED, result
    assert result.flow.value == "redirect_otp"
    assert (
        window.result_view.message == "Paid with Amazon Pay (via PayU), approved by OTP"
    )
    window.grab().save(str(SHOTS / "hosted-otp-result.png"))
