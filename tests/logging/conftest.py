"""Fixtures for the logging tests: the shiboken workaround and a clean logger."""

from __future__ import annotations

import ctypes
import sys

import pytest


@pytest.fixture(scope="session", autouse=True)
def _keep_singletons_alive() -> None:
    """WORKAROUND for shiboken6 6.12 on CPython 3.11 (see tests/ui/conftest.py)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
