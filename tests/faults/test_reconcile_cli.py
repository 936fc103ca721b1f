"""``pos-app reconcile`` in-process: JSON lines out, summary on stderr, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import AttemptStatus, Flow
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.reconcile_cli import run_reconcile
from pos_app.sandbox.server import SandboxServer
from pos_app.store.db import open_store

LINES = (CartLine("Item", Money.parse("100.00"), 1, "sku1"),)


@pytest.fixture
def configured(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    data = tmp_path / "terminal"
    monkeypatch.setenv("POS_GATEWAY_URL", sandbox.base_url)
    monkeypatch.setenv("POS_MERCHANT_ID", sandbox.merchant_id)
    monkeypatch.setenv("POS_API_KEY", sandbox.api_key)
    monkeypatch.setenv("POS_DATA_DIR", str(data))
    return data / "pos.db"


def test_each_resolved_attempt_is_one_json_line(
    sandbox: SandboxServer, configured: Path
) -> None:
    store = open_store(f"sqlite:///{configured}")
    lost = _attempt(store, "T01LOSTCREATE00001", AttemptStatus.SUBMITTING)
    paid = _attempt(store, "T01PAIDUNHEARD0001", AttemptStatus.UNKNOWN)
    _charge_at_the_gateway(sandbox, "T01PAIDUNHEARD0001")
    out, err = io.StringIO(), io.StringIO()

    code = run_reconcile(out=out, err=err)

    assert code == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {
            "order_id": "T01LOSTCREATE00001",
            "attempt_id": lost,
            "from_status": "submitting",
            "to_status": "failed",
            "gateway_status": "NOT_FOUND",
            "note": "the order was never created",
        },
        {
            "order_id": "T01PAIDUNHEARD0001",
            "attempt_id": paid,
            "from_status": "unknown",
            "to_status": "charged",
            "gateway_status": "CHARGED",
            "note": "",
        },
    ]
    assert err.getvalue().startswith("reconcile: 2 resolved, 0 still being checked")
    sale = store.get_sale_by_order("T01PAIDUNHEARD0001")
    assert sale is not None and sale.status == "paid"
    store.close()


def test_a_recent_quiet_attempt_waits_unless_told_otherwise(
    sandbox: SandboxServer, configured: Path
) -> None:
    store = open_store(f"sqlite:///{configured}")
    _attempt(store, "T01QUIETORDER00001", AttemptStatus.UNKNOWN)
    _charge_at_the_gateway(sandbox, "T01QUIETORDER00001", debit=False)  # NEW
    waiting, err = io.StringIO(), io.StringIO()

    assert run_reconcile(out=waiting, err=err) == 0
    assert waiting.getvalue() == ""
    assert "0 resolved, 1 still being checked" in err.getvalue()

    closed = io.StringIO()
    assert run_reconcile(quiet_after_s=0, out=closed, err=io.StringIO()) == 0
    assert json.loads(closed.getvalue())["gateway_status"] == "NEW"
    store.close()


def test_the_embedded_sandbox_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["reconcile"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nothing to check payments against" in captured.err


def test_bad_configuration_and_options_exit_2(
    configured: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["reconcile", "--quiet-after", "-1"]) == 2
    monkeypatch.setenv("POS_GATEWAY_MODE", "nowhere")
    assert cli.main(["reconcile"]) == 2
    assert "nowhere" in capsys.readouterr().err


def _attempt(store: object, order_id: str, status: AttemptStatus) -> int:
    from pos_app.store import Store

    assert isinstance(store, Store)
    sale = store.create_sale(order_id, "T01", "tester", LINES)
    assert sale.id is not None
    attempt = store.create_attempt(
        sale.id, flow=Flow.DIRECT_DEBIT, route="AMAZONPAY", method="WALLET:AMAZONPAY"
    )
    assert attempt.id is not None
    store.transition(attempt.id, AttemptStatus.SUBMITTING)
    if status is not AttemptStatus.SUBMITTING:
        store.transition(attempt.id, status)
    return attempt.id


def _charge_at_the_gateway(
    sandbox: SandboxServer, order_id: str, *, debit: bool = True
) -> None:
    """What the app did before it lost the answer: order, then debit."""
    config = GatewayConfig(
        base_url=sandbox.base_url,
        merchant_id=sandbox.merchant_id,
        api_key=sandbox.api_key,
    )
    with JuspayClient(config) as client:
        customer = client.get_or_create_customer("cust_9999900001", "9999900001")
        client.create_order(order_id, Money.parse("100.00"), customer_id=customer.id)
        if debit:
            wallet = client.refresh_wallets(customer.id)[0]
            assert wallet.token
            client.direct_debit(order_id, wallet.token, customer_id=customer.id)


def test_an_attempt_that_could_not_be_checked_exits_3(
    sandbox: SandboxServer, configured: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"sqlite:///{configured}")
    _attempt(store, "T01UNREADABLE00001", AttemptStatus.UNKNOWN)
    monkeypatch.setenv("POS_API_KEY", "wrong_key_for_the_sandbox")
    out, err = io.StringIO(), io.StringIO()

    assert run_reconcile(out=out, err=err) == 3

    assert out.getvalue() == ""
    assert "1 could not be checked" in err.getvalue()
    store.close()
