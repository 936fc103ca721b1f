"""Words for people, written in English here and said in their language by the UI.

The packages below the UI (domain, gateway, checkout, receipts) must not import Qt,
yet some of what they return is read by a cashier or a customer: "Enter the 10-digit
mobile number", "Paid ₹334.50 with Amazon Pay.". They write such text with
:func:`translate`::

    raise InvalidPhone(text.translate("Phone", "Enter the 10-digit mobile number"))
    message = text.translate("Payment", "Paid {amount} with {method}.").format(
        amount=total.format(), method=label
    )

The result is an ordinary ``str`` in English (the database, the journal and the logs
keep English), that also remembers its source and arguments, so
:func:`pos_app.ui.i18n.render` can say it in the language on screen. Qt's ``lupdate``
finds these calls as it finds ``QCoreApplication.translate`` (two literal arguments,
nothing else in the brackets), so they land in the same translation files.

Text built with ``+`` or an f-string is a plain ``str`` again: compose with
:meth:`Text.format`, and put whole sentences one after another with :func:`join`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Text",
    "join",
    "language_code",
    "translate",
]

#: Language code -> its name in that language (what a language button shows).
LANGUAGES: Mapping[str, str] = {"en": "English", "hi": "हिन्दी"}
DEFAULT_LANGUAGE = "en"


def language_code(code: str | None) -> str | None:
    """Return the language this app has for ``code`` ("hi", "HI", "hi_IN", "hi-IN"
    -> "hi"), or None when it has none (blank, "fr")."""
    short = (code or "").strip().replace("-", "_").split("_")[0].lower()
    return short if short in LANGUAGES else None


class Text(str):
    """English text that knows the template and arguments it was made from."""

    context: str
    source: str
    args: Mapping[str, object]

    def __new__(
        cls, context: str, source: str, args: Mapping[str, object] | None = None
    ) -> Text:
        english = source.format(**args) if args else source
        obj = super().__new__(cls, english)
        obj.context = context
        obj.source = source
        obj.args = dict(args or {})
        return obj

    def format(self, *args: object, **kwargs: object) -> Text:
        """Fill the template's ``{name}`` fields; the result stays translatable."""
        if args:
            raise TypeError("Text.format takes named fields only")
        return Text(self.context, self.source, {**self.args, **kwargs})

    def __reduce__(self) -> tuple[object, ...]:
        return (Text, (self.context, self.source, dict(self.args)))


def translate(context: str, source: str) -> Text:
    """Mark ``source`` for translation under ``context`` and return it as Text."""
    return Text(context, source)


#: The context of joined sentences; it has no entries in the catalogue.
JOINED = "Joined"


def join(parts: Iterable[str], sep: str = " ") -> Text:
    """Return ``sep.join(parts)`` as Text that says every part in its own language.

    For messages made of whole sentences (a re-check summary, every problem of a
    configuration): ``" ".join`` would give a plain ``str``, English on any screen.
    The template (``"{part0} {part1}"``) has nothing to translate.
    """
    items = list(parts)
    names = [f"part{index}" for index in range(len(items))]
    glue = sep.replace("{", "{{").replace("}", "}}")
    source = glue.join("{" + name + "}" for name in names)
    return Text(JOINED, source, dict(zip(names, items, strict=True)))
