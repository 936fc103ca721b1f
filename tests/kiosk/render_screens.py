"""Render every kiosk screen to PNG at 1280x800 and 1920x1080 (run it by hand).

    QT_QPA_PLATFORM=offscreen python tests/kiosk/render_screens.py [OUT_DIR]

Uses the fake controller (no service, database writes or network) and a throwaway
database for the staff PIN. Default OUT_DIR: /tmp/kiosk-shots.
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
from pos_app.ui import theme
from pos_app.ui.kiosk import KioskWindow

SIZES = ((1280, 800), (1920, 1080))


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'pin.db'}")
        settings.set_manager_pin(store, "2468")
        for width, height in SIZES:
            controller = fakes.KioskFakeController()
            kiosk = KioskWindow(controller, store_getter=lambda: store)  # type: ignore[arg-type]
            kiosk.resize(width, height)
            kiosk.show()
            controller.become_ready()
            for name in tour.tour(kiosk, controller):
                for _ in range(3):
                    app.processEvents()
                path = out / f"{name}-{width}x{height}.png"
                if not kiosk.grab().save(str(path)):
                    print(f"could not save {path}", file=sys.stderr)
                    return 1
                print(path)
            kiosk.close()
            kiosk.deleteLater()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/kiosk-shots")))
