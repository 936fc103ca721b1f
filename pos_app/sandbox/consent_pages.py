"""The simulated Amazon consent screen (Link and Pay) and its result pages."""

from __future__ import annotations

from pos_app.sandbox.page_kit import document, esc, mask_mobile, message_page

__all__ = ["consent", "declined", "expired", "linked"]

_TITLE = "Amazon Pay: link your account"


def consent(
    *, merchant: str, mobile: str, action: str, minutes_left: int, error: str = ""
) -> str:
    """Return the consent page; its form posts ``decision=allow|deny`` to ``action``."""
    who = esc(merchant)
    error_html = (
        f"<div class='notice error' role='alert' id='message'>{esc(error)}</div>"
        if error
        else ""
    )
    body = f"""<h1 id='heading'>{who} would like to link your Amazon Pay balance</h1>
{error_html}
<div class='account'><span>Amazon account</span>
<strong id='mobile'>{esc(mask_mobile(mobile))}</strong></div>
<p>If you allow it, {who} will get:</p>
<ul class='shared' id='shared'>
<li>your name and the mobile number of your Amazon account;</li>
<li>your Amazon Pay balance, shown at the counter before you pay;</li>
<li>permission to pay for purchases at {who} from your Amazon Pay balance,
without asking you each time.</li>
</ul>
<p class='muted'>You can remove this link at any time on amazon.in
(Your Account, Login with Amazon).</p>
<form method='post' action='{esc(action)}'>
<div class='buttons'>
<button type='submit' id='deny' name='decision' value='deny'
 class='secondary'>Deny</button>
<button type='submit' id='allow' name='decision' value='allow'>Allow</button>
</div>
</form>
<p class='muted'>This request expires in about {minutes_left} min.</p>"""
    return document(_TITLE, body)


def linked(merchant: str) -> str:
    """Return the page shown after Allow when there is no return URL (QR flow)."""
    return message_page(
        _TITLE,
        "Linked. You can return to the counter.",
        f"Your Amazon Pay balance is now linked to {merchant}. "
        "You can close this page.",
    )


def declined(merchant: str) -> str:
    """Return the page shown after Deny when there is no return URL."""
    return message_page(
        _TITLE,
        "You declined",
        f"Your Amazon Pay account was not linked to {merchant}. "
        "You can close this page and pay another way at the counter.",
    )


def expired() -> str:
    """Return the page for a consent link that expired or was already used."""
    return message_page(
        _TITLE,
        "This link has expired",
        "This consent request has expired or was already answered. "
        "Ask at the counter for a new one.",
    )
