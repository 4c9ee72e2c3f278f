"""Cards and pills drawn with a painter instead of style sheets.

A style sheet anywhere above a widget puts every widget beneath it under Qt's
style-sheet style: each show, polish, size hint and repaint goes through its
rules.  The indicator page's cards changed at every switch, and that was a
good part of a switch's time (issue 9); these draw the same frames directly.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def paint_card(
    widget: QWidget,
    border: QColor,
    *,
    width: float = 1,
    radius: float = 4,
    background: QColor | None = None,
    accent: QColor | None = None,
    accent_width: float = 4,
    dashed: bool = False,
    inset: float = 0,
) -> None:
    """A rounded frame round ``widget`` (called from its paintEvent): a ``width`` pixel
    border, optionally filled, dashed, or with a coloured ``accent`` band on the left."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    half = width / 2
    box = QRectF(widget.rect()).adjusted(inset + half, inset + half, -inset - half, -inset - half)
    pen = QPen(border, width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(background if background is not None else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, radius, radius)
    if accent is not None:  # a coloured left border, its outer corners rounded
        painter.setClipRect(
            QRectF(box.left() - half, box.top() - half, accent_width, box.height() + width)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(box.adjusted(-half, -half, half, half), radius, radius)
    painter.end()


class Pill(QLabel):
    """A short bold label on a rounded background (a tag, a state)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.fill: QColor | None = None
        self.outline: QColor | None = None
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_colours(self, text: QColor, fill: QColor | None, outline: QColor | None) -> None:
        """Text, background and border colours (None: none drawn); repainted if changed."""
        if (
            self.fill == fill
            and self.outline == outline
            and self.palette().color(QPalette.ColorRole.WindowText) == text
        ):
            return
        self.fill, self.outline = fill, outline
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.fill is not None or self.outline is not None:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.outline is not None:
                painter.setPen(QPen(self.outline, 1))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.fill if self.fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            painter.end()
        super().paintEvent(event)
