"""Start the cashier GUI: window first, heavy work after the first frame."""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

__all__ = ["Startup", "build_gui", "prepare_qt_environment", "run_gui", "start_gui"]

log = logging.getLogger(__name__)


def prepare_qt_environment() -> None:
    """Set what Qt WebEngine needs before any QApplication exists.

    Chromium refuses to run its sandbox as root; kiosks and CI often run as root.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def build_gui(
    argv: list[str] | None = None, *, kiosk: bool = False
) -> tuple[Any, Any, Any]:
    """Create the application, the controller and the shown main window.

    Only Qt widgets and the domain are imported here; the checkout service (httpx,
    sqlmodel, the sandbox) is built on a worker after the first frame. With
    ``kiosk`` the window is the self-service :class:`KioskWindow`, full screen.
    Returns (QApplication, MainWindow or KioskWindow, CheckoutController).
    """
    prepare_qt_environment()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_app.config import AppConfig
    from pos_app.ui import i18n
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.error_dialog import install_excepthook
    from pos_app.ui.log_view import install_log_handler
    from pos_app.ui.main_window import MainWindow
    from pos_app.ui.theme import apply_theme

    config = AppConfig.load()  # settings file, then environment, then keyring
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    app.setApplicationName("pos_app")
    app.setOrganizationName("pos_app")
    apply_theme(app)
    install_log_handler()  # before anything logs, so the support log has history
    i18n.install(config.language)

    def make_service() -> Any:
        from pos_app import logs
        from pos_app.checkout.bootstrap import build_service
        from pos_app.store.db import default_data_dir

        logs.configure(default_data_dir())
        return build_service(config)

    controller = CheckoutController(
        make_service, terminal_id=config.terminal_id, cashier=config.cashier
    )
    window: Any
    if kiosk:
        from pos_app.ui.kiosk import KioskWindow

        window = KioskWindow(
            controller,
            store_getter=lambda: controller.store,
            language=config.language,  # each visit starts here again
        )
    else:
        window = MainWindow(controller, gateway_label=config.gateway_label)
    install_excepthook(lambda: QApplication.activeWindow() or window)
    if kiosk:
        window.show_kiosk()  # full screen, frameless: no window controls
    else:
        window.show()
    app.aboutToQuit.connect(controller.on_app_about_to_quit)
    QTimer.singleShot(0, controller.start)
    return app, window, controller


class Startup:
    """The app as it starts: a light first window, then the real one.

    Importing the counter's screens costs more than a bare Qt window (PySide6 builds
    a Python enum for every Qt type the screens touch), so :func:`start_gui` shows a
    small "Opening the counter" window at once and builds the real window on the
    next turn of the event loop, in the same place. ``ready`` says it is up.
    """

    def __init__(self, app: Any, shell: Any) -> None:
        self.app = app
        self.shell = shell
        self.window: Any = None
        self.controller: Any = None
        self.shown_at = 0.0  # time.time() when the first window was painted

    @property
    def ready(self) -> bool:
        return self.window is not None

    def finish(self, kiosk: bool) -> None:
        from pos_app.config import ConfigError

        try:
            _app, self.window, self.controller = build_gui(kiosk=kiosk)
        except ConfigError as exc:  # the world is wrong: say what to fix
            print(f"pos-app: {exc}", file=sys.stderr)
            self._fail(
                f"The settings need fixing before pos_app can start:\n{exc}", kiosk
            )
            return
        except Exception as exc:  # a bug: say so in the window, keep the details
            log.exception("the counter window could not be built")
            self._fail(f"pos_app could not start: {exc}", kiosk)
            return
        if not kiosk:
            self.window.setGeometry(self.shell.geometry())
        self.shell.close()
        self.shell.deleteLater()
        self.shell = None

    def _fail(self, text: str, kiosk: bool = False) -> None:
        if kiosk:  # a customer may be the one reading it (no language loaded yet)
            text = (
                "This self-checkout is not available right now. Please ask staff.\n"
                "यह सेल्फ़-चेकआउट अभी उपलब्ध नहीं है। कृपया स्टाफ़ से पूछें।\n\n"
                f"{text}"
            )
        message = self.shell.centralWidget()
        message.setWordWrap(True)
        message.setText(text)
        if self.shell.isFullScreen():  # a kiosk: staff must be able to close it
            self.shell.showNormal()


def start_gui(argv: list[str] | None = None, *, kiosk: bool = False) -> Startup:
    """Show the first window now; build the counter (or kiosk) right after."""
    prepare_qt_environment()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    # Painted before the settings (and so the language) are read: say it in both.
    shell = QMainWindow()
    if kiosk:
        shell.setWindowTitle("Self-checkout")
        text = "Self-checkout · सेल्फ़-चेकआउट\n\nOne moment… · एक क्षण…"
    else:
        shell.setWindowTitle("pos_app — Counter")
        text = "Opening the counter… · काउंटर खुल रहा है…"
    message = QLabel(text)
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message.setAccessibleName(text.replace("\n", " "))
    shell.setCentralWidget(message)
    shell.resize(1280, 800)
    if kiosk:
        shell.showFullScreen()
    else:
        shell.show()
    app.processEvents()  # paint it now, before the heavy imports start
    startup = Startup(app, shell)
    startup.shown_at = time.time()
    QTimer.singleShot(0, lambda: startup.finish(kiosk))
    return startup


def run_gui(argv: list[str] | None = None, *, kiosk: bool = False) -> int:
    if not _has_display():
        print(
            "pos-app: no display found. Run it on a desktop, or try "
            "'pos-app demo --out demo-out' to drive the screens offscreen.",
            file=sys.stderr,
        )
        return 2
    startup = start_gui(argv, kiosk=kiosk)
    return int(startup.app.exec())
