"""Redaction: no API key, token, signature, code, OTP or full mobile number is logged.

Each case is checked on ``redact`` and on a real record through the handlers that
``logs.configure`` installs (the message, its arguments and the traceback).
"""

from __future__ import annotations

import base64
import io
import logging

import pytest

from pos_app import logs

API_KEY = "sandbox_api_key_0123456789"
BASIC = base64.b64encode(f"{API_KEY}:".encode()).decode()
TOKEN = "tkn_9f8e7d6c5b4a"
CODE = "Q7W3E9R2T5Y8U1I4O6P0"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Authorization: Basic {BASIC}", BASIC),
        (f"headers={{'authorization': 'Basic {BASIC}'}}", BASIC),
        (f'{{"Authorization": "Basic {BASIC}"}}', BASIC),
        (f"Authorization: Bearer {TOKEN}", TOKEN),
        (f"GET /x?api_key={API_KEY}&format=json", API_KEY),
        (f'{{"api_key": "{API_KEY}"}}', API_KEY),
        (f"api_key: {API_KEY}", API_KEY),
        (f"direct_wallet_token={TOKEN}&format=json", TOKEN),
        (f"wallet token is {TOKEN}.", TOKEN),
        (f"tok_ABC123 and tk_XYZ789 {TOKEN}", "ABC123"),
        (f'{{"token": "{TOKEN}", "linked": true}}', TOKEN),
        (f"client_auth_token={TOKEN}", TOKEN),
        (
            "return?status=CHARGED&signature=dGVzdA%3D%3D&signature_algorithm=X",
            "dGVzdA",
        ),
        ('{"signature": "c2lnbmF0dXJl", "order_id": "T01"}', "c2lnbmF0dXJl"),
        (
            f"https://pos.invalid/return?wallet_id=wlt_1&code={CODE}&status=ALLOWED",
            CODE,
        ),
        (f"consent_code={CODE}", CODE),
        ("command=link&otp=482913", "482913"),
        ('{"otp": "482913"}', "482913"),
        ("action=verify&otp=482913&order_id=T01AB", "482913"),
        (f"response_key={API_KEY}", API_KEY),
    ],
)
def test_secrets_are_blanked(text, secret):
    cleaned = logs.redact(text)

    assert secret not in cleaned
    assert "[redacted]" in cleaned


def test_redacting_twice_changes_nothing():
    text = (
        f"Authorization: Basic {BASIC} api_key={API_KEY} otp=123456 code={CODE} "
        f"{TOKEN} +91 98765 43210 signature=abc%3D"
    )

    once = logs.redact(text)

    assert logs.redact(once) == once
    assert "]]" not in once


@pytest.mark.parametrize(
    "text",
    [
        "9876543210",
        "+919876543210",
        "+91 9876543210",
        "+91-98765-43210",
        "+91 98765 43210",
        "(+91) 98765 43210",
        "0091 9876543210",
        "919876543210",
        "09876543210",
        "98765 43210",
        "987-654-3210",
        "987 654 3210",
        "mobile_number=9876543210&gateway=AMAZONPAY",
        '{"mobile_number": "9876543210"}',
        "customer 9876543210, balance 5000",
    ],
)
def test_mobile_numbers_keep_only_the_last_four_digits(text):
    cleaned = logs.redact(text)

    assert "******3210" in cleaned
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    assert "98765" not in digits


@pytest.mark.parametrize(
    "text",
    [
        "order T01MIQ3KZ5B4X7Q for 100.00 INR",
        "POST /txns -> 200 in 35 ms (request 7c1f0e9a)",
        "error_code=access_denied&status=Invalid Authentication",
        '{"code": "INVALID_INPUT", "category": "USER_ERROR"}',
        "at 2026-03-14 09:05:00,123",
        "epoch 1710407100123 ms",
        "version 2023-06-30",
        "amount 5000.00, 12345 paise",
        "signature_algorithm=HMAC-SHA256",
    ],
)
def test_ordinary_support_text_is_left_alone(text):
    assert logs.redact(text) == text


@pytest.fixture
def captured():
    """A handler set up like the ones ``logs.configure`` installs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(logs.RedactingFilter())
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


def test_arguments_of_a_record_are_redacted(captured):
    logger, stream = captured

    logger.info(
        "posting %s with %r", f"otp={CODE}", {"token": TOKEN, "m": "9876543210"}
    )

    text = stream.getvalue()
    assert CODE not in text and TOKEN not in text and "9876543210" not in text
    assert "******3210" in text


def test_a_traceback_is_redacted(captured):
    logger, stream = captured

    try:
        raise RuntimeError(f"gateway said: bad api_key={API_KEY} for 9876543210")
    except RuntimeError:
        logger.exception("call failed")

    text = stream.getvalue()
    assert "Traceback" in text and "RuntimeError" in text
    assert API_KEY not in text and "9876543210" not in text


def _warn_with_stack(logger: logging.Logger, _context: str) -> None:
    logger.warning("look here", stack_info=True)


def test_stack_info_is_redacted(captured):
    logger, stream = captured

    # The stack shows this line's source text, token and all.
    _warn_with_stack(logger, "direct_wallet_token=tkn_literal0123456")

    text = stream.getvalue()
    assert "Stack (most recent call last)" in text
    assert "_warn_with_stack(logger" in text
    assert "tkn_literal0123456" not in text


def test_configure_writes_a_rotating_redacted_file(tmp_path, monkeypatch):
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.delattr(root, "_pos_configured", raising=False)
    previous_level = root.level
    try:
        logs.configure(tmp_path)
        handlers = list(root.handlers)
        logging.getLogger("pos_app.test").info(
            "Authorization: Basic %s for %s", BASIC, "+91 98765 43210"
        )
        for handler in handlers:
            handler.flush()
    finally:
        for handler in list(root.handlers):
            handler.close()
        root.setLevel(previous_level)
        if hasattr(root, "_pos_configured"):
            del root._pos_configured

    text = (tmp_path / "pos_app.log").read_text(encoding="utf-8")
    assert "Basic [redacted]" in text and "******3210" in text
    assert BASIC not in text and "98765 43210" not in text
    rotating = [
        h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert rotating and rotating[0].maxBytes > 0 and rotating[0].backupCount > 0
