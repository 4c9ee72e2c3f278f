"""Clarifications of one indicator: each question with its answer, who and when.

Questions are asked by the evaluators and answered by the city; both names are
recorded.  The view is fed by the indicator page (``show_clarifications``) and
stores through the controller.  An answer being typed survives a reload: cards
are rebuilt only when the clarifications themselves changed, and drafts are
carried over when they are.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import clarifications
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import ParticipantRow
from evaluator_app.services.walkthrough import ClarificationRow
from evaluator_app.ui.card_painting import Pill, paint_card
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import date_label, local_time, role_label, time_label
from evaluator_app.ui.layout_batch import one_layout_pass
from evaluator_app.ui.selectable_label import SelectableLabel, WrappedLabel
from evaluator_app.ui.widgets import CardList

EVALUATOR_ROLES = ("lead_evaluator", "evaluator")
NOBODY = ""  # the combo item for "not recorded" (an empty id, not None: findData can find it)
OPEN_COLOUR = "#b35c00"  # amber: still waiting for an answer
ANSWERED_COLOUR = "#2e7d32"  # green
# The card's left band and its state pill in these colours, painted by the card:
# style sheets put every widget of the list under Qt's style-sheet style, which
# made showing and laying out the cards a good part of each switch (issue 9).


def chosen_person(combo: QComboBox) -> str | None:
    return combo.currentData() or None


def fill_people(combo: QComboBox, people: list[ParticipantRow], none_label: str) -> None:
    """People by name (role and position as a tooltip), keeping the chosen one chosen;
    ``none_label`` stands for nobody."""
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    for person in people:
        combo.addItem(person.name, person.id)
        about = ", ".join(x for x in (role_label(person.role), person.position) if x)
        combo.setItemData(combo.count() - 1, about, Qt.ItemDataRole.ToolTipRole)
    combo.addItem(none_label, NOBODY)
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(blocked)


def evaluators_first(people: list[ParticipantRow]) -> list[ParticipantRow]:
    """The lead evaluator, the evaluators, then everyone else, each in attendance order."""
    order = {"lead_evaluator": 0, "evaluator": 1}
    return sorted(people, key=lambda p: order.get(p.role, 2))


def city_people(people: list[ParticipantRow]) -> list[ParticipantRow]:
    """Who answers for the city: everyone but the evaluators."""
    return [p for p in people if p.role not in EVALUATOR_ROLES]


class _AnswerEditor(QWidget):
    """The answer to an open question being typed, with who gives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("The answer given"))
        self.answered_by = QComboBox()
        self.answered_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.answered_by.setMaximumWidth(220)
        self.save = QPushButton(self.tr("Save answer"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.answered_by)
        layout.addWidget(self.save)


class ClarificationCard(QFrame):
    """One question: open or answered, who asked and answered, when."""

    def __init__(self, view: ClarificationsView, row: ClarificationRow) -> None:
        super().__init__()
        self.row = row
        self.setObjectName("clarificationCard")

        self.state = Pill()
        self.state.setObjectName("clarificationState")
        self.state.setContentsMargins(6, 1, 6, 1)
        self.question = SelectableLabel()
        bold = QFont(self.question.font())
        bold.setBold(True)
        self.question.setFont(bold)
        top = QHBoxLayout()
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.question, 1)

        self.asked = WrappedLabel()
        self.answer = SelectableLabel()
        self.answered = WrappedLabel()
        for label in (self.asked, self.answered):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.answer_button = QPushButton(self.tr("Answer…"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("The answer did not settle it: ask again"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.answer_button, self.reopen_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)

        self.editor = _AnswerEditor()
        self.editor.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 7, 9, 7)  # inside the painted border and band
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.asked)
        layout.addWidget(self.answer)
        layout.addWidget(self.answered)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self._open: bool | None = None
        self.fill(view, row)

    def fill(self, view: ClarificationsView, row: ClarificationRow) -> None:
        """Show ``row`` on this card (cards are reused from one indicator to the next:
        making a card's dozen widgets cost more than the rest of a switch, issue 9).
        An answer being typed is closed; the view reopens drafts it keeps."""
        self.row = row
        is_open = row.status == "open"
        if is_open != self._open:
            self._open = is_open
            colour = QColor(OPEN_COLOUR if is_open else ANSWERED_COLOUR)
            self.state.set_colours(QColor("white"), colour, None)
            self.update()
            self.state.setText(self.tr("Open") if is_open else self.tr("Answered"))
        self.question.set_text(row.question)
        self.asked.setText(view.who_and_when(self.tr("Asked by %1"), row.asked_by, row.asked_at))
        self.answer.set_text(row.answer)
        self.answer.setVisible(bool(row.answer))
        answered = (
            self.tr("Answered by %1") if not is_open else self.tr("Earlier answer by %1 (reopened)")
        )
        self.answered.setText(view.who_and_when(answered, row.answered_by, row.answered_at))
        self.answered.setVisible(row.answered_at is not None)
        self.answer_button.setVisible(is_open)
        self.reopen_button.setVisible(not is_open)
        self.editor.setVisible(False)
        self.editor.text.clear()

    def paintEvent(self, event: QPaintEvent) -> None:
        accent = QColor(OPEN_COLOUR if self._open else ANSWERED_COLOUR)
        paint_card(self, self.palette().color(QPalette.ColorRole.Mid), accent=accent)


class ClarificationsView(QWidget):
    """The questions of the current indicator, and asking and answering them."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.code: str | None = None
        self.rows: list[ClarificationRow] = []
        self.cards: dict[str, ClarificationCard] = {}
        self._pool: list[ClarificationCard] = []  # every card made, in the list's order
        self._drafts: dict[str, tuple[str, str | None]] = {}  # id -> answer typed, by whom
        self._last_answerer: str | None = None  # who answered last is likely to answer next
        self._editable = True
        self._people: list[ParticipantRow] | None = None

        self.list_area = CardList(self.tr("No questions yet."))
        self.empty = self.list_area.empty

        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("New question (Ctrl+Enter), then Enter to add"))
        self.question.returnPressed.connect(self._add_clicked)
        self.asked_by = QComboBox()
        self.asked_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.asked_by.setMaximumWidth(220)
        self.asked_by.setToolTip(self.tr("Who asks"))
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.asked_by)
        ask_row.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_area, 1)
        layout.addLayout(ask_row)
        self.refresh_people()

    # --- showing ----------------------------------------------------------

    def show_clarifications(self, code: str, rows: list[ClarificationRow]) -> None:
        """Show ``rows`` of indicator ``code``; unchanged rows leave the cards (and typing) be."""
        if code != self.code:
            self._drafts.clear()
            self.question.clear()
        elif rows == self.rows and len(self.cards) == len(rows):
            return
        self._keep_drafts()
        self.code = code
        self.rows = list(rows)
        # Cards already made are filled again; only missing ones are made (at the top
        # of the list, which is where CardList puts new cards: the pool keeps its order).
        missing = [self._new_card(row) for row in rows[len(self._pool) :]]
        self.list_area.replace([], missing)
        self._pool = missing + self._pool
        self.cards = {}
        with one_layout_pass(self.list_area.widget()):
            for n, card in enumerate(self._pool):
                if n >= len(rows):
                    card.setVisible(False)
                    continue
                row = rows[n]
                if card not in missing:
                    with one_layout_pass(card):
                        card.fill(self, row)
                card.setVisible(True)
                self.cards[row.id] = card
                if row.id in self._drafts and row.status == "open":
                    text, who = self._drafts[row.id]
                    self._open_editor(card, text, who)
            self.empty.setVisible(not rows)
        self._drafts = {i: d for i, d in self._drafts.items() if i in self.cards}
        self.set_editable(self._editable)

    def _new_card(self, row: ClarificationRow) -> ClarificationCard:
        card = ClarificationCard(self, row)
        card.answer_button.clicked.connect(lambda _=False, c=card: self.start_answer(c.row.id))
        card.editor.save.clicked.connect(lambda _=False, c=card: self._save_answer(c.row.id))
        card.editor.text.returnPressed.connect(lambda c=card: self._save_answer(c.row.id))
        card.reopen_button.clicked.connect(lambda _=False, c=card: self.reopen(c.row.id))
        card.remove_button.clicked.connect(lambda _=False, c=card: self.remove(c.row.id))
        fill_people(card.editor.answered_by, self._answerers(), self.tr("(not recorded)"))
        return card

    def refresh_people(self) -> None:
        """Offer the session's attendance (it may have changed)."""
        people = self.controller.overview.participants
        if people == self._people:
            return
        self._people = list(people)
        fill_people(self.asked_by, evaluators_first(people), self.tr("(not recorded)"))
        for card in self._pool:
            fill_people(card.editor.answered_by, self._answerers(), self.tr("(not recorded)"))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        controls: list[QWidget] = [self.question, self.asked_by, self.add_button]
        for card in self.cards.values():
            controls += [card.answer_button, card.reopen_button, card.remove_button, card.editor]
        for widget in controls:
            widget.setEnabled(editable)

    def who_and_when(self, template: str, name: str | None, when: dt.datetime | None) -> str:
        """'Asked by Rina · 09.12' in the meeting's time; the date too if not today."""
        text = template.replace("%1", name or self.tr("(not recorded)"))
        if when is None:
            return text
        local = local_time(when, self.controller.overview.timezone)
        today = dt.datetime.now(local.tzinfo).date()
        moment = (
            time_label(local)
            if local.date() == today
            else f"{date_label(local.date())} {time_label(local)}"
        )
        return f"{text} · {moment}"

    # --- actions ----------------------------------------------------------

    def start_new_question(self) -> None:
        """Put the cursor in the new-question field (the window's Ctrl+Enter)."""
        self.question.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.question.selectAll()

    def ask(self, question: str, asked_by: str | None) -> str | None:
        """Store a new open question; its id, or None when refused (the message is shown)."""
        if self.code is None:
            return None
        result = self.controller.call(
            clarifications.ask, self.controller.session_id, self.code, question, asked_by
        )
        return str(result) if result is not None else None

    def answer(self, clarification_id: str, text: str, answered_by: str | None) -> bool:
        ok = self.controller.call(_answered, clarification_id, text, answered_by)
        if ok:
            self._drafts.pop(clarification_id, None)
            self._last_answerer = answered_by
        return bool(ok)

    def reopen(self, clarification_id: str) -> None:
        self.controller.call(clarifications.reopen, clarification_id)

    def remove(self, clarification_id: str) -> None:
        self.controller.call(clarifications.remove, clarification_id)

    def start_answer(self, clarification_id: str) -> None:
        """Open the answer field under an open question (the earlier answer, if reopened)."""
        card = self.cards[clarification_id]
        self._open_editor(card, card.row.answer, card.row.answered_by_id)
        card.editor.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_editor(self, card: ClarificationCard, text: str, who: str | None) -> None:
        card.editor.text.setText(text)
        index = card.editor.answered_by.findData(who or self._last_answerer or NOBODY)
        if index >= 0:
            card.editor.answered_by.setCurrentIndex(index)
        card.editor.setVisible(True)
        card.answer_button.setVisible(False)

    def _add_clicked(self) -> None:
        if self.ask(self.question.text(), chosen_person(self.asked_by)) is not None:
            self.question.clear()

    def _save_answer(self, clarification_id: str) -> None:
        editor = self.cards[clarification_id].editor
        self.answer(clarification_id, editor.text.text(), chosen_person(editor.answered_by))

    def _keep_drafts(self) -> None:
        for clarification_id, card in self.cards.items():
            if card.editor.isVisibleTo(card):
                self._drafts[clarification_id] = (
                    card.editor.text.text(),
                    chosen_person(card.editor.answered_by),
                )

    def _answerers(self) -> list[ParticipantRow]:
        people = self.controller.overview.participants
        return city_people(people) or people


def _answered(ctx: Context, clarification_id: str, text: str, answered_by: str | None) -> bool:
    """``clarifications.answer`` that says it succeeded (the controller returns None on refusal)."""
    clarifications.answer(ctx, clarification_id, text, answered_by)
    return True
