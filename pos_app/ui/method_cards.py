"""Payment method cards, and the Amazon Pay card with the balance."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import money as money_mod
from pos_app.ui import theme

__all__ = [
    "DIRECT_SUBTITLE",
    "NOT_LINKED_SUBTITLE",
    "REDIRECT_SUBTITLE",
    "AmazonPayCard",
    "MethodCard",
    "OtherMethodsNote",
    "describe_age",
    "describe_other_methods",
    "redirect_subtitle",
    "route_name",
    "short_balance_subtitle",
]

DIRECT_SUBTITLE = "Pays straight from the balance"
REDIRECT_SUBTITLE = "Amazon Pay — OTP on your phone"  # when the route has no name
NOT_LINKED_SUBTITLE = (
    "Not linked yet. Press Link and Pay: the customer allows it once, then pays."
)
OTHER_METHODS_CAPTION = "Also enabled for this merchant, taken on the card machine:"

# How unsupported methods are grouped in one line; wallets are named one by one.
_GROUPS = (("CARD", "Cards"), ("UPI", "UPI"), ("NB", "Net banking"))


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


def describe_other_methods(options: Iterable[types.MethodOption]) -> str:
    """Group methods by type in one line: "Cards (Visa, Mastercard) · UPI · Paytm"."""
    options = list(options)
    parts = []
    for method_type, group in _GROUPS:
        labels = [o.label for o in options if o.method_type == method_type]
        if not labels:
            continue
        named = [label for label in labels if label != group]
        parts.append(f"{group} ({', '.join(named)})" if named else group)
    known = {method_type for method_type, _group in _GROUPS}
    parts.extend(o.label for o in options if o.method_type not in known)
    return " · ".join(dict.fromkeys(parts))  # each once, in order


class MethodCard(QPushButton):
    """A large, checkable card for one payment method.

    Its height follows its content (title, balance, wrapped subtitle), so cards
    never overlap or clip whatever the panel's width.
    """

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
        # Extra height (the style's min-height) goes around the text, not inside it.
        self.body.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.body.addWidget(self._title)
        self.body.addWidget(self._subtitle)

        if not option.supported:
            self.set_subtitle(option.reason)
        elif is_redirect(option):
            self.set_subtitle(redirect_subtitle(option))
        else:
            self.set_subtitle("")
        self.setEnabled(option.supported)

    def __repr__(self) -> str:
        return f"<MethodCard {self.option.key} supported={self.option.supported}>"

    @property
    def subtitle(self) -> str:
        return self._subtitle.text()

    # The style sheet's min-height would otherwise win over the content's height.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.body.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.body.totalSizeHint().expandedTo(super().sizeHint())
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:
        return self.body.totalMinimumSize().expandedTo(super().minimumSizeHint())

    def set_subtitle(self, text: str) -> None:
        self._subtitle.setText(text)
        self._subtitle.setVisible(bool(text))
        self._update_accessible_name()

    def _update_accessible_name(self) -> None:
        parts = [self.option.label, self.subtitle]
        if not self.option.supported:
            parts.append("not available")
        self.setAccessibleName(", ".join(part for part in parts if part))


def is_redirect(option: types.MethodOption) -> bool:
    """Amazon Pay through another gateway: the customer approves with an OTP."""
    return option.is_amazon_pay and option.supported and not option.direct_debit


def route_name(option: types.MethodOption | None) -> str:
    """Name the gateway a redirect route goes through ("PayU"), or "" if none."""
    if option is None:
        return ""
    found = re.search(r"\(via ([^)]+)\)", option.label)
    return found.group(1).strip() if found else ""


def redirect_subtitle(option: types.MethodOption) -> str:
    """Say that the customer approves on Amazon Pay with an OTP, via which gateway."""
    name = route_name(option)
    return f"Amazon Pay via {name} — OTP on your phone" if name else REDIRECT_SUBTITLE


def short_balance_subtitle(balance: money_mod.Money) -> str:
    """Say what the balance covers and where the rest is paid (the CCT page)."""
    return (
        f"Balance covers {balance.format()} — the rest by card, UPI or net banking "
        "on the next page"
    )


class AmazonPayCard(MethodCard):
    """The Amazon Pay card: balance for a linked customer, Link and Pay otherwise.

    On a redirect route (Amazon Pay through another gateway) there is no balance
    and no linking: the customer approves on the Amazon Pay page with an OTP.
    """

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
        self._link_button.setAccessibleName("Link Amazon Pay and pay")
        self._link_button.setToolTip(
            "The customer links Amazon Pay once (QR code on their phone, or on this "
            "screen), then the sale is paid from the balance"
        )
        self._link_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._link_button.setAutoDefault(False)
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

    def show_link_and_pay(self, visible: bool, *, enabled: bool = True) -> None:
        self._link_button.setVisible(visible)
        self._link_button.setEnabled(visible and enabled)

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


class OtherMethodsNote(QFrame):
    """One quiet paragraph naming the methods this counter does not take itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("otherMethods")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self._caption = theme.label(OTHER_METHODS_CAPTION, "muted", wrap=True)
        self._caption.setObjectName("otherMethodsCaption")
        self._list = theme.label("", None, wrap=True)
        self._list.setObjectName("otherMethodsLabel")
        self._text = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 0)
        layout.setSpacing(2)
        layout.addWidget(self._caption)
        layout.addWidget(self._list)
        self.set_methods([])

    @property
    def text(self) -> str:
        return self._text if not self.isHidden() else ""

    def set_methods(self, options: Iterable[types.MethodOption]) -> None:
        text = self._text = describe_other_methods(options)
        # Lines break between groups, never inside "Net banking (HDFC Bank)".
        parts = text.split(" · ")
        self._list.setText(" · ".join(part.replace(" ", "\u00a0") for part in parts))
        self.setAccessibleName(f"{OTHER_METHODS_CAPTION} {text}" if text else "")
        self.setVisible(bool(text))
