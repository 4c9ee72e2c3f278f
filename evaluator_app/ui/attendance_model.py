"""The attendance of the open session as an editable table: one row per person,
and the list of roles that edits a person's role.

Every edit is a service call through the controller (``edit_participant``), so
it is stored, audited and undoable at once; the table then shows what was
stored.  A refused edit (a NIP that is not 18 digits) leaves the stored value
in the cell and is announced through ``refused`` for the panel to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from evaluator_app.services.participants import ROLES, ParticipantDetails, edit_participant
from evaluator_app.services.sessions import ParticipantRow
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import role_label
from evaluator_app.ui.tables import PaddedDelegate

Index = QModelIndex | QPersistentModelIndex


def nip_label(nip: str | None) -> str:
    """An 18-digit NIP as it is printed: '19650312 199003 1 008' (birth date, start, sex, no.)."""
    if not nip:
        return ""
    if len(nip) != 18 or not nip.isdigit():
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def run_service(
    controller: SessionController, service: Callable[..., Any], *args: Any
) -> tuple[str | None, Any]:
    """The service's refusal (shown here, beside the table) and its result."""
    return controller.call_quietly(service, *args)


class AttendanceModel(QAbstractTableModel):
    NAME, NIP, POSITION, ORGANISATION, ROLE, PRESENT = range(6)
    ParticipantIdRole = Qt.ItemDataRole.UserRole + 1

    refused = Signal(str, str)  # whose edit the services refused, and why in their words
    stored = Signal()  # an edit made here was stored

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._rows: list[ParticipantRow] = list(controller.overview.participants)
        controller.changed.connect(self.reload)

    # --- reading ---------------------------------------------------------------

    def participant(self, row: int) -> ParticipantRow:
        return self._rows[row]

    def participants(self) -> list[ParticipantRow]:
        return list(self._rows)

    def row_of(self, participant_id: str) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.id == participant_id), None)

    def reload(self) -> None:
        """Show the controller's (just reloaded) attendance, disturbing the view as little
        as the change allows: changed cells, appended rows, or a reset."""
        rows = list(self.controller.overview.participants)
        old_ids = [p.id for p in self._rows]
        new_ids = [p.id for p in rows]
        if new_ids[: len(old_ids)] != old_ids:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        changed = [
            r for r, (old, new) in enumerate(zip(self._rows, rows, strict=False)) if old != new
        ]
        if len(rows) > len(self._rows):
            self.beginInsertRows(QModelIndex(), len(self._rows), len(rows) - 1)
            self._rows = rows
            self.endInsertRows()
        else:
            self._rows = rows
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = (
                self.tr("Name"),
                self.tr("NIP"),
                self.tr("Position"),
                self.tr("Organisation"),
                self.tr("Role"),
                self.tr("Present"),
            )
            return headers[section] if 0 <= section < len(headers) else None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.NIP:
            return self.tr("Civil-servant number: 18 digits; leave it empty for guests")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.controller.read_only:
            return flags
        if index.column() == self.PRESENT:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == self.ParticipantIdRole:
            return person.id
        if column == self.PRESENT:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Present") if person.present else self.tr("Absent")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NIP:
                return nip_label(person.nip)
            if column == self.ROLE:
                return role_label(person.role)
            return self._text(person, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.NIP:
                return person.nip or ""
            if column == self.ROLE:
                return person.role
            return self._text(person, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.NAME,
            self.POSITION,
            self.ORGANISATION,
        ):
            return self._text(person, column) or None  # for a cell too narrow for its text
        return None

    def _text(self, person: ParticipantRow, column: int) -> str:
        return {
            self.NAME: person.name,
            self.POSITION: person.position,
            self.ORGANISATION: person.organisation,
        }.get(column, "")

    # --- editing ---------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        person = self._rows[index.row()]
        details = self._details(index.column(), value, role)
        if details is None:
            return False
        if role == Qt.ItemDataRole.EditRole and str(value) == str(self.data(index, role)):
            return True  # an editor closed without a change: nothing to store or to undo
        refusal, _ = run_service(self.controller, edit_participant, person.id, details)
        if refusal is not None:
            # Nothing changed in the store: the cell shows the stored value again.
            self.dataChanged.emit(index, index)
            self.refused.emit(person.name, refusal)
            return False
        self.stored.emit()
        return True

    def _details(self, column: int, value: Any, role: int) -> ParticipantDetails | None:
        if column == self.PRESENT:
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            return ParticipantDetails(present=Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return None
        text = "" if value is None else str(value)
        if column == self.NAME:
            return ParticipantDetails(name=text)
        if column == self.NIP:
            return ParticipantDetails(nip=text)
        if column == self.POSITION:
            return ParticipantDetails(position=text)
        if column == self.ORGANISATION:
            return ParticipantDetails(organisation=text)
        if column == self.ROLE:
            return ParticipantDetails(role=text)
        return None


def role_combo(parent: QWidget | None = None) -> QComboBox:
    """The roles in people's words; each item's data is the role's code."""
    combo = QComboBox(parent)
    for role in ROLES:
        combo.addItem(role_label(role), role)
    return combo


class RoleDelegate(PaddedDelegate):
    """Edits the role with a list of roles; choosing one stores it at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = role_combo(parent)
        # A choice is a complete edit: store it without waiting for Enter or a click away.
        combo.activated.connect(lambda _row: self._choose(combo))
        return combo

    def _choose(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        row = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(row, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
