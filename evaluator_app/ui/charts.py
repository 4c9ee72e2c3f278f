"""What the dashboard's charts share: colours, the bundled font, a legend, pens.

The charts (radar_chart.py, bar_charts.py) are drawn with QPainter.

They know nothing of sessions or scores: callers give labels, numbers and the
texts to print beside them.  Everything is sized from the widget's own size
(fonts too), so one chart reads on a laptop and on a projector.  The text uses
the bundled Liberation Sans, so the charts look the same on every machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPen,
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


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class Series:
    """One set of values: its name (for the legend), colour and line style."""

    name: str
    colour: str
    dashed: bool = False
    values: tuple[float | None, ...] = field(default=())


class Chart(QWidget):
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
            painter.setPen(chart_pen(colour, max(2.0, swatch / 9), s.dashed))
            painter.drawRect(box)
            painter.setPen(QColor(TEXT_COLOUR))
            text = QRectF(x + swatch * 1.3, rect.top(), width, rect.height())
            painter.drawText(
                text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, s.name
            )
            x += width + gap


def chart_pen(colour: QColor | str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


WRAP = int(Qt.TextFlag.TextWordWrap.value)
