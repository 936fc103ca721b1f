"""Where the database lives, the engine, and opening a migrated store.

``default_data_dir`` and ``database_url`` import nothing heavy, so start-up code can
call them (for example to place the log file) before sqlmodel is loaded.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pos_app.store.repository import Store

__all__ = [
    "DATABASE_URL_ENV",
    "DATA_DIR_ENV",
    "database_url",
    "default_data_dir",
    "make_engine",
    "open_store",
]

DATA_DIR_ENV = "POS_DATA_DIR"
DATABASE_URL_ENV = "POS_DATABASE_URL"
_APP_DIR = "pos_app"


def default_data_dir() -> Path:
    """Return the folder for the database and logs (not created here).

    ``POS_DATA_DIR`` wins; otherwise the platform's user data folder:
    ``$XDG_DATA_HOME/pos_app`` or ``~/.local/share/pos_app`` (Linux and others),
    ``~/Library/Application Support/pos_app`` (macOS), ``%APPDATA%\\pos_app`` (Windows).
    """
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()

    home = Path.home()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA", "").strip()
        return (Path(appdata) if appdata else home / "AppData" / "Roaming") / _APP_DIR
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / _APP_DIR
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    # The XDG spec says to ignore a relative path.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / _APP_DIR


def database_url() -> str:
    """Return ``POS_DATABASE_URL`` if set (any SQLAlchemy URL), else the SQLite file."""
    override = os.environ.get(DATABASE_URL_ENV, "").strip()
    if override:
        return override
    return f"sqlite:///{(default_data_dir() / 'pos.db').as_posix()}"


def make_engine(url: str, *, busy_timeout_ms: int = 5000) -> Engine:
    """Create the engine; for a SQLite file also create its folder.

    Every SQLite connection gets WAL journaling, ``synchronous=NORMAL``, foreign keys
    and a busy timeout, and transactions that write start with ``BEGIN IMMEDIATE``.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from pos_app.store._engine import install_sqlite_setup

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)

    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # The pool hands one connection to one thread at a time.
    engine = create_engine(parsed, connect_args={"check_same_thread": False})
    install_sqlite_setup(engine, busy_timeout_ms=busy_timeout_ms)
    return engine


def open_store(url: str | None = None, *, busy_timeout_ms: int = 5000) -> Store:
    """Make the engine for ``url`` (default: :func:`database_url`), migrate it."""
    from pos_app.store.migrations import migrate
    from pos_app.store.repository import Store

    engine = make_engine(url or database_url(), busy_timeout_ms=busy_timeout_ms)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
