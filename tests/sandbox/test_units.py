"""Pure helpers: amounts, the fault table, fixtures, order-status precedence."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from pos_app.sandbox import amounts, faults, fixtures, records


@pytest.mark.parametrize(
    ("text", "paise"),
    [("100", 10_000), ("100.1", 10_010), ("100.15", 10_015), ("0.01", 1), ("007", 700)],
)
def test_parse_amount(text: str, paise: int) -> None:
    assert amounts.parse_amount(text) == paise


@pytest.mark.parametrize(
    "text", ["", "100.153", "-1", "1e3", " 1", "1.", ".5", "1,000"]
)
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(amounts.AmountFormatError):
        amounts.parse_amount(text)


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (39_500, "395"),
        (13_876, "138.76"),
        (10, "0.1"),
        (1, "0.01"),
        (100_000_000, "1000000"),
    ],
)
def test_paise_to_json_has_no_float_artefacts(paise: int, text: str) -> None:
    assert json.dumps(amounts.paise_to_json(paise)) == text


def test_every_paisa_round_trips_through_json() -> None:
    for paise in range(0, 100_000, 7):
        rendered = json.dumps(amounts.paise_to_json(paise))
        assert amounts.parse_amount(rendered) == paise


def test_fault_table_count_and_clear() -> None:
    table = faults.FaultTable()
    table.set("txns", "http_500", count=2)
    table.set("*", faults.FaultKind.LATENCY, latency_ms=10)

    kinds = [table.take("txns") for _ in range(3)]

    assert [f.kind if f else None for f in kinds] == [
        faults.FaultKind.HTTP_500,
        faults.FaultKind.HTTP_500,
        faults.FaultKind.LATENCY,
    ]
    table.clear("*")
    assert table.take("txns") is None


def test_fault_table_rejects_bad_input() -> None:
    table = faults.FaultTable()

    with pytest.raises(ValueError, match="endpoint"):
        table.set("refunds_later", "http_500")
    with pytest.raises(ValueError):
        table.set("txns", "bogus")
    with pytest.raises(ValueError):
        table.set("txns", "latency", latency_ms=-1)
    assert table.snapshot() == {}


def test_timeout_fault_defaults_to_a_long_hang() -> None:
    assert faults.Fault(faults.FaultKind.TIMEOUT).delay_s == 30
    assert faults.Fault(faults.FaultKind.TIMEOUT, latency_ms=50).delay_s == 0.05


def test_test_customers_are_ten_digit_nines() -> None:
    numbers = [c.mobile_number for c in fixtures.TEST_CUSTOMERS]

    assert all(len(n) == 10 and n.startswith("9") and n.isdigit() for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert fixtures.find_test_customer("9999900004") is not None
    assert fixtures.find_test_customer("9999900004").declines  # type: ignore[union-attr]
    assert fixtures.find_test_customer("9000000000") is None


def _txn(status: str, n: int) -> records.Txn:
    now = datetime.now(UTC)
    return records.Txn(
        f"m-o-{n}", f"u{n}", "o", status, "DIRECT_DEBIT", 100, now, now, "/"
    )


@pytest.mark.parametrize(
    ("statuses", "winner"),
    [
        (["PENDING_VBV", "CHARGED", "PENDING_VBV"], 2),
        (["AUTHORIZATION_FAILED", "PENDING_VBV"], 2),
        (["PENDING_VBV", "AUTHORIZATION_FAILED"], 1),
        (["AUTHORIZATION_FAILED", "AUTHORIZATION_FAILED"], 2),
    ],
)
def test_primary_txn_precedence(statuses: list[str], winner: int) -> None:
    now = datetime.now(UTC)
    order = records.Order(
        "ordeh_1", "o", "m", 100, "INR", "", "", "", "", "", "", {}, now, now
    )
    order.txns = [_txn(s, i + 1) for i, s in enumerate(statuses)]

    primary = records.primary_txn(order)

    assert primary is not None
    assert primary.txn_id == f"m-o-{winner}"
