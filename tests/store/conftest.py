"""Fixtures for the store tests: a real SQLite file under tmp_path, clean env."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect
from sqlalchemy.types import TypeDecorator, TypeEngine

from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.states import Flow
from pos_app.store.db import make_engine
from pos_app.store.migrations import migrate
from pos_app.store.models import TABLES, Attempt, Sale
from pos_app.store.repository import Store


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POS_DATA_DIR", "POS_DATABASE_URL", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "pos.db"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on a fresh SQLite file."""
    engine = make_engine(db_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def bare_engine(db_url: str) -> Iterator[Engine]:
    """An engine on a fresh SQLite file with no schema yet."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine: Engine) -> Store:
    return Store(engine)


class Factory:
    """Make sales and attempts for a test (fixture ``make``)."""

    def __init__(self, default_store: Callable[[], Store]) -> None:
        self._default_store = default_store
        self._orders = itertools.count(1)

    @property
    def store(self) -> Store:
        return self._default_store()

    def order_id(self) -> str:
        return f"T01TEST{next(self._orders):06d}"

    def sale(
        self,
        *lines: CartLine,
        store: Store | None = None,
        order_id: str | None = None,
        customer_ref: str | None = None,
        phone_last4: str | None = None,
    ) -> Sale:
        """Create an open sale (default: one ₹19.99 tea)."""
        return (store or self.store).create_sale(
            order_id or self.order_id(),
            "T01",
            "asha",
            list(lines) or [tea()],
            customer_ref=customer_ref,
            phone_last4=phone_last4,
        )

    def attempt(self, sale: Sale, *, store: Store | None = None) -> Attempt:
        assert sale.id is not None
        return (store or self.store).create_attempt(
            sale.id,
            flow=Flow.DIRECT_DEBIT,
            route="AMAZONPAY",
            method="WALLET:AMAZONPAY",
        )


@pytest.fixture
def make(request: pytest.FixtureRequest) -> Factory:
    # The default store is only set up when used, so tests on ``bare_engine`` can
    # pass their own store without the ``engine`` fixture migrating their file.
    return Factory(lambda: request.getfixturevalue("store"))


def tea(quantity: int = 1) -> CartLine:
    return CartLine("Masala tea", Money(1999), quantity, sku="TEA")


def _kind(type_: TypeEngine[Any]) -> str:
    """Reduce a column type to what must agree between model and database."""
    if isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    python = type_.python_type.__name__
    length = getattr(type_, "length", None)
    return f"{python}({length})" if length else python


def _check_schema(engine: Engine) -> None:
    """Assert that the migrated database has every model column, index and key."""
    inspector = inspect(engine)

    for model in TABLES:
        table = model.__table__  # type: ignore[attr-defined]
        db_columns = {c["name"]: c for c in inspector.get_columns(table.name)}

        assert set(db_columns) == {c.name for c in table.columns}, table.name
        for column in table.columns:
            found = db_columns[column.name]
            where = f"{table.name}.{column.name}"
            assert _kind(found["type"]) == _kind(column.type), where
            # SQLite reports an INTEGER PRIMARY KEY as nullable (NULL = assign one).
            if not column.primary_key:
                assert found["nullable"] == column.nullable, where

        primary = inspector.get_pk_constraint(table.name)["constrained_columns"]
        assert primary == [c.name for c in table.primary_key.columns], table.name

        db_indexes = {
            i["name"]: (tuple(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table.name)
        }
        model_indexes = {
            i.name: (tuple(c.name for c in i.columns), bool(i.unique))
            for i in table.indexes
        }
        assert db_indexes == model_indexes, table.name

        db_fks = {
            (tuple(fk["constrained_columns"]), fk["referred_table"])
            for fk in inspector.get_foreign_keys(table.name)
        }
        model_fks = {
            ((fk.parent.name,), fk.column.table.name) for fk in table.foreign_keys
        }
        assert db_fks == model_fks, table.name


@pytest.fixture
def check_schema() -> Callable[[Engine], None]:
    return _check_schema
