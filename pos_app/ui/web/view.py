"""A locked-down web view for the gateway's pages (consent, CCT top-up, OTP)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, QUrl, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget
from shiboken6 import Shiboken

from pos_app.ui.web import policy as policy_mod

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from pos_app.ui.web._engine import GuardedPage

__all__ = ["SecureWebView"]

log = logging.getLogger(__name__)


class SecureWebView(QWidget):
    """Show one gateway page at a time, only inside the allowed hosts.

    Nothing of Qt WebEngine exists until the first :meth:`open`; then an
    off-the-record profile, a guarded page and a view are built. :meth:`clear` wipes
    cookies, cache and visited links and tears them down (page before profile), so
    the next customer starts from nothing.

    The return URL is never loaded: the navigation is refused and reported with
    ``return_url_reached``. The app must still verify it (signature, order status).

    Signals:
        load_started(): the page started loading.
        load_progress(int): how far the page has loaded, 0 to 100.
        load_finished(bool): the page finished loading; whether it succeeded.
        title_changed(str): the page's title.
        return_url_reached(str): the page was sent to the return URL (the full URL,
            encoded as Chromium gave it); the navigation was refused.
        navigation_blocked(str): a navigation outside the allowed hosts was refused.
        closed(): :meth:`clear` finished tearing the page down.
    """

    load_started = Signal()
    load_progress = Signal(int)
    load_finished = Signal(bool)
    title_changed = Signal(str)
    return_url_reached = Signal(str)
    navigation_blocked = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secureWebView")
        self._profile: QWebEngineProfile | None = None
        self._page: GuardedPage | None = None
        self._view: QWebEngineView | None = None

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def __repr__(self) -> str:
        state = "open" if self._page is not None else "empty"
        return f"<SecureWebView {state} url={self.url()!r}>"

    # -- reading ------------------------------------------------------------------

    def is_open(self) -> bool:
        return self._page is not None

    def url(self) -> str:
        """The URL the page shows now (encoded), or "" when nothing is open."""
        if self._page is None:
            return ""
        return self._page.url().toString(QUrl.ComponentFormattingOption.FullyEncoded)

    def title(self) -> str:
        return self._page.title() if self._page is not None else ""

    @property
    def page(self) -> GuardedPage | None:
        return self._page

    @property
    def web_view(self) -> QWebEngineView | None:
        return self._view

    # -- acting -------------------------------------------------------------------

    def open(
        self,
        url: str,
        *,
        allowed_hosts: Iterable[str],
        return_url: str,
    ) -> None:
        """Load ``url``; only ``allowed_hosts`` (``scheme://host[:port]``) may load.

        Raises:
            ValueError: a host or the return URL is not http(s), or ``url`` itself is
                outside the allowed hosts.
        """
        navigation = policy_mod.NavigationPolicy(allowed_hosts, return_url)
        if navigation.decide(url) is not policy_mod.Decision.ALLOW:
            raise ValueError("the page to open is outside the allowed hosts")

        if self._page is None:
            self._build(navigation)
        else:
            self._page.set_navigation_policy(navigation)
        assert self._page is not None

        log.info("web view opens %s", policy_mod.Origin.of(url))
        self._page.setUrl(QUrl(url))

    def run_js(
        self,
        script: str,
        callback: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``script`` in the page's main world; ``callback`` gets its result."""
        if self._page is None:
            raise RuntimeError("no page is open")
        if callback is None:
            self._page.runJavaScript(script, 0)
        else:
            self._page.runJavaScript(script, 0, callback)

    def clear(self) -> None:
        """Forget this customer: wipe the profile's data and tear the page down.

        Safe from a slot of this view's own signals: the objects are deleted on the
        next turn of the event loop (view, then page, then profile), then ``closed``
        is emitted. Does nothing when nothing is open.
        """
        page, profile, view = self._page, self._profile, self._view
        if page is None or profile is None or view is None:
            return
        self._page = self._profile = self._view = None

        page.retire()  # from now on it refuses every navigation, silently
        self._layout.removeWidget(view)
        view.hide()
        view.setParent(None)  # ours to delete now, not the dialog's
        log.info("web view cleared")

        # Not now: clear() may run inside the page's own navigation callback (a
        # slot of return_url_reached), and Chromium crashes if the page dies there.
        def tear_down() -> None:
            if Shiboken.isValid(profile):
                profile.cookieStore().deleteAllCookies()
                profile.clearHttpCache()
                profile.clearAllVisitedLinks()
            _delete_in_order(view, page, profile)
            if Shiboken.isValid(self):
                self.closed.emit()

        QTimer.singleShot(0, tear_down)

    # -- building -----------------------------------------------------------------

    def _build(self, navigation: policy_mod.NavigationPolicy) -> None:
        from pos_app.ui.web import _engine  # the first QtWebEngine import

        profile = _engine.build_profile()
        page = _engine.GuardedPage(profile, navigation)
        view = _engine.build_view()
        view.setPage(page)
        self._layout.addWidget(view)
        self._profile, self._page, self._view = profile, page, view

        page.loadStarted.connect(self.on_page_load_started)
        page.loadProgress.connect(self.load_progress)
        page.loadFinished.connect(self.on_page_load_finished)
        page.titleChanged.connect(self.on_page_title_changed)
        page.return_url_reached.connect(self.return_url_reached)
        page.navigation_blocked.connect(self.navigation_blocked)

        # Whoever deletes this widget without clear() still gets the right order.
        self.destroyed.connect(lambda: _delete_in_order(view, page, profile))

    # -- slots --------------------------------------------------------------------

    @Slot()
    def on_page_load_started(self) -> None:
        self.load_started.emit()

    @Slot(bool)
    def on_page_load_finished(self, ok: bool) -> None:
        self.load_finished.emit(ok)

    @Slot(str)
    def on_page_title_changed(self, title: str) -> None:
        self.title_changed.emit(title)


def _delete_in_order(*objects: QObject) -> None:
    # A page still alive when its profile goes prints "Release of profile requested
    # but WebEnginePage still not deleted. Expect troubles !" and may crash.
    for obj in objects:
        if Shiboken.isValid(obj):
            Shiboken.delete(obj)
