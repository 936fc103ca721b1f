"""Fault injection: latency, timeout, 5xx, html, malformed, drop_after_commit."""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from pos_app.sandbox import faults
from pos_app.sandbox.server import SandboxServer

if TYPE_CHECKING:
    from .conftest import Shop


def _timed_status(client: httpx.Client, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    reply = client.get(path)
    return time.perf_counter() - started, reply.status_code


def test_latency_fault_delays_only_its_endpoint(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("order_status", "latency", latency_ms=400)

    slow, slow_status = _timed_status(client, "/orders/x1")
    fast, _ = _timed_status(client, "/customers/cst_x/wallets")

    assert slow_status == 404  # answered normally after the delay
    assert slow >= 0.4
    assert fast < 0.3


def test_constructor_latency_applies_to_api_not_pages() -> None:
    with (
        SandboxServer(latency_ms=300) as server,
        httpx.Client(
            base_url=server.base_url, auth=(server.api_key, ""), timeout=5
        ) as client,
    ):
        api, _ = _timed_status(client, "/orders/x1")
        page, page_status = _timed_status(client, "/pay/order/ordeh_x")

    assert api >= 0.3
    assert page_status == 200
    assert page < 0.25


def test_timeout_hangs_then_drops_without_doing_anything(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("create_order", faults.FaultKind.TIMEOUT)

    with pytest.raises(httpx.ReadTimeout):
        client.post("/orders", data={"order_id": "t1", "amount": "10"}, timeout=0.5)

    assert "t1" not in sandbox.ledger.orders
    assert sandbox.requests[-1].endpoint == "create_order"


def test_short_timeout_fault_drops_the_connection(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("order_status", "timeout", latency_ms=100)

    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/orders/t2")


@pytest.mark.parametrize("status", [500, 502, 503])
def test_http_5xx_before_the_operation(
    sandbox: SandboxServer, client: httpx.Client, status: int
) -> None:
    sandbox.faults.set("create_order", f"http_{status}")

    reply = client.post("/orders", data={"order_id": "e1", "amount": "10"})

    assert reply.status_code == status
    assert reply.json()["status"] == "ERROR"
    assert "e1" not in sandbox.ledger.orders


def test_html_error_page(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults.set("*", "html")

    reply = client.get("/orders/h1")

    assert reply.status_code == 502
    assert reply.headers["content-type"].startswith("text/html")
    assert "<h1>502 Bad Gateway</h1>" in reply.text


def test_malformed_answer_after_commit(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("create_order", "malformed")

    reply = client.post("/orders", data={"order_id": "m1", "amount": "10"})

    assert reply.status_code == 200
    assert reply.text.startswith('{"id":"ordeh_')
    with pytest.raises(json.JSONDecodeError):
        json.loads(reply.text)
    assert "m1" in sandbox.ledger.orders


def test_drop_after_commit_charges_without_answering(
    shop: Shop, sandbox: SandboxServer, client: httpx.Client
) -> None:
    customer_id = shop.customer("9999900001")
    order_id = shop.order("250", customer_id)
    token = shop.token(customer_id)
    sandbox.faults.set("txns", "drop_after_commit")

    with pytest.raises(httpx.RemoteProtocolError):
        shop.debit(order_id, token)

    assert shop.balance_paise(customer_id) == 500_000 - 25_000
    assert client.get(f"/orders/{order_id}").json()["status"] == "CHARGED"


def test_count_limited_fault_expires(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("order_status", "http_503", count=2)

    codes = [client.get("/orders/c1").status_code for _ in range(3)]

    assert codes == [503, 503, 404]
    assert sandbox.faults.snapshot() == {}


def test_endpoint_fault_wins_over_wildcard(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.faults.set("*", "http_500")
    sandbox.faults.set("order_status", "http_503")

    assert client.get("/orders/w1").status_code == 503
    assert client.get("/customers/cst_x").status_code == 500

    sandbox.faults.clear()
    assert client.get("/customers/cst_x").status_code == 404


def test_control_endpoint_installs_and_clears(
    sandbox: SandboxServer, anon: httpx.Client, client: httpx.Client
) -> None:
    installed = anon.post(
        "/sandbox/faults",
        json={"endpoint": "order_status", "kind": "http_502", "count": 1},
    )

    assert installed.status_code == 200
    assert installed.json()["faults"]["order_status"] == {
        "kind": "http_502",
        "latency_ms": 0,
        "count": 1,
    }
    assert client.get("/orders/k1").status_code == 502
    assert client.get("/orders/k1").status_code == 404

    anon.post(
        "/sandbox/faults", json={"endpoint": "*", "kind": "latency", "latency_ms": 5}
    )
    cleared = anon.delete("/sandbox/faults")
    assert cleared.json() == {"faults": {}}
    assert sandbox.faults.snapshot() == {}
    assert all(r.path != "/sandbox/faults" for r in sandbox.requests)


@pytest.mark.parametrize(
    "spec",
    [
        {"endpoint": "nope", "kind": "http_500"},
        {"endpoint": "txns", "kind": "explode"},
        {"endpoint": "txns"},
        {"endpoint": "txns", "kind": "latency", "count": 0},
    ],
)
def test_control_endpoint_rejects_bad_specs(
    sandbox: SandboxServer, anon: httpx.Client, spec: dict[str, object]
) -> None:
    reply = anon.post("/sandbox/faults", json=spec)

    assert reply.status_code == 400
    assert sandbox.faults.snapshot() == {}


def test_stop_wakes_a_hanging_request() -> None:
    server = SandboxServer()
    server.start()
    server.faults.set("order_status", "timeout", latency_ms=60_000)
    client = httpx.Client(base_url=server.base_url, auth=(server.api_key, ""))
    outcome: list[type[BaseException]] = []

    def call() -> None:
        try:
            client.get("/orders/z1", timeout=30)
        except httpx.HTTPError as exc:
            outcome.append(type(exc))

    thread = threading.Thread(target=call)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    server.stop()
    thread.join(timeout=10)
    client.close()

    assert time.monotonic() - started < 5
    assert outcome == [httpx.RemoteProtocolError]
