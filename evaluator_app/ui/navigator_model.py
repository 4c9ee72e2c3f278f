"""The framework tree as the navigator shows it: groups, indicators, their state.

The tree's shape is the session's framework and never changes while the session
is open; only what the rows say does.  So a change in the session is passed on
as ``dataChanged`` for the rows whose text moved, never as a reset: the view
keeps what is expanded and what is selected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QApplication

from evaluator_app.domain.framework import Group, Indicator
from evaluator_app.services.assignments import AssignmentInfo, assignments
from evaluator_app.services.walkthrough import IndicatorState
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import NOTHING, indicator_status_label, score_label

Index = QModelIndex | QPersistentModelIndex

_USER = Qt.ItemDataRole.UserRole
CODE_ROLE = _USER + 1  # indicator or group code
KIND_ROLE = _USER + 2  # "indicator" | "group"
SEARCH_ROLE = _USER + 3  # code, titles in both languages, notes: what a search reads
STATE_ROLE = _USER + 4  # indicators: not_started | in_discussion | done | deferred | na
SETTLED_ROLE = _USER + 5  # indicators: agreed level or N/A given
OPEN_CLARIFICATIONS_ROLE = _USER + 6  # indicators: open questions
PENDING_EVIDENCE_ROLE = _USER + 7  # indicators: evidence still to come
BADGES_ROLE = _USER + 8  # indicators: [(kind, text)] for the badge painter, kind as below
HOLDER_ROLE = _USER + 9  # dimensions: the participant id of the evaluator holding it, or None

INDICATOR = "indicator"
GROUP = "group"

# badge kinds, in the order they are shown
CLARIFICATION_BADGE = "clarifications"
EVIDENCE_BADGE = "evidence"
SPREAD_BADGE = "spread"
# Marks that every common UI font draws (no emoji font is needed on Linux).
BADGE_MARKS = {CLARIFICATION_BADGE: "?", EVIDENCE_BADGE: "▤", SPREAD_BADGE: "Δ"}
SPREAD_ALERT = 2  # evaluators this many levels apart: worth discussing
# Badge colours: background, text.  Strong enough to survive a projector.
BADGE_COLOURS = {
    CLARIFICATION_BADGE: (QColor("#f2a900"), QColor("#1f1600")),
    EVIDENCE_BADGE: (QColor("#2f64c8"), QColor("white")),
    SPREAD_BADGE: (QColor("#c62f2f"), QColor("white")),
}
BADGE_GAP = 4

# The state dots: colour plus shape, so that the states stay apart for the
# colour-blind and on a washed-out projector.
STATE_COLOURS = {
    "not_started": QColor("#8a8f98"),
    "in_discussion": QColor("#e08a00"),
    "done": QColor("#2e9d4f"),
    "deferred": QColor("#3d6fd6"),
    "na": QColor("#8a8f98"),
}


@dataclass
class _Node:
    kind: str  # "root" | GROUP | INDICATOR
    code: str
    parent: int  # node number of the parent (0 is the invisible root)
    row: int
    item: Group | Indicator | None = None
    children: list[int] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)  # groups: every indicator beneath


def _dot(state: str, size: int) -> QPixmap:
    """One state's mark at one size: a ring, half, full, paused or struck-out dot."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = STATE_COLOURS[state]
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.5, size / 9)
    inset = pen_width / 2 + size * 0.08
    circle = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    centre = circle.center()
    white = QPen(QColor("white"), pen_width * 1.2)
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(QPen(colour, pen_width))
    if state == "not_started":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
    elif state == "in_discussion":  # half full: under way
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        painter.setBrush(colour)
        painter.drawPie(circle, 90 * 16, 180 * 16)
    else:
        painter.setBrush(colour)
        painter.drawEllipse(circle)
        painter.setPen(white)
        r = circle.width() / 2
        if state == "done":  # a tick
            painter.drawPolyline(
                [
                    centre + QPointF(-0.45 * r, 0.02 * r),
                    centre + QPointF(-0.12 * r, 0.35 * r),
                    centre + QPointF(0.45 * r, -0.3 * r),
                ]
            )
        elif state == "deferred":  # pause bars
            for x in (-0.22 * r, 0.22 * r):
                painter.drawLine(centre + QPointF(x, -0.35 * r), centre + QPointF(x, 0.35 * r))
        else:  # N/A: a bar across
            painter.drawLine(centre + QPointF(-0.45 * r, 0), centre + QPointF(0.45 * r, 0))
    painter.end()
    return pixmap


_marks: dict[tuple[str, int, float], QPixmap] = {}
_bold: list[QFont] = []


def bold_font() -> QFont:
    """Bold and nothing else: the view's own font (family, size) fills in the rest."""
    if not _bold:
        font = QFont()
        font.setBold(True)
        _bold.append(font)
    return _bold[0]


def state_mark(state: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """The navigator's mark for an indicator state, ``size`` pixels on a screen of pixel
    ratio ``ratio`` (drawn once).  A picture of its own size, not an icon: the view
    sizes icons to its icon size, which the badges need wider."""
    key = (state, size, ratio)
    if key not in _marks:
        mark = _dot(state, max(1, round(size * ratio)))
        mark.setDevicePixelRatio(ratio)
        _marks[key] = mark
    return _marks[key]


def badge_marks(state: IndicatorState) -> list[tuple[str, str]]:
    """What an indicator's badges say, as (kind, text): '?2', '▤1', 'Δ2'."""
    badges = []
    if state.open_clarifications:
        text = f"{BADGE_MARKS[CLARIFICATION_BADGE]}{state.open_clarifications}"
        badges.append((CLARIFICATION_BADGE, text))
    if state.pending_evidence:
        badges.append((EVIDENCE_BADGE, f"{BADGE_MARKS[EVIDENCE_BADGE]}{state.pending_evidence}"))
    if state.rating_spread >= SPREAD_ALERT:
        badges.append((SPREAD_BADGE, f"{BADGE_MARKS[SPREAD_BADGE]}{state.rating_spread}"))
    return badges


def badges_text(badges: list[tuple[str, str]]) -> str:
    """The badges as words are read out: '?2 ▤1'."""
    return " ".join(text for _kind, text in badges)


def _pill_widths(badges: list[tuple[str, str]], metrics: QFontMetrics, height: int) -> list[int]:
    return [metrics.horizontalAdvance(text) + height // 2 + 4 for _kind, text in badges]


def _pills_width(badges: list[tuple[str, str]], metrics: QFontMetrics, height: int) -> int:
    widths = _pill_widths(badges, metrics, height)
    return sum(widths) + BADGE_GAP * (len(widths) - 1) if widths else 0


def draw_badges(badges: list[tuple[str, str]], font: QFont, ratio: float, width: int) -> QIcon:
    """The badges as coloured pills, centred on a transparent strip ``width`` wide
    (every row's strip as wide as the widest, so that the view, which puts a
    picture at the left of its cell, shows them centred in the column)."""
    metrics = QFontMetrics(font)
    height = metrics.height() + 2
    widths = _pill_widths(badges, metrics, height)
    total = sum(widths) + BADGE_GAP * (len(widths) - 1)
    width = max(width, total)
    pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    x = float((width - total) // 2)
    for (kind, text), pill_width in zip(badges, widths, strict=True):
        background, foreground = BADGE_COLOURS[kind]
        pill = QRectF(x, 0, pill_width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(foreground)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        x += pill_width + BADGE_GAP
    painter.end()
    icon = QIcon()
    # The same picture on a selected row: Qt would tint it with the selection colour.
    icon.addPixmap(pixmap, QIcon.Mode.Normal)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


@dataclass(frozen=True)
class _GroupFigures:
    done: int
    total: int
    score: str  # as shown


class NavigatorModel(QStandardItemModel):
    """Dimensions, their groups (to any depth) and indicators, in framework order.

    Column 0 is code and title (a dimension's with the evaluator holding it); 1
    the agreed level (indicators) or the score (groups); 2 the badges
    (indicators) or the progress, settled of all beneath (groups).  Custom
    roles: see the ``*_ROLE`` constants.

    What every row says is worked out here and kept in Qt's own items: a model
    answering in Python was asked some 2,000 questions per repaint of the tree,
    most of a switch's time when the tree scrolled (issue 9).  The badges too
    are kept as a picture (decoration role; their words in the accessible-text
    role): a delegate painting them in Python was a third of the tree's repaint.
    """

    TITLE, LEVEL, BADGES = range(3)

    def __init__(
        self,
        controller: SessionController,
        parent: QObject | None = None,
        view_font: tuple[QFont, float, int, int] | None = None,
    ) -> None:
        """``view_font``: ``set_view_font``'s arguments, known before the rows are
        filled (else filled twice, a tenth of a second of start-up, issue 9)."""
        super().__init__(parent)
        self._controller = controller
        self._nodes: list[_Node] = [_Node("root", "", -1, 0)]
        self._by_code: dict[str, int] = {}
        self._items: list[list[QStandardItem]] = [[]]  # per node: its three cells
        self.setColumnCount(3)
        for row, dimension in enumerate(controller.framework.dimensions):
            self._add_group(dimension, 0, row)
        self._states: dict[str, IndicatorState] = dict(controller.states)
        self._groups: dict[str, _GroupFigures] = self._group_figures()
        self._holders: dict[str, AssignmentInfo] = self._read_holders()
        font, ratio, mark_size, strip_padding = view_font or (QApplication.font(), 1.0, 16, 0)
        bold = QFont(font)
        bold.setBold(True)
        self._badge_font = bold  # the view says which (set_view_font)
        self._ratio = ratio
        self._mark_size = mark_size
        self._strip_padding = strip_padding  # the strip's room beside the widest row's pills
        self._badge_pictures: dict[tuple[tuple[str, str], ...], QIcon] = {}
        self._badge_width = self._widest_badges()
        blocked = self.blockSignals(True)  # no view yet: nobody to tell
        try:
            for number in range(1, len(self._nodes)):
                self._fill(number)
        finally:
            self.blockSignals(blocked)
        controller.changed.connect(self._refresh)

    def _add_group(self, group: Group, parent: int, row: int) -> int:
        number = self._add_node(_Node(GROUP, group.code, parent, row, group))
        node = self._nodes[number]
        # Indicators first, then sub-groups: the order of Framework.indicators(),
        # which is also the order Ctrl+Down walks.
        for indicator in group.indicators:
            self._add_node(_Node(INDICATOR, indicator.code, number, len(node.children), indicator))
        for child in group.groups:
            self._add_group(child, number, len(node.children))
        node.indicators = [i.code for i in group.walk_indicators()]
        return number

    def _add_node(self, node: _Node) -> int:
        number = len(self._nodes)
        self._nodes.append(node)
        self._nodes[node.parent].children.append(number)
        self._by_code[node.code] = number
        cells = [QStandardItem() for _column in range(3)]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind == INDICATOR:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        for cell in cells:
            cell.setFlags(flags)
        self._items.append(cells)
        if node.parent == 0:
            self.appendRow(cells)
        else:
            self._items[node.parent][0].appendRow(cells)
        return number

    def _fill(self, number: int) -> None:
        """Put what node ``number``'s cells say into them (signals are the caller's)."""
        node = self._nodes[number]
        if node.kind == INDICATOR:
            for cell, roles in zip(self._items[number], self._indicator_cells(node), strict=True):
                cell.clearData()
                for role, value in roles.items():
                    cell.setData(value, role)
            return
        for column, cell in enumerate(self._items[number]):
            roles = {
                CODE_ROLE: node.code,
                KIND_ROLE: node.kind,
                SEARCH_ROLE: self._search_text(node),
            }
            wanted = (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.TextAlignmentRole,
                Qt.ItemDataRole.FontRole,
                HOLDER_ROLE,
            )
            found = {role: self._group_data(node, column, role) for role in wanted}
            roles.update((role, value) for role, value in found.items() if value is not None)
            cell.clearData()
            for role, value in roles.items():
                cell.setData(value, role)

    # --- reading --------------------------------------------------------------

    def index_of(self, code: str, column: int = 0) -> QModelIndex:
        """The row of an indicator or group by code (invalid if unknown)."""
        number = self._by_code.get(code)
        if number is None or not 0 <= column < 3:
            return QModelIndex()
        return self.indexFromItem(self._items[number][column])

    def indicator_state(self, code: str) -> IndicatorState | None:
        return self._states.get(code)

    def holder(self, dimension_code: str) -> AssignmentInfo | None:
        """Who holds a dimension (None: nobody yet)."""
        return self._holders.get(dimension_code)

    def _read_holders(self) -> dict[str, AssignmentInfo]:
        found = self._controller.read(assignments, self._controller.session_id)
        return dict(found or {})

    def _is_dimension(self, node: _Node) -> bool:
        return node.kind == GROUP and node.parent == 0

    def _dimension_of(self, number: int) -> str:
        while self._nodes[number].parent > 0:
            number = self._nodes[number].parent
        return self._nodes[number].code

    def _group_figures(self) -> dict[str, _GroupFigures]:
        scores = self._controller.overview.scores.groups
        figures = {}
        for node in self._nodes:
            if node.kind != GROUP:
                continue
            done = sum(1 for code in node.indicators if self._settled(code))
            score = scores.get(node.code)
            value = score.value if score is not None else None
            shown = score_label(value) if value is not None else ""
            figures[node.code] = _GroupFigures(done, len(node.indicators), shown)
        return figures

    def _settled(self, code: str) -> bool:
        state = self._states.get(code)
        return state is not None and state.settled

    # --- Qt's model interface -------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = (self.tr("Indicator"), self.tr("Level"), self.tr("Progress"))
            return headers[section] if 0 <= section < len(headers) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.TITLE:
            return Qt.AlignmentFlag.AlignCenter
        return None

    # --- what rows say --------------------------------------------------------

    def _title(self, node: _Node) -> str:
        assert node.item is not None
        return f"{node.code}  {self._controller.text(node.item.title)}"

    def _search_text(self, node: _Node) -> str:
        assert node.item is not None
        title = node.item.title
        parts = [node.code, title.id, title.en or ""]
        state = self._states.get(node.code)
        if node.kind == INDICATOR and state is not None:
            parts.append(state.notes)
        holder = self._holders.get(node.code) if self._is_dimension(node) else None
        if holder is not None:  # a holder's name finds the dimensions they hold
            parts.append(holder.name)
        return "\n".join(p for p in parts if p)

    def _group_data(self, node: _Node, column: int, role: int) -> Any:
        figures = self._groups[node.code]
        holder = self._holders.get(node.code) if self._is_dimension(node) else None
        if role == HOLDER_ROLE:
            return holder.participant_id if holder is not None else None
        if role == Qt.ItemDataRole.FontRole:
            return bold_font() if node.parent == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                title = self._title(node)
                return f"{title} · {holder.name}" if holder is not None else title
            # The score sits under the indicators' levels: it is their (weighted) mean.
            if column == self.LEVEL:
                return figures.score
            return f"{figures.done}/{figures.total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self._title(node), self.tr("%1 of %2 indicators settled")]
            lines[1] = lines[1].replace("%1", str(figures.done)).replace("%2", str(figures.total))
            score = figures.score or NOTHING
            lines.append(self.tr("Score: %1").replace("%1", score))
            if holder is not None:
                lines.append(self.tr("Assigned to %1").replace("%1", holder.name))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TITLE:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _indicator_cells(self, node: _Node) -> list[dict[int, Any]]:
        """An indicator row's three cells, role -> value, each value worked out once
        per row (asked per cell and role, the rows cost five times as much, issue 9)."""
        common: dict[int, Any] = {
            CODE_ROLE: node.code,
            KIND_ROLE: node.kind,
            SEARCH_ROLE: self._search_text(node),
        }
        state = self._states.get(node.code)
        if state is None:  # an assessment row missing: show the title, nothing more
            return [{**common, Qt.ItemDataRole.DisplayRole: self._title(node)}, common, common]
        common[Qt.ItemDataRole.ToolTipRole] = self._indicator_tooltip(node, state)
        if state.not_applicable:
            common[Qt.ItemDataRole.ForegroundRole] = QBrush(
                QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            )
        common[STATE_ROLE] = state.state
        common[SETTLED_ROLE] = state.settled
        common[OPEN_CLARIFICATIONS_ROLE] = state.open_clarifications
        common[PENDING_EVIDENCE_ROLE] = state.pending_evidence
        centred = {**common, Qt.ItemDataRole.TextAlignmentRole: Qt.AlignmentFlag.AlignCenter}
        title = {
            **common,
            Qt.ItemDataRole.DisplayRole: self._title(node),
            Qt.ItemDataRole.DecorationRole: state_mark(state.state, self._mark_size, self._ratio),
        }
        level = {**centred, Qt.ItemDataRole.DisplayRole: self._level_text(state)}
        badges = badge_marks(state)
        marks = dict(centred)
        if badges:
            marks[Qt.ItemDataRole.DecorationRole] = self._badge_picture(badges)
            marks[Qt.ItemDataRole.AccessibleTextRole] = badges_text(badges)
        marks[BADGES_ROLE] = badges
        return [title, level, marks]

    def _level_text(self, state: IndicatorState) -> str:
        if state.not_applicable:
            return self.tr("N/A")
        return "" if state.agreed_level is None else str(state.agreed_level)

    def state_name(self, state: str) -> str:
        return indicator_status_label(state)

    def _level_name(self, value: int) -> str:
        try:
            return self._controller.text(self._controller.framework.level(value).name)
        except KeyError:  # a level off the scale is refused by the services; be safe
            return ""

    def _indicator_tooltip(self, node: _Node, state: IndicatorState) -> str:
        lines = [self._title(node)]
        status = self.state_name(state.state)
        if state.agreed_level is not None and not state.not_applicable:
            level = self.tr("level %1").replace("%1", str(state.agreed_level))
            name = self._level_name(state.agreed_level)
            status = f"{status} · {level}" + (f" ({name})" if name else "")
        lines.append(status)
        counts = []
        if state.open_clarifications == 1:
            counts.append(self.tr("1 open clarification"))
        elif state.open_clarifications:
            counts.append(
                self.tr("%1 open clarifications").replace("%1", str(state.open_clarifications))
            )
        if state.pending_evidence:
            counts.append(self.tr("%1 pending evidence").replace("%1", str(state.pending_evidence)))
        if counts:
            lines.append(", ".join(counts))
        if state.rating_spread >= SPREAD_ALERT:
            lines.append(
                self.tr("Evaluators' ratings differ by %1 levels").replace(
                    "%1", str(state.rating_spread)
                )
            )
        return "\n".join(lines)

    # --- the badges' picture ---------------------------------------------------

    def set_view_font(
        self, font: QFont, ratio: float = 1.0, mark_size: int = 16, strip_padding: int = 0
    ) -> None:
        """Draw the badges in ``font`` (made bold) on strips ``strip_padding`` wider than
        the widest row's pills, and the state marks ``mark_size`` pixels wide, for a
        screen of pixel ratio ``ratio``: the view's own."""
        bold = QFont(font)
        bold.setBold(True)
        wanted = (bold, ratio, mark_size, strip_padding)
        if wanted == (self._badge_font, self._ratio, self._mark_size, self._strip_padding):
            return
        self._badge_font, self._ratio, self._mark_size, self._strip_padding = wanted
        self._badge_pictures.clear()
        self._badge_width = self._widest_badges()
        self._refill_indicators()

    @property
    def badge_width(self) -> int:
        """How wide every row's badges are drawn (the widest row's)."""
        return self._badge_width

    @property
    def badge_height(self) -> int:
        return QFontMetrics(self._badge_font).height() + 2

    def _badge_picture(self, badges: list[tuple[str, str]]) -> QIcon:
        key = tuple(badges)
        picture = self._badge_pictures.get(key)
        if picture is None:
            if len(self._badge_pictures) > 200:  # counts change during a meeting
                self._badge_pictures.clear()
            picture = draw_badges(badges, self._badge_font, self._ratio, self._badge_width)
            self._badge_pictures[key] = picture
        return picture

    def _widest_badges(self) -> int:
        metrics = QFontMetrics(self._badge_font)
        height = metrics.height() + 2
        widths = (_pills_width(badge_marks(s), metrics, height) for s in self._states.values())
        widest = max(widths, default=0)
        return widest + self._strip_padding if widest else 0

    def _refill_indicators(self) -> None:
        """Every indicator row filled again (the view's font or pixel ratio changed)."""
        for number, node in enumerate(self._nodes):
            if node.kind == INDICATOR:
                self._refill_row(number)

    def _refill_row(self, number: int) -> None:
        """Fill node ``number``'s row again and say so once: the items' own signals
        (one per cell and role) are held back meanwhile."""
        blocked = self.blockSignals(True)
        try:
            self._fill(number)
        finally:
            self.blockSignals(blocked)
        first = self.indexFromItem(self._items[number][0])
        last = self.indexFromItem(self._items[number][2])
        self.dataChanged.emit(first, last)

    # --- following the session -----------------------------------------------

    def _refresh(self) -> None:
        """Tell the views which rows now read differently (the shape stays)."""
        old_states, old_groups, old_holders = self._states, self._groups, self._holders
        self._states = dict(self._controller.states)
        self._groups = self._group_figures()
        self._holders = self._read_holders()
        widest = self._widest_badges()
        rebadged = widest != self._badge_width  # every strip of badges is drawn as wide
        if rebadged:
            self._badge_width = widest
            self._badge_pictures.clear()
        # A holder's name is searched for in the indicators beneath: they read differently too.
        handed_over = {
            code
            for code in old_holders.keys() | self._holders.keys()
            if old_holders.get(code) != self._holders.get(code)
        }
        for number, node in enumerate(self._nodes):
            if node.kind == INDICATOR:
                state = self._states.get(node.code)
                moved = old_states.get(node.code) != state
                moved |= self._dimension_of(number) in handed_over
                moved |= rebadged and state is not None and bool(badge_marks(state))
            elif node.kind == GROUP:
                moved = old_groups.get(node.code) != self._groups.get(node.code)
                moved |= old_holders.get(node.code) != self._holders.get(node.code)
            else:
                continue
            if moved:
                self._refill_row(number)
