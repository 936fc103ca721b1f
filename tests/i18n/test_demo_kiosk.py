"""``pos-app demo --scenario kiosk``: a first-time customer pays at the kiosk in
English and in Hindi, on the embedded sandbox, and every step is saved as a PNG."""

from __future__ import annotations

import json

from PySide6.QtGui import QImage

from pos_app.demo import run_demo
from pos_app.demo_kiosk import SHOTS
from pos_app.ui import i18n


def test_the_kiosk_demo_pays_in_both_languages_and_saves_each_screen(
    qapp, tmp_path, capsys
):
    assert run_demo(tmp_path, "kiosk") == 0
    lines = [
        json.loads(line)
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("{")
    ]
    assert [line["scenario"] for line in lines] == ["kiosk-en", "kiosk-hi"]
    for line in lines:
        assert line["status"] == "CHARGED"
        assert line["flow"] == "link_and_pay"
        assert line["amount"] == "334.50"
    assert lines[0]["order_id"] != lines[1]["order_id"]
    assert i18n.current() == "en"  # the demo leaves the app as it found it

    for index, name in enumerate(SHOTS, start=1):
        english = QImage(str(tmp_path / "kiosk" / "en" / f"{index:02d}-{name}.png"))
        hindi = QImage(str(tmp_path / "kiosk" / "hi" / f"{index:02d}-{name}.png"))
        assert (english.width(), english.height()) == (1280, 800), name
        assert (hindi.width(), hindi.height()) == (1280, 800), name
        assert english != hindi, f"{name}: the Hindi screen looks like the English one"
