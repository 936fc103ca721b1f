"""Terminal settings in the ``setting`` table, and the manager PIN kept there.

The PIN is never stored: only ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>`` with a
fresh random salt per PIN, compared in constant time. There is no default PIN; until
one is set :func:`has_manager_pin` is ``False`` and the manager area asks to create
one. Wrong tries are counted in the table too (:class:`PinGuard`), so a lockout
survives closing the dialog or restarting the app.

The functions block (SQL, and scrypt takes ~50 ms on purpose).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine, bindparam, text

from pos_app.store._engine import for_writes
from pos_app.store._types import UTCDateTime, utc_now

__all__ = [
    "LOCKOUT_SECONDS",
    "MAX_TRIES",
    "PIN_KEY",
    "PinCheck",
    "PinGuard",
    "PinOutcome",
    "check_manager_pin",
    "get_setting",
    "has_manager_pin",
    "is_valid_pin",
    "set_manager_pin",
    "set_setting",
]

PIN_KEY = "manager_pin"
_FAILURES_KEY = "manager_pin.failures"
_LOCKED_UNTIL_KEY = "manager_pin.locked_until"
MAX_TRIES = 5
LOCKOUT_SECONDS = 60.0

_N, _R, _P = 2**14, 8, 1


class _HasEngine(Protocol):
    engine: Engine


StoreOrEngine = Engine | _HasEngine


def _engine(target: StoreOrEngine) -> Engine:
    return target if isinstance(target, Engine) else target.engine


def get_setting(target: StoreOrEngine, key: str) -> str | None:
    """Return the stored value of ``key``, or ``None``."""
    with _engine(target).connect() as conn:
        row = conn.execute(
            text("SELECT value FROM setting WHERE key = :key"), {"key": key}
        ).first()
    return None if row is None else str(row[0])


def set_setting(target: StoreOrEngine, key: str, value: str) -> None:
    """Insert or replace ``key`` (one short write transaction)."""
    upsert = text(
        "INSERT INTO setting (key, value, updated_at) VALUES (:key, :value, :at)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
        " updated_at = excluded.updated_at"
    ).bindparams(bindparam("at", type_=UTCDateTime()))
    with for_writes(_engine(target)).begin() as conn:
        conn.execute(upsert, {"key": key, "value": value, "at": utc_now()})


def is_valid_pin(pin: str) -> bool:
    """A manager PIN is 4 to 8 digits."""
    return 4 <= len(pin) <= 8 and pin.isascii() and pin.isdigit()


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)


def set_manager_pin(target: StoreOrEngine, pin: str) -> None:
    """Store a new PIN's salted hash (and clear any lockout)."""
    if not is_valid_pin(pin):
        raise ValueError("a manager PIN is 4 to 8 digits")
    salt = secrets.token_bytes(16)
    digest = _hash(pin, salt, _N, _R, _P)
    set_setting(target, PIN_KEY, f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}")
    set_setting(target, _FAILURES_KEY, "0")
    set_setting(target, _LOCKED_UNTIL_KEY, "0")


def has_manager_pin(target: StoreOrEngine) -> bool:
    return get_setting(target, PIN_KEY) is not None


def check_manager_pin(target: StoreOrEngine, pin: str) -> bool:
    """Tell whether ``pin`` is the manager PIN (``False`` when none is set)."""
    stored = get_setting(target, PIN_KEY)
    if stored is None or not pin:
        return False
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = _hash(pin, bytes.fromhex(salt_hex), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))


class PinOutcome(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True, slots=True)
class PinCheck:
    outcome: PinOutcome
    tries_left: int = 0
    locked_for: float = 0.0  # seconds


class PinGuard:
    """Check PINs with a lockout: ``MAX_TRIES`` wrong in a row lock for a minute.

    ``clock`` returns wall-clock seconds (``time.time``); tests pass a fake.
    """

    def __init__(
        self, target: StoreOrEngine, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._target = target
        self._clock = clock

    def __repr__(self) -> str:
        return f"<PinGuard locked_for={self.locked_for():.0f}s>"

    def locked_for(self) -> float:
        """Return the seconds left of a lockout (0 when not locked)."""
        until = float(get_setting(self._target, _LOCKED_UNTIL_KEY) or 0)
        return max(0.0, until - self._clock())

    def attempt(self, pin: str) -> PinCheck:
        """Check ``pin`` unless locked; count a wrong one."""
        left = self.locked_for()
        if left > 0:
            return PinCheck(PinOutcome.LOCKED, locked_for=left)
        if check_manager_pin(self._target, pin):
            set_setting(self._target, _FAILURES_KEY, "0")
            return PinCheck(PinOutcome.OK, tries_left=MAX_TRIES)

        failures = int(get_setting(self._target, _FAILURES_KEY) or 0) + 1
        if failures >= MAX_TRIES:
            until = self._clock() + LOCKOUT_SECONDS
            set_setting(self._target, _LOCKED_UNTIL_KEY, repr(until))
            set_setting(self._target, _FAILURES_KEY, "0")
            return PinCheck(PinOutcome.LOCKED, locked_for=LOCKOUT_SECONDS)
        set_setting(self._target, _FAILURES_KEY, str(failures))
        return PinCheck(PinOutcome.WRONG, tries_left=MAX_TRIES - failures)
