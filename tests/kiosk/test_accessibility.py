"""Every screen: accessible names on focusable widgets, touch targets >= 44 px."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from . import tour
from .conftest import make_kiosk

MIN_TARGET = 44


def _visible(kiosk: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in kiosk.findChildren(kind) if w.isVisibleTo(kiosk)]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_screen_has_names_and_finger_sized_targets(
    qtbot, themed, controller, store, size
):
    kiosk = make_kiosk(qtbot, controller, store)
    kiosk.resize(*size)
    problems: list[str] = []

    for screen in tour.tour(kiosk, controller):
        qtbot.wait(1)  # let layouts settle
        for widget in _visible(kiosk, QWidget):
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            if focusable and not widget.accessibleName():
                problems.append(f"{screen}: {widget.objectName() or widget!r} unnamed")
        for button in _visible(kiosk, QAbstractButton):
            if not button.objectName():
                problems.append(f"{screen}: a button has no object name")
            if button.width() < MIN_TARGET or button.height() < MIN_TARGET:
                problems.append(
                    f"{screen}: {button.objectName()} is "
                    f"{button.width()}x{button.height()}"
                )

    assert problems == []


def test_the_kiosk_covers_the_screens_it_says(qtbot, themed, controller, store):
    kiosk = make_kiosk(qtbot, controller, store)
    seen = set()
    for _name in tour.tour(kiosk, controller):
        seen.add(kiosk.current_screen())
    assert seen == {
        "attract",
        "shop",
        "phone",
        "pay",
        "link_qr",
        "web",
        "progress",
        "result",
    }
