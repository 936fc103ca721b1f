"""The Qt WebEngine half of the secure web view: profile, page and view.

Imported only by :meth:`pos_app.ui.web.view.SecureWebView.open`, never at start-up:
this module is what pulls in QtWebEngine (and Chromium) for the first time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineDownloadRequest,
    QWebEngineFileSystemAccessRequest,
    QWebEngineFullScreenRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineRegisterProtocolHandlerRequest,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from pos_app.ui.web import policy as policy_mod

__all__ = ["GuardedPage", "build_profile", "build_view"]

log = logging.getLogger(__name__)

_Attr = QWebEngineSettings.WebAttribute

# JavaScript stays on (the gateway pages need it); everything that reaches outside
# the page (files, other origins from local content, windows, clipboard) is off.
_SETTINGS = {
    _Attr.JavascriptEnabled: True,
    _Attr.JavascriptCanOpenWindows: False,
    _Attr.JavascriptCanAccessClipboard: False,
    _Attr.JavascriptCanPaste: False,
    _Attr.AllowWindowActivationFromJavaScript: False,
    _Attr.LocalContentCanAccessFileUrls: False,
    _Attr.LocalContentCanAccessRemoteUrls: False,
    _Attr.PluginsEnabled: False,
    _Attr.PdfViewerEnabled: False,
    _Attr.FullScreenSupportEnabled: False,
    _Attr.ScreenCaptureEnabled: False,
    _Attr.HyperlinkAuditingEnabled: False,
    _Attr.DnsPrefetchEnabled: False,
    _Attr.NavigateOnDropEnabled: False,
    _Attr.WebRTCPublicInterfacesOnly: True,
    _Attr.AllowRunningInsecureContent: False,
    _Attr.AllowGeolocationOnInsecureOrigins: False,
    _Attr.ErrorPageEnabled: True,
}


def build_profile() -> QWebEngineProfile:
    """Build an off-the-record profile: cookies and cache in memory, downloads refused.

    The caller owns it and must delete every page that uses it first.
    """
    profile = QWebEngineProfile()  # no storage name: off the record
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    for attribute, on in _SETTINGS.items():
        profile.settings().setAttribute(attribute, on)

    profile.downloadRequested.connect(_refuse_download)
    return profile


def build_view() -> QWebEngineView:
    """Build a view with no context menu; it shows whatever page it is given."""
    view = QWebEngineView()
    view.setObjectName("secureWebEngineView")
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    view.setAcceptDrops(False)
    view.setAccessibleName(QCoreApplication.translate("SecureWebView", "Payment page"))
    return view


def _refuse_download(download: QWebEngineDownloadRequest) -> None:
    log.warning("download refused: %s", download.url().host())
    download.cancel()


class GuardedPage(QWebEnginePage):
    """A page that only navigates inside the allowed origins.

    Signals:
        return_url_reached(str): the page tried to load the return URL (refused); the
            URL fully encoded, as Chromium gave it.
        navigation_blocked(str): a navigation outside the allowed origins was refused.
    """

    return_url_reached = Signal(str)
    navigation_blocked = Signal(str)

    def __init__(
        self,
        profile: QWebEngineProfile,
        navigation: policy_mod.NavigationPolicy,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self._policy = navigation
        self._retired = False

        self.certificateError.connect(self.on_certificate_error)
        self.permissionRequested.connect(self.on_permission_requested)
        self.fullScreenRequested.connect(self.on_full_screen_requested)
        self.fileSystemAccessRequested.connect(self.on_file_system_access_requested)
        self.registerProtocolHandlerRequested.connect(
            self.on_register_protocol_handler_requested
        )

    def __repr__(self) -> str:
        return f"<GuardedPage {self._policy!r} retired={self._retired}>"

    @property
    def navigation_policy(self) -> policy_mod.NavigationPolicy:
        return self._policy

    def set_navigation_policy(self, navigation: policy_mod.NavigationPolicy) -> None:
        self._policy = navigation

    def retire(self) -> None:
        """Refuse every navigation from now on and stop reporting; about to die."""
        self._retired = True

    # -- Qt overrides -------------------------------------------------------------

    def acceptNavigationRequest(
        self,
        url: QUrl | str,
        type: QWebEnginePage.NavigationType,
        isMainFrame: bool,  # noqa: N803 - Qt's name
    ) -> bool:
        raw = _encoded(url)
        if self._retired:
            return False

        decision = self._policy.decide(raw)
        log.debug("navigation %s (%s, main=%s): %s", decision, type, isMainFrame, raw)
        if decision is policy_mod.Decision.ALLOW:
            return True
        if decision is policy_mod.Decision.RETURN:
            self.return_url_reached.emit(raw)
        elif decision is policy_mod.Decision.BLOCK:
            log.warning("navigation blocked: %s", _origin_text(raw))
            self.navigation_blocked.emit(raw)
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:  # type: ignore[override]
        log.info("pop-up window refused")
        return None

    def chooseFiles(
        self,
        _mode: QWebEnginePage.FileSelectionMode,
        _old_files: Sequence[str],
        _accepted_mime_types: Sequence[str],
    ) -> list[str]:
        return []  # no file access from a gateway page

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.debug("js console %s %s:%s: %s", level.name, source, line, message)

    # -- refusals -----------------------------------------------------------------

    def on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        log.warning("certificate error refused: %s", error.description())
        error.rejectCertificate()

    def on_permission_requested(self, permission: QWebEnginePermission) -> None:
        log.info("permission refused: %s", permission.permissionType().name)
        permission.deny()

    def on_full_screen_requested(self, request: QWebEngineFullScreenRequest) -> None:
        request.reject()

    def on_file_system_access_requested(
        self, request: QWebEngineFileSystemAccessRequest
    ) -> None:
        request.reject()

    def on_register_protocol_handler_requested(
        self, request: QWebEngineRegisterProtocolHandlerRequest
    ) -> None:
        request.reject()


def _encoded(url: QUrl | str) -> str:
    if isinstance(url, str):
        return url
    return url.toString(QUrl.ComponentFormattingOption.FullyEncoded)


def _origin_text(url: str) -> str:
    # Log where, not what: a query may carry order ids or signatures.
    origin = policy_mod.Origin.of(url)
    return str(origin) if origin is not None else url.split(":", 1)[0] + ":"
