"""The sessions on this laptop as a table: one row per session, newest first."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import SessionRow, list_sessions
from evaluator_app.ui.labels import (
    date_label,
    progress_label,
    stage_label,
    status_label,
)

Index = QModelIndex | QPersistentModelIndex


class SessionListModel(QAbstractTableModel):
    REGION, STAGE, YEAR, DATE, PROGRESS, STATUS = range(6)
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[SessionRow] = list_sessions(ctx)
        self.loaded_at = time.monotonic()

    def refresh(self) -> None:
        """Reload from the store (read first, so a failed read leaves the table as it was)."""
        rows = list_sessions(self._ctx)
        self.loaded_at = time.monotonic()
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def session_row(self, row: int) -> SessionRow:
        return self._rows[row]

    def row_of(self, session_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == session_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Region"),
            self.tr("Stage"),
            self.tr("Year"),
            self.tr("Date"),
            self.tr("Progress"),
            self.tr("Status"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        session = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(session, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REGION:
            return session.region  # the column may be too narrow for a long name
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.REGION:
            return Qt.AlignmentFlag.AlignCenter
        if role == self.SessionIdRole:
            return session.id
        return None

    def _text(self, session: SessionRow, column: int) -> str | None:
        if column == self.REGION:
            return session.region
        if column == self.STAGE:
            return stage_label(session.stage)
        if column == self.YEAR:
            return str(session.year)
        if column == self.DATE:
            local = session.local_start  # the date as read in the meeting's own zone
            return date_label(local.date()) if local else ""
        if column == self.PROGRESS:
            return progress_label(session.done, session.total)
        if column == self.STATUS:
            return status_label(session.status)
        return None
