"""Payment method cards, and the Amazon Pay card with the balance."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.ui import theme

__all__ = ["AmazonPayCard", "MethodCard", "describe_age"]


def describe_age(refreshed_at: datetime | None, now: datetime | None = None) -> str:
    """Say how fresh a balance is: "updated just now", "updated 5 min ago", ..."""
    if refreshed_at is None:
        return ""
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - refreshed_at).total_seconds()
    if seconds < 60:
        return "updated just now"
    if seconds < 3600:
        return f"updated {int(seconds // 60)} min ago"
    return f"updated at {refreshed_at.astimezone().strftime('%H:%M')}"


class MethodCard(QPushButton):
    """A large, checkable card for one payment method."""

    def __init__(
        self, option: types.MethodOption, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.option = option
        self.setObjectName(f"method_{option.method_type}_{option.method}")
        self.setProperty("role", "card")
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self._title = theme.label(option.label, "card-title")
        self._subtitle = theme.label("", "muted", wrap=True)
        self._subtitle.setObjectName("methodSubtitle")
        for part in (self._title, self._subtitle):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(4)
        self.body.addWidget(self._title)
        self.body.addWidget(self._subtitle)

        self.set_subtitle(option.reason if not option.supported else "")
        self.setEnabled(option.supported)

    def __repr__(self) -> str:
        return f"<MethodCard {self.option.key} supported={self.option.supported}>"

    @property
    def subtitle(self) -> str:
        return self._subtitle.text()

    def set_subtitle(self, text: str) -> None:
        self._subtitle.setText(text)
        self._subtitle.setVisible(bool(text))
        self._update_accessible_name()

    def _update_accessible_name(self) -> None:
        parts = [self.option.label, self.subtitle]
        if not self.option.supported:
            parts.append("not available")
        self.setAccessibleName(", ".join(part for part in parts if part))


class AmazonPayCard(MethodCard):
    """The Amazon Pay card: balance for a linked customer, Link and Pay otherwise."""

    def __init__(
        self, option: types.MethodOption, parent: QWidget | None = None
    ) -> None:
        super().__init__(option, parent)
        self.setObjectName("amazonPayCard")

        self._balance = theme.label("", "balance")
        self._balance.setObjectName("balanceLabel")
        self._age = theme.label("", "muted")
        self._age.setObjectName("balanceAgeLabel")
        for part in (self._balance, self._age):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.body.removeWidget(self._title)
        title_row.addWidget(self._title)
        title_row.addStretch(1)
        title_row.addWidget(self._age)
        self.body.insertLayout(0, title_row)
        self.body.insertWidget(1, self._balance)

        self._link_button = QPushButton("Link and Pay")
        self._link_button.setObjectName("linkAndPayButton")
        self._link_button.setAccessibleName("Link and Pay, not available yet")
        self._link_button.setToolTip(
            "Linking Amazon Pay at the counter is not available yet"
        )
        self._link_button.setEnabled(False)
        self._link_button.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed
        )
        self.body.addWidget(self._link_button)
        self._link_button.hide()
        self._refreshed_at: datetime | None = None
        self.show_balance(None, None)

    @property
    def balance_text(self) -> str:
        return self._balance.text() if not self._balance.isHidden() else ""

    @property
    def age_text(self) -> str:
        return self._age.text()

    @property
    def link_button(self) -> QPushButton:
        return self._link_button

    def show_balance(
        self, balance: money_mod.Money | None, refreshed: datetime | None
    ) -> None:
        self._refreshed_at = refreshed
        self._balance.setText(
            f"Balance {balance.format()}" if balance is not None else ""
        )
        self._balance.setVisible(balance is not None)
        self.refresh_age()
        self._update_accessible_name()

    def show_link_and_pay(self, visible: bool) -> None:
        self._link_button.setVisible(visible)

    def refresh_age(self) -> None:
        text = describe_age(self._refreshed_at) if not self._balance.isHidden() else ""
        self._age.setText(text)
        self._age.setVisible(bool(text))

    def _update_accessible_name(self) -> None:
        balance = getattr(self, "_balance", None)
        parts = [self.option.label]
        if balance is not None and not balance.isHidden():
            parts.append(balance.text())
        parts.append(self.subtitle)
        self.setAccessibleName(", ".join(part for part in parts if part))
