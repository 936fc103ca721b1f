"""Wallet linking for the ledger: create, authenticate, consent, link, delink.

Amazon Pay links through a consent page, not an OTP (reference 6.3, 8.2), and how a
pure REST client gets that page is unconfirmed at Juspay (reference 12.1). The
sandbox's documented choice:

* create (``POST /customers/{id}/wallets``) and ``command=authenticate`` on an
  unlinked AMAZONPAY wallet open a *consent session*; the wallet object then
  carries ``authentication: {method: GET, url: <base>/amazonpay/consent/<id>}``
  and ``metadata.consent_status`` (``PENDING``, ``ALLOWED``, ``DENIED``,
  ``EXPIRED``, ``LINKED``). Create implies authenticate for an unlinked wallet
  (there is no other way to link one), with or without ``command``. Each new
  session expires the wallet's older open ones; a session expires after
  ``Ledger.consent_lifetime_s``.
* Sandbox extension: an optional ``return_url`` on create/authenticate. Allow then
  issues a single-use 20-character code (valid ``link_code_lifetime_s``, 10 min)
  that the browser carries back on a signed redirect, and the app links with
  ``command=link&otp=<code>``. Without a ``return_url`` (the customer scanned a QR
  on their own phone and the counter polls) Allow links the wallet at once.
* Create on a customer who already has an AMAZONPAY wallet returns that wallet
  (a linked one with a fresh token), never a second one.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pos_app.sandbox import errors, fixtures
from pos_app.sandbox.core import LedgerCore, utc_now
from pos_app.sandbox.records import ConsentSession, LinkCode, Wallet

__all__ = ["WALLET_COMMANDS", "ConsentOutcome", "WalletLinking"]

WALLET_COMMANDS = ("authenticate", "link", "refresh", "delink")

_CODE_ALPHABET = string.ascii_letters + string.digits
_ID_ALPHABET = string.ascii_lowercase + string.digits


@dataclass(frozen=True, slots=True)
class ConsentOutcome:
    """What a decision on the consent page did."""

    session: ConsentSession
    wallet: Wallet
    code: str | None  # issued on Allow when the session has a return_url


def _invalid(message: str, code: str = "INVALID_INPUT") -> errors.ApiError:
    return errors.classic(400, "Invalid Request", code, message)


def _check_return_url(url: str) -> str:
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _invalid("[return_url] must be an absolute http(s) URL")
    return url


class WalletLinking(LedgerCore):
    """Ledger mixin: the wallet endpoints and the consent sessions behind them."""

    # -- the API -----------------------------------------------------------------

    def create_wallet(
        self, ref: str, form: Mapping[str, str]
    ) -> tuple[Wallet, str | None]:
        """Run ``POST /customers/{ref}/wallets``; return the wallet and any token."""
        gateway = form.get("gateway", "")
        command = form.get("command", "")
        mobile = form.get("mobile_number", "")
        if not gateway:
            raise _invalid(
                "Mandatory field gateway is missing", "MISSING_MANDATORY_PARAMETER"
            )
        if gateway != "AMAZONPAY":
            raise _invalid(f"Gateway {gateway} is not simulated by the sandbox")
        if command not in ("", "authenticate"):
            raise _invalid(f"Unknown command {command!r}: only authenticate")
        if mobile and not (mobile.isdigit() and 6 <= len(mobile) <= 15):
            raise _invalid("[mobile_number] must be digits only")
        return_url = _check_return_url(form.get("return_url", ""))

        with self.lock:
            customer = self.find_customer(ref)
            if customer is None:
                raise errors.classic(
                    400,
                    "Invalid Request",
                    "null_error",
                    "Customer not found for given customerId.",
                )
            wallet = next(
                (
                    w
                    for w in self.wallets.values()
                    if w.customer_id == customer.id and w.wallet == "AMAZONPAY"
                ),
                None,
            )
            if wallet is None:
                wallet = self._new_wallet(customer.id, mobile or customer.mobile_number)
            self._settle_consent(wallet)
            if wallet.linked:
                return wallet, self._mint_token(wallet)
            self._start_consent(wallet, return_url)
            return wallet, None

    def get_wallet(self, wallet_id: str) -> tuple[Wallet, str | None]:
        """Run ``GET /wallets/{id}``: the wallet, with a fresh token when linked."""
        with self.lock:
            wallet = self._wallet(wallet_id)
            return wallet, self._mint_token(wallet) if wallet.linked else None

    def wallet_command(
        self, wallet_id: str, form: Mapping[str, str]
    ) -> tuple[Wallet, str | None]:
        """Run ``POST /wallets/{id}``: authenticate, link, refresh or delink."""
        command = form.get("command", "")
        if not command:
            raise _invalid(
                "Mandatory field command is missing", "MISSING_MANDATORY_PARAMETER"
            )
        if command not in WALLET_COMMANDS:
            raise _invalid(f"Unknown command {command!r}")

        with self.lock:
            wallet = self._wallet(wallet_id)
            if command == "authenticate":
                if wallet.linked:
                    raise _invalid(
                        "Wallet is already linked; delink it first", "INVALID_ACTION"
                    )
                self._start_consent(
                    wallet, _check_return_url(form.get("return_url", ""))
                )
                return wallet, None
            if command == "link":
                self._link_with_code(wallet, form.get("otp", ""))
                return wallet, self._mint_token(wallet)
            if command == "delink":
                self._delink(wallet)
                return wallet, None
            if wallet.linked:  # refresh
                wallet.last_refreshed = utc_now()
                return wallet, self._mint_token(wallet)
            return wallet, None

    # -- the consent page ----------------------------------------------------------

    def consent_session(self, session_id: str) -> ConsentSession | None:
        """Return the session (its status brought up to date), or None if unknown."""
        with self.lock:
            session = self.consents.get(session_id)
            if session is not None:
                self._settle_consent(self.wallets[session.wallet_id])
            return session

    def decide_consent(self, session_id: str, *, allow: bool) -> ConsentOutcome | None:
        """Apply Allow or Deny to an open session; None if it is not open."""
        with self.lock:
            session = self.consent_session(session_id)
            if session is None or session.status != "PENDING":
                return None
            wallet = self.wallets[session.wallet_id]
            wallet.consent_session = None
            if not allow:
                session.status = wallet.consent_status = "DENIED"
                return ConsentOutcome(session, wallet, None)

            session.status = "ALLOWED"
            if not session.return_url:
                self._link(wallet)
                return ConsentOutcome(session, wallet, None)
            wallet.consent_status = "ALLOWED"
            code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(20))
            expires_at = self.clock() + self.link_code_lifetime_s
            self.link_codes[code] = LinkCode(code, wallet.id, expires_at)
            return ConsentOutcome(session, wallet, code)

    # -- internals -------------------------------------------------------------------

    def _wallet(self, wallet_id: str) -> Wallet:
        wallet = self.wallets.get(wallet_id)
        if wallet is None:
            raise errors.classic(
                404, "Invalid Request", "object_not_found", "Wallet not found"
            )
        self._settle_consent(wallet)
        return wallet

    def _new_wallet(self, customer_id: str, mobile: str) -> Wallet:
        profile = fixtures.find_test_customer(mobile)
        wallet = Wallet(
            id="wlm_" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(16)),
            customer_id=customer_id,
            mobile_number=mobile,
            linked=False,
            balance_paise=(
                profile.balance_paise
                if profile is not None
                else fixtures.NEW_WALLET_BALANCE_PAISE
            ),
            declines=profile.declines if profile is not None else False,
            last_refreshed=utc_now(),
        )
        self.wallets[wallet.id] = wallet
        return wallet

    def _start_consent(self, wallet: Wallet, return_url: str) -> None:
        for older in self.consents.values():
            if older.wallet_id == wallet.id and older.status == "PENDING":
                older.status = "EXPIRED"
        session = ConsentSession(
            id=f"acs_{secrets.token_urlsafe(18)}",
            wallet_id=wallet.id,
            return_url=return_url,
            expires_at=self.clock() + self.consent_lifetime_s,
        )
        self.consents[session.id] = session
        wallet.consent_status = "PENDING"
        wallet.consent_session = session.id

    def _link_with_code(self, wallet: Wallet, value: str) -> None:
        if not value:
            raise _invalid(
                "Mandatory field otp is missing", "MISSING_MANDATORY_PARAMETER"
            )
        code = self.link_codes.get(value)
        if (
            code is None
            or code.used
            or code.wallet_id != wallet.id
            or self.clock() >= code.expires_at
        ):
            raise _invalid(
                "Consent code is invalid, expired or already used; authenticate again",
                "EXPIRED",
            )
        code.used = True
        self._link(wallet)

    def _link(self, wallet: Wallet) -> None:
        wallet.linked = True
        wallet.consent_status = "LINKED"
        wallet.consent_session = None
        wallet.last_refreshed = utc_now()

    def _delink(self, wallet: Wallet) -> None:
        wallet.linked = False
        wallet.consent_status = None
        if wallet.consent_session is not None:
            self.consents[wallet.consent_session].status = "EXPIRED"
            wallet.consent_session = None
        for token in self.tokens.values():
            if token.wallet_id == wallet.id:
                token.used = True
