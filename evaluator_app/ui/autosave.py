"""Text that saves itself: after a short pause in typing and when focus leaves.

There is no Save button anywhere: a text field wrapped here hands its text to
``save`` 800 ms after the last keystroke, when it loses focus, and when
``flush()`` is called (switching indicator, closing the window), so a closed
laptop loses at most the last keystrokes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

PAUSE_MS = 800

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


def _text_of(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class AutosaveText(QObject):
    def __init__(
        self, widget: TextWidget, save: Callable[[str], None], pause_ms: int = PAUSE_MS
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self._save = save
        self._stored = _text_of(widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.flush)
        widget.textChanged.connect(self._timer.start)
        widget.installEventFilter(self)

    def load(self, text: str) -> None:
        """Show stored text without saving it back (what is shown is what is stored)."""
        self._timer.stop()
        self._stored = text
        if _text_of(self.widget) != text:
            blocked = self.widget.blockSignals(True)
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(text)
            else:
                self.widget.setPlainText(text)
            self.widget.blockSignals(blocked)

    @property
    def pending(self) -> bool:
        return _text_of(self.widget) != self._stored

    def flush(self) -> None:
        """Save now if the text differs from what is stored."""
        self._timer.stop()
        text = _text_of(self.widget)
        if text != self._stored:
            self._stored = text
            self._save(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
