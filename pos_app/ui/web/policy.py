"""Where a gateway page may go: allowed origins and the return URL (no Qt, no I/O).

An origin is scheme, host and port, compared exactly (default ports filled in), so
``http://127.0.0.1:8000`` and ``http://localhost:8000`` are different origins even
though both are loopback.
"""

from __future__ import annotations

import enum
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Decision", "NavigationPolicy", "Origin"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_WEB_SCHEMES = frozenset(_DEFAULT_PORTS)


class Decision(enum.Enum):
    ALLOW = "allow"  # an allowed origin: let the page load
    RETURN = "return"  # the return URL: refuse it and report it to the app
    BLOCK = "block"  # anything else: refuse it and report it
    IGNORE = "ignore"  # about:blank and the like: refuse quietly


@dataclass(frozen=True, slots=True)
class Origin:
    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    @property
    def display(self) -> str:
        """The host as the customer reads it: the port only when it is not default."""
        if _DEFAULT_PORTS.get(self.scheme) == self.port:
            return self.host
        return f"{self.host}:{self.port}"

    @classmethod
    def of(cls, url: str) -> Origin | None:
        """Return the origin of an http(s) URL, or None for any other URL."""
        try:
            parts = urllib.parse.urlsplit(url.strip())
            port = parts.port
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        if scheme not in _WEB_SCHEMES or not host:
            return None
        return cls(scheme, host, port if port is not None else _DEFAULT_PORTS[scheme])


def _path(url: str) -> str:
    return urllib.parse.urlsplit(url).path or "/"


class NavigationPolicy:
    """Decide each navigation of a hosted page.

    Args:
        allowed_hosts: origins the page may load, as ``scheme://host[:port]`` (a path
            is ignored). A bare host without a scheme is an error, not a guess.
        return_url: where the gateway sends the customer back; any query and
            fragment match, scheme, host, port and path must be equal.
    """

    def __init__(self, allowed_hosts: Iterable[str], return_url: str) -> None:
        origins = set()
        for entry in allowed_hosts:
            origin = Origin.of(entry)
            if origin is None:
                raise ValueError(f"not an http(s) origin: {entry!r}")
            origins.add(origin)
        if not origins:
            raise ValueError("at least one allowed host is needed")

        back = Origin.of(return_url)
        if back is None:
            raise ValueError(f"not an http(s) return URL: {return_url!r}")

        self._origins = frozenset(origins)
        self._return_origin = back
        self._return_path = _path(return_url)

    def __repr__(self) -> str:
        hosts = ", ".join(sorted(str(o) for o in self._origins))
        return f"<NavigationPolicy hosts=[{hosts}] return={self._return_origin}>"

    @property
    def origins(self) -> frozenset[Origin]:
        return self._origins

    def is_return_url(self, url: str) -> bool:
        origin = Origin.of(url)
        return origin == self._return_origin and _path(url) == self._return_path

    def decide(self, url: str) -> Decision:
        """Return what to do with a navigation to ``url``."""
        if self.is_return_url(url):
            return Decision.RETURN
        if url in ("about:blank", "about:srcdoc"):
            return Decision.IGNORE
        if Origin.of(url) in self._origins:
            return Decision.ALLOW
        return Decision.BLOCK
