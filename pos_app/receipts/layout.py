"""Lay a receipt out in fixed-width lines: the thermal printer's page and a preview.

:func:`layout_lines` returns :class:`Line` values, each already padded or aligned to the
width (42 or 48 columns), with a style the ESC/POS renderer turns into commands;
:func:`render_text` joins them into plain text. Text from outside (product names,
the store header) is stripped of control characters, so a name can never smuggle a
printer command onto the paper.
"""

from __future__ import annotations

import enum
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from pos_app.domain.money import Money
from pos_app.receipts.document import ReceiptDocument

__all__ = [
    "QR_CAPTION",
    "Line",
    "Style",
    "format_money",
    "layout_lines",
    "render_text",
]

QR_CAPTION = "Scan for your e-receipt"
_DATE = "%d %b %Y %H:%M"


class Style(enum.Enum):
    NORMAL = "normal"
    BOLD = "bold"
    TITLE = "title"  # the shop's name: bold and large, centred
    QR = "qr"  # ``text`` is the payload; plain text shows nothing for it


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    style: Style = Style.NORMAL


def format_money(amount: Money, currency: str = "₹") -> str:
    """``₹1,23,456.00`` or, for printers without a rupee glyph, ``Rs.1,23,456.00``."""
    text = amount.format(symbol=False)
    if text.startswith("-"):
        return f"-{currency}{text[1:]}"
    return f"{currency}{text}"


def layout_lines(
    document: ReceiptDocument, width: int = 42, *, currency: str = "₹"
) -> list[Line]:
    """Return the receipt as lines of at most ``width`` characters."""
    if width < 24:
        raise ValueError("a receipt needs at least 24 columns")

    def money(amount: Money) -> str:
        return format_money(amount, currency)

    out = _Lines(width)
    store = document.store
    out.centre(store.name, Style.TITLE)
    for part in store.address:
        out.centre(part)
    out.centre(f"GSTIN: {store.gstin or 'not set'}")
    if store.phone:
        out.centre(f"Phone: {store.phone}")
    out.rule("=")

    if document.duplicate:
        out.centre("*** DUPLICATE RECEIPT ***", Style.BOLD)
        if document.printed_at is not None:
            reprinted = document.printed_at.astimezone(document.zone)
            out.centre(f"Reprinted {_when(reprinted)}")
    else:
        out.centre("RECEIPT", Style.BOLD)
    out.pair("Order", document.order_id)
    out.pair("Date", _when(document.local_paid_at))
    out.pair("Terminal", document.terminal_id)
    out.pair("Cashier", document.cashier)
    out.rule("-")

    out.pair("Item", "Amount", Style.BOLD)
    for line in document.lines:
        out.wrapped(line.name)
        out.pair(f"  {line.quantity} x {money(line.unit_price)}", money(line.total))
    out.rule("-")
    items = document.item_count
    out.pair(f"Items: {items}", "")
    out.pair("TOTAL", money(document.total), Style.BOLD)
    out.rule("-")

    out.pair("Paid by", document.method_label)
    for paid in document.parts:
        out.pair(f"  {paid.label}", money(paid.amount))
    if document.txn_id:
        out.pair("Txn id", document.txn_id)
    if document.masked_phone:
        out.pair("Customer", document.masked_phone)
    if document.balance_after is not None:
        out.pair("Balance after", money(document.balance_after))
    out.rule("-")

    if document.ereceipt:
        out.centre(QR_CAPTION)
        out.lines.append(Line(document.ereceipt, Style.QR))
    for part in store.footer:
        out.centre(part)
    return out.lines


def render_text(
    document: ReceiptDocument, width: int = 42, *, currency: str = "₹"
) -> str:
    """Return the receipt as plain fixed-width text (no QR), ending in a newline."""
    lines = layout_lines(document, width, currency=currency)
    return "".join(f"{line.text}\n" for line in lines if line.style is not Style.QR)


def _when(moment: datetime) -> str:
    return f"{moment.strftime(_DATE)} {moment.tzname() or ''}".rstrip()


def _clean(text: str) -> str:
    """Drop control and format characters; turn any whitespace run into one space."""
    kept = []
    for ch in text:
        if ch in "\t\n\r\x0b\x0c" or (ch.isspace() and ch.isprintable()):
            kept.append(" ")
        elif unicodedata.category(ch)[0] != "C":
            kept.append(ch)
    return " ".join("".join(kept).split())


class _Lines:
    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[Line] = []

    def add(self, text: str, style: Style = Style.NORMAL) -> None:
        self.lines.append(Line(text.rstrip(), style))

    def rule(self, char: str) -> None:
        self.add(char * self.width)

    def centre(self, text: str, style: Style = Style.NORMAL) -> None:
        for part in textwrap.wrap(_clean(text), self.width) or [""]:
            self.add(part.center(self.width), style)

    def wrapped(self, text: str) -> None:
        for part in textwrap.wrap(_clean(text), self.width) or [""]:
            self.add(part)

    def pair(self, key: str, value: str, style: Style = Style.NORMAL) -> None:
        """Put ``key`` left and ``value`` flush right; a long value gets own lines."""
        indent = len(key) - len(key.lstrip(" "))
        key, value = " " * indent + _clean(key), _clean(value)
        room = self.width - len(key) - 1
        if len(value) <= room:
            self.add(key + value.rjust(self.width - len(key)), style)
            return
        self.add(key, style)
        for part in textwrap.wrap(value, self.width):
            self.add(part.rjust(self.width), style)
