"""Fault tests: a real checkout on a loopback sandbox, short timeouts, a tally.

``sandbox`` and ``make_service`` are the shared fixtures of ``tests/conftest.py``,
with the client set up here.

The matrix prints ``fault matrix: N cases, M failures`` at the end of the run (one
case is one ``test_fault_case`` id that ran).
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import httpx
import pytest

#: Client timeouts (s): a ``timeout`` fault hangs longer than this.
CLIENT_TIMEOUT_S = 0.5
MATRIX_TEST = "test_fault_matrix.py::test_fault_case"

_matrix: dict[str, bool] = {}  # node id -> failed
# Loading the CA bundle costs ~0.1 s per httpx client; everything here is plain
# loopback HTTP, so every client shares one context.
_TLS = ssl.create_default_context()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if MATRIX_TEST not in report.nodeid or report.skipped:
        return
    if report.when == "call" or report.failed:
        _matrix[report.nodeid] = _matrix.get(report.nodeid, False) or report.failed


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _matrix:
        failures = sum(_matrix.values())
        terminalreporter.write_line(
            f"fault matrix: {len(_matrix)} cases, {failures} failures"
        )


@pytest.fixture
def client_options() -> dict[str, object]:
    """Short timeouts, so a ``timeout`` fault costs half a second, not thirty."""
    return {
        "read_timeout": CLIENT_TIMEOUT_S,
        "lookup_timeout": CLIENT_TIMEOUT_S,
        "transport": lambda: httpx.HTTPTransport(verify=_TLS),  # one per client
    }


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The customer's phone or the web view: follows nothing, so tests see returns."""
    with httpx.Client(follow_redirects=False, timeout=5, verify=_TLS) as client:
        yield client
