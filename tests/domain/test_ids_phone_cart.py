import re

import pytest

from pos_app.domain.cart import MAX_QUANTITY, Cart, Product
from pos_app.domain.ids import is_valid_order_id, new_order_id, new_request_id
from pos_app.domain.money import InvalidAmount, Money
from pos_app.domain.phone import InvalidPhone, Phone, mask_phone


def test_order_ids_are_short_alphanumeric_and_unique():
    ids = {new_order_id("T01") for _ in range(5000)}
    assert len(ids) == 5000
    for order_id in ids:
        assert len(order_id) <= 20
        assert is_valid_order_id(order_id)
        assert order_id.startswith("T01")


def test_order_ids_of_two_terminals_never_clash_even_at_the_same_millisecond():
    a = new_order_id("c-1", now_ms=1_700_000_000_000)
    b = new_order_id("c-2", now_ms=1_700_000_000_000)
    assert a.startswith("C1") and b.startswith("C2")
    assert a[2:-5] == b[2:-5]  # same clock, told apart by the terminal code
    assert len(new_order_id("ABCDEF", now_ms=36**9 - 1)) == 20


@pytest.mark.parametrize("terminal", ["--", "", "counter-1"])
def test_terminal_codes_that_could_clash_are_refused(terminal):
    with pytest.raises(ValueError):
        new_order_id(terminal)


def test_refund_request_ids():
    rid = new_request_id()
    assert len(rid) < 21 and re.fullmatch(r"[A-Z0-9]+", rid)


@pytest.mark.parametrize(
    "text", ["9876543210", "+91 98765 43210", "098765-43210", "(987) 654 3210"]
)
def test_phone_forms(text):
    assert Phone.parse(text).digits == "9876543210"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12345", "10-digit"),
        ("98765432101", "10-digit"),
        ("5876543210", "start with"),
        ("98765abcde", "digits only"),
        ("", "10-digit"),
    ],
)
def test_bad_phones(text, message):
    with pytest.raises(InvalidPhone, match=message):
        Phone.parse(text)


def test_phone_never_prints_in_full():
    phone = Phone.parse("9876543210")
    assert str(phone) == "******3210"
    assert "9876543210" not in repr(phone)
    assert mask_phone("+91 98765 43210") == "********3210"


def test_customer_ref_is_stable_per_merchant_and_hides_the_number():
    phone = Phone.parse("9876543210")
    ref = phone.customer_ref("merchant_a")
    assert ref == Phone.parse("+919876543210").customer_ref("merchant_a")
    assert ref != phone.customer_ref("merchant_b")
    assert "9876543210" not in ref and 8 <= len(ref) <= 20


def test_cart_totals_and_merging():
    cart = Cart()
    tea = Product("1", "Tea", Money.parse("19.99"))
    cart.add_product(tea)
    cart.add_product(tea, 2)
    cart.add_amount(Money.parse("0.01"), "Misc")
    assert len(cart) == 2
    assert cart.total.to_gateway() == "59.98"
    assert cart.item_count == 4
    cart.remove(0)
    assert cart.total == Money(1)


def test_cart_refuses_bad_quantities_and_amounts():
    cart = Cart()
    cart.add_product(Product("1", "Tea", Money(100)))
    with pytest.raises(ValueError):
        cart.set_quantity(0, 0)
    with pytest.raises(ValueError):
        cart.set_quantity(0, MAX_QUANTITY + 1)
    with pytest.raises(InvalidAmount):
        cart.add_amount(Money(0))
    with pytest.raises(InvalidAmount, match="cannot be more"):
        cart.add_amount(Money.parse("1000000"))
    assert cart.total == Money(100)
