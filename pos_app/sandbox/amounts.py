"""Amounts as integer paise: parse request strings, render JSON numbers.

Juspay takes amounts as strings with at most two decimals and answers with JSON
numbers (``395``, ``138.76``). Internally the sandbox keeps whole paise; the JSON
number is built through :class:`~decimal.Decimal` so no float artefact such as
``138.76000000000002`` can appear.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = [
    "AmountFormatError",
    "paise_to_json",
    "paise_to_label",
    "paise_to_text",
    "parse_amount",
]

_AMOUNT = re.compile(r"^([0-9]{1,12})(?:\.([0-9]{1,2}))?$")


class AmountFormatError(ValueError):
    """A request amount that is not a plain non-negative number with <= 2 decimals."""


def parse_amount(text: str) -> int:
    """Return the paise in ``text`` (``"100"``, ``"100.5"``, ``"100.15"``)."""
    match = _AMOUNT.match(text)
    if match is None:
        raise AmountFormatError(f"{text!r} is not an amount with at most 2 decimals")

    rupees, fraction = match.group(1), match.group(2) or ""
    return int(rupees) * 100 + int(fraction.ljust(2, "0"))


def paise_to_json(paise: int) -> int | float:
    """Return rupees as a JSON-friendly number: an int when whole, else the float."""
    if paise % 100 == 0:
        return paise // 100
    # float(Decimal) yields the double closest to the decimal text, whose repr is
    # that text again, so json.dumps writes e.g. 138.76 exactly.
    return float(Decimal(paise) / 100)


def paise_to_text(paise: int) -> str:
    """Return rupees with two decimals, e.g. ``"138.76"`` (for messages and pages)."""
    return f"{paise // 100}.{paise % 100:02d}"


def paise_to_label(paise: int) -> str:
    """Return rupees as shown to people, Indian grouping: ``"₹10,00,000.00"``."""
    rupees = str(paise // 100)
    head, tail = rupees[:-3], rupees[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return f"₹{','.join([*groups, tail])}.{paise % 100:02d}"
