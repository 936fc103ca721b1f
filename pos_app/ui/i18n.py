"""Which language the screens speak, through Qt's own translation system.

English is written in the code; other languages are Qt translation files in
``resources/i18n`` (``pos_app_hi.ts``, compiled to ``pos_app_hi.qm`` by
``scripts/i18n.py release``). :func:`install` swaps the application's translator;
Qt then sends every widget a ``LanguageChange`` event and the screens set their
texts again (each screen keeps its texts in one ``retranslate`` method).

How code marks text:

- in a QObject: ``self.tr("Pay")`` (context: the class that wrote it);
- elsewhere in the UI: ``QCoreApplication.translate("Context", "Pay")``, or
  ``QT_TRANSLATE_NOOP("Context", "Pay")`` for a constant, translated where it is shown
  with :func:`t`;
- below the UI (no Qt there): :func:`pos_app.domain.text.translate`, shown with
  :func:`render`.

Named fields (``{amount}``) are filled after translation with ``str.format``, so a
translation may move them; ``scripts/i18n.py check`` refuses one that drops or
invents a field.

``POS_I18N_DIR`` makes :func:`install` read the ``.qm`` files from that folder
instead (to try a translation before it is committed).

Hindi needs a Devanagari font; one ships in ``resources/fonts`` (Noto Sans
Devanagari UI, SIL Open Font License) and :func:`register_fonts` adds it, so the
screens read the same on a machine that has none.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLoggingCategory, QTranslator
from PySide6.QtGui import QFontDatabase

from pos_app.domain.text import DEFAULT_LANGUAGE, LANGUAGES, Text, language_code

__all__ = [
    "DEFAULT_LANGUAGE",
    "FONT_FAMILIES",
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "Retranslating",
    "current",
    "install",
    "normalise",
    "register_fonts",
    "render",
    "t",
]

log = logging.getLogger(__name__)

#: The UI font first, then the one that draws Devanagari.
FONT_FAMILIES = ("DejaVu Sans", "Noto Sans Devanagari UI")

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "translator": None}
_fonts: list[str] = []


class Retranslating:
    """Put first among a widget's bases: ``class Panel(Retranslating, QWidget)``.

    On Qt's ``LanguageChange`` it calls the widget's ``retranslate()``, the one
    method where the widget sets its texts (see docs/I18N.md).
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt base class's


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark a constant for ``lupdate``; translate it where it is shown, with t()."""
    del context
    return source


def t(context: str, source: str) -> str:
    """Return ``source`` in the current language (itself when not translated)."""
    return QCoreApplication.translate(context, source)


def render(value: object) -> str:
    """Say a message from below the UI in the current language.

    A :class:`~pos_app.domain.text.Text` is translated and its fields filled (fields
    that are Text themselves are rendered too); anything else is returned as text,
    unchanged: a gateway's own message, say, has no translation. An exception is
    said by its first argument when that is Text.
    """
    if value is None:
        return ""
    if isinstance(value, BaseException):  # raise Invalid(text.translate(...))
        first = value.args[0] if value.args else None
        return render(first) if isinstance(first, Text) else str(value)
    if not isinstance(value, Text):
        return str(value)
    template = QCoreApplication.translate(value.context, value.source)
    if not value.args:
        return template
    args = {name: render(arg) for name, arg in value.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its fields", value.source)
        return value.source.format(**args)


def normalise(code: str | None) -> str:
    """Return a known language code for ``code`` ("hi_IN", "HI" -> "hi")."""
    return language_code(code) or DEFAULT_LANGUAGE


def current() -> str:
    """The language the screens speak now."""
    return str(_state["language"])


def install(code: str | None) -> str:
    """Make the application speak ``code``; returns the language now in effect.

    Falls back to English (and logs why) when the translation file is missing or
    unreadable. Safe to call again with the same language. Needs a QCoreApplication.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    wanted = normalise(code)
    if wanted == current() and (
        wanted == DEFAULT_LANGUAGE or _state["translator"] is not None
    ):
        return wanted
    old = _state["translator"]
    translator: QTranslator | None = None
    if wanted != DEFAULT_LANGUAGE:
        translator = QTranslator(app)
        name = f"pos_app_{wanted}.qm"
        override = os.environ.get("POS_I18N_DIR", "").strip()
        if override:  # a translator trying a .qm before it is committed
            path = Path(override) / name
            loaded = path.is_file() and translator.load(str(path))
        else:
            folder = resources.files("pos_app.resources").joinpath("i18n")
            with resources.as_file(folder.joinpath(name)) as found:
                loaded = found.is_file() and translator.load(str(found))
        if not loaded:
            log.warning("no translation %s; the screens stay in English", name)
            translator.deleteLater()
            translator, wanted = None, DEFAULT_LANGUAGE
    if isinstance(old, QTranslator):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    _state["translator"] = translator
    _state["language"] = wanted
    log.info("language: %s", wanted)
    return wanted


def register_fonts() -> tuple[str, ...]:
    """Add the shipped fonts to Qt's font database (once); returns their families."""
    if not _fonts:
        # DejaVu Sans comes first and has no Devanagari: Qt says so once per text
        # run ("OpenType support missing ... script 11") before falling back to the
        # font that has it. Harmless and endless on a Hindi screen: keep it quiet.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        folder = resources.files("pos_app.resources").joinpath("fonts")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".ttf"):
                continue
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
            if font_id < 0:
                log.warning("could not load the font %s", entry.name)
                continue
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _fonts:
                    _fonts.append(family)
    return tuple(_fonts)
