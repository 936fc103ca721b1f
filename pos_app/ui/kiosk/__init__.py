"""The self-service kiosk shell (``pos-app --kiosk``): one customer, full screen.

Only :class:`KioskWindow` is public; the screens are its internals.
"""

from __future__ import annotations

from pos_app.ui.kiosk.window import SCREENS, KioskWindow

__all__ = ["SCREENS", "KioskWindow"]
