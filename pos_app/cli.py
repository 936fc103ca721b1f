"""The ``pos-app`` command: the cashier GUI by default, plus demo and sandbox."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description=(
            "Point-of-sale checkout taking Amazon Pay Balance through Juspay. "
            "With no command it opens the cashier window on the embedded sandbox."
        ),
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
        help="which flow to run: linked, declined, or all (default)",
    )

    sandbox = commands.add_parser(
        "sandbox", help="run the Juspay look-alike sandbox on its own"
    )
    sandbox.add_argument("--host", default="127.0.0.1", help="address to bind")
    sandbox.add_argument(
        "--port", type=int, default=0, help="port (0 picks a free one)"
    )
    sandbox.add_argument(
        "--latency-ms", type=int, default=0, help="delay added to every API answer"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    if command == "sandbox":
        from pos_app.sandbox.server import serve

        serve(host=args.host, port=args.port, latency_ms=args.latency_ms)
        return 0
    if command == "demo":
        from pos_app.demo import run_demo

        return run_demo(args.out, args.scenario)
    from pos_app.app import run_gui

    return run_gui()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
