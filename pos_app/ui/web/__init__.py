"""Gateway pages inside the app: a locked-down web view and the dialog framing it.

Importing this package does not import Qt WebEngine; the first
:meth:`SecureWebView.open` does.
"""

from __future__ import annotations

from pos_app.ui.web.hosted_dialog import HostedPageDialog, PageKind
from pos_app.ui.web.policy import NavigationPolicy, Origin
from pos_app.ui.web.view import SecureWebView

__all__ = [
    "HostedPageDialog",
    "NavigationPolicy",
    "Origin",
    "PageKind",
    "SecureWebView",
]
