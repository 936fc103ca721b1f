"""A real checkout on the sandbox (loopback HTTP, SQLite file) for conformance tests.

The shared checkout fixtures of ``tests/conftest.py`` (``sandbox``, ``make_service``,
``browser``): what the sandbox records is exactly what the real client sent, so the
tests can hold it to the gateway reference.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def client_options() -> dict[str, object]:
    return {"read_timeout": 2.0}
