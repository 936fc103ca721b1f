"""Summary tiles: a caption, a big figure and a small note, in a row."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui import i18n
from pos_app.ui.i18n import Retranslating
from pos_app.ui.theme import set_style

__all__ = ["Tile", "TileRow"]


class Tile(Retranslating, QFrame):
    """One figure a manager reads at a glance ("Paid value ₹1,23,456.00").

    ``caption`` is the English source, said through ``context`` in the current
    language (marked with ``QT_TRANSLATE_NOOP`` where it is written).
    """

    def __init__(
        self, caption: str, parent: QWidget | None = None, *, context: str = "Tile"
    ) -> None:
        super().__init__(parent)
        self._caption_source = caption
        self._context = context
        self.setProperty("role", "tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)

        self._caption = QLabel()
        self._caption.setProperty("role", "tile-caption")
        self._value = QLabel("…")
        self._value.setProperty("role", "tile-value")
        self._note = QLabel("")
        self._note.setProperty("role", "tile-note")
        self._note.setWordWrap(True)  # a Hindi note may need two lines
        for widget in (self._caption, self._value, self._note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def __repr__(self) -> str:
        return f"<Tile {self._caption.text()!r}={self._value.text()!r}>"

    @property
    def value(self) -> str:
        return self._value.text()

    @property
    def note(self) -> str:
        return self._note.text()

    def retranslate(self) -> None:
        self._caption.setText(i18n.t(self._context, self._caption_source))

    def set_value(self, value: str, note: str = "", tone: str = "") -> None:
        self._value.setText(value)
        self._note.setText(note)
        set_style(self._value, tone=tone)


class TileRow(QWidget):
    """Tiles side by side, equally wide; ``tile(key)`` finds one.

    ``captions`` maps a key to an English caption, translated under ``context``.
    """

    def __init__(
        self,
        captions: dict[str, str],
        parent: QWidget | None = None,
        *,
        context: str = "Tile",
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self._tiles: dict[str, Tile] = {}
        for key, caption in captions.items():
            tile = Tile(caption, context=context)
            layout.addWidget(tile, 1)
            self._tiles[key] = tile

    def tile(self, key: str) -> Tile:
        return self._tiles[key]
