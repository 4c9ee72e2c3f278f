"""The radar of the dashboard: one axis per dimension, agreed against self-assessed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from evaluator_app.ui.charts import (
    GRID_COLOUR,
    MUTED_COLOUR,
    TEXT_COLOUR,
    WRAP,
    Chart,
    Series,
    chart_font,
    chart_pen,
    clamp,
)


@dataclass(frozen=True)
class AxisNote:
    """A piece of text under an axis label (a score), in a series' colour."""

    text: str
    colour: str
    bold: bool = True


class RadarChart(Chart):
    """One axis per dimension from the centre (0) to the rim (``maximum``), clockwise
    from the top, and one polygon per series.  A missing value leaves its vertex out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(260, 240)
        self.axes: list[str] = []
        self.notes: list[list[AxisNote]] = []
        self.series: list[Series] = []
        self.maximum = 4
        self._radius_key: object = None
        self._radius = 10.0

    def sizeHint(self) -> QSize:
        return QSize(420, 400)

    def set_data(
        self,
        axes: Sequence[str],
        series: Sequence[Series],
        maximum: int,
        notes: Sequence[Sequence[AxisNote]] = (),
    ) -> None:
        self.axes = list(axes)
        self.series = list(series)
        self.maximum = max(1, maximum)
        self.notes = [list(n) for n in notes] or [[] for _ in self.axes]
        self.update()

    # geometry: public so that tests can hold the drawing to the numbers

    def text_size(self) -> float:
        return clamp(min(self.width(), self.height()) / 24, 10, 30)

    def legend_rect(self) -> QRectF:
        height = self.text_size() * 1.6 if self.series else 0.0
        return QRectF(0, self.height() - height, self.width(), height)

    def _label_sizes(self) -> list[tuple[float, float, float]]:
        """Per axis: the label's width, the title's height and the whole label's height."""
        metrics = QFontMetricsF(chart_font(self.text_size()))
        limit = self.width() * 0.26
        sizes = []
        for n, title in enumerate(self.axes):
            box = metrics.boundingRect(QRectF(0, 0, limit, 1000), WRAP, title)
            notes = metrics.height() if self.notes[n] else 0.0
            width = max(min(limit, box.width()), self._notes_width(n))
            sizes.append((width, box.height(), box.height() + notes))
        return sizes

    def _notes_width(self, n: int) -> float:
        metrics = QFontMetricsF(chart_font(self.text_size(), bold=True))
        space = metrics.horizontalAdvance("  ")
        texts = [note.text for note in self.notes[n]] if n < len(self.notes) else []
        return sum(metrics.horizontalAdvance(t) for t in texts) + space * max(0, len(texts) - 1)

    def centre(self) -> QPointF:
        area = self.height() - self.legend_rect().height()
        return QPointF(self.width() / 2, area / 2)

    def _label_rect(self, axis: int, radius: float, size: tuple[float, float, float]) -> QRectF:
        """Where an axis's label goes for a given radius: beyond the rim, on its side."""
        width, _, height = size
        a = self.angle(axis)
        cos, sin = math.cos(a), math.sin(a)
        c = self.centre()
        reach = radius + self.text_size() * 0.5
        x, y = c.x() + reach * cos, c.y() + reach * sin
        left = x if cos > 0.25 else x - width if cos < -0.25 else x - width / 2
        top = y - height if sin < -0.25 else y if sin > 0.25 else y - height / 2
        return QRectF(left, top, width, height)

    def radius(self) -> float:
        """The largest radius at which every axis label stays inside the chart."""
        key = (self.width(), self.height(), tuple(self.axes), tuple(map(tuple, self.notes)))
        if key != self._radius_key:
            area = QRectF(0, 0, self.width(), self.height() - self.legend_rect().height())
            sizes = self._label_sizes()
            low, high = 10.0, max(10.0, min(area.width(), area.height()) / 2)
            for _ in range(24):
                mid = (low + high) / 2
                fits = all(
                    area.contains(self._label_rect(n, mid, size)) for n, size in enumerate(sizes)
                )
                low, high = (mid, high) if fits else (low, mid)
            self._radius_key, self._radius = key, low
        return self._radius

    def angle(self, axis: int) -> float:
        """Radians of an axis: the first points up, the rest follow clockwise."""
        return -math.pi / 2 + 2 * math.pi * axis / max(1, len(self.axes))

    def point(self, axis: int, value: float) -> QPointF:
        distance = self.radius() * value / self.maximum
        c = self.centre()
        a = self.angle(axis)
        return QPointF(c.x() + distance * math.cos(a), c.y() + distance * math.sin(a))

    def vertices(self, series: int) -> list[QPointF | None]:
        """Where each axis's value of ``series`` is drawn (None: no value, no vertex)."""
        return [
            None if value is None else self.point(n, value)
            for n, value in enumerate(self.series[series].values)
        ]

    # drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._painter()
        try:
            if self.axes:
                self._draw_grid(painter)
                for n in range(len(self.series)):
                    self._draw_series(painter, n)
                self._draw_labels(painter)
            if self.series:
                self._legend(painter, self.series, self.legend_rect())
        finally:
            painter.end()

    def _draw_grid(self, painter: QPainter) -> None:
        count = len(self.axes)
        line = max(1.0, self.radius() / 160)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for level in range(1, self.maximum + 1):
            painter.setPen(chart_pen(GRID_COLOUR, line * (1.6 if level == self.maximum else 1)))
            ring = QPolygonF([self.point(n, level) for n in range(count)])
            if count >= 3:
                painter.drawPolygon(ring)
            else:
                painter.drawEllipse(self.centre(), *(2 * [self.radius() * level / self.maximum]))
        painter.setPen(chart_pen(GRID_COLOUR, line))
        for n in range(count):
            painter.drawLine(self.centre(), self.point(n, self.maximum))
        # Level numbers on the ring edge right of the upward axis, away from the vertices,
        # with a white halo so that a polygon's edge does not hide them.
        font = chart_font(self.text_size() * 0.8)
        for level in range(1, self.maximum + 1):
            a, b = self.point(0, level), self.point(1 % count, level)
            at = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            path = QPainterPath()
            path.addText(QPointF(at.x() + line * 3, at.y() - line * 3), font, str(level))
            painter.strokePath(path, chart_pen("#ffffff", line * 3))
            painter.fillPath(path, QColor(MUTED_COLOUR))

    def _draw_series(self, painter: QPainter, n: int) -> None:
        s = self.series[n]
        colour = QColor(s.colour)
        points = [p for p in self.vertices(n) if p is not None]
        width = max(2.0, self.radius() / 60)
        fill = QColor(colour)
        fill.setAlpha(35 if s.dashed else 90)
        painter.setPen(chart_pen(colour, width, s.dashed))
        painter.setBrush(fill)
        if len(points) >= 3:
            painter.drawPolygon(QPolygonF(points))
        elif len(points) == 2:
            painter.drawLine(points[0], points[1])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for p in points:
            painter.drawEllipse(p, width * 1.4, width * 1.4)

    def _draw_labels(self, painter: QPainter) -> None:
        size = self.text_size()
        font, bold = chart_font(size), chart_font(size, bold=True)
        bold_metrics = QFontMetricsF(bold)
        radius = self.radius()
        for n, (title, label) in enumerate(zip(self.axes, self._label_sizes(), strict=True)):
            width, title_h, _ = label
            box = self._label_rect(n, radius, label)
            cos = math.cos(self.angle(n))
            if cos > 0.25:
                align = Qt.AlignmentFlag.AlignLeft
            elif cos < -0.25:
                align = Qt.AlignmentFlag.AlignRight
            else:
                align = Qt.AlignmentFlag.AlignHCenter
            painter.setFont(font)
            painter.setPen(QColor(TEXT_COLOUR))
            painter.drawText(
                QRectF(box.left(), box.top(), width, title_h),
                align | Qt.TextFlag.TextWordWrap,
                title,
            )
            # The notes on one line, aligned as the title.
            notes_w = self._notes_width(n)
            if align == Qt.AlignmentFlag.AlignLeft:
                x = box.left()
            elif align == Qt.AlignmentFlag.AlignRight:
                x = box.right() - notes_w
            else:
                x = box.center().x() - notes_w / 2
            painter.setFont(bold)
            baseline = box.top() + title_h + bold_metrics.ascent()
            for note in self.notes[n]:
                painter.setPen(QColor(note.colour))
                painter.drawText(QPointF(x, baseline), note.text)
                x += bold_metrics.horizontalAdvance(note.text + "  ")
