"""Versioned migrations: fresh, idempotent, upgrades with data, schema = models."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError, OperationalError

from pos_app.domain.states import AttemptStatus, SaleStatus
from pos_app.store.errors import UnsupportedDatabase
from pos_app.store.migrations import (
    MIGRATIONS,
    Migration,
    applied_versions,
    latest_version,
    migrate,
)
from pos_app.store.models import TABLES
from pos_app.store.repository import Store

if TYPE_CHECKING:  # the fixture's class; conftest is not importable by name
    from conftest import Factory


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            table.__tablename__: [  # type: ignore[misc]
                tuple(row)
                for row in conn.exec_driver_sql(
                    f"SELECT * FROM {table.__tablename__} ORDER BY id"
                )
            ]
            for table in TABLES
        }


def test_fresh_database_gets_every_migration(bare_engine: Engine) -> None:
    done = migrate(bare_engine)

    assert done == [m.version for m in MIGRATIONS]
    assert applied_versions(bare_engine) == set(done)
    assert latest_version() == done[-1]


def test_rerun_is_a_no_op(engine: Engine, make: Factory) -> None:
    make.sale()
    before = _dump(engine)

    assert migrate(engine) == []
    assert migrate(engine) == []
    assert _dump(engine) == before
    with engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM schema_migrations").scalar()
    assert count == len(MIGRATIONS)


def test_migrated_schema_matches_the_models(
    engine: Engine, check_schema: Callable[[Engine], None]
) -> None:
    check_schema(engine)


def test_version_1_database_upgrades_with_rows_intact(
    bare_engine: Engine, make: Factory
) -> None:
    # Setup: a database made by the first release, with a paid sale in it.
    assert migrate(bare_engine, target=1) == [1]
    store = Store(bare_engine)
    sale = make.sale(store=store)
    attempt = make.attempt(sale, store=store)
    assert attempt.id is not None and sale.id is not None
    store.transition(attempt.id, AttemptStatus.SUBMITTING)
    assert store.finalize_charged(attempt.id, txn_id="TXN1")
    with bare_engine.begin() as conn:  # version 1 had no append-only guard yet
        conn.exec_driver_sql("UPDATE event SET kind = kind WHERE id = 1")
    before = _dump(bare_engine)

    # When
    done = migrate(bare_engine)

    # Then
    assert done == [m.version for m in MIGRATIONS if m.version > 1]
    assert _dump(bare_engine) == before
    upgraded = store.get_sale(sale.id)
    assert upgraded is not None and upgraded.status is SaleStatus.PAID
    assert upgraded.paid_attempt_id == attempt.id
    with pytest.raises(IntegrityError), bare_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE event SET kind = 'x' WHERE id = 1")


def test_a_later_add_column_migration_keeps_existing_rows(
    engine: Engine, make: Factory
) -> None:
    sale = make.sale()
    added = Migration(
        latest_version() + 1,
        "sale note",
        statements=(
            "ALTER TABLE sale ADD COLUMN note VARCHAR(100) NOT NULL DEFAULT ''",
        ),
    )

    assert migrate(engine, (*MIGRATIONS, added)) == [added.version]

    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT order_id, total_paise, note FROM sale WHERE id = :id"),
            {"id": sale.id},
        ).one()
    assert tuple(row) == (sale.order_id, 1999, "")
    make.sale()  # the current code still writes to the upgraded table


def test_failed_migration_leaves_nothing_behind(engine: Engine) -> None:
    broken = Migration(
        latest_version() + 1,
        "half done",
        statements=(
            "ALTER TABLE sale ADD COLUMN note VARCHAR(100)",
            "ALTER TABLE no_such_table ADD COLUMN x INTEGER",
        ),
    )

    with pytest.raises(OperationalError):
        migrate(engine, (*MIGRATIONS, broken))

    columns = {c["name"] for c in inspect(engine).get_columns("sale")}
    assert "note" not in columns
    assert broken.version not in applied_versions(engine)


def test_newer_database_is_left_alone(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="pos_app.store.migrations"):
        assert migrate(engine, MIGRATIONS[:1]) == []

    assert "does not know" in caplog.text


def test_migrations_must_be_numbered_in_order(bare_engine: Engine) -> None:
    with pytest.raises(ValueError, match="numbered"):
        migrate(bare_engine, (MIGRATIONS[1], MIGRATIONS[0]))


def test_unknown_dialect_is_refused() -> None:
    with pytest.raises(UnsupportedDatabase):
        MIGRATIONS[0].statements_for("mysql")


def test_postgresql_ddl_has_its_own_spellings() -> None:
    ddl = "\n".join(MIGRATIONS[0].statements_for("postgresql"))

    assert "GENERATED BY DEFAULT AS IDENTITY" in ddl
    assert "TIMESTAMP WITH TIME ZONE" in ddl
    assert "{" not in ddl
    assert "AUTOINCREMENT" not in ddl
