"""The manager's gateway settings: mode, merchant, keys, return URL, terminal, route.

Open it with :func:`open_settings`, which asks the caller's ``require_manager`` gate
first (the PIN dialog lives elsewhere). Saving writes ``settings.toml`` in the data
directory and puts a new API key or response key in the OS keyring; the keys are never
shown: a stored key reads "•••• set" and can only be replaced. A field the
environment overrides is shown greyed out with the variable's name. The gateway
settings take effect the next time pos_app starts; the language applies at once
(:func:`pos_app.ui.i18n.install`), so the counter switches without a restart.

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

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app import config as config_mod
from pos_app import settings_store as store
from pos_app.domain.text import LANGUAGES, translate
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pos_app.connection_check import ConnectionReport

__all__ = ["SettingsDialog", "open_settings"]

log = logging.getLogger(__name__)

Checker = Callable[[config_mod.AppConfig], "ConnectionReport"]

_CONTEXT = "SettingsDialog"
#: How a stored key reads (English; shown through "SettingsDialog").
MASK = QT_TRANSLATE_NOOP("SettingsDialog", "•••• set")
_MODES = (
    (
        config_mod.GatewayMode.EMBEDDED,
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Embedded sandbox (no network, test money)"
        ),
    ),
    (
        config_mod.GatewayMode.JUSPAY_SANDBOX,
        QT_TRANSLATE_NOOP("SettingsDialog", "Juspay sandbox (sandbox.juspay.in)"),
    ),
    (
        config_mod.GatewayMode.JUSPAY_PRODUCTION,
        QT_TRANSLATE_NOOP("SettingsDialog", "Juspay production (api.juspay.in)"),
    ),
)
_ROUTE_LABELS = {
    "AMAZONPAY": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Amazon Pay direct (balance debit, Link and Pay)"
    ),
    "PAYU": QT_TRANSLATE_NOOP("SettingsDialog", "Redirect through PayU (OTP page)"),
    "RAZORPAY": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Redirect through Razorpay (OTP page)"
    ),
    "GOCASHFREE": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Redirect through Cashfree (OTP page)"
    ),
    "BILLDESK": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Redirect through BillDesk (OTP page)"
    ),
}
#: (field, English label) in the order of the form.
_ROWS = (
    ("mode", QT_TRANSLATE_NOOP("SettingsDialog", "Gateway")),
    ("gateway_url", QT_TRANSLATE_NOOP("SettingsDialog", "Gateway address")),
    ("merchant_id", QT_TRANSLATE_NOOP("SettingsDialog", "Merchant id")),
    ("api_key", QT_TRANSLATE_NOOP("SettingsDialog", "API key")),
    ("response_key", QT_TRANSLATE_NOOP("SettingsDialog", "Response key")),
    ("return_url", QT_TRANSLATE_NOOP("SettingsDialog", "Return URL")),
    ("terminal_id", QT_TRANSLATE_NOOP("SettingsDialog", "Terminal id")),
    ("amazon_pay_route", QT_TRANSLATE_NOOP("SettingsDialog", "Amazon Pay route")),
    ("language", QT_TRANSLATE_NOOP("SettingsDialog", "Language")),
)
_TEXT_FIELDS = ("gateway_url", "merchant_id", "return_url", "terminal_id")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _default_checker(config: config_mod.AppConfig) -> ConnectionReport:
    from pos_app.connection_check import check_connection

    return check_connection(config)


class _SecretRow(Retranslating, QWidget):
    """A key's state ("•••• set", where from) and a Replace button; never the value.

    ``kind`` is "api_key" or "response_key"; the texts are whole sentences per kind.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self._kind = name
        self._present = False
        self._source = ""  # English, marked; shown through "SettingsDialog"
        self._source_fields: dict[str, str] = {}
        self.setObjectName(f"{name}Row")
        self.state = theme.label("", "muted")
        self.state.setObjectName(f"{name}State")
        self.replace = QPushButton()
        self.replace.setObjectName(f"{name}Replace")
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.state, 1)
        top.addWidget(self.replace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.replace.setText(QCoreApplication.translate("SettingsDialog", "Replace…"))
        if self._kind == "api_key":
            self.replace.setAccessibleName(
                QCoreApplication.translate("SettingsDialog", "Replace the API key")
            )
            self.edit.setPlaceholderText(
                QCoreApplication.translate("SettingsDialog", "Paste the new API key")
            )
            self.edit.setAccessibleName(
                QCoreApplication.translate("SettingsDialog", "New API key")
            )
        else:
            self.replace.setAccessibleName(
                QCoreApplication.translate("SettingsDialog", "Replace the response key")
            )
            self.edit.setPlaceholderText(
                QCoreApplication.translate(
                    "SettingsDialog", "Paste the new response key"
                )
            )
            self.edit.setAccessibleName(
                QCoreApplication.translate("SettingsDialog", "New response key")
            )
        if self.edit.isVisibleTo(self):
            self.state.setText(
                QCoreApplication.translate(
                    "SettingsDialog", "New key, kept in the OS keyring on Save"
                )
            )
        elif self._present:
            where = _tr(self._source).format(**self._source_fields)
            self.state.setText(f"{_tr(MASK)} ({where})")
        else:
            self.state.setText(QCoreApplication.translate("SettingsDialog", "not set"))

    def show_state(self, present: bool, source: str, **fields: str) -> None:
        """Say whether a key is there; ``source`` is marked English ("in the ...")."""
        self._present, self._source, self._source_fields = present, source, fields
        self.retranslate()

    def open_replace(self) -> None:
        self.edit.show()
        self.edit.setFocus()
        self.replace.setEnabled(False)
        self.retranslate()

    def pending(self) -> str | None:
        """The newly typed value, if the Replace box is open and not empty."""
        value = self.edit.text().strip()
        return value if self.edit.isVisible() and value else None


class SettingsDialog(Retranslating, QDialog):
    """The gateway settings form. Use :func:`open_settings` to open it behind the gate.

    Signals:
        settings_saved(AppConfig): the configuration just saved (keys included in
            memory only); it applies from the next start, except the language,
            which is installed at once.
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
        self._load_problem: config_mod.ConfigError | None = None
        try:
            self._stored = store.read_settings(data_dir)
        except config_mod.ConfigError as exc:
            self._stored = store.StoredSettings()
            self._load_problem = exc
        self._keyring_ok = self._secrets.available()
        self._stored_api_key: str | None = None
        self._stored_response_key: str | None = None
        self._keyring_problem: store.SecretStoreError | None = None
        self._keys_for = ""
        self._result_text: Callable[[], str] = str
        self._result_detail: object = ""

        self.setObjectName("settingsDialog")
        # Wide enough that the help texts and errors (longer in Hindi) wrap onto few
        # lines: the whole form, all its notes open, stays within 1280x800.
        self.setMinimumWidth(820)
        self._setup_ui()
        self._fill()
        self._read_keys()
        self.retranslate()

    def __repr__(self) -> str:
        return f"<SettingsDialog {self._data_dir} mode={self.mode().value}>"

    # -- building ---------------------------------------------------------------

    def _setup_ui(self) -> None:
        self._errors: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}
        self._note_sources: dict[str, tuple[str, dict[str, str]]] = {}
        self._captions: dict[str, QLabel] = {}

        self._title = theme.label("", "heading")
        self._intro = theme.label("", "muted", wrap=True)
        self._banner = theme.label("", "warning", wrap=True)
        self._banner.setObjectName("settingsBanner")
        self._banner.hide()

        self._mode = QComboBox()
        self._mode.setObjectName("mode")
        for mode, _text in _MODES:
            self._mode.addItem("", mode.value)
        self._gateway_url = QLineEdit()
        self._gateway_url.setObjectName("gateway_url")
        self._merchant_id = QLineEdit()
        self._merchant_id.setObjectName("merchant_id")
        self._api_key = _SecretRow("api_key")
        self._response_key = _SecretRow("response_key")
        self._return_url = QLineEdit()
        self._return_url.setObjectName("return_url")
        self._terminal_id = QLineEdit()
        self._terminal_id.setObjectName("terminal_id")
        self._terminal_id.setMaxLength(6)
        self._route = QComboBox()
        self._route.setObjectName("amazon_pay_route")
        for route in config_mod.ROUTES:
            self._route.addItem("", route)
        self._language = QComboBox()
        self._language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self._language.addItem(name, code)  # each name in its own language

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        self._fields: dict[str, QWidget] = {
            "mode": self._mode,
            "gateway_url": self._gateway_url,
            "merchant_id": self._merchant_id,
            "api_key": self._api_key,
            "response_key": self._response_key,
            "return_url": self._return_url,
            "terminal_id": self._terminal_id,
            "amazon_pay_route": self._route,
            "language": self._language,
        }
        for name, _text in _ROWS:
            widget = self._fields[name]
            note = theme.label("", "muted", wrap=True)
            note.setObjectName(f"{name}Note")
            note.hide()
            error = theme.label("", "error", wrap=True)
            error.setObjectName(f"{name}Error")
            error.hide()
            self._notes[name], self._errors[name] = note, error
            cell = QWidget()
            # The whole row's width, so a note under a short box wraps on few lines.
            cell.setSizePolicy(
                QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
            )
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            if isinstance(widget, QComboBox):  # a choice keeps its natural width
                cell_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                cell_layout.addWidget(widget)
            cell_layout.addWidget(note)
            cell_layout.addWidget(error)
            caption = QLabel()
            caption.setObjectName(f"{name}Label")
            caption.setBuddy(
                widget.replace if isinstance(widget, _SecretRow) else widget
            )
            self._captions[name] = caption
            form.addRow(caption, cell)

        self._keyring_state = theme.label("", "muted", wrap=True)
        self._keyring_state.setObjectName("keyringState")
        self._result = theme.label("", "status", wrap=True)
        self._result.setObjectName("testResult")
        self._result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self._result.hide()  # until there is a result to show
        self._test = QPushButton()
        self._test.setObjectName("testConnection")
        self._save = QPushButton()
        self._save.setObjectName("save")
        self._save.setProperty("role", "primary")
        self._cancel = QPushButton()
        self._cancel.setObjectName("cancel")
        buttons = QHBoxLayout()
        buttons.addWidget(self._test)
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._save)

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addWidget(self._banner)
        layout.addLayout(form)
        layout.addWidget(self._keyring_state)
        layout.addWidget(self._result)
        layout.addLayout(buttons)

        self._mode.currentIndexChanged.connect(self.on_field_changed)
        self._route.currentIndexChanged.connect(self.on_field_changed)
        self._language.currentIndexChanged.connect(self.on_field_changed)
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

    def retranslate(self) -> None:
        """Set every text in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("pos_app — Gateway settings"))
        self._title.setText(self.tr("Gateway settings"))
        self._intro.setText(
            self.tr(
                "How this terminal reaches Juspay. Changes apply the next time pos_app "
                "starts. Keys are kept in the OS keyring, never in the settings file."
            )
        )
        for index, (_mode, text) in enumerate(_MODES):
            self._mode.setItemText(index, _tr(text))
        for index, route in enumerate(config_mod.ROUTES):
            self._route.setItemText(index, _tr(_ROUTE_LABELS[route]))
        for name, text in _ROWS:
            self._captions[name].setText(_tr(text))
            widget = self._fields[name]
            if not isinstance(widget, _SecretRow):
                widget.setAccessibleName(_tr(text))
        self._merchant_id.setPlaceholderText(self.tr("From the Juspay dashboard"))
        self._test.setText(self.tr("Test connection"))
        self._test.setAccessibleName(self.tr("Test the connection to the gateway"))
        self._save.setText(self.tr("Save"))
        self._save.setAccessibleName(self.tr("Save the settings"))
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setAccessibleName(self.tr("Cancel without saving"))
        for name, (source, fields) in self._note_sources.items():
            self._notes[name].setText(_tr(source).format(**fields))
        if self._load_problem is not None:
            self._banner.setText(i18n.render(self._load_problem))
        self._show_keys()
        self._result.setText(self._result_text())
        self._result.setToolTip(i18n.render(self._result_detail))
        self._result.setAccessibleName(self.tr("Connection test result"))
        self._revalidate()

    def _fill(self) -> None:
        """Show the file's values, with the environment's on top (and locked)."""
        effective = dataclasses.asdict(self._stored)
        for name, variable in self._overrides.items():
            effective[name] = self._env[variable]
        self._mode.setCurrentIndex(max(0, self._mode.findData(effective["mode"])))
        route = str(effective["amazon_pay_route"]).upper()
        self._route.setCurrentIndex(max(0, self._route.findData(route)))
        language = i18n.normalise(str(effective["language"]))
        self._language.setCurrentIndex(max(0, self._language.findData(language)))
        for name in _TEXT_FIELDS:
            self._edit(name).setText(str(effective[name]))

        self._note(
            "language",
            QT_TRANSLATE_NOOP(
                "SettingsDialog",
                "Applies at once on Save: the screens switch now. The other "
                "settings apply the next time pos_app starts.",
            ),
        )
        for name, variable in self._overrides.items():
            self._fields[name].setEnabled(False)
            self._note(
                name,
                QT_TRANSLATE_NOOP(
                    "SettingsDialog",
                    "Set by {variable} in the environment; change it there.",
                ),
                variable=variable,
            )
        if self._load_problem:
            self._banner.show()

    def _edit(self, name: str) -> QLineEdit:
        edit = getattr(self, f"_{name}")
        assert isinstance(edit, QLineEdit)
        return edit

    def _note(self, name: str, source: str, **fields: str) -> None:
        """Show a help text under a field (English ``source``, marked; "" hides)."""
        self._note_sources[name] = (source, fields)
        self._notes[name].setText(_tr(source).format(**fields) if source else "")
        self._notes[name].setVisible(bool(source))

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
                self._keyring_problem = exc

        for row, variable in (
            (self._api_key, "POS_API_KEY"),
            (self._response_key, "POS_RESPONSE_KEY"),
        ):
            name = "api_key" if row is self._api_key else "response_key"
            if self._env.get(variable):
                row.replace.setEnabled(False)
                self._note(
                    name,
                    QT_TRANSLATE_NOOP(
                        "SettingsDialog", "Set by {variable}; change it there."
                    ),
                    variable=variable,
                )
            elif not row.edit.isVisible():  # a key being replaced keeps its note
                row.replace.setEnabled(self._keyring_ok)
        self._show_keys()

    def _show_keys(self) -> None:
        """Say where the keys are, in the current language (nothing is read)."""
        for row, variable, stored in (
            (self._api_key, "POS_API_KEY", self._stored_api_key),
            (self._response_key, "POS_RESPONSE_KEY", self._stored_response_key),
        ):
            if self._env.get(variable):
                row.show_state(
                    True,
                    QT_TRANSLATE_NOOP(
                        "SettingsDialog", "from {variable} in the environment"
                    ),
                    variable=variable,
                )
            elif not row.edit.isVisible():
                row.show_state(
                    stored is not None,
                    QT_TRANSLATE_NOOP("SettingsDialog", "in the OS keyring"),
                )

        if self._keyring_problem:
            text = i18n.render(self._keyring_problem)
        elif self._keyring_ok:
            text = self.tr("Keys are stored in: {backend}.").format(
                backend=self._secrets.backend_name()
            )
        else:
            text = self.tr(
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
                "POS_LANGUAGE": str(self._language.currentData()),
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
                    translate(
                        "SettingsDialog",
                        "No OS keyring here to keep the API key: set POS_API_KEY in "
                        "the environment that starts pos_app.",
                    ),
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
            by_field.setdefault(problem.field, []).append(i18n.render(problem.message))
        for name, label in self._errors.items():
            messages = by_field.get(name, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        self._save.setEnabled(not found)
        self._fit()
        juspay = self.mode() is not config_mod.GatewayMode.EMBEDDED
        self._gateway_url.setPlaceholderText(
            self.tr("Leave empty to use the mode's host")
            if juspay
            else self.tr("Leave empty to start the built-in sandbox")
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
            self._errors[name].setText(i18n.render(exc))
            self._errors[name].show()
            return False

        stored = self._stored_values(config, response_key is not None)
        try:
            store.write_settings(stored, self._data_dir)
        except OSError as exc:
            failure = exc
            self._say(
                lambda: self.tr("The settings could not be saved: {error}").format(
                    error=i18n.render(failure)
                ),
                "error",
            )
            return False
        self._stored = stored
        log.info("gateway settings saved: %s, merchant %s", config.mode.value, merchant)
        self.settings_saved.emit(config)
        if "language" not in self._overrides:
            # The one setting that applies now: every screen gets LanguageChange.
            now = i18n.install(stored.language)
            log.info("language applied from the settings: %s", now)
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
            "language": str(self._language.currentData()),
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
        self._result_detail = ""
        self._result.setToolTip("")
        self._say(lambda: self.tr("Testing the connection…"), "wait")
        self._runner.run(
            lambda: checker(config), self._on_test_done, self._on_test_failed
        )

    def _on_test_done(self, report: ConnectionReport) -> None:
        self._test.setEnabled(True)
        self._result_detail = report.detail
        self._result.setToolTip(i18n.render(report.detail))
        self._say(lambda: i18n.render(report.message), "ok" if report.ok else "error")
        self.connection_tested.emit(report)

    def _on_test_failed(self, exc: BaseException) -> None:
        from pos_app.connection_check import CheckResult, ConnectionReport

        log.error("connection test failed", exc_info=exc)
        self._test.setEnabled(True)
        report = ConnectionReport(
            CheckResult.GATEWAY_ERROR,
            translate(
                "SettingsDialog",
                "The test itself failed ({kind}); see the support log.",
            ).format(kind=type(exc).__name__),
        )
        self._say(lambda: i18n.render(report.message), "error")
        self.connection_tested.emit(report)

    def result_text(self) -> str:
        return self._result.text()

    def _say(self, text: Callable[[], str], tone: str) -> None:
        """Show ``text()`` as the result line; again after a language change."""
        self._result_text = text
        self._result.setText(text())
        self._result.setVisible(bool(self._result.text()))
        theme.set_style(self._result, tone=tone)
        self._fit()

    def _fit(self) -> None:
        """Grow to fit the inline messages (wrapped labels need height for width).

        Deferred to the event loop, once the shown and hidden labels are laid out.
        """
        QTimer.singleShot(0, self, self._fit_now)  # not after the dialog is gone

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
