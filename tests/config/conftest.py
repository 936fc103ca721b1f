"""Fixtures: an in-memory keyring, a network guard, a loopback sandbox.

No test here may reach a real Juspay host: the guard refuses any connection that is
not to 127.0.0.1 / ::1, and tests of the Juspay modes use ``httpx.MockTransport`` or
the sandbox on loopback as the base URL.
"""

from __future__ import annotations

import ctypes
import socket
import sys
from collections.abc import Iterator
from typing import Any

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from pos_app.sandbox.server import SandboxServer


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps passwords in a dict (never on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.values.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses every call (a locked Secret Service)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the collection is locked")


@pytest.fixture(scope="session", autouse=True)
def _keep_singletons_alive() -> None:
    """WORKAROUND for shiboken6 6.12 on CPython 3.11 (see tests/ui/conftest.py)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def locked_keyring() -> LockedKeyring:
    return LockedKeyring()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """This machine's real situation: no keyring backend at all."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in {
            "127.0.0.1",
            "::1",
        }:
            raise AssertionError(f"a test tried to connect to {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        _loopback_getaddrinfo(socket.getaddrinfo),
    )


def _loopback_getaddrinfo(real: Any) -> Any:
    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in {"127.0.0.1", "::1", "localhost", None}:
            raise AssertionError(f"a test tried to resolve {host!r}")
        return real(host, *args, **kwargs)

    return getaddrinfo


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server
