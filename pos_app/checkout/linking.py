"""Link and Pay: a consent session for a first-time Amazon Pay customer.

The session rides on a payment attempt (flow ``link_and_pay``) that waits in
``awaiting_link`` while the customer decides, so it is persisted and journaled like
any payment. Its own states are :class:`~pos_app.checkout.types.LinkState`:
waiting -> linked | denied | expired | cancelled. Only a session still waiting can
lead to a debit: the attempt's move ``awaiting_link -> submitting`` is conditional, so
a consent that arrives after the sale was cancelled (a new customer at the counter)
can never pay for anything.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from pos_app.checkout.payment import PaymentRun, allowed_hosts
from pos_app.checkout.types import (
    HostedStep,
    LinkMode,
    LinkSession,
    LinkState,
    Outcome,
    PaymentResult,
)
from pos_app.domain.states import AttemptStatus
from pos_app.domain.text import translate
from pos_app.gateway import errors
from pos_app.gateway.redirects import parse_consent_return, verify_return

__all__ = ["LinkFlow"]

log = logging.getLogger(__name__)

_CONSENT_STATES = {
    "DENIED": LinkState.DENIED,
    "EXPIRED": LinkState.EXPIRED,
}


class LinkFlow:
    """Drive one consent session; every method blocks on HTTP and SQL."""

    def __init__(self, run: PaymentRun, mode: LinkMode, timeout_s: float) -> None:
        self.run = run
        self.mode = mode
        self.timeout_s = timeout_s
        self.session: LinkSession | None = None
        self.state = LinkState.WAITING

    def __repr__(self) -> str:
        return f"<LinkFlow {self.run.order_id} {self.mode} {self.state}>"

    # -- starting ---------------------------------------------------------------

    def start(self) -> LinkSession | PaymentResult:
        run = self.run
        if not run.begin(AttemptStatus.AWAITING_LINK):
            return run.result(
                Outcome.UNKNOWN,
                translate(
                    "Linking", "An earlier try for this sale is still being checked."
                ),
            )
        run.progress(translate("Linking", "Asking Amazon Pay for consent"))
        return_url = run.ctx.return_url if self.mode is LinkMode.WEB else None
        try:
            wallet = run.client.create_wallet(
                run.customer.customer_id,
                "AMAZONPAY",
                command="authenticate",
                mobile_number=run.phone.digits,
                return_url=return_url,
            )
        except errors.GatewayError as exc:
            return run.fail(
                exc, translate("Linking", "Amazon Pay linking could not start.")
            )
        if not wallet.id:
            return run.fail_plain(
                "no_wallet", translate("Linking", "Amazon Pay did not open a wallet.")
            )
        if wallet.linked:
            # Linked meanwhile (say at another counter): no consent needed.
            self.state = LinkState.LINKED
        consent_url = wallet.consent_url
        if consent_url is None and not wallet.linked:
            # FIXME:link - how a pure REST client gets Amazon's consent page is
            # unconfirmed at Juspay (reference 12.1); the sandbox returns one.
            return run.fail_plain(
                "consent_unavailable",
                translate(
                    "Linking",
                    "This gateway offers no consent page for linking. "
                    "Use another method.",
                ),
            )
        self.session = LinkSession(
            attempt_id=run.attempt_id,
            order_id=run.order_id,
            wallet_id=wallet.id,
            customer_id=run.customer.customer_id,
            mode=self.mode,
            consent_url=consent_url or "",
            return_url=return_url,
            allowed_hosts=allowed_hosts(consent_url or "", run.client.config.base_url),
            expires_at=datetime.now(UTC) + timedelta(seconds=self.timeout_s),
            amount=run.total,
        )
        run.store.add_event(
            run.sale_id,
            run.attempt_id,
            "link_started",
            {"mode": self.mode.value, "wallet_id": wallet.id},
        )
        return self.session

    # -- learning the outcome ---------------------------------------------------

    def poll(self) -> LinkState:
        """Ask the gateway whether the wallet is linked (QR: consent on a phone)."""
        if self.state is not LinkState.WAITING or self.session is None:
            return self.state
        if datetime.now(UTC) >= self.session.expires_at:
            return self._end(LinkState.EXPIRED, "the customer did not answer in time")
        try:
            wallet = self.run.client.get_wallet(
                self.session.wallet_id, customer_id=self.session.customer_id
            )
        except errors.GatewayError as exc:
            log.warning("link poll for %s failed: %s", self.run.order_id, exc)
            return self.state
        if wallet.linked:
            return self._linked()
        ended = _CONSENT_STATES.get(wallet.consent_status or "")
        if ended is not None:
            return self._end(ended, f"consent {ended.value} at Amazon Pay")
        return self.state

    def complete_from_return(self, url: str) -> LinkState:
        """The web view reached the return URL: verify it, then link with the code."""
        if self.state is not LinkState.WAITING or self.session is None:
            return self.state
        run = self.run
        back = parse_consent_return(url, run.ctx.return_url)
        key = run.ctx.response_key
        signed = bool(back and key and verify_return(back, key))
        if back is None or back.wallet_id != self.session.wallet_id or not signed:
            run.store.add_event(
                run.sale_id,
                run.attempt_id,
                "link_return_rejected",
                {"signed": signed, "for_this_wallet": bool(back)},
            )
            log.warning("consent return for %s not trusted", run.order_id)
            return self.poll()
        if not back.allowed:
            status = (back.status or "").upper()
            return self._end(
                _CONSENT_STATES.get(status, LinkState.DENIED), status.lower()
            )
        try:
            wallet = run.client.link_wallet(self.session.wallet_id, back.code or "")
        except errors.TokenExpired:
            return self._end(LinkState.EXPIRED, "the consent code had expired")
        except errors.GatewayError as exc:
            log.warning("link for %s failed: %s", run.order_id, exc)
            return self.poll()
        return self._linked() if wallet.linked else self.poll()

    def cancel(self) -> LinkState:
        if self.state is LinkState.WAITING:
            return self._end(LinkState.CANCELLED, "cancelled at the counter")
        return self.state

    # -- paying -----------------------------------------------------------------

    def pay(self) -> PaymentResult | HostedStep:
        """Debit the freshly linked wallet; refuses unless the session linked.

        A balance below the total leads on to the CCT page (a :class:`HostedStep`).
        """
        run = self.run
        if self.state is not LinkState.LINKED:
            return run.result(
                Outcome.CANCELLED,
                translate("Linking", "The Amazon Pay wallet was not linked."),
            )
        if not run.move(AttemptStatus.SUBMITTING, step="linked"):
            # The sale was cancelled meanwhile (new sale): a late consent pays nothing.
            return run.result(
                Outcome.CANCELLED, translate("Linking", "This sale was cancelled.")
            )
        return run.direct_debit()

    # -- internals ----------------------------------------------------------------

    def _linked(self) -> LinkState:
        self.state = LinkState.LINKED
        self.run.store.add_event(
            self.run.sale_id, self.run.attempt_id, "wallet_linked", {}
        )
        log.info("wallet linked for order %s", self.run.order_id)
        return self.state

    def _end(self, state: LinkState, why: str) -> LinkState:
        self.state = state
        target = (
            AttemptStatus.CANCELLED
            if state is LinkState.CANCELLED
            else AttemptStatus.FAILED
        )
        self.run.move(
            target, step=f"link_{state.value}", error_code=f"link_{state.value}"
        )
        self.run.store.add_event(
            self.run.sale_id, self.run.attempt_id, f"link_{state.value}", {"why": why}
        )
        return state
