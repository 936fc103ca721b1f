"""Units of work: one short session and transaction each, retried while locked."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from pos_app.store._engine import for_writes
from pos_app.store.errors import StoreBusy

__all__ = ["UnitsOfWork", "is_locked"]

log = logging.getLogger(__name__)

T = TypeVar("T")

_MAX_DELAY = 1.0


def is_locked(exc: OperationalError) -> bool:
    """Tell whether the error means "try again later" rather than a real failure."""
    message = str(exc.orig).lower()
    if "database is locked" in message or "database is busy" in message:
        return True
    # PostgreSQL: serialization failure, deadlock detected, lock not available.
    return getattr(exc.orig, "sqlstate", None) in {"40001", "40P01", "55P03"}


class UnitsOfWork:
    """Run a function in its own session and transaction, committed on return.

    The session uses ``expire_on_commit=False``, so the objects a unit returns stay
    readable (detached) after it closes. A unit that meets a locked database is rolled
    back and run again from the start, up to ``lock_retries`` times in all with a
    doubling pause, then :class:`StoreBusy` is raised: a write is never dropped
    silently. The unit must therefore do nothing but SQL (no HTTP, no signals).
    """

    def __init__(
        self, engine: Engine, *, lock_retries: int, retry_delay: float
    ) -> None:
        if lock_retries < 1:
            raise ValueError("lock_retries must be at least 1")
        self.engine = engine
        self._writer = for_writes(engine)
        self._lock_retries = lock_retries
        self._retry_delay = retry_delay

    def write(self, work: Callable[[Session], T]) -> T:
        """Run a unit that writes (on SQLite it takes the write lock at BEGIN)."""
        return self._run(self._writer, work)

    def read(self, work: Callable[[Session], T]) -> T:
        return self._run(self.engine, work)

    def _run(self, engine: Engine, work: Callable[[Session], T]) -> T:
        delay = self._retry_delay
        tries = 0
        while True:
            tries += 1
            try:
                with (
                    Session(engine, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    return work(session)
            except OperationalError as exc:
                if not is_locked(exc):
                    raise
                if tries >= self._lock_retries:
                    raise StoreBusy(
                        f"database still locked after {tries} tries"
                    ) from exc
                log.warning("database locked (try %d), retrying in %.2fs", tries, delay)
                time.sleep(delay)
                delay = min(delay * 2, _MAX_DELAY)
