"""The event log: append-only in the database, and never a secret in it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus
from pos_app.store._detail import REDACTED, _scrub, encode_detail, mask_numbers
from pos_app.store.repository import Store

if TYPE_CHECKING:  # the fixture's class; conftest is not importable by name
    from conftest import Factory


def test_events_cannot_be_changed_or_deleted(
    engine: Engine, store: Store, make: Factory, db_path: Path
) -> None:
    sale = make.sale()
    before = store.events_for(sale.id or 0)

    for sql in ("UPDATE event SET kind = 'edited'", "DELETE FROM event"):
        with pytest.raises(IntegrityError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql(sql)
    with sqlite3.connect(db_path) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM event WHERE id = 1")

    assert store.events_for(sale.id or 0) == before


def test_add_event_appends_in_order(store: Store, make: Factory) -> None:
    sale = make.sale()
    attempt = make.attempt(sale)

    first = store.add_event(sale.id or 0, attempt.id, "qr_shown", {"url_length": 180})
    second = store.add_event(sale.id or 0, None, "receipt_printed", None)

    events = store.events_for(sale.id or 0)
    assert events[-2:] == [first, second]
    assert (first.attempt_id, first.data) == (attempt.id, {"url_length": 180})
    assert second.data == {}
    assert [e.id for e in events] == sorted(e.id or 0 for e in events)


@pytest.mark.parametrize(
    "key",
    [
        "api_key",
        "API_KEY",
        "apiKey",
        "token",
        "direct_wallet_token",
        "directWalletToken",
        "signature",
        "mobile_number",
        "phone",
        "response_key",
        "client_auth_token",
        "otp",
        "password",
        "Authorization",
    ],
)
def test_secret_keys_are_redacted(key: str) -> None:
    assert _scrub({key: "s3cr3t", "order_id": "T01X"}) == {
        key: REDACTED,
        "order_id": "T01X",
    }


def test_scrub_reaches_nested_values_and_keeps_safe_ones() -> None:
    detail = {
        "status": "PENDING_VBV",
        "amount_paise": 1999,
        "phone_last4": "3210",
        "phone_masked": "******3210",
        "response": {"txn_id": "TXN1", "payment": {"authentication": {"token": "t"}}},
        "wallets": [{"wallet": "AMAZONPAY", "token": "wt"}, "call 98765-43210"],
        "message": "no customer for +91 9876543210 (txn 123456789012)",
    }

    scrubbed = _scrub(detail)

    assert scrubbed == {
        "status": "PENDING_VBV",
        "amount_paise": 1999,
        "phone_last4": "3210",
        "phone_masked": "******3210",
        "response": {
            "txn_id": "TXN1",
            "payment": {"authentication": {"token": REDACTED}},
        },
        "wallets": [{"wallet": "AMAZONPAY", "token": REDACTED}, "call ******3210"],
        "message": "no customer for ******3210 (txn 123456789012)",
    }
    assert detail["wallets"][0] == {"wallet": "AMAZONPAY", "token": "wt"}  # type: ignore[index]


def test_scrub_refuses_what_is_not_a_mapping() -> None:
    with pytest.raises(TypeError):
        _scrub(["token", "x"])  # type: ignore[arg-type]
    assert _scrub(None) == {}


def test_detail_encodes_domain_values() -> None:
    at = datetime(2025, 3, 1, 4, 30, tzinfo=UTC)

    text = encode_detail(
        {
            "amount": Money(1999),
            "status": AttemptStatus.UNKNOWN,
            "at": at,
            "d": Decimal("1.50"),
        }
    )

    assert text == (
        '{"amount":1999,"at":"2025-03-01T04:30:00+00:00","d":"1.50","status":"unknown"}'
    )


def test_mask_numbers_leaves_other_digits() -> None:
    assert mask_numbers("09876543210 / 5876543210 / 98765432101") == (
        "******3210 / 5876543210 / 98765432101"
    )


def test_stored_events_hold_no_secret(
    store: Store, make: Factory, db_path: Path
) -> None:
    sale = make.sale()
    attempt = make.attempt(sale)
    secrets = {
        "api_key": "KEY-123",
        "direct_wallet_token": "WTOKEN-456",
        "signature": "SIG-789",
        "mobile_number": "9876543210",
    }

    store.add_event(sale.id or 0, attempt.id, "debit_sent", {"request": secrets})
    store.transition(attempt.id or 0, AttemptStatus.SUBMITTING, detail=secrets)

    with sqlite3.connect(db_path) as raw:
        dump = "\n".join(raw.iterdump())
    for value in secrets.values():
        assert value not in dump
    assert dump.count(REDACTED) == 2 * len(secrets)
