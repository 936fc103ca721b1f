"""The terminal's settings file and the secrets kept in the OS keyring.

``settings.toml`` in the data directory holds what a manager sets in the settings
dialog: gateway mode, gateway address, merchant id, return URL, terminal id and the
Amazon Pay route. It never holds a secret. The API key lives in the OS keyring
(service ``pos_app``, user = the merchant id) or in ``POS_API_KEY``; the response key
too (user ``<merchant id>/response_key``, or ``POS_RESPONSE_KEY``), and the file only
records that one was stored (``response_key_ref = "keyring"``).

``keyring`` is imported on first use, not at start-up. Where no keyring backend exists
(a headless Linux box without a Secret Service) every call raises
:class:`NoKeyringBackendError` with a message that says to use the environment.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.config import DEFAULT_RETURN_URL, ConfigError, GatewayMode
from pos_app.domain.text import translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = [
    "ENV_NAMES",
    "KEYRING_REF",
    "KEYRING_SERVICE",
    "SETTINGS_FILE",
    "NoKeyringBackendError",
    "SecretStore",
    "SecretStoreError",
    "StoredSettings",
    "env_overrides",
    "merged_env",
    "read_settings",
    "settings_path",
    "with_response_key_ref",
    "write_settings",
]

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.toml"
KEYRING_SERVICE = "pos_app"
KEYRING_REF = "keyring"

#: The environment variable that overrides each field of the file.
ENV_NAMES: dict[str, str] = {
    "mode": "POS_GATEWAY_MODE",
    "gateway_url": "POS_GATEWAY_URL",
    "merchant_id": "POS_MERCHANT_ID",
    "return_url": "POS_RETURN_URL",
    "terminal_id": "POS_TERMINAL_ID",
    "amazon_pay_route": "POS_AMAZON_PAY_ROUTE",
    "language": "POS_LANGUAGE",
}


@dataclass(frozen=True, slots=True)
class StoredSettings:
    """What ``settings.toml`` holds; every value is plain text, none is secret."""

    mode: str = GatewayMode.EMBEDDED.value
    gateway_url: str = ""
    merchant_id: str = ""
    return_url: str = DEFAULT_RETURN_URL
    terminal_id: str = "T01"
    amazon_pay_route: str = "AMAZONPAY"
    #: The screens' language on this terminal: "en" or "hi" (kiosk customers can
    #: switch for their own visit).
    language: str = "en"
    #: ``"keyring"`` when the response key was stored in the keyring, else empty.
    response_key_ref: str = ""

    def as_env(self) -> dict[str, str]:
        """Return the non-empty values under their environment variable names."""
        values = asdict(self)
        return {env: values[name] for name, env in ENV_NAMES.items() if values[name]}


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def read_settings(data_dir: Path) -> StoredSettings:
    """Read ``settings.toml``; a missing file means the defaults (the sandbox).

    Raises ConfigError, naming the file, when it cannot be read or parsed.
    """
    path = settings_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return StoredSettings()
    except OSError as exc:
        raise ConfigError(
            translate(
                "Settings", "The settings file {path} cannot be read: {error}"
            ).format(path=str(path), error=str(exc))
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            translate(
                "Settings",
                "The settings file {path} is damaged ({error}). Fix it, or delete it "
                "and enter the settings again.",
            ).format(path=str(path), error=str(exc))
        ) from exc

    table = data.get("gateway", {})
    known = {f.name for f in fields(StoredSettings)}
    if not isinstance(table, dict):
        raise ConfigError(
            translate(
                "Settings", "The settings file {path} has no [gateway] table"
            ).format(path=str(path))
        )
    values: dict[str, str] = {}
    for key, value in table.items():
        if key not in known:
            log.warning("ignoring unknown setting %r in %s", key, path)
            continue
        if not isinstance(value, str):
            raise ConfigError(
                translate(
                    "Settings", "The setting {key} in {path} must be text"
                ).format(key=repr(key), path=str(path))
            )
        values[key] = value.strip()
    if "api_key" in table or "response_key" in table:
        # Never read a secret from the file, even if someone typed one in.
        log.warning("a key in %s is ignored: keys belong in the keyring", path)
    return StoredSettings(**values)


def write_settings(settings: StoredSettings, data_dir: Path) -> Path:
    """Write ``settings.toml`` atomically (a temporary file, then a rename)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = settings_path(data_dir)
    lines = [
        "# pos_app terminal settings, written by the settings dialog.",
        "# Keys are never stored here: they live in the OS keyring or in",
        "# POS_API_KEY / POS_RESPONSE_KEY. Environment variables override this file.",
        "",
        "[gateway]",
    ]
    # A JSON string is a valid TOML basic string (same escapes), so no TOML writer.
    lines += [
        f"{name} = {json.dumps(value)}" for name, value in asdict(settings).items()
    ]
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".toml", dir=data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    log.info("settings saved to %s", path)
    return path


def env_overrides(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return ``{field: variable}`` for the file fields the environment overrides."""
    values = os.environ if env is None else env
    return {name: var for name, var in ENV_NAMES.items() if values.get(var)}


def merged_env(
    stored: StoredSettings, env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Return the file's values under their variable names, the environment on top."""
    values = os.environ if env is None else env
    merged = stored.as_env()
    merged.update({k: v for k, v in values.items() if k.startswith("POS_") and v})
    return merged


# -- secrets -------------------------------------------------------------------


class SecretStoreError(ConfigError):
    """The keyring refused or failed; the message says what to do instead."""


class NoKeyringBackendError(SecretStoreError):
    """No keyring backend exists on this machine."""


_NO_KEYRING = translate(
    "Settings",
    "No OS keyring is available on this machine, so the key cannot be stored here. "
    "Set it in the environment instead ({variable}).",
)


class SecretStore:
    """The API key and response key in the OS keyring (via ``keyring``).

    ``backend`` is for tests; by default ``keyring.get_keyring()`` is asked at each
    call, so a backend set with ``keyring.set_keyring`` is used. Values are never
    logged; errors never contain them.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def __repr__(self) -> str:
        return f"<SecretStore {self.backend_name()}>"

    def _keyring(self) -> KeyringBackend:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def available(self) -> bool:
        """Whether a real backend can store secrets (not the fail or null one)."""
        try:
            backend = self._keyring()
        except Exception:  # a broken keyring configuration: treat as none
            log.warning("the keyring could not be loaded", exc_info=True)
            return False
        return _is_usable(backend)

    def backend_name(self) -> str:
        try:
            backend = self._keyring()
        except Exception:
            return "none"
        return str(getattr(type(backend), "name", type(backend).__name__))

    @staticmethod
    def api_key_user(merchant_id: str) -> str:
        return merchant_id

    @staticmethod
    def response_key_user(merchant_id: str) -> str:
        return f"{merchant_id}/response_key"

    def get_api_key(self, merchant_id: str) -> str | None:
        return self._get(self.api_key_user(merchant_id), "POS_API_KEY")

    def set_api_key(self, merchant_id: str, api_key: str) -> None:
        self._set(self.api_key_user(merchant_id), api_key, "POS_API_KEY")

    def delete_api_key(self, merchant_id: str) -> None:
        self._delete(self.api_key_user(merchant_id), "POS_API_KEY")

    def get_response_key(self, merchant_id: str) -> str | None:
        return self._get(self.response_key_user(merchant_id), "POS_RESPONSE_KEY")

    def set_response_key(self, merchant_id: str, response_key: str) -> None:
        self._set(self.response_key_user(merchant_id), response_key, "POS_RESPONSE_KEY")

    def delete_response_key(self, merchant_id: str) -> None:
        self._delete(self.response_key_user(merchant_id), "POS_RESPONSE_KEY")

    def _usable_backend(self, variable: str) -> KeyringBackend:
        if not self.available():
            raise NoKeyringBackendError(_NO_KEYRING.format(variable=variable))
        return self._keyring()

    def _get(self, user: str, variable: str) -> str | None:
        if not user:
            return None
        backend = self._usable_backend(variable)
        try:
            value = backend.get_password(KEYRING_SERVICE, user)
        except Exception as exc:
            raise _failure("read", variable, exc) from exc
        return value or None

    def _set(self, user: str, value: str, variable: str) -> None:
        if not user:
            raise SecretStoreError(
                translate("Settings", "Enter the merchant id before storing a key")
            )
        if not value.strip():
            raise SecretStoreError(translate("Settings", "The key is empty"))
        backend = self._usable_backend(variable)
        try:
            backend.set_password(KEYRING_SERVICE, user, value.strip())
        except Exception as exc:
            raise _failure("store", variable, exc) from exc
        log.info("a key was stored in the keyring (%s)", self.backend_name())

    def _delete(self, user: str, variable: str) -> None:
        backend = self._usable_backend(variable)
        try:
            backend.delete_password(KEYRING_SERVICE, user)
        except Exception as exc:
            from keyring.errors import PasswordDeleteError

            if isinstance(exc, PasswordDeleteError):
                return  # nothing was stored: nothing to delete
            raise _failure("delete", variable, exc) from exc


def _failure(action: str, variable: str, exc: Exception) -> SecretStoreError:
    # The exception text comes from the backend, never from the value.
    said = {
        "read": translate(
            "Settings",
            "The OS keyring could not read the key ({error}). Unlock the keyring, "
            "or set {variable} in the environment instead.",
        ),
        "store": translate(
            "Settings",
            "The OS keyring could not store the key ({error}). Unlock the keyring, "
            "or set {variable} in the environment instead.",
        ),
        "delete": translate(
            "Settings",
            "The OS keyring could not delete the key ({error}). Unlock the keyring, "
            "or set {variable} in the environment instead.",
        ),
    }[action]
    return SecretStoreError(
        said.format(error=f"{type(exc).__name__}: {exc}", variable=variable)
    )


def _is_usable(backend: object) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_usable(b) for b in backend.backends)
    return True


def with_response_key_ref(settings: StoredSettings, stored: bool) -> StoredSettings:
    return replace(settings, response_key_ref=KEYRING_REF if stored else "")
