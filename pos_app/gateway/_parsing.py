"""Lenient scalar types shared by the gateway models, and the JSON decoder.

Each ``Annotated`` alias coerces the variants seen in Juspay's samples and refuses
anything else; nothing here produces a float.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from pos_app.domain.money import Money

__all__ = [
    "Amount",
    "Bool",
    "Int",
    "LenientModel",
    "Listed",
    "Nested",
    "ReqStr",
    "Str",
    "StrMap",
    "Timestamp",
    "decode_json",
]

_log = logging.getLogger(__name__)
_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n", ""}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not allowed")


def decode_json(text: str) -> Any:
    """Decode a reply body; fractions become ``Decimal``, NaN/Infinity are refused."""
    return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)


class LenientModel(BaseModel):
    """Base of every reply model: unknown keys ignored, instances frozen."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# -- lenient scalar types ---------------------------------------------------------


def _to_bool(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | Decimal) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise ValueError(f"not a boolean: {value!r}")


def _to_int(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValueError(f"not an integer: {value!r}")


def _to_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)  # ids such as gateway_id arrive as numbers (38)
    raise ValueError(f"not a string: {value!r}")


def _to_money(value: object) -> Money | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Money):
        return value
    return Money.from_gateway(value.strip() if isinstance(value, str) else value)


def _to_datetime(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        # Python 3.11 reads both "2016-08-02T08:07:52+0000" and "...:02Z".
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        _log.debug("ignoring unreadable gateway timestamp %r", value)
        return None
    # The gateway documents its timestamps as UTC; a naive one is taken as UTC.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _dict_or_none(value: object) -> object:
    return value if isinstance(value, dict) else None


def _list_or_empty(value: object) -> object:
    return value if isinstance(value, list) else []


def _string_map(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


Bool = Annotated[bool | None, BeforeValidator(_to_bool)]
Int = Annotated[int | None, BeforeValidator(_to_int)]
Str = Annotated[str | None, BeforeValidator(_to_str)]
ReqStr = Annotated[str, BeforeValidator(_to_str)]
Amount = Annotated[Money | None, BeforeValidator(_to_money)]
Timestamp = Annotated[datetime | None, BeforeValidator(_to_datetime)]
StrMap = Annotated[dict[str, str], BeforeValidator(_string_map)]


#: An optional nested object: anything but a JSON object becomes ``None``.
Nested = BeforeValidator(_dict_or_none)
#: A list of nested objects: null or a non-list becomes ``[]``.
Listed = BeforeValidator(_list_or_empty)
