"""A duplicate rebuilt from a real SQLite store, as the manager's reprint does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.receipts import document, ereceipt, layout
from pos_app.receipts.settings import ReceiptSettings
from pos_app.store.repository import Store

from .conftest import KEY, LINES, ORDER_ID

REPRINTED = datetime(2025, 3, 15, 4, 30, tzinfo=UTC)  # 10:00 IST next day


def paid_sale(
    store: Store, *, flow: Flow = Flow.DIRECT_DEBIT, route: str = "AMAZONPAY"
) -> int:
    sale = store.create_sale(ORDER_ID, "T01", "asha", LINES, phone_last4="3210")
    assert sale.id is not None
    attempt = store.create_attempt(
        sale.id,
        flow=flow,
        route=route,
        method="WALLET:AMAZONPAY",
        status=AttemptStatus.SUBMITTING,
    )
    assert attempt.id is not None
    return attempt.id


def test_reprint_is_marked_duplicate_with_the_stored_facts(
    store: Store, settings: ReceiptSettings
) -> None:
    attempt_id = paid_sale(store)
    assert store.finalize_charged(attempt_id, txn_id="txn_T01MIQ3KZ5B4X7Q_1")

    doc = document.from_store(store, ORDER_ID, settings, now=REPRINTED)

    text = layout.render_text(doc, 42)
    lines = text.splitlines()
    assert "*** DUPLICATE RECEIPT ***".center(42).rstrip() in lines
    assert "Reprinted 15 Mar 2025 10:00 IST".center(42).rstrip() in lines
    assert "RECEIPT".center(42).rstrip() not in lines  # not passed off as an original
    assert "Order                      T01MIQ3KZ5B4X7Q" in lines
    assert "Cashier                               asha" in lines
    assert "TOTAL                         ₹1,23,935.50" in lines
    assert "Paid by                 Amazon Pay balance" in lines
    assert "Txn id               txn_T01MIQ3KZ5B4X7Q_1" in lines
    assert "Customer                        ******3210" in lines
    assert "Balance after" not in text  # not stored, so not claimed
    assert doc.total == Money(1_23_935_50)
    assert doc.paid_at.tzinfo is not None
    assert [line.name for line in doc.lines] == [line.name for line in LINES]
    claim = ereceipt.verify(doc.ereceipt, KEY)
    assert claim.order_id == ORDER_ID and claim.total == doc.total
    assert "Duplicate" in doc.ereceipt


def test_reprint_of_a_redirect_payment_names_the_gateway(
    store: Store, settings: ReceiptSettings
) -> None:
    attempt_id = paid_sale(store, flow=Flow.REDIRECT_OTP, route="PAYU")
    assert store.finalize_charged(attempt_id, txn_id="payu_1")

    doc = document.from_store(store, ORDER_ID, settings, now=REPRINTED)

    assert doc.method_label == "Amazon Pay (via PayU)"


def test_reprint_of_a_topup_says_so(store: Store, settings: ReceiptSettings) -> None:
    attempt_id = paid_sale(store)
    sale = store.get_sale_by_order(ORDER_ID)
    assert sale is not None and sale.id is not None
    store.transition(attempt_id, AttemptStatus.AWAITING_CUSTOMER)
    store.add_event(sale.id, attempt_id, "hosted_page_opened", {"kind": "cct"})
    assert store.finalize_charged(attempt_id, txn_id="txn_cct")

    doc = document.from_store(store, ORDER_ID, settings, now=REPRINTED)

    assert doc.method_label == "Amazon Pay balance + top-up"


def test_unpaid_or_unknown_orders_have_no_receipt(
    store: Store, settings: ReceiptSettings
) -> None:
    paid_sale(store)  # submitted, never charged

    with pytest.raises(document.ReceiptUnavailable, match="not paid"):
        document.from_store(store, ORDER_ID, settings)
    with pytest.raises(document.ReceiptUnavailable, match="no sale"):
        document.from_store(store, "T01NOSUCHORDER", settings)
