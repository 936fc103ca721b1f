"""Receipts: the document, its fixed-width layout, ESC/POS output and the QR e-receipt.

Qt-free (the PDF is drawn by ``pos_app.ui.receipt_pdf``). Typical use::

    from pos_app import receipts
    settings = receipts.load_settings()
    doc = receipts.from_receipt(result.receipt, settings, terminal_id="T01",
                                cashier="asha", flow=result.flow)
    outcome = receipts.print_to(settings, doc)     # blocking: run on a worker
    preview = receipts.render_text(doc, settings.columns)

    doc = receipts.from_store(store, order_id, settings)   # a DUPLICATE, for reprints

python-escpos is imported only when something is printed.
"""

from __future__ import annotations

from pos_app.receipts.document import (
    PaymentPart,
    ReceiptDocument,
    ReceiptLine,
    ReceiptUnavailable,
    from_receipt,
    from_store,
    method_label,
)
from pos_app.receipts.ereceipt import InvalidReceiptCode, ReceiptClaim, verify
from pos_app.receipts.layout import (
    Line,
    Style,
    format_money,
    layout_lines,
    render_text,
)
from pos_app.receipts.printing import (
    PrinterError,
    PrintOutcome,
    open_printer,
    print_receipt,
    print_to,
)
from pos_app.receipts.settings import (
    ReceiptSettings,
    ReceiptSettingsError,
    StoreInfo,
    load_settings,
)

__all__ = [
    "InvalidReceiptCode",
    "Line",
    "PaymentPart",
    "PrintOutcome",
    "PrinterError",
    "ReceiptClaim",
    "ReceiptDocument",
    "ReceiptLine",
    "ReceiptSettings",
    "ReceiptSettingsError",
    "ReceiptUnavailable",
    "StoreInfo",
    "Style",
    "format_money",
    "from_receipt",
    "from_store",
    "layout_lines",
    "load_settings",
    "method_label",
    "open_printer",
    "print_receipt",
    "print_to",
    "render_text",
    "verify",
]
