"""Sign the parameters the sandbox appends to a return URL (reference 7.4).

The signature covers every query parameter except ``signature`` and
``signature_algorithm``, including those already on the merchant's return URL:
form-encode (``quote_plus``) each key and value, sort by the encoded key, join as
``k=v`` with ``&``, form-encode the whole string once more, HMAC-SHA256 it with the
response key and Base64 the digest. Juspay puts the Base64 text URL-encoded into the
value, so the raw URL carries it encoded twice (``...%253D``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit, urlunsplit

__all__ = ["SIGNATURE_ALGORITHM", "sign", "signed_url"]

SIGNATURE_ALGORITHM = "HMAC-SHA256"
_UNSIGNED = frozenset({"signature", "signature_algorithm"})


def sign(pairs: Iterable[tuple[str, str]], response_key: str) -> str:
    """Return the Base64 HMAC-SHA256 signature of the decoded ``pairs``."""
    encoded = sorted(
        (quote_plus(key), quote_plus(value))
        for key, value in pairs
        if key not in _UNSIGNED
    )
    message = quote_plus("&".join(f"{key}={value}" for key, value in encoded))
    digest = hmac.new(response_key.encode(), message.encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()).decode("ascii")


def signed_url(return_url: str, params: Mapping[str, str], response_key: str) -> str:
    """Return ``return_url`` with ``params`` and their signature added.

    Parameters already on the URL are kept (and signed); one of the same name as a
    new parameter is replaced, so no key appears twice. A fragment is kept.
    """
    parts = urlsplit(return_url)
    kept = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in params and key not in _UNSIGNED
    ]
    pairs = [*kept, *params.items()]

    signature = sign(pairs, response_key)
    query = urlencode(
        [
            *pairs,
            ("signature", quote_plus(signature)),
            ("signature_algorithm", SIGNATURE_ALGORITHM),
        ]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
