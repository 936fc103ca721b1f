"""Per-endpoint faults: make the sandbox slow, silent, broken or garbled on purpose.

The table holds at most one :class:`Fault` per endpoint name (see
:data:`ENDPOINTS`), plus ``"*"`` for every endpoint; an endpoint's own fault wins
over ``"*"``. A fault with a ``count`` fires on that many requests and is then
removed; without one it fires until cleared.

When each kind acts, relative to the operation the request asks for:

* ``latency``      - waits ``latency_ms``, then answers normally;
* ``timeout``      - waits ``latency_ms`` (default 30 s, cut short when the server
  stops), then closes the connection without an answer; nothing is done;
* ``http_500`` / ``http_502`` / ``http_503`` - a JSON error with that status;
  nothing is done;
* ``html``         - an HTML error page with HTTP 502; nothing is done;
* ``malformed``    - the operation is done, then the JSON answer is cut in half
  (HTTP 200);
* ``drop_after_commit`` - the operation is done, then the connection is closed
  without an answer;
* ``hang_after_commit`` - the operation is done, then the connection is held
  without an answer for ``latency_ms`` (default 30 s, cut short when the server
  stops) and closed: a gateway that committed and then went silent, for tests
  that kill the app at that exact moment.

Any kind may carry ``latency_ms``; for kinds other than ``timeout`` and
``hang_after_commit`` it is a delay before the fault acts.

Switching faults on a running sandbox (tests, training): ``POST /sandbox/faults``
from loopback, see :mod:`~pos_app.sandbox.control` and :mod:`~pos_app.sandbox.server`.
A fault with a ``count`` disappears from ``GET /sandbox/faults`` once its last
request has arrived, so a client can tell that a request reached the sandbox.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass, replace

__all__ = ["ALL", "DEFAULT_TIMEOUT_MS", "ENDPOINTS", "Fault", "FaultKind", "FaultTable"]

ALL = "*"
DEFAULT_TIMEOUT_MS = 30_000

ENDPOINTS = frozenset(
    {
        "get_customer",
        "create_customer",
        "create_order",
        "order_status",
        "refund",
        "payment_methods",
        "list_wallets",
        "refresh_wallets",
        "txns",
        "create_wallet",
        "get_wallet",
        "wallet_command",
    }
)


class FaultKind(enum.StrEnum):
    """What a fault does to a request."""

    LATENCY = "latency"
    TIMEOUT = "timeout"
    HTTP_500 = "http_500"
    HTTP_502 = "http_502"
    HTTP_503 = "http_503"
    HTML = "html"
    MALFORMED = "malformed"
    DROP_AFTER_COMMIT = "drop_after_commit"
    HANG_AFTER_COMMIT = "hang_after_commit"

    @property
    def commits(self) -> bool:
        """Whether the operation is carried out before the fault acts."""
        return self in (
            FaultKind.LATENCY,
            FaultKind.MALFORMED,
            FaultKind.DROP_AFTER_COMMIT,
            FaultKind.HANG_AFTER_COMMIT,
        )


@dataclass(frozen=True, slots=True)
class Fault:
    """One configured fault; ``count`` None means until cleared."""

    kind: FaultKind
    latency_ms: int = 0
    count: int | None = None

    @property
    def delay_s(self) -> float:
        """Seconds to wait before acting (a timeout's hang time included)."""
        if self.kind is FaultKind.HANG_AFTER_COMMIT:
            return 0.0  # its latency is the hang after the operation: hold_s
        if self.kind is FaultKind.TIMEOUT and self.latency_ms <= 0:
            return DEFAULT_TIMEOUT_MS / 1000
        return max(self.latency_ms, 0) / 1000

    @property
    def hold_s(self) -> float:
        """Seconds to hold the connection after the operation, before closing it."""
        if self.kind is not FaultKind.HANG_AFTER_COMMIT:
            return 0.0
        return (self.latency_ms if self.latency_ms > 0 else DEFAULT_TIMEOUT_MS) / 1000


class FaultTable:
    """Thread-safe map of endpoint name -> :class:`Fault`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}

    def __repr__(self) -> str:
        return f"<FaultTable {self.snapshot()!r}>"

    def set(
        self,
        endpoint: str,
        kind: FaultKind | str,
        *,
        count: int | None = None,
        latency_ms: int = 0,
    ) -> Fault:
        """Install (replacing) the fault for ``endpoint``; raise ValueError if bad."""
        if endpoint != ALL and endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {endpoint!r}")
        fault_kind = FaultKind(kind)
        if count is not None and count < 1:
            raise ValueError("count must be at least 1")
        if latency_ms < 0:
            raise ValueError("latency_ms must not be negative")

        fault = Fault(fault_kind, latency_ms=latency_ms, count=count)
        with self._lock:
            self._faults[endpoint] = fault
        return fault

    def clear(self, endpoint: str | None = None) -> None:
        """Remove the fault for ``endpoint``, or every fault."""
        with self._lock:
            if endpoint is None:
                self._faults.clear()
            else:
                self._faults.pop(endpoint, None)

    def take(self, endpoint: str) -> Fault | None:
        """Return the fault that fires for this request, using up one of its count."""
        with self._lock:
            key = endpoint if endpoint in self._faults else ALL
            fault = self._faults.get(key)
            if fault is None:
                return None
            if fault.count is not None:
                if fault.count <= 1:
                    del self._faults[key]
                else:
                    self._faults[key] = replace(fault, count=fault.count - 1)
            return fault

    def snapshot(self) -> dict[str, Fault]:
        """Return a copy of the table."""
        with self._lock:
            return dict(self._faults)
