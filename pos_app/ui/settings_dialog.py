"""The manager's gateway settings: mode, merchant, keys, return URL, terminal, route.

Open it with :func:`open_settings`, which asks the caller's ``require_manager`` gate
first (the PIN dialog lives elsewhere). Saving writes ``settings.toml`` in the data
directory and puts a new API key or response key in the OS keyring; the keys are never
shown: a stored key reads "•••• set" and can only be replaced. A field the
environment overrides is shown greyed out with the variable's name. The settings take
effect the next time pos_app starts.

"Test connection" runs :func:`pos_app.connection_check.check_connection` on a worker
(:class:`~pos_app.ui.tasks.TaskRunner`) with the values on screen, saved or not.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app import config as config_mod
from pos_app import settings_store as store
from pos_app.ui import theme
from pos_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pos_app.connection_check import ConnectionReport

__all__ = ["SettingsDialog", "open_settings"]

log = logging.getLogger(__name__)

Checker = Callable[[config_mod.AppConfig], "ConnectionReport"]

MASK = "•••• set"
_MODES = (
    (config_mod.GatewayMode.EMBEDDED, "Embedded sandbox (no network, test money)"),
    (config_mod.GatewayMode.JUSPAY_SANDBOX, "Juspay sandbox (sandbox.juspay.in)"),
    (config_mod.GatewayMode.JUSPAY_PRODUCTION, "Juspay production (api.juspay.in)"),
)
_ROUTE_LABELS = {
    "AMAZONPAY": "Amazon Pay direct (balance debit, Link and Pay)",
    "PAYU": "Redirect through PayU (OTP page)",
    "RAZORPAY": "Redirect through Razorpay (OTP page)",
    "GOCASHFREE": "Redirect through Cashfree (OTP page)",
    "BILLDESK": "Redirect through BillDesk (OTP page)",
}
_TEXT_FIELDS = ("gateway_url", "merchant_id", "return_url", "terminal_id")


def _default_checker(config: config_mod.AppConfig) -> ConnectionReport:
    from pos_app.connection_check import check_connection

    return check_connection(config)


class _SecretRow(QWidget):
    """A key's state ("•••• set", where from) and a Replace button; never the value."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}Row")
        self.state = theme.label("not set", "muted")
        self.state.setObjectName(f"{name}State")
        self.replace = QPushButton("Replace…")
        self.replace.setObjectName(f"{name}Replace")
        self.replace.setAccessibleName(f"Replace the {label}")
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(f"Paste the new {label}")
        self.edit.setAccessibleName(f"New {label}")
        self.edit.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.state, 1)
        top.addWidget(self.replace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.edit)

    def show_state(self, present: bool, source: str) -> None:
        self.state.setText(f"{MASK} ({source})" if present else "not set")

    def open_replace(self) -> None:
        self.edit.show()
        self.edit.setFocus()
        self.replace.setEnabled(False)
        self.state.setText("New key, kept in the OS keyring on Save")

    def pending(self) -> str | None:
        """The newly typed value, if the Replace box is open and not empty."""
        value = self.edit.text().strip()
        return value if self.edit.isVisible() and value else None


class SettingsDialog(QDialog):
    """The gateway settings form. Use :func:`open_settings` to open it behind the gate.

    Signals:
        settings_saved(AppConfig): the configuration just saved (keys included in
            memory only); it applies from the next start.
        connection_tested(ConnectionReport): a "Test connection" finished.

    ``env`` and ``data_dir`` default to the process environment and its data folder;
    ``secrets`` to the OS keyring; ``checker`` to the real connection test (tests hand
    in one with an ``httpx.MockTransport`` or a loopback sandbox).
    """

    settings_saved = Signal(object)
    connection_tested = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        env: Mapping[str, str] | None = None,
        data_dir: Path | None = None,
        secrets: store.SecretStore | None = None,
        checker: Checker | None = None,
    ) -> None:
        super().__init__(parent)
        self._env = dict(os.environ if env is None else env)
        if data_dir is None:
            override = self._env.get("POS_DATA_DIR", "").strip()
            if override:
                data_dir = Path(override).expanduser()
            else:
                from pos_app.store.db import default_data_dir

                data_dir = default_data_dir()
        self._data_dir = data_dir
        self._secrets = secrets if secrets is not None else store.SecretStore()
        self._checker = checker if checker is not None else _default_checker
        self._runner: TaskRunner | None = None
        self._overrides = store.env_overrides(self._env)
        self._load_problem: str | None = None
        try:
            self._stored = store.read_settings(data_dir)
        except config_mod.ConfigError as exc:
            self._stored = store.StoredSettings()
            self._load_problem = str(exc)
        self._keyring_ok = self._secrets.available()
        self._stored_api_key: str | None = None
        self._stored_response_key: str | None = None
        self._keyring_problem: str | None = None
        self._keys_for = ""

        self.setObjectName("settingsDialog")
        self.setWindowTitle("pos_app — Gateway settings")
        self.setMinimumWidth(640)
        self._setup_ui()
        self._fill()
        self._read_keys()
        self._revalidate()

    def __repr__(self) -> str:
        return f"<SettingsDialog {self._data_dir} mode={self.mode().value}>"

    # -- building ---------------------------------------------------------------

    def _setup_ui(self) -> None:
        self._errors: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}

        title = theme.label("Gateway settings", "heading")
        intro = theme.label(
            "How this terminal reaches Juspay. Changes apply the next time pos_app "
            "starts. Keys are kept in the OS keyring, never in the settings file.",
            "muted",
            wrap=True,
        )
        self._banner = theme.label("", "warning", wrap=True)
        self._banner.setObjectName("settingsBanner")
        self._banner.hide()

        self._mode = QComboBox()
        self._mode.setObjectName("mode")
        for mode, text in _MODES:
            self._mode.addItem(text, mode.value)
        self._gateway_url = QLineEdit()
        self._gateway_url.setObjectName("gateway_url")
        self._gateway_url.setPlaceholderText("Leave empty to use the mode's host")
        self._merchant_id = QLineEdit()
        self._merchant_id.setObjectName("merchant_id")
        self._merchant_id.setPlaceholderText("From the Juspay dashboard")
        self._api_key = _SecretRow("api_key", "API key")
        self._response_key = _SecretRow("response_key", "response key")
        self._return_url = QLineEdit()
        self._return_url.setObjectName("return_url")
        self._terminal_id = QLineEdit()
        self._terminal_id.setObjectName("terminal_id")
        self._terminal_id.setMaxLength(6)
        self._route = QComboBox()
        self._route.setObjectName("amazon_pay_route")
        for route in config_mod.ROUTES:
            self._route.addItem(_ROUTE_LABELS[route], route)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, QWidget]] = [
            ("mode", "Gateway", self._mode),
            ("gateway_url", "Gateway address", self._gateway_url),
            ("merchant_id", "Merchant id", self._merchant_id),
            ("api_key", "API key", self._api_key),
            ("response_key", "Response key", self._response_key),
            ("return_url", "Return URL", self._return_url),
            ("terminal_id", "Terminal id", self._terminal_id),
            ("amazon_pay_route", "Amazon Pay route", self._route),
        ]
        for name, text, widget in rows:
            note = theme.label("", "muted", wrap=True)
            note.setObjectName(f"{name}Note")
            note.hide()
            error = theme.label("", "error", wrap=True)
            error.setObjectName(f"{name}Error")
            error.hide()
            self._notes[name], self._errors[name] = note, error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(widget)
            cell_layout.addWidget(note)
            cell_layout.addWidget(error)
            form.addRow(text, cell)

        self._keyring_state = theme.label("", "muted", wrap=True)
        self._keyring_state.setObjectName("keyringState")
        self._result = theme.label("", "status", wrap=True)
        self._result.setObjectName("testResult")
        self._result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self._test = QPushButton("Test connection")
        self._test.setObjectName("testConnection")
        self._save = QPushButton("Save")
        self._save.setObjectName("save")
        self._save.setProperty("role", "primary")
        self._cancel = QPushButton("Cancel")
        self._cancel.setObjectName("cancel")
        buttons = QHBoxLayout()
        buttons.addWidget(self._test)
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._save)

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._banner)
        layout.addLayout(form)
        layout.addWidget(self._keyring_state)
        layout.addWidget(self._result)
        layout.addLayout(buttons)

        self._mode.currentIndexChanged.connect(self.on_field_changed)
        self._route.currentIndexChanged.connect(self.on_field_changed)
        for edit in (self._gateway_url, self._return_url, self._terminal_id):
            edit.textChanged.connect(self.on_field_changed)
        self._merchant_id.textChanged.connect(self.on_field_changed)
        self._api_key.replace.clicked.connect(self.on_api_key_replace_clicked)
        self._api_key.edit.textChanged.connect(self.on_field_changed)
        self._response_key.replace.clicked.connect(self.on_response_key_replace_clicked)
        self._response_key.edit.textChanged.connect(self.on_field_changed)
        self._test.clicked.connect(self.on_test_clicked)
        self._save.clicked.connect(self.on_save_clicked)
        self._cancel.clicked.connect(self.reject)

    def _fill(self) -> None:
        """Show the file's values, with the environment's on top (and locked)."""
        effective = dataclasses.asdict(self._stored)
        for name, variable in self._overrides.items():
            effective[name] = self._env[variable]
        self._mode.setCurrentIndex(max(0, self._mode.findData(effective["mode"])))
        route = str(effective["amazon_pay_route"]).upper()
        self._route.setCurrentIndex(max(0, self._route.findData(route)))
        for name in _TEXT_FIELDS:
            self._edit(name).setText(str(effective[name]))

        widgets: dict[str, QWidget] = {
            "mode": self._mode,
            "amazon_pay_route": self._route,
            **{name: self._edit(name) for name in _TEXT_FIELDS},
        }
        for name, variable in self._overrides.items():
            widgets[name].setEnabled(False)
            self._note(name, f"Set by {variable} in the environment; change it there.")
        if self._load_problem:
            self._banner.setText(self._load_problem)
            self._banner.show()

    def _edit(self, name: str) -> QLineEdit:
        edit = getattr(self, f"_{name}")
        assert isinstance(edit, QLineEdit)
        return edit

    def _note(self, name: str, text: str) -> None:
        self._notes[name].setText(text)
        self._notes[name].setVisible(bool(text))

    # -- keys -------------------------------------------------------------------

    def _read_keys(self) -> None:
        """Look the merchant's keys up (environment first, then the keyring)."""
        merchant = self._merchant_id.text().strip()
        self._keys_for = merchant
        self._stored_api_key = self._stored_response_key = None
        self._keyring_problem = None
        if self._keyring_ok and merchant:
            try:
                self._stored_api_key = self._secrets.get_api_key(merchant)
                self._stored_response_key = self._secrets.get_response_key(merchant)
            except store.SecretStoreError as exc:
                self._keyring_problem = str(exc)

        for row, variable, stored in (
            (self._api_key, "POS_API_KEY", self._stored_api_key),
            (self._response_key, "POS_RESPONSE_KEY", self._stored_response_key),
        ):
            name = "api_key" if row is self._api_key else "response_key"
            if self._env.get(variable):
                row.show_state(True, f"from {variable} in the environment")
                row.replace.setEnabled(False)
                self._note(name, f"Set by {variable}; change it there.")
            elif not row.edit.isVisible():  # a key being replaced keeps its note
                row.show_state(stored is not None, "in the OS keyring")
                row.replace.setEnabled(self._keyring_ok)

        if self._keyring_problem:
            text = self._keyring_problem
        elif self._keyring_ok:
            text = f"Keys are stored in: {self._secrets.backend_name()}."
        else:
            text = (
                "No OS keyring is available on this machine: keys cannot be saved "
                "here. Set POS_API_KEY (and POS_RESPONSE_KEY) in the environment "
                "that starts pos_app instead."
            )
        self._keyring_state.setText(text)

    def _api_key_value(self) -> str | None:
        return (
            self._env.get("POS_API_KEY")
            or self._api_key.pending()
            or self._stored_api_key
        )

    def _response_key_value(self) -> str | None:
        return (
            self._env.get("POS_RESPONSE_KEY")
            or self._response_key.pending()
            or self._stored_response_key
        )

    # -- the configuration on screen ----------------------------------------------

    def mode(self) -> config_mod.GatewayMode:
        return config_mod.GatewayMode(self._mode.currentData())

    def candidate(self) -> config_mod.AppConfig:
        """Return the configuration the form describes (keys included, unvalidated)."""
        env = dict(self._env)
        env.update(
            {
                "POS_GATEWAY_MODE": str(self._mode.currentData()),
                "POS_GATEWAY_URL": self._gateway_url.text().strip(),
                "POS_MERCHANT_ID": self._merchant_id.text().strip(),
                "POS_RETURN_URL": self._return_url.text().strip(),
                "POS_TERMINAL_ID": self._terminal_id.text().strip(),
                "POS_AMAZON_PAY_ROUTE": str(self._route.currentData()),
                "POS_API_KEY": self._api_key_value() or "",
                "POS_RESPONSE_KEY": self._response_key_value() or "",
            }
        )
        return config_mod.AppConfig.from_env_unchecked(env)

    def problems(self) -> list[config_mod.Problem]:
        config = self.candidate()
        found = config.problems()
        if config.uses_embedded_sandbox:
            return found
        if not self._keyring_ok and not config.api_key:
            found = [p for p in found if p.field != "api_key"]
            found.append(
                config_mod.Problem(
                    "api_key",
                    "No OS keyring here to keep the API key: set POS_API_KEY in the "
                    "environment that starts pos_app.",
                )
            )
        return found

    def field_error(self, name: str) -> str:
        """The inline error shown under a field ("" when none; for tests)."""
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def _revalidate(self) -> list[config_mod.Problem]:
        if self._merchant_id.text().strip() != self._keys_for:
            self._read_keys()  # the keys in the keyring belong to a merchant id
        found = self.problems()
        by_field: dict[str, list[str]] = {}
        for problem in found:
            by_field.setdefault(problem.field, []).append(problem.message)
        for name, label in self._errors.items():
            messages = by_field.get(name, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        self._save.setEnabled(not found)
        self._fit()
        juspay = self.mode() is not config_mod.GatewayMode.EMBEDDED
        self._gateway_url.setPlaceholderText(
            "Leave empty to use the mode's host"
            if juspay
            else "Leave empty to start the built-in sandbox"
        )
        return found

    # -- actions ----------------------------------------------------------------

    def save(self) -> bool:
        """Store the keys typed, write the file and emit ``settings_saved``."""
        found = self._revalidate()
        if found:
            return False
        config = self.candidate()
        merchant = config.merchant_id or ""
        try:
            api_key = self._api_key.pending()
            if api_key is not None:
                self._secrets.set_api_key(merchant, api_key)
            response_key = self._response_key.pending()
            if response_key is not None:
                self._secrets.set_response_key(merchant, response_key)
        except store.SecretStoreError as exc:
            name = "api_key" if api_key is not None else "response_key"
            self._errors[name].setText(str(exc))
            self._errors[name].show()
            return False

        stored = self._stored_values(config, response_key is not None)
        try:
            store.write_settings(stored, self._data_dir)
        except OSError as exc:
            self._say(f"The settings could not be saved: {exc}", "error")
            return False
        self._stored = stored
        log.info("gateway settings saved: %s, merchant %s", config.mode.value, merchant)
        self.settings_saved.emit(config)
        self.accept()
        return True

    def _stored_values(
        self, config: config_mod.AppConfig, new_response_key: bool
    ) -> store.StoredSettings:
        """The file's new contents: the form's values, except environment-set ones."""
        values = {
            "mode": config.mode.value,
            "gateway_url": config.gateway_url or "",
            "merchant_id": config.merchant_id or "",
            "return_url": config.return_url,
            "terminal_id": config.terminal_id,
            "amazon_pay_route": config.amazon_pay_route,
        }
        for name in self._overrides:
            values[name] = getattr(self._stored, name)
        has_response_key = new_response_key or self._stored_response_key is not None
        return store.StoredSettings(
            **values,
            response_key_ref=store.KEYRING_REF if has_response_key else "",
        )

    def test_connection(self) -> None:
        """Start the connection test on a worker; the result arrives by signal."""
        if self._runner is None:
            self._runner = TaskRunner(workers=1)
        config = self.candidate()
        checker = self._checker
        self._test.setEnabled(False)
        self._say("Testing the connection…", "wait")
        self._runner.run(
            lambda: checker(config), self._on_test_done, self._on_test_failed
        )

    def _on_test_done(self, report: ConnectionReport) -> None:
        self._test.setEnabled(True)
        self._say(report.message, "ok" if report.ok else "error")
        self._result.setToolTip(report.detail)
        self.connection_tested.emit(report)

    def _on_test_failed(self, exc: BaseException) -> None:
        from pos_app.connection_check import CheckResult, ConnectionReport

        log.error("connection test failed", exc_info=exc)
        self._test.setEnabled(True)
        report = ConnectionReport(
            CheckResult.GATEWAY_ERROR,
            f"The test itself failed ({type(exc).__name__}); see the support log.",
        )
        self._say(report.message, "error")
        self.connection_tested.emit(report)

    def result_text(self) -> str:
        return self._result.text()

    def _say(self, text: str, tone: str) -> None:
        self._result.setText(text)
        theme.set_style(self._result, tone=tone)
        self._fit()

    def _fit(self) -> None:
        """Grow to fit the inline messages (wrapped labels need height for width).

        Deferred to the event loop, once the shown and hidden labels are laid out.
        """
        QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        # A top-level layout's minimum ignores height-for-width, so the rows would
        # be squeezed together; set the real minimum for the current width.
        self._layout.activate()
        need = self._layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(need)
        self.resize(self.width(), need)

    def done(self, result: int) -> None:
        if self._runner is not None:
            self._runner.shutdown(wait=False)
            self._runner = None
        super().done(result)

    # -- slots --------------------------------------------------------------------

    @Slot()
    def on_field_changed(self) -> None:
        self._revalidate()

    @Slot()
    def on_api_key_replace_clicked(self) -> None:
        self._api_key.open_replace()

    @Slot()
    def on_response_key_replace_clicked(self) -> None:
        self._response_key.open_replace()

    @Slot()
    def on_test_clicked(self) -> None:
        self.test_connection()

    @Slot()
    def on_save_clicked(self) -> None:
        self.save()


def open_settings(
    parent: QWidget | None,
    *,
    require_manager: Callable[[], bool],
    **options: object,
) -> SettingsDialog | None:
    """Ask the manager gate; if it agrees, open the settings dialog (window-modal).

    Returns the dialog (already open; it deletes itself when closed), or None when
    the gate said no. ``options`` go to :class:`SettingsDialog`.
    """
    if not require_manager():
        log.info("gateway settings refused: no manager")
        return None
    dialog = SettingsDialog(parent, **options)  # type: ignore[arg-type]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
