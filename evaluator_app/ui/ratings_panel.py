"""Each evaluator's own level for the indicator, side by side, and their spread.

Every evaluator present (lead included) has a small level box; choosing a
level records their rating, "–" withdraws it.  A spread of two levels or more
is marked, as the navigator marks it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from evaluator_app.services import assessments
from evaluator_app.services.walkthrough import RatingRow
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import NOTHING

RATERS = ("lead_evaluator", "evaluator")
SPREAD_ALERT = 2  # levels apart: the lead should hear the evaluators out
ALERT_COLOUR = "#b35c00"


def short_name(name: str) -> str:
    """'Ir. Hendra Saputra, M.T.' -> 'Hendra': the name without titles, first word."""
    words = [w for w in name.split(",")[0].split() if not w.endswith(".")]
    return words[0] if words else name


def short_names(names: list[str]) -> list[str]:
    """Short names, or longer ones where two would read alike."""
    short = [short_name(n) for n in names]
    return [
        s
        if short.count(s) == 1
        else " ".join(w for w in n.split(",")[0].split() if not w.endswith("."))
        for s, n in zip(short, names, strict=True)
    ]


def ratings_label(ratings: list[RatingRow]) -> str:
    """'Rina 3 · Hendra 4'."""
    names = short_names([r.name for r in ratings])
    return " · ".join(f"{n} {r.level}" for n, r in zip(names, ratings, strict=True))


class RatingsPanel(QWidget):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.code: str | None = None
        self.boxes: dict[str, QComboBox] = {}  # participant id -> their level box
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Evaluators' own levels:"))
        self.spread = QLabel()
        # As wide as its widest text from the start: a width that came and went with
        # "spread 2" moved the page's minimum width, which squeezed the navigator
        # beside it into a layout and a repaint at each switch (issue 9).
        bold = QFont(self.spread.font())
        bold.setBold(True)
        widest = self.tr("spread %1").replace("%1", "9")
        self.spread.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(widest) + 4)
        self._layout.addWidget(self.title)

    def _rebuild(self) -> None:
        """One box per evaluator present (the attendance may have changed)."""
        raters = [
            p for p in self.controller.overview.participants if p.present and p.role in RATERS
        ]
        if [p.id for p in raters] == list(self.boxes):
            return
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.spread:
                widget.deleteLater()
        self.boxes = {}
        framework = self.controller.framework
        for person, shown in zip(raters, short_names([p.name for p in raters]), strict=True):
            name = QLabel(shown)
            name.setToolTip(person.name)
            box = QComboBox()
            box.addItem(NOTHING, None)
            for level in framework.scale:
                box.addItem(str(level.value), level.value)
                box.setItemData(
                    box.count() - 1, self.controller.text(level.name), Qt.ItemDataRole.ToolTipRole
                )
            box.setAccessibleName(self.tr("Level given by %1").replace("%1", person.name))
            box.activated.connect(lambda _=0, pid=person.id: self._chosen(pid))
            self._layout.addWidget(name)
            self._layout.addWidget(box)
            self.boxes[person.id] = box
        self._layout.addWidget(self.spread)
        self._layout.addStretch(1)

    def show_ratings(self, code: str, ratings: list[RatingRow], editable: bool) -> None:
        self.code = code
        self._rebuild()
        given = {r.participant_id: r.level for r in ratings}
        for pid, box in self.boxes.items():
            box.setCurrentIndex(max(box.findData(given.get(pid)), 0))
            box.setEnabled(editable)
        levels = list(given.values())
        spread = max(levels) - min(levels) if len(levels) > 1 else 0
        text = self.tr("spread %1").replace("%1", str(spread)) if spread else ""
        if self.spread.text() != text:
            self.spread.setText(text)
        alert = spread >= SPREAD_ALERT
        # Bold amber through font and palette, set only when the alert comes or goes:
        # a style sheet restyled the label and laid the page out at every switch (issue 9).
        if self.spread.font().bold() != alert:
            font = self.spread.font()
            font.setBold(alert)
            self.spread.setFont(font)
            palette = self.spread.palette()
            palette.setColor(
                QPalette.ColorRole.WindowText,
                QColor(ALERT_COLOUR)
                if alert
                else self.palette().color(QPalette.ColorRole.WindowText),
            )
            self.spread.setPalette(palette)
        self.spread.setToolTip(
            self.tr("The evaluators are %1 levels apart: hear them out before agreeing.").replace(
                "%1", str(spread)
            )
            if alert
            else ""
        )
        self.setVisible(bool(self.boxes))

    def _chosen(self, participant_id: str) -> None:
        if self.code is None:
            return
        level = self.boxes[participant_id].currentData()
        self.controller.attempt(
            assessments.set_rating,
            self.controller.session_id,
            self.code,
            participant_id,
            level,
        )
