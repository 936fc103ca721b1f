"""The step indicator across the top: 1 Shop · 2 Mobile · 3 Pay."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui import i18n
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from pos_app.ui.kiosk import widgets

__all__ = ["STEPS", "StepIndicator"]

#: The steps' names in English (also what ``current_name`` says, for tests and logs).
STEPS = (
    QT_TRANSLATE_NOOP("StepIndicator", "Shop"),
    QT_TRANSLATE_NOOP("StepIndicator", "Mobile"),
    QT_TRANSLATE_NOOP("StepIndicator", "Pay"),
)


class StepIndicator(Retranslating, QWidget):
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
        """The current step's English name (``Shop``, ``Mobile``, ``Pay``), or
        ``Done`` once every step is ticked (a paid result)."""
        return STEPS[self._current] if self._current < len(STEPS) else "Done"

    def retranslate(self) -> None:
        self.set_current(self._current)

    def set_current(self, index: int) -> None:
        """Mark step ``index`` (0-based) as the one the customer is on; past the
        last step, every step is done."""
        self._current = index
        count = len(STEPS)
        for position, (step, english) in enumerate(
            zip(self._labels, STEPS, strict=True)
        ):
            name = i18n.t("StepIndicator", english)
            number = position + 1
            if position < index:
                state = "done"
                spoken = self.tr("Step {number} of {count}, {name}, done")
            elif position == index:
                state = "now"
                spoken = self.tr("Step {number} of {count}, {name}, you are here")
            else:
                state = "next"
                spoken = self.tr("Step {number} of {count}, {name}")
            mark = "✓" if state == "done" else str(number)
            step.setText(f"{mark}  {name}")
            step.setAccessibleName(spoken.format(number=number, count=count, name=name))
            widgets.restyle(step, state=state)
