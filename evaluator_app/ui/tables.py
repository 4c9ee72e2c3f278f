"""Common look of the read-only tables: whole rows, no editing, room around the text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

# pixels around a cell's text, so that content-sized columns and rows do not crowd
PADDING = QSize(10, 3)


class PaddedDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return super().sizeHint(option, index) + PADDING * 2


def read_only_table(view: QTableView, stretch_column: int = 0) -> None:
    """Rows selected whole, nothing edited, columns sized to their text but one stretching."""
    view.setItemDelegate(PaddedDelegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def natural_width(view: QTableView) -> int:
    """The width that shows every column whole, without a horizontal scroll bar."""
    header = view.horizontalHeader()
    columns = sum(
        max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(header.count())
    )
    return columns + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
