"""Turn a WSGI environ into a :class:`Request`: headers, query, form, base URL.

Form bodies are parsed with dotted keys kept flat (``options.get_client_auth_token``);
a JSON object body is flattened to the same dotted keys, booleans as ``true`` /
``false``. Repeated keys keep their first value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs

__all__ = ["AuthState", "Request", "parse"]

AuthState = Literal["ok", "missing", "wrong"]


@dataclass(slots=True)
class Request:
    """One incoming HTTP request, parsed."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    raw_body: bytes
    headers: dict[str, str]
    remote_addr: str
    base: str
    auth: AuthState = "missing"
    params: dict[str, str] = field(default_factory=dict)


def parse(environ: Mapping[str, Any]) -> Request:
    """Parse the request; the body is read here, once."""
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    content_type = str(environ.get("CONTENT_TYPE", ""))
    if content_type and environ.get("CONTENT_LENGTH"):
        # wsgiref fills in "text/plain" when the client sent none; keep real ones.
        headers["content-type"] = content_type
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length > 0 else b""

    form: dict[str, str] = {}
    if raw and "json" in content_type:
        try:
            form = _flatten(json.loads(raw))
        except (ValueError, AttributeError):
            form = {}
    elif raw:
        form = _single(parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True))
    host = headers.get("host") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
    return Request(
        method=str(environ["REQUEST_METHOD"]).upper(),
        path=str(environ.get("PATH_INFO") or "/"),
        query=_single(
            parse_qs(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)
        ),
        form=form,
        raw_body=raw,
        headers=headers,
        remote_addr=str(environ.get("REMOTE_ADDR", "")),
        base=f"{environ.get('wsgi.url_scheme', 'http')}://{host}",
    )


def _single(values: dict[str, list[str]]) -> dict[str, str]:
    return {key: items[0] for key, items in values.items()}


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    if not isinstance(value, dict):
        raise AttributeError("a JSON body must be an object")
    flat: dict[str, str] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            flat.update(_flatten(item, f"{name}."))
        elif isinstance(item, bool):
            flat[name] = "true" if item else "false"
        elif item is not None:
            flat[name] = str(item)
    return flat
