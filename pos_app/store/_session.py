"""Units of work: one connection and transaction each, retried while locked."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ClassManager, class_mapper, make_transient_to_detached

from pos_app.store._engine import for_writes
from pos_app.store.errors import StoreBusy

__all__ = ["UnitsOfWork", "detached", "is_locked"]

log = logging.getLogger(__name__)

T = TypeVar("T")
M = TypeVar("M")

_MAX_DELAY = 1.0


def is_locked(exc: OperationalError) -> bool:
    """Tell whether the error means "try again later" rather than a real failure."""
    message = str(exc.orig).lower()
    if "database is locked" in message or "database is busy" in message:
        return True
    # PostgreSQL: serialization failure, deadlock detected, lock not available.
    return getattr(exc.orig, "sqlstate", None) in {"40001", "40P01", "55P03"}


_MANAGERS: dict[type[Any], ClassManager[Any]] = {}


def _manager(cls: type[M]) -> ClassManager[M]:
    manager = _MANAGERS.get(cls)
    if manager is None:  # class_mapper configures the mappers on first use
        manager = _MANAGERS[cls] = class_mapper(cls).class_manager
    return manager


def detached(cls: type[M], values: Mapping[str, Any]) -> M:
    """Build a detached table object from a full row of column values.

    The same object the ORM hands back after loading a row and closing its session
    (SQLModel's ``__init__`` is skipped: the values are already the columns' types),
    at a fraction of the cost. ``values`` must hold every column, the key included.
    """
    instance: M = _manager(cls).new_instance()
    instance.__dict__.update(values)
    make_transient_to_detached(instance)
    return instance


class UnitsOfWork:
    """Run a function on its own connection and transaction, committed on return.

    The function gets a Core :class:`~sqlalchemy.Connection` (no ORM session: the
    units build the detached objects they return with :func:`detached`). A unit that
    meets a locked database is rolled back and run again from the start, up to
    ``lock_retries`` times in all with a doubling pause, then :class:`StoreBusy` is
    raised: a write is never dropped silently. The unit must therefore do nothing but
    SQL (no HTTP, no signals).
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

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run a unit that writes (on SQLite it takes the write lock at BEGIN)."""
        return self._run(self._writer, work)

    def read(self, work: Callable[[Connection], T]) -> T:
        return self._run(self.engine, work)

    def _run(self, engine: Engine, work: Callable[[Connection], T]) -> T:
        delay = self._retry_delay
        tries = 0
        while True:
            tries += 1
            try:
                with engine.begin() as connection:
                    return work(connection)
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
