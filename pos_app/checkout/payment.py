"""One payment attempt, step by step, with intent stored before every gateway call.

A :class:`PaymentRun` belongs to one Pay press: it owns one attempt on a sale (new or
reused for a retry of the same cart) and walks it through the flow. Blocking: run it on
a worker thread only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from pos_app.checkout.resolution import Verdict, VerdictKind, decide
from pos_app.checkout.types import (
    CustomerInfo,
    HostedKind,
    HostedStep,
    Outcome,
    PaymentResult,
    Receipt,
)
from pos_app.domain.cart import CartLine
from pos_app.domain.money import Money
from pos_app.domain.phone import Phone
from pos_app.domain.states import AttemptStatus, Flow, GatewayStatus
from pos_app.domain.text import translate
from pos_app.gateway import errors
from pos_app.gateway.client import JuspayClient
from pos_app.gateway.models import OrderStatus, Transaction, Wallet
from pos_app.store import Store

__all__ = [
    "AMAZON_PAY",
    "REDIRECT_ROUTES",
    "PaymentContext",
    "PaymentRun",
    "allowed_hosts",
    "amazon_wallet",
]

log = logging.getLogger(__name__)

AMAZON_PAY = "AMAZONPAY"
Progress = Callable[[str], None]

#: Gateways that carry Amazon Pay as a redirect payment with an OTP (reference 8.1).
REDIRECT_ROUTES = {
    "PAYU": "PayU",
    "RAZORPAY": "Razorpay",
    "GOCASHFREE": "Cashfree",
    "BILLDESK": "BillDesk",
}
_ORDER_NOT_CREATED = translate("Payment", "The order could not be created.")
_CONFIRMING = translate("Payment", "Confirming with Amazon Pay")
_UNKNOWN_MESSAGE = translate(
    "Payment",
    "We could not confirm this payment yet. It is being checked with Amazon Pay; "
    "do not charge the customer again until it is resolved.",
)


@dataclass(frozen=True, slots=True)
class PaymentContext:
    """What every run needs from the service (no back-reference to it)."""

    client: JuspayClient
    store: Store
    return_url: str
    confirm_delays: tuple[float, ...]
    hosted_delays: tuple[float, ...]
    response_key: str | None


class PaymentRun:
    """One attempt on one sale. Each step either continues or returns the result."""

    def __init__(
        self,
        ctx: PaymentContext,
        *,
        sale_id: int,
        order_id: str,
        order_exists: bool,
        lines: tuple[CartLine, ...],
        phone: Phone,
        customer: CustomerInfo,
        flow: Flow,
        route: str,
        method_key: str,
        method_label: str,
        progress: Progress,
    ) -> None:
        self.ctx = ctx
        self.client = ctx.client
        self.store = ctx.store
        self.sale_id = sale_id
        self.order_id = order_id
        self.order_exists = order_exists
        self.lines = lines
        self.phone = phone
        self.customer = customer
        self.flow = flow
        self.route = route
        self.method_key = method_key
        self.method_label = method_label
        self.progress = progress
        self.total = sum((line.total for line in lines), Money.zero())
        self.attempt_id = 0
        self.order_just_created = False
        self.txn_status: str | None = None  # what /txns answered, for the journal
        self.balance: Money | None = None
        self.hosted: HostedStep | None = None

    def __repr__(self) -> str:
        return f"<PaymentRun {self.order_id} attempt={self.attempt_id} {self.flow}>"

    # -- beginning --------------------------------------------------------------

    def begin(self, first_status: AttemptStatus = AttemptStatus.SUBMITTING) -> bool:
        """Store the attempt and move it on; False if the sale has one still running."""
        from pos_app.store import AttemptInFlight

        try:
            attempt = self.store.create_attempt(
                self.sale_id,
                flow=self.flow,
                route=self.route,
                method=self.method_key,
                amount_paise=self.total.paise,
                status=first_status,  # intent and first move in one write
            )
        except AttemptInFlight:
            return False
        if attempt.id is None:  # pragma: no cover - saved rows have ids
            raise RuntimeError("attempt has no id")
        self.attempt_id = attempt.id
        return True

    def ensure_order(self) -> PaymentResult | None:
        """Create the gateway order unless a retry already did; None when it exists."""
        if self.order_exists:
            return None
        self.progress(translate("Payment", "Creating the order"))
        # The attempt is already "submitting" (stored before this call): that is the
        # intent; no separate event is written on the critical path.
        try:
            self.client.create_order(
                self.order_id,
                self.total,
                customer_id=self.customer.customer_id,
                return_url=self.ctx.return_url,
            )
        except errors.OutcomeUnknown as exc:
            # Did the create take effect? Only the order status can say.
            found = self._order_exists_after_lost_create()
            if found is None:
                self.move(AttemptStatus.UNKNOWN, step="create_order", error=exc)
                return self.result(Outcome.UNKNOWN, _UNKNOWN_MESSAGE)
            if not found:
                return self.fail(exc, _ORDER_NOT_CREATED)
        except errors.InvalidRequest as exc:
            # Our order ids are never reused, so an existing one is this sale's own
            # (an earlier create whose answer was lost); the amount is checked when
            # the status confirms the payment.
            if (exc.code or "").upper() != "ALREADY_EXISTS":
                return self.fail(exc, _ORDER_NOT_CREATED)
            log.info("order %s already exists at the gateway", self.order_id)
        except errors.GatewayError as exc:
            return self.fail(exc, _ORDER_NOT_CREATED)
        self.order_exists = True
        self.order_just_created = True  # journaled with the next intent, one write
        return None

    def _order_exists_after_lost_create(self) -> bool | None:
        """True/False once the status answers definitely; None if it never does."""
        for delay in (0.0, *self.ctx.confirm_delays):
            if delay:
                time.sleep(delay)
            try:
                self.client.order_status(self.order_id)
            except errors.OrderNotFound:
                return False
            except errors.GatewayError as exc:
                log.warning("order status for %s failed: %s", self.order_id, exc)
                continue
            return True
        return None

    # -- direct debit -----------------------------------------------------------

    def direct_debit(self) -> PaymentResult | HostedStep:
        """Fresh token, debit, confirm. A short balance leads to the CCT page."""
        failure = self.ensure_order()
        if failure is not None:
            return failure

        self.progress(translate("Payment", "Checking Amazon Pay balance"))
        try:
            wallet = amazon_wallet(
                self.client.refresh_wallets(self.customer.customer_id)
            )
        except errors.GatewayError as exc:
            # No debit was sent yet: this attempt surely took no money.
            return self.fail(
                exc, translate("Payment", "Could not read the Amazon Pay balance.")
            )
        if wallet is None or not wallet.linked or not wallet.token:
            return self.fail_plain(
                "wallet_not_linked",
                translate(
                    "Payment", "This customer's Amazon Pay wallet is not linked."
                ),
            )
        self.balance = wallet.balance
        return self._debit(wallet.token)

    def _debit(self, token: str) -> PaymentResult | HostedStep:
        self.progress(translate("Payment", "Charging Amazon Pay balance"))
        self._journal_intent(
            "debit_requested",
            {"balance_paise": self.balance.paise if self.balance else None},
        )
        txn: Transaction | None = None
        for last_try in (False, True):
            try:
                txn = self.client.direct_debit(
                    self.order_id, token, customer_id=self.customer.customer_id
                )
                break
            except errors.TokenExpired as exc:
                # Refused before anything happened; a fresh token may be tried once.
                fresh = None if last_try else self._fresh_token()
                if fresh is None:
                    return self.fail(
                        exc,
                        translate("Payment", "Amazon Pay refused the wallet token."),
                    )
                log.warning(
                    "wallet token refused for %s; retrying fresh", self.order_id
                )
                token = fresh
            except errors.OutcomeUnknown as exc:
                self.move(AttemptStatus.UNKNOWN, step="txns", error=exc)
                return self.resolve("txns")
            except errors.GatewayError as exc:
                return self.fail(
                    exc, translate("Payment", "Amazon Pay did not take the payment.")
                )
        assert txn is not None
        return self._after_txn(txn, HostedKind.CCT)

    def _journal_intent(self, kind: str, detail: dict[str, object]) -> None:
        """Record what is about to be sent (and that the order now exists)."""
        if self.order_just_created:
            detail = {**detail, "order_created": True}
            self.order_just_created = False
        self.store.add_event(self.sale_id, self.attempt_id, kind, detail)

    def _fresh_token(self) -> str | None:
        try:
            wallet = amazon_wallet(
                self.client.refresh_wallets(self.customer.customer_id)
            )
        except errors.GatewayError:
            return None
        return wallet.token if wallet is not None and wallet.token else None

    # -- redirect (Amazon Pay through another gateway) ----------------------------

    def redirect(self) -> PaymentResult | HostedStep:
        failure = self.ensure_order()
        if failure is not None:
            return failure
        self.progress(
            translate("Payment", "Opening Amazon Pay via {gateway}").format(
                gateway=REDIRECT_ROUTES.get(self.route, self.route)
            )
        )
        self._journal_intent("redirect_requested", {})
        try:
            txn = self.client.redirect_wallet_payment(
                self.order_id, AMAZON_PAY, customer_id=self.customer.customer_id
            )
        except errors.OutcomeUnknown as exc:
            self.move(AttemptStatus.UNKNOWN, step="txns", error=exc)
            return self.resolve("txns")
        except errors.GatewayError as exc:
            return self.fail(
                exc, translate("Payment", "Amazon Pay could not be opened.")
            )
        return self._after_txn(txn, HostedKind.OTP)

    # -- after /txns ------------------------------------------------------------

    def _after_txn(
        self, txn: Transaction, kind: HostedKind
    ) -> PaymentResult | HostedStep:
        auth = txn.authentication
        self.txn_status = txn.status
        if (
            txn.classification is GatewayStatus.PENDING
            and auth is not None
            and auth.url
        ):
            relabel = kind is HostedKind.CCT and self.flow is Flow.DIRECT_DEBIT
            self.move(
                AttemptStatus.AWAITING_CUSTOMER,
                step="hosted_page",
                txn_id=txn.txn_id,
                gateway_status=txn.status,
                flow=Flow.CCT_TOPUP if relabel else None,
            )
            self.hosted = self._hosted_step(kind, auth.url, auth.method, auth.params)
            self.store.add_event(
                self.sale_id,
                self.attempt_id,
                "hosted_page_opened",
                {"kind": kind.value, "host": urlsplit(auth.url).netloc},
            )
            return self.hosted
        self.progress(_CONFIRMING)
        return self.resolve("confirm", txn_id=txn.txn_id)

    def _hosted_step(
        self,
        kind: HostedKind,
        url: str,
        method: str | None,
        params: dict[str, str] | None,
    ) -> HostedStep:
        covered = remaining = None
        if kind is HostedKind.CCT and self.balance is not None:
            covered = min(self.balance, self.total)
            remaining = self.total - covered
        return HostedStep(
            kind=kind,
            order_id=self.order_id,
            attempt_id=self.attempt_id,
            amount=self.total,
            url=url,
            return_url=self.ctx.return_url,
            allowed_hosts=allowed_hosts(url, self.client.config.base_url),
            flow=self.flow if kind is HostedKind.OTP else Flow.CCT_TOPUP,
            route=self.route,
            covered=covered,
            remaining=remaining,
            method=(method or "GET").upper(),
            form=tuple(sorted((params or {}).items())),
        )

    def finish_hosted(self, returned_url: str | None) -> PaymentResult:
        """The customer left the hosted page: trust nothing but the order status.

        A signed return is recorded (and a bad signature flagged), but the sale is
        decided only by ``GET /orders/{order_id}``, polled with backoff while the
        page's outcome is still pending.
        """
        from pos_app.gateway.redirects import parse_return_url, verify_return

        if returned_url is None:
            self.store.add_event(
                self.sale_id, self.attempt_id, "hosted_page_closed", {}
            )
            self.move(AttemptStatus.UNKNOWN, step="hosted_page_closed")
        else:
            params = parse_return_url(returned_url, self.ctx.return_url)
            signed = bool(
                params is not None
                and self.ctx.response_key
                and verify_return(returned_url, self.ctx.response_key)
            )
            ours = params is not None and params.order_id == self.order_id
            self.store.add_event(
                self.sale_id,
                self.attempt_id,
                "return_received" if signed and ours else "return_rejected",
                {
                    "status": params.status if params else None,
                    "return_verified": signed,
                    "for_this_order": ours,
                },
            )
            if not (signed and ours):
                log.warning(
                    "return URL for %s not trusted (signed=%s)", self.order_id, signed
                )
        self.progress(_CONFIRMING)
        return self.resolve("hosted_return", delays=self.ctx.hosted_delays)

    # -- confirming ---------------------------------------------------------------

    def resolve(
        self,
        step: str,
        *,
        txn_id: str | None = None,
        delays: Sequence[float] | None = None,
    ) -> PaymentResult:
        """Ask the order status until it is final, with backoff; else stay unknown."""
        older = self._older_txn_ids()
        for delay in (0.0, *(self.ctx.confirm_delays if delays is None else delays)):
            if delay:
                time.sleep(delay)
            try:
                status: OrderStatus | None = self.client.order_status(self.order_id)
            except errors.OrderNotFound:
                status = None
            except errors.GatewayError as exc:
                log.warning("order status for %s failed: %s", self.order_id, exc)
                continue
            verdict = decide(status, self.total, older_txn_ids=older)
            if verdict.kind is VerdictKind.NOT_CREATED and step != "create_order":
                continue  # a lagging read right after the create, not a verdict
            result = self.apply(verdict, txn_id)
            if result is not None:
                return result
        self.move(AttemptStatus.UNKNOWN, step=step)
        return self.result(Outcome.UNKNOWN, _UNKNOWN_MESSAGE)

    def _older_txn_ids(self) -> Collection[str]:
        return {
            a.txn_id
            for a in self.store.attempts_for(self.sale_id)
            if a.id != self.attempt_id and a.txn_id
        }

    def apply(self, verdict: Verdict, txn_id: str | None) -> PaymentResult | None:
        kind = verdict.kind
        if kind is VerdictKind.CHARGED:
            won = self.store.finalize_charged(
                self.attempt_id,
                txn_id=verdict.txn_id or txn_id,
                gateway_status=verdict.gateway_status,
                detail={
                    "amount_paise": self.total.paise,
                    "txns_answer": self.txn_status,
                },
            )
            if not won:
                return self.result(
                    Outcome.CHARGED,
                    translate("Payment", "This payment was already recorded."),
                )
            return self._charged(verdict.txn_id or txn_id)
        if kind is VerdictKind.AMOUNT_MISMATCH:
            log.error("order %s: %s", self.order_id, verdict.error_message)
            self.move(
                AttemptStatus.UNKNOWN,
                step="confirm",
                gateway_status=verdict.gateway_status,
                error_code="amount_mismatch",
                error_message=verdict.error_message,
            )
            return self.result(
                Outcome.UNKNOWN,
                translate(
                    "Payment",
                    "The gateway reports a different amount. A manager must check "
                    "this payment before the sale completes.",
                ),
                error_code="amount_mismatch",
            )
        if kind is VerdictKind.NOT_CREATED:
            self.move(
                AttemptStatus.FAILED, step="create_order", gateway_status="NOT_FOUND"
            )
            return self.result(
                Outcome.ERROR,
                translate(
                    "Payment",
                    "The order was not created at the gateway. Nothing was charged.",
                ),
                retryable=True,
            )
        if kind is VerdictKind.FAILED:
            self.move(
                AttemptStatus.FAILED,
                step="confirm",
                txn_id=verdict.txn_id or txn_id,
                gateway_status=verdict.gateway_status,
                error_code=verdict.error_code,
                error_message=verdict.error_message,
            )
            return self.result(
                Outcome.DECLINED,
                _decline_message(verdict.gateway_status),
                retryable=True,
                error_code=verdict.error_code or "",
            )
        return None  # pending, or no transaction yet: ask again

    def _charged(self, txn_id: str | None) -> PaymentResult:
        balance_after = None
        if self.balance is not None and self.flow is not Flow.REDIRECT_OTP:
            balance_after = max(self.balance - self.total, Money.zero())
        receipt = Receipt(
            order_id=self.order_id,
            lines=self.lines,
            total=self.total,
            paid_at=datetime.now(UTC),
            method_label=self.method_label,
            txn_id=txn_id or "",
            masked_phone=self.phone.masked,
            balance_after=balance_after,
        )
        log.info("order %s charged %s", self.order_id, self.total)
        return PaymentResult(
            outcome=Outcome.CHARGED,
            order_id=self.order_id,
            amount=self.total,
            flow=self.hosted.flow if self.hosted else self.flow,
            message=translate("Payment", "Paid {amount} with {method}.").format(
                amount=self.total.format(), method=self.method_label
            ),
            receipt=receipt,
        )

    # -- helpers ----------------------------------------------------------------

    def move(
        self,
        target: AttemptStatus,
        *,
        step: str,
        error: BaseException | None = None,
        txn_id: str | None = None,
        gateway_status: str | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
        flow: Flow | None = None,
    ) -> bool:
        detail: dict[str, object] = {"step": step}
        if self.txn_status is not None:
            detail["txns_answer"] = self.txn_status
        if error is not None:
            detail["error"] = type(error).__name__
            error_code = error_code or getattr(error, "code", None)
            error_message = error_message or str(error)
        return self.store.transition(
            self.attempt_id,
            target,
            detail=detail,
            txn_id=txn_id,
            gateway_status=gateway_status,
            error_code=error_code,
            error_message=error_message,
            flow=flow,
        )

    def fail(self, exc: errors.GatewayError, headline: str) -> PaymentResult:
        self.move(AttemptStatus.FAILED, step="gateway_error", error=exc)
        log.warning("payment for %s failed: %s", self.order_id, exc)
        return self.result(
            Outcome.ERROR,
            translate("Payment", "{headline} {reason} Nothing was charged.").format(
                headline=headline, reason=exc.user_message
            ),
            retryable=True,
            error_code=exc.code or type(exc).__name__,
        )

    def fail_plain(self, code: str, message: str) -> PaymentResult:
        self.move(
            AttemptStatus.FAILED, step=code, error_code=code, error_message=message
        )
        return self.result(Outcome.DECLINED, message, retryable=True, error_code=code)

    def result(
        self,
        outcome: Outcome,
        message: str,
        *,
        retryable: bool = False,
        error_code: str = "",
    ) -> PaymentResult:
        details = {"order_id": self.order_id, "amount": self.total.to_gateway()}
        if error_code:
            details["error_code"] = error_code
        return PaymentResult(
            outcome=outcome,
            order_id=self.order_id,
            amount=self.total,
            flow=self.hosted.flow if self.hosted else self.flow,
            message=message,
            retryable=retryable,
            error_code=error_code,
            details=details,
        )


def amazon_wallet(wallets: Sequence[Wallet]) -> Wallet | None:
    """The customer's Amazon Pay wallet, preferring a linked one."""
    amazon = [w for w in wallets if (w.wallet or "").upper() == AMAZON_PAY]
    linked = [w for w in amazon if w.linked]
    candidates = linked or amazon
    return candidates[0] if candidates else None


def allowed_hosts(page_url: str, gateway_url: str) -> tuple[str, ...]:
    """Hosts the web view may visit: the gateway's and the page's own."""
    hosts = {urlsplit(gateway_url).netloc, urlsplit(page_url).netloc}
    return tuple(sorted(h for h in hosts if h))


def _decline_message(status: str) -> str:
    if status == "AUTHENTICATION_FAILED":
        return translate(
            "Payment",
            "The customer did not complete the payment on the Amazon Pay page. "
            "Nothing was charged.",
        )
    return translate(
        "Payment",
        "Amazon Pay declined the payment. Nothing was charged. Try again or choose "
        "another method.",
    )
