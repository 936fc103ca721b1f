"""The dialog that frames a gateway page for the customer (consent, CCT, OTP)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui import theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.web import policy as policy_mod
from pos_app.ui.web.view import SecureWebView

__all__ = ["HostedPageDialog", "PageKind"]

log = logging.getLogger(__name__)

# Only what the shared theme cannot say: a thin loading bar and the page frame.
_LOCAL_STYLE = """
QDialog#hostedPageDialog { background: #FFFFFF; }
QProgressBar#hostedLoadingBar {
    min-height: 3px; max-height: 3px; border-radius: 0; background: #EEF0F3;
}
QProgressBar#hostedLoadingBar::chunk { border-radius: 0; }
QWidget#hostedHeader { border-bottom: 1px solid #D9DCE1; }
QLabel#hostedHostLabel { color: #1E7B45; font-size: 14px; }
QLabel#hostedHostLabel[tone="warning"] { color: #8A5300; }
"""


class PageKind(enum.Enum):
    """Which gateway page the dialog frames; each has its own heading.

    ``title`` and ``explanation`` are said in the current language.
    """

    CONSENT = (
        QT_TRANSLATE_NOOP("HostedPageDialog", "Link your Amazon Pay account"),
        QT_TRANSLATE_NOOP(
            "HostedPageDialog",
            "Sign in to Amazon Pay and allow this store to take payments from your "
            "balance.",
        ),
    )
    TOP_UP = (
        QT_TRANSLATE_NOOP(
            "HostedPageDialog", "Pay the rest with card, UPI or net banking"
        ),
        QT_TRANSLATE_NOOP(
            "HostedPageDialog",
            "Your Amazon Pay balance does not cover the whole sale. Pay the "
            "remaining amount on this Amazon Pay page.",
        ),
    )
    OTP = (
        QT_TRANSLATE_NOOP("HostedPageDialog", "Amazon Pay — enter your OTP"),
        QT_TRANSLATE_NOOP(
            "HostedPageDialog",
            "Amazon Pay has sent a one-time password to your phone. Enter it on "
            "this page to approve the payment.",
        ),
    )

    @property
    def title(self) -> str:
        return QCoreApplication.translate("HostedPageDialog", self.value[0])

    @property
    def explanation(self) -> str:
        return QCoreApplication.translate("HostedPageDialog", self.value[1])


class HostedPageDialog(Retranslating, QDialog):
    """Show one gateway page to the customer until it returns or they close it.

    The dialog accepts when the page reaches the return URL (``returned_url`` holds
    it, still unverified) and rejects when the customer closes it; either way the
    web view is cleared for the next customer.

    Signals:
        customer_closed(): the customer closed the page (Close button or Escape)
            before it returned.
        returned(str): the page reached the return URL; the full URL.
        navigation_blocked(str): the page tried to leave the allowed hosts.
    """

    customer_closed = Signal()
    returned = Signal(str)
    navigation_blocked = Signal(str)

    def __init__(
        self,
        kind: PageKind,
        parent: QWidget | None = None,
        *,
        view: SecureWebView | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._returned_url = ""
        self._explanation_text: Callable[[], str] = lambda: kind.explanation
        self._page_url = ""
        self._blocked_shown = False
        self.setObjectName("hostedPageDialog")
        self.setStyleSheet(_LOCAL_STYLE)
        self.resize(900, 700)
        self.setMinimumSize(640, 480)

        self._title = theme.label("", "title-sm")
        self._title.setObjectName("hostedTitle")
        self._explanation = theme.label("", "muted", wrap=True)
        self._explanation.setObjectName("hostedExplanation")

        self._lock = QLabel()
        self._lock.setObjectName("hostedLockIcon")
        self._host = QLabel()
        self._host.setObjectName("hostedHostLabel")
        self._host.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self._close_button = QPushButton()
        self._close_button.setObjectName("hostedCloseButton")
        self._close_button.setAutoDefault(False)
        self._close_button.setCursor(Qt.CursorShape.PointingHandCursor)

        self._loading = QProgressBar()
        self._loading.setObjectName("hostedLoadingBar")
        self._loading.setTextVisible(False)
        self._loading.setRange(0, 100)

        self._blocked = theme.label("", "warning", wrap=True)
        self._blocked.setObjectName("hostedBlockedLabel")
        self._blocked.hide()

        self._view = view if view is not None else SecureWebView()

        self._build_layout()

        self._close_button.clicked.connect(self.on_close_button_clicked)

        self._view.load_started.connect(self.on_view_load_started)
        self._view.load_progress.connect(self.on_view_load_progress)
        self._view.load_finished.connect(self.on_view_load_finished)
        self._view.return_url_reached.connect(self.on_view_return_url_reached)
        self._view.navigation_blocked.connect(self.on_view_navigation_blocked)

        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self.setWindowTitle(self._kind.title)
        self._title.setText(self._kind.title)
        self._explanation.setText(self._explanation_text())
        self._close_button.setText(self.tr("Close"))
        self._close_button.setAccessibleName(self.tr("Close this page"))
        self._loading.setAccessibleName(self.tr("Page loading"))
        if self._blocked_shown:
            self._blocked.setText(self._blocked_message())
        if self._page_url:
            self._show_host(self._page_url)

    def set_explanation(self, text: str | Callable[[], str]) -> None:
        """Say what the customer does on this page (instead of the kind's own);
        a callable is asked again when the language changes."""
        self._explanation_text = text if callable(text) else (lambda: text)
        self._explanation.setText(self._explanation_text())

    def _blocked_message(self) -> str:
        return self.tr(
            "That link leads outside the payment page, so it was not opened."
        )

    def __repr__(self) -> str:
        return (
            f"<HostedPageDialog {self._kind.name} returned={bool(self._returned_url)}>"
        )

    def _build_layout(self) -> None:
        header = QWidget()
        header.setObjectName("hostedHeader")
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self._title)
        text.addWidget(self._explanation)
        host_row = QHBoxLayout()
        host_row.setSpacing(6)
        host_row.addWidget(self._lock)
        host_row.addWidget(self._host, 1)
        text.addLayout(host_row)
        text.addWidget(self._blocked)

        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(20, 16, 20, 12)
        header_layout.setSpacing(16)
        header_layout.addLayout(text, 1)
        header_layout.addWidget(self._close_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self._loading)
        layout.addWidget(self._view, 1)

    # -- reading ------------------------------------------------------------------

    @property
    def kind(self) -> PageKind:
        return self._kind

    @property
    def returned_url(self) -> str:
        """The return URL the page reached, or "". Not verified: check it first."""
        return self._returned_url

    @property
    def view(self) -> SecureWebView:
        return self._view

    @property
    def host_text(self) -> str:
        return self._host.text()

    # -- acting -------------------------------------------------------------------

    def load(
        self,
        url: str,
        *,
        allowed_hosts: Iterable[str],
        return_url: str,
    ) -> None:
        """Open ``url`` in the view (as :meth:`SecureWebView.open`); then show it."""
        self._returned_url = ""
        self._blocked_shown = False
        self._blocked.hide()
        self._page_url = url
        self._show_host(url)
        self._view.open(url, allowed_hosts=allowed_hosts, return_url=return_url)

    def done(self, result: int) -> None:
        self._view.clear()  # the next customer must find nothing of this one
        super().done(result)

    def reject(self) -> None:
        if not self._returned_url:
            log.info("customer closed the %s page", self._kind.name)
            self.customer_closed.emit()
        super().reject()

    # -- drawing ------------------------------------------------------------------

    def _show_host(self, url: str) -> None:
        origin = policy_mod.Origin.of(url)
        host = origin.display if origin is not None else ""
        secure = origin is not None and origin.scheme == "https"
        self._host.setText(
            host if secure else self.tr("{host} — not encrypted").format(host=host)
        )
        self._host.setAccessibleName(
            self.tr("Page from {host}").format(host=host)
            if secure
            else self.tr("Page from {host}, not encrypted").format(host=host)
        )
        theme.set_style(self._host, tone="" if secure else "warning")
        colour = QColor("#1E7B45" if secure else "#8A5300")
        self._lock.setPixmap(_padlock(16, self.devicePixelRatioF(), colour, secure))

    # -- slots --------------------------------------------------------------------

    @Slot()
    def on_close_button_clicked(self) -> None:
        self.reject()

    @Slot()
    def on_view_load_started(self) -> None:
        self._loading.setValue(0)
        self._loading.show()

    @Slot(int)
    def on_view_load_progress(self, percent: int) -> None:
        self._loading.setValue(percent)

    @Slot(bool)
    def on_view_load_finished(self, _ok: bool) -> None:
        self._loading.setValue(100)
        self._loading.hide()

    @Slot(str)
    def on_view_return_url_reached(self, url: str) -> None:
        if self._returned_url:
            return  # a second redirect (double click, retry) changes nothing
        self._returned_url = url
        log.info("%s page returned", self._kind.name)
        self.returned.emit(url)
        self.accept()

    @Slot(str)
    def on_view_navigation_blocked(self, url: str) -> None:
        self._blocked_shown = True
        self._blocked.setText(self._blocked_message())
        self._blocked.show()
        self.navigation_blocked.emit(url)


def _padlock(size: int, dpr: float, colour: QColor, closed: bool) -> QPixmap:
    """Draw a small padlock (open when the page is not encrypted)."""
    side = max(1, round(size * dpr))
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)

    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(side / 16, side / 16)
    painter.setPen(QPen(colour, 1.8))
    shackle = QPainterPath()
    shackle.moveTo(QPointF(5, 8))
    shackle.lineTo(QPointF(5, 5))
    shackle.arcTo(QRectF(5, 1.5, 6, 6), 180, -180)
    shackle.lineTo(QPointF(11, 8 if closed else 5.5))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(3, 7.5, 10, 7.5), 1.5, 1.5)
    painter.end()

    pixmap.setDevicePixelRatio(dpr)
    return pixmap
