"""Configure logging once: stderr plus a rotating file, with secrets redacted.

Every handler gets :class:`RedactingFilter`, so an API key, a wallet token, a signature
or a full mobile number never reaches a log line, whoever logged it.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from collections.abc import Callable
from pathlib import Path

__all__ = ["RedactingFilter", "configure", "redact"]

# Names whose value is a secret wherever they appear: ``name=value`` (URLs, form
# bodies), ``name: value``, ``"name": "value"`` (JSON, dict reprs).
# (They are names of secrets, not secrets, whatever S105 thinks.)
_SECRET_NAMES = (
    r"api_key|apikey|direct_wallet_token|client_auth_token|token|signature|otp"  # noqa: S105
    r"|consent_code|link_code|auth_code|response_key|password|pin|secret"
)
# A value ends at whitespace, a separator or a quote; ``\\`` stops it too, so an
# escaped quote in a repr'd string is not swallowed. A value already blanked is left
# alone, so redacting twice (two handlers, one record) changes nothing.
_VALUE = r"(?!\[redacted\])[^\s&\"',;}\]\\)]+"


def _mask_phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group("tail"))
    return "******" + digits[-4:]


_PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # HTTP auth headers, as a header line or a dict entry: Basic and Bearer.
    (
        re.compile(
            r"(authorization[\"']?\s*[:=]\s*[\"']?(?:basic|bearer)\s+)[A-Za-z0-9+/=._~-]+",
            re.I,
        ),
        r"\1[redacted]",
    ),
    (
        re.compile(
            rf"((?<![A-Za-z0-9])(?:{_SECRET_NAMES})[\"']?\s*[:=]\s*[\"']?){_VALUE}",
            re.I,
        ),
        r"\1[redacted]",
    ),
    # A bare ``code=`` (the consent step's return URL carries the link code so), but
    # not ``error_code=`` or a JSON ``"code": "INVALID_INPUT"``.
    (re.compile(rf"((?<![A-Za-z0-9_.])code=){_VALUE}", re.I), r"\1[redacted]"),
    (re.compile(r"\b(tkn|tok|tk)_[A-Za-z0-9]+"), r"\1_[redacted]"),
    # A 10-digit Indian mobile number, alone or after +91 / 0091 / 91 / 0, written
    # together or in groups split by spaces or hyphens ("+91 98765 43210",
    # "987-654-3210"): keep the last four digits.
    (
        re.compile(
            r"(?<!\d)(?:(?:\+|00)?91[\s-]?|\(\+?91\)\s?|0)?"
            r"(?P<tail>[6-9](?:[ -]?\d){9})(?![\d-])"
        ),
        _mask_phone,
    ),
]


def redact(text: str) -> str:
    """Blank API keys, tokens, signatures, codes and OTPs; mask mobile numbers."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Redact the message, and the traceback and stack of a record, in place.

    The traceback is formatted here (and cached in ``exc_text``, which formatters
    reuse), because an exception's text may quote a URL or a body with a secret.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure(data_dir: Path | None = None, *, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if getattr(root, "_pos_configured", False):
        return
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if data_dir is not None:
        data_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                data_dir / "pos_app.log",
                maxBytes=2_000_000,
                backupCount=5,
                encoding="utf-8",
            )
        )
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # httpx logs each request URL at INFO; ours carry no secrets, but keep it quiet.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    root._pos_configured = True  # type: ignore[attr-defined]
