"""Attendance: who is in the meeting, typed in quickly and corrected in place.

A form line on top adds people by keyboard alone (Enter adds, the cursor goes
back to the name for the next person); the table below edits in place; Delete
removes the selected people (the session's undo brings them back); the people of
an earlier session of the same region can be copied in one go.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.participants import (
    ParticipantDetails,
    add_participant,
    copy_attendance,
    normalise_nip,
    remove_participant,
)
from evaluator_app.services.sessions import SessionRow, list_sessions
from evaluator_app.ui.attendance_model import AttendanceModel, RoleDelegate, role_combo, run_service
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import date_label, stage_label, status_label
from evaluator_app.ui.tables import PaddedDelegate

# Messages beside the table: a refusal must not be missed, a confirmation may be.
PROBLEM_STYLE = (
    "QLabel { background: #fdecea; color: #7a1010; border: 1px solid #e3a5a0;"
    " border-radius: 3px; padding: 4px 8px; }"
)
INFO_STYLE = (
    "QLabel { background: #edf5ea; color: #24461a; border: 1px solid #b3d1a6;"
    " border-radius: 3px; padding: 4px 8px; }"
)


class AttendancePanel(QWidget):
    """The attendance tab of the session window."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = AttendanceModel(controller, self)
        self.model.refused.connect(self._edit_refused)
        self.model.stored.connect(self.clear_message)

        self.summary = QLabel()
        self.copy_menu = QMenu(self)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_button = QPushButton(self.tr("Copy attendance from…"))
        self.copy_button.setToolTip(
            self.tr("Add the people of an earlier session of the same region")
        )
        self.copy_button.setMenu(self.copy_menu)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.setToolTip(self.tr("Remove the selected people (Delete key)"))
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.remove_button)

        self.form = self._build_form()
        self.read_only_note = QLabel(
            self.tr("This session is signed: its attendance can be read but not changed.")
        )
        self.read_only_note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self._set_up_table()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self.controller.changed.connect(self.reload)
        self.reload()
        participants = self.model.participants()
        # The next person is most often of the same kind as the last one typed.
        last_role = participants[-1].role if participants else "lead_evaluator"
        self.role.setCurrentIndex(max(self.role.findData(last_role), 0))

    # --- building --------------------------------------------------------------

    def _build_form(self) -> QWidget:
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name with titles"))
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digits or empty"))
        # room for a whole NIP as people type it, spaces included
        nip_width = self.nip.fontMetrics().horizontalAdvance("0" * 21 + "  ")
        self.nip.setMinimumWidth(nip_width)
        self.position = QLineEdit()
        self.organisation = QLineEdit()
        self.role = role_combo()
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setToolTip(self.tr("Add this person (Enter)"))
        self.add_button.clicked.connect(self.add_from_form)
        fields: list[tuple[str, QWidget, int]] = [
            (self.tr("&Name"), self.name, 3),
            (self.tr("N&IP"), self.nip, 2),
            (self.tr("P&osition"), self.position, 3),
            (self.tr("Organisa&tion"), self.organisation, 3),
            (self.tr("Ro&le"), self.role, 0),
        ]
        for column, (text, field, stretch) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
            grid.setColumnStretch(column, stretch)
        grid.addWidget(self.add_button, 1, len(fields))
        for edit in (self.name, self.nip, self.position, self.organisation):
            edit.returnPressed.connect(self.add_from_form)
        self.role.installEventFilter(self)  # Enter on the role list adds too
        for earlier, later in zip(
            [self.name, self.nip, self.position, self.organisation, self.role],
            [self.nip, self.position, self.organisation, self.role, self.add_button],
            strict=True,
        ):
            QWidget.setTabOrder(earlier, later)
        self.position_completer = QCompleter([], self)
        self.organisation_completer = QCompleter([], self)
        for edit, completer in (
            (self.position, self.position_completer),
            (self.organisation, self.organisation_completer),
        ):
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return form

    def _set_up_table(self) -> None:
        table = self.table
        table.setItemDelegate(PaddedDelegate(table))
        table.setItemDelegateForColumn(AttendanceModel.ROLE, RoleDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setAlternatingRowColors(True)
        # A long position wraps onto a second line rather than hiding behind an ellipsis.
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Positions and organisations share what is left; names and numbers are shown whole.
        for column in (AttendanceModel.POSITION, AttendanceModel.ORGANISATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.installEventFilter(self)  # the Delete key
        table.selectionModel().selectionChanged.connect(self._update_buttons)

    # --- showing ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_form()  # opening the tab means someone is about to be typed in

    def focus_form(self) -> None:
        """Put the cursor in the name field, ready for the next person."""
        focus = self.focusWidget()
        if self.controller.read_only or (focus is not None and self.form.isAncestorOf(focus)):
            return
        self.name.setFocus()

    def reload(self) -> None:
        """Follow the session: counts, suggestions, and whether it may be changed."""
        people = self.model.participants()
        present = sum(1 for p in people if p.present)
        self.summary.setText(
            self.tr("%1 people, %2 present")
            .replace("%1", str(len(people)))
            .replace("%2", str(present))
        )
        self._suggest(self.position_completer, [p.position for p in people])
        self._suggest(self.organisation_completer, [p.organisation for p in people])
        read_only = self.controller.read_only
        self.form.setVisible(not read_only)
        self.read_only_note.setVisible(read_only)
        self.copy_button.setEnabled(not read_only)
        self._update_buttons()

    @staticmethod
    def _suggest(completer: QCompleter, values: list[str]) -> None:
        model = completer.model()
        words = sorted({v for v in values if v}, key=str.casefold)
        model.setStringList(words)  # type: ignore[attr-defined]

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(selected and not self.controller.read_only)

    def _edit_refused(self, name: str, refusal: str) -> None:
        self.show_problem(
            self.tr("Not saved for %1: %2").replace("%1", name).replace("%2", refusal)
        )

    def show_problem(self, text: str) -> None:
        """A refusal beside the table, in the services' words, until the next success."""
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setText(text)
        self.message.show()

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    # --- adding ----------------------------------------------------------------

    def add_from_form(self) -> str | None:
        """Add the person typed in the form line; returns the new id, None if refused."""
        if self.controller.read_only:
            return None
        if self._suggesting():
            # This Enter picks a suggestion (the line edit hears it first); the next one adds.
            return None
        name = self.name.text().strip()
        if not name:
            self.show_problem(self.tr("Not added: type the person's name first."))
            self.name.setFocus()
            return None
        details = ParticipantDetails(
            name=name,
            nip=self.nip.text(),
            position=self.position.text(),
            organisation=self.organisation.text(),
            role=self.role.currentData(),
        )
        refusal, participant_id = run_service(
            self.controller, add_participant, self.controller.session_id, details
        )
        if refusal is not None:
            self.show_problem(self.tr("Not added: %1").replace("%1", refusal))
            self._field_at_fault().setFocus()
            return None
        for edit in (self.name, self.nip, self.position, self.organisation):
            edit.clear()
        self.show_info(self.tr("Added %1.").replace("%1", name))
        row = self.model.row_of(participant_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self.name.setFocus()  # ready for the next person; the role stays as it was
        return str(participant_id)

    def _suggesting(self) -> bool:
        popups = (c.popup() for c in (self.position_completer, self.organisation_completer))
        return any(popup is not None and popup.isVisible() for popup in popups)

    def _field_at_fault(self) -> QWidget:
        try:
            normalise_nip(self.nip.text())
        except InvalidInput:
            self.nip.selectAll()
            return self.nip
        return self.name

    # --- removing --------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def remove_selected(self) -> int:
        """Remove the selected people (each an undoable operation); returns how many."""
        rows = self.selected_rows()
        if not rows or self.controller.read_only:
            return 0
        people = [self.model.participant(row) for row in rows]
        removed: list[str] = []
        for person in people:
            refusal, _ = run_service(self.controller, remove_participant, person.id)
            if refusal is not None:
                self.show_problem(self.tr("Not removed: %1").replace("%1", refusal))
                break
            removed.append(person.name)
        if removed:
            self.show_info(
                self.tr("Removed %1. Undo (Ctrl+Z) brings them back.").replace(
                    "%1", ", ".join(removed)
                )
            )
            # The next person is selected, so that Delete can be pressed again.
            remaining = self.model.rowCount()
            if remaining:
                self.table.selectRow(min(rows[0], remaining - 1))
        return len(removed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.table and event.matches(QKeySequence.StandardKey.Delete):
                self.remove_selected()
                return True
            if watched is self.role and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_from_form()
                return True
        return super().eventFilter(watched, event)

    # --- copying ---------------------------------------------------------------

    def earlier_sessions(self) -> list[SessionRow]:
        """The other sessions of this region on this laptop, newest first."""
        region = self.controller.overview.region.casefold()
        return [
            s
            for s in list_sessions(self.controller.ctx)
            if s.region.casefold() == region and s.id != self.controller.session_id
        ]

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        sessions = self.earlier_sessions()
        if not sessions:
            none = self.copy_menu.addAction(
                self.tr("No other session of %1 on this laptop").replace(
                    "%1", self.controller.overview.region
                )
            )
            none.setEnabled(False)
            return
        for session in sessions:
            local = session.local_start
            action = self.copy_menu.addAction(
                self.tr("%1 · stage %2 · %3 · %4")
                .replace("%1", str(session.year))
                .replace("%2", stage_label(session.stage))
                .replace("%3", date_label(local.date()) if local else "–")
                .replace("%4", status_label(session.status))
            )
            action.triggered.connect(lambda _=False, sid=session.id: self.copy_from(sid))

    def copy_from(self, session_id: str) -> int | None:
        """Add the people of that session who are not listed yet; returns how many."""
        refusal, added = run_service(
            self.controller, copy_attendance, session_id, self.controller.session_id
        )
        if refusal is not None:
            self.show_problem(self.tr("Not copied: %1").replace("%1", refusal))
            return None
        if added:
            self.show_info(
                self.tr("Copied %1 people; those already listed were left as they are.").replace(
                    "%1", str(added)
                )
            )
        else:
            self.show_info(self.tr("Everyone from that session is listed already."))
        return int(added)
