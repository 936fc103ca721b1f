"""Notice when the customer has walked away, warn, then ask for a reset.

The watcher filters the input events (touch, mouse, keys, wheel) of the kiosk's
own widgets, a tree it follows as widgets come and go (:meth:`IdleWatcher.watch`);
each one restarts the idle timer. It is not an application-wide filter: that one
would see every event of Qt WebEngine's internal objects too, and wrapping those for
Python crashes the process (seen with PySide6 6.11 when a gateway page opened).
Widgets marked with :data:`SKIP_PROPERTY` (the web view) are not followed; no idle
reset can happen while a gateway page is open anyway (money may move).

After ``idle_timeout_s`` without input it shows a warning with a countdown of
``warning_s`` seconds; any input cancels it; at zero it emits ``reset_due``. The
trap: money may be moving. While ``is_busy()`` says so (a payment, a consent or a
gateway page) neither the warning nor the reset happens; the watcher checks again
every second and warns as soon as it is safe (input in the meantime restarts the
wait as usual).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

__all__ = ["INPUT_EVENTS", "SKIP_PROPERTY", "IdleWatcher"]

log = logging.getLogger(__name__)

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
RECHECK_MS = 1000
_CHILD_EVENTS = frozenset({QEvent.Type.ChildAdded, QEvent.Type.ChildPolished})
#: A widget with this property set to True is not watched, nor its children.
SKIP_PROPERTY = "idleWatchSkip"


class IdleWatcher(QObject):
    """Count idle time while armed; warn, count down, then ask for a reset.

    ``watch(root)`` makes it follow ``root`` and every widget added under it; it
    only acts while armed.

    Signals:
        warning_started(int): the warning is up; seconds left.
        warning_tick(int): seconds left on the warning.
        warning_cancelled(): input (or disarming) ended the warning.
        postponed(): the idle time ran out while busy; the reset waits.
        reset_due(): the countdown reached zero and nothing is in flight.
    """

    warning_started = Signal(int)
    warning_tick = Signal(int)
    warning_cancelled = Signal()
    postponed = Signal()
    reset_due = Signal()

    def __init__(
        self,
        is_busy: Callable[[], bool],
        *,
        idle_timeout_s: float,
        warning_s: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._is_busy = is_busy
        self._warning_s = max(1, int(warning_s))
        self._armed = False
        self._left = 0
        self._waiting_for_calm = False

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, round(idle_timeout_s * 1000)))

        self._tick = QTimer(self)
        self._tick.setInterval(1000)

        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)

        self._idle.timeout.connect(self.on_idle_timeout)
        self._tick.timeout.connect(self.on_tick_timeout)
        self._recheck.timeout.connect(self.on_recheck_timeout)

    def __repr__(self) -> str:
        return (
            f"<IdleWatcher armed={self._armed} warning={self.warning_shown} "
            f"postponed={self._waiting_for_calm}>"
        )

    # -- state --------------------------------------------------------------------

    @property
    def armed(self) -> bool:
        return self._armed

    @property
    def warning_shown(self) -> bool:
        return self._tick.isActive()

    @property
    def seconds_left(self) -> int:
        return self._left if self.warning_shown else 0

    @property
    def postponed_now(self) -> bool:
        """The idle time ran out while busy and the watcher waits for calm."""
        return self._waiting_for_calm

    # -- control ------------------------------------------------------------------

    def arm(self) -> None:
        """Start counting idle time (a customer is using the kiosk)."""
        self._armed = True
        self.poke()

    def disarm(self) -> None:
        """Stop counting (back on the attract screen); hide any warning."""
        self._armed = False
        self._idle.stop()
        self._recheck.stop()
        self._waiting_for_calm = False
        self._end_warning()

    def poke(self) -> None:
        """Count input: cancel a warning or a postponed reset and start again."""
        if not self._armed:
            return
        self._recheck.stop()
        self._waiting_for_calm = False
        self._end_warning()
        self._idle.start()

    def watch(self, root: QWidget) -> None:
        """Count input on ``root`` and its widgets, now and as they are added."""
        if root.property(SKIP_PROPERTY):
            return
        root.installEventFilter(self)
        for child in root.findChildren(QWidget):
            if not _skipped(child, root):
                child.installEventFilter(self)

    # -- Qt overrides -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on the whole application, so it also sees events while a kiosk
        # that was never closed is being collected: Python may have cleared this
        # object's attributes before Qt destroys it and drops the filter. An
        # exception here would go to Qt's event loop, so read the flag safely.
        kind = event.type()
        if kind in _CHILD_EVENTS and isinstance(event, QChildEvent):
            # ChildAdded can come before the child is built (then it is no
            # QWidget yet); ChildPolished comes once it is, before it is shown.
            child = event.child()
            if isinstance(child, QWidget):
                self.watch(child)  # a cart row, an overlay, a dialog's buttons
        elif getattr(self, "_armed", False) and kind in INPUT_EVENTS:
            self.poke()
        return False

    # -- slots --------------------------------------------------------------------

    @Slot()
    def on_idle_timeout(self) -> None:
        if self._is_busy():
            self._postpone()
            return
        self._left = self._warning_s
        log.info(
            "kiosk idle: reset in %d s unless someone touches the screen", self._left
        )
        self._tick.start()
        self.warning_started.emit(self._left)

    @Slot()
    def on_tick_timeout(self) -> None:
        self._left -= 1
        if self._is_busy():  # a payment started under the warning: never reset
            self._end_warning()
            self._postpone()
            return
        if self._left > 0:
            self.warning_tick.emit(self._left)
            return
        self._tick.stop()
        log.info("kiosk idle: resetting")
        self.reset_due.emit()

    @Slot()
    def on_recheck_timeout(self) -> None:
        if self._is_busy():
            return
        self._recheck.stop()
        self._waiting_for_calm = False
        log.info("kiosk idle: the payment is over; warning now")
        self.on_idle_timeout()

    # -- helpers ------------------------------------------------------------------

    def _postpone(self) -> None:
        if not self._waiting_for_calm:
            log.info("kiosk idle: a payment is in flight; the reset waits")
            self._waiting_for_calm = True
            self.postponed.emit()
        self._recheck.start()

    def _end_warning(self) -> None:
        if self._tick.isActive():
            self._tick.stop()
            self.warning_cancelled.emit()


def _skipped(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` is (under) a widget marked not to be watched."""
    node: QWidget | None = widget
    while node is not None and node is not root:
        if node.property(SKIP_PROPERTY):
            return True
        node = node.parentWidget()
    return False
