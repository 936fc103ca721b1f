"""The ``hang_after_commit`` fault, and the sandbox run as its own process."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from pos_app.sandbox import faults
from pos_app.sandbox.server import SandboxServer

if TYPE_CHECKING:
    from .conftest import Shop


def test_hang_after_commit_charges_then_stays_silent(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("250", customer_id)
    token = shop.token(customer_id)
    sandbox.faults.set("txns", faults.FaultKind.HANG_AFTER_COMMIT, latency_ms=5_000)

    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        shop.debit(order_id, token, client=_short(sandbox, 0.3))

    assert time.monotonic() - started < 2
    assert shop.balance_paise(customer_id) == 500_000 - 25_000
    assert client.get(f"/orders/{order_id}").json()["status"] == "CHARGED"


def test_a_short_hang_after_commit_then_drops(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("create_order", "hang_after_commit", latency_ms=150)

    started = time.monotonic()
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/orders", data={"order_id": "hg1", "amount": "10"})

    assert time.monotonic() - started >= 0.15
    assert "hg1" in sandbox.ledger.orders


def test_hang_time_is_after_the_operation_not_before() -> None:
    hang = faults.Fault(faults.FaultKind.HANG_AFTER_COMMIT, latency_ms=700)
    default = faults.Fault(faults.FaultKind.HANG_AFTER_COMMIT)
    drop = faults.Fault(faults.FaultKind.DROP_AFTER_COMMIT, latency_ms=700)

    assert (hang.delay_s, hang.hold_s) == (0.0, 0.7)
    assert default.hold_s == faults.DEFAULT_TIMEOUT_MS / 1000
    assert (drop.delay_s, drop.hold_s) == (0.7, 0.0)
    assert faults.FaultKind.HANG_AFTER_COMMIT.commits


def test_a_used_up_fault_leaves_the_listing_when_its_request_arrives(
    sandbox: SandboxServer, anon: httpx.Client
) -> None:
    installed = anon.post(
        "/sandbox/faults",
        json={
            "endpoint": "create_order",
            "kind": "hang_after_commit",
            "count": 1,
            "latency_ms": 5_000,
        },
    )
    assert installed.json()["faults"]["create_order"]["kind"] == "hang_after_commit"
    hung = _short(sandbox, 3.0)
    caller = threading.Thread(
        target=_swallow,
        args=(hung, "/orders", {"order_id": "hg2", "amount": "10"}),
    )

    caller.start()
    listing = _wait_for(lambda: anon.get("/sandbox/faults").json()["faults"] == {})

    assert listing
    assert _wait_for(lambda: "hg2" in sandbox.ledger.orders)
    sandbox.stop()  # wakes the hanging request
    caller.join(timeout=5)
    hung.close()
    assert not caller.is_alive()


def test_sandbox_command_runs_on_its_own_with_latency(tmp_path: object) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "sandbox", "--port=0", "--latency-ms=300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", first)
        assert found, first
        with httpx.Client(base_url=found.group(1), timeout=5) as client:
            started = time.monotonic()
            api = client.get("/orders/x1", auth=("sandbox_api_key_0123456789", ""))
            elapsed = time.monotonic() - started
            fault = client.post(
                "/sandbox/faults",
                json={"endpoint": "order_status", "kind": "http_503", "count": 1},
            )
            broken = client.get("/orders/x1", auth=("sandbox_api_key_0123456789", ""))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()

    assert api.status_code == 404 and elapsed >= 0.3
    assert fault.status_code == 200
    assert broken.status_code == 503


def _short(sandbox: SandboxServer, timeout: float) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url, auth=(sandbox.api_key, ""), timeout=timeout
    )


def _swallow(client: httpx.Client, path: str, data: dict[str, str]) -> None:
    with contextlib.suppress(httpx.HTTPError):
        client.post(path, data=data)


def _wait_for(check: object, limit_s: float = 5.0) -> bool:
    assert callable(check)
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return False
