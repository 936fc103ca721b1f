"""Where the app's settings come from: file, environment and keyring, safe defaults.

The default is the embedded sandbox, so the app runs with no credentials and no
network. Real Juspay hosts are used only when ``POS_GATEWAY_MODE`` says so and a
merchant id and API key are given. The API key lives only in memory here: it is never
logged, stored in the database or shown (``repr`` hides it).

:meth:`AppConfig.from_env` reads the environment alone. :meth:`AppConfig.load` reads
``settings.toml`` in the data directory (see :mod:`pos_app.settings_store`), lets the
environment override it, and takes the API key (and response key) from
``POS_API_KEY`` / ``POS_RESPONSE_KEY`` or else from the OS keyring.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from pos_app.domain.text import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    join,
    language_code,
    translate,
)

if TYPE_CHECKING:
    from pos_app.settings_store import SecretStore

__all__ = ["ROUTES", "AppConfig", "ConfigError", "GatewayMode", "Problem"]

log = logging.getLogger(__name__)

JUSPAY_SANDBOX_URL = "https://sandbox.juspay.in"
JUSPAY_PRODUCTION_URL = "https://api.juspay.in"
DEFAULT_RETURN_URL = "https://pos.invalid/payment-return"
_ROUTES = {"AMAZONPAY", "PAYU", "RAZORPAY", "GOCASHFREE", "BILLDESK"}
#: The Amazon Pay routes in the order a settings screen lists them.
ROUTES = ("AMAZONPAY", "PAYU", "RAZORPAY", "GOCASHFREE", "BILLDESK")
_TERMINAL_ID = re.compile(r"[A-Za-z0-9]{1,6}")
_MERCHANT_ID = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


class Problem(NamedTuple):
    """One thing wrong with a configuration: which field, and what to do."""

    field: str
    message: str


class ConfigError(ValueError):
    """The configuration cannot work; the message says what to fix.

    ``problems`` lists every problem found, per field, when validation raised it.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class GatewayMode(enum.StrEnum):
    EMBEDDED = "embedded"  # the built-in sandbox, started in-process
    JUSPAY_SANDBOX = "juspay-sandbox"
    JUSPAY_PRODUCTION = "juspay-production"


@dataclass(frozen=True, slots=True)
class AppConfig:
    mode: GatewayMode = GatewayMode.EMBEDDED
    gateway_url: str | None = None  # overrides the mode's host (e.g. a sandbox process)
    merchant_id: str | None = None
    api_key: str | None = field(default=None, repr=False)
    response_key: str | None = field(default=None, repr=False)
    return_url: str = DEFAULT_RETURN_URL
    terminal_id: str = "T01"
    cashier: str = "cashier"
    database_url: str | None = None
    sandbox_latency_ms: int = 0
    #: How Amazon Pay reaches the gateway: AMAZONPAY (direct debit, Link and Pay) or
    #: a redirect route with an OTP page: PAYU, RAZORPAY, GOCASHFREE, BILLDESK.
    amazon_pay_route: str = "AMAZONPAY"
    #: The language the screens start in ("en", "hi": see pos_app.domain.text).
    language: str = "en"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppConfig:
        """Read the environment alone (no file, no keyring) and validate."""
        config = cls.from_env_unchecked(os.environ if env is None else env)
        config.validate()
        return config

    @property
    def uses_embedded_sandbox(self) -> bool:
        return self.mode is GatewayMode.EMBEDDED and self.gateway_url is None

    @property
    def base_url(self) -> str | None:
        """The gateway's base URL, or None when the embedded sandbox picks its own."""
        if self.gateway_url:
            return self.gateway_url.rstrip("/")
        if self.mode is GatewayMode.JUSPAY_SANDBOX:
            return JUSPAY_SANDBOX_URL
        if self.mode is GatewayMode.JUSPAY_PRODUCTION:
            return JUSPAY_PRODUCTION_URL
        return None

    @property
    def gateway_label(self) -> str:
        if self.uses_embedded_sandbox:
            return translate("Settings", "Embedded sandbox")
        if self.mode is GatewayMode.JUSPAY_PRODUCTION:
            return translate("Settings", "Juspay (live)")
        if self.mode is GatewayMode.JUSPAY_SANDBOX:
            return translate("Settings", "Juspay sandbox")
        return translate("Settings", "Gateway {address}").format(address=self.base_url)

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        data_dir: Path | None = None,
        *,
        secrets: SecretStore | None = None,
        validate: bool = True,
    ) -> AppConfig:
        """Merge ``settings.toml``, the environment and the keyring; then validate.

        ``data_dir`` defaults to ``POS_DATA_DIR`` in ``env`` (or the process's
        environment) and then the platform's data folder. The environment wins over
        the file for every field. The API key is ``POS_API_KEY`` or else the keyring
        entry of the merchant id (looked up only when a gateway other than the
        embedded sandbox is configured); likewise the response key. With no keyring
        backend the key simply stays unset, and the error says to use the
        environment. Raises ConfigError (``validate=False`` skips the checks).
        """
        from pos_app import settings_store as store

        values = os.environ if env is None else env
        if data_dir is None:
            override = values.get("POS_DATA_DIR", "").strip()
            if override:
                data_dir = Path(override).expanduser()
            else:
                from pos_app.store.db import default_data_dir

                data_dir = default_data_dir()
        stored = store.read_settings(data_dir)
        config = cls.from_env_unchecked(store.merged_env(stored, values))

        keyring_note: str | None = None
        if not config.uses_embedded_sandbox and config.merchant_id:
            vault = secrets if secrets is not None else store.SecretStore()
            updates: dict[str, str | None] = {}
            try:
                if config.api_key is None:
                    updates["api_key"] = vault.get_api_key(config.merchant_id)
                wants_response_key = stored.response_key_ref == store.KEYRING_REF
                if config.response_key is None and wants_response_key:
                    updates["response_key"] = vault.get_response_key(config.merchant_id)
            except store.SecretStoreError as exc:
                keyring_note = _said(exc)
                log.warning("keys not read from the keyring: %s", exc)
            config = _replace(config, **updates)

        if validate:
            try:
                config.validate()
            except ConfigError as exc:
                if keyring_note and not config.api_key:
                    raise ConfigError(
                        join([_said(exc), keyring_note], "\n"), exc.problems
                    ) from exc
                raise
        return config

    @classmethod
    def from_env_unchecked(cls, env: Mapping[str, str]) -> AppConfig:
        """Like :meth:`from_env` without :meth:`validate` (bad enums still raise)."""
        mode_text = env.get("POS_GATEWAY_MODE", GatewayMode.EMBEDDED.value)
        try:
            mode = GatewayMode(mode_text)
        except ValueError as exc:
            choices = ", ".join(m.value for m in GatewayMode)
            raise ConfigError(
                translate(
                    "Settings",
                    "The gateway mode {mode} is unknown; choose one of: {choices}",
                ).format(mode=repr(mode_text), choices=choices),
                (
                    Problem(
                        "mode",
                        translate("Settings", "Choose one of: {choices}").format(
                            choices=choices
                        ),
                    ),
                ),
            ) from exc
        latency = env.get("POS_SANDBOX_LATENCY_MS", "0")
        if not latency.isdigit():
            raise ConfigError(
                translate("Settings", "POS_SANDBOX_LATENCY_MS must be a whole number")
            )
        return cls(
            mode=mode,
            gateway_url=env.get("POS_GATEWAY_URL") or None,
            merchant_id=env.get("POS_MERCHANT_ID") or None,
            api_key=env.get("POS_API_KEY") or None,
            response_key=env.get("POS_RESPONSE_KEY") or None,
            return_url=env.get("POS_RETURN_URL") or DEFAULT_RETURN_URL,
            terminal_id=env.get("POS_TERMINAL_ID") or "T01",
            cashier=env.get("POS_CASHIER") or "cashier",
            database_url=env.get("POS_DATABASE_URL") or None,
            sandbox_latency_ms=int(latency),
            amazon_pay_route=(env.get("POS_AMAZON_PAY_ROUTE") or "AMAZONPAY").upper(),
            language=_language(env.get("POS_LANGUAGE")),
        )

    def problems(self) -> list[Problem]:
        """Return every problem, in a manager's words, keyed by field name."""
        found: list[Problem] = []
        if self.amazon_pay_route not in _ROUTES:
            found.append(
                Problem(
                    "amazon_pay_route",
                    translate(
                        "Settings", "The Amazon Pay route must be one of: {choices}"
                    ).format(choices=", ".join(ROUTES)),
                )
            )
        if not _TERMINAL_ID.fullmatch(self.terminal_id):
            found.append(
                Problem(
                    "terminal_id",
                    translate(
                        "Settings",
                        "The terminal id must be 1 to 6 letters or digits, e.g. T01",
                    ),
                )
            )
        if not _is_web_address(self.return_url):
            found.append(
                Problem(
                    "return_url",
                    translate(
                        "Settings",
                        "The return URL must be a full web address (https://...)",
                    ),
                )
            )
        if self.gateway_url:
            found += _gateway_url_problems(self.gateway_url)
        if self.uses_embedded_sandbox:
            return found

        if not self.merchant_id:
            found.append(
                Problem(
                    "merchant_id",
                    translate(
                        "Settings",
                        "Enter the merchant id from the Juspay dashboard "
                        "(POS_MERCHANT_ID): it is needed for any gateway other than "
                        "the embedded sandbox",
                    ),
                )
            )
        elif not _MERCHANT_ID.fullmatch(self.merchant_id):
            found.append(
                Problem(
                    "merchant_id",
                    translate(
                        "Settings",
                        "The merchant id has letters, digits, '_', '-' or '.' only "
                        "(no spaces); copy it from the Juspay dashboard",
                    ),
                )
            )
        if not self.api_key:
            found.append(
                Problem(
                    "api_key",
                    translate(
                        "Settings",
                        "Enter the API key (Juspay dashboard: Settings, Security) or "
                        "set POS_API_KEY: it is needed for any gateway other than the "
                        "embedded sandbox",
                    ),
                )
            )
        elif any(ch.isspace() for ch in self.api_key):
            found.append(
                Problem(
                    "api_key",
                    translate(
                        "Settings",
                        "The API key contains a space or line break; paste it again",
                    ),
                )
            )
        url = self.base_url or ""
        if self.mode is not GatewayMode.EMBEDDED and not url.startswith("https://"):
            found.append(
                Problem(
                    "gateway_url",
                    translate(
                        "Settings", "Real Juspay hosts are reached over https only"
                    ),
                )
            )
        return found

    def validate(self) -> None:
        """Raise ConfigError listing every problem, if there is any."""
        found = self.problems()
        if found:
            raise ConfigError(join([p.message for p in found], "\n"), tuple(found))


def _language(code: str | None) -> str:
    """The screens' language; a typo must not stop the till: English, and a log."""
    known = language_code(code)
    if known is None:
        if code and code.strip():
            log.warning(
                "unknown language %r (POS_LANGUAGE / settings): the screens use "
                "English; choose one of %s",
                code,
                ", ".join(LANGUAGES),
            )
        return DEFAULT_LANGUAGE
    return known


def _replace(config: AppConfig, **updates: str | None) -> AppConfig:
    return dataclasses.replace(config, **updates) if updates else config  # type: ignore[arg-type]


def _said(exc: ConfigError) -> str:
    """The error's message as raised (a Text the screen can translate)."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, str) else str(exc)


def _is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _gateway_url_problems(url: str) -> list[Problem]:
    if not _is_web_address(url):
        message = translate(
            "Settings", "The gateway address must be a full web address (https://...)"
        )
        return [Problem("gateway_url", message)]
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        message = translate(
            "Settings", "The gateway address must not contain '?' or '#'"
        )
        return [Problem("gateway_url", message)]
    return []
