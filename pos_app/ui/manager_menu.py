"""The counter window's Manager menu: day review, gateway settings, support log.

Everything behind it is imported when first used (the manager area, the settings
dialog, the log view), so the cashier's start-up does not pay for it. Every entry that
changes money or configuration asks for the manager PIN first.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from pos_app.ui import i18n
from pos_app.ui.controller import CheckoutController
from pos_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from pos_app.ui.log_view import LogView
    from pos_app.ui.manager.area import ManagerArea

__all__ = ["ManagerMenu"]

log = logging.getLogger(__name__)

_NOT_READY = QT_TRANSLATE_NOOP(
    "ManagerMenu", "The checkout is still connecting. Try again in a moment."
)
_PAYING = QT_TRANSLATE_NOOP(
    "ManagerMenu",
    "A payment is in progress. Change the settings when it has finished.",
)


class ManagerMenu(QObject):
    """Installs the menu on ``window`` and owns the windows it opens.

    Its texts follow the language: the window passes ``LanguageChange`` on to its
    children, this object among them.
    """

    def __init__(self, window: QMainWindow, controller: CheckoutController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._area: ManagerArea | None = None
        self._log_view: LogView | None = None

        self.menu = window.menuBar().addMenu("")
        menu = self.menu
        menu.setObjectName("managerMenu")
        self.day_review = menu.addAction("")
        self.day_review.setObjectName("dayReviewAction")
        self.settings = menu.addAction("")
        self.settings.setObjectName("gatewaySettingsAction")
        menu.addSeparator()
        self.support_log = menu.addAction("")
        self.support_log.setObjectName("supportLogAction")
        self.retranslate()

        self.day_review.triggered.connect(self.on_day_review_triggered)
        self.settings.triggered.connect(self.on_settings_triggered)
        self.support_log.triggered.connect(self.on_support_log_triggered)
        controller.manager_message.connect(self.on_controller_manager_message)

    def __repr__(self) -> str:
        return f"<ManagerMenu area_open={self._area is not None}>"

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Manager"))
        self.day_review.setText(self.tr("Day review…"))
        self.settings.setText(self.tr("Gateway settings…"))
        self.support_log.setText(self.tr("Support log"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    @Slot()
    def on_day_review_triggered(self) -> None:
        from pos_app.ui import manager

        store = self._controller.store
        if store is None:
            self._say(_NOT_READY)
            return
        actions = manager.ManagerActions(
            recheck=self._controller.recheck,
            refund=self._controller.refund,
            reprint=self._controller.reprint,
        )
        self._area = manager.open_manager_area(self._window, store, actions=actions)

    @Slot()
    def on_settings_triggered(self) -> None:
        from pos_app.ui import settings_dialog

        if self._controller.paying:  # the language would change mid-payment
            self._say(_PAYING)
            return
        settings_dialog.open_settings(self._window, require_manager=self._manager_ok)

    @Slot()
    def on_support_log_triggered(self) -> None:
        from pos_app.ui import log_view

        if self._log_view is None:
            self._log_view = log_view.LogView(log_view.install_log_handler())
            self._log_view.setObjectName("supportLog")
        self._log_view.show()
        self._log_view.raise_()

    @Slot(str)
    def on_controller_manager_message(self, message: str) -> None:
        log.info("manager action: %s", message)
        self._window.statusBar().showMessage(i18n.render(message), 15_000)
        if self._area is not None and shiboken6.isValid(self._area):
            self._area.refresh()
            self._area.report(message)

    def _manager_ok(self) -> bool:
        from pos_app.ui.manager.pin_dialog import PinDialog

        store = self._controller.store
        if store is None:
            self._say(_NOT_READY)
            return False
        pin = PinDialog(store, parent=self._window)
        accepted = pin.exec() == QDialog.DialogCode.Accepted
        pin.deleteLater()
        return accepted

    def _say(self, text: str) -> None:
        QMessageBox.information(
            self._window, self.tr("Manager"), i18n.t("ManagerMenu", text)
        )
