"""Summary tiles: a caption, a big figure and a small note, in a row."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui.theme import set_style

__all__ = ["Tile", "TileRow"]


class Tile(QFrame):
    """One figure a manager reads at a glance ("Paid value ₹1,23,456.00")."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)

        self._caption = QLabel(caption)
        self._caption.setProperty("role", "tile-caption")
        self._value = QLabel("…")
        self._value.setProperty("role", "tile-value")
        self._note = QLabel("")
        self._note.setProperty("role", "tile-note")
        for widget in (self._caption, self._value, self._note):
            layout.addWidget(widget)

    def __repr__(self) -> str:
        return f"<Tile {self._caption.text()!r}={self._value.text()!r}>"

    @property
    def value(self) -> str:
        return self._value.text()

    def set_value(self, value: str, note: str = "", tone: str = "") -> None:
        self._value.setText(value)
        self._note.setText(note)
        set_style(self._value, tone=tone)


class TileRow(QWidget):
    """Tiles side by side, equally wide; ``tile(key)`` finds one."""

    def __init__(self, captions: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self._tiles: dict[str, Tile] = {}
        for key, caption in captions.items():
            tile = Tile(caption)
            layout.addWidget(tile, 1)
            self._tiles[key] = tile

    def tile(self, key: str) -> Tile:
        return self._tiles[key]
