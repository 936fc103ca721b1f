"""Who is paying: mobile number entry, look-up state and the customer found."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import types
from pos_app.domain import phone as phone_mod
from pos_app.ui import i18n, theme
from pos_app.ui.i18n import Retranslating

__all__ = ["CustomerPanel"]

log = logging.getLogger(__name__)


class CustomerPanel(Retranslating, QWidget):
    """Take the customer's mobile number and show who was found.

    Once a customer is found the typed number is wiped: only the masked number is
    on screen from then on.

    A linked customer may ask to remove the Amazon Pay link: "Remove Amazon Pay
    link" asks once more, inline, before ``delink_requested`` goes out.

    Signals:
        lookup_requested(object): a valid ``Phone`` to look up.
        change_requested(): the cashier wants a different customer.
        delink_requested(): the customer confirmed removing their Amazon Pay link.
    """

    lookup_requested = Signal(object)
    change_requested = Signal()
    delink_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._looking_up = False
        self._looking_up_phone: phone_mod.Phone | None = None
        self._customer: types.CustomerInfo | None = None
        self._removing = False
        self._message_text: Callable[[], str] = self._entry_hint

        self._heading = theme.label("", "heading")

        self._phone_edit = QLineEdit()
        self._phone_edit.setObjectName("phoneEdit")
        self._phone_edit.setMaxLength(20)
        self._phone_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDialableCharactersOnly
        )

        self._lookup_button = QPushButton()
        self._lookup_button.setObjectName("lookupButton")
        self._lookup_button.setMinimumWidth(120)

        self._entry_message = theme.label("", "muted")
        self._entry_message.setObjectName("phoneMessage")
        self._entry_message.setWordWrap(True)

        entry_row = QHBoxLayout()
        entry_row.setSpacing(8)
        entry_row.addWidget(self._phone_edit, 1)
        entry_row.addWidget(self._lookup_button)
        entry_page = QWidget()
        entry_layout = QVBoxLayout(entry_page)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.setSpacing(6)
        entry_layout.addLayout(entry_row)
        entry_layout.addWidget(self._entry_message)
        self._entry_page = entry_page

        self._masked_label = theme.label("", "masked")
        self._masked_label.setObjectName("maskedPhoneLabel")
        self._state_label = theme.label("", "muted", wrap=True)
        self._state_label.setObjectName("customerStateLabel")
        self._change_button = QPushButton()
        self._change_button.setObjectName("changeCustomerButton")
        self._change_button.setProperty("role", "link")
        found_text = QVBoxLayout()
        found_text.setSpacing(2)
        found_text.addWidget(self._masked_label)
        found_text.addWidget(self._state_label)
        found_row = QHBoxLayout()
        found_row.setContentsMargins(0, 0, 0, 0)
        found_row.addLayout(found_text, 1)
        found_row.addWidget(self._change_button, 0, Qt.AlignmentFlag.AlignTop)

        self._delink_button = QPushButton()
        self._delink_button.setObjectName("delinkButton")
        self._delink_button.setProperty("role", "link")
        self._delink_button.setAutoDefault(False)
        self._delink_button.hide()

        self._confirm_label = theme.label("", "muted", wrap=True)
        self._confirm_label.setObjectName("delinkConfirmLabel")
        self._confirm_button = QPushButton()
        self._confirm_button.setObjectName("confirmDelinkButton")
        self._confirm_button.setAutoDefault(False)
        self._keep_button = QPushButton()
        self._keep_button.setObjectName("keepLinkButton")
        self._keep_button.setAutoDefault(False)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.setSpacing(8)
        confirm_buttons.addWidget(self._confirm_button)
        confirm_buttons.addWidget(self._keep_button)
        confirm_buttons.addStretch(1)
        self._confirm_box = QWidget()
        self._confirm_box.setObjectName("delinkConfirm")
        confirm_layout = QVBoxLayout(self._confirm_box)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.setSpacing(6)
        confirm_layout.addWidget(self._confirm_label)
        confirm_layout.addLayout(confirm_buttons)
        self._confirm_box.hide()

        found_page = QWidget()
        found_layout = QVBoxLayout(found_page)
        found_layout.setContentsMargins(0, 0, 0, 0)
        found_layout.setSpacing(4)
        found_layout.addLayout(found_row)
        found_layout.addWidget(self._delink_button, 0, Qt.AlignmentFlag.AlignLeft)
        found_layout.addWidget(self._confirm_box)
        self._found_page = found_page

        self._stack = QStackedWidget()
        self._stack.addWidget(entry_page)
        self._stack.addWidget(found_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._heading)
        layout.addWidget(self._stack)

        self._phone_edit.returnPressed.connect(self.on_phone_edit_return_pressed)
        self._phone_edit.textEdited.connect(self.on_phone_edit_text_edited)

        self._lookup_button.clicked.connect(self.on_lookup_button_clicked)

        self._change_button.clicked.connect(self.on_change_button_clicked)

        self._delink_button.clicked.connect(self.on_delink_button_clicked)
        self._confirm_button.clicked.connect(self.on_confirm_button_clicked)
        self._keep_button.clicked.connect(self.on_keep_button_clicked)

        self.retranslate()

    def __repr__(self) -> str:
        return f"<CustomerPanel looking_up={self._looking_up}>"

    # -- language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (also after a LanguageChange)."""
        self._heading.setText(self.tr("Customer"))
        self._phone_edit.setAccessibleName(self.tr("Customer mobile number"))
        self._phone_edit.setPlaceholderText(self.tr("Mobile number, 10 digits"))
        self._lookup_button.setText(
            self.tr("Looking up…") if self._looking_up else self.tr("Look up")
        )
        self._lookup_button.setAccessibleName(self.tr("Look up customer"))
        self._change_button.setText(self.tr("Change"))
        self._change_button.setAccessibleName(self.tr("Change customer"))
        self._delink_button.setText(self.tr("Remove Amazon Pay link"))
        self._delink_button.setAccessibleName(self.tr("Remove Amazon Pay link"))
        self._confirm_label.setText(
            self.tr(
                "Remove the link? The customer will have to allow Amazon Pay again "
                "next time."
            )
        )
        self._confirm_button.setText(self.tr("Remove link"))
        self._confirm_button.setAccessibleName(
            self.tr("Yes, remove the Amazon Pay link")
        )
        self._keep_button.setText(self.tr("Keep"))
        self._keep_button.setAccessibleName(self.tr("Keep the Amazon Pay link"))
        self._entry_message.setText(self._message_text())
        self._show_customer_texts()

    def _entry_hint(self) -> str:
        return self.tr("Press Enter to look up. F2 comes back here.")

    def _looking_up_text(self) -> str:
        phone = self._looking_up_phone
        return self.tr("Looking up {number}…").format(
            number=phone.masked if phone is not None else ""
        )

    def _show_customer_texts(self) -> None:
        info = self._customer
        if info is None:
            return
        self._masked_label.setAccessibleName(
            self.tr("Customer mobile {number}").format(number=info.masked_phone)
        )
        if self._removing:
            self._state_label.setText(self.tr("Removing the Amazon Pay link…"))
        else:
            self._state_label.setText(self._describe(info))

    def _describe(self, info: types.CustomerInfo) -> str:
        wallet = info.amazon_pay
        if wallet is not None and wallet.linked:
            return self.tr("Amazon Pay linked")
        return self.tr("Amazon Pay not linked yet")

    # -- API for the window -----------------------------------------------------

    @property
    def phone_edit(self) -> QLineEdit:
        return self._phone_edit

    @property
    def looking_up(self) -> bool:
        return self._looking_up

    @property
    def customer_shown(self) -> bool:
        """True once a customer was found and is on screen (masked)."""
        return self._stack.currentWidget() is self._found_page

    @property
    def message(self) -> str:
        return self._entry_message.text()

    @property
    def state_text(self) -> str:
        """What the panel says about the found customer's Amazon Pay."""
        return self._state_label.text()

    @property
    def delink_button(self) -> QPushButton:
        return self._delink_button

    def focus_entry(self) -> None:
        """Put the cursor in the number field (or on Change when a customer is set)."""
        if self._stack.currentWidget() is self._entry_page:
            self._phone_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._phone_edit.selectAll()
        else:
            self._change_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_lookup(self) -> None:
        """Validate the number and emit ``lookup_requested``; show why if it is bad."""
        if self._looking_up:
            return
        try:
            phone = phone_mod.Phone.parse(self._phone_edit.text())
        except phone_mod.InvalidPhone as exc:
            self.show_error(functools.partial(i18n.render, exc))
            return
        self.lookup_requested.emit(phone)

    def set_looking_up(self, phone: phone_mod.Phone) -> None:
        """Show that the look-up is running; the field is locked until it ends."""
        self._looking_up = True
        self._looking_up_phone = phone
        self._phone_edit.setEnabled(False)
        self._lookup_button.setEnabled(False)
        self._lookup_button.setText(self.tr("Looking up…"))
        self._set_message(self._looking_up_text, "muted")

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Show why the number or the look-up failed; keep the text to correct it.

        ``message`` may be a callable that says it in the current language (asked
        again when the language changes); a plain text is shown as it is.
        """
        source = message if callable(message) else (lambda: message)
        log.info("customer: %s", source())
        self._unlock()
        self._stack.setCurrentWidget(self._entry_page)
        self._set_message(source, "error")
        theme.set_style(self._phone_edit, invalid=True)
        self._phone_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_customer(self, info: types.CustomerInfo | None) -> None:
        """Show the customer found (masked number only) or go back to the entry."""
        self._unlock()
        self._customer = info
        self._removing = False
        if info is None:
            self._phone_edit.clear()
            self._set_message(self._entry_hint, "muted")
            self._stack.setCurrentWidget(self._entry_page)
            return

        self._phone_edit.clear()  # the full number leaves the screen here
        self._masked_label.setText(info.masked_phone)
        self._show_customer_texts()
        self._delink_button.setVisible(info.linked)
        self._delink_button.setEnabled(True)
        self._confirm_box.hide()
        self._stack.setCurrentWidget(self._found_page)

    def confirm_delink(self) -> bool:
        """Press "Remove link" in the confirmation; False if it is not shown."""
        if self._confirm_box.isHidden() or not self._confirm_button.isEnabled():
            return False
        self._confirm_button.click()
        return True

    def _unlock(self) -> None:
        self._looking_up = False
        self._looking_up_phone = None
        self._phone_edit.setEnabled(True)
        self._lookup_button.setEnabled(True)
        self._lookup_button.setText(self.tr("Look up"))

    def _set_message(self, text: Callable[[], str], role: str) -> None:
        self._message_text = text
        self._entry_message.setText(text())
        theme.set_style(self._entry_message, role)

    # -- slots ------------------------------------------------------------------

    @Slot()
    def on_phone_edit_return_pressed(self) -> None:
        self.request_lookup()

    @Slot(str)
    def on_phone_edit_text_edited(self, _text: str) -> None:
        if self._phone_edit.property("invalid"):
            theme.set_style(self._phone_edit, invalid=False)
            self._set_message(self._entry_hint, "muted")

    @Slot()
    def on_lookup_button_clicked(self) -> None:
        self.request_lookup()

    @Slot()
    def on_change_button_clicked(self) -> None:
        self.change_requested.emit()

    @Slot()
    def on_delink_button_clicked(self) -> None:
        self._delink_button.hide()
        self._confirm_box.show()
        self._confirm_button.setEnabled(True)
        self._keep_button.setEnabled(True)
        self._keep_button.setFocus(Qt.FocusReason.OtherFocusReason)  # safe default

    @Slot()
    def on_confirm_button_clicked(self) -> None:
        log.info("customer asked to remove the Amazon Pay link")
        self._confirm_button.setEnabled(False)
        self._keep_button.setEnabled(False)
        self._removing = True
        self._show_customer_texts()
        self.delink_requested.emit()

    @Slot()
    def on_keep_button_clicked(self) -> None:
        self._confirm_box.hide()
        self._delink_button.show()
        self._delink_button.setFocus(Qt.FocusReason.OtherFocusReason)
