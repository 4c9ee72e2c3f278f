"""Text that saves itself: after a short pause in typing and when focus leaves.

There is no Save button anywhere: a text field wrapped here hands its text to
``save`` 800 ms after the last keystroke, when it loses focus, and when
``flush()`` is called (switching indicator, closing the window), so a closed
laptop loses at most the last keystrokes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

PAUSE_MS = 800

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit

# Fields typed in since they last stored or loaded their text.  The meeting window
# looked through all of its widgets for fields to store at every switch, though
# nothing had been typed in most switches (issue 9).
_typed_in: weakref.WeakSet[AutosaveText] = weakref.WeakSet()


def typing_pending() -> bool:
    """True when some field may hold typing it has not stored yet."""
    for saver in list(_typed_in):
        try:
            if saver.pending:
                return True
        except RuntimeError:  # its widget is gone, and its text with it
            _typed_in.discard(saver)
    return False


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
        widget.textChanged.connect(self._typed)
        widget.installEventFilter(self)

    def _typed(self) -> None:
        _typed_in.add(self)
        self._timer.start()

    def load(self, text: str) -> None:
        """Show stored text without saving it back (what is shown is what is stored)."""
        self._timer.stop()
        _typed_in.discard(self)
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
        _typed_in.discard(self)
        text = _text_of(self.widget)
        if text != self._stored:
            self._stored = text
            self._save(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
