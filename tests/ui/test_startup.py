"""The start path: a first window at once, then the counter in its place."""

from __future__ import annotations

import subprocess
import sys


def test_start_gui_shows_a_first_window_then_the_counter(qtbot):
    from pos_app.app import start_gui
    from pos_app.ui.main_window import MainWindow

    startup = start_gui(["pos-app"])
    assert startup.shell.isVisible() and not startup.ready

    qtbot.waitUntil(lambda: startup.ready, timeout=10_000)

    assert isinstance(startup.window, MainWindow) and startup.window.isVisible()
    assert startup.shell is None  # the first window made way for the counter
    qtbot.waitUntil(lambda: startup.controller.ready, timeout=15_000)
    startup.controller.shutdown()
    startup.window.close()


def test_the_first_window_imports_no_screens_and_no_heavy_library():
    code = (
        "import sys\n"
        "from pos_app.app import start_gui\n"
        "s = start_gui(['x'])\n"
        "heavy = ('pos_app.ui.main_window', 'sqlalchemy', 'httpx',"
        " 'PySide6.QtWebEngine')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_bad_configuration_is_explained_in_the_first_window(qtbot, monkeypatch):
    from pos_app.app import start_gui

    monkeypatch.setenv("POS_GATEWAY_MODE", "juspay-production")  # no credentials
    startup = start_gui(["pos-app"])
    qtbot.wait(200)

    assert not startup.ready
    text = startup.shell.centralWidget().text()
    assert "settings need fixing" in text and "POS_API_KEY" in text
    startup.shell.close()


def test_a_kiosk_that_cannot_start_says_so_in_both_languages_and_not_full_screen(
    qtbot, monkeypatch
):
    from pos_app.app import start_gui

    monkeypatch.setenv("POS_GATEWAY_MODE", "bogus")
    monkeypatch.setenv("POS_LANGUAGE", "hi")
    startup = start_gui(["pos-app"], kiosk=True)
    qtbot.wait(200)

    assert not startup.ready
    text = startup.shell.centralWidget().text()
    assert "Please ask staff" in text and "कृपया स्टाफ़ से पूछें" in text
    assert "bogus" in text  # and what to fix, for the staff member
    assert not startup.shell.isFullScreen()  # staff can close it
    startup.shell.close()
