"""The e-receipt QR: a short receipt the customer's phone reads offline, signed.

Choice (see issue 7): the code carries the receipt itself, not just a link, so it
works with no server and no network. It holds the facts a customer needs later (shop,
order id, total, method, local time, item count) and one **check token**::

    v1.<order_id>.<total in paise>.<paid at, Unix seconds>.<signature>

The signature is HMAC-SHA256 over ``v1|order_id|paise|seconds`` with the shop's key
(:mod:`pos_app.receipts.settings`), cut to 12 bytes and base64url-encoded (16
characters, 96 bits): short enough for a small QR, far too long to guess. The shop
checks a scanned code with :func:`verify`, which also refuses a text whose visible
order id or total disagrees with its token.

When ``POS_ERECEIPT_BASE_URL`` is set the code is instead ``<base>?r=<token>``, for a
shop that serves receipts on the web; the phone shows the URL (and with it the order
and amount) even offline. Either form stays under :data:`MAX_PAYLOAD` characters.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pos_app.domain.money import Money

if TYPE_CHECKING:
    from pos_app.receipts.document import ReceiptDocument

__all__ = [
    "MAX_PAYLOAD",
    "InvalidReceiptCode",
    "ReceiptClaim",
    "build_payload",
    "make_token",
    "verify",
]

MAX_PAYLOAD = 300
_VERSION = "v1"
_SIGNATURE_BYTES = 12
_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_.-])v1\.([A-Za-z0-9]{1,32})\.([0-9]{1,13})\.([0-9]{1,12})"
    r"\.([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])"
)


class InvalidReceiptCode(ValueError):  # noqa: N818 - reads as what happened
    """The scanned code is not a receipt this shop issued, or was changed."""


@dataclass(frozen=True, slots=True)
class ReceiptClaim:
    """What a verified code says: look the order up to see the rest."""

    order_id: str
    total: Money
    paid_at: datetime  # UTC, to the second


def make_token(key: bytes, order_id: str, total: Money, paid_at: datetime) -> str:
    """Return the signed check token for one receipt."""
    if not key:
        raise ValueError("an e-receipt needs a signing key")
    if not re.fullmatch(r"[A-Za-z0-9]{1,32}", order_id):
        raise ValueError(f"not an order id: {order_id!r}")
    if total.paise < 0:
        raise ValueError("a receipt total is not negative")
    seconds = int(paid_at.timestamp())
    signature = _sign(key, order_id, total.paise, seconds)
    return f"{_VERSION}.{order_id}.{total.paise}.{seconds}.{signature}"


def build_payload(document: ReceiptDocument, key: bytes, *, base_url: str = "") -> str:
    """Return what the QR code holds for ``document`` (at most MAX_PAYLOAD chars)."""
    token = make_token(key, document.order_id, document.total, document.paid_at)
    if base_url:
        payload = f"{base_url}?r={token}"
        if len(payload) > MAX_PAYLOAD:
            raise ValueError("POS_ERECEIPT_BASE_URL is too long for a small QR code")
        return payload

    when = document.local_paid_at
    items = document.item_count
    head = [
        document.store.name[:40],
        f"Receipt {document.order_id}",
        f"{document.total.format()} paid by {document.method_label[:40]}",
        f"{when:%d %b %Y %H:%M} {when.tzname() or ''}".rstrip(),
        f"{items} item{'s' if items != 1 else ''}, terminal {document.terminal_id}",
    ]
    if document.duplicate:
        head.append("Duplicate")
    return "\n".join([*head, f"Check {token}"])


def verify(payload: str, key: bytes) -> ReceiptClaim:
    """Check a scanned code and return what it vouches for.

    Raises InvalidReceiptCode for a code with no token, a bad signature (changed
    amount, order or time, or another shop's key), or a plain-text code whose
    visible order id or total was edited.
    """
    matches = _TOKEN.findall(payload or "")
    if len(matches) != 1:
        raise InvalidReceiptCode("This is not a receipt code from this shop.")
    order_id, paise_text, seconds_text, signature = matches[0]
    paise, seconds = int(paise_text), int(seconds_text)
    expected = _sign(key, order_id, paise, seconds)
    if not hmac.compare_digest(expected, signature):
        raise InvalidReceiptCode("The receipt code does not check out: it was changed.")

    claim = ReceiptClaim(order_id, Money(paise), datetime.fromtimestamp(seconds, UTC))
    if "://" not in payload:
        lines = payload.splitlines()
        shown_order = lines[1] if len(lines) > 1 else ""
        shown_total = lines[2].split(" ", 1)[0] if len(lines) > 2 else ""
        if shown_order != f"Receipt {order_id}" or shown_total != claim.total.format():
            raise InvalidReceiptCode(
                "The receipt text does not match its check code: it was changed."
            )
    return claim


def _sign(key: bytes, order_id: str, paise: int, seconds: int) -> str:
    message = f"{_VERSION}|{order_id}|{paise}|{seconds}".encode("ascii")
    digest = hmac.new(key, message, hashlib.sha256).digest()[:_SIGNATURE_BYTES]
    return base64.urlsafe_b64encode(digest).decode("ascii")
