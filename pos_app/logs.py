"""Configure logging once: stderr plus a rotating file, with secrets redacted.

Every handler gets :class:`RedactingFilter`, so an API key, a wallet token, a signature
or a full mobile number never reaches a log line, whoever logged it.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

__all__ = ["RedactingFilter", "configure", "redact"]

_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"(Authorization:?\s*Basic\s+)[A-Za-z0-9+/=]+", re.I), r"\1[redacted]"),
    (
        re.compile(
            r"((?:api_key|direct_wallet_token|token|signature|otp)[\"']?\s*[:=]\s*[\"']?)"
            r"[^\s&\"',}]+",
            re.I,
        ),
        r"\1[redacted]",
    ),
    (re.compile(r"\b(tkn|tok|tk)_[A-Za-z0-9]+"), r"\1_[redacted]"),
    # A 10-digit Indian mobile number, alone or after +91 / 0: keep the last four.
    (re.compile(r"(?<!\d)(?:\+?91[\s-]?|0)?[6-9]\d{5}(\d{4})(?!\d)"), r"******\1"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement or "", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
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
