"""Labels for texts that change at every switch: wrapped ones measured once per width,
and selectable ones made selectable when the mouse arrives.

A word-wrapped QLabel lays its whole text out again each time a layout asks its
height for a width, and one layout pass asks several times (the minimum and the
preferred height, for the card, the list and the page it sits in): measuring
the indicator page's new texts was the largest part of laying it out (issue 9).
``WrappedLabel`` remembers the answer until the text, font or margins change.

A selectable label lays its text out through a text document, three to four
times the work of a plain one at every new text; the cards on the indicator
page get new texts at every switch (issue 9).  Selecting starts with the mouse
over the label, so the label turns selectable on entering: to the user it is
selectable all the time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QLabel, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_REMEMBERED = 8  # widths: a window being resized asks for many; keep the last few


class WrappedLabel(QLabel):
    """A word-wrapped label whose height for a width is worked out once per text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _REMEMBERED:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ContentsRectChange,
        ):
            self._heights.clear()
        super().changeEvent(event)


class SelectableLabel(WrappedLabel):
    @property
    def selectable(self) -> bool:
        return bool(self.textInteractionFlags() & SELECTABLE)

    def set_text(self, text: str) -> None:
        """New text, laid out the cheap way unless the mouse is over the label."""
        if text != self.text() and self.selectable and not self.underMouse():
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setText(text)

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self.selectable:
            self.setTextInteractionFlags(SELECTABLE)
        super().enterEvent(event)
