"""The manager PIN: salted hash only, checks, lockout, and the keypad dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.store import settings
from pos_app.store.repository import Store
from pos_app.ui.manager.pin_dialog import PinDialog


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _setting_rows(tmp_path: Path) -> dict[str, str]:
    raw = sqlite3.connect(tmp_path / "data" / "pos.db")
    rows = dict(raw.execute("SELECT key, value FROM setting").fetchall())
    raw.close()
    return rows


def test_no_pin_exists_until_one_is_set(store: Store) -> None:
    assert not settings.has_manager_pin(store)
    assert not settings.check_manager_pin(store, "0000")
    assert not settings.check_manager_pin(store, "")


def test_set_and_check(store: Store) -> None:
    settings.set_manager_pin(store, "482916")

    assert settings.has_manager_pin(store)
    assert settings.check_manager_pin(store, "482916")
    assert settings.check_manager_pin(store.engine, "482916")
    assert not settings.check_manager_pin(store, "482917")
    assert not settings.check_manager_pin(store, "48291")


def test_only_a_salted_hash_is_stored(store: Store, tmp_path: Path) -> None:
    settings.set_manager_pin(store, "482916")
    first = _setting_rows(tmp_path)[settings.PIN_KEY]
    settings.set_manager_pin(store, "482916")
    second = _setting_rows(tmp_path)[settings.PIN_KEY]

    raw_file = (tmp_path / "data" / "pos.db").read_bytes()
    wal = tmp_path / "data" / "pos.db-wal"
    everything = raw_file + (wal.read_bytes() if wal.exists() else b"")
    assert b"482916" not in everything
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert first != second  # a fresh salt every time


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "１２３４"])
def test_pins_are_four_to_eight_digits(store: Store, pin: str) -> None:
    with pytest.raises(ValueError, match="4 to 8 digits"):
        settings.set_manager_pin(store, pin)


def test_five_wrong_tries_lock_for_a_minute(store: Store) -> None:
    settings.set_manager_pin(store, "2468")
    fake = FakeTime()
    guard = settings.PinGuard(store, clock=fake)

    results = [guard.attempt("1111") for _ in range(4)]
    assert [r.tries_left for r in results] == [4, 3, 2, 1]
    assert guard.attempt("1111").outcome is settings.PinOutcome.LOCKED

    # Even the right PIN is refused while locked, and a new guard sees the lock.
    assert guard.attempt("2468").outcome is settings.PinOutcome.LOCKED
    assert settings.PinGuard(store, clock=fake).locked_for() == 60.0
    fake.now += 59
    assert guard.attempt("2468").outcome is settings.PinOutcome.LOCKED
    fake.now += 1.5
    assert guard.attempt("2468").outcome is settings.PinOutcome.OK


def test_a_right_pin_resets_the_count(store: Store) -> None:
    settings.set_manager_pin(store, "2468")
    guard = settings.PinGuard(store, clock=FakeTime())

    for _ in range(4):
        guard.attempt("0000")
    assert guard.attempt("2468").outcome is settings.PinOutcome.OK
    assert guard.attempt("0000").tries_left == 4


def test_dialog_creates_the_first_pin(qtbot: QtBot, store: Store) -> None:
    dialog = PinDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.mode == "create"

    dialog.enter("12")
    dialog.on_ok_clicked()
    assert "4 to 8 digits" in dialog.message
    dialog.on_digit_clicked("C")
    dialog.enter("7351")
    dialog.on_ok_clicked()
    assert dialog.mode == "confirm"
    dialog.enter("7352")
    dialog.on_ok_clicked()
    assert dialog.mode == "create"
    assert "different" in dialog.message

    dialog.enter("7351")
    dialog.on_ok_clicked()
    dialog.enter("7351")
    with qtbot.waitSignal(dialog.accepted):
        dialog.on_ok_clicked()
    assert settings.check_manager_pin(store, "7351")


def test_dialog_wrong_pin_then_lockout(qtbot: QtBot, store: Store) -> None:
    settings.set_manager_pin(store, "7351")
    fake = FakeTime()
    dialog = PinDialog(store, guard=settings.PinGuard(store, clock=fake))
    qtbot.addWidget(dialog)
    assert dialog.mode == "verify"

    dialog.enter("1111")
    dialog.on_ok_clicked()
    assert dialog.message == "Wrong PIN. 4 tries left before a lockout."
    for _ in range(4):
        dialog.enter("1111")
        dialog.on_ok_clicked()
    assert dialog.message == "Too many wrong PINs. Try again in 60 s."
    assert not dialog._ok.isEnabled()

    fake.now += 61
    dialog.on_tick_timeout()
    assert dialog._ok.isEnabled()
    dialog.enter("7351")
    with qtbot.waitSignal(dialog.accepted):
        dialog.on_ok_clicked()


def test_keypad_buttons_type_and_erase(qtbot: QtBot, store: Store) -> None:
    dialog = PinDialog(store)
    qtbot.addWidget(dialog)

    for key in "1", "2", "3", "<", "9":
        dialog.on_digit_clicked(key)

    assert dialog._field.text() == "129"


def test_enter_in_the_pin_field_submits_once(qtbot, store):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from pos_app.store.settings import check_manager_pin
    from pos_app.ui.manager.pin_dialog import PinDialog

    dialog = PinDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit)
    assert field is not None
    for _ in range(2):  # create: enter it, then confirm it, each with Enter
        field.setFocus()
        QTest.keyClicks(field, "2468")
        QTest.keyClick(field, Qt.Key.Key_Return)

    assert check_manager_pin(store, "2468")
