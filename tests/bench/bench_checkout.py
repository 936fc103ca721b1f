"""Benchmark: a direct-debit checkout through the app vs the same calls with bare httpx.

Run: ``python tests/bench/bench_checkout.py [--rounds 15] [--latency-ms 50]``

Both sides talk to one sandbox on 127.0.0.1 with the same added latency, interleaved
round by round so drift on the machine hits both alike. The app side goes through the
Qt controller (worker thread, SQLite journal, order-status confirmation) while a 1 ms
timer on the GUI thread records the longest gap between its ticks: the GUI stall.
It prints figures; it asserts nothing (it is not a test).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from pos_app.checkout.bootstrap import build_service
from pos_app.checkout.types import Outcome, PaymentResult
from pos_app.config import AppConfig
from pos_app.domain.cart import Cart, Product
from pos_app.domain.ids import new_order_id
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.sandbox.server import SandboxServer
from pos_app.ui.controller import CheckoutController

PHONE = "9999900005"  # linked, large balance


def bare_httpx_checkout(
    client: httpx.Client, merchant_id: str, customer_id: str
) -> None:
    """The gateway calls of one direct debit, with nothing around them."""
    order_id = new_order_id("BENCH")
    r = client.post(
        "/orders",
        data={
            "order_id": order_id,
            "amount": "10.00",
            "customer_id": customer_id,
            "currency": "INR",
            "return_url": "https://pos.invalid/r",
        },
    )
    r.raise_for_status()
    wallets = client.get(f"/customers/{customer_id}/wallets/refresh-balances")
    wallets.raise_for_status()
    token = next(
        w["token"] for w in wallets.json()["list"] if w["wallet"] == "AMAZONPAY"
    )
    r = client.post(
        "/txns",
        data={
            "order_id": order_id,
            "merchant_id": merchant_id,
            "payment_method_type": "WALLET",
            "payment_method": "AMAZONPAY",
            "direct_wallet_token": token,
            "redirect_after_payment": "true",
            "format": "json",
        },
    )
    r.raise_for_status()
    status = client.get(f"/orders/{order_id}")
    status.raise_for_status()
    assert status.json()["status"] == "CHARGED"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--latency-ms", type=int, default=50)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="pos-bench-"))
    os.environ["POS_DATA_DIR"] = str(data_dir)
    app = QApplication(sys.argv[:1])

    sandbox = SandboxServer(latency_ms=args.latency_ms)
    sandbox.start()
    service = build_service(AppConfig(), sandbox=sandbox)
    phone = Phone.parse(PHONE)
    customer = service.look_up_customer(phone)
    methods = service.payment_methods()
    amazon = next(m for m in methods if m.is_amazon_pay)

    controller = CheckoutController(lambda: service)
    controller.start()
    _wait(app, lambda: controller.ready)
    controller.look_up_customer(phone)
    _wait(app, lambda: controller.customer is not None)

    bare = httpx.Client(
        base_url=sandbox.base_url,
        auth=(sandbox.api_key, ""),
        headers={"x-merchantid": sandbox.merchant_id},
        timeout=10,
    )
    cart = Cart()
    cart.add_product(Product("b1", "Bench item", Money.parse("10.00")))

    bare_times, app_times, stalls = [], [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        bare_httpx_checkout(bare, sandbox.merchant_id, customer.customer_id)
        bare_times.append(time.perf_counter() - started)

        results: list[PaymentResult] = []
        controller.payment_finished.connect(results.append)
        stall = _StallMeter()
        started = time.perf_counter()
        loop = QEventLoop()
        controller.payment_finished.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        assert controller.pay(cart, amazon)
        loop.exec()  # a real event loop, as in the app
        controller.payment_finished.disconnect(loop.quit)
        app_times.append(time.perf_counter() - started)
        stalls.append(stall.stop())
        controller.payment_finished.disconnect(results.append)
        assert results[0].outcome is Outcome.CHARGED, results[0].message
        service.new_sale()

    bare_med, app_med = statistics.median(bare_times), statistics.median(app_times)
    print(f"gateway latency per call : {args.latency_ms} ms, rounds: {args.rounds}")
    print(f"bare httpx checkout      : median {bare_med * 1000:7.1f} ms")
    print(f"app checkout (controller): median {app_med * 1000:7.1f} ms")
    print(f"ratio app / bare         : {app_med / bare_med:.3f}  (target <= 1.05)")
    print(f"longest GUI-thread stall : {max(stalls):.1f} ms  (target <= 16)")
    controller.shutdown()
    bare.close()
    sandbox.stop()
    return 0


class _StallMeter:
    """Longest gap between ticks of a 1 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        if self._last:
            self.worst = max(self.worst, (now - self._last) / 1e6)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.worst


def _wait(app: QApplication, done, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step timed out")
        app.processEvents()
        time.sleep(0.0005)


if __name__ == "__main__":
    sys.exit(main())
