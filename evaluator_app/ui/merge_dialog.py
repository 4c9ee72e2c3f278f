"""Merging a bundle: first what it would change, then each conflict side by side.

Nothing is written here; the dialog collects a choice per conflict (ours,
theirs, or a new text) and the caller applies the merge with them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.bundle_import import ImportPreview
from evaluator_app.services.merge import Conflict, Difference, Edit, Resolution
from evaluator_app.ui.findings_view import priority_label
from evaluator_app.ui.labels import (
    NOTHING,
    clarification_status_label,
    date_label,
    evidence_status_label,
    indicator_status_label,
    role_label,
    status_label,
)

# How each record type's "status" reads.
_STATUS = {
    "session": status_label,
    "assessment": indicator_status_label,
    "evidence": evidence_status_label,
    "clarification": clarification_status_label,
}

_RECORDS = {
    "session": QT_TRANSLATE_NOOP("Merge", "Session"),
    "participant": QT_TRANSLATE_NOOP("Merge", "Participant"),
    "assessment": QT_TRANSLATE_NOOP("Merge", "Indicator"),
    "rating": QT_TRANSLATE_NOOP("Merge", "Rating"),
    "clarification": QT_TRANSLATE_NOOP("Merge", "Clarification"),
    "evidence": QT_TRANSLATE_NOOP("Merge", "Evidence"),
    "finding": QT_TRANSLATE_NOOP("Merge", "Finding"),
    "signoff": QT_TRANSLATE_NOOP("Merge", "Sign-off"),
    "assignment": QT_TRANSLATE_NOOP("Merge", "Assignment"),
}
_FIELDS = {
    "notes": QT_TRANSLATE_NOOP("Merge", "Notes"),
    "agreed_level": QT_TRANSLATE_NOOP("Merge", "Agreed level"),
    "self_level": QT_TRANSLATE_NOOP("Merge", "Self-assessed level"),
    "level": QT_TRANSLATE_NOOP("Merge", "Level"),
    "not_applicable": QT_TRANSLATE_NOOP("Merge", "Not applicable"),
    "na_reason": QT_TRANSLATE_NOOP("Merge", "Reason it does not apply"),
    "question": QT_TRANSLATE_NOOP("Merge", "Question"),
    "answer": QT_TRANSLATE_NOOP("Merge", "Answer"),
    "title": QT_TRANSLATE_NOOP("Merge", "Title"),
    "note": QT_TRANSLATE_NOOP("Merge", "Note"),
    "due_date": QT_TRANSLATE_NOOP("Merge", "Due date"),
    "text": QT_TRANSLATE_NOOP("Merge", "Finding"),
    "recommendation": QT_TRANSLATE_NOOP("Merge", "Recommendation"),
    "agencies": QT_TRANSLATE_NOOP("Merge", "Agencies"),
    "priority": QT_TRANSLATE_NOOP("Merge", "Priority"),
    "name": QT_TRANSLATE_NOOP("Merge", "Name"),
    "position": QT_TRANSLATE_NOOP("Merge", "Position"),
    "organisation": QT_TRANSLATE_NOOP("Merge", "Organisation"),
    "role": QT_TRANSLATE_NOOP("Merge", "Role"),
    "present": QT_TRANSLATE_NOOP("Merge", "Present"),
    "venue": QT_TRANSLATE_NOOP("Merge", "Venue"),
    "document_number": QT_TRANSLATE_NOOP("Merge", "Document number"),
    "status": QT_TRANSLATE_NOOP("Merge", "Status"),
}
_KINDS = {
    "both_changed": QT_TRANSLATE_NOOP("Merge", "Changed on both laptops."),
    "settled_differently": QT_TRANSLATE_NOOP(
        "Merge", "Settled differently on the two laptops in an earlier merge."
    ),
    "deleted_here": QT_TRANSLATE_NOOP(
        "Merge", "Deleted on this laptop, changed on the other one since."
    ),
    "deleted_there": QT_TRANSLATE_NOOP(
        "Merge", "Deleted on the other laptop, changed on this one since."
    ),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate("Merge", str(text))


def record_name(difference: Difference) -> str:
    """'Clarification GOV.1.1 · “Ada SK?”' in the interface language."""
    noun = _tr(_RECORDS[difference.record_type]) if difference.record_type in _RECORDS else ""
    return " ".join(x for x in (noun or difference.record_type, difference.subject) if x)


def field_name(field: str | None) -> str:
    if field is None:
        return QCoreApplication.translate("Merge", "the whole record")
    return _tr(_FIELDS[field]) if field in _FIELDS else field


def value_text(value: Any, field: str | None = None, record_type: str = "") -> str:
    """A stored value as people read it."""
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Merge", "Yes")
            if value
            else QCoreApplication.translate("Merge", "No")
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or NOTHING
    if isinstance(value, dict):  # a whole record: its readable fields
        shown = [f for f in _FIELDS if f in value and value[f] not in (None, "", [])]
        return "\n".join(f"{field_name(f)}: {value_text(value[f], f, record_type)}" for f in shown)
    if field == "status" and record_type in _STATUS:
        return _STATUS[record_type](str(value))
    if field == "role":
        return role_label(str(value))
    if field == "priority":
        return priority_label(str(value))
    if field == "due_date" and isinstance(value, str):
        try:
            return date_label(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _in_order(items: list[Any]) -> list[Any]:
    """By indicator code (the subject starts with it), then field."""
    return sorted(items, key=lambda d: (d.subject, d.field or ""))


class ConflictCard(QGroupBox):
    """One conflict: this laptop's value and the bundle's side by side, and a choice."""

    def __init__(self, conflict: Conflict, author: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{record_name(conflict)} — {field_name(conflict.field)}", parent)
        self.conflict = conflict
        layout = QGridLayout(self)
        why = QLabel(_tr(_KINDS[conflict.kind]))
        why.setStyleSheet("color: #7a4a00")
        layout.addWidget(why, 0, 0, 1, 2)
        self.group = QButtonGroup(self)
        ours_choice, theirs_choice = self._choice_labels(conflict)
        self.ours = QRadioButton(ours_choice)
        self.theirs = QRadioButton(theirs_choice)
        columns = (
            (QCoreApplication.translate("Merge", "This laptop"), conflict.ours, self.ours),
            (
                QCoreApplication.translate("Merge", "The bundle (%1)").replace("%1", author or "?"),
                conflict.theirs,
                self.theirs,
            ),
        )
        for column, (title, value, choice) in enumerate(columns):
            heading = QLabel(f"<b>{title}</b>")
            shown = QPlainTextEdit(
                value_text(value, conflict.field, conflict.record_type)
                if value is not None
                else QCoreApplication.translate("Merge", "(deleted)")
            )
            shown.setReadOnly(True)
            shown.setMaximumHeight(90)
            layout.addWidget(heading, 1, column)
            layout.addWidget(shown, 2, column)
            layout.addWidget(choice, 3, column)
            self.group.addButton(choice)
        self.edit: QRadioButton | None = None
        self.text: QPlainTextEdit | None = None
        if conflict.editable:
            self.edit = QRadioButton(QCoreApplication.translate("Merge", "Write it anew:"))
            self.text = QPlainTextEdit(str(conflict.ours or ""))
            self.text.setMaximumHeight(70)
            self.text.setEnabled(False)
            self.edit.toggled.connect(self.text.setEnabled)
            self.group.addButton(self.edit)
            layout.addWidget(self.edit, 4, 0, 1, 2)
            layout.addWidget(self.text, 5, 0, 1, 2)

    @staticmethod
    def _choice_labels(conflict: Conflict) -> tuple[str, str]:
        if conflict.kind == "deleted_here":
            return QCoreApplication.translate(
                "Merge", "Keep it deleted"
            ), QCoreApplication.translate("Merge", "Restore it")
        if conflict.kind == "deleted_there":
            return QCoreApplication.translate("Merge", "Keep it"), QCoreApplication.translate(
                "Merge", "Delete it"
            )
        return QCoreApplication.translate(
            "Merge", "Keep this laptop's"
        ), QCoreApplication.translate("Merge", "Take the bundle's")

    def choice(self) -> Resolution | None:
        if self.ours.isChecked():
            return "ours"
        if self.theirs.isChecked():
            return "theirs"
        if self.edit is not None and self.edit.isChecked() and self.text is not None:
            return Edit(self.text.toPlainText().strip())
        return None


class MergeDialog(QDialog):
    """Preview of a merge, then its conflicts; ``resolutions()`` once accepted."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert preview.plan is not None
        self.plan = preview.plan
        self.setWindowTitle(self.tr("Merge a bundle"))
        self.resize(860, 620)
        head = QLabel(
            self.tr("The bundle from %1 holds work on %2 %3 that this laptop does not have yet.")
            .replace("%1", preview.author or "?")
            .replace("%2", preview.region)
            .replace("%3", str(preview.year))
        )
        head.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._summary_page())
        self.cards = [ConflictCard(c, preview.author) for c in _in_order(self.plan.conflicts)]
        self.pages.addWidget(self._conflicts_page())
        self.buttons = QDialogButtonBox()
        self.back = self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole)
        self.next = self.buttons.addButton(
            self.tr("Settle %n conflict(s)…", "", len(self.cards)),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.merge = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(
            QCoreApplication.translate("Dialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.back.clicked.connect(lambda: self._show(0))
        self.next.clicked.connect(lambda: self._show(1))
        self.merge.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for card in self.cards:
            card.group.buttonToggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.pages, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._show(0)

    def _summary_page(self) -> QWidget:
        tree = QTreeWidget()
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("What"), self.tr("This laptop"), self.tr("The bundle")])
        sections = (
            (self.tr("Added from the bundle"), self.plan.added),
            (self.tr("Taken from the bundle"), self.plan.changed),
            (self.tr("Deleted, as on the other laptop"), self.plan.removed),
            (self.tr("Kept: changed on this laptop since"), self.plan.kept),
            (self.tr("Conflicts: you choose"), self.plan.conflicts),
        )
        for title, items in sections:
            if not items:
                continue
            top = QTreeWidgetItem([f"{title} ({len(items)})"])
            for d in _in_order(items):
                what = record_name(d) + (f" — {field_name(d.field)}" if d.field else "")
                row = QTreeWidgetItem([what, self._short(d.ours, d), self._short(d.theirs, d)])
                row.setToolTip(0, what)
                for column, value in ((1, d.ours), (2, d.theirs)):
                    if value is not None:
                        row.setToolTip(column, value_text(value, d.field, d.record_type))
                top.addChild(row)
            tree.addTopLevelItem(top)
            top.setExpanded(len(items) <= 12)
        tree.header().resizeSection(0, 340)
        tree.header().resizeSection(1, 230)
        self.summary = tree
        return tree

    @staticmethod
    def _short(value: Any, d: Difference) -> str:
        text = (
            " ".join(value_text(value, d.field, d.record_type).split())
            if value is not None
            else NOTHING
        )
        return text if len(text) <= 60 else text[:59] + "…"

    def _conflicts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        quick = QHBoxLayout()
        all_ours = QPushButton(self.tr("Keep all of this laptop's"))
        all_theirs = QPushButton(self.tr("Take all of the bundle's"))
        all_ours.clicked.connect(lambda: self.choose_all("ours"))
        all_theirs.clicked.connect(lambda: self.choose_all("theirs"))
        quick.addWidget(all_ours)
        quick.addWidget(all_theirs)
        quick.addStretch(1)
        layout.addLayout(quick)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        cards = QVBoxLayout(inner)
        for card in self.cards:
            cards.addWidget(card)
        cards.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        return page

    def choose_all(self, side: str) -> None:
        for card in self.cards:
            (card.ours if side == "ours" else card.theirs).setChecked(True)

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update()

    def _update(self) -> None:
        on_conflicts = self.pages.currentIndex() == 1
        self.back.setVisible(on_conflicts)
        self.next.setVisible(bool(self.cards) and not on_conflicts)
        self.merge.setVisible(not self.cards or on_conflicts)
        open_ = sum(card.choice() is None for card in self.cards)
        self.merge.setEnabled(open_ == 0)
        self.problem.setText(
            self.tr("%n conflict(s) still need a choice.", "", open_)
            if on_conflicts and open_
            else ""
        )
        self.merge.setDefault(True)

    def resolutions(self) -> dict[str, Resolution]:
        chosen = {card.conflict.key: card.choice() for card in self.cards}
        return {key: value for key, value in chosen.items() if value is not None}
