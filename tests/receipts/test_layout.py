"""The fixed-width text: exact columns, Indian grouping, masked number only."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from pos_app.checkout.types import Receipt
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import Flow
from pos_app.receipts import document, layout
from pos_app.receipts.settings import ReceiptSettings

from .conftest import FULL_NUMBER

EXPECTED_42 = """\
            Chai Point Stores
       12 MG Road, Shanthala Nagar
             Bengaluru 560001
          GSTIN: 29ABCDE1234F1Z5
           Phone: 080 4123 4567
==========================================
                 RECEIPT
Order                      T01MIQ3KZ5B4X7Q
Date                 14 Mar 2025 15:42 IST
Terminal                               T01
Cashier                               asha
------------------------------------------
Item                                Amount
Masala Chai (250 g)
  2 x ₹145.00                      ₹290.00
Basmati Rice (1 kg)
  1 x ₹189.50                      ₹189.50
Sona Masoori Rice 25 kg bag, premium aged
  1 x ₹1,23,456.00            ₹1,23,456.00
------------------------------------------
Items: 4
TOTAL                         ₹1,23,935.50
------------------------------------------
Paid by                 Amazon Pay balance
Txn id               txn_T01MIQ3KZ5B4X7Q_1
Customer                        ******3210
Balance after                      ₹500.00
------------------------------------------
         Scan for your e-receipt
     Thank you for shopping with us!
"""


@pytest.fixture
def doc(receipt: Receipt, settings: ReceiptSettings) -> document.ReceiptDocument:
    return document.from_receipt(receipt, settings, terminal_id="T01", cashier="asha")


def test_text_is_exact_at_42_columns(doc: document.ReceiptDocument) -> None:
    assert layout.render_text(doc, 42) == EXPECTED_42


@pytest.mark.parametrize("width", [42, 48])
def test_every_line_fits_and_amounts_end_at_the_edge(
    doc: document.ReceiptDocument, width: int
) -> None:
    text = layout.render_text(doc, width, currency="Rs.")

    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    money_lines = [line for line in lines if re.search(r"Rs\.[0-9,]+\.\d\d$", line)]
    assert len(money_lines) == 5  # three lines, the total, the balance
    assert all(len(line) == width for line in money_lines)
    assert f"TOTAL{'Rs.1,23,935.50'.rjust(width - 5)}" in lines
    assert "₹" not in text  # the printer's code page has no rupee sign


def test_no_full_number_anywhere(receipt: Receipt, settings: ReceiptSettings) -> None:
    leaky = replace(receipt, masked_phone=f"+91 {FULL_NUMBER}")

    doc = document.from_receipt(leaky, settings, terminal_id="T01", cashier="asha")

    text = layout.render_text(doc, 42) + doc.ereceipt
    assert FULL_NUMBER not in text
    assert "98765" not in text
    assert doc.masked_phone.endswith("3210")
    with pytest.raises(ValueError, match="masked"):
        replace(doc, masked_phone=FULL_NUMBER)


def test_control_characters_never_reach_the_paper(
    receipt: Receipt, settings: ReceiptSettings
) -> None:
    evil = CartLine("Tea\x1bd\x07\x1dV\x00 bag\u202e", Money(1000), 1)
    doc = document.from_receipt(
        replace(receipt, lines=(evil,), total=Money(1000)),
        settings,
        terminal_id="T01",
        cashier="asha",
    )

    text = layout.render_text(doc, 42)

    assert "Teadv bag" not in text  # the letters stay, the control bytes go
    assert "TeadV bag" in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", text)


def test_topup_split_and_redirect_labels(
    receipt: Receipt, settings: ReceiptSettings
) -> None:
    covered = Money(1_00_000_00)

    doc = document.from_receipt(
        receipt,
        settings,
        terminal_id="T01",
        cashier="asha",
        flow=Flow.CCT_TOPUP,
        covered=covered,
        remaining=receipt.total - covered,
    )

    text = layout.render_text(doc, 42)
    assert "Paid by        Amazon Pay balance + top-up" in text
    assert "  Amazon Pay balance" + " " * 10 + "₹1,00,000.00" in text
    assert "  Top-up on Amazon Pay page" + " " * 5 + "₹23,935.50" in text
    assert document.method_label(Flow.REDIRECT_OTP, "PAYU") == "Amazon Pay (via PayU)"
    assert document.method_label(Flow.DIRECT_DEBIT) == "Amazon Pay balance"


def test_a_split_that_does_not_add_up_is_not_printed(
    receipt: Receipt, settings: ReceiptSettings
) -> None:
    doc = document.from_receipt(
        receipt,
        settings,
        terminal_id="T01",
        cashier="asha",
        flow=Flow.CCT_TOPUP,
        covered=Money(100),
        remaining=Money(100),
    )

    assert doc.parts == ()
    assert doc.method_label == "Amazon Pay balance + top-up"


def test_long_values_wrap_flush_right(doc: document.ReceiptDocument) -> None:
    long = replace(doc, txn_id="X" * 50)

    lines = layout.render_text(long, 42).splitlines()

    at = lines.index("Txn id")
    assert lines[at + 1] == "X" * 42
    assert lines[at + 2] == " " * 34 + "X" * 8


def test_time_is_local_and_configurable(
    receipt: Receipt, settings: ReceiptSettings
) -> None:
    utc = replace(settings, zone_name="UTC")

    doc = document.from_receipt(receipt, utc, terminal_id="T01", cashier="asha")

    assert "Date                 14 Mar 2025 10:12 UTC" in layout.render_text(doc)


def test_money_formatting() -> None:
    assert layout.format_money(Money(1_23_456_00)) == "₹1,23,456.00"
    assert layout.format_money(Money(-150), "Rs.") == "-Rs.1.50"
    assert layout.format_money(Money(0)) == "₹0.00"
