"""The navigator: the left pane of the session window.

The framework tree with each indicator's state, a search field and a filter,
and the overall progress underneath.  Picking a row makes that indicator the
one under discussion; when the indicator changes elsewhere (Ctrl+Down), the
tree follows.  Focus never moves on its own: the lead may be typing elsewhere.
A dimension's context menu assigns it to one of the session's evaluators.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QActionGroup, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.assignments import assign_dimension
from evaluator_app.services.participants import EVALUATOR_ROLES
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.labels import progress_label, role_label, score_label
from evaluator_app.ui.navigator_model import (
    BADGES_ROLE,
    CODE_ROLE,
    GROUP,
    HOLDER_ROLE,
    INDICATOR,
    KIND_ROLE,
    OPEN_CLARIFICATIONS_ROLE,
    PENDING_EVIDENCE_ROLE,
    SEARCH_ROLE,
    SETTLED_ROLE,
    NavigatorModel,
)

Index = QModelIndex | QPersistentModelIndex

ALL = "all"
NOT_DONE = "not_done"
OPEN_CLARIFICATIONS = "open_clarifications"
PENDING_EVIDENCE = "pending_evidence"
FILTER_MODES = (ALL, NOT_DONE, OPEN_CLARIFICATIONS, PENDING_EVIDENCE)


def folded(text: str) -> str:
    """Text as a search compares it: no case, no accents ('Ré' finds 're')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class NavigatorFilter(QSortFilterProxyModel):
    """Indicators that pass the mode and contain every word of the query.

    A group shows when an indicator beneath it passes (recursive filtering).
    A word found in a group's code or title counts for every indicator in it,
    so "kesehatan" shows the whole Health group.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._mode = ALL
        self._query = ""
        self._terms: list[str] = []

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def query(self) -> str:
        return self._query

    def is_active(self) -> bool:
        """True when some indicator may be hidden."""
        return self._mode != ALL or bool(self._terms)

    def set_mode(self, mode: str) -> None:
        if mode not in FILTER_MODES:
            raise ValueError(f"unknown filter mode {mode!r}; one of: {', '.join(FILTER_MODES)}")
        if mode != self._mode:
            self.beginFilterChange()
            self._mode = mode
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_query(self, text: str) -> None:
        terms = folded(text).split()
        self._query = text
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.is_active():
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(KIND_ROLE) != INDICATOR:
            return False  # shown only for an indicator beneath (recursive filtering)
        if not self._mode_accepts(index):
            return False
        if not self._terms:
            return True
        texts = []
        while index.isValid():  # the indicator and every group above it
            texts.append(str(index.data(SEARCH_ROLE) or ""))
            index = index.parent()
        haystack = folded("\n".join(texts))
        return all(term in haystack for term in self._terms)

    def _mode_accepts(self, index: QModelIndex) -> bool:
        if self._mode == NOT_DONE:
            return not index.data(SETTLED_ROLE)
        if self._mode == OPEN_CLARIFICATIONS:
            return bool(index.data(OPEN_CLARIFICATIONS_ROLE))
        if self._mode == PENDING_EVIDENCE:
            return bool(index.data(PENDING_EVIDENCE_ROLE))
        return True


BADGES_ROOM = 8  # the badge column's room beside the widest row's pills


class RoomyDelegate(QStyledItemDelegate):
    """Cells drawn by Qt itself, a little roomier than its default (as the badges')."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(8, 4)


class NavigatorPanel(QWidget):
    """Search, filter, the framework tree and the overall progress, top to bottom."""

    filter_changed = Signal()  # the mode or the query changed

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._following = False  # selecting because the controller said so: do not echo

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search codes, titles, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr("Up and Down step through the indicators shown; Enter shows the first.")
        )
        self.search.textChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._go_to_first_shown)
        self.search.installEventFilter(self)

        self.mode = QComboBox()
        for mode, label in (
            (ALL, self.tr("All indicators")),
            (NOT_DONE, self.tr("Not done")),
            (OPEN_CLARIFICATIONS, self.tr("Open clarifications")),
            (PENDING_EVIDENCE, self.tr("Pending evidence")),
        ):
            self.mode.addItem(label, mode)
        self.mode.setToolTip(self.tr("Which indicators to show"))
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mode.currentIndexChanged.connect(self._mode_changed)

        self.tree = QTreeView()
        # Every cell is Qt's own, the badges a picture the model keeps (a Python
        # paint for every cell cost milliseconds a switch, issue 9).
        self.tree.setItemDelegate(RoomyDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A size up from the interface font: the lead's screen may be what the room sees.
        font = self.tree.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.15, 10.0))
        self.tree.setFont(font)
        style = self.tree.style()
        mark = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.tree)
        # Qt puts a picture this far from its cell's left edge; the badges' strip
        # leaves as much on the right, within the column's usual room.
        self._picture_margin = (
            style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        )
        padding = max(0, BADGES_ROOM - 2 * self._picture_margin)
        view_font = (font, self.tree.devicePixelRatioF(), mark, padding)
        self.model = NavigatorModel(controller, self, view_font)
        self.filter = NavigatorFilter(self)
        self.filter.setSourceModel(self.model)
        self.tree.setModel(self.filter)
        self._fit_icons()
        header = self.tree.header()
        # No header row: the columns say what they are (and their tooltips spell it
        # out), and the width is worth more to the titles.
        header.setVisible(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NavigatorModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths set when the rows change (_fit_columns), not ResizeToContents: that
        # measured every visible row through Python some 200 times a switch (issue 9).
        self._cell_widths: dict[tuple[object, ...], int] = {}
        for column in (NavigatorModel.LEVEL, NavigatorModel.BADGES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter.rowsInserted.connect(self._rows_shown)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.shown = QLabel()  # how many indicators the filter lets through
        self.shown.setVisible(False)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        bold = self.progress.font()
        bold.setBold(True)
        self.progress.setFont(bold)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.shown)
        layout.addWidget(self.progress)

        controller.changed.connect(self._session_changed)
        controller.current_changed.connect(self.show_current)
        self.tree.expandAll()
        self._fit_columns()
        self._show_progress()
        if controller.current is not None:
            self.show_current(controller.current)

    # --- commands -------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_mode(self, mode: str) -> None:
        """Show all indicators, or only those not done, with open questions or pending evidence."""
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def shown_codes(self) -> list[str]:
        """The indicators the tree shows now, top to bottom (collapsed groups included)."""
        return [index.data(CODE_ROLE) for index in self._shown_indicators()]

    def show_current(self, code: str) -> None:
        """Select and reveal an indicator's row; nothing selected if the filter hides it."""
        proxy = self.filter.mapFromSource(self.model.index_of(code))
        selection = self.tree.selectionModel()
        self._following = True
        try:
            if not proxy.isValid():
                selection.clearSelection()
                return
            parent = proxy.parent()
            while parent.isValid():
                # expand() lays the columns out again even for an open row: ask first.
                if not self.tree.isExpanded(parent):
                    self.tree.expand(parent)
                parent = parent.parent()
            selection.setCurrentIndex(
                proxy,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(proxy)
        finally:
            self._following = False

    def dimension_menu(self, code: str) -> QMenu:
        """A dimension's context menu: "Assign to" the session's evaluators, or nobody."""
        menu = QMenu(self)
        assign = menu.addMenu(self.tr("Assign to"))
        assign.setEnabled(not self._controller.read_only)
        choices: list[tuple[str, str | None]] = []
        for person in self._controller.overview.participants:
            if person.role in EVALUATOR_ROLES:
                label = person.name
                if person.role == "lead_evaluator":
                    label = f"{person.name} · {role_label(person.role)}"
                choices.append((label, person.id))
        if not choices:
            assign.addAction(self.tr("No evaluator in the attendance")).setEnabled(False)
        choices.append((self.tr("Nobody"), None))
        holder = self.model.index_of(code).data(HOLDER_ROLE)
        group = QActionGroup(assign)
        for label, participant_id in choices:
            if participant_id is None:
                assign.addSeparator()
            action = assign.addAction(label)
            action.setData(participant_id)
            action.setCheckable(True)
            action.setChecked(participant_id == holder)
            group.addAction(action)
            action.triggered.connect(
                lambda _checked=False, pid=participant_id: self.assign(code, pid)
            )
        return menu

    def assign(self, code: str, participant_id: str | None) -> bool:
        """Give a dimension to an evaluator (None: to nobody); True when it was done."""
        return self._controller.attempt(
            assign_dimension, self._controller.session_id, code, participant_id
        )

    # --- reacting -------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():  # from the keyboard's menu key: the current row
            index = self.tree.currentIndex()
        index = index.siblingAtColumn(0)
        if not index.isValid() or index.parent().isValid() or index.data(KIND_ROLE) != GROUP:
            return  # only dimensions are assigned
        menu = self.dimension_menu(index.data(CODE_ROLE))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._following:
            return
        # Rows leaving the filter only deselect; the current indicator stays current.
        for index in selected.indexes():
            if index.column() == 0 and index.data(KIND_ROLE) == INDICATOR:
                self._controller.set_current(index.data(CODE_ROLE))
                return

    def _query_changed(self, text: str) -> None:
        self.filter.set_query(text)
        self._filter_changed()

    def _mode_changed(self, _row: int) -> None:
        self.filter.set_mode(self.mode.currentData())
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.tree.expandAll()  # matches may sit in groups someone collapsed
        self._fit_columns()
        self._show_current_again()
        self._show_counts()
        self.filter_changed.emit()

    def _fit_icons(self) -> None:
        """Icons as large as the badges' picture (the state marks are pictures of their
        own size): Qt shrinks an icon to the view's icon size."""
        size = QSize(max(1, self.model.badge_width), self.model.badge_height)
        if self.tree.iconSize() != size:
            self.tree.setIconSize(size)

    def _session_changed(self) -> None:
        # The model has already told the filter; rows may have come or gone.
        self._fit_icons()
        self._fit_columns()
        self._show_current_again()
        self._show_counts()
        self._show_progress()

    def _show_current_again(self) -> None:
        if self._controller.current is not None:
            self.show_current(self._controller.current)

    def _rows_shown(self, parent: QModelIndex, first: int, last: int) -> None:
        # Rows that come back (a filter relaxed, a row changed) come back open.
        if parent.isValid():
            self.tree.expand(parent)
        for row in range(first, last + 1):
            self.tree.expandRecursively(self.filter.index(row, 0, parent))

    def _fit_columns(self) -> None:
        """The level and badge columns as wide as their widest shown cell (each distinct
        cell measured once through its delegate, then remembered)."""
        widest = {NavigatorModel.LEVEL: 0, NavigatorModel.BADGES: 0}
        badges_wide = self.model.badge_width  # each row's badges are drawn as wide

        def walk(parent: QModelIndex) -> None:
            for row in range(self.filter.rowCount(parent)):
                first = self.filter.index(row, 0, parent)
                top = not parent.isValid()
                for column in widest:
                    index = first.siblingAtColumn(column)
                    text = index.data(Qt.ItemDataRole.DisplayRole)
                    key = (column, top, text, tuple(index.data(BADGES_ROLE) or ()), badges_wide)
                    width = self._cell_widths.get(key)
                    if width is None and column == NavigatorModel.BADGES and key[3]:
                        width = self._cell_widths[key] = badges_wide + 2 * self._picture_margin
                    if width is None:
                        width = self._cell_widths[key] = self.tree.sizeHintForIndex(index).width()
                    widest[column] = max(widest[column], width)
                if first.data(KIND_ROLE) != INDICATOR:
                    walk(first)

        walk(QModelIndex())
        header = self.tree.header()
        for column, width in widest.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _shown_indicators(self) -> list[QModelIndex]:
        found: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.filter.rowCount(parent)):
                index = self.filter.index(row, 0, parent)
                if index.data(KIND_ROLE) == INDICATOR:
                    found.append(index)
                else:
                    walk(index)

        walk(QModelIndex())
        return found

    def _step_shown(self, step: int) -> None:
        codes = self.shown_codes()
        if not codes:
            return
        current = self._controller.current
        if current in codes:
            position = codes.index(current) + step
            code = codes[max(0, min(len(codes) - 1, position))]
        else:
            code = codes[0] if step > 0 else codes[-1]
        self._controller.set_current(code)

    def _go_to_first_shown(self) -> None:
        codes = self.shown_codes()
        if codes and self._controller.current not in codes:
            self._controller.set_current(codes[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.NoModifier:
                if event.key() == Qt.Key.Key_Down:
                    self._step_shown(1)
                    return True
                if event.key() == Qt.Key.Key_Up:
                    self._step_shown(-1)
                    return True
                if event.key() == Qt.Key.Key_Escape and self.search.text():
                    self.search.clear()
                    return True
        return super().eventFilter(watched, event)

    # --- what the labels say --------------------------------------------------

    def _show_counts(self) -> None:
        if not self.filter.is_active():
            self.shown.setVisible(False)
            return
        shown = len(self._shown_indicators())
        total = len(self._controller.states)
        if shown == 0:
            text = self.tr("No indicator matches.")
        else:
            text = self.tr("Showing %1 of %2 indicators").replace("%1", str(shown))
            text = text.replace("%2", str(total))
        self.shown.setText(text)
        self.shown.setVisible(True)

    def _show_progress(self) -> None:
        scores = self._controller.overview.scores
        predicate = self._controller.text(scores.predicate.name) if scores.predicate else ""
        text = (
            self.tr("Settled %1 · index %2 %3")
            .replace("%1", progress_label(scores.done, scores.indicators))
            .replace("%2", score_label(scores.index))
            .replace("%3", predicate)
        )
        self.progress.setText(text.strip())

    def sizeHint(self) -> QSize:
        return QSize(420, 600)
