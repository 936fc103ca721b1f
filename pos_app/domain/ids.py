"""Gateway order ids and refund request ids.

Juspay wants an ``order_id`` that is unique, never reused and shorter than 21
characters; the allowed character set beyond letters and digits is unconfirmed, so we
use upper-case letters and digits only. An id is the terminal's code, the time in
milliseconds in base 36 and a random tail, so two terminals of one store never clash and
one terminal never repeats itself (the store's unique index is the final guard).
"""

from __future__ import annotations

import re
import secrets
import time

__all__ = ["MAX_ORDER_ID_LENGTH", "is_valid_order_id", "new_order_id", "new_request_id"]

MAX_ORDER_ID_LENGTH = 20
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TERMINAL = re.compile(r"^[A-Z0-9]{1,6}$")
_ORDER_ID = re.compile(r"^[A-Z0-9]{1,20}$")


def _base36(number: int) -> str:
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = _ALPHABET[digit] + out
        if not number:
            return out


def _random(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def normalise_terminal_id(terminal_id: str) -> str:
    """Upper-case letters and digits, 1 to 6 of them; never truncated (two long ids
    that share a prefix would otherwise become the same terminal)."""
    code = re.sub(r"[^A-Za-z0-9]", "", terminal_id).upper()
    if not _TERMINAL.match(code):
        raise ValueError(
            f"terminal id {terminal_id!r} must have 1 to 6 letters or digits"
        )
    return code


def new_order_id(terminal_id: str, *, now_ms: int | None = None) -> str:
    """Return a fresh order id such as ``T01MIQ3KZ5B4X7Q`` (at most 20 characters)."""
    terminal = normalise_terminal_id(terminal_id)
    stamp = _base36(now_ms if now_ms is not None else time.time_ns() // 1_000_000)
    return f"{terminal}{stamp}{_random(5)}"  # 6 + 9 + 5 = 20 at the most


def new_request_id(prefix: str = "R") -> str:
    """A refund ``unique_request_id``: under 21 characters, no special characters."""
    return f"{prefix}{_base36(time.time_ns() // 1_000_000)}{_random(8)}"[:20]


def is_valid_order_id(order_id: str) -> bool:
    return bool(_ORDER_ID.match(order_id))
