"""tests/checkout uses the shared checkout fixtures of ``tests/conftest.py``.

``sandbox``, ``make_service``, ``service`` and ``browser`` come from there, with the
default client (1 s read timeout).
"""
