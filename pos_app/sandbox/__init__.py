"""Embedded Juspay Express Checkout look-alike, standard library only.

Use :class:`~pos_app.sandbox.server.SandboxServer` to embed it (tests, demo) and
:func:`~pos_app.sandbox.server.serve` to run it in the foreground (CLI). Test
customers and the test merchant are in :mod:`pos_app.sandbox.fixtures`; faults in
:mod:`pos_app.sandbox.faults`.
"""

from pos_app.sandbox.server import SandboxServer, serve

__all__ = ["SandboxServer", "serve"]
