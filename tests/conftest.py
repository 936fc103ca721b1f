"""Shared test setup: offscreen Qt, a clean environment, data under tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no screen here, and WebEngine as root needs --no-sandbox.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
if "--no-sandbox" not in _flags:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{_flags} --no-sandbox".strip()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees the developer's settings or writes outside its tmp_path."""
    for name in list(os.environ):
        if name.startswith("POS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    yield
