"""Words and colours the manager screens, the PDF and the CLI share."""

from __future__ import annotations

from pos_app.domain.states import TERMINAL, AttemptStatus, Flow, SaleStatus

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
    Flow.DIRECT_DEBIT.value: "Direct debit",
    Flow.LINK_AND_PAY.value: "Link and pay",
    Flow.CCT_TOPUP.value: "CCT top-up",
    Flow.REDIRECT_OTP.value: "OTP redirect",
    "none": "No attempt",
}

#: (filter value, label) for the status filter; "" means any.
STATUS_FILTERS: tuple[tuple[str, str], ...] = (
    ("", "All statuses"),
    (SaleStatus.PAID.value, "Paid"),
    ("unresolved", "Unresolved"),
    (SaleStatus.OPEN.value, "Not paid (open)"),
    (SaleStatus.CANCELLED.value, "Cancelled"),
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


def _label(sale: str, attempt: str | None) -> str:
    if sale == SaleStatus.PAID:
        return "Paid"
    if sale == SaleStatus.CANCELLED:
        return "Cancelled"
    if attempt is None:
        return "Open"
    if attempt == AttemptStatus.UNKNOWN:
        return "Unresolved"
    if AttemptStatus(attempt) not in TERMINAL:
        return "In progress"
    if attempt == AttemptStatus.FAILED:
        return "Failed"
    return "Not paid"


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
    """Say where a sale stands: "Paid", "Unresolved", "Failed", ..."""
    return _LABELS[(sale, attempt)]


def status_tone(sale: SaleStatus | str, attempt: AttemptStatus | str | None) -> str:
    """Return the colour key (see STATUS_COLOURS) for a sale's status."""
    return _TONES.get(_LABELS[(sale, attempt)], "muted")
