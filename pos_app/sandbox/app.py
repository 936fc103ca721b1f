"""The sandbox WSGI application: routing, auth, body parsing, faults, recording.

Paths, auth and bodies follow Juspay (see ``/work/shared/reference/gateway-api.md``):
HTTP Basic with ``base64("<API_KEY>:")`` (the password part is ignored), form bodies
with dotted keys (JSON objects are tolerated and flattened to the same dotted keys),
JSON answers. ``x-merchantid``, when sent, must be the merchant's id; a mismatch
gets the same 401 ``access_denied`` answer as a wrong key.

Besides the Juspay API the app serves the customer's HTML pages (consent, top-up,
OTP: see :mod:`~pos_app.sandbox.web`) and, from loopback only, the control
endpoints ``/sandbox/faults`` and ``/sandbox/config`` (see
:mod:`~pos_app.sandbox.control`).

Wallet endpoints (reference 6.2, with the sandbox's consent choice described in
:mod:`~pos_app.sandbox.linking`): ``POST /customers/{id}/wallets`` (create),
``GET /wallets/{id}`` (get; ``?command=refresh`` refreshes, as older SDKs send it)
and ``POST /wallets/{id}`` (``command`` authenticate, link, refresh, delink).
"""

from __future__ import annotations

import base64
import binascii
import http
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pos_app.sandbox import (
    control,
    errors,
    faults,
    fixtures,
    incoming,
    pages,
    refunds,
    views,
    web,
)
from pos_app.sandbox.incoming import AuthState, Request
from pos_app.sandbox.ledger import Ledger

__all__ = ["ConnectionDropped", "RecordedRequest", "SandboxApp"]

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
_Answer = tuple[int, str, bytes]
_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"


class ConnectionDropped(Exception):  # noqa: N818 - a signal to the server, not an error
    """Raised by the app to have the server close the connection without answering."""


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One API request as received (the Authorization header is never kept)."""

    method: str
    path: str
    endpoint: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]
    auth: AuthState


_Handler = Callable[["SandboxApp", Request], tuple[int, Any]]
_ROUTES: list[tuple[str, re.Pattern[str], str, bool]] = []  # method, path, name, auth
_HANDLERS: dict[str, _Handler] = {}


def _route(
    method: str, pattern: str, *, auth: bool = True
) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        name = handler.__name__.removeprefix("_h_")
        _ROUTES.append((method, re.compile(f"^{pattern}$"), name, auth))
        _HANDLERS[name] = handler
        return handler

    return register


class SandboxApp:
    """WSGI callable serving one merchant's Juspay look-alike."""

    def __init__(
        self,
        ledger: Ledger,
        fault_table: faults.FaultTable,
        *,
        api_key: str,
        latency_ms: int = 0,
        response_key: str = fixtures.RESPONSE_KEY,
    ) -> None:
        self.ledger = ledger
        self.faults = fault_table
        self.api_key = api_key
        self.response_key = response_key
        self.latency_ms = latency_ms
        self.refunds = refunds.RefundDesk(ledger)  # knobs: settle_s, forced_outcome
        self._requests: list[RecordedRequest] = []
        self._requests_lock = threading.Lock()
        self._closing = threading.Event()

    @property
    def requests(self) -> list[RecordedRequest]:
        """Return a copy of the recorded API requests, oldest first."""
        with self._requests_lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._requests_lock:
            self._requests.clear()

    def close(self) -> None:
        """Wake every request sleeping on latency or a timeout fault (server stop)."""
        self._closing.set()

    def reopen(self) -> None:
        """Let latency and timeout faults sleep again (server restart)."""
        self._closing.clear()

    # -- WSGI --------------------------------------------------------------------

    def __call__(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        req = incoming.parse(environ)
        headers: list[tuple[str, str]] = []
        page = web.serve(self.ledger, req, self.response_key)
        if page is not None:
            status, content_type, body = page.status, _HTML, page.body.encode()
            headers.append(("Cache-Control", "no-store"))
            if page.location is not None:
                headers.append(("Location", page.location))
        else:
            status, content_type, body = self._answer(req)
        start_response(
            f"{status} {http.HTTPStatus(status).phrase}",
            [
                ("Content-Type", content_type),
                ("Content-Length", str(len(body))),
                *headers,
            ],
        )
        return [body]

    def _answer(self, req: Request) -> _Answer:
        if req.path in control.CONTROL_PATHS:
            return _json(*control.control(req, self.ledger, self.faults))

        for method, pattern, name, auth in _ROUTES:
            match = pattern.match(req.path)
            if match and method == req.method:
                req.params = match.groupdict()
                if name == "get_wallet" and "command" in req.query:
                    name = "wallet_command"  # GET /wallets/{id}?command=refresh
                return self._api(req, name, auth_required=auth)
        return _json(404, _not_found(req))

    def _api(self, req: Request, endpoint: str, *, auth_required: bool) -> _Answer:
        req.auth = self._auth_state(req)
        self._record(req, endpoint)
        fault = self.faults.take(endpoint)
        delay = self.latency_ms / 1000 + (fault.delay_s if fault else 0.0)
        if delay > 0:
            self._closing.wait(delay)
        if fault is not None and not fault.kind.commits:
            return _pre_commit_fault(fault.kind)

        answer = self._dispatch(req, endpoint, auth_required=auth_required)
        if fault is not None and fault.kind is faults.FaultKind.DROP_AFTER_COMMIT:
            raise ConnectionDropped(endpoint)
        if fault is not None and fault.kind is faults.FaultKind.HANG_AFTER_COMMIT:
            self._closing.wait(fault.hold_s)  # committed; now silent until it drops
            raise ConnectionDropped(endpoint)
        if fault is not None and fault.kind is faults.FaultKind.MALFORMED:
            _status, content_type, body = answer
            return 200, content_type, body[: max(1, len(body) // 2)]
        return answer

    def _dispatch(self, req: Request, endpoint: str, *, auth_required: bool) -> _Answer:
        try:
            if req.auth == "wrong" or (auth_required and req.auth == "missing"):
                raise errors.access_denied(_auth_message(req.auth))
            with self.ledger.lock:
                self.refunds.settle()  # refunds due to leave PENDING, before reading
                status, body = _HANDLERS[endpoint](self, req)
            return _json(status, body)
        except errors.ApiError as exc:
            return _json(exc.http_status, exc.body)
        except Exception:
            log.exception("sandbox handler %s failed", endpoint)
            return _json(
                500,
                {
                    "status": "ERROR",
                    "error_code": "internal_error",
                    "error_message": "bug",
                },
            )

    def _auth_state(self, req: Request) -> AuthState:
        header = req.headers.get("authorization", "")
        merchant = req.headers.get("x-merchantid")
        if merchant is not None and merchant != self.ledger.merchant_id:
            return "wrong"
        if not header:
            return "missing"
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return "wrong"
        try:
            user = (
                base64.b64decode(encoded.strip(), validate=True)
                .decode()
                .partition(":")[0]
            )
        except (binascii.Error, UnicodeDecodeError):
            return "wrong"
        return "ok" if user == self.api_key else "wrong"

    def _record(self, req: Request, endpoint: str) -> None:
        headers = {k: v for k, v in req.headers.items() if k != "authorization"}
        entry = RecordedRequest(
            req.method,
            req.path,
            endpoint,
            dict(req.query),
            dict(req.form),
            headers,
            req.auth,
        )
        with self._requests_lock:
            self._requests.append(entry)

    # -- endpoint handlers (run under the ledger lock) ---------------------------

    @_route("GET", r"/customers/(?P<ref>[^/]+)")
    def _h_get_customer(self, req: Request) -> tuple[int, Any]:
        record = self.ledger.get_customer(req.params["ref"])
        return 200, views.customer(record, self._client_token(req.query))

    @_route("POST", r"/customers")
    def _h_create_customer(self, req: Request) -> tuple[int, Any]:
        record = self.ledger.create_customer(req.form)
        return 200, views.customer(record, self._client_token(req.form))

    @_route("POST", r"/orders")
    def _h_create_order(self, req: Request) -> tuple[int, Any]:
        order = self.ledger.create_order(req.form)
        return 200, views.order_created(order, req.base, self._client_token(req.form))

    @_route("GET", r"/orders/(?P<order_id>[^/]+)")
    def _h_order_status(self, req: Request) -> tuple[int, Any]:
        order_id = req.params.get("order_id") or req.query.get("order_id", "")
        order = self.ledger.get_order(order_id)
        full = _flag(req.query, "options.add_full_gateway_response")
        return 200, views.order_status(order, req.base, full_gateway_response=full)

    @_route("POST", r"/orders/(?P<order_id>[^/]+)/refunds")
    def _h_refund(self, req: Request) -> tuple[int, Any]:
        order = self.refunds.refund(req.params["order_id"], req.form)
        return 200, views.order_status(order, req.base, full_gateway_response=False)

    @_route("GET", r"/merchants/(?P<merchant>[^/]+)/paymentmethods", auth=False)
    def _h_payment_methods(self, req: Request) -> tuple[int, Any]:
        if req.params["merchant"] != self.ledger.merchant_id:
            raise errors.classic(
                400,
                "Bad Request",
                "invalid_request_error",
                "[merchantAccount] cannot be null",
            )
        direct_debit = _flag(req.query, "options.check_wallet_direct_debit_support")
        outage = _flag(req.query, "options.add_outage")
        return 200, views.payment_methods(direct_debit=direct_debit, outage=outage)

    @_route("GET", r"/customers/(?P<ref>[^/]+)/wallets")
    def _h_list_wallets(self, req: Request) -> tuple[int, Any]:
        wallets = self.ledger.customer_wallets(req.params["ref"], refresh=False)
        # The plain list writes linked as a string, as some official samples do.
        return 200, views.wallet_list(wallets, linked_as_text=True, base=req.base)

    @_route("GET", r"/customers/(?P<ref>[^/]+)/wallets/refresh-balances")
    def _h_refresh_wallets(self, req: Request) -> tuple[int, Any]:
        wallets = self.ledger.customer_wallets(req.params["ref"], refresh=True)
        return 200, views.wallet_list(wallets, linked_as_text=False, base=req.base)

    @_route("POST", r"/customers/(?P<ref>[^/]+)/wallets")
    def _h_create_wallet(self, req: Request) -> tuple[int, Any]:
        wallet, token = self.ledger.create_wallet(req.params["ref"], req.form)
        return 200, views.wallet_object(wallet, token, req.base)

    @_route("GET", r"/wallets/(?P<wallet_id>[^/]+)")
    def _h_get_wallet(self, req: Request) -> tuple[int, Any]:
        wallet, token = self.ledger.get_wallet(req.params["wallet_id"])
        return 200, views.wallet_object(wallet, token, req.base)

    @_route("POST", r"/wallets/(?P<wallet_id>[^/]+)")
    def _h_wallet_command(self, req: Request) -> tuple[int, Any]:
        # GET /wallets/{id}?command=refresh arrives here too, with the query.
        params = req.form if req.method == "POST" else req.query
        wallet, token = self.ledger.wallet_command(req.params["wallet_id"], params)
        return 200, views.wallet_object(wallet, token, req.base)

    @_route("POST", r"/txns", auth=False)
    def _h_txns(self, req: Request) -> tuple[int, Any]:
        # Redirect-flow txns may come unauthenticated; wallet direct debit may not.
        if req.form.get("direct_wallet_token") and req.auth != "ok":
            raise errors.access_denied(_auth_message(req.auth))
        txn = self.ledger.create_txn(req.form)
        return 200, views.txn_response(txn, req.base)

    def _client_token(self, params: Mapping[str, str]) -> Any:
        if _flag(params, "options.get_client_auth_token"):
            return self.ledger.mint_client_auth_token()
        return None


# The legacy status path shares the order_status handler and endpoint name.
_ROUTES.append(("GET", re.compile(r"^/order/status$"), "order_status", True))


def _pre_commit_fault(kind: faults.FaultKind) -> _Answer:
    if kind is faults.FaultKind.TIMEOUT:
        raise ConnectionDropped("timeout")
    if kind is faults.FaultKind.HTML:
        return 502, _HTML, pages.HTML_502.encode()
    status = {"http_500": 500, "http_502": 502, "http_503": 503}[kind.value]
    phrase = http.HTTPStatus(status).phrase
    return _json(
        status, {"status": "ERROR", "error_code": phrase, "error_message": phrase}
    )


def _json(status: int, body: Any) -> _Answer:
    return status, _JSON, json.dumps(body, separators=(",", ":")).encode()


def _not_found(req: Request) -> dict[str, str]:
    return {
        "status": "Not Found",
        "error_code": "not_found",
        "error_message": f"No such endpoint: {req.method} {req.path}",
    }


def _auth_message(state: AuthState) -> str:
    if state == "missing":
        return "API key missing: send HTTP Basic authentication"
    return "Invalid API key or merchant id"


def _flag(params: Mapping[str, str], name: str) -> bool:
    return params.get(name, "").lower() == "true"
