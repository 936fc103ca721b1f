"""``pos-app demo``: drive the real cashier window offscreen through the flows.

Each scenario uses the embedded sandbox and the real widgets (it clicks the same
buttons a cashier would), saves a PNG of every screen, prints one JSON line, and
checks its result against the database, the event journal and the gateway's order
status. The customer's part is played too: their phone (an HTTP client posting the
consent page's form) for the QR, and JavaScript in the web view for the pages shown
on this screen (consent, CCT top-up, OTP). The ``otp`` scenario runs on a second
window whose merchant routes Amazon Pay through PayU. The ``kiosk`` scenario
(:mod:`pos_app.demo_kiosk`) drives the self-checkout in English and in Hindi.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from pos_app.checkout.service import CheckoutService
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.main_window import MainWindow
    from pos_app.ui.web import SecureWebView

__all__ = ["SCENARIOS", "run_demo"]


CHAI, RICE = "8901030865278", "8901063017231"  # ₹145.00 + ₹189.50


@dataclass(frozen=True)
class Scenario:
    name: str
    phone: str
    skus: tuple[str, ...]
    free_amount: str | None
    expect_status: str  # the gateway's final order status
    expect_outcome: str  # PaymentResult.outcome
    #: How the customer pays: "pay" (press Pay), "link-qr", "link-web", "cct", "otp".
    path: str = "pay"
    route: str = "AMAZONPAY"  # the merchant's Amazon Pay route (PAYU: OTP page)
    expect_events: tuple[str, ...] = ()  # journal entries the flow must leave


SCENARIOS: dict[str, Scenario] = {
    "linked": Scenario(
        "linked",
        phone="9999900001",
        skus=(CHAI, RICE, "8901030704621"),
        free_amount="49.50",
        expect_status="CHARGED",
        expect_outcome="charged",
    ),
    "declined": Scenario(
        "declined",
        phone="9999900004",
        skus=("8906002310012",),
        free_amount=None,
        expect_status="AUTHORIZATION_FAILED",
        expect_outcome="declined",
    ),
    "link-qr": Scenario(
        "link-qr",
        phone="9999900003",  # the sandbox's unlinked customer (₹2,000.00 once linked)
        skus=(CHAI, RICE),
        free_amount=None,
        expect_status="CHARGED",
        expect_outcome="charged",
        path="link-qr",
        expect_events=("link_started", "wallet_linked"),
    ),
    "link-web": Scenario(
        "link-web",
        # Not a fixture number (9999900003 is linked once link-qr ran): a new
        # customer, whose new wallet holds ₹1,000.00 once linked.
        phone="9876500011",
        skus=(CHAI, RICE),
        free_amount=None,
        expect_status="CHARGED",
        expect_outcome="charged",
        path="link-web",
        expect_events=("link_started", "wallet_linked"),
    ),
    "cct": Scenario(
        "cct",
        phone="9999900002",  # ₹50.00 balance: the rest on the CCT page
        skus=(),
        free_amount="500.00",
        expect_status="CHARGED",
        expect_outcome="charged",
        path="cct",
        expect_events=("hosted_page_opened", "return_received"),
    ),
    "otp": Scenario(
        "otp",
        phone="9999900001",
        skus=(CHAI, RICE),
        free_amount=None,
        expect_status="CHARGED",
        expect_outcome="charged",
        path="otp",
        route="PAYU",
        expect_events=("hosted_page_opened", "return_received"),
    ),
}

CARD_FORM = """
document.getElementById('card-number').value = '4111 1111 1111 1111';
document.getElementById('card-expiry').value = '12/30';
document.getElementById('card-cvv').value = '123';
document.getElementById('pay-card').click();
true
"""


# The sandbox shows the OTP on its page (no SMS is sent): the customer reads it there.
SANDBOX_OTP = "document.querySelector('#sandbox-otp .code').textContent"


class DemoError(RuntimeError):
    pass


@dataclass
class _Counter:
    """One cashier window with its controller and the service it built."""

    window: MainWindow
    controller: CheckoutController
    services: list[CheckoutService]

    @property
    def service(self) -> CheckoutService:
        return self.services[0]


def run_demo(out: Path, scenario: str = "all") -> int:
    kiosk = scenario in ("all", "kiosk")
    if scenario == "all":
        names = list(SCENARIOS)
    elif scenario in SCENARIOS or scenario == "kiosk":
        names = [scenario] if scenario in SCENARIOS else []
    else:
        choices = ", ".join([*SCENARIOS, "kiosk", "all"])
        print(
            f"pos-app demo: unknown scenario {scenario!r} (choose {choices})",
            file=sys.stderr,
        )
        return 2

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pos_app.app import prepare_qt_environment

    prepare_qt_environment()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from pos_app import logs
    from pos_app.store.db import default_data_dir
    from pos_app.ui.theme import apply_theme

    logs.configure(default_data_dir())
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    apply_theme(app)

    counters: dict[str, _Counter] = {}
    failures = 0
    try:
        for name in names:
            chosen = SCENARIOS[name]
            try:
                counter = counters.get(chosen.route)
                if counter is None:
                    counter = counters[chosen.route] = _open_counter(app, chosen.route)
                line = _run_scenario(app, counter, chosen, out)
            except DemoError as exc:
                line = {"scenario": name, "status": "DEMO_FAILED", "error": str(exc)}
            print(json.dumps(line), flush=True)
            if line.get("status") != chosen.expect_status:
                failures += 1
        if kiosk:
            from pos_app.demo_kiosk import run_kiosk_demo

            for line in run_kiosk_demo(app, out, _wait, _settle, DemoError):
                print(json.dumps(line, ensure_ascii=False), flush=True)
                if line.get("status") != "CHARGED":
                    failures += 1
    finally:
        for counter in counters.values():
            counter.window.close()
            counter.controller.shutdown()
    return 1 if failures else 0


def _open_counter(app: QApplication, route: str) -> _Counter:
    """Start a service on its own embedded sandbox, and a window around it."""
    from pos_app.checkout.bootstrap import build_service
    from pos_app.config import AppConfig
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.main_window import MainWindow

    # The demo always runs on the embedded sandbox; the route is its merchant setup.
    config = AppConfig(amazon_pay_route=route)
    services: list[CheckoutService] = []

    def factory() -> CheckoutService:
        service = build_service(config)
        services.append(service)
        return service

    controller = CheckoutController(factory)
    window = MainWindow(controller, gateway_label=config.gateway_label)
    window.resize(1280, 800)
    window.show()
    controller.start()
    try:
        _wait(
            app,
            lambda: controller.ready and window.payment_panel.has_methods(),
            30,
            "gateway ready",
        )
    except DemoError:
        window.close()
        controller.shutdown()
        raise
    return _Counter(window, controller, services)


def _run_scenario(
    app: QApplication,
    counter: _Counter,
    scenario: Scenario,
    out: Path,
) -> dict[str, object]:
    from pos_app.checkout.types import PaymentResult

    window, service = counter.window, counter.service
    prefix = f"{scenario.name}-"
    window.new_sale()
    for sku in scenario.skus:
        window.add_product(sku)
    if scenario.free_amount:
        window.add_amount(scenario.free_amount)
    _settle(app)
    _shot(window, out / f"{prefix}01-cart.png")

    window.set_phone_text(scenario.phone)
    window.look_up()
    _wait(app, window.customer_shown, 15, "customer look-up")
    _settle(app)
    _shot(window, out / f"{prefix}02-methods.png")

    results: list[PaymentResult] = []
    window.controller.payment_finished.connect(results.append)
    try:
        if scenario.path in ("link-qr", "link-web"):
            _link_and_pay(app, window, scenario, out)
        else:
            _press_pay(app, window, scenario, results, out)
        _wait(app, lambda: bool(results), 60, "payment result")
        _wait(app, lambda: window.link_dialog is None, 10, "the dialog to close")
        _settle(app)
        _shot(window, out / f"{prefix}05-result.png")
    finally:
        window.controller.payment_finished.disconnect(results.append)

    result = results[-1]
    status = service.client.order_status(result.order_id).status
    if result.outcome.value != scenario.expect_outcome:
        raise DemoError(f"ended {result.outcome.value}: {result.message}")
    events = _check_store(service, result.order_id, result.outcome.value)
    missing = [kind for kind in scenario.expect_events if kind not in events]
    if missing:
        raise DemoError(f"the event log lacks {', '.join(missing)}")
    return {
        "scenario": scenario.name,
        "order_id": result.order_id,
        "status": status,
        "amount": result.amount.to_gateway(),
        "flow": result.flow.value,
        "events": events,
    }


def _press_pay(
    app: QApplication,
    window: MainWindow,
    scenario: Scenario,
    results: Sequence[object],
    out: Path,
) -> None:
    """Press Pay; on the CCT and OTP paths, play the customer on the page."""
    prefix = f"{scenario.name}-"
    if not window.pay():
        raise DemoError("the Pay button was not enabled")
    _wait(
        app,
        lambda: window.current_screen() == "progress" or bool(results),
        5,
        "progress",
    )
    _shot(window, out / f"{prefix}03-progress.png")
    if scenario.path == "pay":
        return

    _wait(app, lambda: window.hosted_dialog is not None, 20, "the hosted page")
    dialog = window.hosted_dialog
    assert dialog is not None
    element = "otp" if scenario.path == "otp" else "card-number"
    _wait_page(app, dialog.view, element)
    _settle(app, 30)  # let the compositor draw the page for the picture
    _shot_over(window, dialog, out / f"{prefix}04-{scenario.path}-page.png")
    if scenario.path == "cct":
        _js(app, dialog.view, CARD_FORM)
        return
    otp = _js(
        app, dialog.view, "document.querySelector('#sandbox-otp .code').textContent"
    )
    if not isinstance(otp, str) or not otp.strip().isdigit():
        raise DemoError(f"no OTP on the page: {otp!r}")
    _js(
        app,
        dialog.view,
        f"document.getElementById('otp').value = {otp.strip()!r};"
        "document.getElementById('submit-otp').click(); true",
    )


def _link_and_pay(
    app: QApplication, window: MainWindow, scenario: Scenario, out: Path
) -> None:
    """Press Link and Pay and consent as the customer would (phone or screen)."""
    import httpx

    from pos_app.ui.link_dialog import Stage

    prefix = f"{scenario.name}-"
    if not window.link_and_pay():
        raise DemoError("the Link and Pay button was not enabled")
    dialog = window.link_dialog
    assert dialog is not None
    _wait(app, lambda: dialog.stage is Stage.WAITING, 15, "the consent session")

    if scenario.path == "link-qr":
        _settle(app)
        _shot_over(window, dialog, out / f"{prefix}03-qr.png")
        url = dialog.qr_widget.url  # what the customer's phone camera reads
        with httpx.Client(follow_redirects=False, timeout=10) as phone:
            phone.get(url).raise_for_status()
            answer = phone.post(url, data={"decision": "allow"})
            if answer.status_code >= 400:
                raise DemoError(f"the consent page answered {answer.status_code}")
    else:
        dialog.show_web_tab()
        _wait(
            app,
            lambda: (
                dialog.stage is Stage.WAITING
                and dialog.session is not None
                and dialog.session.mode.value == "web"
            ),
            15,
            "the on-screen consent session",
        )
        view = dialog.web_view
        assert view is not None
        _wait_page(app, view, "allow")
        _settle(app, 30)
        _shot_over(window, dialog, out / f"{prefix}03-web.png")
        _js(app, view, "document.getElementById('allow').click(); true")

    _wait(app, lambda: dialog.stage is Stage.LINKED, 20, "the wallet to link")
    _settle(app)
    _shot_over(window, dialog, out / f"{prefix}04-linked.png")


def _check_store(service: CheckoutService, order_id: str, outcome: str) -> list[str]:
    store = service.store
    sale = store.get_sale_by_order(order_id)
    if sale is None:
        raise DemoError(f"sale {order_id} is not in the database")
    expected_sale = "paid" if outcome == "charged" else "open"
    if sale.status != expected_sale:
        raise DemoError(f"sale {order_id} is {sale.status}, expected {expected_sale}")
    assert sale.id is not None
    attempts = store.attempts_for(sale.id)
    events = store.events_for(sale.id)
    if not attempts or not events:
        raise DemoError(f"sale {order_id} has no attempts or events recorded")
    return [event.kind for event in events]


def _wait(
    app: QApplication, done: Callable[[], bool], seconds: float, what: str
) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise DemoError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def _js(app: QApplication, view: SecureWebView, script: str) -> object:
    """Run ``script`` in the page and return its value (as the customer acting)."""
    answer: list[object] = []
    view.run_js(script, answer.append)
    _wait(app, lambda: bool(answer), 15, "the page's script")
    return answer[0]


def _wait_page(app: QApplication, view: SecureWebView, element: str) -> None:
    """Wait until the page has loaded as far as the element with id ``element``."""
    deadline = time.monotonic() + 20
    check = f"!!document.getElementById({element!r})"
    while _js(app, view, check) is not True:
        if time.monotonic() > deadline:
            raise DemoError(f"the page did not show #{element}")
        _settle(app)


def _shot(window: MainWindow, path: Path) -> None:
    if not window.grab().save(str(path)):
        raise DemoError(f"could not save {path}")


def _shot_over(window: MainWindow, dialog: QWidget, path: Path) -> None:
    """Save the window with ``dialog`` over it, dimmed behind, as the counter shows."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    picture = window.grab()
    over = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(28, 36, 48, 110))
    at = QPoint(
        (picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2
    )
    painter.drawPixmap(at, over)
    painter.end()
    if not picture.save(str(path)):
        raise DemoError(f"could not save {path}")
