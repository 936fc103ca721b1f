"""The sandbox's test merchant and test customers.

Test merchant: id ``pos_sandbox_merchant``, API key ``sandbox_api_key_0123456789``,
response key ``sandbox_response_key_0123456789``. It enables WALLET/AMAZONPAY
(direct debit supported) and, so the app can tell what it can and cannot take,
WALLET/PAYTM (no direct debit), UPI, CARD (VISA, MASTERCARD) and NB (HDFC). Only
WALLET/AMAZONPAY is simulated by ``/txns``.

Test customers are keyed by mobile number. A customer created with
``POST /customers`` and one of these numbers gets a copy of that Amazon Pay wallet;
any other number gets no wallet at all.

============  ======  ==============  ==========================================
mobile        linked  balance         behaviour
============  ======  ==============  ==========================================
9999900001    yes     ₹5,000.00       debits succeed (CHARGED)
9999900002    yes     ₹50.00          larger debits -> PENDING_VBV + top-up page
9999900003    no      -               wallet listed with ``linked`` false, no token
9999900004    yes     ₹5,000.00       every debit declined (AUTHORIZATION_FAILED)
9999900005    yes     ₹10,00,000.00   large totals
============  ======  ==============  ==========================================
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "API_KEY",
    "MERCHANT_ID",
    "PAYMENT_METHODS",
    "RESPONSE_KEY",
    "TEST_CUSTOMERS",
    "PaymentMethod",
    "TestCustomer",
    "find_test_customer",
]

MERCHANT_ID = "pos_sandbox_merchant"
API_KEY = "sandbox_api_key_0123456789"
RESPONSE_KEY = "sandbox_response_key_0123456789"


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
    TestCustomer("9999900003", "not linked", linked=False, balance_paise=0),
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
