"""Where the database lives, and the SQLite engine's settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from pos_app.store import db


def test_pos_data_dir_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert db.default_data_dir() == tmp_path / "mine"
    assert db.database_url() == f"sqlite:///{(tmp_path / 'mine' / 'pos.db').as_posix()}"


def test_database_url_env_wins_over_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "ignored"))
    monkeypatch.setenv("POS_DATABASE_URL", "postgresql+psycopg://pos@db.example/pos")

    assert db.database_url() == "postgresql+psycopg://pos@db.example/pos"


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_DATA_HOME": "/xdg"}, Path("/xdg/pos_app")),
        ("linux", {"XDG_DATA_HOME": "relative"}, Path("HOME/.local/share/pos_app")),
        ("linux", {}, Path("HOME/.local/share/pos_app")),
        ("darwin", {}, Path("HOME/Library/Application Support/pos_app")),
        ("win32", {"APPDATA": "/appdata"}, Path("/appdata/pos_app")),
        ("win32", {}, Path("HOME/AppData/Roaming/pos_app")),
    ],
)
def test_platform_default_data_dir(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
    env: dict[str, str],
    expected: Path,
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    monkeypatch.delenv("APPDATA", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    got = db.default_data_dir()

    assert got == Path(str(expected).replace("HOME", str(tmp_path)))


def test_open_store_uses_pos_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data_dir = tmp_path / "deep" / "data"
    monkeypatch.setenv("POS_DATA_DIR", str(data_dir))

    store = db.open_store()
    try:
        assert (data_dir / "pos.db").is_file()
        assert store.engine.url.database == str(data_dir / "pos.db")
    finally:
        store.close()


def test_open_store_uses_pos_database_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "not-used"))
    monkeypatch.setenv("POS_DATABASE_URL", f"sqlite:///{tmp_path / 'other' / 'x.db'}")

    store = db.open_store()
    try:
        assert (tmp_path / "other" / "x.db").is_file()
        assert not (tmp_path / "not-used").exists()
    finally:
        store.close()


def test_sqlite_connection_settings(engine: Engine) -> None:
    with engine.connect() as conn:

        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_every_pooled_connection_is_set_up(db_url: str) -> None:
    engine = db.make_engine(db_url, busy_timeout_ms=1234)
    try:
        conns = [engine.connect() for _ in range(3)]
        timeouts = [c.exec_driver_sql("PRAGMA busy_timeout").scalar() for c in conns]
        for conn in conns:
            conn.close()
    finally:
        engine.dispose()

    assert timeouts == [1234, 1234, 1234]


def test_importing_db_module_stays_light() -> None:
    code = (
        "import sys, pos_app.store.db as d; d.default_data_dir(); "
        "print('sqlalchemy' in sys.modules, 'sqlmodel' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert out.stdout.split() == ["False", "False"]


def test_package_exposes_public_surface() -> None:
    import pos_app.store as store_pkg

    for name in store_pkg.__all__:
        assert getattr(store_pkg, name) is not None
    with pytest.raises(AttributeError):
        _ = store_pkg.not_a_name  # type: ignore[attr-defined]
