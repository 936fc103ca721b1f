"""Messages from below the UI: English Text for the database, Hindi on a Hindi screen.

Every message here arises the way it does at the counter (a real checkout on the
loopback sandbox, a real refund, a real configuration, a real connection test, a
real print attempt) and must be a :class:`~pos_app.domain.text.Text` equal to the
English it has always been, which :func:`pos_app.ui.i18n.render` says in Hindi.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.checkout.refunds import RefundService, RefundState
from pos_app.checkout.service import CheckoutService
from pos_app.checkout.types import MethodOption, Outcome, PaymentResult
from pos_app.config import AppConfig, ConfigError, GatewayMode
from pos_app.connection_check import CheckResult, check_connection
from pos_app.domain.cart import Cart, CartLine
from pos_app.domain.money import InvalidAmount, Money
from pos_app.domain.phone import Phone
from pos_app.domain.text import Text
from pos_app.gateway import errors
from pos_app.receipts import document, layout, printing
from pos_app.receipts.settings import ReceiptSettings
from pos_app.sandbox.server import SandboxServer
from pos_app.settings_store import SecretStore
from pos_app.ui import i18n

LINKED, UNLINKED, DECLINED = "9999900001", "9999900003", "9999900004"


def hindi(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


def said_in_hindi(message: object, speak, *fragments: str) -> str:
    """Render ``message`` in Hindi; it must be Hindi and hold every fragment."""
    assert speak("hi") == "hi"
    shown = i18n.render(message)
    assert hindi(shown), shown
    for fragment in fragments:
        assert fragment in shown, (fragment, shown)
    return shown


def _lines(price: str) -> tuple[CartLine, ...]:
    return (CartLine("Kettle", Money.parse(price), 1, "KETTLE"),)


def _amazon(service: CheckoutService) -> MethodOption:
    return next(m for m in service.payment_methods() if m.is_amazon_pay)


def _pay(
    service: CheckoutService,
    phone_text: str,
    price: str,
    steps: list[str] | None = None,
    *,
    before_paying=None,
) -> PaymentResult:
    phone = Phone.parse(phone_text)
    customer = service.look_up_customer(phone)
    amazon = _amazon(service)
    if before_paying is not None:
        before_paying()
    result = service.pay_amazon_balance(
        _lines(price),
        phone,
        customer,
        amazon,
        (steps if steps is not None else []).append,
    )
    assert isinstance(result, PaymentResult), result
    return result


# -- payments -------------------------------------------------------------------


def test_a_charged_payment_and_its_progress_steps(service, speak):
    steps: list[str] = []
    result = _pay(service, LINKED, "100.00", steps)

    assert result.outcome is Outcome.CHARGED
    assert isinstance(result.message, Text)
    assert result.message == "Paid ₹100.00 with Amazon Pay balance."
    assert "Charging Amazon Pay balance" in steps
    assert all(isinstance(step, Text) for step in steps)
    # The receipt keeps English: it is printed and read by accountants.
    assert result.receipt is not None
    assert result.receipt.method_label == "Amazon Pay balance"

    assert said_in_hindi(result.message, speak) == (
        "Amazon Pay बैलेंस से ₹100.00 का भुगतान हो गया।"
    )
    shown_steps = [i18n.render(step) for step in steps]
    assert "Amazon Pay बैलेंस से भुगतान ले रहे हैं" in shown_steps
    assert all(hindi(step) for step in shown_steps)


def test_a_failure_carries_the_gateways_reason_inside(service, sandbox, speak):
    # The balance cannot be read (a 503): nothing was sent, nothing was charged.
    result = _pay(
        service,
        LINKED,
        "100.00",
        before_paying=lambda: sandbox.faults.set(
            "refresh_wallets", "http_503", count=1
        ),
    )

    assert result.outcome is Outcome.ERROR
    assert isinstance(result.message, Text)
    assert result.message == (
        "Could not read the Amazon Pay balance. The payment gateway had a problem "
        "and could not answer. Nothing was charged."
    )
    assert said_in_hindi(result.message, speak) == (
        "Amazon Pay बैलेंस नहीं पढ़ा जा सका। भुगतान गेटवे में कोई समस्या आई और वह "
        "जवाब नहीं दे सका। कोई पैसा नहीं कटा।"
    )


def test_a_declined_payment(service, speak):
    result = _pay(service, DECLINED, "349.00")

    assert result.outcome is Outcome.DECLINED
    assert isinstance(result.message, Text)
    assert result.message.startswith("Amazon Pay declined the payment.")
    said_in_hindi(result.message, speak, "Amazon Pay", "कोई पैसा नहीं कटा")


def test_an_unlinked_wallet(service, speak):
    result = _pay(service, UNLINKED, "10.00")

    assert result.message == "This customer's Amazon Pay wallet is not linked."
    said_in_hindi(result.message, speak, "वॉलेट लिंक नहीं है")


def test_an_outcome_unknown_payment(service, sandbox, speak):
    sandbox.faults.set("order_status", "http_500")
    result = _pay(service, LINKED, "100.00")

    assert result.outcome is Outcome.UNKNOWN
    assert isinstance(result.message, Text)
    assert result.message.startswith("We could not confirm this payment yet.")
    said_in_hindi(result.message, speak, "Amazon Pay", "दोबारा पैसे न लें")


def test_an_earlier_payment_that_went_through_after_all(service, sandbox, speak):
    sandbox.faults.set("order_status", "http_500")
    first = _pay(service, LINKED, "100.00")
    assert first.outcome is Outcome.UNKNOWN
    sandbox.faults.clear()
    service.new_sale()

    second = _pay(service, LINKED, "100.00")

    assert second.error_code == "earlier_payment_unsettled"
    assert isinstance(second.message, Text)
    assert "went through after all" in second.message
    said_in_hindi(second.message, speak, "₹100.00", first.order_id, "आखिरकार")


def test_method_names_and_why_a_method_is_not_taken(service, speak):
    methods = service.payment_methods()
    others = [m for m in methods if not m.supported]
    assert others and all(isinstance(m.reason, Text) for m in others)
    assert others[0].reason == "Not taken at this terminal"
    said_in_hindi(others[0].reason, speak, "टर्मिनल")


def test_a_manager_recheck_says_every_part_in_hindi(service, sandbox, speak):
    sandbox.faults.set("order_status", "http_500")
    first = _pay(service, LINKED, "100.00")
    sandbox.faults.clear()

    summary = service.recheck(first.order_id)

    assert isinstance(summary, Text)
    assert f"{first.order_id} is paid." in summary
    assert "unknown -> charged" in summary
    shown = said_in_hindi(summary, speak, first.order_id, "भुगतान हो गया है")
    assert "जाँच हो रही है -> पैसा कटा" in shown
    assert pickle.loads(pickle.dumps(summary)) == summary  # crosses threads intact


# -- refunds --------------------------------------------------------------------


@pytest.fixture
def refunds(service: CheckoutService) -> RefundService:
    return RefundService(service.client, service.store, retry_delays=(0.01, 0.02))


def test_a_refund_refused_for_exceeding_what_is_left(service, refunds, speak):
    paid = _pay(service, LINKED, "250.00").order_id
    assert refunds.refund(paid, Money.parse("200")).status is RefundState.PENDING

    refused = refunds.refund(paid, Money.parse("50.01"))

    assert refused.status is None
    assert isinstance(refused.message, Text)
    assert refused.message == (
        "A refund of ₹50.01 is more than the ₹50.00 still refundable on this sale."
    )
    said_in_hindi(refused.message, speak, "₹50.01", "₹50.00", "रिफ़ंड")


def test_a_refund_the_gateway_refuses_says_its_reason_in_hindi(service, refunds, speak):
    paid = _pay(service, LINKED, "250.00").order_id
    service.client.refund_order(paid, Money.parse("200"), "RDASHBOARD1")

    result = refunds.refund(paid, Money.parse("100"))

    assert result.status is RefundState.FAILURE
    assert result.message == (
        "Refund of ₹100.00 failed: The refund is more than the amount still "
        "refundable on this sale. Nothing was refunded; you can try again. "
        "Still refundable: ₹250.00."
    )
    shown = said_in_hindi(result.message, speak, "₹100.00", "₹250.00")
    assert "रिफ़ंड इस बिक्री पर बची" in shown  # the gateway error's own Hindi
    assert "।।" not in shown and ". " not in shown

    # Read back from the store later (a refresh), the reason is still Hindi.
    again = refunds.refresh(paid)
    failed = next(r for r in again if r.status is RefundState.FAILURE)
    assert failed.message == result.message
    assert "रिफ़ंड इस बिक्री पर बची" in i18n.render(failed.message)


# -- gateway errors -------------------------------------------------------------


def test_the_gateways_own_words_pass_through_untranslated(speak):
    body = (
        '{"status": "Bad Request", "error_info": {"code": "INVALID_INPUT", '
        '"user_message": "Mobile number is not registered"}}'
    )
    error = errors.error_from_response(400, body, "application/json")
    assert isinstance(error, errors.InvalidRequest)
    assert error.user_message == "Mobile number is not registered"
    assert not isinstance(error.user_message, Text)

    speak("hi")
    assert i18n.render(error.user_message) == "Mobile number is not registered"
    # Without the gateway's words, ours are said in Hindi.
    silent = errors.error_from_response(400, "{}", "application/json")
    assert isinstance(silent.user_message, Text)
    assert hindi(i18n.render(silent.user_message))


# -- settings, connection test, printing, cart ---------------------------------


def test_a_config_problem_and_the_error_that_lists_them(speak):
    config = AppConfig(terminal_id="TOOLONG1", mode=GatewayMode.JUSPAY_SANDBOX)

    problems = {p.field: p.message for p in config.problems()}

    terminal = problems["terminal_id"]
    assert isinstance(terminal, Text)
    assert terminal == "The terminal id must be 1 to 6 letters or digits, e.g. T01"
    with pytest.raises(ConfigError) as raised:
        config.validate()
    assert str(raised.value).splitlines()[0] == terminal
    assert len(str(raised.value).splitlines()) == len(problems)

    said_in_hindi(terminal, speak, "T01", "टर्मिनल")
    shown = said_in_hindi(raised.value, speak, "POS_MERCHANT_ID")
    assert len(shown.splitlines()) == len(problems)
    assert all(hindi(line) for line in shown.splitlines())


def test_a_bad_gateway_mode(speak):
    with pytest.raises(ConfigError) as raised:
        AppConfig.from_env({"POS_GATEWAY_MODE": "live"})
    assert str(raised.value).startswith("The gateway mode 'live' is unknown")
    said_in_hindi(raised.value, speak, "'live'", "embedded")
    said_in_hindi(raised.value.problems[0].message, speak, "juspay-sandbox")


def test_a_key_stored_without_a_merchant_id(speak):
    with pytest.raises(ConfigError) as raised:
        SecretStore().set_api_key("", "secret")
    said_in_hindi(raised.value, speak, "मर्चेंट आईडी")


def test_a_connection_test_with_a_wrong_key(sandbox: SandboxServer, speak):
    config = AppConfig(
        mode=GatewayMode.JUSPAY_SANDBOX,
        gateway_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key="not-the-key",
    )

    report = check_connection(config, timeout=5.0)

    assert report.result is CheckResult.AUTH_FAILED
    assert isinstance(report.message, Text)
    assert report.message.startswith("The gateway refused the credentials")
    assert sandbox.merchant_id in report.message
    said_in_hindi(report.message, speak, sandbox.merchant_id, "API key")


def test_a_connection_test_that_works(sandbox: SandboxServer, speak):
    config = AppConfig(
        mode=GatewayMode.JUSPAY_SANDBOX,
        gateway_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key=sandbox.api_key,
    )

    report = check_connection(config, timeout=5.0)

    assert report.ok
    assert report.message == (
        f"Connected to Juspay sandbox as merchant {sandbox.merchant_id}. "
        "Amazon Pay is enabled."
    )
    said_in_hindi(report.message, speak, "Juspay सैंडबॉक्स", sandbox.merchant_id)


def test_a_print_failure(service, speak, tmp_path: Path):
    paid = _pay(service, LINKED, "100.00")
    assert paid.receipt is not None
    settings = ReceiptSettings(ereceipt_key=bytes(range(32)))
    receipt = document.from_receipt(
        paid.receipt, settings, terminal_id="T01", cashier="asha"
    )
    missing = replace(settings, printer=f"file:{tmp_path / 'no' / 'such' / 'lp0'}")

    outcome = printing.print_to(missing, receipt)

    assert not outcome.ok and outcome.code == "offline"
    assert isinstance(outcome.message, Text)
    assert outcome.message == (
        "The sale is paid and saved. The receipt printer cannot be reached. Check "
        "that it is switched on and connected. Reprint it from the manager area."
    )
    said_in_hindi(outcome.message, speak, "रसीद प्रिंटर", "मैनेजर")
    # The receipt itself stays English (printers cannot draw Devanagari).
    assert not hindi(layout.render_text(receipt))

    nowhere = printing.print_to(settings, receipt)
    assert nowhere.code == "not_configured"
    said_in_hindi(nowhere.message, speak, "QR")


def test_a_cart_over_the_limit(speak):
    cart = Cart()
    with pytest.raises(InvalidAmount) as raised:
        cart.add_amount(Money.parse("10,00,000"))
        cart.add_amount(Money.parse("1"))
    assert str(raised.value) == "A sale cannot be more than ₹10,00,000.00"
    said_in_hindi(raised.value, speak, "₹10,00,000.00")


def test_a_server_error_is_not_called_a_slow_answer(speak):
    from pos_app.gateway import errors

    server = errors.OutcomeUnknown("HTTP_500", "500 from /customers", http_status=500)
    slow = errors.OutcomeUnknown("TIMEOUT", "read timeout")
    broken = errors.OutcomeUnknown("CONNECTION_LOST", "reset by peer")
    unreadable = errors.MalformedResponse("BAD_JSON", "not JSON", http_status=200)

    assert "did not answer in time" not in server.user_message
    assert "problem" in server.user_message
    assert slow.user_message == "The payment gateway did not answer in time."
    assert broken.user_message == "The connection to the payment gateway broke."
    assert "could not be read" in unreadable.user_message
    speak("hi")
    assert i18n.render(server.user_message) != str(server.user_message)
