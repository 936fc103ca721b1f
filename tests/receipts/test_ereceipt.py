"""The QR e-receipt: readable offline, short, and impossible to alter unnoticed."""

from __future__ import annotations

from dataclasses import replace

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from pos_app.checkout.types import Receipt
from pos_app.domain.money import Money
from pos_app.receipts import document, ereceipt
from pos_app.receipts.settings import ReceiptSettings
from pos_app.ui import qr

from .conftest import KEY, ORDER_ID, PAID_AT

EXPECTED_TEXT_START = (
    "Chai Point Stores\n"
    "Receipt T01MIQ3KZ5B4X7Q\n"
    "₹1,23,935.50 paid by Amazon Pay balance\n"
    "14 Mar 2025 15:42 IST\n"
    "4 items, terminal T01\n"
    "Check v1.T01MIQ3KZ5B4X7Q.12393550.1741947150."
)


def to_pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


@pytest.fixture
def doc(receipt: Receipt, settings: ReceiptSettings) -> document.ReceiptDocument:
    return document.from_receipt(receipt, settings, terminal_id="T01", cashier="asha")


def test_qr_decodes_to_the_receipt_text(doc: document.ReceiptDocument) -> None:
    image = qr.qr_image(doc.ereceipt, 4)

    decoded = [r.text for r in zxingcpp.read_barcodes(to_pil(image))]

    assert decoded == [doc.ereceipt]
    assert doc.ereceipt.startswith(EXPECTED_TEXT_START)
    assert len(doc.ereceipt) <= ereceipt.MAX_PAYLOAD
    claim = ereceipt.verify(decoded[0], KEY)
    assert claim == ereceipt.ReceiptClaim(ORDER_ID, Money(1_23_935_50), PAID_AT)


def test_url_form_is_short_and_verifies(
    receipt: Receipt, settings: ReceiptSettings
) -> None:
    with_url = replace(settings, ereceipt_base_url="https://r.chaipoint.example/r")

    doc = document.from_receipt(receipt, with_url, terminal_id="T01", cashier="asha")

    assert doc.ereceipt.startswith(
        "https://r.chaipoint.example/r?r=v1.T01MIQ3KZ5B4X7Q.12393550.1741947150."
    )
    assert len(doc.ereceipt) < 100
    assert ereceipt.verify(doc.ereceipt, KEY).order_id == ORDER_ID


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (".12393550.", ".12393551."),  # the amount in the token
        ("Z5B4X7Q.1239", "Z5B4X7R.1239"),  # the order in the token
        (".1741947150.", ".1741947151."),  # the time
    ],
)
def test_a_tampered_token_is_rejected(
    doc: document.ReceiptDocument, old: str, new: str
) -> None:
    tampered = doc.ereceipt.replace(old, new)
    assert tampered != doc.ereceipt

    with pytest.raises(ereceipt.InvalidReceiptCode, match="changed"):
        ereceipt.verify(tampered, KEY)


def test_edited_visible_text_is_rejected(doc: document.ReceiptDocument) -> None:
    tampered = doc.ereceipt.replace("₹1,23,935.50 paid", "₹9,23,935.50 paid")

    with pytest.raises(ereceipt.InvalidReceiptCode, match="does not match"):
        ereceipt.verify(tampered, KEY)


def test_another_key_or_garbage_is_rejected(doc: document.ReceiptDocument) -> None:
    with pytest.raises(ereceipt.InvalidReceiptCode, match="changed"):
        ereceipt.verify(doc.ereceipt, b"another shop's key 0123456789")
    with pytest.raises(ereceipt.InvalidReceiptCode, match="not a receipt"):
        ereceipt.verify("https://example.com/", KEY)
    signature = doc.ereceipt.rsplit(".", 1)[1]
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    with pytest.raises(ereceipt.InvalidReceiptCode):
        ereceipt.verify(doc.ereceipt.replace(signature, flipped), KEY)


def test_no_key_means_no_qr(receipt: Receipt, settings: ReceiptSettings) -> None:
    doc = document.from_receipt(
        receipt, replace(settings, ereceipt_key=b""), terminal_id="T01", cashier="a"
    )

    assert doc.ereceipt == ""
