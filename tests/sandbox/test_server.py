"""SandboxServer lifecycle, serve(), the banner and request recording."""

from __future__ import annotations

import io
import socket
import threading
import time

import httpx
import pytest

from pos_app.sandbox import fixtures, server


def test_defaults_come_from_fixtures() -> None:
    srv = server.SandboxServer()

    assert srv.merchant_id == fixtures.MERCHANT_ID
    assert srv.api_key == fixtures.API_KEY
    assert srv.response_key == fixtures.RESPONSE_KEY
    with pytest.raises(RuntimeError):
        _ = srv.base_url


def test_custom_credentials_are_enforced() -> None:
    with server.SandboxServer(merchant_id="m_custom", api_key="k_custom") as srv:
        ok = httpx.get(
            f"{srv.base_url}/merchants/m_custom/paymentmethods", auth=("k_custom", "")
        )
        bad = httpx.get(f"{srv.base_url}/orders/x", auth=(fixtures.API_KEY, ""))

    assert ok.status_code == 200
    assert bad.status_code == 401


def test_stop_closes_the_socket() -> None:
    srv = server.SandboxServer()
    srv.start()
    port = srv.port
    assert srv.base_url == f"http://127.0.0.1:{port}"
    assert httpx.get(f"{srv.base_url}/nothing").status_code == 404

    srv.stop()

    with (
        pytest.raises(OSError),
        socket.create_connection(("127.0.0.1", port), timeout=1),
    ):
        pass
    srv.stop()  # idempotent


def test_start_twice_is_an_error() -> None:
    with server.SandboxServer() as srv, pytest.raises(RuntimeError):
        srv.start()


def test_pages_and_unknown_paths_are_not_recorded() -> None:
    with server.SandboxServer() as srv:
        httpx.get(f"{srv.base_url}/pay/cct/abc")
        httpx.get(f"{srv.base_url}/nowhere")
        httpx.get(f"{srv.base_url}/customers/cst_x", params={"a": "1"})

        (recorded,) = srv.requests
        srv.clear_requests()
        assert srv.requests == []

    assert recorded.endpoint == "get_customer"
    assert recorded.query == {"a": "1"}
    assert recorded.auth == "missing"


def test_serve_prints_banner_and_stops_on_event() -> None:
    out = io.StringIO()
    stop = threading.Event()
    thread = threading.Thread(
        target=server.serve, kwargs={"host": "127.0.0.1", "out": out, "stop": stop}
    )
    thread.start()
    deadline = time.monotonic() + 5
    while "Ctrl-C" not in out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)

    text = out.getvalue()
    url = text.split("listening on ", 1)[1].split()[0]
    reply = httpx.get(f"{url}/merchants/{fixtures.MERCHANT_ID}/paymentmethods")
    stop.set()
    thread.join(timeout=5)

    assert reply.status_code == 200
    assert fixtures.MERCHANT_ID in text
    assert fixtures.API_KEY in text
    assert "LAN" not in text
    assert not thread.is_alive()


def test_banner_lists_lan_urls() -> None:
    srv = server.SandboxServer()
    with srv:
        text = server.banner(srv, ["http://192.168.1.20:8000"])
        port = srv.port

    assert "on the LAN:   http://192.168.1.20:8000" in text
    assert (
        text.splitlines()[0] == f"Juspay sandbox listening on http://127.0.0.1:{port}"
    )
