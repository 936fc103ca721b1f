"""Where the header, zone, printer and e-receipt key come from."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.receipts import settings as receipt_settings


def test_defaults_show_a_missing_setup(tmp_path: Path) -> None:
    loaded = receipt_settings.load_settings({}, tmp_path)

    assert loaded.store.name == "Your Store Name"
    assert loaded.store.gstin == ""
    assert loaded.zone_name == "Asia/Kolkata"
    assert loaded.columns == 42
    assert loaded.printer == ""
    assert loaded.zone.utcoffset(None) in (None, timedelta(hours=5, minutes=30))


def test_store_file_then_environment(tmp_path: Path) -> None:
    (tmp_path / "store.json").write_text(
        json.dumps(
            {
                "name": "Chai Point Stores",
                "address": ["12 MG Road", "Bengaluru 560001"],
                "gstin": "29ABCDE1234F1Z5",
                "footer": "Visit again",
            }
        ),
        encoding="utf-8",
    )
    env = {
        "POS_STORE_GSTIN": "29ZZZZZ9999Z1Z9",
        "POS_RECEIPT_COLUMNS": "48",
        "POS_RECEIPT_TZ": "UTC",
        "POS_RECEIPT_PRINTER": "file:/dev/usb/lp0",
        "POS_ERECEIPT_BASE_URL": "https://r.example.in/r/",
    }

    loaded = receipt_settings.load_settings(env, tmp_path)

    assert loaded.store.name == "Chai Point Stores"
    assert loaded.store.address == ("12 MG Road", "Bengaluru 560001")
    assert loaded.store.gstin == "29ZZZZZ9999Z1Z9"
    assert loaded.store.footer == ("Visit again",)
    assert (loaded.columns, loaded.zone_name) == (48, "UTC")
    assert loaded.printer == "file:/dev/usb/lp0"
    assert loaded.ereceipt_base_url == "https://r.example.in/r"


def test_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = receipt_settings.load_settings({}, tmp_path).ereceipt_key
    second = receipt_settings.load_settings({}, tmp_path).ereceipt_key

    assert len(first) == 32 and first == second
    mode = stat.S_IMODE((tmp_path / "ereceipt.key").stat().st_mode)
    assert mode == 0o600
    configured = receipt_settings.load_settings(
        {"POS_ERECEIPT_KEY": "ab" * 16}, tmp_path
    )
    assert configured.ereceipt_key == b"\xab" * 16
    assert "ereceipt_key" not in repr(configured)  # the key never reaches a log


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"POS_RECEIPT_COLUMNS": "12"}, "32 to 64"),
        ({"POS_RECEIPT_TZ": "Mars/Olympus"}, "time zone"),
        ({"POS_ERECEIPT_BASE_URL": "http://r.example.in"}, "https://"),
        ({"POS_ERECEIPT_KEY": "abcd"}, "16 bytes"),
        ({"POS_ERECEIPT_KEY": "not hex"}, "hex"),
    ],
)
def test_bad_values_say_what_to_fix(
    tmp_path: Path, env: dict[str, str], words: str
) -> None:
    with pytest.raises(receipt_settings.ReceiptSettingsError, match=words):
        receipt_settings.load_settings(env, tmp_path)


def test_bad_store_file(tmp_path: Path) -> None:
    (tmp_path / "store.json").write_text("{not json", encoding="utf-8")

    with pytest.raises(receipt_settings.ReceiptSettingsError, match="not valid JSON"):
        receipt_settings.load_settings({}, tmp_path)


def test_a_key_that_cannot_be_made_costs_only_the_qr(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A data "folder" that cannot hold the key file (read-only, full, or as here
    # not a folder at all): the settings still load, and receipts print without QR.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", "ascii")
    loaded = receipt_settings.load_settings({"POS_RECEIPT_PRINTER": "dummy"}, blocked)

    assert loaded.ereceipt_key == b""
    assert loaded.printer == "dummy"
    assert "receipts print without the QR" in caplog.text
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "ereceipt.key").write_text("not hex", "ascii")
    (damaged / "ereceipt.key").chmod(0o400)
    (damaged).chmod(0o500)
    try:
        again = receipt_settings.load_settings({}, damaged)
    finally:
        damaged.chmod(0o700)
    assert len(again.ereceipt_key) in (0, 32)  # root may still write; never raises
