"""Signing and checking the parameters Juspay appends to the return URL.

The algorithm is reference 7.4: take every parameter except ``signature`` and
``signature_algorithm``, form-encode each key and value (``quote_plus``), sort by the
encoded key, join as ``k=v`` with ``&``, form-encode the whole string once more, then
HMAC-SHA256 it with the Response Key and Base64 the digest.

Juspay's Python sample encodes with ``quote_plus`` and its Java sample with
``URLEncoder``; they differ only on ``~`` and ``*``. We follow the Python sample.

A valid signature proves the parameters came from the gateway, not that the sale is
paid: the checkout must still read the order status and compare the amount.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, quote_plus, unquote, urlsplit

__all__ = ["SIGNATURE_ALGORITHM", "sign_return_params", "verify_return_signature"]

SIGNATURE_ALGORITHM = "HMAC-SHA256"
_EXCLUDED = frozenset({"signature", "signature_algorithm"})
_MAX_DECODES = 3

Params = Mapping[str, str] | str


def _pairs(params: Params) -> list[tuple[str, str]] | None:
    """The decoded ``(key, value)`` pairs, or ``None`` when a key repeats.

    A string is a raw query string (with or without ``?``) or a whole URL.
    """
    if isinstance(params, str):
        query = urlsplit(params).query if "?" in params else params.lstrip("?")
        pairs = parse_qsl(query, keep_blank_values=True)
    else:
        pairs = list(params.items())
    keys = [key for key, _ in pairs]
    # A repeated key would let two parsers see different values for one signature.
    return pairs if len(keys) == len(set(keys)) else None


def _digest(pairs: Iterable[tuple[str, str]], response_key: str) -> str:
    if not response_key:
        raise ValueError("the response key is empty")
    encoded = sorted(
        (quote_plus(key), quote_plus(value))
        for key, value in pairs
        if key not in _EXCLUDED
    )
    message = quote_plus("&".join(f"{key}={value}" for key, value in encoded))
    mac = hmac.new(response_key.encode(), message.encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("ascii")


def _fully_decoded(signature: str) -> str:
    # The raw URL carries the Base64 text encoded twice ("%253D"); a framework may
    # have decoded it once or twice already. Base64 has no "%" or spaces, so decode
    # until no escapes remain, and restore "+" that a form decoder turned into " ".
    for _ in range(_MAX_DECODES):
        if "%" not in signature:
            break
        signature = unquote(signature)
    return signature.replace(" ", "+")


def sign_return_params(params: Params, response_key: str) -> str:
    """Return the Base64 signature of ``params`` (``signature*`` keys are ignored).

    The result is plain Base64; Juspay URL-encodes it twice when it builds the
    return URL (once into the value, once more as a query parameter).
    """
    pairs = _pairs(params)
    if pairs is None:
        raise ValueError("a parameter appears more than once")
    return _digest(pairs, response_key)


def verify_return_signature(params: Params, response_key: str) -> bool:
    """Check the return-URL signature in constant time.

    ``params`` is either the decoded parameters (a mapping) or the raw query string
    or URL as received. False when the signature is missing, wrong, the algorithm is
    not HMAC-SHA256, or a parameter repeats.
    """
    pairs = _pairs(params)
    if pairs is None:
        return False
    values = dict(pairs)

    signature = values.get("signature")
    if not signature:
        return False
    # Only HMAC-SHA256 is documented. A missing label is accepted: the signature
    # still has to match, so the label adds no protection of its own.
    algorithm = values.get("signature_algorithm", SIGNATURE_ALGORITHM)
    if algorithm.strip().upper() != SIGNATURE_ALGORITHM:
        return False

    expected = _digest(pairs, response_key)
    return hmac.compare_digest(
        expected.encode("ascii"), _fully_decoded(signature).encode("utf-8")
    )
