"""``pos-app demo``'s kiosk part: a first-time customer at the self-checkout.

For each language (English, Hindi) the real kiosk window, on the real controller,
service, SQLite file and embedded sandbox, is driven as a passer-by would: tap to
start, pick two items, type a new mobile number on the keypad, choose Link and Pay
by QR code, consent on "their phone" (an HTTP client reading the QR's address and
posting the consent form, as in the counter's ``link-qr`` scenario), and wait for
the result. It saves one PNG per screen under ``OUT/kiosk/<language>/``:

    01-attract.png  02-cart.png  03-number.png  04-pay.png  05-link-qr.png
    06-result.png

and checks the sale against the database and the gateway's order status.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.domain.text import LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from pos_app.checkout.service import CheckoutService
    from pos_app.ui.kiosk import KioskWindow

__all__ = ["KIOSK_NUMBERS", "run_kiosk_demo"]

CHAI, RICE = "8901030865278", "8901063017231"  # ₹145.00 + ₹189.50
#: New customers (not sandbox fixtures), one per language: each links a new wallet.
KIOSK_NUMBERS = {"en": "9876500021", "hi": "9876500022"}
SHOTS = ("attract", "cart", "number", "pay", "link-qr", "result")


def run_kiosk_demo(
    app: QApplication,
    out: Path,
    wait: Callable[[QApplication, Callable[[], bool], float, str], None],
    settle: Callable[..., None],
    error: type[Exception],
) -> list[dict[str, object]]:
    """Run the kiosk flow in every language; return one summary line each.

    ``wait``, ``settle`` and ``error`` are the demo's own helpers (see demo.py).
    A language whose flow fails gives a line with status ``DEMO_FAILED``.
    """
    from pos_app.checkout.bootstrap import build_service
    from pos_app.config import AppConfig
    from pos_app.ui import i18n
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.kiosk import KioskWindow

    services: list[CheckoutService] = []

    def factory() -> CheckoutService:
        service = build_service(AppConfig())
        services.append(service)
        return service

    controller = CheckoutController(factory)
    kiosk = KioskWindow(controller, store_getter=lambda: controller.store)
    kiosk.resize(1280, 800)
    kiosk.show()
    controller.start()
    lines: list[dict[str, object]] = []
    try:
        wait(app, lambda: controller.ready, 30, "the kiosk's gateway")
        attract = kiosk.screen_widget("attract")
        wait(app, lambda: "Amazon Pay" in attract.methods_text, 15, "methods")  # type: ignore[attr-defined]
        for language in LANGUAGES:
            folder = out / "kiosk" / language
            folder.mkdir(parents=True, exist_ok=True)
            try:
                lines.append(
                    _one_customer(
                        app, kiosk, services[0], language, folder, wait, settle
                    )
                )
            except (error, RuntimeError) as exc:
                lines.append(
                    {
                        "scenario": f"kiosk-{language}",
                        "status": "DEMO_FAILED",
                        "error": str(exc),
                    }
                )
    finally:
        kiosk.close()
        kiosk.deleteLater()
        i18n.install(i18n.DEFAULT_LANGUAGE)
        controller.shutdown()
    return lines


def _one_customer(
    app: QApplication,
    kiosk: KioskWindow,
    service: CheckoutService,
    language: str,
    folder: Path,
    wait: Callable[[QApplication, Callable[[], bool], float, str], None],
    settle: Callable[..., None],
) -> dict[str, object]:
    """One customer, start to finish, who chose ``language`` on the welcome screen."""
    import httpx
    from PySide6.QtWidgets import QPushButton

    from pos_app.checkout.types import Outcome, PaymentResult

    controller = kiosk.controller
    if kiosk.current_screen() != "attract":
        raise RuntimeError(f"the kiosk is on {kiosk.current_screen()}, not welcome")
    if kiosk.set_language(language) != language:
        raise RuntimeError(f"the kiosk cannot speak {language}")
    results: list[PaymentResult] = []
    controller.payment_finished.connect(results.append)

    def shot(name: str) -> None:
        settle(app)
        path = folder / f"{SHOTS.index(name) + 1:02d}-{name}.png"
        if not kiosk.grab().save(str(path)):
            raise RuntimeError(f"could not save {path}")

    try:
        shot("attract")

        kiosk.start()
        for sku in (CHAI, RICE):
            if not kiosk.add_product(sku):
                raise RuntimeError(f"the kiosk did not take {sku}")
        shot("cart")

        kiosk.screen_widget("shop").on_next_clicked()  # type: ignore[attr-defined]
        number = KIOSK_NUMBERS[language]
        phone_screen = kiosk.screen_widget("phone")
        phone_screen.enter(number)  # type: ignore[attr-defined]
        shot("number")
        if phone_screen.submit() is None:  # type: ignore[attr-defined]
            raise RuntimeError("the kiosk refused the mobile number")
        wait(app, lambda: kiosk.current_screen() == "pay", 15, "the pay step")
        pay = kiosk.screen_widget("pay")
        if pay.panel != "unlinked":  # type: ignore[attr-defined]
            raise RuntimeError(f"a new customer got the {pay.panel} panel")  # type: ignore[attr-defined]
        shot("pay")

        qr_button = kiosk.findChild(QPushButton, "linkQrButton")
        if qr_button is None or not qr_button.isEnabled():
            raise RuntimeError("no Link and Pay by QR button")
        qr_button.click()
        qr = kiosk.screen_widget("link_qr").qr  # type: ignore[attr-defined]
        wait(app, lambda: bool(qr.url), 15, "the QR code")
        shot("link-qr")

        with httpx.Client(follow_redirects=False, timeout=10) as phone:
            phone.get(qr.url).raise_for_status()
            answer = phone.post(qr.url, data={"decision": "allow"})
            if answer.status_code >= 400:
                raise RuntimeError(f"the consent page answered {answer.status_code}")
        wait(app, lambda: bool(results), 60, "the payment result")
        wait(app, lambda: kiosk.current_screen() == "result", 10, "the result")
        shot("result")

        result = results[-1]
        if result.outcome is not Outcome.CHARGED:
            raise RuntimeError(f"the kiosk payment ended {result.outcome.value}")
        status = service.client.order_status(result.order_id).status
        sale = service.store.get_sale_by_order(result.order_id)
        if sale is None or sale.status != "paid":
            raise RuntimeError(f"sale {result.order_id} is not recorded as paid")
        return {
            "scenario": f"kiosk-{language}",
            "order_id": result.order_id,
            "status": status,
            "amount": result.amount.to_gateway(),
            "flow": result.flow.value,
            "screens": [f"kiosk/{language}/{p.name}" for p in sorted(folder.iterdir())],
        }
    finally:
        controller.payment_finished.disconnect(results.append)
        kiosk.reset("demo")  # the next customer starts on the welcome screen
        settle(app)
