"""The simulated Amazon Pay OTP page reached through a PA/PG (redirect payment)."""

from __future__ import annotations

from pos_app.sandbox.page_kit import document, esc, mask_mobile, money, notice

__all__ = ["otp"]


def otp(
    *,
    merchant: str,
    gateway_label: str,
    amount: int,
    mobile: str,
    action: str,
    sandbox_otp: str,
    error: str = "",
) -> str:
    """Return the OTP page; the form posts ``otp`` (or ``action=cancel``)."""
    title = f"Amazon Pay via {gateway_label}"
    body = f"""<h1 id='heading'>{esc(title)}</h1>
<p>Pay <strong id='amount'>{money(amount)}</strong> to {esc(merchant)}.</p>
{notice("error", error) if error else ""}
<form method='post' action='{esc(action)}' autocomplete='off'>
<input type='hidden' name='action' value='verify'>
<label for='otp'>Enter the 6-digit OTP sent to {esc(mask_mobile(mobile))}</label>
<input type='text' id='otp' name='otp' inputmode='numeric'
 autocomplete='one-time-code' placeholder='6-digit OTP' autofocus>
<button type='submit' id='submit-otp'>Pay {money(amount)}</button>
</form>
<form method='post' action='{esc(action)}'>
<input type='hidden' name='action' value='cancel'>
<button type='submit' id='cancel' class='secondary'>Cancel payment</button>
</form>
<div class='sandbox-panel' id='sandbox-otp'><strong>Sandbox only:</strong> no SMS
is sent. The OTP is <strong class='code'>{esc(sandbox_otp)}</strong></div>"""
    return document(title, body, via=gateway_label)
