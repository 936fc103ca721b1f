"""Run the sandbox app on a threaded ``wsgiref`` server, in the background or not.

``SandboxServer`` is what tests and the demo embed; :func:`serve` is what the
``pos-app sandbox`` command runs in the foreground.

Running it on its own, for training or tests (its ledger lives as long as the
process; point the app at it and it survives app restarts)::

    pos-app sandbox --port 8765 --latency-ms 300     # every API answer 300 ms late
    POS_GATEWAY_URL=http://127.0.0.1:8765 POS_MERCHANT_ID=pos_sandbox_merchant \
        POS_API_KEY=sandbox_api_key_0123456789 \
        POS_RESPONSE_KEY=sandbox_response_key_0123456789 pos-app

Every other fault is switched per endpoint, while it runs, from the same machine
(``/sandbox/faults`` answers loopback only; kinds and endpoints are listed in
:mod:`~pos_app.sandbox.faults`)::

    # the next debit is charged, but its answer is lost
    curl -X POST localhost:8765/sandbox/faults -H 'Content-Type: application/json' \
        -d '{"endpoint": "txns", "kind": "drop_after_commit", "count": 1}'
    # order status answers 503 until cleared; "*" stands for every endpoint
    curl -X POST localhost:8765/sandbox/faults -H 'Content-Type: application/json' \
        -d '{"endpoint": "order_status", "kind": "http_503"}'
    # the next create order hangs 20 s, unanswered, before doing anything
    curl -X POST localhost:8765/sandbox/faults -H 'Content-Type: application/json' \
        -d '{"endpoint": "create_order", "kind": "timeout", "latency_ms": 20000,
             "count": 1}'
    curl localhost:8765/sandbox/faults               # what is set
    curl -X DELETE localhost:8765/sandbox/faults      # clear all; ?endpoint=txns: one

Afterwards ``pos-app reconcile`` (same environment as the app) settles whatever the
faults left unknown and prints what it moved.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import socketserver
import sys
import threading
from types import TracebackType
from typing import Any, BinaryIO, TextIO, cast
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

from pos_app.sandbox import fixtures
from pos_app.sandbox.app import ConnectionDropped, RecordedRequest, SandboxApp
from pos_app.sandbox.faults import FaultTable
from pos_app.sandbox.ledger import (
    DEFAULT_CONSENT_LIFETIME_S,
    DEFAULT_REDIRECT_GATEWAY,
    DEFAULT_TOKEN_LIFETIME_S,
    Ledger,
)

__all__ = ["SandboxServer", "serve"]


class _Handler(ServerHandler):
    """A ServerHandler that can hang up instead of answering."""

    dropped = False
    request_handler: Any = None

    def handle_error(self) -> None:
        if isinstance(sys.exc_info()[1], ConnectionDropped):
            self.dropped = True  # send nothing; the request handler hangs up
            return
        super().handle_error()


class _RequestHandler(WSGIRequestHandler):
    """Quiet request handler (no access log) that honours ConnectionDropped."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        self.raw_requestline = self.rfile.readline(65537)
        if len(self.raw_requestline) > 65536:
            self.send_error(414)
            return
        if not self.parse_request():
            return

        handler = _Handler(
            self.rfile,
            cast("BinaryIO", self.wfile),
            self.get_stderr(),
            self.get_environ(),
            multithread=True,
        )
        handler.request_handler = self
        handler.run(self.server.get_app())  # type: ignore[attr-defined]
        if handler.dropped:
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    block_on_close = False

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves a host name (getfqdn); skip the lookup.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)
        self.setup_environ()


class SandboxServer:
    """An embedded Juspay look-alike on its own daemon thread.

    Nothing listens until :meth:`start`; :attr:`ledger` and :attr:`faults` exist
    from construction so tests can prepare them. Also a context manager.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        latency_ms: int = 0,
        merchant_id: str = fixtures.MERCHANT_ID,
        api_key: str = fixtures.API_KEY,
        response_key: str = fixtures.RESPONSE_KEY,
        *,
        token_lifetime_s: float = DEFAULT_TOKEN_LIFETIME_S,
        consent_lifetime_s: float = DEFAULT_CONSENT_LIFETIME_S,
        redirect_gateway: str = DEFAULT_REDIRECT_GATEWAY,
    ) -> None:
        self.host = host
        self.merchant_id = merchant_id
        self.api_key = api_key
        self.response_key = response_key
        self.ledger = Ledger(
            merchant_id,
            token_lifetime_s=token_lifetime_s,
            consent_lifetime_s=consent_lifetime_s,
            redirect_gateway=redirect_gateway,
        )
        self.faults = FaultTable()
        self.app = SandboxApp(
            self.ledger,
            self.faults,
            api_key=api_key,
            latency_ms=latency_ms,
            response_key=response_key,
        )
        self._port = port
        self._httpd: _ThreadingServer | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        where = self.base_url if self._httpd else "not started"
        return f"<SandboxServer {self.merchant_id} {where}>"

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """Return the port listened on (the chosen one when started with 0)."""
        if self._httpd is None:
            raise RuntimeError("the sandbox server is not started")
        return self._httpd.server_port

    @property
    def base_url(self) -> str:
        """Return ``http://<host>:<port>``; a wildcard host becomes loopback."""
        host = self.host
        if host in ("", "0.0.0.0"):  # noqa: S104 - naming the wildcard, not binding
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Return a copy of the API requests received so far."""
        return self.app.requests

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self.app.clear_requests()

    def start(self) -> None:
        """Bind and listen, then serve on a daemon thread; return once listening."""
        if self._httpd is not None:
            raise RuntimeError("the sandbox server is already started")
        server_class: type[_ThreadingServer] = _ThreadingServer
        if ":" in self.host:
            server_class = type("_ThreadingServer6", (_ThreadingServer,), {})
            server_class.address_family = socket.AF_INET6

        self.app.reopen()
        httpd = server_class((self.host, self._port), _RequestHandler)
        httpd.set_app(self.app)
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"sandbox-{httpd.server_port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, wake sleeping requests and close the socket."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self.app.close()
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


def lan_urls(port: int) -> list[str]:
    """Return ``http://<address>:<port>`` for this machine's non-loopback IPv4s.

    Uses a UDP ``connect`` to a private address, which only consults the routing
    table: no packet leaves the machine.
    """
    found: list[str] = []
    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s,
    ):
        s.connect(("10.255.255.255", 1))
        address = s.getsockname()[0]
        if not ipaddress.ip_address(address).is_loopback:
            found.append(f"http://{address}:{port}")
    return found


def banner(server: SandboxServer, lan: list[str]) -> str:
    """Return the text :func:`serve` prints on start."""
    lines = [f"Juspay sandbox listening on {server.base_url}"]
    lines += [f"  on the LAN:   {url}" for url in lan]
    lines += [
        f"  merchant id:  {server.merchant_id}",
        f"  API key:      {server.api_key}",
        f"  response key: {server.response_key}",
        "Press Ctrl-C to stop.",
    ]
    return "\n".join(lines)


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    latency_ms: int = 0,
    *,
    out: TextIO | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Run the sandbox in the foreground until Ctrl-C (or until ``stop`` is set)."""
    stream = out if out is not None else sys.stdout
    server = SandboxServer(host=host, port=port, latency_ms=latency_ms)
    server.start()
    try:
        loopback = _is_loopback_host(host)
        print(banner(server, [] if loopback else lan_urls(server.port)), file=stream)
        stream.flush()
        waiter = stop if stop is not None else threading.Event()
        while not waiter.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("Stopping the sandbox.", file=stream)
    finally:
        server.stop()


def _is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
