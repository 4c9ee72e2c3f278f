"""The selected session at a glance: details, index and predicate, dimensions, attendance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.sessions import SessionOverview
from evaluator_app.ui.labels import (
    NOTHING,
    date_label,
    progress_label,
    role_label,
    score_label,
    stage_label,
    status_label,
    time_label,
)
from evaluator_app.ui.tables import read_only_table


def _read_only_table(headers: list[str], stretch_column: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    read_only_table(table, stretch_column)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], centred: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # for a cell too narrow for its text
            if c in centred:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)


class SessionDetailsPanel(QWidget):
    """Shows one ``SessionOverview`` (read only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)

        self.framework = QLabel()
        self.stage = QLabel()
        self.date = QLabel()
        self.venue = QLabel()
        self.status = QLabel()
        self.index = QLabel()
        index_font = QFont(self.index.font())
        index_font.setPointSizeF(index_font.pointSizeF() * 1.3)
        index_font.setBold(True)
        self.index.setFont(index_font)
        self.predicate = QLabel()
        self.predicate.setFont(index_font)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        for label in (self.framework, self.venue, self.predicate):
            label.setWordWrap(True)
        for label in (self.title, self.framework, self.venue):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Framework:"), self.framework)
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Venue:"), self.venue)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Progress:"), self.progress)
        form.addRow(self.tr("Index:"), self.index)
        form.addRow(self.tr("Predicate:"), self.predicate)

        self.dimensions = _read_only_table(
            [self.tr("Dimension"), self.tr("Score"), self.tr("Settled")]
        )
        # A framework has a handful of dimensions: show them all, give the rest to attendance.
        self.dimensions.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.dimensions.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Names are shown whole; a long position or organisation gives way.
        self.participants = _read_only_table(
            [self.tr("Name"), self.tr("Position, organisation"), self.tr("Role")], stretch_column=1
        )
        dimensions_box = QGroupBox(self.tr("Dimensions"))
        QVBoxLayout(dimensions_box).addWidget(self.dimensions)
        self.participants_box = QGroupBox()
        QVBoxLayout(self.participants_box).addWidget(self.participants)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(dimensions_box)
        layout.addWidget(self.participants_box, 1)

    def show_overview(self, overview: SessionOverview, language: str) -> None:
        """Fill in ``overview``; ``language`` picks the framework's texts (title, predicate)."""
        self.title.setText(f"{overview.region} · {overview.year}")
        self.framework.setText(
            f"{overview.framework.title.get(language)} ({overview.framework.version})"
        )
        self.stage.setText(stage_label(overview.stage))
        local = overview.local_start
        if local is None:
            self.date.setText(NOTHING)
        else:
            zone = local.tzname() or overview.timezone  # WIB, WITA, WIT
            self.date.setText(f"{date_label(local.date(), long=True)}, {time_label(local)} {zone}")
        self.venue.setText(overview.venue or NOTHING)
        self.status.setText(status_label(overview.status))
        self.progress.setRange(0, max(overview.total, 1))
        self.progress.setValue(overview.done)
        self.progress.setFormat(progress_label(overview.done, overview.total))
        self.index.setText(score_label(overview.scores.index))
        predicate = overview.scores.predicate
        self.predicate.setText(predicate.name.get(language) if predicate else NOTHING)

        _fill(
            self.dimensions,
            [
                [f"{d.code} {d.title}", score_label(d.score), f"{d.done}/{d.indicators}"]
                for d in overview.dimensions
            ],
            centred={1, 2},
        )
        present = sum(1 for p in overview.participants if p.present)
        self.participants_box.setTitle(
            self.tr("Participants (%1 present of %2)")
            .replace("%1", str(present))
            .replace("%2", str(len(overview.participants)))
        )
        _fill(
            self.participants,
            [
                [p.name, self._position(p.position, p.organisation), role_label(p.role)]
                for p in overview.participants
            ],
            centred=set(),
        )

    @staticmethod
    def _position(position: str, organisation: str) -> str:
        return ", ".join(part for part in (position, organisation) if part)
