"""Bars of the dashboard: grouped bars per sub-dimension, the progress bar, the time meter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from evaluator_app.ui.charts import (
    AGREED_COLOUR,
    GRID_COLOUR,
    MUTED_COLOUR,
    SELF_COLOUR,
    STRIPE_COLOUR,
    TEXT_COLOUR,
    WRAP,
    Chart,
    Series,
    chart_font,
    chart_pen,
    clamp,
)

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


class GroupedBars(Chart):
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
        return clamp(min(self.row_height() * 0.68, self.width() / 34), 9, 26)

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
            painter.setPen(chart_pen(GRID_COLOUR, line * (1.6 if level == 0 else 1)))
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
            painter.drawText(block, WRAP | int(Qt.AlignmentFlag.AlignVCenter), group.title)
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
                    painter.setPen(chart_pen(self.marker_series.colour, max(3.0, h / 7)))
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
        painter.setPen(chart_pen(self.marker_series.colour, max(3.0, h / 8)))
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


class StackedBar(Chart):
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
        return clamp(self.height() / 3.6, 9, 26)

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


class Meter(Chart):
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
