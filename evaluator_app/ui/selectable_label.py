"""A label whose text the mouse can select, made selectable when the mouse arrives.

A selectable label lays its text out through a text document, three to four
times the work of a plain one at every new text; the cards on the indicator
page get new texts at every switch (issue 9).  Selecting starts with the mouse
over the label, so the label turns selectable on entering: to the user it is
selectable all the time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QLabel

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class SelectableLabel(QLabel):
    @property
    def selectable(self) -> bool:
        return bool(self.textInteractionFlags() & SELECTABLE)

    def set_text(self, text: str) -> None:
        """New text, laid out the cheap way unless the mouse is over the label."""
        if self.selectable and not self.underMouse():
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setText(text)

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self.selectable:
            self.setTextInteractionFlags(SELECTABLE)
        super().enterEvent(event)
