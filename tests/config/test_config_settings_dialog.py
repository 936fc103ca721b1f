"""The manager's settings dialog: gate, inline validation, keys never shown, saving.

Set SCREENSHOT_DIR to keep the rendered PNGs (otherwise they go to tmp_path).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from pos_app import settings_store as store
from pos_app.config import AppConfig, GatewayMode
from pos_app.connection_check import CheckResult, check_connection
from pos_app.ui import theme
from pos_app.ui.settings_dialog import MASK, SettingsDialog, open_settings

KEY = "live_key_ABCDEF0123456789"
MERCHANT = "acme_stores"


@pytest.fixture
def make_dialog(qtbot, tmp_path):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app)

    def make(env: dict[str, str] | None = None, **kwargs) -> SettingsDialog:
        dialog = SettingsDialog(env=env or {}, data_dir=tmp_path, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def _edit(dialog: SettingsDialog, name: str) -> QLineEdit:
    widget = dialog.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def _button(dialog: SettingsDialog, name: str) -> QPushButton:
    widget = dialog.findChild(QPushButton, name)
    assert widget is not None, name
    return widget


def _choose_juspay(dialog: SettingsDialog, mode: GatewayMode) -> None:
    box = dialog.findChild(type(dialog._mode), "mode")
    box.setCurrentIndex(box.findData(mode.value))


def _replace_key(dialog: SettingsDialog, key: str) -> None:
    _button(dialog, "api_keyReplace").click()
    _edit(dialog, "api_keyEdit").setText(key)


def _screen_text(dialog: SettingsDialog) -> str:
    """Every text a person could read on the dialog (labels, visible edits)."""
    texts = [label.text() + label.toolTip() for label in dialog.findChildren(QLabel)]
    texts += [
        edit.text()
        for edit in dialog.findChildren(QLineEdit)
        if edit.echoMode() is QLineEdit.EchoMode.Normal
    ]
    return "\n".join(texts)


def _shot(dialog: SettingsDialog, name: str, tmp_path: Path) -> Path:
    out = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    QApplication.processEvents()  # the dialog refits itself on the event loop
    assert dialog.grab().save(str(path))
    return path


def _juspay_ok(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/paymentmethods"):
        return httpx.Response(
            200, json={"payment_methods": [{"payment_method": "AMAZONPAY"}]}
        )
    return httpx.Response(200, json={"status": "NOT_FOUND", "status_id": 40})


# -- the gate ------------------------------------------------------------------


def test_the_manager_gate_comes_first(qtbot, tmp_path):
    asked: list[bool] = []

    def refuse() -> bool:
        asked.append(True)
        return False

    assert open_settings(None, require_manager=refuse, data_dir=tmp_path) is None
    assert asked == [True]

    dialog = open_settings(
        None, require_manager=lambda: True, env={}, data_dir=tmp_path
    )
    assert isinstance(dialog, SettingsDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.reject()


# -- showing and validating -------------------------------------------------------


def test_defaults_are_the_embedded_sandbox_and_valid(make_dialog, tmp_path):
    dialog = make_dialog()

    assert dialog.mode() is GatewayMode.EMBEDDED
    assert dialog.problems() == []
    assert _button(dialog, "save").isEnabled()
    assert _edit(dialog, "terminal_id").text() == "T01"
    _shot(dialog, "settings-embedded.png", tmp_path)


def test_juspay_needs_a_merchant_and_a_key_inline(make_dialog):
    dialog = make_dialog()

    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)

    assert "merchant id" in dialog.field_error("merchant_id")
    assert "API key" in dialog.field_error("api_key")
    assert not _button(dialog, "save").isEnabled()

    _edit(dialog, "merchant_id").setText(MERCHANT)
    _replace_key(dialog, KEY)
    assert dialog.field_error("merchant_id") == ""
    assert dialog.field_error("api_key") == ""
    assert _button(dialog, "save").isEnabled()

    _edit(dialog, "terminal_id").setText("T-1")
    assert "letters or digits" in dialog.field_error("terminal_id")
    assert not _button(dialog, "save").isEnabled()


def test_a_stored_key_is_shown_masked_never_as_its_value(make_dialog, tmp_path):
    store.write_settings(
        store.StoredSettings(mode="juspay-sandbox", merchant_id=MERCHANT), tmp_path
    )
    store.SecretStore().set_api_key(MERCHANT, KEY)

    dialog = make_dialog()

    state = dialog.findChild(QLabel, "api_keyState")
    assert state.text().startswith(MASK) and "keyring" in state.text()
    assert KEY not in _screen_text(dialog)
    assert not _edit(dialog, "api_keyEdit").isVisible()
    assert dialog.candidate().api_key == KEY  # in memory, for the test button
    assert dialog.problems() == []


def test_a_key_from_the_environment_cannot_be_replaced_here(make_dialog):
    dialog = make_dialog(
        env={
            "POS_GATEWAY_MODE": "juspay-sandbox",
            "POS_MERCHANT_ID": MERCHANT,
            "POS_API_KEY": KEY,
        }
    )

    assert "POS_API_KEY" in dialog.findChild(QLabel, "api_keyState").text()
    assert not _button(dialog, "api_keyReplace").isEnabled()
    assert not _edit(dialog, "merchant_id").isEnabled()
    assert "POS_MERCHANT_ID" in dialog.findChild(QLabel, "merchant_idNote").text()
    assert KEY not in _screen_text(dialog)


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_dialog_says_to_use_the_environment(
    make_dialog, tmp_path
):
    dialog = make_dialog()
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    _edit(dialog, "merchant_id").setText(MERCHANT)

    assert "No OS keyring" in dialog.findChild(QLabel, "keyringState").text()
    assert not _button(dialog, "api_keyReplace").isEnabled()
    assert "POS_API_KEY" in dialog.field_error("api_key")
    _shot(dialog, "settings-no-keyring.png", tmp_path)


# -- saving ------------------------------------------------------------------------


def test_save_puts_the_key_in_the_keyring_and_the_rest_in_the_file(
    make_dialog, qtbot, tmp_path, memory_keyring
):
    dialog = make_dialog()
    _choose_juspay(dialog, GatewayMode.JUSPAY_PRODUCTION)
    _edit(dialog, "merchant_id").setText(MERCHANT)
    _edit(dialog, "terminal_id").setText("K7")
    _replace_key(dialog, KEY)

    with qtbot.waitSignal(dialog.settings_saved) as saved:
        assert dialog.save()

    assert saved.args[0].api_key == KEY
    assert memory_keyring.values == {("pos_app", MERCHANT): KEY}
    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert KEY not in text
    config = AppConfig.load(env={}, data_dir=tmp_path)
    assert config.mode is GatewayMode.JUSPAY_PRODUCTION
    assert (config.merchant_id, config.terminal_id, config.api_key) == (
        MERCHANT,
        "K7",
        KEY,
    )


def test_save_keeps_environment_values_out_of_the_file(make_dialog, tmp_path):
    dialog = make_dialog(env={"POS_TERMINAL_ID": "ENV1"})
    _edit(dialog, "return_url").setText("https://shop.example/back")

    assert dialog.save()

    stored = store.read_settings(tmp_path)
    assert stored.terminal_id == "T01"  # the file's, not the environment's
    assert stored.return_url == "https://shop.example/back"


def test_a_locked_keyring_keeps_the_dialog_open_with_the_reason(
    make_dialog, locked_keyring, tmp_path
):
    dialog = make_dialog(secrets=store.SecretStore(locked_keyring))
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    _edit(dialog, "merchant_id").setText(MERCHANT)
    _replace_key(dialog, KEY)

    assert not dialog.save()

    assert "Unlock the keyring" in dialog.field_error("api_key")
    assert not (tmp_path / "settings.toml").exists()
    assert dialog.isVisible()


# -- test connection -------------------------------------------------------------------


def test_test_connection_runs_off_the_gui_thread_and_reports(
    make_dialog, qtbot, tmp_path
):
    transport = httpx.MockTransport(_juspay_ok)
    dialog = make_dialog(
        checker=functools.partial(check_connection, transport=transport)
    )
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    _edit(dialog, "merchant_id").setText(MERCHANT)
    _replace_key(dialog, KEY)

    with qtbot.waitSignal(dialog.connection_tested, timeout=5000) as tested:
        _button(dialog, "testConnection").click()
        assert not _button(dialog, "testConnection").isEnabled()

    assert tested.args[0].result is CheckResult.OK
    assert "Connected to Juspay sandbox as merchant acme_stores" in dialog.result_text()
    assert _button(dialog, "testConnection").isEnabled()
    assert KEY not in _screen_text(dialog)
    _shot(dialog, "settings-juspay-ok.png", tmp_path)


def test_test_connection_reports_an_auth_failure(make_dialog, qtbot, sandbox, tmp_path):
    dialog = make_dialog()
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    _edit(dialog, "gateway_url").setText(sandbox.base_url)  # loopback, not Juspay
    _edit(dialog, "merchant_id").setText(sandbox.merchant_id)
    _replace_key(dialog, "not_the_key")

    with qtbot.waitSignal(dialog.connection_tested, timeout=5000) as tested:
        dialog.test_connection()

    assert tested.args[0].result is CheckResult.AUTH_FAILED
    assert "refused the credentials" in dialog.result_text()
    # An http gateway address is not valid for a Juspay mode: Save stays off.
    assert "https only" in dialog.field_error("gateway_url")
    _shot(dialog, "settings-auth-failed.png", tmp_path)


# -- languages -------------------------------------------------------------------------


def _devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


@pytest.fixture
def hindi_ready(qapp):
    from pos_app.ui import i18n

    i18n.register_fonts()  # as the app does: the shipped Devanagari font


def _too_narrow(dialog: SettingsDialog) -> list[str]:
    found = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, (QLabel, QPushButton)):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue
        if w.width() < w.sizeHint().width():
            found.append(f"{w.objectName()} {w.text()!r}")
    return found


def _unnamed(dialog: SettingsDialog) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    found = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        if not _devanagari(w.accessibleName()):
            found.append(f"{type(w).__name__} {w.objectName()}: {w.accessibleName()!r}")
    return found


@pytest.mark.usefixtures("hindi_ready")
@pytest.mark.parametrize("state", ["embedded", "juspay", "environment"])
def test_the_dialog_switches_language_live(make_dialog, assert_retranslates, state):
    def build() -> SettingsDialog:
        env = {"POS_TERMINAL_ID": "ENV1"} if state == "environment" else {}
        dialog = make_dialog(env=env)
        if state == "juspay":
            _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
            _button(dialog, "api_keyReplace").click()
        return dialog

    assert_retranslates(build)


@pytest.mark.usefixtures("hindi_ready")
def test_the_language_field_names_each_language_in_itself(make_dialog, speak):
    from pos_app.domain.text import LANGUAGES

    speak("hi")
    dialog = make_dialog()
    box = dialog.findChild(type(dialog._mode), "language")

    assert [box.itemText(i) for i in range(box.count())] == list(LANGUAGES.values())
    assert [box.itemData(i) for i in range(box.count())] == list(LANGUAGES)
    assert box.currentData() == "en"  # the file's (default) language
    assert _devanagari(dialog.findChild(QLabel, "languageLabel").text())
    assert "pos_app" in dialog.findChild(QLabel, "languageNote").text()


@pytest.mark.usefixtures("hindi_ready")
def test_saving_a_language_stores_it_and_switches_the_screens_at_once(
    make_dialog, qtbot, tmp_path, speak
):
    from pos_app.ui import i18n

    speak("en")
    other = QLabel()  # any open screen: it hears the switch
    qtbot.addWidget(other)
    changes: list[bool] = []
    other.changeEvent = lambda event: changes.append(  # type: ignore[method-assign]
        event.type() == event.Type.LanguageChange
    )
    dialog = make_dialog()
    box = dialog.findChild(type(dialog._mode), "language")
    box.setCurrentIndex(box.findData("hi"))

    with qtbot.waitSignal(dialog.settings_saved) as saved:
        assert dialog.save()

    assert saved.args[0].language == "hi"
    assert store.read_settings(tmp_path).language == "hi"
    assert 'language = "hi"' in (tmp_path / "settings.toml").read_text("utf-8")
    assert i18n.current() == "hi"
    qtbot.waitUntil(lambda: any(changes))
    assert AppConfig.load(env={}, data_dir=tmp_path).language == "hi"

    again = make_dialog()  # reopened: the stored language is chosen
    assert again.findChild(type(again._mode), "language").currentData() == "hi"
    assert _devanagari(again.findChild(QPushButton, "save").text())


@pytest.mark.usefixtures("hindi_ready")
def test_a_language_from_the_environment_is_locked_and_not_applied(
    make_dialog, tmp_path, speak
):
    from pos_app.ui import i18n

    speak("en")
    dialog = make_dialog(env={"POS_LANGUAGE": "hi"})
    box = dialog.findChild(type(dialog._mode), "language")

    assert box.currentData() == "hi" and not box.isEnabled()
    assert "POS_LANGUAGE" in dialog.findChild(QLabel, "languageNote").text()
    assert dialog.save()
    assert store.read_settings(tmp_path).language == "en"  # the file's, kept
    assert i18n.current() == "en"  # the environment's choice is the app's to apply


@pytest.mark.usefixtures("hindi_ready")
def test_problems_and_the_connection_result_are_rendered(make_dialog, qtbot, speak):
    from pos_app.connection_check import ConnectionReport
    from pos_app.domain.text import translate
    from pos_app.ui import i18n

    message = translate("SettingsDialog", "Testing the connection…")

    def checker(_config):
        return ConnectionReport(CheckResult.OK, message, "detail for support")

    speak("hi")
    dialog = make_dialog(checker=checker)
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    problem = next(p for p in dialog.problems() if p.field == "merchant_id")
    assert dialog.field_error("merchant_id") == i18n.render(problem.message)

    with qtbot.waitSignal(dialog.connection_tested, timeout=5000):
        dialog.test_connection()
    assert _devanagari(dialog.result_text())
    speak("en")
    qtbot.waitUntil(lambda: dialog.result_text() == "Testing the connection…")


@pytest.mark.usefixtures("hindi_ready")
@pytest.mark.parametrize("language", ["en", "hi"])
def test_the_dialog_fits_and_names_its_fields(
    make_dialog, qtbot, tmp_path, speak, language
):
    speak(language)
    dialog = make_dialog(env={"POS_TERMINAL_ID": "ENV1"})
    _choose_juspay(dialog, GatewayMode.JUSPAY_SANDBOX)
    _button(dialog, "api_keyReplace").click()
    QApplication.processEvents()
    qtbot.wait(30)
    _shot(dialog, f"settings-juspay-{language}.png", tmp_path)

    assert dialog.width() <= 1280 and dialog.height() <= 800
    assert _too_narrow(dialog) == []
    if language == "hi":
        assert _unnamed(dialog) == []
