"""A crisp QR code for a URL: whole device pixels per module, a white quiet zone.

The module matrix comes from ``qrcode`` (no PIL at run time); we paint it ourselves
so every module is an exact square of device pixels at any scaling, which is what a
phone camera needs to read it off a screen.
"""

from __future__ import annotations

import logging
import urllib.parse

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.ui.i18n import Retranslating

__all__ = ["QUIET_ZONE", "QrWidget", "qr_image", "qr_matrix"]

log = logging.getLogger(__name__)

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
_WHITE = QColor(255, 255, 255)

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(url: str) -> Matrix:
    """Return the dark/light modules for ``url`` (error correction M), no border.

    Raises:
        ValueError: the text is too long for any QR version.
    """
    # Imported here: qrcode pulls in PIL when it is installed, which start-up
    # should not pay for before anyone needs a QR code.
    import qrcode
    import qrcode.constants
    import qrcode.exceptions

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError) as exc:  # v41+
        raise ValueError(f"too long for a QR code ({len(url)} characters)") from exc
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def qr_image(url: str, scale: int) -> QImage:
    """Render ``url`` as a QR image, ``scale`` pixels per module, with the quiet zone.

    The image is 8-bit grey (only 0 and 255) with device pixel ratio 1; call
    ``setDevicePixelRatio`` to show it at a given logical size.
    """
    if scale < 1:
        raise ValueError("scale must be at least one pixel per module")
    return _render(qr_matrix(url), scale)


def _render(matrix: Matrix, scale: int) -> QImage:
    # Built as bytes, not with QPainter.fillRect per module: one call per image
    # keeps it fast, and exact (no painter rounding at all).
    side = (len(matrix) + 2 * QUIET_ZONE) * scale
    quiet = b"\xff" * (QUIET_ZONE * scale)
    blank_row = b"\xff" * side
    rows = [blank_row * (QUIET_ZONE * scale)]
    for modules in matrix:
        cells = b"".join(
            b"\x00" * scale if dark else b"\xff" * scale for dark in modules
        )
        rows.append((quiet + cells + quiet) * scale)
    rows.append(blank_row * (QUIET_ZONE * scale))
    data = b"".join(rows)

    image = QImage(data, side, side, side, QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels; ``data`` goes away with this frame


class QrWidget(Retranslating, QWidget):
    """Show a QR code for a URL, as large as fits in whole device pixels per module.

    The widget is white all over (the margin around the quiet zone too) and centres
    the code. Nothing is smoothed: each module is ``n x n`` device pixels.
    """

    def __init__(self, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(
            QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.MinimumExpanding
        )
        self._url = ""
        self._matrix: Matrix = ()
        self._cache: tuple[int, QImage] | None = None
        self._custom_name = False
        self.set_url(url)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<QrWidget modules={self.module_count()} url_length={len(self._url)}>"

    @property
    def url(self) -> str:
        return self._url

    def module_count(self) -> int:
        """Modules per side including the quiet zone, or 0 when there is no code."""
        return len(self._matrix) + 2 * QUIET_ZONE if self._matrix else 0

    def setAccessibleName(self, name: str) -> None:
        """Name the code for a screen reader (else it is called "QR code")."""
        self._custom_name = True
        super().setAccessibleName(name)

    def retranslate(self) -> None:
        """Set the default name and the description in the current language."""
        if not self._custom_name:
            super().setAccessibleName(self.tr("QR code"))
        self._describe()

    def _describe(self) -> None:
        url = self._url
        host = urllib.parse.urlsplit(url).hostname if url else None
        if not url:
            text = ""
        elif host:
            text = self.tr("Scan with a phone camera to open the page on {host}.")
            text = text.format(host=host)
        else:
            text = self.tr("Scan with a phone camera to open the page.")
        self.setAccessibleDescription(text)

    def set_url(self, url: str) -> None:
        """Show ``url`` (an empty string shows a blank white square)."""
        self._url = url
        self._matrix = qr_matrix(url) if url else ()
        self._cache = None
        self._describe()
        self.updateGeometry()
        self.update()

    def module_pixels(self, device_pixel_ratio: float | None = None) -> int:
        """Device pixels per module at the current size (at least 1)."""
        dpr = device_pixel_ratio or self.devicePixelRatioF()
        count = self.module_count()
        if not count:
            return 0
        side = int(min(self.width(), self.height()) * dpr)
        return max(1, side // count)

    # -- Qt overrides -------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def minimumSizeHint(self) -> QSize:
        side = max(self.module_count(), 21 + 2 * QUIET_ZONE) * 2
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _WHITE)
        if not self._matrix:
            return

        # Paint in device pixels, whatever the scaling, so modules stay whole.
        dpr = painter.device().devicePixelRatioF()
        scale = self.module_pixels(dpr)
        image = self._image(scale)
        width, height = int(self.width() * dpr), int(self.height() * dpr)
        offset = QPoint((width - image.width()) // 2, (height - image.height()) // 2)
        painter.setWorldTransform(QTransform.fromScale(1 / dpr, 1 / dpr))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(offset, image)
        painter.end()

    def _image(self, scale: int) -> QImage:
        if self._cache is None or self._cache[0] != scale:
            self._cache = (scale, _render(self._matrix, scale))
        return self._cache[1]
