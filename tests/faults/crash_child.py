"""The app in a child process: one Amazon Pay payment through the real checkout.

Run as ``python crash_child.py MOBILE PRICE`` with ``POS_GATEWAY_URL``,
``POS_MERCHANT_ID``, ``POS_API_KEY``, ``POS_RESPONSE_KEY`` and ``POS_DATA_DIR`` set,
as ``pos-app`` would be. It prints one JSON line per step (``{"step": ...}``), a
``{"hosted": url}`` line when the customer must use a page (then waits for the
page, at most 60 s), and ``{"outcome": ...}`` at the end. The crash test kills it
with SIGKILL somewhere on the way.
"""

from __future__ import annotations

import json
import sys
import time

from pos_app.checkout.bootstrap import build_service
from pos_app.checkout.types import HostedStep
from pos_app.config import AppConfig
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone


def _say(**what: object) -> None:
    print(json.dumps(what), flush=True)


def main(mobile: str, price: str) -> int:
    service = build_service(AppConfig.from_env())
    phone = Phone.parse(mobile)
    customer = service.look_up_customer(phone)
    method = next(m for m in service.payment_methods() if m.is_amazon_pay)
    lines = (CartLine("Item", Money.parse(price), 1, "sku1"),)
    _say(step="ready")

    outcome = service.pay_amazon_balance(
        lines, phone, customer, method, lambda step: _say(step=step)
    )
    if isinstance(outcome, HostedStep):
        _say(hosted=outcome.url, order_id=outcome.order_id)
        time.sleep(60)  # the customer is on the page; the test kills us first
        return 1
    _say(outcome=outcome.outcome.value, order_id=outcome.order_id)
    service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
