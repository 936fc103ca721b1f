"""Placeholder pages, and the HTML error page of the ``html`` fault.

``/pay/order/<id>`` (payment links) and ``/pay/finish/<merchant>/<txn_id>`` only
describe themselves; the real pages (consent, top-up, OTP) are in
:mod:`~pos_app.sandbox.web`.
"""

from __future__ import annotations

import html

__all__ = ["HTML_502", "placeholder"]

HTML_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)

_TITLES = {
    "order": "Juspay sandbox - payment page",
    "start": "Juspay sandbox - Amazon Pay",
    "cct": "Juspay sandbox - Amazon Pay top-up",
    "finish": "Juspay sandbox - payment finished",
}


def placeholder(path: str) -> str | None:
    """Return the page for a ``/pay/...`` path, or None if there is no such page."""
    parts = [p for p in path.split("/") if p]
    if len(parts) < 3 or parts[0] != "pay" or parts[1] not in _TITLES:
        return None

    title = _TITLES[parts[1]]
    detail = html.escape("/".join(parts[2:]))
    return (
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        f"<title>{title}</title></head>\n<body><h1>{title}</h1>\n"
        f"<p>Reference: <code>{detail}</code></p>\n"
        "<p>This simulated page is not built yet.</p></body></html>\n"
    )
