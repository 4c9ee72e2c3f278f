"""A signature drawn by hand: mouse, pen or finger, kept as vector strokes.

The strokes are ``QPainterPath``s in the pad's own coordinates; ``to_png``
renders them black on a transparent background, cropped to the drawing, so the
minutes show the signature and not the pad.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

STROKE_WIDTH = 2.6  # pixels on the pad; the PNG scales it with the drawing
MARGIN = 0.06  # of the drawing's width, on every side of the PNG
BASELINE_FROM_BOTTOM = 0.3  # of the height: where the "sign here" line runs


class SignaturePad(QWidget):
    """Draw on it; ``is_empty``, ``clear``, ``to_png``; ``changed`` after every stroke or clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[QPainterPath] = []
        self._current: QPainterPath | None = None
        self._last = QPointF()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        self.setPalette(palette)

        self.hint = QLabel(self.tr("Sign here with the mouse, a pen or a finger"))
        self.hint.setStyleSheet("QLabel { color: #8a8a8a; background: transparent; }")
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.clear_button.setToolTip(self.tr("Remove the drawing and start again"))
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    # --- what was drawn --------------------------------------------------------

    def is_empty(self) -> bool:
        return not self.strokes and self._current is None

    def clear(self) -> None:
        had_strokes = not self.is_empty()
        self.strokes.clear()
        self._current = None
        self.clear_button.setEnabled(False)
        self.hint.show()
        self.update()
        if had_strokes:
            self.changed.emit()

    def drawing_rect(self) -> QRectF:
        """The strokes' bounds in pad coordinates (empty when nothing is drawn)."""
        bounds = QRectF()
        for stroke in self.strokes:
            bounds = bounds.united(stroke.boundingRect())
        return bounds

    def to_png(self, width_px: int = 600) -> bytes:
        """The strokes as a PNG ``width_px`` wide: black, antialiased, transparent
        background, cropped to the drawing with a margin; b"" when nothing is drawn."""
        if not self.strokes:
            return b""
        bounds = self.drawing_rect()
        # A dot or a straight dash still gets a sensible picture.
        side = max(bounds.width(), bounds.height(), 40.0)
        margin = side * MARGIN + STROKE_WIDTH
        area = bounds.adjusted(-margin, -margin, margin, margin)
        if area.width() < area.height() * 1.5:  # signature-shaped: wider than tall
            extra = (area.height() * 1.5 - area.width()) / 2
            area.adjust(-extra, 0, extra, 0)
        scale = width_px / area.width()
        image = QImage(width_px, max(1, round(area.height() * scale)), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-area.topLeft())
        # At least width_px/160 wide in the picture: about 1 pt once fitted to the minutes box.
        painter.setPen(self._pen(max(STROKE_WIDTH, width_px / 160 / scale)))
        for stroke in self.strokes:
            painter.drawPath(stroke)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
        buffer.close()
        return bytes(data.data())

    # --- drawing ---------------------------------------------------------------

    def _begin(self, point: QPointF) -> None:
        self._current = QPainterPath(point)
        self._current.lineTo(point + QPointF(0.01, 0.01))  # a tap leaves a dot
        self._last = point
        self.hint.hide()
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._current is None:
            return
        # Through the midpoints: smooth curves from jittery input.
        middle = (self._last + point) / 2
        self._current.quadTo(self._last, middle)
        self._last = point
        self.update()

    def _end(self, point: QPointF | None = None) -> None:
        if self._current is None:
            return
        if point is not None:
            self._current.lineTo(point)
        self.strokes.append(self._current)
        self._current = None
        self.clear_button.setEnabled(True)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the pen as mouse events.
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            points = event.points()
            point = points[0].position() if points else None
            if kind == QEvent.Type.TouchBegin and point is not None:
                self._begin(point)
            elif kind == QEvent.Type.TouchUpdate and point is not None:
                self._extend(point)
            else:
                self._end(point)
            event.accept()
            return True
        return super().event(event)

    # --- showing ---------------------------------------------------------------

    @staticmethod
    def _pen(width: float) -> QPen:
        pen = QPen(QColor("#000000"), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b8b8b8"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = self.height() * (1 - BASELINE_FROM_BOTTOM)
        painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        painter.setPen(QPen(QColor("#9a9a9a"), 1.5))
        painter.drawText(QPointF(10, baseline - 4), "×")
        painter.setPen(self._pen(STROKE_WIDTH))
        for stroke in self.strokes:
            painter.drawPath(stroke)
        if self._current is not None:
            painter.drawPath(self._current)
        painter.end()
