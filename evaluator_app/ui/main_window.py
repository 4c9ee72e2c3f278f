"""The first window: the sessions on this laptop and the selected one's overview."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

import evaluator_app
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import session_overview
from evaluator_app.ui.session_details import SessionDetailsPanel
from evaluator_app.ui.session_list_model import SessionListModel
from evaluator_app.ui.tables import natural_width, read_only_table


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        language: str,
        open_session_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._language = language
        self.setWindowTitle("Evaluator")

        self.sessions = SessionListModel(ctx, self)
        self.session_table = QTableView()
        self.session_table.setModel(self.sessions)
        read_only_table(self.session_table, stretch_column=SessionListModel.REGION)
        self.session_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.session_table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details = SessionDetailsPanel()
        self.placeholder = QLabel(self.tr("Select a session to see its overview."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.details)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.session_table)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)  # a wider window widens the details
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_menus()
        # A widget, not a message: menus clear the status bar's messages as they open.
        self.data_folder = QLabel(self.tr("Data folder: %1").replace("%1", str(ctx.store.data_dir)))
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.data_folder)
        self._fit_to_screen()
        self.select_session(open_session_id)

    def _fit_to_screen(self) -> None:
        """1280x760 at most, 90% of a smaller screen (laptops: 1366x768); the list is shown
        whole unless that leaves the details less than 45%."""
        available = self.screen().availableGeometry()
        width = min(1280, int(available.width() * 0.9))
        self.resize(width, min(760, int(available.height() * 0.9)))
        left = min(max(natural_width(self.session_table), width * 2 // 5), width * 11 // 20)
        self.splitter.setSizes([left, width - left])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Evaluator"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def select_session(self, session_id: str | None) -> None:
        """Select ``session_id`` (the first session when None or unknown)."""
        row = self.sessions.row_of(session_id) if session_id else None
        if row is None and self.sessions.rowCount() > 0:
            row = 0
        if row is None:
            self._show(None)
            return
        self.session_table.selectRow(row)
        self.session_table.scrollTo(self.sessions.index(row, 0))

    def selected_session_id(self) -> str | None:
        rows = self.session_table.selectionModel().selectedRows()
        return self.sessions.session_row(rows[0].row()).id if rows else None

    def refresh(self) -> None:
        """Reload the list, keeping the selected session selected if it still exists."""
        current = self.selected_session_id()
        self.sessions.refresh()
        self.select_session(current)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.selected_session_id())

    def _show(self, session_id: str | None) -> None:
        if session_id is None:
            self.placeholder.setText(
                self.tr("Select a session to see its overview.")
                if self.sessions.rowCount()
                else self.tr(
                    "There are no evaluation sessions on this laptop yet.\n"
                    "To try the app, start it with: evaluator-app --demo"
                )
            )
            self.right.setCurrentWidget(self.placeholder)
            return
        try:
            overview = session_overview(self._ctx, session_id, self._language)
        except ServiceError as error:  # e.g. removed meanwhile by another window or the CLI
            self.placeholder.setText(str(error))
            self.right.setCurrentWidget(self.placeholder)
            return
        self.details.show_overview(overview, self._language)
        self.right.setCurrentWidget(self.details)

    def show_about(self) -> None:
        self.about_box().exec()

    def about_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Evaluator"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(f"<b>Evaluator {evaluator_app.__version__}</b>")
        box.setInformativeText(
            self.tr(
                "Offline maturity-evaluation meetings: score indicators, record evidence "
                "and findings, sign the minutes."
            )
        )
        # Qt ships no Indonesian translation of its standard buttons.
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        return box
