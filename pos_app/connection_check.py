"""The settings screen's "Test connection": two harmless reads, one clear verdict.

1. ``GET /merchants/{merchant_id}/paymentmethods`` proves the host answers as the
   Juspay API and knows the merchant (and tells whether Amazon Pay is enabled).
2. ``GET /orders/<random id>`` is an authenticated read that changes nothing: the
   gateway must answer ``NOT_FOUND``; a 401 ``access_denied`` means the key is wrong.

Blocking (HTTP): run it on a worker thread. Nothing here creates an order, a customer
or a transaction, and the API key never appears in a report.
"""

from __future__ import annotations

import enum
import logging
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos_app import logs
from pos_app.config import AppConfig
from pos_app.domain.text import translate

if TYPE_CHECKING:
    import httpx

    from pos_app.gateway.client import JuspayClient
    from pos_app.gateway.errors import GatewayError

__all__ = ["CheckResult", "ConnectionReport", "check_connection", "probe_order_id"]

log = logging.getLogger(__name__)


class CheckResult(enum.StrEnum):
    OK = "ok"
    AUTH_FAILED = "auth_failed"
    UNKNOWN_MERCHANT = "unknown_merchant"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    ERROR_PAGE = "error_page"
    GATEWAY_ERROR = "gateway_error"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """The verdict: ``message`` is for the manager, ``detail`` for support (redacted).

    ``amazon_pay`` is whether the merchant's payment methods list Amazon Pay (None
    when the list was not read).
    """

    result: CheckResult
    message: str
    detail: str = ""
    amazon_pay: bool | None = None
    elapsed_ms: int = 0

    @property
    def ok(self) -> bool:
        return self.result is CheckResult.OK


def probe_order_id() -> str:
    """Return an order id no sale will ever use (ours start with the terminal id)."""
    return "ZZPROBE" + secrets.token_hex(6).upper()  # 19 letters and digits


def check_connection(
    config: AppConfig,
    *,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 10.0,
) -> ConnectionReport:
    """Test the gateway ``config`` points at; never raises for a gateway failure.

    The configuration is not validated first (a manager tests before saving, and a
    loopback address stands in for Juspay in tests); only a missing merchant id or
    key stops the test. With the embedded sandbox a throw-away one is started.
    ``transport`` is for tests (an ``httpx.MockTransport``).
    """
    started = time.monotonic()
    if config.uses_embedded_sandbox:
        report = _check_embedded(config, transport, timeout)
    elif not config.merchant_id or not config.api_key or not config.base_url:
        report = ConnectionReport(
            CheckResult.INCOMPLETE,
            translate("Connection", "Enter the merchant id first, then test again.")
            if not config.merchant_id
            else translate("Connection", "Enter the API key first, then test again."),
        )
    else:
        report = _check(
            config.base_url,
            config.merchant_id,
            config.api_key,
            config.gateway_label,
            transport,
            timeout,
        )
    elapsed = int((time.monotonic() - started) * 1000)
    report = ConnectionReport(
        report.result, report.message, report.detail, report.amazon_pay, elapsed
    )
    log.info("connection test: %s (%d ms)", report.result.value, elapsed)
    return report


def _check_embedded(
    config: AppConfig, transport: httpx.BaseTransport | None, timeout: float
) -> ConnectionReport:
    from pos_app.sandbox.server import SandboxServer

    with SandboxServer() as sandbox:
        report = _check(
            sandbox.base_url,
            sandbox.merchant_id,
            sandbox.api_key,
            config.gateway_label,
            transport,
            timeout,
        )
    if report.ok:
        message = translate(
            "Connection",
            "The embedded sandbox works; it needs no network or credentials.",
        )
        return ConnectionReport(report.result, message, report.detail, True)
    return report


def _check(
    base_url: str,
    merchant_id: str,
    api_key: str,
    label: str,
    transport: httpx.BaseTransport | None,
    timeout: float,
) -> ConnectionReport:
    from pos_app.gateway import errors
    from pos_app.gateway.client import GatewayConfig, JuspayClient

    try:
        gateway = GatewayConfig(
            base_url=base_url,
            merchant_id=merchant_id,
            api_key=api_key,
            connect_timeout=min(timeout, 5.0),
            read_timeout=timeout,
            lookup_timeout=timeout,
        )
    except ValueError as exc:
        return ConnectionReport(
            CheckResult.INCOMPLETE,
            translate("Connection", "Check the settings: {problem}").format(
                problem=str(exc)
            ),
        )

    with JuspayClient(gateway, transport=transport) as client:
        try:
            amazon_pay = _amazon_pay_listed(client)
        except errors.GatewayError as exc:
            return _verdict(exc, step="payment methods", merchant_id=merchant_id)
        try:
            client.order_status(probe_order_id())
        except errors.OrderNotFound:
            pass  # the expected answer: authenticated, and the order is unknown
        except errors.GatewayError as exc:
            return _verdict(exc, step="order status", merchant_id=merchant_id)

    if amazon_pay:
        return ConnectionReport(
            CheckResult.OK,
            translate(
                "Connection",
                "Connected to {gateway} as merchant {merchant_id}. Amazon Pay is "
                "enabled.",
            ).format(gateway=label, merchant_id=merchant_id),
            amazon_pay=True,
        )
    return ConnectionReport(
        CheckResult.OK,
        translate(
            "Connection",
            "Connected to {gateway} as merchant {merchant_id}. But Amazon Pay is not "
            "among this merchant's payment methods: enable it on the Juspay "
            "dashboard before taking payments.",
        ).format(gateway=label, merchant_id=merchant_id),
        amazon_pay=False,
    )


def _amazon_pay_listed(client: JuspayClient) -> bool:
    methods = client.payment_methods()
    return any((m.payment_method or "").upper() == "AMAZONPAY" for m in methods)


def _verdict(exc: GatewayError, *, step: str, merchant_id: str) -> ConnectionReport:
    """Say what a failed step means, in a manager's words."""
    from pos_app.gateway import errors

    detail = logs.redact(
        f"{step}: {type(exc).__name__}: {exc}"
        + (f" — {exc.body_excerpt}" if exc.body_excerpt else "")
    )
    code = (exc.code or "").lower()
    if isinstance(exc, errors.AuthenticationError):
        return ConnectionReport(
            CheckResult.AUTH_FAILED,
            translate(
                "Connection",
                "The gateway refused the credentials (access denied): the API key is "
                "wrong or revoked, or it does not belong to merchant {merchant_id}.",
            ).format(merchant_id=merchant_id),
            detail,
        )
    if isinstance(exc, errors.GatewayUnavailable):
        if code == "connect_timeout":
            return ConnectionReport(
                CheckResult.TIMEOUT,
                translate(
                    "Connection",
                    "The gateway did not answer in time. Check the network connection "
                    "(and any proxy or firewall), then test again.",
                ),
                detail,
            )
        return ConnectionReport(
            CheckResult.UNREACHABLE,
            translate(
                "Connection",
                "Cannot reach the gateway: no network connection, or the gateway "
                "address is wrong.",
            ),
            detail,
        )
    if isinstance(exc, errors.OutcomeUnknown) and code in {
        "timeout",
        "connection_lost",
    }:
        return ConnectionReport(
            CheckResult.TIMEOUT,
            translate(
                "Connection",
                "The gateway accepted the connection but did not answer in time. Try "
                "again; if it keeps happening, check the network or Juspay's status.",
            ),
            detail,
        )
    if not exc.structured or isinstance(exc, errors.MalformedResponse):
        return ConnectionReport(
            CheckResult.ERROR_PAGE,
            translate(
                "Connection",
                "The address answered with a web page, not the Juspay API. Check the "
                "gateway address (or a proxy or captive portal in between).",
            ),
            detail,
        )
    if step == "payment methods" and isinstance(
        exc, errors.InvalidRequest | errors.NotFound
    ):
        return ConnectionReport(
            CheckResult.UNKNOWN_MERCHANT,
            translate(
                "Connection",
                "The gateway does not know the merchant id {merchant_id}. Copy it "
                "again from the Juspay dashboard (it is case-sensitive), and check "
                "the mode: sandbox and production accounts differ.",
            ).format(merchant_id=repr(merchant_id)),
            detail,
        )
    return ConnectionReport(
        CheckResult.GATEWAY_ERROR,
        translate(
            "Connection", "The gateway reported an error ({error}). Try again later."
        ).format(error=exc.message),
        detail,
    )
