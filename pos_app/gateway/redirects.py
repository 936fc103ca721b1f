"""The shopper's browser leg: POST authentication pages and return URLs.

No Qt here: the web view hands in URLs and shows the HTML we build.

* :func:`auto_submit_form` turns a ``POST`` authentication
  (:class:`~pos_app.gateway.models.Authentication`) into a page that submits itself
  (reference 7.2).
* :func:`parse_return_url` recognises our return URL and reads ``order_id``,
  ``status`` and ``status_id``; :func:`verify_return` checks the signature on the raw
  query (reference 7.4).
* :func:`parse_consent_return` reads the wallet consent return (``wallet_id``,
  ``status``, ``code``), a sandbox construct: how real Juspay hands back Amazon's
  consent is unconfirmed (reference 12.1).

Whatever the return URL says, a sale is paid only when ``GET /orders/{id}`` says
``CHARGED`` with the right amount; a valid signature proves origin, not payment.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from pos_app.domain.states import GatewayStatus, classify_gateway_status
from pos_app.gateway.models import Authentication
from pos_app.gateway.signature import verify_return_signature

__all__ = [
    "ConsentReturn",
    "ReturnParams",
    "auto_submit_form",
    "parse_consent_return",
    "parse_return_url",
    "verify_return",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}


# -- POST authentication -------------------------------------------------------------


def auto_submit_form(auth: Authentication, *, title: str = "Redirecting...") -> str:
    """Build an HTML page that posts ``auth.params`` to ``auth.url`` on load.

    Every key and value is HTML-escaped and the field names come from the reply as
    they are (they differ per flow). Without JavaScript the shopper sees a button.
    Raises ``ValueError`` for a ``GET`` authentication (open its URL instead) or a
    URL that is not http(s).
    """
    if not auth.is_post:
        raise ValueError(f"not a POST authentication: {auth.method!r}")
    url = (auth.url or "").strip()
    if urlsplit(url).scheme.lower() not in _DEFAULT_PORTS:
        raise ValueError("the authentication URL is not an http(s) URL")

    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    fields = "\n".join(
        f'    <input type="hidden" name="{attr(key)}" value="{attr(value)}">'
        for key, value in auth.params.items()
    )
    return (
        "<!DOCTYPE html>\n"
        '<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        '<body onload="document.forms[0].submit()">\n'
        f'  <form method="post" action="{attr(url)}">\n'
        f"{fields}\n"
        '    <noscript><button type="submit">Continue</button></noscript>\n'
        "  </form>\n"
        "</body></html>\n"
    )


# -- return URLs ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReturnParams:
    """What the gateway appended to our return URL.

    ``signed`` says a signature is present, not that it is valid: check it with
    :func:`verify_return`. ``params`` holds the first value of each key; a repeated
    key never verifies. ``query`` is the raw query string, as received.
    """

    order_id: str | None
    status: str | None
    status_id: int | None
    signed: bool
    query: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def classification(self) -> GatewayStatus:
        return classify_gateway_status(self.status)


@dataclass(frozen=True, slots=True)
class ConsentReturn:
    """The wallet consent return: ``wallet_id``, ``status`` and the secret ``code``.

    Pass ``code`` to :meth:`JuspayClient.link_wallet`; never log it (it is kept out
    of ``repr``, and so is the raw query that carries it).
    """

    wallet_id: str
    status: str | None
    code: str | None = field(repr=False)
    signed: bool
    query: str = field(repr=False)

    @property
    def allowed(self) -> bool:
        """Whether the shopper allowed linking and a code came back."""
        return (self.status or "").strip().upper() == "ALLOWED" and bool(self.code)


def _origin_and_path(url: str) -> tuple[str, str, int, str] | None:
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is not a number, or out of range
        return None
    if scheme not in _DEFAULT_PORTS or not parts.hostname or port is None:
        return None
    return scheme, parts.hostname.lower(), port, parts.path or "/"


def _query_if_ours(url: str, expected_return_url: str) -> str | None:
    expected = _origin_and_path(expected_return_url)
    if expected is None:
        raise ValueError("the expected return URL is not an absolute http(s) URL")
    if _origin_and_path(url) != expected:
        return None
    return urlsplit(url.strip()).query


def _first_values(query: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        params.setdefault(key, value)
    return params


def _int_or_none(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.lstrip("-").isdigit() else None


def parse_return_url(url: str, expected_return_url: str) -> ReturnParams | None:
    """Read the gateway's return parameters, or ``None`` if ``url`` is not ours.

    ``url`` is ours when scheme, host, port (default ports filled in) and path equal
    those of ``expected_return_url``; its query and fragment do not matter. Values
    are returned as sent and are only hints until the order status confirms them.
    """
    query = _query_if_ours(url, expected_return_url)
    if query is None:
        return None
    params = _first_values(query)
    return ReturnParams(
        order_id=params.get("order_id") or None,
        status=params.get("status") or None,
        status_id=_int_or_none(params.get("status_id")),
        signed=bool(params.get("signature")),
        query=query,
        params=params,
    )


def parse_consent_return(url: str, expected_return_url: str) -> ConsentReturn | None:
    """Read a wallet consent return, or ``None`` if not ours or no ``wallet_id``."""
    query = _query_if_ours(url, expected_return_url)
    if query is None:
        return None
    params = _first_values(query)
    wallet_id = params.get("wallet_id")
    if not wallet_id:
        return None
    return ConsentReturn(
        wallet_id=wallet_id,
        status=params.get("status") or None,
        code=params.get("code") or None,
        signed=bool(params.get("signature")),
        query=query,
    )


def verify_return(
    url_or_query: str | ReturnParams | ConsentReturn, response_key: str
) -> bool:
    """Check the return signature on the raw query string (reference 7.4).

    Takes the whole URL, its raw query (with or without ``?``), or a parsed return.
    The raw form matters: the signature arrives URL-encoded twice (``%253D``), and
    :func:`~pos_app.gateway.signature.verify_return_signature` undoes exactly that.
    False when unsigned, tampered, or a key repeats; ``ValueError`` for an empty key.
    """
    if isinstance(url_or_query, ReturnParams | ConsentReturn):
        query = url_or_query.query
    else:
        text = url_or_query.strip()
        parts = urlsplit(text)
        query = parts.query if parts.scheme and parts.netloc else text.lstrip("?")
    if not response_key:
        raise ValueError("the response key is empty")
    # The leading "?" makes the signature module read the rest as one query, even
    # when a value carries a literal "?".
    return verify_return_signature("?" + query, response_key)
