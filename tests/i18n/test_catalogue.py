"""The translation files: complete, in step with the code, compiled, and loadable."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pos_app.domain.money import InvalidAmount, Money
from pos_app.domain.phone import InvalidPhone, Phone
from pos_app.domain.text import Text, translate
from pos_app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pos_app_hi.ts"


def test_every_marked_text_has_a_hindi_translation_and_the_qm_is_current():
    # lupdate over the code, field checks, lrelease compared byte for byte.
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("0 problem(s)")


def test_check_refuses_a_translation_that_drops_a_field(tmp_path):
    broken = tmp_path / "pos_app_hi.ts"
    text = TS.read_text("utf-8")
    assert "{limit} से अधिक" in text
    broken.write_text(text.replace("{limit} से अधिक", "से अधिक"), "utf-8")
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "i18n.py"),
            "check",
            "--ts",
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "fields [] != ['limit']" in run.stdout


def test_the_catalogue_is_big_enough_to_cover_the_screens():
    contexts = ET.parse(TS).getroot().findall("context")
    sources = [m.findtext("source") for c in contexts for m in c.iter("message")]
    assert len(sources) > 300
    # Every screen area is in it, not just the kiosk.
    names = {c.findtext("name") for c in contexts}
    for expected in ("AttractScreen", "MainWindow", "SettingsDialog", "Phone"):
        assert expected in names


def test_install_switches_language_and_falls_back_to_english(speak, qapp):
    assert speak("hi") == "hi"
    assert i18n.current() == "hi"
    assert i18n.t("Phone", "Enter the 10-digit mobile number") != (
        "Enter the 10-digit mobile number"
    )
    assert speak("fr") == "en"  # not shipped: English, never a crash
    assert i18n.t("Phone", "Enter the 10-digit mobile number") == (
        "Enter the 10-digit mobile number"
    )
    assert i18n.normalise("hi_IN") == "hi"


def test_install_without_the_file_stays_in_english(speak, qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("POS_I18N_DIR", str(tmp_path))  # no .qm there
    assert speak("hi") == "en"
    assert i18n.current() == "en"


def test_text_below_the_ui_stays_english_and_renders_in_hindi(speak, qapp):
    with pytest.raises(InvalidPhone) as phone_error:
        Phone.parse("12345")
    with pytest.raises(InvalidAmount) as amount_error:
        Money.parse("99,99,99,999")
    assert str(phone_error.value) == "Enter the 10-digit mobile number"
    assert "₹10,00,000.00" in str(amount_error.value)

    speak("hi")
    assert i18n.render(phone_error.value) == "10 अंकों का मोबाइल नंबर लिखें"
    said = i18n.render(amount_error.value)
    assert said.startswith("₹10,00,000.00 ") and "स्वीकार" in said
    assert i18n.render("a gateway's own words") == "a gateway's own words"
    assert i18n.render(None) == ""
    assert i18n.render(ValueError("plain")) == "plain"


def test_text_keeps_its_template_through_format_and_pickle():
    import pickle

    message = translate("Money", "Amounts above {limit} are not accepted").format(
        limit="₹5.00"
    )
    assert isinstance(message, Text)
    assert message == "Amounts above ₹5.00 are not accepted"
    again = pickle.loads(pickle.dumps(message))
    assert (again.context, again.source, dict(again.args)) == (
        "Money",
        "Amounts above {limit} are not accepted",
        {"limit": "₹5.00"},
    )
    with pytest.raises(TypeError):
        message.format("positional")


def test_the_devanagari_font_ships_and_draws_hindi(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    families = i18n.register_fonts()
    assert "Noto Sans Devanagari UI" in families
    assert QFontDatabase.WritingSystem.Devanagari in QFontDatabase.writingSystems(
        "Noto Sans Devanagari UI"
    )
    assert QFontMetrics(QFont("Noto Sans Devanagari UI")).inFontUcs4(ord("भ"))
    assert (ROOT / "resources" / "fonts" / "OFL.txt").read_text().count("Open Font")
