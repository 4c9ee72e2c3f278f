"""The presenter view: what the room reads on the projector.

A second window that follows the indicator under discussion in large type —
its title, the level criteria and the agreed level — while the lead's own
screen keeps the editing tools.  It edits nothing.  It shows the dashboard
instead while the lead has the dashboard open, or when D is pressed on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.dashboard import DashboardView

AGREED_STYLE = (
    "QFrame#level { background: #1f6f3f; border: 3px solid #0b3d20; }"
    " QFrame#level QLabel { color: white; }"
)
PLAIN_STYLE = "QFrame#level { background: #f3f3f3; border: 1px solid #b8b8b8; }"


def _label(point_size: int, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LevelCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("level")
        self.heading = _label(20, bold=True)
        self.criterion = _label(16)
        self.criterion.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.criterion.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.criterion, 1)

    def show_level(self, heading: str, criterion: str, agreed: bool) -> None:
        self.heading.setText(heading)
        self.criterion.setText(criterion)
        self.setStyleSheet(AGREED_STYLE if agreed else PLAIN_STYLE)


class PresenterWindow(QWidget):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setWindowTitle(self.tr("Evaluator — presenter view"))
        self.setStyleSheet("PresenterWindow { background: white; }")
        self.context = _label(14)
        self.context.setStyleSheet("color: #555555;")
        self.title = _label(30, bold=True)
        self.agreed = _label(24, bold=True, wrap=False)
        self.agreed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cards: list[LevelCard] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(16)

        header = QGridLayout()
        header.addWidget(self.context, 0, 0)
        header.addWidget(self.title, 1, 0)
        header.addWidget(self.agreed, 0, 1, 2, 1)
        header.setColumnStretch(0, 1)
        self.indicator_view = QWidget()
        layout = QVBoxLayout(self.indicator_view)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        layout.addLayout(header)
        layout.addLayout(self.grid, 1)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.indicator_view)
        self.dashboard: DashboardView | None = None  # built when first shown

        QShortcut(QKeySequence("Esc"), self, self.close)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence("D"), self, lambda: self.show_dashboard(not self.showing_dashboard))
        controller.current_changed.connect(self.refresh)
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        code = c.current
        if code is None:
            self.title.setText(self.tr("The walkthrough has not started yet"))
            self.context.setText(f"{c.overview.region} · {c.overview.year}")
            self.agreed.clear()
            self._show_cards([])
            return
        indicator = c.framework.indicator(code)
        dimension = c.framework.dimension_of(code)
        state = c.states[code]
        self.context.setText(f"{c.overview.region} · {c.text(dimension.title)} · {code}")
        self.title.setText(c.text(indicator.title))
        if state.not_applicable:
            self.agreed.setText(self.tr("Not applicable"))
        elif state.agreed_level is not None:
            self.agreed.setText(self.tr("Agreed: level %1").replace("%1", str(state.agreed_level)))
        else:
            self.agreed.setText(self.tr("Not agreed yet"))
        cards = []
        for level in c.framework.scale:
            heading = f"{level.value} · {c.text(level.name)}"
            if state.self_level == level.value:
                heading += "   " + self.tr("(self-assessment)")
            cards.append(
                (
                    heading,
                    c.text(indicator.levels.get(level.value)),
                    level.value == state.agreed_level and not state.not_applicable,
                )
            )
        self._show_cards(cards)

    def _show_cards(self, cards: list[tuple[str, str, bool]]) -> None:
        while len(self.cards) < len(cards):
            card = LevelCard()
            self.cards.append(card)
        columns = 2 if len(cards) > 3 else max(1, len(cards))
        for n, card in enumerate(self.cards):
            if n < len(cards):
                card.show_level(*cards[n])
                self.grid.addWidget(card, n // columns, n % columns)
                card.setVisible(True)
            else:
                card.setVisible(False)

    @property
    def showing_dashboard(self) -> bool:
        return self.dashboard is not None and self.pages.currentWidget() is self.dashboard

    def show_dashboard(self, show: bool) -> None:
        """The dashboard (True) or the indicator under discussion (False)."""
        if show and self.dashboard is None:
            self.dashboard = DashboardView(self.controller)
            self.dashboard.setContentsMargins(16, 12, 16, 12)
            self.dashboard.indicator_chosen.connect(lambda: self.show_dashboard(False))
            for listed in (self.dashboard.clarifications, self.dashboard.evidence):
                listed.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus frame on the wall
            self.pages.addWidget(self.dashboard)
        shown = self.dashboard if show and self.dashboard is not None else self.indicator_view
        self.pages.setCurrentWidget(shown)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def show_on_projector(self) -> None:
        """Full screen on a second screen when there is one, else an ordinary window."""
        screens = QGuiApplication.screens()
        own = self.controller.parent()
        current = own.screen() if isinstance(own, QWidget) else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not current]
        if others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.resize(1280, 720)
            self.show()
        self.raise_()
