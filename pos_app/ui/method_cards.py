"""Payment method cards, and the Amazon Pay card with the balance."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
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
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

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

# English here; shown with i18n.t("MethodCard", ...) (the subtitle getters below).
DIRECT_SUBTITLE = QT_TRANSLATE_NOOP("MethodCard", "Pays straight from the balance")
REDIRECT_SUBTITLE = QT_TRANSLATE_NOOP(  # when the route has no name
    "MethodCard", "Amazon Pay — OTP on your phone"
)
NOT_LINKED_SUBTITLE = QT_TRANSLATE_NOOP(
    "MethodCard",
    "Not linked yet. Press Link and Pay: the customer allows it once, then pays.",
)
OTHER_METHODS_CAPTION = QT_TRANSLATE_NOOP(
    "MethodCard", "Also enabled for this merchant, taken on the card machine:"
)

# How unsupported methods are grouped in one line; wallets are named one by one.
_GROUPS = (
    ("CARD", QT_TRANSLATE_NOOP("MethodCard", "Cards")),
    ("UPI", "UPI"),
    ("NB", QT_TRANSLATE_NOOP("MethodCard", "Net banking")),
)
#: Between groups: the dot stays with the word before it at a line break.
_SEPARATOR = "\u00a0· "


def describe_age(refreshed_at: datetime | None, now: datetime | None = None) -> str:
    """Say how fresh a balance is: "updated just now", "updated 5 min ago", ..."""
    if refreshed_at is None:
        return ""
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - refreshed_at).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("MethodCard", "updated just now")
    if seconds < 3600:
        return QCoreApplication.translate(
            "MethodCard", "updated {minutes} min ago"
        ).format(minutes=int(seconds // 60))
    return QCoreApplication.translate("MethodCard", "updated at {time}").format(
        time=refreshed_at.astimezone().strftime("%H:%M")
    )


def _other_method_parts(options: Iterable[types.MethodOption]) -> list[str]:
    options = list(options)
    parts = []
    for method_type, group in _GROUPS:
        labels = [i18n.render(o.label) for o in options if o.method_type == method_type]
        if not labels:
            continue
        named = [label for label in labels if label != group]
        shown = i18n.t("MethodCard", group)
        parts.append(f"{shown} ({', '.join(named)})" if named else shown)
    known = {method_type for method_type, _group in _GROUPS}
    parts.extend(i18n.render(o.label) for o in options if o.method_type not in known)
    return list(dict.fromkeys(parts))  # each once, in order


def describe_other_methods(options: Iterable[types.MethodOption]) -> str:
    """Group methods by type in one line: "Cards (Visa, Mastercard) · UPI · Paytm"."""
    return " · ".join(_other_method_parts(options))


def other_methods_label(options: Iterable[types.MethodOption]) -> str:
    """The same line for a label: breaks only between groups, never before a dot.

    Inside a group the spaces do not break ("Net banking (HDFC Bank)" stays
    whole) and each separator stays with the group before it ("UPI ·").
    """
    parts = _other_method_parts(options)
    return _SEPARATOR.join(part.replace(" ", "\u00a0") for part in parts)


class MethodCard(Retranslating, QPushButton):
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
        self._subtitle_text: Callable[[], str] = str

        self._title = theme.label(i18n.render(option.label), "card-title")
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
            self.set_subtitle(lambda: i18n.render(option.reason))
        elif is_redirect(option):
            self.set_subtitle(lambda: redirect_subtitle(option))
        else:
            self.set_subtitle("")
        self.setEnabled(option.supported)

    def retranslate(self) -> None:
        """Say the card again in the current language (its subtitle as last set)."""
        self._title.setText(i18n.render(self.option.label))
        self.set_subtitle(self._subtitle_text)

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

    def set_subtitle(self, text: str | Callable[[], str]) -> None:
        """Show ``text`` under the title; a callable is asked again on a language
        change (a plain text stays as it is)."""
        source = text if callable(text) else (lambda: text)
        self._subtitle_text = source
        shown = source()
        self._subtitle.setText(shown)
        self._subtitle.setVisible(bool(shown))
        self._update_accessible_name()

    def _update_accessible_name(self) -> None:
        parts = [i18n.render(self.option.label), self.subtitle]
        if not self.option.supported:
            parts.append(self.tr("not available"))
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
    if name:
        return QCoreApplication.translate(
            "MethodCard", "Amazon Pay via {gateway} — OTP on your phone"
        ).format(gateway=name)
    return i18n.t("MethodCard", REDIRECT_SUBTITLE)


def short_balance_subtitle(balance: money_mod.Money) -> str:
    """Say what the balance covers and where the rest is paid (the CCT page)."""
    return QCoreApplication.translate(
        "MethodCard",
        "Balance covers {amount} — the rest by card, UPI or net banking on the "
        "next page",
    ).format(amount=balance.format())


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

        self._link_button = QPushButton()
        self._link_button.setObjectName("linkAndPayButton")
        self._link_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._link_button.setAutoDefault(False)
        self._link_button.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed
        )
        self.body.addWidget(self._link_button)
        self._link_button.hide()
        self._refreshed_at: datetime | None = None
        self._balance_amount: money_mod.Money | None = None
        self.show_balance(None, None)
        self._retranslate_link_button()

    def retranslate(self) -> None:
        self._retranslate_link_button()
        self.show_balance(self._balance_amount, self._refreshed_at)
        super().retranslate()

    def _retranslate_link_button(self) -> None:
        self._link_button.setText(self.tr("Link and Pay"))
        self._link_button.setAccessibleName(self.tr("Link Amazon Pay and pay"))
        self._link_button.setToolTip(
            self.tr(
                "The customer links Amazon Pay once (QR code on their phone, or on "
                "this screen), then the sale is paid from the balance"
            )
        )

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
        self._balance_amount = balance
        self._balance.setText(
            self.tr("Balance {amount}").format(amount=balance.format())
            if balance is not None
            else ""
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
        parts = [i18n.render(self.option.label)]
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

        self._caption = theme.label("", "muted", wrap=True)
        self._caption.setObjectName("otherMethodsCaption")
        self._list = theme.label("", None, wrap=True)
        self._list.setObjectName("otherMethodsLabel")
        self._text = ""
        self._options: list[types.MethodOption] = []

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
        self._options = list(options)
        text = self._text = describe_other_methods(self._options)
        caption = i18n.t("MethodCard", OTHER_METHODS_CAPTION)
        self._caption.setText(caption)
        self._list.setText(other_methods_label(self._options))
        self.setAccessibleName(f"{caption} {text}" if text else "")
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_methods(self._options)
        super().changeEvent(event)
