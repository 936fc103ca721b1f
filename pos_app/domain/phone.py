"""Indian mobile numbers: validation, masking and the customer reference we derive.

The full number goes to the gateway (it needs it) and nowhere else: logs, the screen
and the database see only the masked form or the last four digits.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pos_app.domain.text import translate

__all__ = ["InvalidPhone", "Phone", "mask_phone"]

_DIGITS = re.compile(r"\D")


class InvalidPhone(ValueError):  # noqa: N818 - reads as what happened
    """Not a ten-digit Indian mobile number."""


@dataclass(frozen=True, slots=True)
class Phone:
    """A ten-digit Indian mobile number (without +91)."""

    digits: str

    @classmethod
    def parse(cls, text: str) -> Phone:
        """Accept ``98765 43210``, ``+91-98765-43210`` or ``09876543210``."""
        raw = (text or "").strip()
        if re.search(r"[^\d\s+\-()]", raw):
            raise InvalidPhone(translate("Phone", "A mobile number has digits only"))
        digits = _DIGITS.sub("", raw)
        if len(digits) == 12 and digits.startswith("91"):
            digits = digits[2:]
        elif len(digits) == 11 and digits.startswith("0"):
            digits = digits[1:]
        if len(digits) != 10:
            raise InvalidPhone(translate("Phone", "Enter the 10-digit mobile number"))
        if digits[0] not in "6789":
            raise InvalidPhone(
                translate("Phone", "Indian mobile numbers start with 6, 7, 8 or 9")
            )
        return cls(digits)

    @property
    def last4(self) -> str:
        return self.digits[-4:]

    @property
    def masked(self) -> str:
        return mask_phone(self.digits)

    def customer_ref(self, merchant_id: str) -> str:
        """The merchant's ``object_reference_id`` for this customer.

        Derived from the number and the merchant id so every terminal of one merchant
        finds the same customer, without the number itself appearing in URLs (httpx
        logs request URLs). It is a pseudonym, not a secret.
        """
        digest = hashlib.sha256(f"{merchant_id}:{self.digits}".encode()).hexdigest()
        return f"pos{digest[:17]}"

    def __str__(self) -> str:  # never print the full number by accident
        return self.masked

    def __repr__(self) -> str:
        return f"Phone({self.masked!r})"


def mask_phone(text: str) -> str:
    """Mask all but the last four digits: ``******3210``."""
    digits = _DIGITS.sub("", text or "")
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
