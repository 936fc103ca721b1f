"""Run blocking work off the GUI thread and deliver the result back on it.

The background function must never touch a widget; it gets plain arguments and returns
a plain value. ``on_done`` / ``on_error`` run later on the GUI thread, through a queued
signal, so they may update widgets freely.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

__all__ = ["TaskRunner"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, the slot runs on the GUI thread."""

    finished = Signal(object, object)  # callback, argument

    def __init__(self) -> None:
        super().__init__()
        # Always queued: a task that finishes before run() has added its callback is
        # delivered from the GUI thread itself, and must still arrive later, never
        # inside run() (callers set their state after run() returns).
        self.finished.connect(self.on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def on_finished(self, callback: Callable[[Any], None], argument: object) -> None:
        callback(argument)


class TaskRunner:
    """A small pool of worker threads whose results come back as GUI-thread calls.

    Create it on the GUI thread. ``run`` returns at once.
    """

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="pos-worker"
        )
        self._relay = _Relay()
        self._closed = threading.Event()

    def __repr__(self) -> str:
        return f"<TaskRunner closed={self._closed.is_set()}>"

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Future[T]:
        future = self._pool.submit(work)

        def deliver(done: Future[T]) -> None:
            if self._closed.is_set():
                return
            error = done.exception()
            if error is not None:
                self._relay.finished.emit(on_error, error)
            else:
                self._relay.finished.emit(on_done, done.result())

        future.add_done_callback(deliver)
        return future

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop delivering results and (optionally) wait for running work to end."""
        self._closed.set()
        self._pool.shutdown(wait=wait, cancel_futures=True)
