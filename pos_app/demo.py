"""``pos-app demo``: drive the real cashier window offscreen through the flows.

Each scenario uses the embedded sandbox and the real widgets (it clicks the same
buttons a cashier would), saves a PNG of every screen, prints one JSON line, and
checks its result against the database and the gateway's order status.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from pos_app.checkout.service import CheckoutService
    from pos_app.ui.main_window import MainWindow

__all__ = ["SCENARIOS", "run_demo"]


@dataclass(frozen=True)
class Scenario:
    name: str
    phone: str
    skus: tuple[str, ...]
    free_amount: str | None
    expect_status: str  # the gateway's final order status
    expect_outcome: str  # PaymentResult.outcome


SCENARIOS: dict[str, Scenario] = {
    "linked": Scenario(
        "linked",
        phone="9999900001",
        skus=("8901030865278", "8901063017231", "8901030704621"),
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
}


class DemoError(RuntimeError):
    pass


def run_demo(out: Path, scenario: str = "all") -> int:
    if scenario == "all":
        names = list(SCENARIOS)
    elif scenario in SCENARIOS:
        names = [scenario]
    else:
        choices = ", ".join([*SCENARIOS, "all"])
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
    from pos_app.checkout.bootstrap import build_service
    from pos_app.config import AppConfig
    from pos_app.store.db import default_data_dir
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.main_window import MainWindow
    from pos_app.ui.theme import apply_theme

    logs.configure(default_data_dir())
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    apply_theme(app)
    config = AppConfig()  # the demo always runs on the embedded sandbox
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

    failures = 0
    try:
        _wait(
            app,
            lambda: controller.ready and window.payment_panel.has_methods(),
            30,
            "gateway ready",
        )
        for name in names:
            try:
                line = _run_scenario(
                    app, window, controller, services[0], SCENARIOS[name], out
                )
            except DemoError as exc:
                line = {"scenario": name, "status": "DEMO_FAILED", "error": str(exc)}
            print(json.dumps(line), flush=True)
            if line.get("status") != SCENARIOS[name].expect_status:
                failures += 1
    except DemoError as exc:
        print(
            json.dumps(
                {"scenario": "startup", "status": "DEMO_FAILED", "error": str(exc)}
            )
        )
        failures += 1
    finally:
        window.close()
        controller.shutdown()
    return 1 if failures else 0


def _run_scenario(
    app: QApplication,
    window: MainWindow,
    controller: object,
    service: CheckoutService,
    scenario: Scenario,
    out: Path,
) -> dict[str, object]:
    from pos_app.checkout.types import PaymentResult

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
    if not window.pay():
        raise DemoError("the Pay button was not enabled")
    _wait(
        app,
        lambda: window.current_screen() == "progress" or bool(results),
        5,
        "progress",
    )
    _shot(window, out / f"{prefix}03-progress.png")
    _wait(app, lambda: bool(results), 60, "payment result")
    _settle(app)
    _shot(window, out / f"{prefix}04-result.png")
    window.controller.payment_finished.disconnect(results.append)

    result = results[0]
    status = _gateway_status(service, result.order_id)
    if result.outcome.value != scenario.expect_outcome:
        raise DemoError(f"ended {result.outcome.value}: {result.message}")
    _check_store(service, result.order_id, result.outcome.value)
    return {
        "scenario": scenario.name,
        "order_id": result.order_id,
        "status": status,
        "amount": result.amount.to_gateway(),
        "flow": result.flow.value,
    }


def _gateway_status(service: CheckoutService, order_id: str) -> str:
    status = service._client.order_status(order_id)
    return status.status


def _check_store(service: CheckoutService, order_id: str, outcome: str) -> None:
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


def _wait(
    app: QApplication, done: Callable[[], bool], seconds: float, what: str
) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise DemoError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def _shot(window: MainWindow, path: Path) -> None:
    if not window.grab().save(str(path)):
        raise DemoError(f"could not save {path}")
