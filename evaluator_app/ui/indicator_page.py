"""The indicator under discussion: what it asks, its levels, and everything said about it.

The page follows ``controller.current``.  At the top the code, title and
description, with the guiding questions and expected evidence folded away so
that the level criteria stay in view on a laptop screen; then the levels side
by side (click one to settle it), N/A with its reason and the evaluators'
ratings; below, the notes beside the clarifications, evidence and findings.
Every field stores itself (``AutosaveText``); a reload never overwrites text
that is still being typed.  Files dropped anywhere on the page become evidence.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedLayout,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import assessments
from evaluator_app.services.indicator_view import indicator_detail
from evaluator_app.services.operation import Context
from evaluator_app.services.walkthrough import IndicatorDetail
from evaluator_app.ui.autosave import AutosaveText
from evaluator_app.ui.clarifications_view import ClarificationsView
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.evidence_view import EvidenceView, Opener
from evaluator_app.ui.findings_view import FindingsList
from evaluator_app.ui.labels import indicator_status_label
from evaluator_app.ui.layout_batch import one_layout_pass
from evaluator_app.ui.level_picker import LevelPicker, LevelText
from evaluator_app.ui.ratings_panel import RatingsPanel
from evaluator_app.ui.selectable_label import WrappedLabel


def _succeeds(service: Callable[..., Any]) -> Callable[..., bool]:
    """``service`` returning True when done (the controller returns None on refusal)."""

    def run(ctx: Context, *args: Any) -> bool:
        service(ctx, *args)
        return True

    return run


class _FileDrops(QObject):
    """Files dropped on a text field become evidence instead of text (their path)."""

    def __init__(self, page: IndicatorPage, widget: QWidget) -> None:
        super().__init__(widget)
        self.page = page
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            drop: QDropEvent = event  # type: ignore[assignment]
            if self.page.evidence.can_take(drop.mimeData()):
                drop.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.page.attach_dropped(drop)
                return True
        return False


class IndicatorPage(QWidget):
    """The centre of the session window; see the module's docstring.

    The window calls ``set_agreed_level`` (number keys), ``start_new_question``
    (Ctrl+Enter) and ``flush`` (before closing); ``opener`` opens evidence files
    and links (``QDesktopServices.openUrl`` unless a test passes its own).
    """

    def __init__(
        self,
        controller: SessionController,
        opener: Opener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.code: str | None = None
        self.detail: IndicatorDetail | None = None
        self._na_pending = False  # "not applicable" ticked, its reason not given yet
        self._guidance_lists: tuple[list[str], list[str]] | None = None  # not written yet
        self._applied_editable: bool | None = None  # as the controls were last set

        # --- what the indicator asks ---
        self.heading = WrappedLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status = QComboBox()
        for status, caption in self._status_labels().items():
            self.status.addItem(caption, status)
        self.status.activated.connect(
            lambda index: self.set_status(str(self.status.itemData(index)))
        )
        status_caption = QLabel(self.tr("Status:"))
        status_caption.setBuddy(self.status)
        status_row = QHBoxLayout()
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addLayout(status_row)
        header.setAlignment(status_row, Qt.AlignmentFlag.AlignTop)

        self.description = WrappedLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_time = WrappedLabel()  # the region's previous session: its level and notes
        self.last_time.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.guidance_toggle = QToolButton()
        self.guidance_toggle.setCheckable(True)
        self.guidance_toggle.setAutoRaise(True)
        self.guidance_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidance_toggle.toggled.connect(self._show_guidance)
        self.questions = QLabel()
        self.expected = QLabel()
        for label in (self.questions, self.expected):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.guidance = QWidget()
        guidance_layout = QHBoxLayout(self.guidance)
        guidance_layout.setContentsMargins(18, 0, 0, 0)
        guidance_layout.addWidget(self.questions, 1)
        guidance_layout.addWidget(self.expected, 1)
        self.guidance.setVisible(False)

        # --- the levels ---
        self.levels = LevelPicker()
        self.levels.agreed_chosen.connect(self.set_agreed_level)
        self.levels.self_chosen.connect(self.set_self_level)
        self.not_applicable = QCheckBox(self.tr("Not applicable"))
        self.not_applicable.setToolTip(
            self.tr("The indicator does not apply here; it drops out of its group's score")
        )
        self.not_applicable.clicked.connect(self._not_applicable_clicked)
        self.na_reason = QLineEdit()
        self.na_reason.setPlaceholderText(self.tr("Why it does not apply (required)"))
        self.na_reason.setMinimumWidth(160)
        self.na_autosave = AutosaveText(self.na_reason, self._store_na_reason)
        self.ratings = RatingsPanel(controller)
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText(
            self.tr("Why this level: a sentence for the record, e.g. where the evaluators differed")
        )
        self.rationale_autosave = AutosaveText(self.rationale, self._store_rationale)
        self.levels.footer.addSpacing(12)
        self.levels.footer.addWidget(self.not_applicable)
        self.levels.footer.addWidget(self.na_reason, 1)

        # --- what is said about it ---
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes on this indicator: stored as you type"))
        self.notes_autosave = AutosaveText(self.notes, self._store_notes)
        _FileDrops(self, self.notes.viewport())
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(6, 6, 6, 6)
        notes_layout.addWidget(self.notes)

        self.clarifications = ClarificationsView(controller)
        self.evidence = EvidenceView(controller, opener)
        # Fed from the detail read below: one read of the indicator per switch.
        self.findings = FindingsList(controller, indicator_only=True, fed=True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.clarifications, "")
        self.tabs.addTab(self.evidence, "")
        self.tabs.addTab(self.findings, "")

        self.discussion = QSplitter(Qt.Orientation.Horizontal)
        self.discussion.addWidget(notes_box)
        self.discussion.addWidget(self.tabs)
        self.discussion.setStretchFactor(0, 2)
        self.discussion.setStretchFactor(1, 3)
        self.discussion.setChildrenCollapsible(False)

        self.content = content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.description)
        layout.addWidget(self.last_time)
        guidance_row = QHBoxLayout()
        guidance_row.addWidget(self.guidance_toggle)
        guidance_row.addStretch(1)
        guidance_row.addWidget(self.ratings)
        layout.addLayout(guidance_row)
        layout.addWidget(self.guidance)
        layout.addWidget(self.levels)
        layout.addWidget(self.rationale)
        layout.addWidget(self.discussion, 1)

        self.placeholder = QLabel(self.tr("Choose an indicator in the list to discuss it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # The page holds its body by hand, not in a layout: see ``event``.
        self.body = QWidget(self)
        self.stack = QStackedLayout(self.body)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        self._minimum = self.body.minimumSizeHint()

        controller.current_changed.connect(self.show_indicator)
        controller.changed.connect(self.reload)
        self.setAcceptDrops(True)
        if controller.current is not None:
            self.show_indicator(controller.current)
        else:
            self._apply_editable()

    # --- the page's size ---------------------------------------------------

    def sizeHint(self) -> QSize:
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.body.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # New texts lay the body out again.  Passed on to the window as it is, that
        # made the window's tab widget lay itself out and repaint all it holds,
        # unchanged controls and frames included, at every switch (issue 9).  The
        # window hears of it only when the page cannot be as small as before.
        if event.type() == QEvent.Type.LayoutRequest:
            minimum = self.body.minimumSizeHint()
            if minimum != self._minimum:
                self._minimum = minimum
                self.updateGeometry()
            return True
        return super().event(event)

    def _status_labels(self) -> dict[str, str]:
        states = ("not_started", "in_discussion", "done", "deferred")
        return {state: indicator_status_label(state) for state in states}

    # --- showing ----------------------------------------------------------

    def show_indicator(self, code: str) -> None:
        """Show indicator ``code`` (text still being typed for the previous one is stored)."""
        self.flush()
        # Every label, tag and button that is shown or hidden while the page is
        # filled would lay out the whole page there and then (Qt activates the
        # layouts of all ancestors of a widget being shown), measuring the new
        # texts again each time: the page is laid out once, afterwards (issue 9).
        with one_layout_pass(self.content, self.clarifications, self.evidence):
            self._show_indicator(code)

    def _show_indicator(self, code: str) -> None:
        self.code = code
        self._na_pending = False
        indicator = self.controller.framework.indicator(code)
        text = self.controller.text
        self.heading.setText(f"{indicator.code}  {text(indicator.title)}")
        self.description.setText(text(indicator.description))
        self.description.setVisible(indicator.description is not None)
        self._show_last_time(code)

        questions = [text(q) for q in indicator.guiding_questions]
        expected = [text(e) for e in indicator.expected_evidence]
        # Written into their (rich text) labels when the fold is opened, not at every
        # switch behind a closed fold.
        self._guidance_lists = (questions, expected)
        toggle = (
            self.tr("Guiding questions (%1) and expected evidence (%2)")
            .replace("%1", str(len(questions)))
            .replace("%2", str(len(expected)))
        )
        if self.guidance_toggle.text() != toggle:  # a new text lays the row out again
            self.guidance_toggle.setText(toggle)
        # Hidden, not removed: the row also holds the ratings.
        self.guidance_toggle.setEnabled(bool(questions or expected))
        self._show_guidance(self.guidance_toggle.isChecked())

        scale = self.controller.framework.scale
        self.levels.show_levels(
            [
                LevelText(
                    level.value,
                    text(level.name),
                    text(indicator.levels.get(level.value)),
                    text(level.description),
                )
                for level in scale
            ]
        )
        self.stack.setCurrentIndex(1)
        self.reload()

    @staticmethod
    def _bullets(title: str, items: list[str]) -> str:
        rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
        return f"<b>{html.escape(title)}</b><ul style='margin-left:-20px'>{rows}</ul>"

    def _show_guidance(self, shown: bool) -> None:
        shown = shown and self.guidance_toggle.isEnabled()
        if shown and self._guidance_lists is not None:
            questions, expected = self._guidance_lists
            self._guidance_lists = None
            self.questions.setText(self._bullets(self.tr("Guiding questions"), questions))
            self.expected.setText(self._bullets(self.tr("Expected evidence"), expected))
            self.questions.setVisible(bool(questions))
            self.expected.setVisible(bool(expected))
        self.guidance.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        if self.guidance_toggle.arrowType() != arrow:  # setting it lays the row out again
            self.guidance_toggle.setArrowType(arrow)

    def reload(self) -> None:
        """Read the indicator again; text being typed is left as it is."""
        if self.code is None:
            self.findings.show_findings([])
            self._apply_editable()
            return
        ctx, session_id = self.controller.ctx, self.controller.session_id
        self.detail = detail = indicator_detail(ctx, session_id, self.code)
        state = detail.state
        self.levels.show_marks(state.agreed_level, state.self_level, state.not_applicable)
        blocked = self.status.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(state.status), 0))
        self.status.blockSignals(blocked)

        if state.not_applicable:
            self._na_pending = False
        self.not_applicable.setChecked(state.not_applicable or self._na_pending)
        if not self.na_autosave.pending:
            self.na_autosave.load(detail.na_reason)
        if not self.notes_autosave.pending:
            self.notes_autosave.load(state.notes)
        if not self.rationale_autosave.pending:
            self.rationale_autosave.load(detail.rationale)

        self.ratings.show_ratings(self.code, detail.ratings, not self.controller.read_only)

        self.clarifications.refresh_people()
        self.clarifications.show_clarifications(self.code, detail.clarifications)
        self.evidence.show_evidence(self.code, detail.evidence)
        self.findings.show_findings(detail.findings)
        self._update_tab_titles(detail)
        self._apply_editable()

    def _set_tab_text(self, widget: QWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if self.tabs.tabText(index) != title:  # a new title lays the tab bar out again
            self.tabs.setTabText(index, title)

    def _update_tab_titles(self, detail: IndicatorDetail) -> None:
        questions = len(detail.clarifications)
        still_open = sum(1 for c in detail.clarifications if c.status == "open")
        title = self.tr("Clarifications (%1)").replace("%1", str(questions))
        if still_open:
            title += " · " + self.tr("%1 open").replace("%1", str(still_open))
        self._set_tab_text(self.clarifications, title)
        pieces = len(detail.evidence)
        pending = sum(1 for e in detail.evidence if e.status == "pending")
        title = self.tr("Evidence (%1)").replace("%1", str(pieces))
        if pending:
            title += " · " + self.tr("%1 pending").replace("%1", str(pending))
        self._set_tab_text(self.evidence, title)
        self._set_tab_text(
            self.findings, self.tr("Findings (%1)").replace("%1", str(len(detail.findings)))
        )

    @property
    def editable(self) -> bool:
        return self.code is not None and not self.controller.read_only

    def _apply_editable(self) -> None:
        """A signed session stays legible: texts turn read-only, controls are disabled."""
        editable = self.editable
        self.na_reason.setEnabled(self.not_applicable.isChecked())
        # The lists keep their new rows as editable as they were told last; the rest is
        # set when it changes (a read-only text field tells its document, at each switch).
        if editable == self._applied_editable:
            return
        self._applied_editable = editable
        self.levels.set_editable(editable)
        self.status.setEnabled(editable)
        self.not_applicable.setEnabled(editable)
        self.na_reason.setReadOnly(not editable)
        self.notes.setReadOnly(not editable)
        self.rationale.setReadOnly(not editable)
        self.clarifications.set_editable(editable)
        self.evidence.set_editable(editable)
        self.setAcceptDrops(editable)

    # --- storing ----------------------------------------------------------

    def _call(self, service: Callable[..., Any], *args: Any) -> bool:
        if not self.editable:
            return False
        return bool(
            self.controller.call(_succeeds(service), self.controller.session_id, self.code, *args)
        )

    def set_agreed_level(self, value: int | None) -> bool:
        """Settle the current indicator at level ``value`` (None clears it); the number keys
        call this.  False when there is nothing to set or the level is not on the scale."""
        if value is not None and value not in self.controller.framework.level_values():
            return False
        return self._call(assessments.set_agreed_level, value)

    def set_self_level(self, value: int | None) -> bool:
        return self._call(assessments.set_self_level, value)

    def set_status(self, status: str) -> bool:
        return self._call(assessments.set_status, status)

    def mark_not_applicable(self, reason: str) -> bool:
        """N/A with a reason; refused (and the service's message shown) without one."""
        return self._call(assessments.set_not_applicable, reason)

    def clear_not_applicable(self) -> bool:
        self._na_pending = False
        return self._call(assessments.clear_not_applicable)

    def _not_applicable_clicked(self, checked: bool) -> None:
        if not checked:
            self.na_autosave.load("")
            if self.detail is not None and self.detail.state.not_applicable:
                self.clear_not_applicable()
            else:
                self._na_pending = False
                self._apply_editable()
            return
        if self.na_reason.text().strip():
            self.mark_not_applicable(self.na_reason.text())
            return
        # Stored once the reason is typed (the field saves itself).
        self._na_pending = True
        self.na_reason.setEnabled(True)
        self.na_reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _store_na_reason(self, reason: str) -> None:
        stored = self.detail is not None and self.detail.state.not_applicable
        if reason.strip() or stored:
            # An empty reason for an N/A indicator is refused with the service's message.
            self.mark_not_applicable(reason)

    def _show_last_time(self, code: str) -> None:
        earlier = self.controller.earlier()
        before = earlier.indicators.get(code) if earlier is not None else None
        self.last_time.setVisible(before is not None)
        if earlier is None or before is None:
            return
        if before.not_applicable:
            level = self.tr("not applicable")
        elif before.agreed_level is None:
            level = self.tr("no agreed level")
        else:
            scale = self.controller.framework.scale
            names = {lv.value: self.controller.text(lv.name) for lv in scale}
            level = (
                self.tr("level %1 (%2)")
                .replace("%1", str(before.agreed_level))
                .replace("%2", names.get(before.agreed_level, ""))
            )
        when = str(earlier.earlier_year) + ("" if earlier.earlier_stage >= 2 else " (I)")
        line = self.tr("Last time (%1): %2").replace("%1", when).replace("%2", level)
        notes = " ".join(before.notes.split())
        self.last_time.setText(f"{line}. {notes}" if notes else f"{line}.")

    def _store_notes(self, notes: str) -> None:
        self._call(assessments.set_notes, notes)

    def _store_rationale(self, rationale: str) -> None:
        self._call(assessments.set_rationale, rationale)

    def flush(self) -> None:
        """Store text still being typed (before switching indicator or closing)."""
        self.notes_autosave.flush()
        self.na_autosave.flush()
        self.rationale_autosave.flush()

    def start_new_question(self) -> None:
        """Show the clarifications and put the cursor in the new-question field (Ctrl+Enter)."""
        if self.code is None:
            return
        self.tabs.setCurrentWidget(self.clarifications)
        self.clarifications.start_new_question()

    # --- files dropped on the page ----------------------------------------

    def attach_files(self, paths: Iterable[Path]) -> list[str]:
        """Attach files to the current indicator and show the evidence; the new ids."""
        attached = self.evidence.attach_paths(paths) if self.editable else []
        if attached:
            self.tabs.setCurrentWidget(self.evidence)
        return attached

    def attach_dropped(self, event: QDropEvent) -> list[str]:
        if not self.editable or not self.evidence.can_take(event.mimeData()):
            return []
        event.acceptProposedAction()
        attached = self.evidence.take_drop(event.mimeData())
        if attached:
            self.tabs.setCurrentWidget(self.evidence)
        return attached

    def _drag(self, event: QDragMoveEvent) -> None:
        if self.editable and self.evidence.can_take(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.attach_dropped(event):
            event.ignore()
