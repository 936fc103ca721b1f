"""A gateway page right on the kiosk: Amazon's consent, the top-up or the OTP page.

One locked-down :class:`~pos_app.ui.web.SecureWebView` for the whole kiosk, built
(with Chromium) only when a page is first needed and cleared after every page and at
every reset, so the next customer finds no cookie, cache or history of this one.
Nothing here decides an outcome: the window hands the return URL (or "closed") to
the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from pos_app.ui.kiosk import widgets
from pos_app.ui.web import SecureWebView

__all__ = ["WebPageScreen"]

log = logging.getLogger(__name__)


class WebPageScreen(QWidget):
    """Frame one gateway page with a plain heading and a way out.

    Signals:
        returned(str): the page reached its return URL (still to be verified).
        close_requested(): the customer tapped the close button.
        other_way_requested(): (consent only) use a QR code instead.
        navigation_blocked(str): the page tried to leave the allowed hosts.
    """

    returned = Signal(str)
    close_requested = Signal()
    other_way_requested = Signal()
    navigation_blocked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webPage")
        self._view: SecureWebView | None = None
        self._returned = False

        self._title = widgets.text("", "heading", name="webPageTitle")
        self._explain = widgets.text("", "body", name="webPageExplain")
        self._blocked = widgets.text("", "note", name="webPageBlocked")
        self._blocked.hide()
        self._loading = widgets.text(
            "Opening the Amazon Pay page…", "muted", name="webPageLoading", center=True
        )
        self._other = widgets.button(
            "Use a code on my phone instead",
            "webPageOtherWayButton",
            "Scan a code with your phone instead",
        )
        self._close = widgets.button("Cancel", "webPageCloseButton", "Cancel", "quiet")

        head_text = QVBoxLayout()
        head_text.setSpacing(6)
        head_text.addWidget(self._title)
        head_text.addWidget(self._explain)
        head_text.addWidget(self._blocked)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addLayout(head_text, 1)
        head.addWidget(self._other)
        head.addWidget(self._close)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(32, 16, 32, 20)
        self._layout.setSpacing(12)
        self._layout.addLayout(head)
        self._layout.addWidget(self._loading, 1)

        self._other.clicked.connect(self.on_other_clicked)
        self._close.clicked.connect(self.on_close_clicked)

    def __repr__(self) -> str:
        return f"<WebPageScreen open={self.is_open()}>"

    # -- API --------------------------------------------------------------------

    @property
    def view(self) -> SecureWebView | None:
        return self._view

    @property
    def title(self) -> str:
        return self._title.text()

    def is_open(self) -> bool:
        return self._view is not None and self._view.is_open()

    def open_page(
        self,
        url: str,
        *,
        allowed_hosts: Iterable[str],
        return_url: str,
        title: str,
        explanation: str,
        close_text: str,
        offer_other_way: bool,
    ) -> None:
        """Open ``url`` (raises ValueError when it is outside ``allowed_hosts``)."""
        self.prepare(
            title=title,
            explanation=explanation,
            close_text=close_text,
            offer_other_way=offer_other_way,
        )
        view = self._ensure_view()
        view.open(url, allowed_hosts=allowed_hosts, return_url=return_url)
        self._loading.hide()
        view.show()

    def prepare(
        self,
        *,
        title: str,
        explanation: str,
        close_text: str = "Cancel",
        offer_other_way: bool = False,
    ) -> None:
        """Show the heading while the page is still on its way."""
        self._returned = False
        self._title.setText(title)
        self._explain.setText(explanation)
        self._blocked.hide()
        self._close.setText(close_text)
        self._close.setAccessibleName(close_text)
        self._close.setEnabled(True)
        self._other.setVisible(offer_other_way)

    def clear(self) -> None:
        """Forget the page: cookies, cache, history (see SecureWebView.clear)."""
        if self._view is not None and self._view.is_open():
            self._view.clear()
        if self._view is not None:
            self._view.hide()
        self._loading.show()

    def _ensure_view(self) -> SecureWebView:
        if self._view is None:
            view = SecureWebView()
            view.setObjectName("kioskWebView")
            view.setAccessibleName("Amazon Pay page")
            self._layout.addWidget(view, 1)
            view.return_url_reached.connect(self.on_view_return_url_reached)
            view.navigation_blocked.connect(self.on_view_navigation_blocked)
            self._view = view
        return self._view

    # -- slots ------------------------------------------------------------------

    @Slot(str)
    def on_view_return_url_reached(self, url: str) -> None:
        if self._returned:
            return  # a second redirect changes nothing
        self._returned = True
        self._close.setEnabled(False)
        self.returned.emit(url)

    @Slot(str)
    def on_view_navigation_blocked(self, url: str) -> None:
        self._blocked.setText(
            "That link leads outside Amazon Pay, so it was not opened. You can carry "
            "on on this page."
        )
        self._blocked.show()
        self.navigation_blocked.emit(url)

    @Slot()
    def on_other_clicked(self) -> None:
        self.other_way_requested.emit()

    @Slot()
    def on_close_clicked(self) -> None:
        self.close_requested.emit()
