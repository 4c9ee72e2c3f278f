"""A radar chart of dimension scores drawn with reportlab.graphics.

Two series (self-assessed, agreed) on rings at each level of the scale.  The
series differ by line style and marker as well as colour, so a black-and-white
print still tells them apart.  A dimension without a score leaves a gap in
its series instead of a point at zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from evaluator_app.reports.layout import FONT, INK, MUTED

GRID = colors.HexColor("#B8BEC7")
AGREED = colors.HexColor("#1F4E8C")
AGREED_FILL = colors.HexColor("#1F4E8C")
SELF = colors.HexColor("#B5651D")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | None]
    colour: colors.Color
    dashed: bool
    filled: bool
    marker: str  # "circle" | "square"


def radar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    levels: Sequence[int],
    width: float,
    height: float = 270,
) -> Drawing:
    """Axes for ``labels`` clockwise from the top; rings at each of ``levels``."""
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8.5)
    count = len(labels)
    if count < 3:  # a radar needs three axes; fewer says nothing a table does not
        return drawing
    legend_height = 22
    radius = min(width / 2 - 95, (height - legend_height) / 2 - 22)
    cx, cy = width / 2, legend_height + (height - legend_height) / 2
    low = min(0, min(levels))
    high = max(levels)

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * axis / count
        r = radius * (value - low) / (high - low)
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in levels:
        ring = [c for axis in range(count) for c in point(axis, level)]
        drawing.add(Polygon(ring, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
        # The level number sits halfway between the last axis and the first,
        # where no series point can cover it.
        (x1, y1), (x2, y2) = point(count - 1, level), point(0, level)
        drawing.add(
            String(
                (x1 + x2) / 2 - 2,
                (y1 + y2) / 2 - 2,
                str(level),
                fontName=FONT,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for axis, label in enumerate(labels):
        x, y = point(axis, high)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
        lx, ly = point(axis, high + (high - low) * 0.09)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        drawing.add(
            String(
                lx,
                ly - (9 if ly < cy - 5 else (3 if abs(ly - cy) <= 5 else -2)),
                label,
                fontName=FONT,
                fontSize=8.5,
                fillColor=INK,
                textAnchor=anchor,
            )
        )
    for one in series:
        _draw_series(
            drawing,
            one,
            [point(a, float(v)) if v is not None else None for a, v in enumerate(one.values)],
        )
    _legend(drawing, series, width)
    return drawing


def _draw_series(
    drawing: Drawing, series: Series, points: list[tuple[float, float] | None]
) -> None:
    dash = [4, 2] if series.dashed else None
    if series.filled and all(p is not None for p in points):
        flat = [c for p in points if p is not None for c in p]
        drawing.add(Polygon(flat, fillColor=AGREED_FILL, fillOpacity=0.15, strokeColor=None))
    count = len(points)
    for axis in range(count):  # edge by edge, so a missing score leaves a gap
        a, b = points[axis], points[(axis + 1) % count]
        if a is not None and b is not None:
            drawing.add(
                PolyLine(
                    [*a, *b],
                    strokeColor=series.colour,
                    strokeWidth=1.6,
                    strokeDashArray=dash,
                )
            )
    for p in points:
        if p is not None:
            drawing.add(_marker(series, *p))


def _marker(series: Series, x: float, y: float) -> Circle | Rect:
    if series.marker == "square":
        return Rect(
            x - 2.6,
            y - 2.6,
            5.2,
            5.2,
            fillColor=colors.white,
            strokeColor=series.colour,
            strokeWidth=1.1,
        )
    return Circle(x, y, 2.8, fillColor=series.colour, strokeColor=series.colour)


def _legend(drawing: Drawing, series: Sequence[Series], width: float) -> None:
    entry = 120
    x = width / 2 - entry * len(series) / 2
    for one in series:
        dash = [4, 2] if one.dashed else None
        drawing.add(
            Line(x, 8, x + 24, 8, strokeColor=one.colour, strokeWidth=1.6, strokeDashArray=dash)
        )
        drawing.add(_marker(one, x + 12, 8))
        drawing.add(String(x + 30, 5, one.name, fontName=FONT, fontSize=8.5, fillColor=INK))
        x += entry
