"""The Qt binding we install must not leak references to Python's singletons.

PySide6/shiboken6 6.12.0 on Python 3.11 drops a reference to ``True`` on every
Python-side emit with ``True`` and to ``None`` on every void Qt call, until the
process aborts with "bool_dealloc"/"none_dealloc". pyproject.toml keeps PySide6
below 6.12 for that reason; this test fails if a leaking build comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_true_keeps_its_references(qapp):
    emitter, seen = _Emitter(), []
    emitter.flag.connect(seen.append)
    emitter.value.connect(seen.append)
    before = sys.getrefcount(True)

    for _ in range(200):
        emitter.flag.emit(True)
        emitter.value.emit(True)
    seen.clear()

    assert abs(sys.getrefcount(True) - before) < 50  # a leaking build: -400


def test_void_calls_keep_the_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)

    for _ in range(200):
        label.setText("x")

    assert abs(sys.getrefcount(None) - before) < 50
