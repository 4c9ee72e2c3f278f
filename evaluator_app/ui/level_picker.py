"""The level criteria side by side: click a level to settle it.

One card per level of the framework's scale shows the level's value and name
and what it means for this indicator.  The city's self-assessed level carries
a tag; the agreed level is highlighted.  The picker only reports choices
(``agreed_chosen``, ``self_chosen``); the indicator page stores them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QEnterEvent, QFont, QMouseEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.ui.card_painting import Pill, paint_card
from evaluator_app.ui.labels import NOTHING
from evaluator_app.ui.layout_batch import one_layout_pass
from evaluator_app.ui.selectable_label import WrappedLabel


@dataclass(frozen=True)
class LevelText:
    """One level as the picker shows it, already in the interface language."""

    value: int
    name: str
    criterion: str  # what this level means for the indicator
    meaning: str = ""  # what the level means on the scale in general (a tooltip)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    def channel(x: int, y: int) -> int:
        return round(x + (y - x) * share_of_b)

    return QColor(
        channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue())
    )


def _tag(text: str) -> Pill:
    label = Pill(text)
    label.setObjectName("tag")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(5, 1, 5, 1)
    return label


class LevelCard(QFrame):
    """A level's value, name and criterion; clicking it chooses the level."""

    clicked = Signal(int)

    def __init__(self, level: LevelText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = level.value
        self.agreed = False
        self.self_assessed = False
        self.interactive = True
        self.muted = False  # the indicator is N/A: no level applies
        self.hovered = False
        self._style: tuple[bool, bool, bool] | None = None  # the marks last styled
        self._border = QColor()
        self._hover_border = QColor()
        self._background = QColor()
        self.setObjectName("levelCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking keeps the notes' focus
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.heading = WrappedLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.self_tag = _tag(self.tr("Self-assessment"))
        self.agreed_tag = _tag(self.tr("Agreed"))
        # The row keeps its height without tags, so that cards do not jump as marks move.
        tags_row = QWidget()
        tags_row.setMinimumHeight(self.self_tag.sizeHint().height() + 2)
        tags = QHBoxLayout(tags_row)
        tags.setContentsMargins(0, 0, 0, 0)
        tags.setSpacing(4)
        tags.addWidget(self.agreed_tag)
        tags.addWidget(self.self_tag)
        tags.addStretch(1)

        self.criterion = WrappedLabel()
        self.criterion.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.criterion.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        # Inside the widest border (3 px), so that the text keeps still as marks move.
        layout.setContentsMargins(13, 11, 13, 13)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(tags_row)
        layout.addWidget(self.criterion)
        layout.addStretch(1)

        self.set_level(level)
        self._restyle()

    def set_level(self, level: LevelText) -> None:
        """Show another indicator's criterion for the same level (the card is reused)."""
        self.heading.setText(f"{level.value}  {level.name}")
        self.criterion.setText(level.criterion or NOTHING)
        # The level's name and meaning stay from one indicator to the next: set once.
        tip = f"{level.value} {level.name}: {level.meaning}" if level.meaning else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)
        name = f"{level.value} {level.name}"
        if self.accessibleName() != name:
            self.setAccessibleName(name)
        self.setAccessibleDescription(level.criterion)

    def set_marks(self, agreed: bool, self_assessed: bool, muted: bool = False) -> None:
        self.agreed = agreed
        self.self_assessed = self_assessed
        self.muted = muted
        self._restyle()

    def set_interactive(self, interactive: bool) -> None:
        """Read-only cards stay fully legible (not greyed out); they just ignore clicks."""
        self.interactive = interactive
        self._restyle()

    def _restyle(self) -> None:
        if self.agreed_tag.isHidden() == self.agreed:
            self.agreed_tag.setVisible(self.agreed)
        if self.self_tag.isHidden() == self.self_assessed:
            self.self_tag.setVisible(self.self_assessed)
        # Colours are worked out only when what they show changed (most switches
        # change one or two cards); the card paints its own frame (issue 9).
        style = (self.agreed, self.muted, self.interactive)
        if style == self._style:
            return
        self._style = style
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        mid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.Text)
        on_highlight = palette.color(QPalette.ColorRole.HighlightedText)
        if self.agreed:
            self._border = highlight
            self._background = _mix(base, highlight, 0.16)
        elif self.muted:
            self._border = mid
            self._background = palette.color(QPalette.ColorRole.Window)
            text = palette.color(QPalette.ColorRole.PlaceholderText)
        else:
            self._border = mid
            self._background = base
        self._hover_border = _mix(mid, highlight, 0.6)
        own = QPalette(self.palette())
        own.setColor(QPalette.ColorRole.WindowText, text)
        self.heading.setPalette(own)
        self.criterion.setPalette(own)
        self.agreed_tag.set_colours(on_highlight, highlight, None)
        self.self_tag.set_colours(text, None, text)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self.interactive else Qt.CursorShape.ArrowCursor
        )
        self.update()

    # Entering and leaving, not event(): a Python event() saw every paint and layout
    # event of the four cards at every switch (issue 9).
    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover(False)
        super().leaveEvent(event)

    def _hover(self, hovered: bool) -> None:
        self.hovered = hovered
        if self.interactive and not self.agreed:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.agreed:
            paint_card(self, self._border, width=3, radius=6, background=self._background)
        elif self.interactive and self.hovered:
            paint_card(
                self, self._hover_border, width=3, radius=6, background=self._background, inset=2
            )
        else:
            paint_card(
                self,
                self._border,
                radius=6,
                background=self._background,
                dashed=self.muted,
                inset=2,
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.interactive
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit(self.value)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class LevelPicker(QWidget):
    """Cards for the scale's levels, the self-assessment and a way to clear the agreed level.

    ``agreed_chosen(int | None)``: a level was clicked (None: "clear" was asked).
    ``self_chosen(int | None)``: the self-assessed level was picked.
    Clicking the agreed level again keeps it; "Clear" removes it, so a double
    click in a hurry never unsettles an indicator.
    """

    agreed_chosen = Signal(object)
    self_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[LevelCard] = []
        self.agreed: int | None = None
        self.self_level: int | None = None
        self._editable = True

        self._cards_row = QHBoxLayout()
        self._cards_row.setSpacing(6)

        self.self_combo = QComboBox()
        self.self_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.self_combo.setToolTip(self.tr("The level the city claimed before the meeting"))
        self.self_combo.activated.connect(self._self_activated)
        self_label = QLabel(self.tr("Self-assessment:"))
        self_label.setBuddy(self.self_combo)

        self.clear_button = QPushButton(self.tr("Clear agreed level"))
        self.clear_button.setToolTip(self.tr("Remove the agreed level of this indicator"))
        self.clear_button.clicked.connect(lambda: self.agreed_chosen.emit(None))

        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(0, 0, 0, 0)
        self.footer.addWidget(self_label)
        self.footer.addWidget(self.self_combo)
        self.footer.addSpacing(12)
        self.footer.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._cards_row)
        layout.addLayout(self.footer)

    def show_levels(self, levels: list[LevelText]) -> None:
        """One card per level (the indicator's criteria).

        On the same scale the cards are reused and keep their marks until
        ``show_marks`` moves them (the page calls it right after): clearing and
        setting a mark restyled cards twice per switch (issue 9).  A new scale gets
        new cards, unmarked."""
        if [card.value for card in self.cards] == [level.value for level in levels]:
            # The same scale (always, within a framework): new texts on the same cards.
            for card, level in zip(self.cards, levels, strict=True):
                card.set_level(level)
            for n, level in enumerate(levels, start=1):
                name = f"{level.value} {level.name}"
                if self.self_combo.itemText(n) != name:  # a combo sized to its items
                    self.self_combo.setItemText(n, name)
            return
        for card in self.cards:
            self._cards_row.removeWidget(card)
            card.hide()  # gone at once, not only when the deferred deletion runs
            card.deleteLater()
        self.cards = []
        for level in levels:
            card = LevelCard(level, self)
            card.clicked.connect(self._card_clicked)
            self._cards_row.addWidget(card, 1)  # equal widths: the criteria read side by side
            self.cards.append(card)
        self.self_combo.clear()
        self.self_combo.addItem(NOTHING, None)
        for level in levels:
            self.self_combo.addItem(f"{level.value} {level.name}", level.value)
        self.agreed = self.self_level = None
        self.set_editable(self._editable)
        self.show_marks(None, None)

    def show_marks(
        self, agreed: int | None, self_level: int | None, not_applicable: bool = False
    ) -> None:
        """Highlight the agreed level and tag the self-assessed one; an N/A indicator's
        levels are muted (clicking one still settles it, which ends N/A)."""
        self.agreed = agreed
        self.self_level = self_level
        # Tags shown and hidden lay the cards out once afterwards, not tag by tag.
        with one_layout_pass(self, *self.cards):
            for card in self.cards:
                card.set_marks(card.value == agreed, card.value == self_level, not_applicable)
        index = self.self_combo.findData(self_level)
        self.self_combo.setCurrentIndex(max(index, 0))
        self.clear_button.setEnabled(self._editable and agreed is not None)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for card in self.cards:
            card.set_interactive(editable)
        self.self_combo.setEnabled(editable)
        self.clear_button.setEnabled(editable and self.agreed is not None)

    def card(self, value: int) -> LevelCard:
        return next(card for card in self.cards if card.value == value)

    def _card_clicked(self, value: int) -> None:
        if self._editable and value != self.agreed:
            self.agreed_chosen.emit(value)

    def _self_activated(self, index: int) -> None:
        value = self.self_combo.itemData(index)
        if value != self.self_level:
            self.self_chosen.emit(value)
