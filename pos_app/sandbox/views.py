"""Render ledger records as the JSON objects Juspay returns.

Call these while holding :attr:`Ledger.lock`. ``base`` is the sandbox's base URL as
the client reached it (scheme and Host header), so links work from a LAN too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pos_app.sandbox import amounts, fixtures
from pos_app.sandbox.records import (
    STATUS_IDS,
    BreakupLine,
    Customer,
    Order,
    Refund,
    Txn,
    Wallet,
    primary_txn,
)

__all__ = [
    "customer",
    "held_paise",
    "order_created",
    "order_status",
    "payment_methods",
    "txn_response",
    "wallet_list",
    "wallet_object",
]

AMAZONPAY_GATEWAY_ID = fixtures.GATEWAY_IDS["AMAZONPAY"]
_FAILED = frozenset(
    {"AUTHORIZATION_FAILED", "AUTHENTICATION_FAILED", "JUSPAY_DECLINED"}
)
_GATEWAY_ANSWERED = _FAILED | {"CHARGED"}

JsonObject = dict[str, Any]


def ts_offset(moment: datetime) -> str:
    """Format like ``2016-08-02T08:07:52+0000`` (customers, wallets)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def ts_z(moment: datetime) -> str:
    """Format like ``2020-06-16T10:28:35Z`` (orders, transactions)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def customer(record: Customer, auth_token: tuple[str, datetime] | None) -> JsonObject:
    """Return the customer object, with the ``juspay`` block when a token is given."""
    body: JsonObject = {
        "id": record.id,
        "object": "customer",
        "object_reference_id": record.object_reference_id,
        "mobile_number": record.mobile_number,
        "mobile_country_code": record.mobile_country_code,
        "email_address": record.email_address,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "date_created": ts_offset(record.created),
        "last_updated": ts_offset(record.updated),
    }
    if auth_token is not None:
        body["juspay"] = _juspay_block(auth_token)
    return body


def _juspay_block(auth_token: tuple[str, datetime]) -> JsonObject:
    return {
        "client_auth_token": auth_token[0],
        "client_auth_token_expiry": ts_z(auth_token[1]),
    }


def _payment_links(order: Order, base: str) -> JsonObject:
    page = f"{base}/pay/order/{order.id}"
    return {
        "web": page,
        "mobile": f"{page}?mode=mobile",
        "iframe": f"{page}?mode=iframe",
    }


def _order_common(order: Order, base: str) -> JsonObject:
    body: JsonObject = {
        "id": order.id,
        "order_id": order.order_id,
        "merchant_id": order.merchant_id,
        "amount": amounts.paise_to_json(order.amount_paise),
        "currency": order.currency,
        # Every refund not FAILED counts, as in Juspay's sample (PENDING included);
        # ``refunded`` only once SUCCESS refunds cover the whole amount.
        "amount_refunded": amounts.paise_to_json(held_paise(order)),
        "refunded": _refunded_paise(order) >= order.amount_paise,
        "customer_id": order.customer_id,
        "customer_email": order.customer_email,
        "customer_phone": order.customer_phone,
        "product_id": order.product_id,
        "description": order.description,
        "return_url": order.return_url,
        "date_created": ts_z(order.created),
        "payment_links": _payment_links(order, base),
    }
    body.update(order.udfs)
    return body


def order_created(
    order: Order, base: str, auth_token: tuple[str, datetime] | None
) -> JsonObject:
    """Return the create-order answer (status NEW / 10)."""
    body = _order_common(order, base)
    body.update(status="NEW", status_id=STATUS_IDS["NEW"])
    if auth_token is not None:
        body["juspay"] = _juspay_block(auth_token)
    return body


def order_status(order: Order, base: str, *, full_gateway_response: bool) -> JsonObject:
    """Return the order status object; the primary txn decides the status."""
    txn = primary_txn(order)
    status = txn.status if txn is not None else "NEW"
    charged = status == "CHARGED"
    amount = amounts.paise_to_json(order.amount_paise)

    body = _order_common(order, base)
    body.update(
        status=status,
        status_id=STATUS_IDS[status],
        effective_amount=amount,
        captured_amount=amount if charged else 0,
        maximum_eligible_refund_amount=amounts.paise_to_json(
            order.amount_paise - held_paise(order) if charged else 0
        ),
        last_updated=ts_z(order.updated),
        metadata={},
        offers=[],
        auth_type="",
        refunds=[_refund(r) for r in order.refunds],
    )
    if txn is None:
        return body

    body.update(
        txn_id=txn.txn_id,
        txn_uuid=txn.txn_uuid,
        payment_method_type=txn.payment_method_type,
        payment_method=txn.payment_method,
        wallet={"txn_flow_type": txn.flow},
        gateway_id=fixtures.GATEWAY_IDS[txn.gateway],
        gateway_reference_id=None,
        bank_error_code=txn.error_code or "",
        bank_error_message=txn.error_message or "",
        txn_detail=_txn_detail(txn, order),
    )
    if txn.status in _GATEWAY_ANSWERED:
        body["payment_gateway_response"] = _gateway_response(
            txn, order, full=full_gateway_response
        )
    return body


def held_paise(order: Order) -> int:
    """Return the paise of the order's refunds that did not fail (not refundable)."""
    return sum(r.amount_paise for r in order.refunds if r.status != "FAILURE")


def _refunded_paise(order: Order) -> int:
    return sum(r.amount_paise for r in order.refunds if r.status == "SUCCESS")


def _refund(refund: Refund) -> JsonObject:
    """Return one ``refunds[]`` entry (reference 3.5)."""
    return {
        "unique_request_id": refund.unique_request_id,
        "id": refund.unique_request_id,
        "ref": refund.ref,
        "arn": refund.ref,
        "status": refund.status,
        "amount": amounts.paise_to_json(refund.amount_paise),
        "sent_to_gateway": refund.sent_to_gateway,
        "refund_type": "STANDARD",
        "refund_source": "AMAZONPAY",
        "initiated_by": "API",
        "error_code": refund.error_code or "",
        "error_message": refund.error_message or "",
        "created": ts_z(refund.created),
    }


def _txn_detail(txn: Txn, order: Order) -> JsonObject:
    amount = amounts.paise_to_json(txn.amount_paise)
    return {
        "txn_id": txn.txn_id,
        "order_id": txn.order_id,
        "status": txn.status,
        "gateway": txn.gateway,
        "gateway_id": fixtures.GATEWAY_IDS[txn.gateway],
        "txn_amount": amount,
        "net_amount": amount,
        "surcharge_amount": None,
        "tax_amount": None,
        "offer_deduction_amount": None,
        "currency": order.currency,
        "txn_flow_type": txn.flow,
        "redirect": txn.status == "PENDING_VBV",
        "express_checkout": True,
        "error_code": txn.error_code,
        "error_message": txn.error_message,
        "created": ts_z(txn.created),
        "last_updated": ts_z(txn.updated),
        "txn_uuid": txn.txn_uuid,
        "txn_amount_breakup": _breakup(
            txn.breakup or [BreakupLine("BASE", txn.amount_paise, "ADD")]
        ),
        "metadata": {"payment_channel": "WEB"},
    }


def _breakup(lines: list[BreakupLine]) -> list[JsonObject]:
    return [
        {
            "name": line.name,
            "amount": amounts.paise_to_json(line.amount_paise),
            "method": line.method,
            "sno": sno,
        }
        for sno, line in enumerate(lines, start=1)
    ]


def _gateway_response(txn: Txn, order: Order, *, full: bool) -> JsonObject:
    charged = txn.status == "CHARGED"
    body: JsonObject = {
        "txn_id": txn.txn_id,
        "epg_txn_id": txn.epg_txn_id,
        "resp_code": "CaptureApproved" if charged else "Declined",
        "resp_message": "Capture approved" if charged else txn.error_message,
        "rrn": None,
        "auth_id_code": None,
        "created": ts_z(txn.updated),
        "network_error_code": None,
        "network_error_message": None,
        "arn": None,
        "auth_ref_num": None,
        "gateway_merchant_id": "A1SANDBOXSELLER",
    }
    if full:
        amount = amounts.paise_to_text(txn.amount_paise)
        body["gateway_response"] = {
            "merchantId": "A1SANDBOXSELLER",
            "status": "CaptureApproved" if charged else "Declined",
            "approvedAmount": amount if charged else "0.00",
            "requestedAmount": amount,
            "amazonChargeId": txn.epg_txn_id,
            "chargeId": txn.txn_uuid,
            "currencyCode": order.currency,
            "createTime": ts_z(txn.created),
            "updateTime": ts_z(txn.updated),
        }
    return body


def txn_response(txn: Txn, base: str) -> JsonObject:
    """Return the ``/txns`` answer (reference section 7.2)."""
    return {
        "order_id": txn.order_id,
        "txn_id": txn.txn_id,
        "txn_uuid": txn.txn_uuid,
        "status": txn.status,
        "payment": {"authentication": {"method": "GET", "url": base + txn.auth_path}},
    }


def payment_methods(*, direct_debit: bool, outage: bool) -> JsonObject:
    """Return the test merchant's payment methods."""
    methods: list[JsonObject] = []
    for method in fixtures.PAYMENT_METHODS:
        entry: JsonObject = {
            "payment_method_type": method.payment_method_type,
            "payment_method": method.payment_method,
            "description": method.description,
        }
        if direct_debit and method.payment_method_type == "WALLET":
            entry["wallet_direct_debit_support"] = method.direct_debit
        methods.append(entry)
    body: JsonObject = {"payment_methods": methods}
    if outage:
        body["outage"] = []
    return body


def wallet_list(
    wallets: list[tuple[Wallet, str | None]], *, linked_as_text: bool, base: str = ""
) -> JsonObject:
    """Return the list object; ``linked_as_text`` writes ``"true"`` as samples do."""
    items = [
        _wallet(w, token, linked_as_text=linked_as_text, base=base)
        for w, token in wallets
    ]
    return {
        "object": "list",
        "list": items,
        "count": len(items),
        "offset": 0,
        "total": len(items),
    }


def wallet_object(wallet: Wallet, token: str | None, base: str) -> JsonObject:
    """Return one wallet object (the wallet endpoints), ``linked`` a real bool.

    A wallet with an open consent session carries ``authentication`` (the consent
    page to open for the customer); ``metadata.consent_status`` appears once a
    consent was started for it.
    """
    return _wallet(wallet, token, linked_as_text=False, base=base)


def _wallet(
    wallet: Wallet, token: str | None, *, linked_as_text: bool, base: str
) -> JsonObject:
    linked: bool | str = wallet.linked
    if linked_as_text:
        linked = "true" if wallet.linked else "false"
    balance = amounts.paise_to_json(wallet.balance_paise) if wallet.linked else None
    refreshed = ts_offset(wallet.last_refreshed) if wallet.linked else None
    sub_details = []
    if wallet.linked:
        sub_details.append(
            {
                "payment_method": "AMAZONPAY",
                "payment_method_type": "WALLET",
                "current_balance": balance,
                "last_refreshed": refreshed,
            }
        )
    metadata: JsonObject = {"mobile_number": wallet.mobile_number}
    if wallet.consent_status is not None:
        metadata["consent_status"] = wallet.consent_status
    body: JsonObject = {
        "id": wallet.id,
        "object": "wallet_account",
        "wallet": wallet.wallet,
        "juspay_bank_code": "JP_AMAZONPAY",
        "token": token,
        "linked": linked,
        "current_balance": balance,
        "last_refreshed": refreshed,
        "gateway_reference_id": None,
        "metadata": metadata,
        "sub_details": sub_details,
    }
    if wallet.consent_session is not None and not wallet.linked:
        url = f"{base}/amazonpay/consent/{wallet.consent_session}"
        body["authentication"] = {"method": "GET", "url": url}
    return body
