"""Cards and pills drawn with a painter instead of style sheets.

A style sheet anywhere above a widget puts every widget beneath it under Qt's
style-sheet style: each show, polish, size hint and repaint goes through its
rules.  The indicator page's cards changed at every switch, and that was a
good part of a switch's time (issue 9); these draw the same frames directly.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_frames: dict[tuple[object, ...], QPixmap] = {}
_FRAMES_KEPT = 48  # a few screens' worth of card sizes and states


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
    border, optionally filled, dashed, or with a coloured ``accent`` band on the left.

    Each frame is drawn once per size and look and kept as a picture: the cards are
    repainted at every switch, mostly at the sizes and in the states they had, and
    drawing their rounded, smoothed outlines anew was a tenth of a switch (issue 9)."""
    ratio = widget.devicePixelRatioF()
    size = widget.size()
    key = (
        size.width(),
        size.height(),
        ratio,
        border.rgba(),
        width,
        radius,
        background.rgba() if background is not None else None,
        accent.rgba() if accent is not None else None,
        accent_width,
        dashed,
        inset,
    )
    frame = _frames.get(key)
    if frame is None:
        frame = QPixmap(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        frame.setDevicePixelRatio(ratio)
        frame.fill(Qt.GlobalColor.transparent)
        painter = QPainter(frame)
        _draw_card(
            painter,
            QRectF(0, 0, size.width(), size.height()),
            border,
            width,
            radius,
            background,
            accent,
            accent_width,
            dashed,
            inset,
        )
        painter.end()
        if len(_frames) >= _FRAMES_KEPT:
            _frames.clear()
        _frames[key] = frame
    painter = QPainter(widget)
    painter.drawPixmap(0, 0, frame)
    painter.end()


def _draw_card(
    painter: QPainter,
    rect: QRectF,
    border: QColor,
    width: float,
    radius: float,
    background: QColor | None,
    accent: QColor | None,
    accent_width: float,
    dashed: bool,
    inset: float,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    half = width / 2
    box = rect.adjusted(inset + half, inset + half, -inset - half, -inset - half)
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
