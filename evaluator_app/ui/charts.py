"""Charts drawn with QPainter for the dashboard: a radar, grouped bars, a stacked bar.

They know nothing of sessions or scores: callers give labels, numbers and the
texts to print beside them.  Everything is sized from the widget's own size
(fonts too), so one chart reads on a laptop and on a projector.  The text uses
the bundled Liberation Sans, so the charts look the same on every machine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from evaluator_app.bundled import resources_dir

# Dark enough to read on a washed-out projector; told apart by line style too.
AGREED_COLOUR = "#1d4f91"  # deep blue
SELF_COLOUR = "#c24e00"  # burnt orange
TEXT_COLOUR = "#1b1f24"
MUTED_COLOUR = "#5a6270"
GRID_COLOUR = "#b9bec7"
STRIPE_COLOUR = "#f1f3f6"

_FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
_family: str | None = None


def chart_family() -> str:
    """The bundled Liberation Sans, registered once; the default family if it will not load."""
    global _family
    if _family is None:
        _family = ""
        for name in _FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and not _family:
                _family = families[0]
    return _family


def chart_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont(chart_family()) if chart_family() else QFont()
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class Series:
    """One set of values: its name (for the legend), colour and line style."""

    name: str
    colour: str
    dashed: bool = False
    values: tuple[float | None, ...] = field(default=())


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    def _painter(self) -> QPainter:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return painter

    def _legend(self, painter: QPainter, series: Sequence[Series], rect: QRectF) -> None:
        """Swatches and names side by side, centred in ``rect``."""
        font = chart_font(rect.height() * 0.62)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        swatch = rect.height() * 0.9
        gap = metrics.horizontalAdvance("  ")
        widths = [swatch * 1.3 + metrics.horizontalAdvance(s.name) for s in series]
        x = rect.center().x() - (sum(widths) + gap * (len(series) - 1)) / 2
        for s, width in zip(series, widths, strict=True):
            box = QRectF(x, rect.center().y() - swatch * 0.3, swatch, swatch * 0.6)
            colour = QColor(s.colour)
            fill = QColor(colour)
            fill.setAlpha(70 if s.dashed else 150)
            painter.setBrush(fill)
            painter.setPen(_pen(colour, max(2.0, swatch / 9), s.dashed))
            painter.drawRect(box)
            painter.setPen(QColor(TEXT_COLOUR))
            text = QRectF(x + swatch * 1.3, rect.top(), width, rect.height())
            painter.drawText(
                text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, s.name
            )
            x += width + gap


def _pen(colour: QColor | str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


# --- radar --------------------------------------------------------------------


@dataclass(frozen=True)
class AxisNote:
    """A piece of text under an axis label (a score), in a series' colour."""

    text: str
    colour: str
    bold: bool = True


class RadarChart(_Chart):
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
        return _clamp(min(self.width(), self.height()) / 24, 10, 30)

    def legend_rect(self) -> QRectF:
        height = self.text_size() * 1.6 if self.series else 0.0
        return QRectF(0, self.height() - height, self.width(), height)

    def _label_sizes(self) -> list[tuple[float, float, float]]:
        """Per axis: the label's width, the title's height and the whole label's height."""
        metrics = QFontMetricsF(chart_font(self.text_size()))
        limit = self.width() * 0.26
        sizes = []
        for n, title in enumerate(self.axes):
            box = metrics.boundingRect(QRectF(0, 0, limit, 1000), _WRAP, title)
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
            painter.setPen(_pen(GRID_COLOUR, line * (1.6 if level == self.maximum else 1)))
            ring = QPolygonF([self.point(n, level) for n in range(count)])
            if count >= 3:
                painter.drawPolygon(ring)
            else:
                painter.drawEllipse(self.centre(), *(2 * [self.radius() * level / self.maximum]))
        painter.setPen(_pen(GRID_COLOUR, line))
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
            painter.strokePath(path, _pen("#ffffff", line * 3))
            painter.fillPath(path, QColor(MUTED_COLOUR))

    def _draw_series(self, painter: QPainter, n: int) -> None:
        s = self.series[n]
        colour = QColor(s.colour)
        points = [p for p in self.vertices(n) if p is not None]
        width = max(2.0, self.radius() / 60)
        fill = QColor(colour)
        fill.setAlpha(35 if s.dashed else 90)
        painter.setPen(_pen(colour, width, s.dashed))
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


_WRAP = int(Qt.TextFlag.TextWordWrap.value)


# --- grouped bars ---------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # the bar
    marker: float | None  # a thin mark across the bar (the other series)
    text: str  # printed right of the bar


@dataclass(frozen=True)
class BarGroup:
    title: str
    bars: tuple[Bar, ...]


class GroupedBars(_Chart):
    """Horizontal bars on a 0..maximum scale, grouped with the group's title at the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.groups: list[BarGroup] = []
        self.maximum = 4
        self.bar_series = Series("", AGREED_COLOUR)
        self.marker_series = Series("", SELF_COLOUR, dashed=True)

    def sizeHint(self) -> QSize:
        return QSize(520, 400)

    def set_data(
        self, groups: Sequence[BarGroup], maximum: int, bars: Series, markers: Series
    ) -> None:
        self.groups = list(groups)
        self.maximum = max(1, maximum)
        self.bar_series, self.marker_series = bars, markers
        self.update()

    GAP = 0.35  # between groups, in rows

    def _rows(self) -> float:
        bars = sum(len(g.bars) for g in self.groups)
        return bars + self.GAP * max(0, len(self.groups) - 1) + 2.4  # gaps, scale and legend

    def row_height(self) -> float:
        """Rows share the height, up to a limit: a few bars stay bars, not blocks."""
        return min(self.height() / max(1.0, self._rows()), max(28.0, self.width() / 18))

    def text_size(self) -> float:
        return _clamp(min(self.row_height() * 0.68, self.width() / 34), 9, 26)

    def columns(self) -> tuple[float, float, float, float]:
        """x of the group titles, the bar labels, the bars' zero, the bars' maximum.

        The titles and labels get the room they need, within limits; the bars the rest."""
        size = self.text_size()
        bold, plain = QFontMetricsF(chart_font(size, bold=True)), QFontMetricsF(chart_font(size))
        width = self.width()
        value_w = bold.horizontalAdvance("0,00") + size * 1.3
        titles = [g.title for g in self.groups]
        longest_word = max(
            (bold.horizontalAdvance(w) for t in titles for w in t.split()), default=0
        )
        whole = max((bold.horizontalAdvance(t) for t in titles), default=0)
        group_w = max(min(longest_word, width * 0.3), min(whole, width * 0.22)) + size
        labels = [b.label for g in self.groups for b in g.bars]
        label_w = min(max((plain.horizontalAdvance(t) for t in labels), default=0), width * 0.3)
        label_w += size
        label_w = max(size, min(label_w, width - group_w - value_w - width * 0.3))
        zero = group_w + label_w
        return 0.0, group_w, zero, width - value_w

    def bar_rects(self) -> list[list[QRectF]]:
        """Each bar's rectangle (zero width without a value), group by group."""
        rows, _ = self._layout()
        _, _, zero, full = self.columns()
        out: list[list[QRectF]] = []
        for group, tops in zip(self.groups, rows, strict=True):
            rects = []
            for bar, top in zip(group.bars, tops, strict=True):
                h = self.row_height()
                length = 0.0 if bar.value is None else (full - zero) * bar.value / self.maximum
                rects.append(QRectF(zero, top + h * 0.2, length, h * 0.6))
            out.append(rects)
        return out

    def _layout(self) -> tuple[list[list[float]], float]:
        """Top of every bar's row, group by group, and the top of the scale row."""
        h = self.row_height()
        y = max(0.0, (self.height() - h * self._rows()) / 2)  # centred when rows are capped
        rows = []
        for g in self.groups:
            tops = []
            for _ in g.bars:
                tops.append(y)
                y += h
            rows.append(tops)
            y += h * self.GAP
        return rows, y - h * self.GAP

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._painter()
        try:
            self._draw(painter)
        finally:
            painter.end()

    def _draw(self, painter: QPainter) -> None:
        if not self.groups:
            return
        h = self.row_height()
        size = self.text_size()
        font, bold = chart_font(size), chart_font(size, bold=True)
        metrics = QFontMetricsF(font)
        group_x, label_x, zero, full = self.columns()
        rows, scale_top = self._layout()
        rects = self.bar_rects()
        # stripes behind every other group, so the eye keeps to a group
        for n, tops in enumerate(rows):
            if n % 2 == 0 and tops:
                painter.fillRect(
                    QRectF(0, tops[0], self.width(), h * len(tops)), QColor(STRIPE_COLOUR)
                )
        # the scale: a line per level through the bars, numbers underneath
        line = max(1.0, h / 22)
        for level in range(self.maximum + 1):
            x = zero + (full - zero) * level / self.maximum
            painter.setPen(_pen(GRID_COLOUR, line * (1.6 if level == 0 else 1)))
            painter.drawLine(QPointF(x, rows[0][0] if rows[0] else 0), QPointF(x, scale_top))
            painter.setFont(chart_font(size * 0.85))
            painter.setPen(QColor(MUTED_COLOUR))
            painter.drawText(
                QRectF(x - h, scale_top, 2 * h, h), Qt.AlignmentFlag.AlignCenter, str(level)
            )
        for group, tops, boxes in zip(self.groups, rows, rects, strict=True):
            if not tops:
                continue
            painter.setFont(bold)
            painter.setPen(QColor(TEXT_COLOUR))
            block = QRectF(
                group_x + size * 0.3, tops[0], label_x - group_x - size * 0.5, h * len(tops)
            )
            painter.drawText(block, _WRAP | int(Qt.AlignmentFlag.AlignVCenter), group.title)
            for bar, top, box in zip(group.bars, tops, boxes, strict=True):
                row = QRectF(label_x, top, zero - label_x - size * 0.4, h)
                painter.setFont(font)
                painter.setPen(QColor(TEXT_COLOUR))
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, row.width())
                painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, label)
                if bar.value is not None:
                    painter.fillRect(box, QColor(self.bar_series.colour))
                if bar.marker is not None:
                    x = zero + (full - zero) * bar.marker / self.maximum
                    painter.setPen(_pen(self.marker_series.colour, max(3.0, h / 7)))
                    painter.drawLine(QPointF(x, top + h * 0.06), QPointF(x, top + h * 0.94))
                painter.setFont(bold)
                painter.setPen(QColor(TEXT_COLOUR))
                painter.drawText(
                    QRectF(full + size * 0.9, top, self.width() - full, h),
                    Qt.AlignmentFlag.AlignVCenter,
                    bar.text,
                )
        legend_h = min(h * 1.4, size * 1.8)
        legend = QRectF(label_x, scale_top + h * 1.05, self.width() - label_x, legend_h)
        self._bar_legend(painter, legend)

    def _bar_legend(self, painter: QPainter, rect: QRectF) -> None:
        font = chart_font(self.text_size())
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        h = rect.height()
        x = rect.left()
        mid = rect.center().y()
        painter.fillRect(QRectF(x, mid - h * 0.2, h * 0.9, h * 0.4), QColor(self.bar_series.colour))
        x += h * 1.1
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QPointF(x, mid + metrics.ascent() / 2.6), self.bar_series.name)
        x += metrics.horizontalAdvance(self.bar_series.name) + h * 0.8
        painter.setPen(_pen(self.marker_series.colour, max(3.0, h / 8)))
        painter.drawLine(QPointF(x + h * 0.2, mid - h * 0.3), QPointF(x + h * 0.2, mid + h * 0.3))
        x += h * 0.6
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(QPointF(x, mid + metrics.ascent() / 2.6), self.marker_series.name)


# --- a stacked bar (progress) and a meter (time) ---------------------------------


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    colour: str
    text_colour: str = "#ffffff"


class StackedBar(_Chart):
    """Counts side by side in one bar, each with its number; the legend underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[Segment] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(200, 44)

    def sizeHint(self) -> QSize:
        return QSize(420, 64)

    def set_data(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self.update()

    def text_size(self) -> float:
        return _clamp(self.height() / 3.6, 9, 26)

    def segment_rects(self) -> list[QRectF]:
        total = sum(s.count for s in self.segments)
        bar_h = self.height() * 0.5
        x = 0.0
        rects = []
        for s in self.segments:
            width = self.width() * s.count / total if total else 0.0
            rects.append(QRectF(x, 0, width, bar_h))
            x += width
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._painter()
        try:
            self._draw(painter)
        finally:
            painter.end()

    def _draw(self, painter: QPainter) -> None:
        size = self.text_size()
        bold = chart_font(size, bold=True)
        metrics = QFontMetricsF(bold)
        rects = self.segment_rects()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(GRID_COLOUR))
        painter.drawRect(QRectF(0, 0, self.width(), self.height() * 0.5))
        painter.setFont(bold)
        for s, rect in zip(self.segments, rects, strict=True):
            if s.count == 0:
                continue
            painter.fillRect(rect, QColor(s.colour))
            text = str(s.count)
            if metrics.horizontalAdvance(text) + 4 <= rect.width():
                painter.setPen(QColor(s.text_colour))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        # legend: swatch, name and count of every segment
        font = chart_font(size * 0.9)
        painter.setFont(font)
        plain = QFontMetricsF(font)
        top = self.height() * 0.56
        row_h = self.height() - top
        x = 0.0
        for s in self.segments:
            swatch = QRectF(x, top + row_h * 0.25, row_h * 0.5, row_h * 0.5)
            painter.fillRect(swatch, QColor(s.colour))
            text = f"{s.label} {s.count}"
            x += row_h * 0.7
            painter.setPen(QColor(TEXT_COLOUR))
            painter.drawText(
                QRectF(x, top, plain.horizontalAdvance(text) + 2, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += plain.horizontalAdvance(text) + row_h * 0.8


class Meter(_Chart):
    """A share of a whole as a filled bar; past the whole it turns to ``over_colour``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share: float | None = None
        self.colour = "#3d6b9e"
        self.over_colour = "#b3261e"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(14)

    def set_share(self, share: float | None) -> None:
        self.share = share
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.share is None:
            return  # nothing to measure: no empty track either
        painter = self._painter()
        try:
            track = QRectF(0, 0, self.width(), self.height())
            radius = self.height() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STRIPE_COLOUR).darker(108))
            painter.drawRoundedRect(track, radius, radius)
            if self.share:
                over = self.share > 1
                fill = QRectF(track)
                fill.setWidth(self.width() * min(1.0, self.share))
                painter.setBrush(QBrush(QColor(self.over_colour if over else self.colour)))
                painter.drawRoundedRect(fill, radius, radius)
        finally:
            painter.end()
