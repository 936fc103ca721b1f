"""``pos-app reconcile``: settle every unfinished payment from the gateway's status.

Builds the checkout from configuration (as the GUI does), runs the reconciler once
and prints one JSON line per attempt it resolved (``order_id``, ``attempt_id``,
``from_status``, ``to_status``, ``gateway_status``, ``note``) on stdout, then one
summary line on stderr. Exit status: 0 when it ran (whatever it found), 2 when it
cannot run: a configuration error, or the embedded sandbox, which forgets its orders
when the app exits and so has nothing to check the database against.

Attempts whose status the gateway cannot give yet, or that are still too recent to
be closed as "no transaction" (``--quiet-after``), are left for the next run.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import TextIO

__all__ = ["run_reconcile"]

log = logging.getLogger(__name__)

#: How long an attempt with no transaction at the gateway must be quiet before it
#: is closed: the reconciler's own default.
DEFAULT_QUIET_AFTER_S = 120.0

_EMBEDDED = (
    "pos-app reconcile: the embedded sandbox forgets its orders when the app exits, "
    "so there is nothing to check payments against. Set POS_GATEWAY_URL (a sandbox "
    "run with `pos-app sandbox`) or POS_GATEWAY_MODE for a real gateway."
)


def run_reconcile(
    *,
    quiet_after_s: float = DEFAULT_QUIET_AFTER_S,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Reconcile once against the configured gateway; return the exit status."""
    stdout = out if out is not None else sys.stdout
    stderr = err if err is not None else sys.stderr
    from pos_app.config import AppConfig, ConfigError

    try:
        config = AppConfig.from_env()
    except ConfigError as exc:
        print(f"pos-app reconcile: {exc}", file=stderr)
        return 2
    if config.uses_embedded_sandbox:
        print(_EMBEDDED, file=stderr)
        return 2
    if quiet_after_s < 0:
        print("pos-app reconcile: --quiet-after must not be negative", file=stderr)
        return 2

    from pos_app.checkout.bootstrap import build_service
    from pos_app.checkout.reconciler import Reconciler
    from pos_app.checkout.refunds import RefundService

    service = build_service(config)
    try:
        reconciler = Reconciler(
            service.client, service.store, quiet_after_s=quiet_after_s
        )
        resolved = reconciler.run_once()
        for resolution in resolved:
            print(json.dumps(resolution.as_json(), sort_keys=True), file=stdout)
        for refund in RefundService(service.client, service.store).refresh_open():
            line = {
                "order_id": refund.order_id,
                "refund": refund.unique_request_id,
                "status": refund.status.value if refund.status else None,
                "amount": refund.amount.to_gateway(),
            }
            print(json.dumps(line, sort_keys=True), file=stdout)
        stdout.flush()
        left = len(reconciler.pending())
        unreadable = reconciler.unreadable
    finally:
        service.close()
        service.store.close()

    log.info("reconcile: %d resolved, %d still being checked", len(resolved), left)
    print(
        f"reconcile: {len(resolved)} resolved, {left} still being checked "
        f"at {config.gateway_label}",
        file=stderr,
    )
    if unreadable:
        print(
            f"reconcile: {unreadable} could not be checked (the gateway did not answer "
            "or refused the credentials); see the log",
            file=stderr,
        )
        return 3
    return 0
