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

from pos_app.domain.text import translate
from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.kiosk import idle, widgets
from pos_app.ui.web import SecureWebView

__all__ = ["WebPageScreen"]

log = logging.getLogger(__name__)

_CANCEL = translate("WebPageScreen", "Cancel")


class WebPageScreen(Retranslating, QWidget):
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
        # What the owner asked to say (Text, or a plain str said as it is).
        self._texts: dict[str, object] = {"title": "", "explain": "", "close": _CANCEL}

        self._title = widgets.text("", "heading", name="webPageTitle")
        self._explain = widgets.text("", "body", name="webPageExplain")
        self._blocked = widgets.text("", "note", name="webPageBlocked")
        self._blocked.hide()
        self._loading = widgets.text("", "muted", name="webPageLoading", center=True)
        self._other = widgets.button("", "webPageOtherWayButton", "")
        self._close = widgets.button("", "webPageCloseButton", "", "quiet")

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
        self.retranslate()

    def __repr__(self) -> str:
        return f"<WebPageScreen open={self.is_open()}>"

    def retranslate(self) -> None:
        self._loading.setText(self.tr("Opening the Amazon Pay page…"))
        self._other.setText(self.tr("Use a code on my phone instead"))
        self._other.setAccessibleName(self.tr("Scan a code with your phone instead"))
        self._blocked.setText(
            self.tr(
                "That link leads outside Amazon Pay, so it was not opened. You can "
                "carry on on this page."
            )
        )
        if self._view is not None:
            self._view.setAccessibleName(self.tr("Amazon Pay page"))
        self._show_texts()

    def _show_texts(self) -> None:
        self._title.setText(i18n.render(self._texts["title"]))
        self._explain.setText(i18n.render(self._texts["explain"]))
        close = i18n.render(self._texts["close"])
        self._close.setText(close)
        self._close.setAccessibleName(close)

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
        title: object,
        explanation: object,
        close_text: object,
        offer_other_way: bool,
    ) -> None:
        """Open ``url`` (raises ValueError when it is outside ``allowed_hosts``).

        The texts may be :class:`~pos_app.domain.text.Text`: they are said in the
        language on screen, again after a switch.
        """
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
        title: object,
        explanation: object,
        close_text: object = _CANCEL,
        offer_other_way: bool = False,
    ) -> None:
        """Show the heading while the page is still on its way."""
        self._returned = False
        self._texts = {"title": title, "explain": explanation, "close": close_text}
        self._show_texts()
        self._blocked.hide()
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
            # Qt WebEngine's own widgets must not reach a Python event filter.
            view.setProperty(idle.SKIP_PROPERTY, True)
            view.setObjectName("kioskWebView")
            view.setAccessibleName(self.tr("Amazon Pay page"))
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
        self._blocked.show()
        self.navigation_blocked.emit(url)

    @Slot()
    def on_other_clicked(self) -> None:
        self.other_way_requested.emit()

    @Slot()
    def on_close_clicked(self) -> None:
        self.close_requested.emit()
