"""Render every cashier screen to PNG at 1280x800 (not a test; run it by hand).

    QT_QPA_PLATFORM=offscreen python tests/ui/render_screens.py [OUT_DIR] [--lang hi]

Uses the FakeController, so no service, database or network is involved. With
``--lang hi`` the screens speak Hindi (``POS_I18N_DIR`` picks a catalogue to try);
the Link and Pay dialog and the e-receipt are drawn too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QWidget

from pos_app.checkout.types import LinkState, Outcome
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.ui import i18n, theme
from pos_app.ui.ereceipt_dialog import EReceiptDialog
from pos_app.ui.main_window import MainWindow
from tests.ui import fakes

SIZE = (1280, 800)


def _window(ready: bool = True) -> tuple[MainWindow, fakes.FakeController]:
    controller = fakes.FakeController()
    window = MainWindow(controller, gateway_label="Sandbox")
    window.resize(*SIZE)
    window.show()
    if ready:
        controller.become_ready()
    return window, controller


def _fill(window: MainWindow) -> None:
    for sku in ("8901030865278", "8901063017231", "8901063017231", "8906002310012"):
        window.add_product(sku)
    window.add_amount("250")


def _paying(window: MainWindow, controller: fakes.FakeController) -> None:
    _fill(window)
    controller.give_customer(fakes.customer("5000"))
    window.pay()
    controller.payment_progress.emit("Charging Amazon Pay balance")


def _lines(window: MainWindow) -> tuple[CartLine, ...]:
    return tuple(window.cart_model.cart.lines)


def _finish(
    window: MainWindow, controller: fakes.FakeController, **kwargs: object
) -> None:
    _paying(window, controller)
    total = window.cart_model.total.to_gateway()
    controller.finish(fakes.result(amount=total, lines=_lines(window), **kwargs))  # type: ignore[arg-type]


def scenes() -> dict[str, Callable[[MainWindow, fakes.FakeController], None]]:
    return {
        "01-starting": lambda w, c: None,
        "02-empty": lambda w, c: None,
        "03-cart-no-customer": lambda w, c: _fill(w),
        "04-bad-amount": lambda w, c: (_fill(w), w.add_amount("1.234")),
        "05-bad-phone": lambda w, c: (_fill(w), w.set_phone_text("12345"), w.look_up()),
        "06-looking-up": lambda w, c: (
            _fill(w),
            w.set_phone_text("98765 43210"),
            w.look_up(),
        ),
        "07-linked": lambda w, c: (_fill(w), c.give_customer(fakes.customer("5000"))),
        "08-not-linked": lambda w, c: (
            _fill(w),
            c.give_customer(fakes.customer(linked=False)),
        ),
        "09-short-balance": lambda w, c: (
            _fill(w),
            c.give_customer(fakes.customer("500")),
        ),
        "10-progress": _paying,
        "11-success": lambda w, c: _finish(w, c, outcome=Outcome.CHARGED),
        "12-declined": lambda w, c: _finish(
            w,
            c,
            outcome=Outcome.DECLINED,
            message="Amazon Pay declined the payment: the balance is too low. "
            "Nothing was charged.",
            retryable=True,
            error_code="INSUFFICIENT_FUNDS",
        ),
        "13-error": lambda w, c: _finish(
            w,
            c,
            outcome=Outcome.ERROR,
            message="The payment gateway could not be reached. Nothing was charged.",
            retryable=True,
            error_code="GATEWAY_UNREACHABLE",
        ),
        "14-unknown": lambda w, c: _finish(
            w, c, outcome=Outcome.UNKNOWN, message="The gateway did not answer in time."
        ),
        "15-big-cart": lambda w, c: (
            [w.add_product(p.sku) for p in w.catalogue.products()],
            w.add_amount("99999"),
            c.give_customer(fakes.customer("100000")),
        ),
    }


def _link(window: MainWindow, controller: fakes.FakeController) -> QWidget:
    window.add_product("8901030865278")
    controller.give_customer(fakes.customer(linked=False))
    window.link_and_pay()
    dialog = window.link_dialog
    assert dialog is not None
    controller.open_link(fakes.link_session())
    return dialog


def _link_denied(window: MainWindow, controller: fakes.FakeController) -> QWidget:
    dialog = _link(window, controller)
    controller.end_link(LinkState.DENIED)
    return dialog


def _ereceipt(window: MainWindow, controller: fakes.FakeController) -> QWidget:
    dialog = EReceiptDialog("https://pos.invalid/r/T01ABC123XYZ", "₹145.00", window)
    dialog.resize(520, 560)
    dialog.show()
    return dialog


def dialogs() -> dict[str, Callable[[MainWindow, fakes.FakeController], QWidget]]:
    return {
        "20-link-qr": _link,
        "21-link-denied": _link_denied,
        "22-ereceipt": _ereceipt,
    }


def main(out: Path, lang: str = "en") -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    theme.apply_theme(app)
    i18n.install(lang)
    out.mkdir(parents=True, exist_ok=True)

    for name, scene in scenes().items():
        window, controller = _window(ready=name != "01-starting")
        scene(window, controller)
        app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)
        window.close()
        window.deleteLater()
        app.processEvents()
    for name, scene in dialogs().items():
        window, controller = _window()
        dialog = scene(window, controller)
        app.processEvents()
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    _ = Money


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--lang")]
    language = "hi" if "--lang" in sys.argv[1:] and "hi" in sys.argv[1:] else "en"
    args = [a for a in args if a != "hi"]
    main(Path(args[0] if args else "/tmp/ui-shots"), language)
