"""The simulated Amazon Pay custom-tab (CCT) page: pay what the balance cannot.

Three tabs (pure CSS, no script): card, UPI and net banking, plus Cancel. Each is
its own form posting ``method=card|upi|nb|cancel`` to the page's own URL.
"""

from __future__ import annotations

from collections.abc import Mapping

from pos_app.sandbox import fixtures
from pos_app.sandbox.page_kit import document, esc, money, notice

__all__ = ["cct"]

_TITLE = "Amazon Pay: pay the rest"


def cct(
    *,
    merchant: str,
    order_amount: int,
    covered: int,
    rest: int,
    action: str,
    active: str = "card",
    error: str = "",
    values: Mapping[str, str] | None = None,
) -> str:
    """Return the top-up page; amounts are paise, ``active`` the open tab."""
    filled = values or {}
    checked = {
        tab: " checked" if tab == active else "" for tab in ("card", "upi", "nb")
    }
    pay = money(rest)
    banks = "".join(
        f"<option value='{esc(code)}'"
        f"{' selected' if filled.get('bank') == code else ''}>{esc(name)}</option>"
        for code, name in fixtures.NET_BANKS.items()
    )
    body = f"""<h1 id='heading'>Pay the rest of your order</h1>
<p class='muted'>Your Amazon Pay balance does not cover this purchase at
{esc(merchant)}. Pay the remainder another way.</p>
{notice("error", error) if error else ""}
<table class='sum' id='summary'>
<tr><td>Order amount</td>
<td class='amt' id='order-amount'>{money(order_amount)}</td></tr>
<tr><td>Paid from Amazon Pay balance</td>
<td class='amt' id='balance-covers'>&minus;{money(covered)}</td></tr>
<tr class='total'><td>To pay now</td><td class='amt' id='remainder'>{pay}</td></tr>
</table>
<div class='tabs'>
<input type='radio' name='tab' id='tab-card'{checked["card"]}>
<input type='radio' name='tab' id='tab-upi'{checked["upi"]}>
<input type='radio' name='tab' id='tab-nb'{checked["nb"]}>
<label class='tab' for='tab-card'>Card</label><label class='tab'
 for='tab-upi'>UPI</label><label class='tab' for='tab-nb'>Net banking</label>
<div class='panel' id='panel-card'>
<form method='post' action='{esc(action)}' autocomplete='off'>
<input type='hidden' name='method' value='card'>
<label for='card-number'>Card number</label>
<input type='tel' id='card-number' name='card_number' inputmode='numeric'
 placeholder='4111 1111 1111 1111' value='{esc(filled.get("card_number", ""))}'>
<div class='row'><div><label for='card-expiry'>Expiry (MM/YY)</label>
<input type='text' id='card-expiry' name='card_expiry' placeholder='12/30'
 value='{esc(filled.get("card_expiry", ""))}'></div>
<div><label for='card-cvv'>CVV</label>
<input type='password' id='card-cvv' name='card_cvv' inputmode='numeric'
 placeholder='123'></div></div>
<button type='submit' id='pay-card'>Pay {pay}</button>
</form></div>
<div class='panel' id='panel-upi'>
<form method='post' action='{esc(action)}' autocomplete='off'>
<input type='hidden' name='method' value='upi'>
<label for='upi-vpa'>UPI ID</label>
<input type='text' id='upi-vpa' name='vpa' placeholder='name@bank'
 autocapitalize='none' value='{esc(filled.get("vpa", ""))}'>
<button type='submit' id='pay-upi'>Pay {pay} by UPI</button>
</form></div>
<div class='panel' id='panel-nb'>
<form method='post' action='{esc(action)}'>
<input type='hidden' name='method' value='nb'>
<label for='nb-bank'>Bank</label>
<select id='nb-bank' name='bank'>{banks}</select>
<p class='muted'>The sandbox bank asks nothing: choose the outcome.</p>
<div class='buttons'>
<button type='submit' id='pay-nb-failure' name='outcome' value='failure'
 class='danger'>Failure</button>
<button type='submit' id='pay-nb-success' name='outcome'
 value='success'>Success</button>
</div></form></div>
</div>
<form method='post' action='{esc(action)}'>
<input type='hidden' name='method' value='cancel'>
<button type='submit' id='cancel' class='secondary'>Cancel payment</button>
</form>
<div class='sandbox-panel' id='sandbox-instruments'><strong>Sandbox only.</strong>
Card {esc(_spaced(fixtures.TEST_CARD_APPROVED))} is approved and
{esc(_spaced(fixtures.TEST_CARD_DECLINED))} declined (any future expiry, any CVV);
UPI {esc(fixtures.TEST_VPA_APPROVED)} succeeds and {esc(fixtures.TEST_VPA_DECLINED)}
fails.</div>"""
    return document(_TITLE, body)


def _spaced(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
