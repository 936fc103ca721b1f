"""The receipt as a PDF: one 80 mm wide page as long as the receipt, with the QR.

Drawn with ``QTextDocument`` on a ``QPdfWriter`` at 300 dpi. The QR code is painted
at whole device pixels per module (``pos_app.ui.qr``) so it stays sharp when the PDF
is printed or zoomed. Needs a QGuiApplication (fonts); run it on the GUI thread -- it
takes a few milliseconds.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QSizeF
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from pos_app.domain.money import Money
from pos_app.receipts.document import ReceiptDocument
from pos_app.receipts.layout import QR_CAPTION
from pos_app.ui import qr

__all__ = ["PAGE_WIDTH_MM", "footer_html", "receipt_html", "write_receipt_pdf"]

PAGE_WIDTH_MM = 80.0
_DPI = 300
_MARGIN_MM = 5.0
_QR_MM = 34.0
_DATE = "%d %b %Y, %H:%M"
_SHORT_VALUE = 22  # characters that fit beside a key at 8 pt on 70 mm

_CSS = """
body { color: #111; }
.shop { font-size: 13pt; font-weight: bold; }
.muted { color: #555; font-size: 7pt; }
.banner { font-size: 9pt; font-weight: bold; letter-spacing: 1px; }
.dup { font-size: 10pt; font-weight: bold; color: #b00020; }
td { padding: 1px 0; }
.num { text-align: right; white-space: nowrap; }
.qty { color: #444; font-size: 7pt; }
.total td { font-size: 11pt; font-weight: bold; padding-top: 3px; }
.key { color: #555; white-space: nowrap; }
"""


def _money(amount: Money) -> str:
    return html.escape(amount.format())


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _rows(pairs: list[tuple[str, str]]) -> str:
    """Key left, value right; a long value goes under its key, still flush right."""
    rows = []
    for key, value in pairs:
        if len(value) > _SHORT_VALUE:
            rows.append(f"<tr><td class='key' colspan='2'>{_esc(key)}</td></tr>")
            rows.append(f"<tr><td class='num' colspan='2'>{_esc(value)}</td></tr>")
        else:
            rows.append(
                f"<tr><td class='key'>{_esc(key)}</td>"
                f"<td class='num'>{_esc(value)}</td></tr>"
            )
    return "".join(rows)


def receipt_html(document: ReceiptDocument) -> str:
    """Lay the receipt out as HTML for QTextDocument, up to the QR code."""
    store = document.store
    parts = ["<div align='center'>", f"<div class='shop'>{_esc(store.name)}</div>"]
    parts += [f"<div class='muted'>{_esc(line)}</div>" for line in store.address]
    parts.append(f"<div class='muted'>GSTIN: {_esc(store.gstin or 'not set')}</div>")
    if store.phone:
        parts.append(f"<div class='muted'>Phone: {_esc(store.phone)}</div>")
    parts.append("</div><hr/>")

    if document.duplicate:
        parts.append("<p align='center' class='dup'>DUPLICATE RECEIPT</p>")
        if document.printed_at is not None:
            reprinted = document.printed_at.astimezone(document.zone)
            when = f"{reprinted:{_DATE}} {reprinted.tzname() or ''}".rstrip()
            parts.append(f"<p align='center' class='muted'>Reprinted {_esc(when)}</p>")
    else:
        parts.append("<p align='center' class='banner'>RECEIPT</p>")

    paid = document.local_paid_at
    parts.append("<table width='100%' cellspacing='0'>")
    parts.append(
        _rows(
            [
                ("Order", document.order_id),
                ("Date", f"{paid:{_DATE}} {paid.tzname() or ''}".rstrip()),
                ("Terminal", document.terminal_id),
                ("Cashier", document.cashier),
            ]
        )
    )
    parts.append("</table><hr/>")

    parts.append("<table width='100%' cellspacing='0'>")
    for line in document.lines:
        parts.append(
            f"<tr><td>{_esc(line.name)}<br/><span class='qty'>{line.quantity} × "
            f"{_money(line.unit_price)}</span></td>"
            f"<td class='num' valign='bottom'>{_money(line.total)}</td></tr>"
        )
    items = document.item_count
    parts.append(
        f"<tr class='total'><td>Total ({items} item{'s' if items != 1 else ''})</td>"
        f"<td class='num'>{_money(document.total)}</td></tr>"
    )
    parts.append("</table><hr/>")

    # Two tables: each sizes its columns alone, so a long top-up label never
    # meets a long transaction id in one row width.
    payment = [("Paid by", document.method_label)]
    payment += [(p.label, p.amount.format()) for p in document.parts]
    details = []
    if document.txn_id:
        details.append(("Txn id", document.txn_id))
    if document.masked_phone:
        details.append(("Customer", document.masked_phone))
    if document.balance_after is not None:
        details.append(("Balance after", document.balance_after.format()))
    for rows in (payment, details):
        if rows:
            parts.append(f"<table width='100%' cellspacing='0'>{_rows(rows)}</table>")
    if document.ereceipt:
        parts.append("<hr/>")
    return "\n".join(parts)


def footer_html(document: ReceiptDocument) -> str:
    """The part under the QR code: its caption (if any) and the shop's footer."""
    parts = []
    if document.ereceipt:
        parts.append(f"<p align='center' class='muted'>{_esc(QR_CAPTION)}</p>")
    parts.append("<hr/>")
    parts += [f"<p align='center'>{_esc(line)}</p>" for line in document.store.footer]
    return "\n".join(parts)


def write_receipt_pdf(
    document: ReceiptDocument, path: Path, *, width_mm: float = PAGE_WIDTH_MM
) -> Path:
    """Write ``document`` as a one-page PDF ``width_mm`` wide; return ``path``."""
    dots_per_mm = _DPI / 25.4
    margin = round(_MARGIN_MM * dots_per_mm)
    page_width = round(width_mm * dots_per_mm)
    content_width = page_width - 2 * margin

    writer = QPdfWriter(str(path))
    writer.setResolution(_DPI)
    writer.setTitle(f"Receipt {document.order_id}")
    writer.setCreator("pos_app")

    body = _text(writer, receipt_html(document), content_width)
    footer = _text(writer, footer_html(document), content_width)
    # The QR is painted by us, not as an <img>: QTextDocument rescales images by
    # the device's DPI, and every module must stay whole device pixels.
    image = QImage()
    if document.ereceipt:
        modules = len(qr.qr_matrix(document.ereceipt)) + 2 * qr.QUIET_ZONE
        image = qr.qr_image(
            document.ereceipt, max(1, round(_QR_MM * dots_per_mm) // modules)
        )
    gap = round(2 * dots_per_mm) if not image.isNull() else 0
    body_height = round(body.size().height())
    height = 2 * margin + body_height + 2 * gap + image.height()
    height += round(footer.size().height())

    writer.setPageSize(
        QPageSize(
            QSizeF(width_mm, height / dots_per_mm), QPageSize.Unit.Millimeter, "Receipt"
        )
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the receipt PDF at {path}")
    painter.translate(margin, margin)
    body.drawContents(painter)
    painter.translate(0, body_height + gap)
    if not image.isNull():
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QPoint((content_width - image.width()) // 2, 0), image)
        painter.translate(0, image.height() + gap)
    footer.drawContents(painter)
    painter.end()
    return path


def _text(device: QPdfWriter, markup: str, width: int) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)  # lay fonts out at 300 dpi
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    text.setDefaultFont(font)
    text.setDefaultStyleSheet(_CSS)
    text.setDocumentMargin(0)
    text.setHtml(markup)
    text.setTextWidth(width)
    return text
