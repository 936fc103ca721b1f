"""Where a receipt's fixed parts come from: the shop's header, time zone, printer, keys.

Sources, later ones winning field by field:

1. built-in placeholders (so a receipt always prints, and a missing setup shows);
2. ``store.json`` shipped in ``pos_app.resources`` (the chain's defaults), then
   ``store.json`` in the data directory (this shop);
3. the environment: ``POS_STORE_NAME``, ``POS_STORE_ADDRESS`` (lines split on ``|``),
   ``POS_STORE_GSTIN``, ``POS_STORE_PHONE``, ``POS_RECEIPT_FOOTER`` (``|``),
   ``POS_RECEIPT_TZ``, ``POS_RECEIPT_COLUMNS``, ``POS_RECEIPT_PRINTER``,
   ``POS_RECEIPT_PRINTER_PROFILE``, ``POS_ERECEIPT_BASE_URL``, ``POS_ERECEIPT_KEY``.

The e-receipt signing key is ``POS_ERECEIPT_KEY`` (hex, at least 16 bytes) or else a
random key kept in ``ereceipt.key`` in the data directory (created on first use,
owner-only). Set the same key on every terminal of a shop so any of them can check a
code another printed.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta, timezone, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "DEFAULT_ZONE",
    "ReceiptSettings",
    "ReceiptSettingsError",
    "StoreInfo",
    "load_settings",
    "zone_for",
]

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Asia/Kolkata"
STORE_FILE = "store.json"
KEY_FILE = "ereceipt.key"
MIN_COLUMNS, MAX_COLUMNS = 32, 64
# India has one zone and no daylight saving: a fixed +05:30 is exact when the OS
# has no tz database (Windows without the tzdata package).
_IST = timezone(timedelta(hours=5, minutes=30), "IST")


class ReceiptSettingsError(ValueError):
    """A receipt setting cannot work; the message says which and what to fix."""


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """The header and footer every receipt of this shop carries."""

    name: str = "Your Store Name"
    address: tuple[str, ...] = ("Shop address not set",)
    gstin: str = ""  # empty prints "GSTIN: not set", so a missing setup shows
    phone: str = ""
    footer: tuple[str, ...] = ("Thank you for shopping with us!",)


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    """Everything a receipt needs besides the sale itself."""

    store: StoreInfo = field(default_factory=StoreInfo)
    zone_name: str = DEFAULT_ZONE
    columns: int = 42
    printer: str = ""  # "", "dummy", "file:/dev/usb/lp0", "network:h:9100", "usb:v:p"
    printer_profile: str = ""  # a python-escpos profile name, e.g. "TM-T88V"
    ereceipt_base_url: str = ""  # empty: the QR holds a plain-text receipt
    ereceipt_key: bytes = field(default=b"", repr=False)

    @property
    def zone(self) -> tzinfo:
        return zone_for(self.zone_name)


def zone_for(name: str) -> tzinfo:
    """Return the time zone ``name``; Asia/Kolkata falls back to a fixed +05:30."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name in {DEFAULT_ZONE, "Asia/Calcutta", "IST"}:
            return _IST
        raise ReceiptSettingsError(
            f"The receipt time zone {name!r} is unknown; use e.g. {DEFAULT_ZONE}"
        ) from exc


def load_settings(
    env: Mapping[str, str] | None = None,
    data_dir: Path | None = None,
) -> ReceiptSettings:
    """Merge the built-in defaults, ``store.json`` files and the environment.

    Raises ReceiptSettingsError for a value that cannot work (bad JSON, columns out
    of range, an unknown time zone, a base URL that is not https).
    """
    values = os.environ if env is None else env
    if data_dir is None:
        from pos_app.store.db import default_data_dir

        data_dir = default_data_dir()

    store = StoreInfo()
    packaged = resources.files("pos_app.resources").joinpath(STORE_FILE)
    if packaged.is_file():
        store = _merge_store(store, _read_json(packaged.read_text("utf-8"), "packaged"))
    local = data_dir / STORE_FILE
    if local.is_file():
        store = _merge_store(store, _read_json(local.read_text("utf-8"), str(local)))
    store = _merge_store(store, _store_env(values))

    settings = ReceiptSettings(
        store=store,
        zone_name=values.get("POS_RECEIPT_TZ") or DEFAULT_ZONE,
        columns=_columns(values.get("POS_RECEIPT_COLUMNS") or "42"),
        printer=(values.get("POS_RECEIPT_PRINTER") or "").strip(),
        printer_profile=(values.get("POS_RECEIPT_PRINTER_PROFILE") or "").strip(),
        ereceipt_base_url=_base_url(values.get("POS_ERECEIPT_BASE_URL") or ""),
    )
    zone_for(settings.zone_name)  # fail now, not when the first receipt prints
    return replace(settings, ereceipt_key=_key(values, data_dir))


def _read_json(text: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReceiptSettingsError(f"{where} {STORE_FILE} is not valid JSON") from exc
    if not isinstance(data, dict):
        raise ReceiptSettingsError(f"{where} {STORE_FILE} must hold a JSON object")
    return data


def _store_env(values: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, name in (
        ("name", "POS_STORE_NAME"),
        ("gstin", "POS_STORE_GSTIN"),
        ("phone", "POS_STORE_PHONE"),
    ):
        if values.get(name):
            found[key] = values[name]
    for key, name in (
        ("address", "POS_STORE_ADDRESS"),
        ("footer", "POS_RECEIPT_FOOTER"),
    ):
        if values.get(name):
            found[key] = [part.strip() for part in values[name].split("|")]
    return found


def _merge_store(store: StoreInfo, data: Mapping[str, Any]) -> StoreInfo:
    updates: dict[str, Any] = {}
    for key in ("name", "gstin", "phone"):
        if key in data:
            if not isinstance(data[key], str):
                raise ReceiptSettingsError(f"store {key} must be text")
            updates[key] = data[key].strip()
    for key in ("address", "footer"):
        if key in data:
            lines = data[key]
            if isinstance(lines, str):
                lines = [lines]
            if not isinstance(lines, list) or not all(
                isinstance(x, str) for x in lines
            ):
                raise ReceiptSettingsError(f"store {key} must be a list of lines")
            updates[key] = tuple(line.strip() for line in lines if line.strip())
    return replace(store, **updates)


def _columns(text: str) -> int:
    if not text.strip().isdigit() or not MIN_COLUMNS <= int(text) <= MAX_COLUMNS:
        raise ReceiptSettingsError(
            f"POS_RECEIPT_COLUMNS must be {MIN_COLUMNS} to {MAX_COLUMNS} "
            "(42 for most 80 mm printers in font A, 48 for some)"
        )
    return int(text)


def _base_url(text: str) -> str:
    url = text.strip().rstrip("/")
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        raise ReceiptSettingsError(
            "POS_ERECEIPT_BASE_URL must be an https:// address without '?' or '#'"
        )
    return url


def _key(values: Mapping[str, str], data_dir: Path) -> bytes:
    configured = (values.get("POS_ERECEIPT_KEY") or "").strip()
    if configured:
        try:
            key = bytes.fromhex(configured)
        except ValueError as exc:
            raise ReceiptSettingsError("POS_ERECEIPT_KEY must be hex") from exc
        if len(key) < 16:
            raise ReceiptSettingsError("POS_ERECEIPT_KEY must be at least 16 bytes")
        return key

    # A key that cannot be read or made costs the e-receipt only (b"": no QR);
    # the paper receipt must still print (a read-only data folder, a full disk).
    path = data_dir / KEY_FILE
    try:
        if path.is_file():
            key = bytes.fromhex(path.read_text("ascii").strip())
            if len(key) >= 16:
                return key
            log.warning("%s is too short; making a new e-receipt key", path)
        key = secrets.token_bytes(32)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the start: no moment where another user could read it.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(key.hex())
    except (OSError, ValueError) as exc:
        log.warning("no e-receipt key (%s): receipts print without the QR", exc)
        return b""
    log.info("made a new e-receipt signing key in %s", path)
    return key
