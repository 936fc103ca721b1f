"""The loopback-only control endpoints: ``/sandbox/faults`` and ``/sandbox/config``.

``/sandbox/faults``: ``GET`` lists, ``POST`` JSON ``{endpoint, kind, count?,
latency_ms?}`` installs, ``DELETE`` clears (``?endpoint=`` clears one).

``/sandbox/config``: ``GET`` shows, ``POST`` JSON changes the merchant settings
``redirect_gateway`` (``PAYU``, ``RAZORPAY``, ``GOCASHFREE``, ``BILLDESK``),
``consent_lifetime_s`` and ``token_lifetime_s``; unknown keys are refused.
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any

from pos_app.sandbox import faults
from pos_app.sandbox.incoming import Request
from pos_app.sandbox.ledger import Ledger

__all__ = ["CONTROL_PATHS", "control"]

CONTROL_PATHS = ("/sandbox/faults", "/sandbox/config")
_LIFETIMES = ("consent_lifetime_s", "token_lifetime_s")


def control(
    req: Request, ledger: Ledger, fault_table: faults.FaultTable
) -> tuple[int, Any]:
    """Answer a control request with ``(HTTP status, JSON body)``."""
    if not _is_loopback(req.remote_addr):
        return 403, {"status": "Forbidden", "error_message": "loopback only"}
    if req.method not in ("GET", "POST") and not (
        req.method == "DELETE" and req.path == "/sandbox/faults"
    ):
        return 404, {
            "status": "Not Found",
            "error_code": "not_found",
            "error_message": f"No such endpoint: {req.method} {req.path}",
        }
    try:
        spec = json.loads(req.raw_body or b"{}") if req.method == "POST" else {}
        if not isinstance(spec, dict):
            raise TypeError("the body must be a JSON object")
        if req.path == "/sandbox/config":
            return 200, _config(ledger, spec)
        return 200, _faults(req, fault_table, spec)
    except (ValueError, KeyError, TypeError) as exc:
        return 400, {"status": "Bad Request", "error_message": str(exc)}


def _faults(
    req: Request, table: faults.FaultTable, spec: dict[str, Any]
) -> dict[str, Any]:
    if req.method == "DELETE":
        table.clear(req.query.get("endpoint"))
    elif req.method == "POST":
        table.set(
            str(spec["endpoint"]),
            str(spec["kind"]),
            count=None if spec.get("count") is None else int(spec["count"]),
            latency_ms=int(spec.get("latency_ms") or 0),
        )
    listing = {
        name: {"kind": f.kind.value, "latency_ms": f.latency_ms, "count": f.count}
        for name, f in table.snapshot().items()
    }
    return {"faults": listing}


def _config(ledger: Ledger, spec: dict[str, Any]) -> dict[str, Any]:
    unknown = set(spec) - {"redirect_gateway", *_LIFETIMES}
    if unknown:
        raise KeyError(f"unknown settings: {', '.join(sorted(unknown))}")
    lifetimes = {name: float(spec[name]) for name in _LIFETIMES if name in spec}
    if any(value <= 0 for value in lifetimes.values()):
        raise ValueError("lifetimes must be positive")

    with ledger.lock:
        if "redirect_gateway" in spec:
            ledger.redirect_gateway = str(spec["redirect_gateway"])  # checks the name
        for name, value in lifetimes.items():
            setattr(ledger, name, value)
        return {
            "redirect_gateway": ledger.redirect_gateway,
            "consent_lifetime_s": ledger.consent_lifetime_s,
            "token_lifetime_s": ledger.token_lifetime_s,
        }


def _is_loopback(addr: str) -> bool:
    try:
        return ipaddress.ip_address(addr).is_loopback
    except ValueError:
        return False
