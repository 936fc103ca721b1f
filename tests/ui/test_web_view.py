"""The locked-down web view and the dialog around it, against a loopback server.

127.0.0.1 is the "gateway"; ``localhost`` (the same machine, another host name) plays
a foreign host that the page must never reach.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from pos_app.ui.web import HostedPageDialog, PageKind, SecureWebView
from pos_app.ui.web import policy as policy_mod

# Chromium's first start in a process prints GPU fallbacks; anything else fails.
GPU_NOISE = (
    "QRhiGles2",
    "Failed to create RHI",
    "Vulkan",
    "GBM is not supported",
    "GPUInfo not initialized",
    "Unable to detect GPU vendor",
)


def webengine(test: Callable[..., None]) -> Callable[..., None]:
    """Mark a test that drives Chromium: slow, and any Qt warning fails it."""
    for mark in (
        pytest.mark.webengine,
        pytest.mark.qt_log_level_fail("WARNING"),
        pytest.mark.qt_log_ignore(*GPU_NOISE),
    ):
        test = mark(test)
    return test


LOAD_MS = 15_000  # the first WebEngine start takes a few seconds
SHOTS = Path("/tmp/ui-shots")
QUERY = (
    "order_id=T01ABC&status=CHARGED&signature=ab%253Dcd%252B"
    "&signature_algorithm=HMAC-SHA256"
)

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Amazon Pay OTP</title>
<style>body{{font-family:sans-serif;margin:0;background:#f3f4f6}}
main{{max-width:420px;margin:40px auto;background:#fff;border-radius:12px;padding:28px;
box-shadow:0 1px 4px #0002}}h1{{font-size:22px;margin:0 0 12px}}
input{{font-size:24px;letter-spacing:8px;width:100%;padding:10px;box-sizing:border-box}}
button{{margin-top:16px;width:100%;font-size:18px;padding:12px;background:#ff9900;
border:0;border-radius:8px}}a{{display:block;margin-top:16px;color:#1a5fb4}}</style></head>
<body><main><h1>Enter the OTP sent to ******3210</h1>
<input id="otp" value="123456" aria-label="OTP">
<button id="go" onclick="location.href='{base}/return?{query}'">
Verify and pay ₹145.00</button>
<button id="pop" onclick="window.open('{base}/popup')">Open help</button>
<a id="foreign" href="{foreign}/other">Terms (another site)</a></main></body></html>"""


@dataclass
class Server:
    base: str  # the allowed host, http://127.0.0.1:PORT
    foreign: str  # the same server under another host name
    paths: list[str] = field(default_factory=list)

    @property
    def return_url(self) -> str:
        return f"{self.base}/return"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    record: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            record.append(self.path)
            port = self.server.server_address[1]
            body = PAGE.format(
                base=f"http://127.0.0.1:{port}",
                foreign=f"http://localhost:{port}",
                query=QUERY,
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    port = httpd.server_address[1]
    yield Server(f"http://127.0.0.1:{port}", f"http://localhost:{port}", record)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def view(qtbot: QtBot, server: Server) -> Iterator[SecureWebView]:
    # Not qtbot.addWidget: pytest-qt deletes those before fixtures tear down.
    widget = SecureWebView()
    widget.resize(800, 600)
    widget.show()
    server.paths.clear()
    with qtbot.waitSignal(widget.load_finished, timeout=LOAD_MS) as loaded:
        widget.open(
            f"{server.base}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )
    assert loaded.args == [True]
    yield widget
    with qtbot.waitSignal(widget.closed, timeout=LOAD_MS):
        widget.clear()
    widget.deleteLater()
    qtbot.wait(10)


def click(qtbot: QtBot, view: SecureWebView, element: str) -> None:
    done: list[object] = []
    view.run_js(f"document.getElementById('{element}').click()", done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=LOAD_MS)


# -- the policy, without a browser ------------------------------------------------


def test_policy_compares_scheme_host_and_port() -> None:
    rules = policy_mod.NavigationPolicy(
        ["https://api.juspay.in", "http://127.0.0.1:8000"],
        "http://127.0.0.1:8000/pos/return",
    )

    assert rules.decide("https://api.juspay.in/pay?x=1") is policy_mod.Decision.ALLOW
    assert rules.decide("https://api.juspay.in:443/") is policy_mod.Decision.ALLOW
    assert rules.decide("http://api.juspay.in/") is policy_mod.Decision.BLOCK
    assert rules.decide("https://api.juspay.in:8443/") is policy_mod.Decision.BLOCK
    assert rules.decide("http://localhost:8000/") is policy_mod.Decision.BLOCK
    assert rules.decide("https://evil.example/") is policy_mod.Decision.BLOCK


def test_policy_recognises_the_return_url_with_any_query() -> None:
    rules = policy_mod.NavigationPolicy(
        ["https://api.juspay.in"], "http://127.0.0.1:8000/pos/return?ignored=1"
    )
    back = policy_mod.Decision.RETURN

    assert rules.decide(f"http://127.0.0.1:8000/pos/return?{QUERY}") is back
    assert rules.decide("http://127.0.0.1:8000/pos/return") is back
    assert rules.decide("http://127.0.0.1:8000/pos/return/x") is not back
    assert rules.decide("http://127.0.0.1:8001/pos/return") is not back
    assert rules.decide("https://127.0.0.1:8000/pos/return") is not back


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "javascript:alert(1)",
        "ftp://x/",
    ],
)
def test_policy_refuses_other_schemes(url: str) -> None:
    rules = policy_mod.NavigationPolicy(["https://api.juspay.in"], "https://a.b/r")

    assert rules.decide(url) is policy_mod.Decision.BLOCK


def test_policy_wants_origins_with_a_scheme() -> None:
    with pytest.raises(ValueError, match="origin"):
        policy_mod.NavigationPolicy(["api.juspay.in"], "https://a.b/r")
    with pytest.raises(ValueError, match="return URL"):
        policy_mod.NavigationPolicy(["https://api.juspay.in"], "file:///r")


def test_importing_the_package_does_not_start_webengine() -> None:
    code = (
        "import sys, pos_app.ui.web, pos_app.ui.qr;"
        "print([m for m in sys.modules if 'WebEngine' in m])"
    )

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert out.stdout.strip() == "[]"


# -- the view ---------------------------------------------------------------------


@webengine
def test_view_is_locked_down(view: SecureWebView) -> None:
    page, web = view.page, view.web_view
    assert page is not None and web is not None
    profile = page.profile()
    settings = profile.settings()
    attr = QWebEngineSettings.WebAttribute

    assert profile.isOffTheRecord()
    assert profile.storageName() == ""
    assert web.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    assert page.devToolsPage() is None
    assert settings.testAttribute(attr.JavascriptEnabled)
    assert not settings.testAttribute(attr.LocalContentCanAccessFileUrls)
    assert not settings.testAttribute(attr.LocalContentCanAccessRemoteUrls)
    assert not settings.testAttribute(attr.JavascriptCanOpenWindows)
    assert view.title() == "Amazon Pay OTP"


@webengine
def test_return_url_is_reported_raw_and_not_loaded(
    qtbot: QtBot, view: SecureWebView, server: Server
) -> None:
    with qtbot.waitSignal(view.return_url_reached, timeout=LOAD_MS) as returned:
        click(qtbot, view, "go")

    assert returned.args == [f"{server.return_url}?{QUERY}"]
    assert "%253D" in returned.args[0]
    assert view.url() == f"{server.base}/page"
    assert not any(path.startswith("/return") for path in server.paths)


@webengine
def test_foreign_host_is_blocked_and_the_page_stays(
    qtbot: QtBot, view: SecureWebView, server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    with qtbot.waitSignal(view.navigation_blocked, timeout=LOAD_MS) as blocked:
        click(qtbot, view, "foreign")

    assert blocked.args == [f"{server.foreign}/other"]
    assert view.url() == f"{server.base}/page"
    assert "/other" not in server.paths
    assert "navigation blocked: http://localhost:" in caplog.text


@webengine
def test_window_open_makes_no_window(
    qtbot: QtBot, view: SecureWebView, server: Server
) -> None:
    click(qtbot, view, "pop")
    opened: list[object] = []
    view.run_js("window.open('/popup') === null", opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=LOAD_MS)

    assert opened == [True]
    assert "/popup" not in server.paths
    assert view.url() == f"{server.base}/page"


@webengine
def test_open_refuses_a_page_outside_the_allowed_hosts(
    view: SecureWebView, server: Server
) -> None:
    with pytest.raises(ValueError, match="outside"):
        view.open(
            f"{server.foreign}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )

    assert view.url() == f"{server.base}/page"


@webengine
def test_clear_tears_down_page_before_profile(
    qtbot: QtBot, server: Server, qtlog: object
) -> None:
    widget = SecureWebView()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.load_finished, timeout=LOAD_MS):
        widget.open(
            f"{server.base}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )
    page = widget.page
    assert page is not None
    with qtbot.waitSignal(page.profile().cookieStore().cookieAdded, timeout=LOAD_MS):
        widget.run_js("document.cookie = 'customer=1'")

    with qtbot.waitSignal(widget.closed, timeout=LOAD_MS):
        widget.clear()
    widget.deleteLater()
    qtbot.wait(50)

    assert not widget_is_open(widget)
    assert not Shiboken.isValid(page)
    assert not [m for m in qtlog.records if "Release of profile" in m.message]  # type: ignore[attr-defined]


@webengine
def test_deleting_an_open_view_still_deletes_page_first(
    qtbot: QtBot, server: Server, qtlog: object
) -> None:
    widget = SecureWebView()
    with qtbot.waitSignal(widget.load_finished, timeout=LOAD_MS):
        widget.open(
            f"{server.base}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )

    widget.deleteLater()
    qtbot.wait(50)

    assert not [m for m in qtlog.records if "Release of profile" in m.message]  # type: ignore[attr-defined]


@webengine
def test_a_cleared_view_opens_again_with_a_fresh_profile(
    qtbot: QtBot, view: SecureWebView, server: Server
) -> None:
    first = view.page
    assert first is not None
    first_profile = first.profile()
    with qtbot.waitSignal(view.closed, timeout=LOAD_MS):
        view.clear()

    with qtbot.waitSignal(view.load_finished, timeout=LOAD_MS):
        view.open(
            f"{server.base}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )

    assert view.page is not None
    assert not Shiboken.isValid(first_profile)
    assert view.title() == "Amazon Pay OTP"


def widget_is_open(widget: SecureWebView) -> bool:
    return Shiboken.isValid(widget) and widget.is_open()


# -- the dialog -------------------------------------------------------------------


def open_dialog(qtbot: QtBot, server: Server, kind: PageKind) -> HostedPageDialog:
    dialog = HostedPageDialog(kind)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.view.load_finished, timeout=LOAD_MS):
        dialog.load(
            f"{server.base}/page",
            allowed_hosts=[server.base],
            return_url=server.return_url,
        )
        dialog.show()
    return dialog


@webengine
@pytest.mark.usefixtures("themed")
def test_dialog_closes_on_return_with_the_url(qtbot: QtBot, server: Server) -> None:
    dialog = open_dialog(qtbot, server, PageKind.OTP)
    assert dialog.windowTitle() == "Amazon Pay — enter your OTP"
    assert dialog.host_text.startswith("127.0.0.1:")
    qtbot.wait(300)  # let the compositor draw the page for the picture
    dialog.grab().save(str(SHOTS / "hosted-otp-dialog.png"))

    with (
        qtbot.waitSignal(dialog.finished, timeout=LOAD_MS) as finished,
        qtbot.assertNotEmitted(dialog.customer_closed),
    ):
        click(qtbot, dialog.view, "go")

    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert dialog.returned_url == f"{server.return_url}?{QUERY}"
    qtbot.waitUntil(lambda: not dialog.view.is_open(), timeout=LOAD_MS)


@webengine
def test_dialog_close_button_tells_the_app(qtbot: QtBot, server: Server) -> None:
    dialog = open_dialog(qtbot, server, PageKind.TOP_UP)
    close = dialog.findChild(QPushButton, "hostedCloseButton")
    assert close.isVisible()

    with qtbot.waitSignal(dialog.customer_closed, timeout=LOAD_MS):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert dialog.returned_url == ""
    with qtbot.waitSignal(dialog.view.closed, timeout=LOAD_MS):
        pass


@webengine
@pytest.mark.usefixtures("themed")
def test_dialog_says_when_a_link_was_blocked(qtbot: QtBot, server: Server) -> None:
    dialog = open_dialog(qtbot, server, PageKind.CONSENT)

    with qtbot.waitSignal(dialog.navigation_blocked, timeout=LOAD_MS):
        click(qtbot, dialog.view, "foreign")

    blocked = dialog.findChild(QLabel, "hostedBlockedLabel")
    assert blocked.isVisible()
    assert dialog.isVisible()
    qtbot.wait(300)
    dialog.grab().save(str(SHOTS / "hosted-consent-blocked.png"))
    dialog.reject()


def test_dialog_fits_the_counter_screen(qtbot: QtBot) -> None:
    dialog = HostedPageDialog(PageKind.TOP_UP)
    qtbot.addWidget(dialog)

    assert dialog.size().width() <= 1280 and dialog.size().height() <= 800
    assert dialog.findChild(QLabel, "hostedTitle").text() == (
        "Pay the rest with card, UPI or net banking"
    )
    assert not dialog.view.is_open()  # nothing of WebEngine until load()
