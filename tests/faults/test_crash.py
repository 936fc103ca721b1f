"""Kill the app at each step of a payment; after a restart every sale is true.

The sandbox runs as its own process (``python -m pos_app sandbox``) for the whole
module and is never restarted: it is the gateway, and it keeps its ledger. The app
is a child process (``crash_child.py``) running the real checkout against it from
configuration; it is killed with SIGKILL at an exact point, which a fault holds it
at: ``timeout`` hangs before the operation, ``hang_after_commit`` after it. The test
waits until the sandbox has the request (a fault with ``count=1`` leaves
``GET /sandbox/faults`` when its request arrives) and, where it matters, until the
operation shows in the order status. Then ``pos-app reconcile`` runs in a fresh
child, and each sale is compared with the sandbox's own order status: a charged
order is paid here exactly once (and the wallet paid for it once), any other sale
is not paid and has no attempt left that could still charge.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from pos_app.domain.states import TERMINAL
from pos_app.gateway import errors
from pos_app.gateway.client import GatewayConfig, JuspayClient
from pos_app.sandbox import fixtures
from pos_app.store.db import open_store
from pos_app.store.models import Sale

CHILD = Path(__file__).with_name("crash_child.py")
LINKED, SMALL = "9999900001", "9999900002"
HANG_MS = 20_000  # far longer than any wait here: the child is killed first
WAIT_S = 15.0  # longest wait for any one condition


@dataclass(frozen=True)
class Gateway:
    """The sandbox process, its control endpoint and a client of our own."""

    base_url: str
    control: httpx.Client
    client: JuspayClient

    def fault(self, endpoint: str, kind: str) -> None:
        spec = {"endpoint": endpoint, "kind": kind, "count": 1, "latency_ms": HANG_MS}
        reply = self.control.post("/sandbox/faults", json=spec)
        assert reply.status_code == 200, reply.text

    def fault_pending(self) -> bool:
        return bool(self.control.get("/sandbox/faults").json()["faults"])

    def status(self, order_id: str) -> str:
        try:
            return self.client.order_status(order_id).status
        except errors.OrderNotFound:
            return "NOT_FOUND"

    def balance_paise(self, customer_ref: str) -> int:
        wallets = self.client.list_wallets(customer_ref)
        return sum(w.balance.paise for w in wallets if w.linked and w.balance)


@pytest.fixture(scope="module")
def gateway() -> Iterator[Gateway]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**_clean_env(), "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", banner)
        assert found, banner
        base_url = found.group(1)
        with (
            httpx.Client(base_url=base_url, timeout=5) as control,
            JuspayClient(
                GatewayConfig(
                    base_url=base_url,
                    merchant_id=fixtures.MERCHANT_ID,
                    api_key=fixtures.API_KEY,
                    read_timeout=5,
                    lookup_timeout=5,
                )
            ) as client,
        ):
            yield Gateway(base_url, control, client)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


# -- the app ---------------------------------------------------------------------


class App:
    """One terminal's data folder, and the app run in it as a child process."""

    def __init__(self, gateway: Gateway, data_dir: Path) -> None:
        self.gateway = gateway
        self.data_dir = data_dir
        self.env = {
            **_clean_env(),
            "POS_GATEWAY_URL": gateway.base_url,
            "POS_MERCHANT_ID": fixtures.MERCHANT_ID,
            "POS_API_KEY": fixtures.API_KEY,
            "POS_RESPONSE_KEY": fixtures.RESPONSE_KEY,
            "POS_DATA_DIR": str(data_dir),
            "PYTHONUNBUFFERED": "1",
        }
        self.lines: list[dict[str, object]] = []

    def start_payment(self, mobile: str, price: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, str(CHILD), mobile, price],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=self.env,
        )

    def read_line(self, child: subprocess.Popen[str]) -> dict[str, object]:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line, f"the app exited early ({child.poll()}): {self.lines}"
        said: dict[str, object] = json.loads(line)
        self.lines.append(said)
        return said

    def reconcile(self) -> tuple[list[dict[str, object]], str]:
        done = subprocess.run(
            [sys.executable, "-m", "pos_app", "reconcile", "--quiet-after", "0"],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()], done.stderr

    def latest_order_id(self) -> str | None:
        sales = self._sales()
        return sales[-1].order_id if sales else None

    def _sales(self) -> list[Sale]:
        store = open_store(f"sqlite:///{self.data_dir / 'pos.db'}")
        try:
            return store.sales_between(
                datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(1)
            )
        finally:
            store.close()

    def problems(
        self,
        balance_before: int,
        customer_ref: str,
        wallet_share: Callable[[int], int] = lambda paise: paise,
    ) -> list[str]:
        """Each sale against the sandbox's order status; the wallet too.

        ``wallet_share`` says how much of a charge the wallet paid (a top-up page
        takes the rest from a card).
        """
        store = open_store(f"sqlite:///{self.data_dir / 'pos.db'}")
        found: list[str] = []
        charged_paise = 0
        try:
            sales = store.sales_between(
                datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(1)
            )
            if not sales:
                found.append("no sale was stored")
            for sale in sales:
                truth = self.gateway.status(sale.order_id)
                attempts = store.attempts_for(sale.id)
                won = [a for a in attempts if a.status == "charged"]
                live = [a.status for a in attempts if a.status not in TERMINAL]
                if truth == "CHARGED":
                    charged_paise += wallet_share(sale.total_paise)
                    if sale.status != "paid" or len(won) != 1:
                        found.append(
                            f"{sale.order_id} CHARGED at the gateway, here "
                            f"{sale.status} with {len(won)} charged attempts"
                        )
                elif sale.status == "paid" or won:
                    found.append(f"{sale.order_id} paid here, gateway says {truth}")
                if live:
                    found.append(f"{sale.order_id} left with live attempts {live}")
        finally:
            store.close()
        dropped = balance_before - self.gateway.balance_paise(customer_ref)
        if dropped != charged_paise:
            found.append(f"wallet dropped {dropped} paise, charged {charged_paise}")
        return found


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("POS_")}


def _wait(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    pytest.fail(f"timed out waiting until {what}")


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    if child.stdout is not None:
        child.stdout.close()


# -- the crash points --------------------------------------------------------------


@dataclass(frozen=True)
class CrashPoint:
    name: str
    endpoint: str
    kind: str
    truth: str  # the order status the kill must leave at the gateway
    # after the request arrived: what must show at the gateway before the kill
    committed: str | None = None


POINTS = [
    CrashPoint("before_create_order_answered", "create_order", "timeout", "NOT_FOUND"),
    CrashPoint(
        "after_order_created", "create_order", "hang_after_commit", "NEW", "NEW"
    ),
    CrashPoint("debit_in_flight_before_commit", "txns", "timeout", "NEW"),
    CrashPoint(
        "debit_committed_answer_lost",
        "txns",
        "hang_after_commit",
        "CHARGED",
        "CHARGED",
    ),
    CrashPoint("while_confirming", "order_status", "timeout", "CHARGED", "CHARGED"),
]


@pytest.mark.parametrize("point", POINTS, ids=[p.name for p in POINTS])
def test_killed_mid_payment_then_reconciled(
    point: CrashPoint, gateway: Gateway, tmp_path: Path
) -> None:
    app = App(gateway, tmp_path / "terminal")
    ref = _customer_ref(LINKED)
    before = _balance_or_initial(gateway, ref, LINKED)
    gateway.fault(point.endpoint, point.kind)

    child = app.start_payment(LINKED, "100.00")
    try:
        assert app.read_line(child) == {"step": "ready"}
        _wait(lambda: not gateway.fault_pending(), f"{point.endpoint} arrived")
        order_id = app.latest_order_id()
        assert order_id is not None
        if point.committed is not None:
            _wait(
                lambda: gateway.status(order_id) == point.committed,
                f"{order_id} is {point.committed}",
            )
        assert child.poll() is None, "the app must still be waiting on the gateway"
    finally:
        _kill(child)
    assert gateway.status(order_id) == point.truth

    resolved, summary = app.reconcile()

    assert app.problems(before, ref) == []
    assert [r["order_id"] for r in resolved] == [order_id]
    expected = "charged" if point.truth == "CHARGED" else "failed"
    assert resolved[0]["to_status"] == expected, resolved
    assert "1 resolved, 0 still being checked" in summary


def test_killed_while_the_customer_is_on_the_top_up_page(
    gateway: Gateway, tmp_path: Path
) -> None:
    app = App(gateway, tmp_path / "terminal")
    ref = _customer_ref(SMALL)
    before = _balance_or_initial(gateway, ref, SMALL)

    child = app.start_payment(SMALL, "500.00")
    try:
        said = app.read_line(child)
        while "hosted" not in said and "outcome" not in said:
            said = app.read_line(child)
        assert "hosted" in said, app.lines
    finally:
        _kill(child)
    # The customer carries on and pays the rest by card; the counter is gone.
    with httpx.Client(follow_redirects=False, timeout=5) as phone:
        paid = phone.post(
            str(said["hosted"]),
            data={
                "method": "card",
                "card_number": "4111 1111 1111 1111",
                "card_expiry": "12/30",
                "card_cvv": "123",
            },
        )
    assert paid.status_code == 302
    assert gateway.status(str(said["order_id"])) == "CHARGED"

    resolved, _ = app.reconcile()

    assert [(r["from_status"], r["to_status"]) for r in resolved] == [
        ("awaiting_customer", "charged")
    ]
    assert app.problems(before, ref, lambda paise: min(before, paise)) == []
    again, summary = app.reconcile()
    assert again == [] and "0 resolved, 0 still being checked" in summary


def test_reconcile_refuses_the_embedded_sandbox(tmp_path: Path) -> None:
    env = {**_clean_env(), "POS_DATA_DIR": str(tmp_path / "data")}

    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "reconcile"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert "embedded sandbox forgets its orders" in done.stderr
    assert not (tmp_path / "data" / "pos.db").exists()


def _customer_ref(mobile: str) -> str:
    from pos_app.domain.phone import Phone

    return Phone.parse(mobile).customer_ref(fixtures.MERCHANT_ID)


def _balance_or_initial(gateway: Gateway, ref: str, mobile: str) -> int:
    """The wallet's balance now (the first payment creates the customer)."""
    try:
        return gateway.balance_paise(ref)
    except errors.GatewayError:
        profile = fixtures.find_test_customer(mobile)
        assert profile is not None
        return profile.balance_paise
