"""The step indicator across the top: 1 Shop · 2 Mobile · 3 Pay."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui.kiosk import widgets

__all__ = ["STEPS", "StepIndicator"]

STEPS = ("Shop", "Mobile", "Pay")


class StepIndicator(QWidget):
    """Show where the customer is; done steps get a tick, the current one is bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self._current = 0
        self._labels: list[QLabel] = []

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for index, name in enumerate(STEPS):
            if index:
                layout.addWidget(widgets.text("·", "step-sep", wrap=False))
            step = widgets.text("", "step", name=f"step{name}", wrap=False)
            self._labels.append(step)
            layout.addWidget(step)
        self.set_current(0)

    def __repr__(self) -> str:
        return f"<StepIndicator current={self.current_name!r}>"

    @property
    def current(self) -> int:
        return self._current

    @property
    def current_name(self) -> str:
        return STEPS[self._current]

    def set_current(self, index: int) -> None:
        """Mark step ``index`` (0-based) as the one the customer is on."""
        self._current = index
        for position, (step, name) in enumerate(zip(self._labels, STEPS, strict=True)):
            state = (
                "done" if position < index else "now" if position == index else "next"
            )
            mark = "✓" if state == "done" else str(position + 1)
            step.setText(f"{mark}  {name}")
            step.setAccessibleName(
                f"Step {position + 1} of {len(STEPS)}, {name}"
                + {"done": ", done", "now": ", you are here", "next": ""}[state]
            )
            widgets.restyle(step, state=state)
