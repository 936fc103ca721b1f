"""Shared pieces of the customer-facing pages: stylesheet, frame, small widgets.

Pages are plain HTML5 with one inline stylesheet: no external resources (no CDN,
no web fonts, no images) and no JavaScript, so the forms work in a locked-down web
view. The layout is one column, at most 480 px wide, readable on a phone and in an
800x600 embedded view. Every value put into a page goes through :func:`esc`.
"""

from __future__ import annotations

import html

from pos_app.sandbox import amounts

__all__ = [
    "document",
    "esc",
    "mask_mobile",
    "message_page",
    "money",
    "notice",
]

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eaeded;color:#0f1111;
 font:15px/1.45 Arial,Helvetica,sans-serif}
header{background:#232f3e;color:#fff;padding:10px 16px;display:flex;
 align-items:baseline;gap:8px}
.brand{font-weight:700;font-size:20px;letter-spacing:-.5px}
.brand b{color:#ff9900}
.via{font-size:13px;color:#d5dbdb}
.sandbox-bar{background:#fef8e7;color:#6b4e00;font-size:12px;text-align:center;
 padding:4px 8px;border-bottom:1px solid #f0d98c}
main{max-width:480px;margin:16px auto;padding:0 12px}
.card{background:#fff;border:1px solid #d5d9d9;border-radius:8px;padding:18px 16px}
h1{font-size:20px;font-weight:600;margin:0 0 10px}
p{margin:8px 0}
.muted{color:#565959;font-size:13px}
.account{display:flex;justify-content:space-between;background:#f7fafa;
 border:1px solid #d5d9d9;border-radius:6px;padding:8px 10px;margin:10px 0}
ul.shared{padding-left:20px;margin:8px 0}
ul.shared li{margin:4px 0}
table.sum{width:100%;border-collapse:collapse;margin:8px 0 14px}
table.sum td{padding:6px 0;border-bottom:1px solid #eee}
table.sum td.amt{text-align:right;white-space:nowrap}
table.sum tr.total td{font-weight:700;border-bottom:0;font-size:17px}
label{display:block;font-weight:600;font-size:13px;margin:10px 0 4px}
input[type=text],input[type=tel],input[type=password],select{width:100%;
 font-size:16px;padding:9px 10px;border:1px solid #888c8c;border-radius:6px;
 background:#fff;font-family:inherit}
input:focus,select:focus{outline:2px solid #007185;border-color:#007185}
.row{display:flex;gap:10px}
.row>div{flex:1}
button{font:inherit;cursor:pointer;border-radius:20px;padding:9px 16px;
 border:1px solid #fcd200;background:#ffd814;color:#0f1111;width:100%;
 margin-top:12px;font-size:15px}
button:hover{background:#f7ca00}
button.secondary{background:#fff;border-color:#d5d9d9}
button.secondary:hover{background:#f7fafa}
button.danger{background:#fff;border-color:#cc0c39;color:#cc0c39}
.buttons{display:flex;gap:10px}
.notice{border-radius:6px;padding:8px 10px;margin:10px 0;font-size:14px}
.notice.error{background:#fff5f5;border:1px solid #cc0c39;color:#8c0a27}
.notice.ok{background:#f0fff4;border:1px solid #067d62;color:#05523f}
.notice.info{background:#f0f8ff;border:1px solid #007185;color:#004f5d}
.sandbox-panel{margin-top:14px;border:2px dashed #c45500;border-radius:6px;
 padding:8px 10px;background:#fffaf2;font-size:13px}
.sandbox-panel strong.code{font-size:20px;letter-spacing:3px;
 font-family:Menlo,Consolas,monospace}
.tabs>input{position:absolute;opacity:0;pointer-events:none}
.tabs>label.tab{display:inline-block;margin:0 4px 0 0;padding:7px 12px;
 border:1px solid #d5d9d9;border-bottom:0;border-radius:6px 6px 0 0;
 background:#f7fafa;font-weight:600;cursor:pointer}
.tabs>.panel{display:none;border:1px solid #d5d9d9;border-radius:0 6px 6px 6px;
 padding:4px 12px 12px}
#tab-card:checked~label[for=tab-card],#tab-upi:checked~label[for=tab-upi],
#tab-nb:checked~label[for=tab-nb]{background:#fff;color:#c45500}
#tab-card:checked~#panel-card,#tab-upi:checked~#panel-upi,
#tab-nb:checked~#panel-nb{display:block}
a{color:#007185}
footer{max-width:480px;margin:10px auto 20px;padding:0 12px;text-align:center;
 font-size:12px;color:#565959}
@media (max-width:360px){.buttons{flex-direction:column;gap:0}}
"""


def esc(value: object) -> str:
    """Escape a value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def money(paise: int) -> str:
    """Return an escaped rupee label such as ``₹1,000.00``."""
    return esc(amounts.paise_to_label(paise))


def mask_mobile(mobile: str) -> str:
    """Mask all but the last four digits: ``9999900001`` -> ``******0001``."""
    digits = "".join(ch for ch in mobile if ch.isdigit())
    if len(digits) < 4:
        return "your registered mobile number"
    return "*" * (len(digits) - 4) + digits[-4:]


def notice(kind: str, text: str) -> str:
    """Return a message box; ``kind`` is ``error``, ``ok`` or ``info``."""
    role = "alert" if kind == "error" else "status"
    return (
        f"<div class='notice {esc(kind)}' role='{role}' id='message'>{esc(text)}</div>"
    )


def document(
    title: str,
    body: str,
    *,
    via: str = "",
    refresh_url: str | None = None,
) -> str:
    """Wrap ``body`` (already escaped HTML) in the page frame.

    ``via`` names the payment gateway under the brand ("via PayU");
    ``refresh_url`` sends the browser on after two seconds (meta refresh).
    """
    refresh = ""
    if refresh_url is not None:
        refresh = f"<meta http-equiv='refresh' content='2;url={esc(refresh_url)}'>"
    via_html = f"<span class='via'>via {esc(via)}</span>" if via else ""
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>\n"
        "<meta name='referrer' content='no-referrer'>\n"
        f"{refresh}<title>{esc(title)}</title>\n<style>{_CSS}</style></head>\n"
        "<body><header><span class='brand'>amazon <b>pay</b></span>"
        f"{via_html}</header>\n"
        "<div class='sandbox-bar'>Juspay sandbox: simulated page, no real money "
        "moves</div>\n"
        f"<main><div class='card'>\n{body}\n</div></main>\n"
        "<footer>Simulated by the pos_app Juspay sandbox</footer>\n"
        "</body></html>\n"
    )


def message_page(
    title: str,
    heading: str,
    text: str,
    *,
    link: tuple[str, str] | None = None,
    refresh_url: str | None = None,
    via: str = "",
) -> str:
    """Return a page with one heading and one paragraph (and an optional link).

    ``link`` is ``(url, label)``; the link gets the id ``return``.
    """
    body = f"<h1 id='heading'>{esc(heading)}</h1>\n<p>{esc(text)}</p>"
    if link is not None:
        body += f"\n<p><a id='return' href='{esc(link[0])}'>{esc(link[1])}</a></p>"
    return document(title, body, via=via, refresh_url=refresh_url)
