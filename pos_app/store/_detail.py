"""Event details: strip secrets and personal data, then encode as JSON.

The store must never persist a credential or a full mobile number. Keys that name a
secret (``api_key``, ``token``, ``direct_wallet_token``, ``signature``,
``mobile_number``, ``phone`` ...) keep their place with the value replaced by
``[redacted]``, so the journal still shows that something was there. Free text is
also searched for Indian mobile numbers, which are masked to their last four digits.
"""

from __future__ import annotations

import enum
import json
import logging
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pos_app.domain.money import Money
from pos_app.domain.phone import mask_phone

__all__ = ["REDACTED", "_scrub", "encode_detail", "mask_numbers"]

log = logging.getLogger(__name__)

REDACTED = "[redacted]"

# Any key with one of these words in it is a secret (split on _ - . and camelCase).
_SECRET_WORDS = frozenset(
    {
        "token",
        "signature",
        "password",
        "passwd",
        "secret",
        "otp",
        "cvv",
        "pin",
        "authorization",
        "cookie",
        "mobile",
        "phone",
        "msisdn",
    }
)
_SECRET_KEYS = frozenset({"key", "apikey", "api_key", "response_key", "private_key"})
# These say the value is already reduced to something safe (``phone_last4``).
_SAFE_WORDS = frozenset({"last4", "masked"})

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
# An Indian mobile number on its own (not part of a longer run of digits).
_MOBILE = re.compile(r"(?<!\d)(?:(?:\+|00)?91[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5}(?!\d)")


def _is_secret_key(key: str) -> bool:
    normal = _CAMEL.sub("_", key).lower()
    words = {w for w in _SPLIT.split(normal) if w}
    if words & _SAFE_WORDS:
        return False
    return (
        normal in _SECRET_KEYS or normal.endswith("_key") or bool(words & _SECRET_WORDS)
    )


def mask_numbers(text: str) -> str:
    """Mask every mobile number in free text (``******3210``)."""
    # Always six stars, whatever prefix (+91, 0) the number was written with.
    return _MOBILE.sub(lambda m: "******" + mask_phone(m.group(0))[-4:], text)


def _scrub(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return a copy of ``detail`` safe to store: secrets redacted, numbers masked."""
    if detail is None:
        return {}
    if not isinstance(detail, Mapping):
        raise TypeError(f"event detail must be a mapping, got {type(detail).__name__}")
    scrubbed = _scrub_value(detail)
    assert isinstance(scrubbed, dict)
    return scrubbed


def _scrub_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = str(key)
            if _is_secret_key(name):
                log.warning("event detail key %r redacted before storing", name)
                out[name] = REDACTED
            else:
                out[name] = _scrub_value(item)
        return out
    if isinstance(value, list | tuple | set | frozenset):
        return [_scrub_value(item) for item in value]
    if isinstance(value, str):
        return mask_numbers(value)
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, Money):
        return value.paise
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    # Never lose the write that records a payment over an odd value in its detail.
    return mask_numbers(repr(value))


def encode_detail(detail: Mapping[str, Any] | None) -> str:
    """Scrub ``detail`` and encode it as compact JSON text."""
    return json.dumps(
        _scrub(detail),
        default=_json_default,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
