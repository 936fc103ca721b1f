"""The wallet calls of the client (reference 6.2, 8.2): list, create, link, delink.

All are form posts or gets with Basic auth; ``x-routing-id`` is the customer id when
the caller knows it. A call made by wallet id alone sends no routing id rather than a
different one, because the routing id must be the same on every call for a customer.

Amazon Pay links through Amazon's consent page, not an OTP the shopper types: the
link call carries the code that the consent step hands back (unconfirmed, reference
8.2 and 12.1). That code is a secret like a token: it goes only in the form body, is
never logged, and is blanked out of any error the gateway sends back.
"""

from __future__ import annotations

from typing import Any

from pos_app.gateway import errors
from pos_app.gateway import models as m
from pos_app.gateway._base import ClientBase, segment

__all__ = ["WalletCalls"]

_REDACTED = "[redacted]"


def _scrub(error: errors.GatewayError, secrets: tuple[str, ...]) -> None:
    """Blank secrets the gateway may have echoed out of an error, in place."""

    def clean(text: str | None) -> str | None:
        for secret in secrets:
            if text and secret:
                text = text.replace(secret, _REDACTED)
        return text

    error.message = clean(error.message) or ""
    error.args = (error.message,)
    error.body_excerpt = clean(error.body_excerpt)
    error.gateway_user_message = clean(error.gateway_user_message)
    error.fields = tuple(
        errors.FieldError(f.field_name, clean(f.reason) or "") for f in error.fields
    )


def _one_wallet(body: Any, wallet_id: str | None) -> Any:
    """The wallet object in a reply: the body itself, or the match in a list.

    The documented answer is a wallet object. The legacy ``GET ...?command=refresh``
    variant is not documented; a list object (or bare list) is tolerated too, and the
    entry with our wallet id (or the only entry) is taken.
    """
    items = body.get("list") if isinstance(body, dict) else body
    if not isinstance(items, list):
        return body
    matching = [i for i in items if isinstance(i, dict) and i.get("id") == wallet_id]
    if len(matching) == 1:
        return matching[0]
    if len(items) == 1:
        return items[0]
    raise ValueError(f"expected one wallet, got a list of {len(items)}")


class WalletCalls(ClientBase):
    """Wallet endpoints; mixed into :class:`~pos_app.gateway.client.JuspayClient`."""

    def list_wallets(self, customer_id: str) -> list[m.Wallet]:
        """List the customer's wallets with cached balances."""
        body = self._call(
            "GET",
            f"/customers/{segment(customer_id)}/wallets",
            routing_id=customer_id,
            read_timeout=self._config.lookup_timeout,
        )
        return self._parse_list(m.Wallet.model_validate, body, "list")

    def refresh_wallets(self, customer_id: str) -> list[m.Wallet]:
        """Refresh balances at the providers (slow) and list fresh tokens."""
        body = self._call(
            "GET",
            f"/customers/{segment(customer_id)}/wallets/refresh-balances",
            routing_id=customer_id,
        )
        return self._parse_list(m.Wallet.model_validate, body, "list")

    def create_wallet(
        self,
        customer_id: str,
        gateway: str = "AMAZONPAY",
        *,
        command: str | None = "authenticate",
        mobile_number: str | None = None,
        return_url: str | None = None,
        gateway_reference_id: str | None = None,
    ) -> m.Wallet:
        """Create the customer's wallet account at ``gateway`` (``linked`` false).

        With ``command="authenticate"`` (the default; ``None`` leaves it out) the
        provider starts its check: an OTP for OTP wallets, for Amazon Pay a consent
        page whose address, if any, is :attr:`Wallet.consent_url` (unconfirmed).
        ``return_url`` is where that page sends the shopper back: an extension of our
        sandbox that real Juspay may ignore. ``mobile_number`` is ten digits; it stays
        in the body. ``gateway_reference_id`` picks a MID when there are several.
        """
        form = {"gateway": gateway}
        optional = {
            "command": command,
            "mobile_number": mobile_number,
            "return_url": return_url,
            "gateway_reference_id": gateway_reference_id,
        }
        form.update({key: value for key, value in optional.items() if value})
        secrets = (mobile_number,) if mobile_number else ()
        return self._wallet_call(
            f"/customers/{segment(customer_id)}/wallets",
            form,
            customer_id,
            None,
            secrets,
        )

    def get_wallet(self, wallet_id: str, *, customer_id: str | None = None) -> m.Wallet:
        """Read one wallet (with its token when linked; legacy reference)."""
        body = self._call(
            "GET",
            f"/wallets/{segment(wallet_id)}",
            routing_id=customer_id,
            read_timeout=self._config.lookup_timeout,
        )
        return self._read_wallet(body, wallet_id)

    def authenticate_wallet(
        self,
        wallet_id: str,
        *,
        return_url: str | None = None,
        customer_id: str | None = None,
    ) -> m.Wallet:
        """Start the provider's check again for an existing, unlinked wallet.

        ``return_url`` is a sandbox extension (see :meth:`create_wallet`).
        """
        form = {"command": "authenticate"}
        if return_url:
            form["return_url"] = return_url
        return self._wallet_command(wallet_id, form, customer_id)

    def link_wallet(
        self, wallet_id: str, code: str, *, customer_id: str | None = None
    ) -> m.Wallet:
        """Link the wallet with ``code``: the OTP, or Amazon's consent code.

        Sends ``command=link`` and ``otp=<code>``. The answer carries ``linked`` true,
        a single-use ``token`` and the balance. The code is never logged and is
        blanked out of any error raised here. After an ``OutcomeUnknown``, read the
        wallet with :meth:`get_wallet` rather than linking again: a consent code is
        most likely single-use (unconfirmed).
        """
        if not code:
            raise ValueError("linking a wallet needs the OTP or consent code")
        form = {"command": "link", "otp": code}
        return self._wallet_command(wallet_id, form, customer_id, (code,))

    def refresh_wallet(
        self, wallet_id: str, *, customer_id: str | None = None
    ) -> m.Wallet:
        """Refresh one wallet's balance at the provider (``POST command=refresh``).

        Older SDKs use ``GET ...?command=refresh``; we post, as the current docs do,
        and also read the list-shaped answer that variant may give.
        """
        return self._wallet_command(wallet_id, {"command": "refresh"}, customer_id)

    def delink_wallet(
        self, wallet_id: str, *, customer_id: str | None = None
    ) -> m.Wallet:
        """Delink the wallet (``linked`` false, no token); use it again by linking."""
        return self._wallet_command(wallet_id, {"command": "delink"}, customer_id)

    def _wallet_command(
        self,
        wallet_id: str,
        form: dict[str, str],
        customer_id: str | None,
        secrets: tuple[str, ...] = (),
    ) -> m.Wallet:
        path = f"/wallets/{segment(wallet_id)}"
        return self._wallet_call(path, form, customer_id, wallet_id, secrets)

    def _wallet_call(
        self,
        path: str,
        form: dict[str, str],
        customer_id: str | None,
        wallet_id: str | None,
        secrets: tuple[str, ...],
    ) -> m.Wallet:
        try:
            body = self._call("POST", path, form=form, routing_id=customer_id)
        except errors.GatewayError as exc:
            _scrub(exc, secrets)
            raise
        return self._read_wallet(body, wallet_id)

    def _read_wallet(self, body: Any, wallet_id: str | None) -> m.Wallet:
        def parse(reply: Any) -> m.Wallet:
            return m.Wallet.model_validate(_one_wallet(reply, wallet_id))

        return self._parse(parse, body, "wallet")
