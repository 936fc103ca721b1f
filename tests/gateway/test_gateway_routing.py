"""One x-routing-id for every call about one customer, per worker thread."""

from __future__ import annotations

import threading

import httpx

from pos_app.gateway.client import GatewayConfig, JuspayClient


def _client(seen: list[tuple[str, str | None]]) -> JuspayClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("x-routing-id")))
        return httpx.Response(
            200, json={"order_id": "O1", "status": "NEW", "amount": 1}
        )

    return JuspayClient(
        GatewayConfig(base_url="http://127.0.0.1:9", merchant_id="m", api_key="k"),
        transport=httpx.MockTransport(handler),
    )


def test_the_scope_wins_over_per_call_ids_and_ends_with_the_block():
    seen: list[tuple[str, str | None]] = []
    client = _client(seen)

    with client.routing("posCUSTOMER1"):
        client.order_status("O1")
        client.order_status("O1", customer_id="cst_other")
    client.order_status("O1")

    assert [r for _, r in seen[:2]] == ["posCUSTOMER1", "posCUSTOMER1"]
    assert seen[2][1] != "posCUSTOMER1"


def test_scopes_of_two_threads_never_mix():
    seen: list[tuple[str, str | None]] = []
    client = _client(seen)
    barrier = threading.Barrier(2)

    def work(ref: str) -> None:
        with client.routing(ref):
            barrier.wait(timeout=5)
            for _ in range(5):
                client.order_status(ref)

    threads = [threading.Thread(target=work, args=(r,)) for r in ("A1", "B2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert all(path.endswith(ref) for path, ref in seen)
    assert len(seen) == 10
