"""Findings: what the evaluators ask the city's agencies to act on.

``FindingEditor`` writes one finding (text, recommendation, the agencies it is
addressed to, priority, due date, linked indicator); ``FindingsList`` lists the
findings of the current indicator or of the whole session.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import findings, walkthrough
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context
from evaluator_app.services.walkthrough import FindingRow
from evaluator_app.ui.clarifications_view import EVALUATOR_ROLES
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import NOTHING, date_label
from evaluator_app.ui.widgets import CardList, ok_cancel

PRIORITIES = ("high", "medium", "low")


# Marked for lupdate here, translated when shown (as in labels.py).
_PRIORITY_LABELS = {
    "high": QT_TRANSLATE_NOOP("Findings", "High"),
    "medium": QT_TRANSLATE_NOOP("Findings", "Medium"),
    "low": QT_TRANSLATE_NOOP("Findings", "Low"),
}


def priority_label(priority: str) -> str:
    text = _PRIORITY_LABELS.get(priority)
    return QCoreApplication.translate("Findings", str(text)) if text else priority


def agencies_label(agencies: tuple[str, ...]) -> str:
    return ", ".join(agencies)


def _edited(ctx: Context, finding_id: str, details: FindingDetails) -> bool:
    """``findings.edit_finding`` that says it succeeded (the controller returns None on refusal)."""
    findings.edit_finding(ctx, finding_id, details)
    return True


class FindingEditor(QDialog):
    """A new finding (``finding`` None) or an existing one, stored on OK.

    A refused finding (no text, say) keeps the editor open with the message
    shown through the controller.  Open it with ``open()``; tests fill the
    fields and call ``accept()``.
    """

    def __init__(
        self,
        controller: SessionController,
        finding: FindingRow | None = None,
        indicator_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.finding = finding
        self.finding_id: str | None = finding.id if finding else None
        self.setWindowTitle(self.tr("Edit finding") if finding else self.tr("New finding"))

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was found (required)"))
        self.text.setTabChangesFocus(True)
        self.recommendation = QPlainTextEdit()
        self.recommendation.setPlaceholderText(self.tr("What the agencies should do"))
        self.recommendation.setTabChangesFocus(True)
        for edit in (self.text, self.recommendation):
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4)

        self.agencies = QListWidget()
        self.agencies.setMinimumHeight(self.agencies.fontMetrics().lineSpacing() * 5)
        self.new_agency = QLineEdit()
        self.new_agency.setPlaceholderText(self.tr("Another agency, then Enter"))
        self.new_agency.returnPressed.connect(self.add_agency_from_field)
        add_agency = QPushButton(self.tr("Add"))
        add_agency.setAutoDefault(False)
        add_agency.clicked.connect(self.add_agency_from_field)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_agency, 1)
        new_row.addWidget(add_agency)
        agencies_box = QVBoxLayout()
        agencies_box.addWidget(self.agencies)
        agencies_box.addLayout(new_row)

        self.priority = QComboBox()
        for priority in PRIORITIES:
            self.priority.addItem(priority_label(priority), priority)

        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit()
        self.due.setDisplayFormat("d MMM yyyy")  # month by name: no day/month mix-ups
        self.due.setCalendarPopup(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)

        self.indicator = QComboBox()
        self.indicator.addItem(self.tr("(none: the session as a whole)"), "")
        for item in controller.framework.indicators():
            title = controller.text(item.title)
            self.indicator.addItem(f"{item.code} {title}", item.code)
            self.indicator.setItemData(
                self.indicator.count() - 1, title, Qt.ItemDataRole.ToolTipRole
            )
        self.indicator.setMaximumWidth(420)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Finding:"), self.text)
        form.addRow(self.tr("Recommendation:"), self.recommendation)
        form.addRow(self.tr("Addressed to:"), agencies_box)
        form.addRow(self.tr("Priority:"), self.priority)
        form.addRow(self.tr("Due date:"), due_row)
        form.addRow(self.tr("Indicator:"), self.indicator)

        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._fill(finding, indicator_code)

    def _fill(self, finding: FindingRow | None, indicator_code: str | None) -> None:
        chosen = finding.agencies if finding else ()
        for name in [*self._offered_agencies(), *chosen]:
            self.add_agency(name, checked=name in chosen)
        if finding:
            self.text.setPlainText(finding.text)
            self.recommendation.setPlainText(finding.recommendation)
            self.priority.setCurrentIndex(max(self.priority.findData(finding.priority), 0))
            indicator_code = finding.indicator_code
        else:
            self.priority.setCurrentIndex(self.priority.findData("medium"))
        self.indicator.setCurrentIndex(max(self.indicator.findData(indicator_code or ""), 0))
        due = finding.due_date if finding else None
        self.has_due.setChecked(due is not None)
        self.due.setEnabled(due is not None)
        self.due.setDate(_qdate(due or dt.date(self.controller.overview.year, 12, 31)))
        if due is not None:
            # The service keeps a due date it is not given, so removing one is not offered.
            self.has_due.setEnabled(False)
            self.has_due.setToolTip(self.tr("A due date can be changed but not removed"))

    def _offered_agencies(self) -> list[str]:
        """The attendance's organisations and agencies named before, but not the evaluators'
        own organisations: a finding is addressed to the city."""
        people = self.controller.overview.participants
        city = {p.organisation.strip() for p in people if p.role not in EVALUATOR_ROLES}
        evaluators = {p.organisation.strip() for p in people if p.role in EVALUATOR_ROLES}
        known = walkthrough.known_agencies(self.controller.ctx, self.controller.session_id)
        return [name for name in known if name in city or name not in evaluators]

    def add_agency(self, name: str, checked: bool = True) -> None:
        """Offer ``name`` (checked); an agency already offered is checked instead."""
        name = name.strip()
        if not name:
            return
        for n in range(self.agencies.count()):
            item = self.agencies.item(n)
            if item.text().casefold() == name.casefold():
                if checked:
                    item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.agencies.addItem(item)
        if checked:
            self.agencies.scrollToItem(item)

    def add_agency_from_field(self) -> None:
        self.add_agency(self.new_agency.text())
        self.new_agency.clear()

    def chosen_agencies(self) -> tuple[str, ...]:
        items = (self.agencies.item(n) for n in range(self.agencies.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def details(self) -> FindingDetails:
        # A name typed but not yet added with Enter is meant too.
        if self.new_agency.text().strip():
            self.add_agency_from_field()
        return FindingDetails(
            text=self.text.toPlainText(),
            recommendation=self.recommendation.toPlainText(),
            indicator_code=self.indicator.currentData() or "",
            agencies=self.chosen_agencies(),
            priority=self.priority.currentData(),
            due_date=_date(self.due.date()) if self.has_due.isChecked() else None,
        )

    def save(self) -> bool:
        """Store the finding; False (editor stays open) when the service refuses it."""
        details = self.details()
        if self.finding_id is None:
            result = self.controller.call(findings.add_finding, self.controller.session_id, details)
            if result is None:
                return False
            self.finding_id = str(result)
            return True
        return bool(self.controller.call(_edited, self.finding_id, details))

    def accept(self) -> None:
        if self.save():
            super().accept()


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


PRIORITY_COLOURS = {"high": "#c62828", "medium": "#b35c00", "low": "#757575"}
# One style sheet on the list, the card's priority as a property: a style sheet per
# card cost a restyle of every card each time the list was filled (issue 9).
CARD_STYLE = "QFrame#findingCard { border: 1px solid palette(mid); border-radius: 4px; }" + "".join(
    f'QFrame#findingCard[priority="{priority}"] {{ border-left: 4px solid {colour}; }}'
    for priority, colour in PRIORITY_COLOURS.items()
)


class FindingCard(QFrame):
    """One finding: its text and recommendation, to whom, how urgent, by when."""

    def __init__(self, row: FindingRow, show_indicator: bool) -> None:
        super().__init__()
        self.row = row
        self.setObjectName("findingCard")
        self.setProperty("priority", row.priority if row.priority in PRIORITY_COLOURS else "low")
        self.text = QLabel(row.text)
        bold = QFont(self.text.font())
        bold.setBold(True)
        self.text.setFont(bold)
        self.recommendation = QLabel(row.recommendation)
        self.recommendation.setVisible(bool(row.recommendation))
        facts = [
            self.tr("To: %1").replace("%1", agencies_label(row.agencies) or NOTHING),
            self.tr("%1 priority").replace("%1", priority_label(row.priority)),
        ]
        if row.due_date:
            facts.append(self.tr("due %1").replace("%1", date_label(row.due_date)))
        if show_indicator:
            facts.insert(0, row.indicator_code or self.tr("Whole session"))
        self.facts = QLabel(" · ".join(facts))
        self.facts.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.text, self.recommendation, self.facts):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.text)
        layout.addWidget(self.recommendation)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)


class FindingsList(QWidget):
    """The findings of the current indicator (``indicator_only``) or of the whole session,
    with adding, editing and removing.

    ``fed``: the indicator page hands over the rows it has read anyway
    (``show_findings``) instead of the list reading them again on every switch.
    ``while_shown``: read only while shown (a change meanwhile is read on showing),
    so that a hidden tab of a large session costs nothing at start or on a change.
    """

    def __init__(
        self,
        controller: SessionController,
        indicator_only: bool,
        parent: QWidget | None = None,
        *,
        fed: bool = False,
        while_shown: bool = False,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.indicator_only = indicator_only
        self.while_shown = while_shown
        self._stale = False  # changed while hidden: read again when shown
        self._waiting: list[FindingRow] | None = None  # fed while hidden: shown when shown
        self.rows: list[FindingRow] | None = None
        self.cards: dict[str, FindingCard] = {}
        self.editor: FindingEditor | None = None  # the one open, if any

        self.list_area = CardList(self.tr("No findings yet."))
        self.list_area.setStyleSheet(CARD_STYLE)
        self.empty = self.list_area.empty

        self.add_button = QPushButton(self.tr("Add finding…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda _=False: self.new_finding().open())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_area, 1)
        layout.addLayout(buttons)

        if fed:
            self._apply_editable()
            return
        controller.changed.connect(self.reload)
        if indicator_only:
            controller.current_changed.connect(lambda _code: self.reload())
        if while_shown:
            self._stale = True
        else:
            self.reload()

    def reload(self) -> None:
        if self.while_shown and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.show_findings(self._load())

    def show_findings(self, rows: list[FindingRow]) -> None:
        """Show ``rows``; unchanged rows keep their cards.  A list hidden in its window
        (a tab not chosen) makes its cards when it is shown: the indicator page feeds
        it at every switch, and cards nobody sees cost a switch its time (issue 9)."""
        if self.isHidden() and not self.isWindow() and self.rows is not None:
            self._waiting = rows
        else:
            self._waiting = None
            if rows != self.rows:
                self._show(rows)
        self._apply_editable()

    def setVisible(self, visible: bool) -> None:
        if visible and self._waiting is not None:
            rows, self._waiting = self._waiting, None
            if rows != self.rows:
                self._show(rows)
            self._apply_editable()
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _load(self) -> list[FindingRow]:
        ctx, session_id = self.controller.ctx, self.controller.session_id
        if not self.indicator_only:
            return walkthrough.session_findings(ctx, session_id)
        code = self.controller.current
        return walkthrough.indicator_detail(ctx, session_id, code).findings if code else []

    def _show(self, rows: list[FindingRow]) -> None:
        self.rows = rows
        old = list(self.cards.values())
        self.cards = {}
        for row in rows:
            card = FindingCard(row, show_indicator=not self.indicator_only)
            card.edit_button.clicked.connect(lambda _=False, i=row.id: self.edit_finding(i).open())
            card.remove_button.clicked.connect(lambda _=False, i=row.id: self.remove(i))
            self.cards[row.id] = card
        self.list_area.replace(old, list(self.cards.values()))

    @property
    def editable(self) -> bool:
        return not self.controller.read_only and (
            not self.indicator_only or self.controller.current is not None
        )

    def _apply_editable(self) -> None:
        editable = self.editable
        self.add_button.setEnabled(editable)
        for card in self.cards.values():
            card.edit_button.setEnabled(editable)
            card.remove_button.setEnabled(editable)

    def new_finding(self) -> FindingEditor:
        """An editor for a new finding (linked to the current indicator on the indicator page);
        not shown: the button opens it, a test fills and accepts it."""
        code = self.controller.current if self.indicator_only else None
        return self._editor(FindingEditor(self.controller, None, code, self))

    def edit_finding(self, finding_id: str) -> FindingEditor:
        row = next(r for r in self.rows or [] if r.id == finding_id)
        return self._editor(FindingEditor(self.controller, row, None, self))

    def remove(self, finding_id: str) -> bool:
        def run(ctx: Context, finding_id: str) -> bool:
            findings.remove_finding(ctx, finding_id)
            return True

        return bool(self.controller.call(run, finding_id))

    def _editor(self, editor: FindingEditor) -> FindingEditor:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._scroll_to(editor.finding_id))
        self.editor = editor
        return editor

    def _scroll_to(self, finding_id: str | None) -> None:
        card = self.cards.get(finding_id or "")
        if card is not None:
            self.list_area.ensureWidgetVisible(card)
