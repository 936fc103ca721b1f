"""Render every kiosk screen to PNG, in English and Hindi, at 1280x800 and 1920x1080.

    QT_QPA_PLATFORM=offscreen python tests/kiosk/render_screens.py [OUT_DIR]

Names: ``<step>-<language>-<width>x<height>.png`` (``03-shop-cart-hi-1280x800.png``).
Uses the fake controller (no service, database writes or network) and a throwaway
database for the staff PIN. Default OUT_DIR: /tmp/kiosk-shots. ``POS_I18N_DIR``
picks the translation to try, as in the app.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from kiosk import fakes, tour
from pos_app.store import settings
from pos_app.store.db import open_store
from pos_app.ui import i18n, theme
from pos_app.ui.kiosk import KioskWindow

SIZES = ((1280, 800), (1920, 1080))
LANGUAGES = ("en", "hi")


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["POS_DATA_DIR"] = folder  # the e-receipt key: a throwaway one
        store = open_store(f"sqlite:///{Path(folder) / 'pin.db'}")
        settings.set_manager_pin(store, "2468")
        for language in LANGUAGES:
            if i18n.install(language) != language:
                print(f"no translation for {language}", file=sys.stderr)
                return 1
            for width, height in SIZES:
                controller = fakes.KioskFakeController()
                kiosk = KioskWindow(
                    controller,  # type: ignore[arg-type]
                    store_getter=lambda: store,
                    language=language,  # the tour's resets keep this language
                )
                kiosk.resize(width, height)
                kiosk.show()
                controller.become_ready()
                for name in tour.tour(kiosk, controller):
                    for _ in range(3):
                        app.processEvents()
                    path = out / f"{name}-{language}-{width}x{height}.png"
                    if not kiosk.grab().save(str(path)):
                        print(f"could not save {path}", file=sys.stderr)
                        return 1
                    print(path)
                kiosk.close()
                kiosk.deleteLater()
        i18n.install("en")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/kiosk-shots")))
