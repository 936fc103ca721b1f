"""Shared test setup: offscreen Qt, a clean environment, data under tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

# Before anything imports Qt: no screen here, and WebEngine as root needs --no-sandbox.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
if "--no-sandbox" not in _flags:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{_flags} --no-sandbox".strip()


from pos_app.checkout.service import CheckoutService  # noqa: E402 - after the Qt env
from pos_app.gateway.client import GatewayConfig, JuspayClient  # noqa: E402
from pos_app.sandbox.server import SandboxServer  # noqa: E402
from pos_app.store.db import open_store  # noqa: E402

#: The return URL every test checkout uses (the web view stops there).
RETURN_URL = "https://pos.invalid/return"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees the developer's settings or writes outside its tmp_path."""
    for name in list(os.environ):
        if name.startswith("POS_") and name != "POS_I18N_DIR":
            monkeypatch.delenv(name)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    yield


# -- languages (tests/i18n, and any screen's own retranslation test) -----------------


def screen_texts(widget: object) -> list[str]:
    """Every text a person (or a screen reader) gets from ``widget`` and its children.

    Labels, buttons, group titles, placeholders, tab and combo texts, tooltips,
    accessible names and descriptions, window titles, in tree order; widgets that
    are hidden on purpose are skipped. Used to compare a screen switched to another
    language with one built in it.
    """
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QWidget,
    )

    assert isinstance(widget, QWidget)
    found: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if w is not widget and w.isHidden():
            continue
        name = w.objectName() or type(w).__name__
        parts: list[str] = []
        if isinstance(w, (QLabel, QAbstractButton)):
            parts.append(w.text())
        elif isinstance(w, QGroupBox):
            parts.append(w.title())
        elif isinstance(w, QLineEdit):
            parts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            parts += [w.tabText(i) for i in range(w.count())]
        parts += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if w.isWindow():
            parts.append(w.windowTitle())
        found += [f"{name}: {p}" for p in parts if p]
    return found


@pytest.fixture
def speak(qapp: object) -> Iterator[Callable[[str], str]]:
    """``speak("hi")`` switches the app's language; English again after the test."""
    from pos_app.ui import i18n

    yield i18n.install
    i18n.install("en")


@pytest.fixture
def assert_retranslates(
    speak: Callable[[str], str], qapp: object
) -> Callable[[Callable[[], object]], None]:
    """Check a screen says the same after a switch as one built in the language.

    ``build()`` returns a shown widget (the caller puts it in the state to check).
    Built in English then switched to Hindi, its texts must equal those of one built
    in Hindi; and they must be Hindi (Devanagari present); back to English, equal to
    a fresh English one.
    """
    from PySide6.QtWidgets import QApplication

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    def check(build: Callable[[], object]) -> None:
        speak("en")
        switched = build()
        settle()
        english = screen_texts(switched)
        speak("hi")
        settle()
        after_switch = screen_texts(switched)
        fresh = build()
        settle()
        assert after_switch == screen_texts(fresh)
        assert after_switch != english
        assert any("\u0900" <= ch <= "\u097f" for text in after_switch for ch in text)
        speak("en")
        settle()
        assert screen_texts(switched) == english

    return check


# -- a real checkout on a loopback sandbox (tests/checkout, conformance, faults) -----


@pytest.fixture
def client_options() -> dict[str, object]:
    """How the checkout's gateway client is set up; a folder may override this.

    Keys are ``GatewayConfig`` fields, plus ``transport``: a callable returning a new
    httpx transport for each client.
    """
    return {"read_timeout": 1.0}


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def make_service(
    sandbox: SandboxServer, tmp_path: Path, client_options: dict[str, object]
) -> Iterator[Callable[..., CheckoutService]]:
    """Build checkout services on the sandbox, each with its own SQLite file.

    ``make(route, **service_options)``: a redirect route is also set as the sandbox
    merchant's routing; ``service_options`` override the short test delays.
    """
    made: list[CheckoutService] = []
    options = dict(client_options)
    new_transport = options.pop("transport", None)  # a factory: one per client

    def make(route: str = "AMAZONPAY", **service_options: object) -> CheckoutService:
        if route != "AMAZONPAY":
            sandbox.ledger.redirect_gateway = route
        client = JuspayClient(
            GatewayConfig(
                base_url=sandbox.base_url,
                merchant_id=sandbox.merchant_id,
                api_key=sandbox.api_key,
                **options,  # type: ignore[arg-type]
            ),
            transport=new_transport() if callable(new_transport) else None,
        )
        store = open_store(f"sqlite:///{tmp_path / f'pos{len(made)}.db'}")
        settings: dict[str, object] = {
            "confirm_delays": (0.05, 0.1),
            "hosted_delays": (0.05, 0.1),
            "response_key": sandbox.response_key,
            **service_options,
        }
        service = CheckoutService(
            client,
            store,
            terminal_id="T01",
            cashier="tester",
            merchant_id=sandbox.merchant_id,
            return_url=RETURN_URL,
            route=route,
            **settings,  # type: ignore[arg-type]
        )
        made.append(service)
        return service

    yield make
    for service in made:
        service.close()  # closes its store too


@pytest.fixture
def service(make_service: Callable[..., CheckoutService]) -> CheckoutService:
    return make_service()


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The customer's phone or the web view: follows nothing, so tests see redirects."""
    with httpx.Client(follow_redirects=False, timeout=5) as client:
        yield client
