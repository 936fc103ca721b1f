"""The counter's look: style sheet, base font, icons and small styling helpers.

Widgets opt in to a look by setting the dynamic property ``role`` (and sometimes
``tone``); the rules live in ``resources/theme.qss``. After changing a property at run
time call :func:`set_style` so Qt re-reads the rules.
"""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget

from pos_app.ui import i18n

__all__ = [
    "apply_theme",
    "divider",
    "icon_pixmap",
    "label",
    "set_style",
    "style_sheet",
]

BASE_FONT_PX = 15


@functools.cache
def style_sheet() -> str:
    """Return the theme's QSS text, read once from the package resources."""
    qss = resources.files("pos_app.resources").joinpath("theme.qss")
    return qss.read_text(encoding="utf-8")


def base_font() -> QFont:
    """Return the UI font at the base size with tabular (equal-width) figures.

    DejaVu Sans first, then the shipped Devanagari font for Hindi
    (:data:`pos_app.ui.i18n.FONT_FAMILIES`).
    """
    font = QFont()
    font.setFamilies(list(i18n.FONT_FAMILIES))
    font.setPixelSize(BASE_FONT_PX)
    font.setFeature(QFont.Tag("tnum"), 1)  # money columns line up digit for digit
    return font


def apply_theme(app: QApplication) -> None:
    """Give the whole application the counter's font and style sheet."""
    i18n.register_fonts()
    app.setFont(base_font())
    app.setStyleSheet(style_sheet())


def set_style(widget: QWidget, role: str | None = None, **properties: object) -> None:
    """Set ``role`` (and other style properties) on a widget and re-polish it."""
    if role is not None:
        widget.setProperty("role", role)
    for name, value in properties.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    """Build a QLabel with a style role."""
    widget = QLabel(text)
    if role is not None:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def divider() -> QFrame:
    """Build a thin horizontal rule."""
    line = QFrame()
    line.setProperty("role", "divider")
    line.setFrameShape(QFrame.Shape.NoFrame)
    return line


def icon_pixmap(name: str, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """Render ``resources/<name>.svg`` as a square pixmap, ``size`` logical pixels."""
    svg = resources.files("pos_app.resources").joinpath(f"{name}.svg").read_bytes()
    renderer = QSvgRenderer(svg)

    side = round(size * device_pixel_ratio)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()

    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap
