"""Words and colours the manager screens, the PDF and the CLI share.

The words are :class:`~pos_app.domain.text.Text`: English for the PDF, the CSV and
the CLI (this module needs no Qt), said in the screen's language by
:func:`pos_app.ui.i18n.render`.
"""

from __future__ import annotations

from pos_app.domain.states import TERMINAL, AttemptStatus, Flow, SaleStatus
from pos_app.domain.text import Text, translate

__all__ = [
    "FLOW_LABELS",
    "STATUS_COLOURS",
    "STATUS_FILTERS",
    "flow_label",
    "masked_phone",
    "status_label",
    "status_tone",
]

FLOW_LABELS: dict[str, str] = {
    Flow.DIRECT_DEBIT.value: translate("ManagerLabels", "Direct debit"),
    Flow.LINK_AND_PAY.value: translate("ManagerLabels", "Link and pay"),
    Flow.CCT_TOPUP.value: translate("ManagerLabels", "CCT top-up"),
    Flow.REDIRECT_OTP.value: translate("ManagerLabels", "OTP redirect"),
    "none": translate("ManagerLabels", "No attempt"),
}

#: (filter value, label) for the status filter; "" means any.
STATUS_FILTERS: tuple[tuple[str, str], ...] = (
    ("", translate("ManagerLabels", "All statuses")),
    (SaleStatus.PAID.value, translate("ManagerLabels", "Paid")),
    ("unresolved", translate("ManagerLabels", "Unresolved")),
    (SaleStatus.OPEN.value, translate("ManagerLabels", "Not paid (open)")),
    (SaleStatus.CANCELLED.value, translate("ManagerLabels", "Cancelled")),
)

STATUS_COLOURS: dict[str, str] = {
    "success": "#1E7B45",
    "warning": "#8A5300",
    "error": "#B42318",
    "muted": "#5D6675",
    "info": "#1A5FB4",
}


def flow_label(flow: str | None) -> str:
    return FLOW_LABELS.get(flow or "none", flow or "—")


def masked_phone(last4: str | None) -> str:
    return f"******{last4}" if last4 else "—"


def _label(sale: str, attempt: str | None) -> Text:
    if sale == SaleStatus.PAID:
        return translate("ManagerLabels", "Paid")
    if sale == SaleStatus.CANCELLED:
        return translate("ManagerLabels", "Cancelled")
    if attempt is None:
        return translate("ManagerLabels", "Open")
    if attempt == AttemptStatus.UNKNOWN:
        return translate("ManagerLabels", "Unresolved")
    if AttemptStatus(attempt) not in TERMINAL:
        return translate("ManagerLabels", "In progress")
    if attempt == AttemptStatus.FAILED:
        return translate("ManagerLabels", "Failed")
    return translate("ManagerLabels", "Not paid")


# Every (sale, latest attempt) pair, worked out once: exports call this per row.
_LABELS: dict[tuple[str, str | None], str] = {
    (sale.value, attempt): _label(sale.value, attempt)
    for sale in SaleStatus
    for attempt in [None, *(a.value for a in AttemptStatus)]
}
_TONES = {
    "Paid": "success",
    "Unresolved": "warning",
    "In progress": "info",
    "Failed": "error",
}


def status_label(sale: SaleStatus | str, attempt: AttemptStatus | str | None) -> str:
    """Say where a sale stands: "Paid", "Unresolved", "Failed", ... (as Text)."""
    return _LABELS[(sale, attempt)]


def status_tone(sale: SaleStatus | str, attempt: AttemptStatus | str | None) -> str:
    """Return the colour key (see STATUS_COLOURS) for a sale's status."""
    return _TONES.get(_LABELS[(sale, attempt)], "muted")
