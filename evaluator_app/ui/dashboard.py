"""The dashboard: where the city stands and what is still open, at a glance.

The index and its predicate in large type; a radar of the dimensions and a bar
per sub-dimension, agreed against self-assessed; the walkthrough's progress and
the time against the planned end; the open clarifications and the evidence
still to come, each a click away from its indicator.  The numbers are
``services.dashboard``'s; this module only lays them out.

It is rebuilt only while it is shown: a change made while it is hidden marks
it stale, and it catches up when it is shown again, so that setting levels
stays quick with the dashboard closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.dashboard import (
    DashboardData,
    OpenItems,
    Previous,
    build_dashboard,
    change,
    open_items,
)
from evaluator_app.ui.bar_charts import Bar, BarGroup, GroupedBars, Meter, Segment, StackedBar
from evaluator_app.ui.charts import AGREED_COLOUR, MUTED_COLOUR, SELF_COLOUR, Series, chart_family
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import (
    NOTHING,
    change_label,
    date_label,
    indicator_status_label,
    local_time,
    score_label,
    time_label,
)
from evaluator_app.ui.radar_chart import AxisNote, RadarChart

CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the indicator a list row leads to

# Walkthrough statuses as the navigator colours them (darkened a little for white numbers).
PROGRESS_COLOURS = {
    "done": ("#23803f", "#ffffff"),
    "in_discussion": ("#e08a00", "#1b1f24"),
    "deferred": ("#3d6fd6", "#ffffff"),
    "not_started": ("#c9ccd2", "#1b1f24"),
}
OVERDUE_COLOUR = "#b3261e"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DashboardView(QWidget):
    """The dashboard of the controller's session; ``indicator_chosen`` after a list click."""

    indicator_chosen = Signal(str)

    def __init__(
        self,
        controller: SessionController,
        clock: Callable[[], dt.datetime] = _now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = clock
        self.data: DashboardData | None = None
        self.rebuilds = 0  # how often the data was gathered (tests hold the laziness to it)
        self._stale = True

        self.index_caption = QLabel(self.tr("Index"))
        self.index = QLabel(NOTHING)
        self.predicate = QLabel()
        self.self_index = QLabel()
        self.previous_index = QLabel()  # year over year, when there is an earlier session
        for label in (self.index_caption, self.self_index):
            label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.index.setStyleSheet(f"color: {AGREED_COLOUR};")
        self.index.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        score = QGridLayout()
        score.setContentsMargins(0, 0, 0, 0)
        score.setHorizontalSpacing(12)
        score.setVerticalSpacing(0)
        score.addWidget(self.index_caption, 0, 0, 1, 2)
        score.addWidget(self.index, 1, 0, Qt.AlignmentFlag.AlignBottom)
        score.addWidget(self.predicate, 1, 1, Qt.AlignmentFlag.AlignBottom)
        score.addWidget(self.self_index, 2, 0, 1, 2)
        score.addWidget(self.previous_index, 3, 0, 1, 2)
        score.setColumnStretch(1, 1)

        self.progress_caption = QLabel()
        self.progress = StackedBar()
        self.time_text = QLabel()
        self.time_meter = Meter()
        progress = QVBoxLayout()
        progress.setContentsMargins(0, 0, 0, 0)
        progress.setSpacing(4)
        progress.addWidget(self.progress_caption)
        progress.addWidget(self.progress)
        progress.addWidget(self.time_text)
        progress.addWidget(self.time_meter)

        header = QHBoxLayout()
        header.setSpacing(24)
        header.addLayout(score, 2)
        header.addLayout(progress, 3)

        self.radar = RadarChart()
        self.bars = GroupedBars()
        charts_row = QHBoxLayout()
        charts_row.setSpacing(16)
        charts_row.addWidget(self.radar, 4)
        charts_row.addWidget(self.bars, 5)

        self.clarifications_caption = QLabel()
        self.clarifications = self._list(2)
        self.evidence_caption = QLabel()
        self.evidence = self._list(3)
        lists = QGridLayout()
        lists.setHorizontalSpacing(16)
        lists.setVerticalSpacing(2)
        lists.addWidget(self.clarifications_caption, 0, 0)
        lists.addWidget(self.clarifications, 1, 0)
        lists.addWidget(self.evidence_caption, 0, 1)
        lists.addWidget(self.evidence, 1, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(line)
        layout.addLayout(charts_row, 1)
        layout.addLayout(lists)

        self.ticker = QTimer(self)  # the elapsed time moves on while the dashboard is shown
        self.ticker.setInterval(30_000)
        self.ticker.timeout.connect(self._show_time)
        controller.changed.connect(self._session_changed)
        self._scale_fonts()

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def _list(self, columns: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(columns)
        tree.setHeaderHidden(True)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        head = tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if columns > 2:
            head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemClicked.connect(self._chosen)
        tree.itemActivated.connect(self._chosen)
        return tree

    # --- when to rebuild --------------------------------------------------------

    def _session_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        else:
            self._show_time()
        self.ticker.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Gather the numbers again (from what the controller has read) and show them."""
        c = self.controller
        items = c.read(open_items, c.session_id) or OpenItems((), ())
        previous = Previous.of(c.earlier())
        self.data = build_dashboard(c.overview, c.states, items, c.language, previous)
        self.rebuilds += 1
        self._stale = False
        self._show(self.data)

    # --- showing ------------------------------------------------------------------

    def _show(self, data: DashboardData) -> None:
        self.index.setText(score_label(data.index))
        self.predicate.setText(data.predicate or "")
        self.self_index.setText(
            self.tr("Self-assessment: %1").replace("%1", score_label(data.self_index))
        )
        self._show_previous(data)
        agreed_name, self_name = self.tr("Agreed"), self.tr("Self-assessment")
        show_on_radar(self.radar, data, agreed_name, self_name)
        self.bars.set_data(
            [
                BarGroup(
                    dimension_title(
                        data, group.dimension.code, group.dimension.title, group.dimension.agreed
                    ),
                    tuple(
                        Bar(
                            b.title,
                            _float(b.agreed),
                            _float(b.self_assessed),
                            score_label(b.agreed),
                        )
                        for b in group.bars
                    ),
                )
                for group in data.bars
            ],
            data.max_level,
            Series(agreed_name, AGREED_COLOUR),
            Series(self_name, SELF_COLOUR, dashed=True),
        )
        p = data.progress
        counts = [
            ("done", p.done),
            ("in_discussion", p.in_discussion),
            ("deferred", p.deferred),
            ("not_started", p.not_started),
        ]
        self.progress.set_data(
            [
                Segment(indicator_status_label(status), n, *PROGRESS_COLOURS[status])
                for status, n in counts
                if n or status != "deferred"  # deferred only once something is
            ]
        )
        self.progress_caption.setText(
            self.tr("Indicators: %1 of %2 done")
            .replace("%1", str(p.done))
            .replace("%2", str(p.total))
        )
        self._show_lists(data.open_items)
        self._show_time()

    def _show_previous(self, data: DashboardData) -> None:
        previous = data.previous
        self.previous_index.setVisible(previous is not None)
        if previous is None:
            return
        when = str(previous.year) if previous.stage >= 2 else f"{previous.year} (I)"
        text, colour = change_label(change(previous.index, data.index))
        self.previous_index.setText(
            self.tr("%1: %2").replace("%1", when).replace("%2", score_label(previous.index))
            + (f'  <span style="color:{colour}"><b>{text}</b></span>' if text else "")
        )
        self.previous_index.setToolTip(
            self.tr("The index of the region's previous session, and the change since")
        )

    def _show_lists(self, items: OpenItems) -> None:
        c = self.controller
        self.clarifications_caption.setText(
            self.tr("Open clarifications (%1)").replace("%1", str(len(items.clarifications)))
        )
        self.evidence_caption.setText(
            self.tr("Evidence still to come (%1)").replace("%1", str(len(items.evidence)))
        )
        today = local_time(self.clock(), _zone(c)).date()
        self.clarifications.clear()
        for q in items.clarifications:
            self._add_row(self.clarifications, q.indicator_code, [q.question])
        if not items.clarifications:
            self._add_empty(self.clarifications, self.tr("No question is waiting for an answer."))
        self.evidence.clear()
        for e in items.evidence:
            due = date_label(e.due_date) if e.due_date else ""
            row = self._add_row(self.evidence, e.indicator_code, [e.title, due])
            if e.due_date and e.due_date < today:
                row.setForeground(2, QColor(OVERDUE_COLOUR))
        if not items.evidence:
            self._add_empty(self.evidence, self.tr("No evidence is still to come."))
        self._fit_lists()

    def _add_row(self, tree: QTreeWidget, code: str, texts: list[str]) -> QTreeWidgetItem:
        c = self.controller
        row = QTreeWidgetItem(tree, [code, *texts])
        row.setData(0, CODE_ROLE, code)
        bold = QFont(tree.font())
        bold.setBold(True)
        row.setFont(0, bold)
        try:
            title = c.text(c.framework.indicator(code).title)
        except KeyError:
            title = ""
        row.setToolTip(0, title)
        row.setToolTip(1, f"{code} {title}\n{texts[0]}")
        return row

    def _add_empty(self, tree: QTreeWidget, text: str) -> None:
        row = QTreeWidgetItem(tree, ["", text])
        row.setFlags(Qt.ItemFlag.NoItemFlags)

    def _show_time(self) -> None:
        """The meeting's start, planned end and elapsed time (moves with the clock)."""
        data = self.data
        if data is None:
            return
        schedule = data.schedule
        if schedule is None:
            self.time_text.setText(self.tr("No start time is set for this meeting."))
            self.time_meter.set_share(None)
            return
        zone = _zone(self.controller)
        now = self.clock()
        start = local_time(schedule.starts_at, zone)
        end = local_time(schedule.planned_end, zone)
        span = f"{time_label(start)}–{time_label(end)}"
        if now.astimezone(start.tzinfo).date() != start.date() or now < schedule.starts_at:
            # Not the meeting's day (or not begun): when it is, no running clock.
            self.time_text.setText(
                self.tr("Meeting %1, %2 (planned)")
                .replace("%1", date_label(start.date()))
                .replace("%2", span)
            )
            self.time_text.setStyleSheet("")
            self.time_meter.set_share(0.0 if now < schedule.starts_at else None)
            return
        elapsed = schedule.elapsed(now)
        left = schedule.planned_end - now
        if left >= dt.timedelta(0):
            text = self.tr("%1 · %2 elapsed, %3 left")
            rest = self._duration(left)
            self.time_text.setStyleSheet("")
        else:
            text = self.tr("%1 · %2 elapsed, %3 past the planned end")
            rest = self._duration(-left)
            self.time_text.setStyleSheet(f"color: {OVERDUE_COLOUR};")
        self.time_text.setText(
            text.replace("%1", span).replace("%2", self._duration(elapsed)).replace("%3", rest)
        )
        self.time_meter.set_share(schedule.share_elapsed(now))

    def _duration(self, span: dt.timedelta) -> str:
        minutes = int(span.total_seconds() // 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
        return self.tr("%1 min").replace("%1", str(minutes))

    # --- going to an indicator ------------------------------------------------------

    def _chosen(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, CODE_ROLE)
        if code:
            self.go_to(str(code))

    def go_to(self, code: str) -> None:
        """Make ``code`` the indicator under discussion and say so (the window shows it)."""
        self.controller.set_current(code)
        self.indicator_chosen.emit(code)

    # --- sizes ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def text_size(self) -> int:
        """Pixel size of the running text, from the dashboard's size."""
        return round(max(11.0, min(24.0, self.height() / 44, self.width() / 62)))

    def _scale_fonts(self) -> None:
        size = self.text_size()
        family = chart_family()

        def font(scale: float, bold: bool = False) -> QFont:
            f = QFont(family) if family else QFont()
            f.setPixelSize(round(size * scale))
            f.setBold(bold)
            return f

        self.index_caption.setFont(font(1.0, bold=True))
        self.index.setFont(font(3.6, bold=True))
        self.predicate.setFont(font(2.0, bold=True))
        self.self_index.setFont(font(1.0))
        for label in (self.progress_caption, self.clarifications_caption, self.evidence_caption):
            label.setFont(font(1.0, bold=True))
        self.time_text.setFont(font(1.0))
        self.progress.setFixedHeight(round(size * 3.4))
        self.time_meter.setFixedHeight(max(8, round(size * 0.8)))
        for tree in (self.clarifications, self.evidence):
            tree.setFont(font(1.0))
            for n in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(n)
                if item is not None:
                    item.setFont(0, font(1.0, bold=True))
        self._fit_lists()

    def _fit_lists(self) -> None:
        """Both lists as tall as the longer one, up to five rows (then they scroll)."""
        rows = max(self.clarifications.topLevelItemCount(), self.evidence.topLevelItemCount(), 1)
        line = self.clarifications.fontMetrics().height() + 6
        height = min(rows, 5) * line + 2 * self.clarifications.frameWidth() + 2
        for tree in (self.clarifications, self.evidence):
            tree.setFixedHeight(height)


def show_on_radar(chart: RadarChart, data: DashboardData, agreed_name: str, self_name: str) -> None:
    """The dimensions on the radar: agreed (solid) against self-assessed (dashed),
    each axis labelled with both scores as shown everywhere else."""
    dimensions = data.dimensions
    chart.set_data(
        [d.title for d in dimensions],
        [
            Series(agreed_name, AGREED_COLOUR, values=_floats(d.agreed for d in dimensions)),
            Series(
                self_name,
                SELF_COLOUR,
                dashed=True,
                values=_floats(d.self_assessed for d in dimensions),
            ),
        ],
        data.max_level,
        [
            [
                AxisNote(score_label(d.agreed), AGREED_COLOUR),
                AxisNote(score_label(d.self_assessed), SELF_COLOUR),
            ]
            for d in dimensions
        ],
    )


def dimension_title(data: DashboardData, code: str, title: str, agreed: Decimal | None) -> str:
    """The dimension's name, and under it its change since the previous session."""
    if data.previous is None:
        return title
    text, _ = change_label(change(data.previous.groups.get(code), agreed))
    return f"{title}\n{text}" if text else title


def _zone(controller: SessionController) -> str:
    return controller.overview.timezone


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _floats(values: Iterable[Decimal | None]) -> tuple[float | None, ...]:
    return tuple(_float(v) for v in values)
