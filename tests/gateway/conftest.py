"""Fixtures for the gateway tests: a config, a hand-written fake gateway, a client."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from pos_app.gateway.client import JuspayClient
from pos_app.gateway.config import GatewayConfig

DATA = Path(__file__).parent / "data"

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeGateway:
    """Answers ``(method, path)`` with canned replies and records every request.

    A reply is an ``httpx.Response``, an exception to raise (as a transport would),
    or a callable taking the request. Unrouted requests get a 599 so a test that
    forgot a route fails loudly.
    """

    routes: dict[tuple[str, str], Reply] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def reply(
        self,
        method: str,
        path: str,
        text: str = "{}",
        status: int = 200,
        content_type: str = "application/json",
    ) -> None:
        self.routes[(method, path)] = httpx.Response(
            status, text=text, headers={"Content-Type": content_type}
        )

    def reply_file(self, method: str, path: str, name: str, status: int = 200) -> None:
        self.reply(method, path, (DATA / name).read_text(), status)

    def fail(self, method: str, path: str, exc: Exception) -> None:
        self.routes[(method, path)] = exc

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        route = self.routes.get((request.method, request.url.path))
        if route is None:
            return httpx.Response(599, text="no route in FakeGateway")
        if isinstance(route, Exception):
            raise route
        if isinstance(route, httpx.Response):
            return route
        return route(request)

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request reached the fake gateway"
        return self.requests[-1]


_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse to resolve any host but loopback, so no test can reach a real gateway."""
    real = socket.getaddrinfo

    def guarded(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in _LOOPBACK:
            raise OSError(f"gateway tests may only use loopback, not {name!r}")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def config() -> GatewayConfig:
    return GatewayConfig(
        base_url="https://gateway.test",
        merchant_id="pos_test",
        api_key="key_live_SECRET123",
        return_url="https://pos.test/return",
        response_key="resp_key_abc",
    )


@pytest.fixture
def gateway() -> FakeGateway:
    return FakeGateway()


@pytest.fixture
def client(config: GatewayConfig, gateway: FakeGateway) -> Iterator[JuspayClient]:
    with JuspayClient(config, transport=httpx.MockTransport(gateway.handle)) as c:
        yield c


@pytest.fixture
def data_text() -> Callable[[str], str]:
    return lambda name: (DATA / name).read_text()
