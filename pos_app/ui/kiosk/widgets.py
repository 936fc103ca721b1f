"""Small building blocks shared by the kiosk screens: touch buttons, labels, style.

Kiosk widgets opt in to a look with the dynamic property ``kiosk`` (not the
counter's ``role``), so the counter theme and ``resources/kiosk.qss`` never fight
over one widget. After changing a property at run time call :func:`restyle`.
"""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QWidget

__all__ = [
    "MIN_TOUCH",
    "button",
    "clear_layout",
    "restyle",
    "style_sheet",
    "text",
]

#: The smallest side of anything a finger taps (the guideline minimum is 44).
MIN_TOUCH = 56


@functools.cache
def style_sheet() -> str:
    """Return the kiosk's QSS, read once from ``pos_app.resources/kiosk.qss``."""
    qss = resources.files("pos_app.resources").joinpath("kiosk.qss")
    return qss.read_text(encoding="utf-8")


def button(
    label: str,
    name: str,
    accessible: str,
    kind: str = "secondary",
    *,
    min_width: int = MIN_TOUCH,
) -> QPushButton:
    """Build a touch button: object and accessible names, a look, a finger's size."""
    widget = QPushButton(label)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setProperty("kiosk", kind)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setAutoDefault(False)
    widget.setMinimumWidth(min_width)  # heights: kiosk.qss (it overrides code)
    return widget


def text(
    content: str = "",
    kind: str | None = None,
    *,
    name: str = "",
    center: bool = False,
    wrap: bool = True,
) -> QLabel:
    """Build a label with a kiosk look (``title``, ``lead``, ``body``, ``muted``...)."""
    widget = QLabel(content)
    if kind is not None:
        widget.setProperty("kiosk", kind)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def restyle(widget: QWidget, **properties: object) -> None:
    """Set style properties on ``widget`` and make Qt re-read the rules."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def clear_layout(layout: QLayout) -> None:
    """Delete every widget in a layout (rows that are rebuilt on each change)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone from the screen's children at once
            widget.deleteLater()
