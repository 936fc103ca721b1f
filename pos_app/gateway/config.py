"""Connection settings for the Juspay Express Checkout API.

The API key and the response key are secrets: they are kept out of ``repr`` so a
config can be logged, and nothing in this package puts them in a URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_API_VERSION",
    "JUSPAY_PRODUCTION_URL",
    "JUSPAY_SANDBOX_URL",
    "GatewayConfig",
]

JUSPAY_SANDBOX_URL = "https://sandbox.juspay.in"
JUSPAY_PRODUCTION_URL = "https://api.juspay.in"

#: Value of the ``version`` header. It picks the response schema revision; the
#: published list of revisions is incomplete (samples use 2018-10-25 and 2021-10-25, a
#: changelog mentions 2021-03-25). We send a date after all of them, on the
#: (unconfirmed) reading that the gateway serves the newest revision not later than
#: the date; the models ignore keys they do not know, so newer revisions are harmless.
DEFAULT_API_VERSION = "2023-06-30"


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """Where the gateway is and how to authenticate to it.

    Timeouts are in seconds. ``read_timeout`` applies to calls that change state or go
    out to the wallet provider (create order, ``/txns``, refresh balances); plain
    look-ups use the shorter ``lookup_timeout``. Juspay publishes no recommended
    value; its SDKs default to 15 s connect and 30 s read.
    """

    base_url: str
    merchant_id: str
    api_key: str = field(repr=False)
    version: str = DEFAULT_API_VERSION
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    lookup_timeout: float = 15.0
    return_url: str | None = None
    response_key: str | None = field(default=None, repr=False)
    user_agent: str = "pos-app/0.1 (juspay-ec-client)"

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(
                f"gateway base_url must be an http(s) URL: {self.base_url!r}"
            )
        if parts.query or parts.fragment:
            raise ValueError("gateway base_url must not carry a query or fragment")
        if not self.merchant_id.strip():
            raise ValueError("gateway merchant_id is empty")
        if not self.api_key.strip():
            raise ValueError("gateway api_key is empty")
        for name in ("connect_timeout", "read_timeout", "lookup_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"gateway {name} must be positive")
        # Paths are appended directly to the host (reference 1.1), so drop a trailing
        # slash to keep "https://host/" and "https://host" equivalent.
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @property
    def is_juspay_host(self) -> bool:
        """Whether the base URL points at a real Juspay host (not a local sandbox)."""
        host = urlsplit(self.base_url).hostname or ""
        return host == "juspay.in" or host.endswith(".juspay.in")
