"""Juspay error bodies, raised as :class:`ApiError` and rendered by the app.

Juspay answers errors in several shapes (reference section 1.5); the sandbox uses
each where the reference places it:

* classic - ``status``, ``error_code``, ``error_message`` (optionally
  ``user_message``): authentication, customers, wallets, ``/txns``;
* structured - ``status``, ``error_code: "INVALID_REQUEST"``, ``error_message`` and
  ``error_info{user_message, developer_message, code, category, fields[]}``:
  create order;
* not found - ``status: "NOT_FOUND"``, ``status_id: 40``, ``order_id``: order status.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ApiError",
    "access_denied",
    "classic",
    "order_not_found",
    "structured",
]


class ApiError(Exception):
    """An error answer: HTTP status plus the JSON body to send."""

    def __init__(self, http_status: int, body: dict[str, Any]) -> None:
        super().__init__(
            f"{http_status} {body.get('error_code') or body.get('status')}"
        )
        self.http_status = http_status
        self.body = body


def classic(
    http_status: int,
    status: str,
    error_code: str,
    error_message: str,
    *,
    user_message: str | None = None,
) -> ApiError:
    """Build a classic-shape error."""
    body: dict[str, Any] = {
        "status": status,
        "error_code": error_code,
        "error_message": error_message,
    }
    if user_message is not None:
        body["user_message"] = user_message
    return ApiError(http_status, body)


def structured(
    code: str,
    message: str,
    fields: dict[str, str] | None = None,
    *,
    http_status: int = 400,
) -> ApiError:
    """Build a structured-shape error; ``fields`` maps field name to reason."""
    field_list = [{"field_name": k, "reason": v} for k, v in (fields or {}).items()]
    body: dict[str, Any] = {
        "status": "ERROR",
        "error_code": "INVALID_REQUEST",
        "error_message": message,
        "error_info": {
            "user_message": message,
            "developer_message": message,
            "code": code,
            "category": "USER_ERROR",
            "fields": field_list,
        },
    }
    return ApiError(http_status, body)


def access_denied(message: str) -> ApiError:
    """Build the 401 answer for a missing or wrong API key."""
    return classic(401, "Invalid Authentication", "access_denied", message)


def order_not_found(order_id: str) -> ApiError:
    """Build the answer for an unknown order id (HTTP 404)."""
    return ApiError(404, {"status": "NOT_FOUND", "status_id": 40, "order_id": order_id})
