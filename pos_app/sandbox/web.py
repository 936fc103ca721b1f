"""Serve the customer's pages: consent, CCT top-up, OTP, and the signed returns.

==========================================  ==========================================
``GET|POST /amazonpay/consent/<session>``   Amazon consent (Allow / Deny)
``GET|POST /pay/cct/<txn_id>``              top-up of a short direct debit
``GET|POST /pay/otp/<txn_id>``              OTP of a redirect payment
``GET|POST /pay/start/<merchant>/<txn_id>`` older alias of the OTP page
``GET /pay/order/<id>``, ``/pay/finish/..`` placeholders
==========================================  ==========================================

A payment that ends here (charged, failed, cancelled) answers 302 to the order's
``return_url`` with ``order_id``, ``status``, ``status_id`` and the signature
(reference 7.4); without a ``return_url`` a result page is shown instead. A submit
after the end does nothing again: "already completed", and the same redirect.
Pages are not delayed by ``latency_ms`` and not recorded as API requests, but every
hit is logged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pos_app.sandbox import consent_pages, fixtures, pages
from pos_app.sandbox.cct_pages import cct
from pos_app.sandbox.incoming import Request
from pos_app.sandbox.ledger import Ledger
from pos_app.sandbox.otp_pages import otp
from pos_app.sandbox.page_kit import message_page
from pos_app.sandbox.payments import Outcome, PageKind
from pos_app.sandbox.records import STATUS_IDS, Order, primary_txn
from pos_app.sandbox.signing import signed_url

__all__ = ["WebReply", "serve"]

log = logging.getLogger(__name__)

_CONSENT = re.compile(r"^/amazonpay/consent/(?P<id>[A-Za-z0-9_-]+)$")
_PAY = re.compile(r"^/pay/(?P<kind>cct|otp)/(?P<id>[^/]+)$")
_START = re.compile(r"^/pay/start/[^/]+/(?P<id>[^/]+)$")
_EXPIRY = re.compile(r"^\s*([0-9]{2})\s*/\s*([0-9]{2}|[0-9]{4})\s*$")
_VPA = re.compile(r"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$")


@dataclass(frozen=True, slots=True)
class WebReply:
    """An HTML answer, or a redirect when ``location`` is set."""

    status: int
    body: str
    location: str | None = None


def serve(ledger: Ledger, req: Request, response_key: str) -> WebReply | None:
    """Answer a page request, or return None when the path is not a page."""
    reply = _route(ledger, req, response_key)
    if reply is not None:
        log.info("page %s %s -> %d", req.method, req.path, reply.status)
    return reply


def _route(ledger: Ledger, req: Request, key: str) -> WebReply | None:
    consent = _CONSENT.match(req.path)
    pay = _PAY.match(req.path)
    start = _START.match(req.path)
    if not (consent or pay or start or req.path.startswith("/pay/")):
        return None
    if req.method not in ("GET", "POST"):
        return WebReply(405, _simple("Not allowed", "Use GET or POST on this page."))

    with ledger.lock:
        if consent:
            return _consent(ledger, req, consent["id"], key)
        if pay:
            kind: PageKind = "cct" if pay["kind"] == "cct" else "otp"
            return _payment(ledger, req, kind, pay["id"], key)
        if start:
            return _payment(ledger, req, "otp", start["id"], key)
    placeholder = pages.placeholder(req.path) if req.method == "GET" else None
    if placeholder is not None:
        return WebReply(200, placeholder)
    return WebReply(404, _simple("Page not found", "There is no such page."))


# -- consent ------------------------------------------------------------------------


def _consent(ledger: Ledger, req: Request, session_id: str, key: str) -> WebReply:
    session = ledger.consent_session(session_id)
    if session is None:
        return WebReply(404, _simple("Not found", "There is no such consent request."))
    if session.status != "PENDING":
        return WebReply(410, consent_pages.expired())
    wallet = ledger.wallets[session.wallet_id]

    def form(error: str = "") -> str:
        left = max(1, round((session.expires_at - ledger.clock()) / 60))
        return consent_pages.consent(
            merchant=ledger.merchant_name,
            mobile=wallet.mobile_number,
            action=req.path,
            minutes_left=left,
            error=error,
        )

    if req.method == "GET":
        return WebReply(200, form())
    decision = req.form.get("decision", "")
    if decision not in ("allow", "deny"):
        return WebReply(400, form("Choose Allow or Deny."))

    outcome = ledger.decide_consent(session_id, allow=decision == "allow")
    if outcome is None:
        return WebReply(410, consent_pages.expired())
    if outcome.session.return_url:
        params = {"wallet_id": outcome.wallet.id, "status": outcome.session.status}
        if outcome.code is not None:
            params["code"] = outcome.code
        location = signed_url(outcome.session.return_url, params, key)
        return WebReply(
            303, _simple("Redirecting", "Returning to the merchant."), location
        )
    if decision == "allow":
        return WebReply(200, consent_pages.linked(ledger.merchant_name))
    return WebReply(200, consent_pages.declined(ledger.merchant_name))


# -- CCT and OTP pages --------------------------------------------------------------


def _payment(
    ledger: Ledger, req: Request, kind: PageKind, txn_id: str, key: str
) -> WebReply:
    found = ledger.find_txn(txn_id, kind)
    if found is None:
        return WebReply(404, _simple("Not found", "There is no such payment."))
    order, txn = found
    if ledger.close_if_paid(order, txn):
        return _already(order, key, redirect=req.method == "POST")
    if req.method == "GET":
        return WebReply(200, _page(ledger, kind, txn_id, req.path))

    form = req.form
    if kind == "otp":
        if form.get("action") == "cancel":
            return _ended(ledger.cancel_page_txn(txn_id, kind), key)
        code = form.get("otp", "").strip()
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            message = "Enter the 6 digits of the OTP: digits only, nothing else."
            return WebReply(400, _page(ledger, kind, txn_id, req.path, error=message))
        outcome = ledger.submit_otp(txn_id, code)
        if outcome is not None and outcome.kind == "wrong_otp":
            left = outcome.txn.otp_tries_left
            message = (
                f"That OTP is not right. {left} {'try' if left == 1 else 'tries'} left."
            )
            return WebReply(200, _page(ledger, kind, txn_id, req.path, error=message))
        return _ended(outcome, key)

    method = form.get("method", "")
    if method == "cancel":
        return _ended(ledger.cancel_page_txn(txn_id, kind), key)
    verdict = _instrument_verdict(method, form)
    if isinstance(verdict, str):
        page = _page(
            ledger, kind, txn_id, req.path, error=verdict, active=method, values=form
        )
        return WebReply(400, page)
    return _ended(ledger.cct_pay(txn_id, method, approved=verdict), key)


def _instrument_verdict(method: str, form: dict[str, str]) -> bool | str:
    """Return whether the test instrument is approved, or a message to show."""
    if method == "card":
        number = "".join(ch for ch in form.get("card_number", "") if ch not in " -")
        if not (number.isascii() and number.isdigit() and 12 <= len(number) <= 19):
            return "Enter the card number: 12 to 19 digits."
        if not _future_expiry(form.get("card_expiry", "")):
            return "Enter the expiry as MM/YY, a month that has not passed."
        cvv = form.get("card_cvv", "").strip()
        if not (cvv.isascii() and cvv.isdigit() and len(cvv) in (3, 4)):
            return "Enter the 3 or 4 digit CVV from the back of the card."
        if number in (fixtures.TEST_CARD_APPROVED, fixtures.TEST_CARD_DECLINED):
            return number == fixtures.TEST_CARD_APPROVED
        return (
            "The sandbox knows only the test cards 4111 1111 1111 1111 (approved) "
            "and 4000 0000 0000 0002 (declined)."
        )
    if method == "upi":
        vpa = form.get("vpa", "").strip().lower()
        if not _VPA.match(vpa):
            return "Enter a UPI ID such as name@bank."
        if vpa in (fixtures.TEST_VPA_APPROVED, fixtures.TEST_VPA_DECLINED):
            return vpa == fixtures.TEST_VPA_APPROVED
        return "The sandbox knows only success@upi and failure@upi."
    if method == "nb":
        if form.get("bank", "") not in fixtures.NET_BANKS:
            return "Choose your bank."
        if form.get("outcome") not in ("success", "failure"):
            return "Choose Success or Failure."
        return form["outcome"] == "success"
    return "Choose how to pay: card, UPI or net banking."


def _future_expiry(text: str) -> bool:
    match = _EXPIRY.match(text)
    if match is None:
        return False
    month, year = int(match[1]), int(match[2])
    year = year + 2000 if year < 100 else year
    today = datetime.now(UTC)
    return 1 <= month <= 12 and (year, month) >= (today.year, today.month)


def _page(
    ledger: Ledger,
    kind: PageKind,
    txn_id: str,
    action: str,
    *,
    error: str = "",
    active: str = "card",
    values: dict[str, str] | None = None,
) -> str:
    found = ledger.find_txn(txn_id, kind)
    assert found is not None  # the caller found it under the same lock
    order, txn = found
    if kind == "cct":
        covered, rest = ledger.wallet_cover(order, txn)
        return cct(
            merchant=ledger.merchant_name,
            order_amount=txn.amount_paise,
            covered=covered,
            rest=rest,
            action=action,
            active=active if active in ("card", "upi", "nb") else "card",
            error=error,
            values=values,
        )
    customer = ledger.find_customer(order.customer_id) if order.customer_id else None
    return otp(
        merchant=ledger.merchant_name,
        gateway_label=fixtures.REDIRECT_GATEWAYS.get(txn.gateway, txn.gateway),
        amount=txn.amount_paise,
        mobile=customer.mobile_number if customer else order.customer_phone,
        action=action,
        sandbox_otp=txn.otp or "",
        error=error,
    )


# -- ends -------------------------------------------------------------------------


def _ended(outcome: Outcome | None, key: str) -> WebReply:
    if outcome is None:  # cannot happen under the lock, but stay safe
        return WebReply(404, _simple("Not found", "There is no such payment."))
    if outcome.kind == "already_final":
        return _already(outcome.order, key, redirect=True)
    return _result(outcome.order, key)


def _return_location(order: Order, key: str) -> tuple[str, str | None]:
    txn = primary_txn(order)
    status = txn.status if txn is not None else "NEW"
    if not order.return_url:
        return status, None
    params = {
        "order_id": order.order_id,
        "status": status,
        "status_id": str(STATUS_IDS[status]),
    }
    return status, signed_url(order.return_url, params, key)


def _result(order: Order, key: str) -> WebReply:
    status, location = _return_location(order, key)
    heading, text = _RESULTS.get(status, ("Payment finished", f"Status: {status}."))
    if location is not None:
        return WebReply(302, _simple(heading, text), location)
    return WebReply(200, _simple(heading, text + " You can close this page."))


def _already(order: Order, key: str, *, redirect: bool) -> WebReply:
    status, location = _return_location(order, key)
    text = (
        f"This payment is already completed (status {status}). "
        "Nothing was charged again."
    )
    if location is None:
        return WebReply(200, _simple("Payment already completed", text))
    if redirect:
        return WebReply(302, _simple("Payment already completed", text), location)
    page = message_page(
        "Payment already completed",
        "Payment already completed",
        text,
        link=(location, "Return to the merchant"),
        refresh_url=location,
    )
    return WebReply(200, page)


_RESULTS = {
    "CHARGED": ("Payment successful", "Your payment was received."),
    "AUTHORIZATION_FAILED": ("Payment failed", "The payment was declined."),
    "AUTHENTICATION_FAILED": ("Payment not completed", "The payment was cancelled."),
}


def _simple(heading: str, text: str) -> str:
    return message_page(f"Amazon Pay: {heading}", heading, text)
