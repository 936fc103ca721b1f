"""The ``pos-app`` command: the cashier GUI by default, plus demo and sandbox."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pos_app.domain.text import LANGUAGES

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description=(
            "Point-of-sale checkout taking Amazon Pay Balance through Juspay. "
            "With no command it opens the cashier window on the embedded sandbox."
        ),
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="open the self-service kiosk (full screen, for customers) instead of "
        "the cashier window",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        help="the screens' language for this run: en (English) or hi (Hindi); "
        "default: the settings (POS_LANGUAGE), else English",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the cashier window (the default)")

    demo = commands.add_parser(
        "demo",
        help="drive the real screens offscreen through the payment flows",
        description=(
            "Drive the real widgets offscreen against the embedded sandbox, save a PNG "
            "per screen into --out, print one JSON line per flow, and exit non-zero if "
            "any flow ends other than expected."
        ),
    )
    demo.add_argument(
        "--out", type=Path, default=Path("demo-out"), help="folder for PNGs"
    )
    demo.add_argument(
        "--scenario",
        default="all",
        help=(
            "which flow to run: linked, declined, link-qr, link-web, cct, otp, "
            "kiosk (a first-time customer at the self-checkout, in English and "
            "Hindi), or all (the default)"
        ),
    )

    sandbox = commands.add_parser(
        "sandbox", help="run the Juspay look-alike sandbox on its own"
    )
    sandbox.add_argument("--host", default="127.0.0.1", help="address to bind")
    sandbox.add_argument(
        "--port", type=int, default=0, help="port (0 picks a free one)"
    )
    sandbox.add_argument(
        "--latency-ms",
        type=_non_negative,
        default=0,
        help="delay added to every API answer",
    )

    report = commands.add_parser(
        "report",
        help="print a day's totals and transactions (optionally as CSV)",
        description=(
            "Print the day's totals by status and payment flow, then every sale. The "
            "day is the terminal's local calendar day (OS time zone; TZ honoured); "
            "amounts are exact rupees from integer paise."
        ),
    )
    report.add_argument(
        "--day", metavar="YYYY-MM-DD", default=None, help="the day (default: today)"
    )
    report.add_argument(
        "--csv", type=Path, default=None, help="also write rows to FILE"
    )

    reconcile = commands.add_parser(
        "reconcile",
        help="settle unfinished payments from the gateway's order status",
        description=(
            "Check every payment attempt that is not final against the gateway's "
            "order status, move it to its true state, and print one JSON line per "
            "attempt resolved (summary on stderr). Needs a gateway that remembers "
            "its orders: POS_GATEWAY_URL or POS_GATEWAY_MODE, not the embedded "
            "sandbox."
        ),
    )
    reconcile.add_argument(
        "--quiet-after",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="close an attempt with no transaction at the gateway once it has been "
        "quiet this long (default 120)",
    )
    return parser


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (``pos-app report | head``): not an error to report.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    if command == "sandbox":
        from pos_app.sandbox.server import serve

        try:
            serve(host=args.host, port=args.port, latency_ms=args.latency_ms)
        except OSError as exc:
            print(
                f"pos-app sandbox: cannot listen on {args.host}:{args.port}: "
                f"{exc.strerror or exc}",
                file=sys.stderr,
            )
            return 2
        return 0
    if command == "report":
        from datetime import date

        from pos_app.report import run_report

        try:
            day = date.fromisoformat(args.day) if args.day else None
        except ValueError:
            print(
                f"pos-app report: not a day (YYYY-MM-DD): {args.day}", file=sys.stderr
            )
            return 2
        return run_report(day, args.csv)
    if command == "reconcile":
        from pos_app.reconcile_cli import run_reconcile

        return run_reconcile(quiet_after_s=args.quiet_after)
    if command == "demo":
        from pos_app.demo import run_demo

        return run_demo(args.out, args.scenario)
    from pos_app.app import run_gui

    if args.lang:
        os.environ["POS_LANGUAGE"] = args.lang  # read with the other settings
    return run_gui(kiosk=args.kiosk)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
