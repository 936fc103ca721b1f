"""Fixtures for the receipt tests: a known receipt, fixed settings, a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos_app.checkout.types import Receipt
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.receipts.settings import ReceiptSettings, StoreInfo
from pos_app.store.db import open_store
from pos_app.store.repository import Store

KEY = bytes(range(32))
ORDER_ID = "T01MIQ3KZ5B4X7Q"
PAID_AT = datetime(2025, 3, 14, 10, 12, 30, tzinfo=UTC)  # 15:42 IST
FULL_NUMBER = "9876543210"

LINES = (
    CartLine("Masala Chai (250 g)", Money(14500), 2, sku="CHAI"),
    CartLine("Basmati Rice (1 kg)", Money(18950), 1, sku="RICE"),
    CartLine("Sona Masoori Rice 25 kg bag, premium aged", Money(1_23_456_00), 1),
)


@pytest.fixture
def settings() -> ReceiptSettings:
    return ReceiptSettings(
        store=StoreInfo(
            name="Chai Point Stores",
            address=("12 MG Road, Shanthala Nagar", "Bengaluru 560001"),
            gstin="29ABCDE1234F1Z5",
            phone="080 4123 4567",
        ),
        ereceipt_key=KEY,
    )


@pytest.fixture
def receipt() -> Receipt:
    return Receipt(
        order_id=ORDER_ID,
        lines=LINES,
        total=sum((line.total for line in LINES), Money.zero()),
        paid_at=PAID_AT,
        method_label="Amazon Pay balance",
        txn_id="txn_T01MIQ3KZ5B4X7Q_1",
        masked_phone="******3210",
        balance_after=Money(50000),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(f"sqlite:///{tmp_path / 'pos.db'}")
    yield store
    store.close()
