"""The PDF receipt: one 80 mm page with the receipt's text and a readable QR."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtWidgets import QApplication

from pos_app.checkout.types import Receipt
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.receipts import document, ereceipt
from pos_app.receipts.settings import ReceiptSettings
from pos_app.store.repository import Store
from pos_app.ui import receipt_pdf

from .conftest import FULL_NUMBER, KEY, LINES, ORDER_ID

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdf_png(path: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-singlefile", str(path), str(path)],
        check=True,
    )
    return path.with_name(path.name + ".png")


def page_size_mm(path: Path) -> tuple[float, float]:
    info = subprocess.run(
        ["pdfinfo", str(path)], check=True, capture_output=True, text=True
    ).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    width, _, height = line.split(":")[1].split()[:3]
    return float(width) * 25.4 / 72, float(height) * 25.4 / 72


@pytest.fixture
def doc(receipt: Receipt, settings: ReceiptSettings) -> document.ReceiptDocument:
    covered = Money(1_00_000_00)
    return document.from_receipt(
        receipt,
        settings,
        terminal_id="T01",
        cashier="asha",
        flow=Flow.CCT_TOPUP,
        covered=covered,
        remaining=receipt.total - covered,
    )


def test_pdf_is_written(
    qapp: QApplication, doc: document.ReceiptDocument, tmp_path: Path
) -> None:
    target = tmp_path / "receipt.pdf"

    assert receipt_pdf.write_receipt_pdf(doc, target) == target

    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Count 1" in data  # one page, as long as the receipt
    assert f"Receipt {ORDER_ID}".encode("utf-16-be") in data  # the document title
    assert len(data) > 5_000  # fonts and the QR image are embedded


@needs_poppler
def test_pdf_has_the_receipt_text_and_a_qr_that_checks_out(
    qapp: QApplication, doc: document.ReceiptDocument, tmp_path: Path
) -> None:
    target = receipt_pdf.write_receipt_pdf(doc, tmp_path / "receipt.pdf")

    text = pdf_text(target)
    for expected in (
        "Chai Point Stores",
        "GSTIN: 29ABCDE1234F1Z5",
        "T01MIQ3KZ5B4X7Q",
        "14 Mar 2025, 15:42 IST",
        "Masala Chai (250 g)",
        "2 × ₹145.00",
        "₹290.00",
        "₹1,23,456.00",
        "Total (4 items)",
        "₹1,23,935.50",
        "Amazon Pay balance + top-up",
        "₹1,00,000.00",
        "Top-up on Amazon Pay page",
        "₹23,935.50",
        "******3210",
        "₹500.00",
        "Scan for your e-receipt",
        "Thank you for shopping with us!",
    ):
        assert expected in text, expected
    assert FULL_NUMBER not in text
    assert "DUPLICATE" not in text

    width, height = page_size_mm(target)
    assert width == pytest.approx(80, abs=0.5)
    assert 100 < height < 250

    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(pdf_png(target)))]
    assert decoded == [doc.ereceipt]
    assert ereceipt.verify(decoded[0], KEY).total == doc.total


@needs_poppler
def test_reprint_pdf_says_duplicate(
    qapp: QApplication, store: Store, settings: ReceiptSettings, tmp_path: Path
) -> None:
    sale = store.create_sale(ORDER_ID, "T01", "asha", LINES, phone_last4="3210")
    assert sale.id is not None
    attempt = store.create_attempt(
        sale.id,
        flow=Flow.DIRECT_DEBIT,
        route="AMAZONPAY",
        method="WALLET:AMAZONPAY",
        status=AttemptStatus.SUBMITTING,
    )
    assert attempt.id is not None and store.finalize_charged(attempt.id, txn_id="t1")
    now = datetime(2025, 3, 15, 4, 30, tzinfo=UTC)
    doc = document.from_store(store, ORDER_ID, settings, now=now)

    text = pdf_text(receipt_pdf.write_receipt_pdf(doc, tmp_path / "dup.pdf"))

    assert "DUPLICATE RECEIPT" in text
    assert "Reprinted 15 Mar 2025, 10:00 IST" in text
    assert "******3210" in text
