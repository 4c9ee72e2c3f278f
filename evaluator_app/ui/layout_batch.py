"""Lay a widget out once after many changes, instead of once per change.

Showing a child widget makes Qt lay out every visible ancestor that has a
layout there and then, before ``show()`` returns.  Filling the clarification
cards showed and hid labels and buttons card by card, and each time the whole
list was laid out again, its word-wrapped texts measured anew (issue 9).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QWidget


@contextmanager
def one_layout_pass(*widgets: QWidget | None) -> Iterator[None]:
    """Hold back the layouts of ``widgets`` while the block changes their children;
    each is laid out once afterwards, when the event loop next runs.  A layout an
    outer block holds back is left to the outer block."""
    held = []
    for widget in widgets:
        layout = widget.layout() if widget is not None else None
        if widget is not None and layout is not None and layout.isEnabled():
            layout.setEnabled(False)
            held.append((widget, layout))
    try:
        yield
    finally:
        for widget, layout in held:
            layout.setEnabled(True)
            layout.invalidate()  # one layout request for the whole widget
            # and its new size to the layout it sits in: a card refilled with longer
            # texts kept its old height, its lines drawn over each other.
            widget.updateGeometry()
