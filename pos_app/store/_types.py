"""Column types the tables share: aware UTC timestamps and enums stored by value."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

__all__ = ["EnumText", "UTCDateTime", "utc_now"]

E = TypeVar("E", bound=enum.StrEnum)


def utc_now() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Store aware datetimes as UTC and hand them back aware.

    SQLite has no time zone type, so the value goes in as naive UTC text and comes back
    with ``tzinfo=UTC`` attached. A naive datetime is refused on the way in: we cannot
    know which clock it came from, and guessing would shift a day's report.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime refused (use an aware UTC time): {value}")

        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stamp = (
            value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        )
        if stamp.tzinfo is None:
            return stamp.replace(tzinfo=UTC)
        return stamp.astimezone(UTC)


class EnumText(TypeDecorator[E]):
    """Store a ``StrEnum`` by its value (``"charged"``), not by its member name.

    SQLAlchemy's own ``Enum`` type stores names and may add a CHECK constraint; our
    migrations write the value strings, so the column is plain text.
    """

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_class: type[E]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_class(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        if value is None:
            return None
        return self.enum_class(value)
