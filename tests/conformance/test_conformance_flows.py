"""Each flow sends exactly the documented requests (gateway reference 1-3, 5-7).

Every flow runs through the real ``CheckoutService`` and client against the sandbox,
which records what it received. For each flow the tests assert the exact sequence
(method, path, the set of form field names, fixed values) and, on every request:
``x-merchantid`` and ``version`` sent, Basic auth accepted, form encoding on posts,
amounts as two-decimal strings, no field the reference does not list, and no secret
(API key, wallet token, link code, mobile number) in a path, query or header.

``SANDBOX_EXTENSIONS`` lists the one field we send that the reference does not
document, with the reason; anything else undocumented fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from pos_app.checkout.types import HostedStep, LinkMode, LinkSession, LinkState, Outcome
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.sandbox.app import RecordedRequest

LINKED, SMALL, UNLINKED, DECLINED = (
    "9999900001",
    "9999900002",
    "9999900003",
    "9999900004",
)
FORM = "application/x-www-form-urlencoded"
RETURN_URL = "https://pos.invalid/return"  # as conftest.py configures the service
_AMOUNT = re.compile(r"\d+\.\d{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Documented:
    """What the reference allows on one endpoint."""

    method: str
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    query: frozenset[str] = frozenset()
    fixed: dict[str, frozenset[str]] = field(default_factory=dict)


def _f(*names: str) -> frozenset[str]:
    return frozenset(names)


_ORDER_OPTIONAL = _f(
    "currency",
    "customer_id",
    "customer_email",
    "customer_phone",
    "return_url",
    "description",
    "product_id",
    "options.get_client_auth_token",
    *(f"udf{n}" for n in range(1, 11)),
)

#: Reference sections 2.1-2.2, 3.1-3.2, 5, 6.2 and 7.1, by sandbox endpoint name.
DOCUMENTED: dict[str, Documented] = {
    "payment_methods": Documented(
        "GET",
        query=_f(
            "options.check_wallet_direct_debit_support",
            "options.add_supported_reference_ids",
            "options.add_outage",
            "options.add_emandate_payment_methods",
        ),
    ),
    "get_customer": Documented("GET", query=_f("options.get_client_auth_token")),
    "create_customer": Documented(
        "POST",
        required=_f("object_reference_id", "mobile_number"),
        optional=_f(
            "email_address",
            "first_name",
            "last_name",
            "mobile_country_code",
            "options.get_client_auth_token",
        ),
    ),
    "list_wallets": Documented("GET", query=_f("offset")),
    "refresh_wallets": Documented("GET"),
    "create_wallet": Documented(
        "POST",
        required=_f("gateway"),
        optional=_f("command", "mobile_number", "gateway_reference_id"),
        fixed={"command": _f("authenticate")},
    ),
    "get_wallet": Documented("GET"),
    "wallet_command": Documented(
        "POST",
        required=_f("command"),
        optional=_f("otp"),
        fixed={"command": _f("authenticate", "link", "refresh", "delink")},
    ),
    "create_order": Documented(
        "POST", required=_f("order_id", "amount"), optional=_ORDER_OPTIONAL
    ),
    "order_status": Documented("GET", query=_f("options.add_full_gateway_response")),
    "txns": Documented(
        "POST",
        required=_f(
            "order_id", "merchant_id", "payment_method_type", "payment_method", "format"
        ),
        optional=_f("direct_wallet_token", "redirect_after_payment"),
        fixed={
            "payment_method_type": _f("WALLET"),
            "payment_method": _f("AMAZONPAY"),
            "format": _f("json"),
            "redirect_after_payment": _f("true", "false"),
        },
    ),
}

#: Fields we send beyond the reference, and why. Nothing else may appear.
SANDBOX_EXTENSIONS: dict[str, frozenset[str]] = {
    # Where the consent page sends the shopper back in the web-view link flow; a
    # sandbox extension that real Juspay may ignore (pos_app/gateway/_wallets.py,
    # reference 8.2 and 12: how Amazon's consent returns is unconfirmed).
    "create_wallet": _f("return_url"),
    "wallet_command": _f("return_url"),
}
#: Request headers the reference names (1.3), plus what any HTTP client sends.
HEADERS = _f(
    "x-merchantid",
    "version",
    "x-routing-id",
    "x-request-id",
    "content-type",
    "content-length",
    "accept",
    "accept-encoding",
    "user-agent",
    "host",
    "connection",
)


# -- running the flows -------------------------------------------------------------


def _lines(price: str) -> tuple[CartLine, ...]:
    return (CartLine("Item", Money.parse(price), 1, "sku1"),)


def _start(service, phone_text):
    phone = Phone.parse(phone_text)
    method = next(m for m in service.payment_methods() if m.is_amazon_pay)
    customer = service.look_up_customer(phone)
    return phone, customer, method


def _debit(service, phone_text, price="100.00"):
    phone, customer, method = _start(service, phone_text)
    return service.pay_amazon_balance(_lines(price), phone, customer, method, print)


def _link_and_pay(service, browser, mode):
    phone, customer, method = _start(service, UNLINKED)
    session = service.start_link(_lines("100.00"), phone, customer, method, mode, print)
    assert isinstance(session, LinkSession), session
    answer = browser.post(session.consent_url, data={"decision": "allow"})
    if mode is LinkMode.QR:
        assert service.poll_link(session) is LinkState.LINKED
    else:
        returned = answer.headers["location"]
        assert service.complete_link(session, returned) is LinkState.LINKED
    return service.pay_linked(session, print)


# -- checking what was sent -----------------------------------------------------------


@dataclass
class Expected:
    method: str
    path: str  # a template: {name} binds one segment, the same value every time
    fields: frozenset[str] = frozenset()
    values: dict[str, str] = field(default_factory=dict)  # {name} allowed in values


def _bind(template: str, actual: str, bound: dict[str, str]) -> bool:
    names = re.findall(r"{(\w+)}", template)
    pattern = re.escape(template)
    for name in names:
        pattern = pattern.replace(re.escape(f"{{{name}}}"), f"(?P<{name}>[^/?&]+)", 1)
    match = re.fullmatch(pattern, actual)
    if match is None:
        return False
    for name, value in match.groupdict().items():
        if bound.setdefault(name, value) != value:
            return False
    return True


def _assert_sequence(
    requests: list[RecordedRequest], expected: list[Expected], bound: dict[str, str]
) -> None:
    sent = [(r.method, r.path, sorted(r.form)) for r in requests]
    wanted = [(e.method, e.path, sorted(e.fields)) for e in expected]
    assert len(requests) == len(expected), f"sent {sent}\nwanted {wanted}"
    for number, (request, want) in enumerate(zip(requests, expected, strict=True)):
        where = f"request {number}: {request.method} {request.path}"
        assert request.method == want.method, where
        assert _bind(want.path, request.path, bound), f"{where} is not {want.path}"
        assert set(request.form) == set(want.fields), where
        for name, template in want.values.items():
            assert _bind(template, request.form[name], bound), (
                f"{where}: {name}={request.form[name]!r} is not {template}"
            )


def _assert_documented(requests: list[RecordedRequest], merchant_id: str) -> None:
    for request in requests:
        where = f"{request.method} {request.path}"
        spec = DOCUMENTED.get(request.endpoint)
        assert spec is not None, f"{where}: endpoint {request.endpoint} not in the list"
        assert request.method == spec.method, where

        assert request.headers.get("x-merchantid") == merchant_id, where
        assert _DATE.fullmatch(request.headers.get("version", "")), where
        assert request.auth == "ok", f"{where}: Basic auth {request.auth}"
        assert set(request.headers) <= HEADERS, (
            f"{where}: headers {set(request.headers) - HEADERS}"
        )
        if request.method == "POST":
            assert request.headers.get("content-type", "").startswith(FORM), where

        allowed = spec.required | spec.optional
        allowed |= SANDBOX_EXTENSIONS.get(request.endpoint, frozenset())
        assert spec.required <= set(request.form), f"{where}: missing fields"
        assert set(request.form) <= allowed, (
            f"{where}: undocumented {set(request.form) - allowed}"
        )
        assert set(request.query) <= spec.query, (
            f"{where}: undocumented query {set(request.query) - spec.query}"
        )
        for name, values in spec.fixed.items():
            if name in request.form:
                assert request.form[name] in values, f"{where}: {name}"
        if request.endpoint == "txns":
            assert request.form["merchant_id"] == merchant_id
        for name, value in request.form.items():
            if name == "amount" or name.endswith(".amount"):
                assert _AMOUNT.fullmatch(value), f"{where}: amount {value!r}"
        if request.endpoint == "wallet_command" and request.form["command"] == "link":
            assert request.form.get("otp"), f"{where}: link without a code"


def _assert_no_secret_outside_bodies(
    requests: list[RecordedRequest], api_key: str, phone_digits: list[str]
) -> None:
    secrets = {api_key, *phone_digits}
    for request in requests:
        for name in ("direct_wallet_token", "otp"):
            if request.form.get(name):
                secrets.add(request.form[name])
    for request in requests:
        exposed = [request.path, *request.query.values(), *request.headers.values()]
        for secret in secrets:
            assert not any(secret in text for text in exposed), (
                f"{request.method} {request.path}: a secret outside the form body"
            )
        assert api_key not in " ".join(request.form.values())


def _check(sandbox, expected, bound, phones):
    requests = sandbox.requests
    _assert_sequence(requests, expected, bound)
    _assert_documented(requests, sandbox.merchant_id)
    _assert_no_secret_outside_bodies(requests, sandbox.api_key, phones)


def _lookup(phone_text: str) -> list[Expected]:
    return [
        Expected("GET", "/merchants/{mid}/paymentmethods"),
        Expected("GET", "/customers/{ref}"),
        Expected(
            "POST",
            "/customers",
            _f("object_reference_id", "mobile_number"),
            {"object_reference_id": "{ref}", "mobile_number": phone_text},
        ),
        Expected("GET", "/customers/{cst}/wallets/refresh-balances"),
    ]


def _order(amount: str) -> Expected:
    return Expected(
        "POST",
        "/orders",
        _f("order_id", "amount", "currency", "customer_id", "return_url"),
        {
            "order_id": "{order}",
            "amount": amount,
            "currency": "INR",
            "customer_id": "{cst}",
            "return_url": RETURN_URL,
        },
    )


_TXN_FIELDS = _f(
    "order_id",
    "merchant_id",
    "payment_method_type",
    "payment_method",
    "redirect_after_payment",
    "format",
)


def _direct_debit() -> list[Expected]:
    return [
        Expected("GET", "/customers/{cst}/wallets/refresh-balances"),
        Expected(
            "POST",
            "/txns",
            _TXN_FIELDS | {"direct_wallet_token"},
            {
                "order_id": "{order}",
                "merchant_id": "{mid}",
                "payment_method_type": "WALLET",
                "payment_method": "AMAZONPAY",
                "format": "json",
                "redirect_after_payment": "true",
                "direct_wallet_token": "{token}",
            },
        ),
        Expected("GET", "/orders/{order}"),
    ]


def _bound(sandbox, phone_text, order_id=None):
    bound = {
        "mid": sandbox.merchant_id,
        "ref": Phone.parse(phone_text).customer_ref(sandbox.merchant_id),
    }
    if order_id is not None:
        bound["order"] = order_id
    return bound


# -- the flows ------------------------------------------------------------------------


def test_customer_lookup_new_then_returning(make_service, sandbox):
    service = make_service()

    _start(service, LINKED)
    bound = _bound(sandbox, LINKED)
    _check(sandbox, _lookup(LINKED), bound, [LINKED])

    sandbox.clear_requests()
    service.look_up_customer(Phone.parse(LINKED))
    returning = [
        Expected("GET", "/customers/{ref}"),
        Expected("GET", "/customers/{cst}/wallets/refresh-balances"),
    ]
    _check(sandbox, returning, bound, [LINKED])


def test_linked_direct_debit(make_service, sandbox):
    result = _debit(make_service(), LINKED)

    assert result.outcome is Outcome.CHARGED, result
    expected = [*_lookup(LINKED), _order("100.00"), *_direct_debit()]
    _check(sandbox, expected, _bound(sandbox, LINKED, result.order_id), [LINKED])


def test_declined_direct_debit(make_service, sandbox):
    result = _debit(make_service(), DECLINED, "349.00")

    assert result.outcome is Outcome.DECLINED, result
    expected = [*_lookup(DECLINED), _order("349.00"), *_direct_debit()]
    _check(sandbox, expected, _bound(sandbox, DECLINED, result.order_id), [DECLINED])


def test_link_and_pay_by_qr(make_service, sandbox, browser):
    result = _link_and_pay(make_service(), browser, LinkMode.QR)

    assert result.outcome is Outcome.CHARGED, result
    expected = [
        *_lookup(UNLINKED),
        Expected(
            "POST",
            "/customers/{cst}/wallets",
            _f("gateway", "command", "mobile_number"),
            {"gateway": "AMAZONPAY", "command": "authenticate"},
        ),
        Expected("GET", "/wallets/{wallet}"),
        _order("100.00"),
        *_direct_debit(),
    ]
    _check(sandbox, expected, _bound(sandbox, UNLINKED, result.order_id), [UNLINKED])


def test_link_and_pay_in_the_web_view(make_service, sandbox, browser):
    result = _link_and_pay(make_service(), browser, LinkMode.WEB)

    assert result.outcome is Outcome.CHARGED, result
    expected = [
        *_lookup(UNLINKED),
        Expected(
            "POST",
            "/customers/{cst}/wallets",
            _f("gateway", "command", "mobile_number", "return_url"),
            {"gateway": "AMAZONPAY", "command": "authenticate"},
        ),
        Expected(
            "POST", "/wallets/{wallet}", _f("command", "otp"), {"command": "link"}
        ),
        _order("100.00"),
        *_direct_debit(),
    ]
    _check(sandbox, expected, _bound(sandbox, UNLINKED, result.order_id), [UNLINKED])


def test_short_balance_cct_top_up(make_service, sandbox, browser):
    service = make_service()
    step = _debit(service, SMALL, "500.00")
    assert isinstance(step, HostedStep), step
    answer = browser.post(step.url, data={"method": "upi", "vpa": "success@upi"})

    result = service.finish_hosted(step, answer.headers["location"])

    assert result.outcome is Outcome.CHARGED, result
    expected = [*_lookup(SMALL), _order("500.00"), *_direct_debit()]
    _check(sandbox, expected, _bound(sandbox, SMALL, step.order_id), [SMALL])


def test_otp_redirect_through_payu(make_service, sandbox, browser):
    service = make_service("PAYU")
    step = _debit(service, LINKED, "250.00")
    assert isinstance(step, HostedStep), step
    otp = sandbox.ledger.last_otp(step.order_id)
    answer = browser.post(step.url, data={"action": "verify", "otp": otp})

    result = service.finish_hosted(step, answer.headers["location"])

    assert result.outcome is Outcome.CHARGED, result
    expected = [
        *_lookup(LINKED),
        _order("250.00"),
        Expected(
            "POST",
            "/txns",
            _TXN_FIELDS,
            {
                "order_id": "{order}",
                "payment_method_type": "WALLET",
                "payment_method": "AMAZONPAY",
                "format": "json",
            },
        ),
        Expected("GET", "/orders/{order}"),
    ]
    _check(sandbox, expected, _bound(sandbox, LINKED, step.order_id), [LINKED, otp])


# -- known deviations ----------------------------------------------------------------


def test_one_routing_id_per_customer(make_service, sandbox, browser):
    _link_and_pay(make_service(), browser, LinkMode.WEB)

    routing = [r.headers.get("x-routing-id") for r in sandbox.requests[1:]]

    assert len(set(routing)) == 1, routing


def test_the_checks_catch_an_undocumented_field(make_service, sandbox):
    """The checker itself: a field the reference does not list fails."""
    _start(make_service(), LINKED)
    request = sandbox.requests[2]
    doctored = RecordedRequest(
        request.method,
        request.path,
        request.endpoint,
        request.query,
        {**request.form, "api_key": sandbox.api_key},
        request.headers,
        request.auth,
    )

    with pytest.raises(AssertionError, match="undocumented"):
        _assert_documented([doctored], sandbox.merchant_id)
    with pytest.raises(AssertionError, match="secret"):
        leaked = RecordedRequest(
            "GET", f"/customers/{LINKED}", "get_customer", {}, {}, request.headers, "ok"
        )
        _assert_no_secret_outside_bodies([leaked], sandbox.api_key, [LINKED])
