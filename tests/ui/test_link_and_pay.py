"""Link and Pay at the counter: the real window, controller, service and sandbox.

The customer's phone is an httpx client: it reads the QR code off the screen's pixels
(zxing-cpp), opens the consent page and posts the page's own form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.checkout.types import Outcome, PaymentResult
from pos_app.ui.link_dialog import LinkDialog, Stage
from pos_app.ui.main_window import MainWindow
from pos_app.ui.web import SecureWebView

from .conftest import CHAI, RICE, Counter
from .test_web_view import webengine

UNLINKED, LINKED = "9999900003", "9999900001"
SHOTS = Path("/tmp/ui-shots")
WAIT_MS = 15_000


@pytest.fixture
def phone() -> Iterator[httpx.Client]:
    """The customer's phone: a browser that shows redirects instead of following."""
    with httpx.Client(follow_redirects=False, timeout=5) as client:
        yield client


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    return make_counter()


def ready_to_pay(qtbot: QtBot, window: MainWindow, number: str) -> None:
    assert window.add_product(CHAI)
    assert window.add_product(RICE)
    window.set_phone_text(number)
    window.look_up()
    qtbot.waitUntil(window.customer_shown, timeout=WAIT_MS)


def open_link_dialog(qtbot: QtBot, window: MainWindow) -> LinkDialog:
    assert window.link_and_pay()
    dialog = window.link_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.stage is Stage.WAITING, timeout=WAIT_MS)
    return dialog


def to_pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


def scan(dialog: LinkDialog) -> str:
    """Read the QR code off the screen, as the customer's camera does."""
    pixels = to_pil(dialog.qr_widget.grab().toImage())
    found = [result.text for result in zxingcpp.read_barcodes(pixels)]
    assert len(found) == 1, found
    return found[0]


def wait_page(qtbot: QtBot, view: SecureWebView, element: str) -> None:
    """Wait until the page in ``view`` has loaded as far as ``element``."""
    found: list[object] = []

    def check() -> bool:
        view.run_js(f"!!document.getElementById({element!r})", found.append)
        qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
        return found.pop() is True

    qtbot.waitUntil(check, timeout=WAIT_MS)


def txns(counter: Counter) -> list[object]:
    return [r for r in counter.sandbox.requests if r.path == "/txns"]


def attempts(counter: Counter, order_id: str) -> list[str]:
    store = counter.service.store
    sale = store.get_sale_by_order(order_id)
    assert sale is not None and sale.id is not None
    return [a.status for a in store.attempts_for(sale.id)]


def events(counter: Counter, order_id: str) -> list[str]:
    store = counter.service.store
    sale = store.get_sale_by_order(order_id)
    assert sale is not None and sale.id is not None
    return [e.kind for e in store.events_for(sale.id)]


def wait_result(qtbot: QtBot, counter: Counter) -> PaymentResult:
    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        pass
    result = got.args[0]
    assert isinstance(result, PaymentResult)
    return result


# -- QR on the customer's phone --------------------------------------------------


@pytest.mark.usefixtures("themed")
def test_qr_read_off_the_screen_links_on_the_phone_and_pays(
    qtbot: QtBot, counter: Counter, phone: httpx.Client
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    assert dialog.isVisible() and dialog.width() <= 1280 and dialog.height() <= 800
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "link-qr-waiting.png"))

    url = scan(dialog)
    assert url == dialog.session.consent_url  # type: ignore[union-attr]
    page = phone.get(url)
    assert page.status_code == 200 and "******0003" in page.text
    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        phone.post(url, data={"decision": "allow"})
        qtbot.waitUntil(lambda: dialog.stage is Stage.LINKED, timeout=WAIT_MS)
        assert dialog.state_message == "Linked — charging ₹334.50"
        dialog.grab().save(str(SHOTS / "link-linked.png"))

    result = got.args[0]
    assert result.outcome is Outcome.CHARGED, result
    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    assert window.current_screen() == "result"
    assert window.result_view.title == "Payment received"
    card = window.payment_panel.amazon_card
    assert card is not None
    qtbot.waitUntil(lambda: card.balance_text.startswith("Balance ₹"), timeout=WAIT_MS)
    assert window.customer_panel.state_text == "Amazon Pay linked"
    assert {"link_started", "wallet_linked"} <= set(events(counter, result.order_id))
    window.grab().save(str(SHOTS / "link-result.png"))


@pytest.mark.usefixtures("themed")
def test_deny_on_the_phone_says_so_and_charges_nothing(
    qtbot: QtBot, counter: Counter, phone: httpx.Client
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)

    phone.post(scan(dialog), data={"decision": "deny"})

    qtbot.waitUntil(lambda: dialog.stage is Stage.DENIED, timeout=WAIT_MS)
    assert dialog.state_title == "The customer did not allow it"
    assert "Nothing was charged" in dialog.state_message
    retry = dialog.findChild(QPushButton, "linkRetryButton")
    other = dialog.findChild(QPushButton, "linkOtherMethodButton")
    assert retry.isVisible() and other.isVisible()
    dialog.grab().save(str(SHOTS / "link-denied.png"))
    assert window.current_screen() == "sale"
    assert not txns(counter)

    other.click()

    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    assert window.current_screen() == "sale"
    assert window.payment_panel.amazon_card.link_button.isEnabled()  # type: ignore[union-attr]


@pytest.mark.usefixtures("themed")
def test_an_abandoned_qr_expires_and_can_be_tried_again(
    qtbot: QtBot, make_counter: Callable[..., Counter], phone: httpx.Client
) -> None:
    counter = make_counter(link_timeout_s=1.0)
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    first = dialog.session
    assert first is not None

    qtbot.waitUntil(lambda: dialog.stage is Stage.EXPIRED, timeout=WAIT_MS)

    assert dialog.state_title == "Time ran out"
    dialog.grab().save(str(SHOTS / "link-expired.png"))
    assert attempts(counter, first.order_id) == ["failed"]
    assert not txns(counter)

    dialog.findChild(QPushButton, "linkRetryButton").click()  # a fresh code
    qtbot.waitUntil(lambda: dialog.stage is Stage.WAITING, timeout=WAIT_MS)
    assert dialog.session is not None
    assert dialog.session.consent_url != first.consent_url
    phone.post(first.consent_url, data={"decision": "allow"})  # the old code
    qtbot.waitUntil(lambda: dialog.stage is Stage.EXPIRED, timeout=WAIT_MS)
    assert not txns(counter)


def test_cancel_ends_the_consent_and_a_late_allow_pays_nothing(
    qtbot: QtBot, counter: Counter, phone: httpx.Client
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    url = scan(dialog)
    order_id = dialog.session.order_id  # type: ignore[union-attr]

    dialog.findChild(QPushButton, "linkCancelButton").click()

    qtbot.waitUntil(lambda: dialog.stage is Stage.CANCELLED, timeout=3000)
    assert dialog.state_title == "Linking cancelled"
    dialog.grab().save(str(SHOTS / "link-cancelled.png"))
    phone.post(url, data={"decision": "allow"})
    qtbot.wait(2 * 1500)  # two of the controller's polls, had it kept polling
    assert not txns(counter)
    assert attempts(counter, order_id) == ["cancelled"]
    assert not counter.controller.paying
    dialog.reject()
    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    assert window.current_screen() == "sale"


def test_a_consent_after_new_sale_pays_for_nothing(
    qtbot: QtBot, counter: Counter, phone: httpx.Client
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    url = scan(dialog)
    order_id = dialog.session.order_id  # type: ignore[union-attr]

    assert window.new_sale()  # the next customer steps up; the QR is still out there

    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    assert len(window.cart_model.cart) == 0 and not window.customer_shown()
    phone.post(url, data={"decision": "allow"})
    qtbot.wait(2 * 1500)
    assert not txns(counter)
    qtbot.waitUntil(
        lambda: attempts(counter, order_id) == ["cancelled"], timeout=WAIT_MS
    )
    assert not counter.controller.paying


@pytest.mark.usefixtures("themed")
def test_remove_the_link_then_link_again_and_pay(
    qtbot: QtBot, counter: Counter, phone: httpx.Client
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, LINKED)
    panel = window.customer_panel
    assert panel.delink_button.isVisible()

    panel.delink_button.click()
    confirm = panel.findChild(QPushButton, "confirmDelinkButton")
    assert confirm.isVisible()
    window.grab().save(str(SHOTS / "delink-confirm.png"))
    with qtbot.waitSignal(counter.controller.customer_changed, timeout=WAIT_MS):
        assert panel.confirm_delink()

    assert panel.state_text == "Amazon Pay not linked yet"
    assert not panel.delink_button.isVisible()
    dialog = open_link_dialog(qtbot, window)
    phone.post(scan(dialog), data={"decision": "allow"})
    result = wait_result(qtbot, counter)
    assert result.outcome is Outcome.CHARGED, result
    qtbot.waitUntil(lambda: panel.state_text == "Amazon Pay linked", timeout=WAIT_MS)


# -- the consent page on this screen ----------------------------------------------


@webengine
@pytest.mark.usefixtures("themed")
def test_on_this_screen_allow_in_the_web_view_links_and_pays(
    qtbot: QtBot, counter: Counter
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    qr_session = dialog.session
    assert dialog.web_view is None  # nothing of WebEngine until the tab is shown

    dialog.show_web_tab()

    view = dialog.web_view
    assert view is not None
    qtbot.waitUntil(
        lambda: dialog.stage is Stage.WAITING and dialog.session is not None,
        timeout=WAIT_MS,
    )
    session = dialog.session
    assert session is not None and session.mode.value == "web"
    assert qr_session is not None and session.consent_url != qr_session.consent_url
    qtbot.waitUntil(lambda: "consent" in view.url(), timeout=WAIT_MS)
    wait_page(qtbot, view, "allow")
    qtbot.wait(300)  # let the compositor draw the page for the picture
    dialog.grab().save(str(SHOTS / "link-web-tab.png"))

    with qtbot.waitSignal(counter.controller.payment_finished, timeout=WAIT_MS) as got:
        view.run_js("document.getElementById('allow').click()")

    assert got.args[0].outcome is Outcome.CHARGED, got.args[0]
    assert attempts(counter, qr_session.order_id)[0] == "cancelled"  # the QR's
    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.is_open(), timeout=WAIT_MS)
    assert window.result_view.title == "Payment received"


@webengine
@pytest.mark.usefixtures("themed")
def test_the_consent_page_cannot_lead_to_another_host(
    qtbot: QtBot, counter: Counter
) -> None:
    window = counter.window
    ready_to_pay(qtbot, window, UNLINKED)
    dialog = open_link_dialog(qtbot, window)
    dialog.show_web_tab()
    view = dialog.web_view
    assert view is not None
    qtbot.waitUntil(lambda: "consent" in view.url(), timeout=WAIT_MS)
    wait_page(qtbot, view, "allow")
    page_url = view.url()
    foreign = page_url.replace("127.0.0.1", "localhost")  # same server, other host

    with qtbot.waitSignal(view.navigation_blocked, timeout=WAIT_MS) as blocked:
        view.run_js(f"window.location.href = {foreign!r}")

    assert blocked.args == [foreign]
    assert "outside Amazon Pay" in dialog.blocked_text
    assert view.url() == page_url
    assert dialog.stage is Stage.WAITING
    qtbot.wait(300)
    dialog.grab().save(str(SHOTS / "link-web-blocked.png"))
    assert window.new_sale()
    qtbot.waitUntil(lambda: window.link_dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.is_open(), timeout=WAIT_MS)
    assert not counter.controller.paying
    assert not txns(counter)
