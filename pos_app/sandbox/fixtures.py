"""The sandbox's test merchant and test customers.

Test merchant: id ``pos_sandbox_merchant``, API key ``sandbox_api_key_0123456789``,
response key ``sandbox_response_key_0123456789``. It enables WALLET/AMAZONPAY
(direct debit supported) and, so the app can tell what it can and cannot take,
WALLET/PAYTM (no direct debit), UPI, CARD (VISA, MASTERCARD) and NB (HDFC). Only
WALLET/AMAZONPAY is simulated by ``/txns``.

Test customers are keyed by mobile number. A customer created with
``POST /customers`` and one of these numbers gets a copy of that Amazon Pay wallet;
any other number gets no wallet at all.

``POST /customers/{id}/wallets`` (gateway AMAZONPAY) gives a customer without one an
unlinked wallet: a test number brings its balance and behaviour from the table, any
other number an account holding ``NEW_WALLET_BALANCE_PAISE`` (₹1,000.00). Balances
are shown once the wallet is linked.

============  ======  ==============  ==========================================
mobile        linked  balance         behaviour
============  ======  ==============  ==========================================
9999900001    yes     ₹5,000.00       debits succeed (CHARGED)
9999900002    yes     ₹50.00          larger debits -> PENDING_VBV + top-up page
9999900003    no      ₹2,000.00       unlinked: Link and Pay demos (balance once linked)
9999900004    yes     ₹5,000.00       every debit declined (AUTHORIZATION_FAILED)
9999900005    yes     ₹10,00,000.00   large totals
============  ======  ==============  ==========================================

Refunds (``POST /orders/{id}/refunds``, :mod:`pos_app.sandbox.refunds`) start
``PENDING`` with ``sent_to_gateway`` false and settle after ``refund_settle_s``
(default 2 s). The paise of the refund amount choose how they settle:

=============  ==============================================================
amount ends    settles to
=============  ==============================================================
``.13``        ``FAILURE`` (nothing refunded; retry with a new request id)
``.17``        ``MANUAL_REVIEW`` (nothing refunded; stays there)
anything else  ``SUCCESS`` (the money goes back to the Amazon Pay balance)
=============  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "API_KEY",
    "GATEWAY_IDS",
    "MERCHANT_ID",
    "MERCHANT_NAME",
    "NET_BANKS",
    "NEW_WALLET_BALANCE_PAISE",
    "PAYMENT_METHODS",
    "REDIRECT_GATEWAYS",
    "REFUND_OUTCOMES",
    "RESPONSE_KEY",
    "TEST_CARD_APPROVED",
    "TEST_CARD_DECLINED",
    "TEST_CUSTOMERS",
    "TEST_VPA_APPROVED",
    "TEST_VPA_DECLINED",
    "PaymentMethod",
    "TestCustomer",
    "find_test_customer",
]

MERCHANT_ID = "pos_sandbox_merchant"
API_KEY = "sandbox_api_key_0123456789"
RESPONSE_KEY = "sandbox_response_key_0123456789"
MERCHANT_NAME = "Sandbox Store"  # shown on the consent, top-up and OTP pages
NEW_WALLET_BALANCE_PAISE = 100_000

# The PA/PGs a redirect (non-linked) Amazon Pay payment can go through, with the
# name the OTP page shows ("Amazon Pay via PayU"). Which one is used is merchant
# configuration: ``Ledger.redirect_gateway`` / ``POST /sandbox/config``.
REDIRECT_GATEWAYS = {
    "PAYU": "PayU",
    "RAZORPAY": "Razorpay",
    "GOCASHFREE": "Cashfree",
    "BILLDESK": "BillDesk",
}
# Instruments the CCT top-up page (balance short) takes for the remainder. Any
# future expiry and any 3-4 digit CVV go with the cards; other numbers and VPAs are
# refused with a message (not a payment attempt). Net banking has a Success and a
# Failure button.
TEST_CARD_APPROVED = "4111111111111111"
TEST_CARD_DECLINED = "4000000000000002"
TEST_VPA_APPROVED = "success@upi"
TEST_VPA_DECLINED = "failure@upi"
NET_BANKS = {
    "HDFC": "HDFC Bank",
    "ICICI": "ICICI Bank",
    "SBI": "State Bank of India",
    "AXIS": "Axis Bank",
    "KOTAK": "Kotak Mahindra Bank",
}
# The redirect (OTP) page shows its OTP in a panel marked sandbox-only, logs it at
# INFO and keeps it for tests: Ledger.last_otp(order_id). Three wrong tries fail.

# How a refund settles, by the paise of its amount (see the module docstring).
REFUND_OUTCOMES = {13: "FAILURE", 17: "MANUAL_REVIEW"}

# gateway_id in order status. 38 (AMAZONPAY) is from Juspay's samples; the others
# are sandbox placeholders, not confirmed Juspay ids.
GATEWAY_IDS = {
    "AMAZONPAY": 38,
    "PAYU": 12,
    "RAZORPAY": 23,
    "BILLDESK": 27,
    "GOCASHFREE": 69,
}


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    """One instrument enabled for the test merchant."""

    payment_method_type: str
    payment_method: str
    description: str
    direct_debit: bool = False


PAYMENT_METHODS: tuple[PaymentMethod, ...] = (
    PaymentMethod("WALLET", "AMAZONPAY", "Amazon Pay", direct_debit=True),
    PaymentMethod("WALLET", "PAYTM", "Paytm"),
    PaymentMethod("UPI", "UPI", "UPI"),
    PaymentMethod("CARD", "VISA", "Visa"),
    PaymentMethod("CARD", "MASTERCARD", "Mastercard"),
    PaymentMethod("NB", "NB_HDFC", "HDFC Bank"),
)


@dataclass(frozen=True, slots=True)
class TestCustomer:
    """The Amazon Pay wallet state a new customer with this mobile number gets."""

    __test__ = False  # not a pytest test class, despite the name

    mobile_number: str
    label: str
    linked: bool
    balance_paise: int
    declines: bool = False


TEST_CUSTOMERS: tuple[TestCustomer, ...] = (
    TestCustomer("9999900001", "linked, ₹5,000.00", linked=True, balance_paise=500_000),
    TestCustomer("9999900002", "linked, ₹50.00", linked=True, balance_paise=5_000),
    TestCustomer("9999900003", "not linked", linked=False, balance_paise=200_000),
    TestCustomer(
        "9999900004",
        "linked, ₹5,000.00, always declined",
        linked=True,
        balance_paise=500_000,
        declines=True,
    ),
    TestCustomer(
        "9999900005", "linked, ₹10,00,000.00", linked=True, balance_paise=100_000_000
    ),
)


def find_test_customer(mobile_number: str) -> TestCustomer | None:
    """Return the test customer with this mobile number, if there is one."""
    for customer in TEST_CUSTOMERS:
        if customer.mobile_number == mobile_number:
            return customer
    return None
