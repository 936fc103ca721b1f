"""SQLite connection set-up and the write/read transaction split.

pysqlite's own transaction handling does not BEGIN before DDL or SELECT (see
https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#sqlite-transactions), so we
turn it off and emit BEGIN ourselves: plain ``BEGIN`` for reads and
``BEGIN IMMEDIATE`` for units of work that write. Taking the write lock up front
means a read-then-write transaction never fails half-way with ``SQLITE_BUSY`` (which
the busy timeout cannot help with), and it makes check-then-insert units safe.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

__all__ = ["for_writes", "install_sqlite_setup"]

_BEGIN_OPTION = "pos_sqlite_begin"


def for_writes(engine: Engine) -> Engine:
    """Return a view of ``engine`` whose transactions start with BEGIN IMMEDIATE."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


def install_sqlite_setup(engine: Engine, *, busy_timeout_ms: int) -> None:
    """Set the pragmas on every new connection and take over BEGIN."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN (below)
        cursor = dbapi_connection.cursor()
        try:
            # busy_timeout first, so switching to WAL waits for a busy file.
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    def on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
