"""pos_app: a Qt point-of-sale and kiosk checkout for Amazon Pay Balance via Juspay."""

__version__ = "0.1.0"
